"""Argument checks and conversions for request parameters and the request bodies of the hooked
operations, one vocabulary for every method.

Each check takes the user's value and the argument's name, and returns what the generated
operation wants (``UNSET`` for an omitted optional value), or raises InputError naming the
argument, what is wrong and what is allowed, before anything is sent. ``is_whole`` (defined in
_numbers.py, re-exported here) is the one whole-number test (forms.py, _config.py and
_pagination.py use it with their own messages).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from enum import Enum
from typing import Any, TypeVar

from korusticket_api.types import UNSET, Unset

from ._errors import InputError
from ._ids import iri_of, to_id, to_iri
from ._numbers import is_whole
from ._shapes import FIELDS, Field

__all__ = [
    "api_path",
    "beneficiary",
    "body",
    "choice",
    "choices",
    "customer",
    "date",
    "datetime",
    "flag",
    "id",
    "ids",
    "iri",
    "iris",
    "is_whole",
    "mapping",
    "need",
    "nested_iri",
    "path_choice",
    "path_id",
    "path_text",
    "reservation_items",
    "reservations_to_order",
    "text",
    "text_of",
    "texts",
    "whole",
    "whole_number",
]

E = TypeVar("E", bound=Enum)
T = TypeVar("T")


def need(value: T | Unset, field: str) -> T:
    if isinstance(value, Unset):
        raise InputError(field, "missing", "a value: this parameter is required")
    return value


def whole_number(value: object, field: str, lo: int | None = None, hi: int | None = None) -> int:
    """An int (never a bool) within [lo, hi]."""
    if not is_whole(value, lo, hi):
        if lo is not None and hi is not None:
            allowed = f"a whole number from {lo} to {hi}"
        elif lo is not None:
            allowed = f"a whole number >= {lo}"
        else:
            allowed = "a whole number"
        raise InputError(field, f"{value!r:.40} is out of range" if isinstance(value, int) else
                         f"{value!r:.40} is not a whole number", allowed)  # fmt: skip
    return value


def _text(value: object, field: str, pattern: str | None = None) -> str:
    if not isinstance(value, str) or not value.strip() or any(c in value for c in "\r\n\0"):
        raise InputError(field, f"{value!r:.60} is not a non-empty single-line string", "a non-empty string")
    if pattern is not None and re.search(pattern, value) is None:
        raise InputError(field, f"{value!r:.60} does not match the pattern the API documents", pattern)
    return value


# --- path parameters (always required) --------------------------------------------------------


def path_id(value: object, field: str) -> str:
    return to_id(value, field)


def path_text(value: object, field: str) -> str:
    return _text(value, field)


def path_choice(value: object, field: str, enum: type[E]) -> E:
    return need(choice(value, field, enum), field)


# --- query parameters (UNSET when not given) -----------------------------------------------------


def _members(enum: type[Enum]) -> list[str]:
    return [str(m.value) for m in enum.__members__.values()]


def choice(value: object, field: str, enum: type[E]) -> E | Unset:
    if value is None:
        return UNSET
    allowed = _members(enum)
    if isinstance(value, enum) and str(value.value) in allowed:
        return value
    if not isinstance(value, str) or value not in allowed:
        raise InputError(field, f"{value!r:.40} is not one of the values", " or ".join(allowed))
    return enum(value)


def choices(value: object, field: str, enum: type[E]) -> list[E] | Unset:
    return _many(value, field, lambda v, f: need(choice(v, f, enum), f))


def text(value: object, field: str, pattern: str | None = None) -> str | Unset:
    return UNSET if value is None else _text(value, field, pattern)


def texts(value: object, field: str) -> list[str] | Unset:
    return _many(value, field, _text)


def whole(value: object, field: str) -> int | Unset:
    return UNSET if value is None else whole_number(value, field)


def flag(value: object, field: str) -> bool | Unset:
    if value is None:
        return UNSET
    if not isinstance(value, bool):
        raise InputError(field, f"{value!r:.40} is not a bool", "True or False")
    return value


def id(value: object, field: str) -> str | Unset:
    return UNSET if value is None else to_id(value, field)


def ids(value: object, field: str) -> list[str] | Unset:
    return _many(value, field, to_id)


def iri(value: object, field: str, collection: str) -> str | Unset:
    return UNSET if value is None else to_iri(value, field, collection)


def iris(value: object, field: str, collection: str) -> list[str] | Unset:
    return _many(value, field, lambda v, f: to_iri(v, f, collection))


def date(value: object, field: str) -> str | Unset:
    """A calendar date filter, sent as YYYY-MM-DD."""
    if value is None:
        return UNSET
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise InputError(field, f"{value!r:.40} is not a calendar date", "datetime.date")
    return value.isoformat()


def datetime(value: object, field: str) -> str | Unset:
    """A date-time filter: an aware datetime (sent with its offset) or a date."""
    if value is None:
        return UNSET
    if isinstance(value, dt.datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise InputError(
                field, "naive datetime: the server's timezone would be guessed", "an aware datetime or a date"
            )
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    raise InputError(field, f"{type(value).__name__} is not a date", "datetime.datetime (aware) or datetime.date")


def _many(value: object, field: str, one: Callable[[object, str], T]) -> list[T] | Unset:
    """A list parameter: one value or a sequence of them, each checked."""
    if value is None:
        return UNSET
    values = [value] if isinstance(value, str | bytes | Mapping) or not isinstance(value, Sequence) else value
    if not values:
        raise InputError(field, "empty list", "one value or a non-empty list (or None to leave the filter out)")
    return [one(v, f"{field}[{i}]") for i, v in enumerate(values)]


# --- request bodies ----------------------------------------------------------------------------


def body(value: object, field: str, model: type[T]) -> T:
    """A request body: the generated model, or a mapping of its JSON fields."""
    if isinstance(value, model):
        return value
    if not isinstance(value, Mapping):
        raise InputError(
            field, f"{type(value).__name__} is not a mapping", f"a dict of JSON fields or {model.__name__}"
        )
    try:
        return model.from_dict(dict(value))  # type: ignore[attr-defined, no-any-return]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(
            field, f"does not fit {model.__name__}: {type(exc).__name__}: {exc}", "the spec's fields"
        ) from None


# --- request bodies of the hooked operations (reservations, orders, beneficiaries) ------------
#
# Checked against the generated request shapes (korusticket_api/shapes.py: keys, types, enum
# values), so a field a release adds is accepted and sent, and a removed enum value refused.


DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


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


def text_of(value: object, field: str, *, required: bool, max_length: int | None = None) -> str | None:
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
        return text_of(value, where, required=f.required)
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


def reservation_items(items: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
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


def _shaped(
    value: object, field: str, shape: str, allowed: str
) -> tuple[Mapping[str, Any], dict[str, Field], dict[str, Field]]:
    """A body given as a mapping (or a model: its to_dict), every key known to its shape; with the
    shape's fields by wire key, and by Python and wire key."""
    if hasattr(value, "to_dict"):
        value = value.to_dict()
    if not isinstance(value, Mapping):
        raise InputError(field, f"{type(value).__name__} is not a mapping", allowed)
    fields = _shape(shape)
    by_key = {k: f for f in fields.values() for k in (f.key, f.wire)}
    unknown = sorted(str(k) for k in value if k not in by_key)
    if unknown:
        raise InputError(f"{field}.{unknown[0]}", "unknown field", ", ".join(sorted(fields)))
    return value, fields, by_key


def customer(value: object) -> dict[str, Any]:
    """The customer of an order, checked field by field against its schema (CustomerInput)."""
    value, fields, by_key = _shaped(value, "customer", "CustomerInput", "a dict with firstname, lastname, email, ...")
    out: dict[str, Any] = {}
    for key, raw in value.items():
        f = by_key[key]
        if raw is not None:
            out[f.wire] = _value(raw, f, f"customer.{f.key}")
    for f in fields.values():
        if f.required and f.wire not in out:
            out[f.wire] = _value(None, f, f"customer.{f.key}")
    return {w: out[w] for w in fields if w in out}  # the schema's order


def beneficiary(value: object) -> dict[str, Any]:
    """The ticket holder, checked against its schema (BeneficiaryInput); merge-patch: None clears a field."""
    value, fields, by_key = _shaped(value, "beneficiary", "BeneficiaryInput", "a dict with firstname, lastname, ...")
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
            out[wire] = text_of(data.get(wire), f"beneficiary.{f.key}", required=True)
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


# --- raw requests (kt.get/post/patch/paginate) ---------------------------------------------------

_SAFE_PATH = re.compile(r"/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*")  # fullmatch: "$" would let a final \n by


def api_path(path: object) -> str:
    """A path on the API: no scheme, no host, no `..`, so credentials never leave for elsewhere."""
    if not isinstance(path, str) or not _SAFE_PATH.fullmatch(path) or "//" in path or "/../" in f"{path}/":
        raise InputError("path", f"{path!r:.80} is not a path on the API", "a path such as /v1/ticketing/catalogs")
    return path


def mapping(value: object, field: str, allowed: str) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise InputError(field, f"{type(value).__name__} is not a mapping", allowed)
    return value


def reservations_to_order(value: object) -> Sequence[object]:
    """The reservations of one order POST: a non-empty list (ids, IRIs or models)."""
    if isinstance(value, str | Mapping) or not isinstance(value, Sequence) or not value:
        raise InputError(
            "reservations", "no reservations to order", "a non-empty list of reservations (ids, IRIs or models)"
        )
    return value
