"""Checks ``formData`` values against their field type, from the API's documented rules.

Written independently of the client's ``korusticket.forms`` (the stand-in checks the client, so
it must not share its decoder): the rules are the documented encodings of the value-encoding
guide (guides §8, spec ``ReservationFormDataField.value``): text ``M. Doe``; bool ``true`` or
``false``; integer ``3``; decimal ``2.99``; date ``2025-01-01``; time ``07:30``; datetime
``2025-01-01 00:00:00`` (space separator, no timezone); single_choice / multi_choice: a
predefined choice value. Several ``multi_choice`` values joined by ``,`` is the one stand-in
assumption (undocumented).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime

from ._data import FormField

__all__ = ["check_value"]

_INTEGER = re.compile(r"-?[0-9]+")
_DECIMAL = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_TIME = re.compile(r"([0-9]{2}):([0-9]{2})")
_DATETIME = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2})")


def _calendar(text: str) -> bool:
    m = _DATE.fullmatch(text)
    if m is None:
        return False
    try:
        date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return False
    return True


def _clock(text: str) -> bool:
    m = _TIME.fullmatch(text)
    return m is not None and int(m[1]) < 24 and int(m[2]) < 60


def _moment(text: str) -> bool:
    m = _DATETIME.fullmatch(text)
    if m is None:
        return False
    try:
        year, month, day, hour, minute, second = (int(part) for part in m.groups())
        datetime(year, month, day, hour, minute, second)
    except ValueError:
        return False
    return True


_RULES: dict[str, Callable[[str], bool]] = {
    "text": lambda text: True,
    "bool": lambda text: text in ("true", "false"),
    "integer": lambda text: _INTEGER.fullmatch(text) is not None,
    "decimal": lambda text: _DECIMAL.fullmatch(text) is not None,
    "date": _calendar,
    "time": _clock,
    "datetime": _moment,
}


def check_value(form_field: FormField, value: object) -> str | None:
    """Return a problem message, or ``None`` when ``value`` is a valid encoding for the field."""
    kind = form_field.type
    if not isinstance(value, str):
        return f'This value is not a valid "{kind}" value: values are strings.'
    if form_field.choices or kind in ("single_choice", "multi_choice"):
        allowed = {c.value for c in form_field.choices}
        picked = value.split(",") if kind == "multi_choice" else [value]
        wrong = [v for v in picked if v not in allowed]
        if wrong or len(set(picked)) != len(picked):
            return f'This value is not a valid "{kind}" value: {value!r} is not among the choices.'
        return None
    rule = _RULES.get(kind)
    if rule is None or not rule(value):
        return f'This value is not a valid "{kind}" value: {value!r} does not follow its documented format.'
    return None
