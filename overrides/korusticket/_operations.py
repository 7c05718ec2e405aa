"""What each resource method sends and how its answer is read, written once for sync and async.

Every operation is a generator of `Call`s: it yields the generated operation to run, receives
its parsed result (or has the raised error thrown into it) and returns the final value. The
sync and async clients only differ in the driver that runs these generators (`run`, `arun`),
so argument checking, bulk accounting and the safe order retry exist once.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Awaitable, Callable, Generator, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from ._base import Request
from ._bulk import BulkFailure, BulkResult, collect, failure_index, failure_of
from ._config import RequestOptions, check_retries
from ._errors import (
    BadRequestError,
    ConflictError,
    InputError,
    KorusTicketError,
    OutcomeUnknownError,
    UnprocessableEntityError,
)
from ._ids import iri_of, to_id, to_iri
from ._numbers import is_whole
from ._shapes import FIELDS, Field

# The generated operations and models are imported where they are used, so `import korusticket`
# does not load every generated module (benchmarks/_startup.py).
if TYPE_CHECKING:
    from korusticket_api.models import (
        BookingOrder,
        BookingOrderBulkResult,
        BookingOrderItemTicket,
        BookingReservation,
    )

__all__ = [
    "Call",
    "Flow",
    "arun",
    "create_orders_flow",
    "create_reservations_flow",
    "nested_iri",
    "run",
    "set_beneficiary_call",
]

log = logging.getLogger("korusticket")
T = TypeVar("T")

RESERVATIONS = "/v1/booking/reservations"
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Reconciling an order whose answer said nothing: after a refused resend of a reservation this
# call may have ordered (whatever the refusal says), look it up this many times, waiting
# LOOKUP_DELAY, then twice as long, ... (the order may not be visible yet while the server commits it).
LOOKUPS = 3
LOOKUP_DELAY = 0.5
LOOKUP_PAGES = 20  # orders sharing one external_reference: at most this many pages of 50


@attrs.frozen
class Call(Generic[T]):
    """One request of a flow, built by a generated operation's builder called with keywords
    (``orders_list._get_kwargs(external_reference=...)``: mypy checks every wire name), and
    parsed into `expect`. ``delay``: seconds to wait before sending it (a lookup backing off)."""

    request: Request
    expect: type[T]
    options: RequestOptions
    delay: float = 0.0


Flow = Generator[Call[Any], Any, T]


def run(flow: Flow[T], execute: Callable[[Call[Any]], Any]) -> T:
    """Drive a flow synchronously; the flow is closed however this ends (as httpx closes its auth flow)."""
    try:
        call = next(flow)
        while True:
            try:
                result = execute(call)
            except KorusTicketError as exc:
                call = flow.throw(exc)
            else:
                call = flow.send(result)
    except StopIteration as stop:
        return stop.value  # type: ignore[no-any-return]
    finally:
        flow.close()  # any other exception (a bug, KeyboardInterrupt, a cancelled task) ends the flow too


async def arun(flow: Flow[T], execute: Callable[[Call[Any]], Awaitable[Any]]) -> T:
    """Drive a flow on the event loop; the flow is closed however this ends."""
    try:
        call = next(flow)
        while True:
            try:
                result = await execute(call)
            except KorusTicketError as exc:
                call = flow.throw(exc)
            else:
                call = flow.send(result)
    except StopIteration as stop:
        return stop.value  # type: ignore[no-any-return]
    finally:
        flow.close()  # any other exception (a bug, KeyboardInterrupt, a cancelled task) ends the flow too


# --- argument checks shared by several methods ------------------------------------------------


def _key(mapping: Mapping[str, Any], *names: str) -> Any:
    for name in names:
        if name in mapping:
            return mapping[name]
    return None


def _known_keys(mapping: Mapping[str, Any], where: str, known: tuple[str, ...]) -> None:
    """A misspelt key would be dropped from the request without a word: refuse it instead."""
    unknown = sorted(str(k) for k in mapping if k not in known)
    if unknown:
        raise InputError(f"{where}.{unknown[0]}", "unknown key", ", ".join(k for k in known if "_" in k or k.islower()))


def _text(value: object, field: str, *, required: bool, max_length: int | None = None) -> str | None:
    if value is None:
        if required:
            raise InputError(field, "missing", "a non-empty string")
        return None
    if not isinstance(value, str) or (required and not value.strip()):
        raise InputError(field, f"{value!r:.40} is not a non-empty string", "a non-empty string")
    if max_length is not None and len(value) > max_length:
        raise InputError(field, f"{len(value)} characters is too long", f"1 to {max_length} characters")
    return value


def _shape(name: str) -> dict[str, Field]:
    """The fields of a request shape, by wire key, as the spec describes them (korusticket_api/shapes.py)."""
    return {f.wire: f for f in FIELDS[name]}


def _shape_keys(name: str) -> tuple[str, ...]:
    """Every key a shape accepts: the snake_case Python keys and the wire keys."""
    return tuple(dict.fromkeys(k for f in FIELDS[name] for k in (f.key, f.wire)))


def _value(value: object, f: Field, where: str) -> Any:
    """One value of a request shape, checked against its schema (type and enum values); None stays None."""
    if value is None:
        if f.required:
            raise InputError(where, "missing", "a value")
        return None
    if f.enum is not None:
        if isinstance(value, str) and value in f.enum:
            return value
        raise InputError(where, f"{value!r} is not a known {f.key.replace('_', ' ')}", ", ".join(f.enum))
    if f.type == "string":
        return _text(value, where, required=f.required)
    if f.type == "boolean":
        if not isinstance(value, bool):
            raise InputError(where, f"{value!r} is not a bool", "True or False")
        return value
    if f.type == "integer":
        if not is_whole(value):
            raise InputError(where, f"{value!r} is not a whole number", "..., -1, 0, 1, 2, ...")
        return value
    if f.type == "number" and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise InputError(where, f"{value!r} is not a number", "an int or a float")
    return value  # objects and arrays the client has no rule for go as given


def _other_fields(value: Mapping[str, Any], shape: str, where: str, handled: set[str]) -> dict[str, Any]:
    """The fields of a shape the flow has no rule for (a field a release added): checked by the
    schema and sent under their wire key; None leaves them out."""
    out: dict[str, Any] = {}
    for f in FIELDS[shape]:
        if f.wire in handled:
            continue
        raw = _key(value, f.key, f.wire)
        if raw is not None:
            out[f.wire] = _value(raw, f, f"{where}.{f.key}")
    return out


# --- reservations -------------------------------------------------------------------------------


def nested_iri(value: object, field: str, marker: str) -> str:
    """IRI of a resource nested under a catalog (offer, ticket, session, product): a bare id
    cannot say which catalog it belongs to, so an IRI or a model is required."""
    iri = value if isinstance(value, str) else iri_of(value)
    if not iri or not iri.startswith("/") or marker not in iri:
        raise InputError(
            field, f"{value!r:.80} is not a {marker.strip('/')[:-1]} IRI", f"an IRI containing {marker} or the model"
        )
    to_id(iri, field)
    return iri


def _reservation_items(items: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The `items` of POST /v1/booking/reservations/_bulk, checked before anything is sent."""
    if isinstance(items, Mapping) or not isinstance(items, Sequence) or not items:
        raise InputError("items", "no items to reserve", "a non-empty list of {offer, quantity, ticket_sessions}")
    out: list[dict[str, Any]] = []
    for i, item in enumerate(items):
        where = f"items[{i}]"
        if not isinstance(item, Mapping):
            raise InputError(
                where, f"{type(item).__name__} is not a mapping", "a dict with offer, quantity, ticket_sessions"
            )
        _known_keys(item, where, _shape_keys("ReservationItemInput"))
        offer = _key(item, "offer")
        offer_iri = nested_iri(offer, f"{where}.offer", "/offers/")
        quantity = _key(item, "quantity")
        if not is_whole(quantity, 1):
            raise InputError(f"{where}.quantity", f"{quantity!r} is not a positive whole number", "1, 2, 3, ...")
        sessions = _key(item, "ticket_sessions", "ticketSessions")
        if sessions is None:
            sessions = _default_ticket_sessions(offer, where)
        if isinstance(sessions, Mapping | str) or not isinstance(sessions, Iterable):
            raise InputError(f"{where}.ticket_sessions", "not a list", "a list of {ticket, session?, form_data?}")
        out.append(
            {
                "offer": offer_iri,
                "quantity": quantity,
                "ticketSessions": [
                    _ticket_session(ts, f"{where}.ticket_sessions[{j}]") for j, ts in enumerate(sessions)
                ],
                **_other_fields(item, "ReservationItemInput", where, {"offer", "quantity", "ticketSessions"}),
            }
        )
    return out


def _default_ticket_sessions(offer: object, where: str) -> list[dict[str, Any]]:
    """Full-day tickets need no session choice: fill them in from an offer model."""
    tickets = getattr(offer, "tickets", None)
    if (
        isinstance(tickets, list)
        and tickets
        and all(getattr(t, "date_access", None) is True and getattr(t, "iri", None) for t in tickets)
    ):
        return [{"ticket": t.iri} for t in tickets]
    raise InputError(
        f"{where}.ticket_sessions",
        "missing: the offer has tickets that need a session (or it was given as an IRI)",
        "a list of {ticket, session?, form_data?}, one per ticket of the offer",
    )


def _ticket_session(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, Mapping):
        raise InputError(where, f"{type(value).__name__} is not a mapping", "a dict with ticket, session?, form_data?")
    _known_keys(value, where, _shape_keys("TicketSessionInput"))
    ticket = _key(value, "ticket")
    out: dict[str, Any] = {"ticket": nested_iri(ticket, f"{where}.ticket", "/tickets/")}
    session = _key(value, "session")
    if session is not None:
        out["session"] = nested_iri(session, f"{where}.session", "/sessions/")
    form_data = _key(value, "form_data", "formData")
    if form_data is not None:
        if not isinstance(form_data, Mapping) or "form" not in form_data or "fields" not in form_data:
            raise InputError(f"{where}.form_data", "not a formData payload", "korusticket.forms.build_form_data(...)")
        out["formData"] = dict(form_data)
    out.update(_other_fields(value, "TicketSessionInput", where, {"ticket", "session", "formData"}))
    return out


def _offer_of(raw: Any) -> str | None:
    if isinstance(raw, Mapping):
        value = raw.get("offer")
        return value if isinstance(value, str) else None
    return None


def _offers_of(reservation: BookingReservation) -> set[str]:
    items = reservation.items if isinstance(reservation.items, list) else []
    return {item.offer for item in items if isinstance(item.offer, str)}


def create_reservations_flow(
    items: Sequence[Mapping[str, Any]], options: RequestOptions
) -> Flow[BulkResult[BookingReservation]]:
    from korusticket_api.api.booking_reservation import reservations_create
    from korusticket_api.models import BookingReservationBulkResult, BookingReservationBulkWrite

    payload = _reservation_items(items)
    body = BookingReservationBulkWrite.from_dict({"items": payload})
    offers = list(dict.fromkeys(i["offer"] for i in payload))
    try:
        result = yield Call(reservations_create._get_kwargs(body=body), BookingReservationBulkResult, options)
    except OutcomeUnknownError as exc:
        lost: OutcomeUnknownError | None = exc
        silent, succeeded = offers, []
    else:
        lost = None
        created, failures = bulk_arrays(result, "reservations", "failedReservations")
        accounted = collect(created, failures, payload, input_key=_offer_of, created_keys=_offers_of, items=items)
        # An item the answer names neither as created nor as failed may have been reserved.
        silent = list(
            dict.fromkeys(payload[f.index]["offer"] for f in accounted.failed if f.raw is None and f.index is not None)
        )
        if not silent:
            return accounted
        succeeded = accounted.succeeded
    # No client-chosen key exists for reservations, so the outcome cannot be looked up.
    why = str(lost) if lost is not None else "The reservation POST's answer does not say what became of every item."
    raise OutcomeUnknownError(
        f"{why} Reservations have no client reference, so this client cannot tell whether they "
        "were created: list recent reservations (kt.reservations.list(order='desc')) and look for "
        f"the offers {silent} before reserving again; unwanted reservations expire at their expiresAt.",
        request=None if lost is None else lost.request,
        cause="answer without every item" if lost is None else lost.cause,
        reservations=silent,
        succeeded=succeeded,
    ) from (None if lost is None else lost.__cause__ if isinstance(lost.__cause__, KorusTicketError) else lost)


# --- orders -------------------------------------------------------------------------------------


def _customer(value: object) -> dict[str, Any]:
    """The customer of an order, checked field by field against its schema (CustomerInput)."""
    if hasattr(value, "to_dict"):
        value = value.to_dict()
    if not isinstance(value, Mapping):
        raise InputError(
            "customer", f"{type(value).__name__} is not a mapping", "a dict with firstname, lastname, email, ..."
        )
    fields = _shape("CustomerInput")
    by_key = {k: f for f in fields.values() for k in (f.key, f.wire)}
    unknown = sorted(str(k) for k in set(value) - set(by_key))
    if unknown:
        raise InputError(f"customer.{unknown[0]}", "unknown field", ", ".join(sorted(fields)))
    out: dict[str, Any] = {}
    for key, raw in value.items():
        f = by_key[key]
        if raw is not None:
            out[f.wire] = _value(raw, f, f"customer.{f.key}")
    for f in fields.values():
        if f.required and f.wire not in out:
            out[f.wire] = _value(None, f, f"customer.{f.key}")
    return {w: out[w] for w in fields if w in out}  # the schema's order


def _reservation_iri_of(raw: Any) -> str | None:
    if isinstance(raw, Mapping):
        value = raw.get("reservation")
        return value if isinstance(value, str) else None
    return value if isinstance(value := raw, str) else None


def _reservations_of(order: BookingOrder) -> set[str]:
    value = order.additional_properties.get("reservation")
    return {value} if isinstance(value, str) else set()


def bulk_arrays(result: Any, created_key: str, failed_key: str) -> tuple[list[Any], list[Any]]:
    """The created resources and raw failures of a `_bulk` answer. An array that does not fit the
    spec (lenient mode set it aside: a JSON object, IRIs, nulls) or is absent reads as empty: it
    says nothing positive about any item, so every item it would have named is reconciled."""
    arrays: list[list[Any]] = []
    for key in (created_key, failed_key):
        value = getattr(result, _ATTRS[key], None)
        arrays.append(value if isinstance(value, list) else [])
    created, failed = arrays
    return created, [f.to_dict() for f in failed]


_ATTRS = {
    "orders": "orders",
    "failedOrders": "failed_orders",
    "reservations": "reservations",
    "failedReservations": "failed_reservations",
}


def _orders_by_reference(reference: str, options: RequestOptions, delay: float) -> Flow[list[BookingOrder]]:
    """Every order carrying `reference` (a bounded number of pages)."""
    from korusticket_api.api.booking_order import orders_list
    from korusticket_api.models import OrdersListResponse200

    found: list[BookingOrder] = []
    for page_number in range(1, LOOKUP_PAGES + 1):
        request = orders_list._get_kwargs(external_reference=reference, items_per_page=50, page=page_number)
        wait = delay if page_number == 1 else 0.0
        page = yield Call(request, OrdersListResponse200, options, delay=wait)
        members = page.member if isinstance(page.member, list) else []
        # A server ignoring the filter must not make another booking's order count as this one's.
        found += [o for o in members if o.external_reference == reference]
        total = page.total_items if isinstance(page.total_items, int) else None
        if len(members) < 50 or (total is not None and page_number * 50 >= total):
            break
    return found


def create_orders_flow(
    reservations: Sequence[object],
    customer: object,
    external_reference: str,
    *,
    options: RequestOptions,
    attempts: int | None = None,
    lookups: int = LOOKUPS,
    lookup_delay: float = LOOKUP_DELAY,
    notes: str | None = None,
) -> Flow[BulkResult[BookingOrder]]:
    """POST /v1/booking/orders/_bulk, safe to retry, telling each reservation's true outcome.

    One rule: a reservation is reported failed only when an answer positively says it failed.
    Anything else after the request left (a lost answer, a 5xx, an answer whose arrays do not
    fit the spec, a reservation missing from the answer, a refused resend of a reservation an
    earlier answer may have ordered, whatever its code or language) is reconciled: the orders
    carrying ``external_reference`` are looked up, and only those covering a reservation this
    call sent count (another booking under the same reference is not this call's success). A
    reservation the lookup proves unordered is sent again (the server never orders one twice);
    a refused resend is looked up ``lookups`` times, backing off; a reservation whose fate
    cannot be proven raises OutcomeUnknownError naming it, with what was proven as
    ``succeeded``. Calling again with the same reference returns the caller's existing order,
    whether the server fails its reservations one by one or refuses the whole request (4xx).

    ``attempts``: order POSTs at most, after the first (default: the effective ``max_retries``
    of ``options``). Whether a reservation has expired is the server's verdict, never the local
    clock's (it may be ahead of the server's).
    """
    from korusticket_api.api.booking_order import orders_create
    from korusticket_api.models import BookingOrderBulkResult, BookingOrderBulkWrite

    if isinstance(reservations, str | Mapping) or not isinstance(reservations, Sequence) or not reservations:
        raise InputError(
            "reservations", "no reservations to order", "a non-empty list of reservations (ids, IRIs or models)"
        )
    order_notes = _text(notes, "notes", required=False)
    reference = _text(external_reference, "external_reference", required=True, max_length=50)
    assert reference is not None
    attempts = check_retries(options.get("max_retries", 0) if attempts is None else attempts)
    lookups = check_retries(lookups)
    iris = [to_iri(r, f"reservations[{i}]", RESERVATIONS, exact=True) for i, r in enumerate(reservations)]
    customer_body = _customer(customer)
    unique = list(dict.fromkeys(iris))  # a reservation given twice is ordered (and reported) once

    found: dict[str, BookingOrder] = {}  # reservation IRI -> its order, proven to be this call's
    failed: dict[str, Any] = {}  # reservation IRI -> the failure an answer positively gave it
    untied: list[BookingOrder] = []  # created orders naming no reservation, which the count ties
    maybe: set[str] = set()  # reservations an answer that said nothing about them may have ordered
    to_send = list(unique)

    def proven() -> list[BookingOrder]:
        return list({id(o): o for o in [*found.values(), *untied]}.values())

    def account() -> BulkResult[BookingOrder]:
        outcome: dict[str, BookingOrder | BulkFailure | None] = {}
        failures: list[BulkFailure] = []
        for iri in unique:
            index = iris.index(iri)
            if iri in failed:
                outcome[iri] = failure_of(failed[iri], reservations[index], index)
                failures.append(outcome[iri])  # type: ignore[arg-type]
            else:  # ordered: by a known order, or by one of `untied` (which one cannot be told)
                outcome[iri] = found.get(iri)
        return BulkResult(succeeded=proven(), failed=failures, outcomes=tuple(outcome[i] for i in iris))

    def unknown(message: str, pending: set[str], cause: KorusTicketError | str) -> OutcomeUnknownError:
        concerned = [i for i in unique if i in pending]
        return OutcomeUnknownError(
            f"{message} Reservations concerned: {concerned}. Check "
            f"kt.orders.list(external_reference={reference!r}) before sending them again.",
            request=getattr(cause, "request", None),
            cause=cause if isinstance(cause, str) else (getattr(cause, "cause", "") or type(cause).__name__),
            reservations=concerned,
            external_reference=reference,
            succeeded=proven(),
        )

    for attempt in range(attempts + 1):
        body = BookingOrderBulkWrite.from_dict(
            {"reservations": to_send, "customer": customer_body, "externalReference": reference}
            | ({"notes": order_notes} if order_notes is not None else {})
        )
        sent = list(to_send)
        silent: set[str] = set()  # sent, and the answer said nothing positive about them
        refused: set[str] = set()  # refused, though an earlier silent answer may have ordered them
        verify: set[str] = set()  # failed: unless an order under this reference covers them already
        last: KorusTicketError | str
        try:
            result = yield Call(orders_create._get_kwargs(body=body), BookingOrderBulkResult, options)
        except OutcomeUnknownError as exc:
            log.debug("order POST outcome unknown (%s); looking up external_reference", exc.cause)
            silent, last = set(sent), exc
        except KorusTicketError as exc:
            if maybe:
                refused, last = set(sent), exc  # a refused resend proves nothing: the lost one may have ordered
            else:
                # Refused as a whole on the first sending: the outcome, unless this call retries an
                # earlier one that did order them all (the docs allow a 422 for "already ordered").
                if isinstance(exc, BadRequestError | ConflictError | UnprocessableEntityError):
                    yield from _own_orders(reference, unique, found, options)
                    if found.keys() >= set(unique):
                        return account()
                raise
        else:
            silent, refused, verify = _read_order_answer(result, sent, maybe, found, failed, untied)
            last = "the answer did not report every reservation"
        recheck = silent | refused | verify
        if not recheck:
            return account()
        maybe |= silent
        patient = bool(refused)  # a refusal may mean "ordered", by a commit not yet visible: look again
        for look in range(lookups if patient else 1):
            delay = lookup_delay * (1 << look) if patient else 0.0
            try:
                orders = yield from _orders_by_reference(reference, options, delay)
                yield from _tie_orders(orders, recheck, found, options)
            except KorusTicketError as exc:
                raise unknown(
                    f"An order POST's outcome is not known and looking it up failed ({exc}).", recheck, exc
                ) from exc
            for iri in verify & set(found):
                del failed[iri]  # the caller's own order, from an earlier call: the retry is idempotent
            recheck -= set(found) | verify
            if not recheck:
                return account()
        if recheck & refused:
            raise unknown(
                f"The server refused {len(recheck & refused)} reservation(s) (already ordered, expired, ...) "
                "that an earlier order POST of this call, whose answer said nothing about them, may have "
                f"ordered, and no order with external_reference {reference!r} covering them was found after "
                f"{lookups} lookup(s).",
                recheck,
                last,
            ) from (last if isinstance(last, KorusTicketError) else None)
        # The lookup proves these unordered (a resend of an ordered one is refused by the server).
        to_send = [i for i in unique if i in recheck]
        if attempt == attempts:
            raise unknown(
                f"{last} No order with external_reference {reference!r} covering them was found after "
                f"{attempt + 1} attempt(s).",
                recheck,
                last,
            ) from (last if isinstance(last, KorusTicketError) else None)
        log.debug("no order for external_reference %r yet: sending again (attempt %d)", reference, attempt + 2)
    raise AssertionError("unreachable")  # pragma: no cover


def _read_order_answer(
    result: BookingOrderBulkResult,
    sent: list[str],
    maybe: set[str],
    found: dict[str, BookingOrder],
    failed: dict[str, Any],
    untied: list[BookingOrder],
) -> tuple[set[str], set[str], set[str]]:
    """Record what a 200 to the order POST positively says; return the reservations it said
    nothing about (silent), those it refused though an earlier silent answer may have ordered
    them (refused), and those it failed, to check against the orders already under this
    reference (verify: a retry of an earlier call that did order them)."""
    created, failures = bulk_arrays(result, "orders", "failedOrders")
    new_untied: list[BookingOrder] = []
    loose: list[Any] = []  # failures naming no reservation
    refused: set[str] = set()
    for order in created:
        named = _reservations_of(order)
        for iri in named & set(sent):
            found[iri] = order
        if not named:  # 1.0.7 orders name no reservation; one naming another is not this call's
            new_untied.append(order)
    for raw in failures:
        index = failure_index(raw, sent, _reservation_iri_of)
        if index is None:
            loose.append(raw)
        elif sent[index] in maybe:
            refused.add(sent[index])  # ordered perhaps, by this call's earlier request
        elif sent[index] not in found:
            failed[sent[index]] = raw
    missing = [i for i in sent if i not in found and i not in failed and i not in refused]
    # Orders or failures that name no reservation settle the missing ones by count, when they
    # are all of one kind and exactly as many: every reservation gets exactly one of them.
    if missing and not (new_untied and loose) and len(new_untied) + len(loose) == len(missing):
        if new_untied:
            untied.extend(new_untied)
        elif not set(missing) & maybe:
            failed.update(zip(missing, loose, strict=True))
        else:
            refused |= set(missing)
        return set(), refused, set(failed) & set(sent)
    return set(missing), refused, set(failed) & set(sent)


def _own_orders(reference: str, iris: list[str], found: dict[str, BookingOrder], options: RequestOptions) -> Flow[None]:
    """Record the orders under `reference` that cover `iris`; a failed lookup records nothing
    (the refusal it would have explained stands as the outcome)."""
    try:
        orders = yield from _orders_by_reference(reference, options, 0.0)
        yield from _tie_orders(orders, set(iris), found, options)
    except KorusTicketError as exc:
        log.debug("looking up external_reference %r after a refusal failed: %s", reference, exc)


def _tie_orders(
    orders: list[BookingOrder], recheck: set[str], found: dict[str, BookingOrder], options: RequestOptions
) -> Flow[None]:
    """Record which looked-up orders cover the reservations in `recheck`."""
    from korusticket_api.api.booking_reservation import reservations_get
    from korusticket_api.models import BookingReservation

    untied: dict[str, BookingOrder] = {}
    for order in orders:
        keys = _reservations_of(order)
        for iri in keys & recheck:
            found[iri] = order
        if not keys and order.iri:
            untied[order.iri] = order
    if untied:
        # 1.0.7 orders do not name their reservation; the reservation names its order.
        for iri in sorted(recheck - set(found)):
            held = yield Call(reservations_get._get_kwargs(id=to_id(iri, "reservation")), BookingReservation, options)
            if isinstance(held.order, str) and held.order in untied:
                found[iri] = untied[held.order]


# --- tickets and documents ------------------------------------------------------------------


def _beneficiary(value: object) -> dict[str, Any]:
    """The ticket holder, checked against its schema (BeneficiaryInput); merge-patch: None clears a field."""
    if hasattr(value, "to_dict"):
        value = value.to_dict()
    if not isinstance(value, Mapping):
        raise InputError(
            "beneficiary", f"{type(value).__name__} is not a mapping", "a dict with firstname, lastname, ..."
        )
    fields = _shape("BeneficiaryInput")
    by_key = {k: f for f in fields.values() for k in (f.key, f.wire)}
    unknown = sorted(str(k) for k in value if k not in by_key)
    if unknown:
        raise InputError(f"beneficiary.{unknown[0]}", "unknown field", ", ".join(sorted(fields)))
    data = {by_key[str(k)].wire: v for k, v in value.items()}
    birth = data.get("dateOfBirth")
    if isinstance(birth, dt.datetime):
        raise InputError("beneficiary.date_of_birth", "a datetime, not a date", "datetime.date or 'YYYY-MM-DD'")
    if isinstance(birth, dt.date):
        data["dateOfBirth"] = birth.isoformat()
    elif birth is not None:
        data["dateOfBirth"] = _calendar_date(birth, "beneficiary.date_of_birth")
    out: dict[str, Any] = {}
    for wire, f in fields.items():
        if f.required:
            out[wire] = _text(data.get(wire), f"beneficiary.{f.key}", required=True)
        elif wire in data:  # merge-patch: an explicit None clears the field on the server
            out[wire] = _value(data[wire], f, f"beneficiary.{wire}")
    return out


def _calendar_date(value: object, field: str) -> str:
    """A 'YYYY-MM-DD' string naming a real day (the server would store anything else as is)."""
    if isinstance(value, str) and DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise InputError(field, f"{value!r:.40} is not a calendar date", "datetime.date or 'YYYY-MM-DD'")


def set_beneficiary_call(
    order: object, item: object, ticket: object, beneficiary: object, options: RequestOptions
) -> Call[BookingOrderItemTicket]:
    from korusticket_api.api.booking_order_item_ticket import order_tickets_set_beneficiary
    from korusticket_api.models import BookingOrderItemTicket, BookingOrderItemTicketPatchWrite

    body = BookingOrderItemTicketPatchWrite.from_dict({"beneficiary": _beneficiary(beneficiary)})
    request = order_tickets_set_beneficiary._get_kwargs(
        order_id=to_id(order, "order"), order_item_id=to_id(item, "item"), id=to_id(ticket, "id"), body=body
    )
    return Call(request, BookingOrderItemTicket, options)
