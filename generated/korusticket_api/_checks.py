"""Helpers of the response models' checking from_dict (see scripts/codegen/fastmodels.py).

Also what the generated response checker (_response_checks.py) takes a format to mean: the
formats are defined once, here, for both.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Any

__all__ = ["DECIMAL", "DECIMALS", "FORMATS", "NUMBER", "aware", "decimal", "expect", "naive", "null"]

# A plain decimal string, as the spec's money pattern says (Decimal() alone also takes "NaN", "1e3").
DECIMAL = re.compile(r"-?[0-9]+(?:\.[0-9]+)?\Z").match
NUMBER = frozenset({int, float})
# Decimal strings already proven, and their value (Decimal is immutable: sharing is safe).
DECIMALS: dict[str, Decimal] = {}
DECIMALS_KEPT = 256


def expect(value: Any, types: tuple[type, ...], key: str) -> None:
    """Returns when `value` is one of `types` after all (a subclass); raises naming `key` otherwise."""
    if isinstance(value, types) and not (isinstance(value, bool) and bool not in types):
        return
    names = " or ".join(t.__name__ for t in types)
    raise TypeError(f"{key}: expected {names}, got {type(value).__name__}")


def null(key: str) -> None:
    raise TypeError(f"{key}: null (or missing) where the spec wants a value")


def naive(key: str) -> None:
    raise ValueError(f"{key}: a date-time without a UTC offset (RFC 3339 date-times carry one)")


def aware(value: Any, key: str) -> datetime.datetime:
    """A date-time with a UTC offset (RFC 3339); a naive one is ambiguous."""
    parsed = datetime.datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        naive(key)
    return parsed


def _fits(parse: Any) -> Any:
    def fits(value: str) -> bool:
        try:
            parse(value, "")
        except ValueError:
            return False
        return True

    return fits


# A string `format` -> whether a string has it (the spec check's view of the same conversions).
FORMATS: dict[str, Any] = {
    "date-time": _fits(aware),
    "date": _fits(lambda value, _: datetime.date.fromisoformat(value)),
    "decimal": lambda value: DECIMAL(value) is not None,
}


def decimal(value: Any, key: str, check: bool = True) -> Decimal:
    """A Decimal from a plain decimal string, remembered for the next time it is read; with
    `check`, anything else raises."""
    if type(value) is str and DECIMAL(value) is not None:
        parsed = DECIMALS[value] = Decimal(value)
        if len(DECIMALS) > DECIMALS_KEPT:  # bounded: a long walk over many prices stays flat
            DECIMALS.clear()
        return parsed
    if check:
        raise ValueError(f"{key}: {value!r:.60} is not a decimal string")
    return Decimal(str(value))
