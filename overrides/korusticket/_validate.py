"""Argument checks and conversions for request parameters, one vocabulary for every method.

Each check takes the user's value and the argument's name, and returns what the generated
operation wants (``UNSET`` for an omitted optional value), or raises InputError naming the
argument, what is wrong and what is allowed, before anything is sent. ``is_whole`` (defined in
_numbers.py, re-exported here) is the one whole-number test (forms.py, _operations.py, _base.py
and _pagination.py use it with their own messages).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import TypeVar

from korusticket_api.types import UNSET, Unset

from ._errors import InputError
from ._ids import to_id, to_iri
from ._numbers import is_whole

__all__ = [
    "body",
    "choice",
    "choices",
    "date",
    "datetime",
    "flag",
    "id",
    "ids",
    "iri",
    "iris",
    "is_whole",
    "need",
    "path_choice",
    "path_id",
    "path_text",
    "text",
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
