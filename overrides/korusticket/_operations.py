"""What each resource method sends and how its answer is read, written once for sync and async.

Every operation is a generator of `Call`s: it yields the generated operation to run, receives
its parsed result (or has the raised error thrown into it) and returns the final value. The
sync and async clients only differ in the driver that runs these generators (`run`, `arun`),
so argument checking, bulk accounting and the safe order retry exist once.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Generator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs

from . import _validate as v
from ._base import Request
from ._bulk import BulkFailure, BulkResult, collect, failure_index, failure_of
from ._config import RequestOptions
from ._errors import (
    BadRequestError,
    ConflictError,
    KorusTicketError,
    OutcomeUnknownError,
    UnprocessableEntityError,
)
from ._ids import to_id, to_iri

# The generated operations and models are imported where they are used, so `import korusticket`
# does not load every generated module (benchmarks/_startup.py).
if TYPE_CHECKING:
    from korusticket_api.models import (
        BookingOrder,
        BookingOrderBulkResult,
        BookingOrderBulkWrite,
        BookingOrderItemTicket,
        BookingReservation,
    )

__all__ = [
    "Call",
    "Flow",
    "arun",
    "create_orders_flow",
    "create_reservations_flow",
    "run",
    "set_beneficiary_call",
]

log = logging.getLogger("korusticket")
T = TypeVar("T")

RESERVATIONS = "/v1/booking/reservations"
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


# --- reservations -------------------------------------------------------------------------------


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

    payload = v.reservation_items(items)
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
    a refused resend is looked up LOOKUPS times, backing off; a reservation whose fate
    cannot be proven raises OutcomeUnknownError naming it, with what was proven as
    ``succeeded``. Calling again with the same reference returns the caller's existing order,
    whether the server fails its reservations one by one or refuses the whole request (4xx).

    The order POST goes at most ``max_retries`` more times (of ``options``, the call's effective
    options). Whether a reservation has expired is the server's verdict, never the local clock's
    (it may be ahead of the server's).
    """
    from korusticket_api.models import BookingOrderBulkWrite

    reservations = v.reservations_to_order(reservations)
    order_notes = v.text_of(notes, "notes", required=False)
    reference = v.text_of(external_reference, "external_reference", required=True, max_length=50)
    assert reference is not None
    attempts = options.get("max_retries", 0)  # checked when the options were (core.effective)
    iris = [to_iri(r, f"reservations[{i}]", RESERVATIONS, exact=True) for i, r in enumerate(reservations)]
    customer_body = v.customer(customer)
    book = _OrderBook(reference, reservations, iris)
    to_send = list(book.unique)

    for attempt in range(attempts + 1):
        body = BookingOrderBulkWrite.from_dict(
            {"reservations": to_send, "customer": customer_body, "externalReference": reference}
            | ({"notes": order_notes} if order_notes is not None else {})
        )
        answer = yield from _post_orders(book, body, to_send, options)
        if answer is None:
            return book.result()
        silent, refused, verify, last = answer
        book.maybe |= silent
        recheck = yield from _reconcile(book, silent | refused | verify, refused, verify, options)
        if not recheck:
            return book.result()
        if recheck & refused:
            raise book.unknown(
                f"The server refused {len(recheck & refused)} reservation(s) (already ordered, expired, ...) "
                "that an earlier order POST of this call, whose answer said nothing about them, may have "
                f"ordered, and no order with external_reference {reference!r} covering them was found after "
                f"{LOOKUPS} lookup(s).",
                recheck,
                last,
            ) from (last if isinstance(last, KorusTicketError) else None)
        # The lookup proves these unordered (a resend of an ordered one is refused by the server).
        to_send = [i for i in book.unique if i in recheck]
        if attempt == attempts:
            raise book.unknown(
                f"{last} No order with external_reference {reference!r} covering them was found after "
                f"{attempt + 1} attempt(s).",
                recheck,
                last,
            ) from (last if isinstance(last, KorusTicketError) else None)
        log.debug("no order for external_reference %r yet: sending again (attempt %d)", reference, attempt + 2)
    raise AssertionError("unreachable")  # pragma: no cover


class _OrderBook:
    """What one create_orders call has proven so far, reservation by reservation."""

    def __init__(self, reference: str, reservations: Sequence[object], iris: list[str]) -> None:
        self.reference = reference
        self.reservations = reservations
        self.iris = iris
        self.unique = list(dict.fromkeys(iris))  # a reservation given twice is ordered (and reported) once
        self.found: dict[str, BookingOrder] = {}  # reservation IRI -> its order, proven to be this call's
        self.failed: dict[str, Any] = {}  # reservation IRI -> the failure an answer positively gave it
        self.untied: list[BookingOrder] = []  # created orders naming no reservation, which the count ties
        self.maybe: set[str] = set()  # reservations an answer that said nothing about them may have ordered

    def proven(self) -> list[BookingOrder]:
        return list({id(o): o for o in [*self.found.values(), *self.untied]}.values())

    def result(self) -> BulkResult[BookingOrder]:
        outcome: dict[str, BookingOrder | BulkFailure | None] = {}
        failures: list[BulkFailure] = []
        for iri in self.unique:
            index = self.iris.index(iri)
            if iri in self.failed:
                failure = failure_of(self.failed[iri], self.reservations[index], index)
                outcome[iri] = failure
                failures.append(failure)
            else:  # ordered: by a known order, or by one of `untied` (which one cannot be told)
                outcome[iri] = self.found.get(iri)
        return BulkResult(succeeded=self.proven(), failed=failures, outcomes=tuple(outcome[i] for i in self.iris))

    def unknown(self, message: str, pending: set[str], cause: KorusTicketError | str) -> OutcomeUnknownError:
        concerned = [i for i in self.unique if i in pending]
        return OutcomeUnknownError(
            f"{message} Reservations concerned: {concerned}. Check "
            f"kt.orders.list(external_reference={self.reference!r}) before sending them again.",
            request=getattr(cause, "request", None),
            cause=cause if isinstance(cause, str) else (getattr(cause, "cause", "") or type(cause).__name__),
            reservations=concerned,
            external_reference=self.reference,
            succeeded=self.proven(),
        )


_Answer = tuple[set[str], set[str], set[str], KorusTicketError | str]


def _post_orders(
    book: _OrderBook, body: BookingOrderBulkWrite, sent: list[str], options: RequestOptions
) -> Flow[_Answer | None]:
    """One order POST. None: settled (a whole refusal of a retried call whose orders all exist);
    else the reservations its answer said nothing about (silent), refused though an earlier
    silent answer may have ordered them (refused), failed (verify), and why."""
    from korusticket_api.api.booking_order import orders_create
    from korusticket_api.models import BookingOrderBulkResult

    sent = list(sent)
    try:
        result = yield Call(orders_create._get_kwargs(body=body), BookingOrderBulkResult, options)
    except OutcomeUnknownError as exc:
        log.debug("order POST outcome unknown (%s); looking up external_reference", exc.cause)
        return set(sent), set(), set(), exc
    except KorusTicketError as exc:
        if book.maybe:
            return set(), set(sent), set(), exc  # a refused resend proves nothing: the lost one may have ordered
        # Refused as a whole on the first sending: the outcome, unless this call retries an
        # earlier one that did order them all (the docs allow a 422 for "already ordered").
        if isinstance(exc, BadRequestError | ConflictError | UnprocessableEntityError):
            yield from _own_orders(book.reference, book.unique, book.found, options)
            if book.found.keys() >= set(book.unique):
                return None
        raise
    silent, refused, verify = _read_order_answer(result, sent, book.maybe, book.found, book.failed, book.untied)
    return silent, refused, verify, "the answer did not report every reservation"


def _reconcile(
    book: _OrderBook,
    recheck: set[str],
    refused: set[str],
    verify: set[str],
    options: RequestOptions,
) -> Flow[set[str]]:
    """Look the orders under the call's reference up; what of `recheck` stays unproven. A refusal
    may mean "ordered", by a commit not yet visible: then look again, backing off."""
    if not recheck:
        return recheck
    patient = bool(refused)
    for look in range(LOOKUPS if patient else 1):
        delay = LOOKUP_DELAY * (1 << look) if patient else 0.0
        try:
            orders = yield from _orders_by_reference(book.reference, options, delay)
            yield from _tie_orders(orders, recheck, book.found, options)
        except KorusTicketError as exc:
            raise book.unknown(
                f"An order POST's outcome is not known and looking it up failed ({exc}).", recheck, exc
            ) from exc
        for iri in verify & set(book.found):
            del book.failed[iri]  # the caller's own order, from an earlier call: the retry is idempotent
        recheck = recheck - (set(book.found) | verify)
        if not recheck:
            break
    return recheck


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


def set_beneficiary_call(
    order: object, item: object, ticket: object, beneficiary: object, options: RequestOptions
) -> Call[BookingOrderItemTicket]:
    from korusticket_api.api.booking_order_item_ticket import order_tickets_set_beneficiary
    from korusticket_api.models import BookingOrderItemTicket, BookingOrderItemTicketPatchWrite

    body = BookingOrderItemTicketPatchWrite.from_dict({"beneficiary": v.beneficiary(beneficiary)})
    request = order_tickets_set_beneficiary._get_kwargs(
        order_id=to_id(order, "order"), order_item_id=to_id(item, "item"), id=to_id(ticket, "id"), body=body
    )
    return Call(request, BookingOrderItemTicket, options)
