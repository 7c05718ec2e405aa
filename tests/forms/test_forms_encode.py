"""Documented examples and explicit rules of korusticket.forms.encode / decode."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from korusticket import InputError
from korusticket.forms import FieldType, decode, encode

CHOICES = ["baby_seat", "vegan", {"value": "wheelchair", "label": "Wheelchair"}]


@pytest.mark.parametrize(
    ("field_type", "value", "expected"),
    [
        ("text", "M. Doe", "M. Doe"),
        ("bool", True, "true"),
        ("bool", False, "false"),
        ("integer", 3, "3"),
        ("decimal", Decimal("2.99"), "2.99"),
        ("decimal", "2.99", "2.99"),
        ("decimal", 2.99, "2.99"),
        ("date", date(2025, 1, 1), "2025-01-01"),
        ("time", time(7, 30), "07:30"),
        ("datetime", datetime(2025, 1, 1), "2025-01-01 00:00:00"),
        ("single_choice", "vegan", "vegan"),
        ("multi_choice", ["vegan"], "vegan"),
    ],
)
def test_documented_examples(field_type: str, value: object, expected: str) -> None:
    assert encode(field_type, value, choices=CHOICES) == expected
    assert encode(FieldType(field_type), value, choices=CHOICES) == expected


@pytest.mark.parametrize(
    ("field_type", "text", "expected"),
    [
        ("text", "M. Doe", "M. Doe"),
        ("bool", "true", True),
        ("bool", "false", False),
        ("integer", "3", 3),
        ("decimal", "2.99", Decimal("2.99")),
        ("date", "2025-01-01", date(2025, 1, 1)),
        ("time", "07:30", time(7, 30)),
        ("datetime", "2025-01-01 00:00:00", datetime(2025, 1, 1)),
        ("single_choice", "wheelchair", "wheelchair"),
        ("multi_choice", "vegan,baby_seat", ["vegan", "baby_seat"]),
    ],
)
def test_decode_documented_examples(field_type: str, text: str, expected: object) -> None:
    assert decode(field_type, text, choices=CHOICES) == expected


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (Decimal("2.5"), {}, "2.5"),
        (Decimal("2.5"), {"decimals": 2}, "2.50"),
        (3, {}, "3"),
        (3, {"decimals": 2}, "3.00"),
        (Decimal("1E+2"), {}, "100"),
        (Decimal("-0.00"), {}, "0"),
        (Decimal("-0"), {"decimals": 2}, "0.00"),
        (Decimal("-0.50"), {}, "-0.5"),
        (" 12.30 ", {}, "12.3"),
        (2.5, {}, "2.5"),
        (0.125, {"decimals": 3}, "0.125"),
        (Decimal("1.0000000000000000000000000000000001"), {}, "1.0000000000000000000000000000000001"),
    ],
)
def test_decimal_formatting(value: object, kwargs: Any, expected: str) -> None:
    assert encode("decimal", value, **kwargs) == expected


@pytest.mark.parametrize(
    ("field_type", "value", "expected"),
    [
        ("integer", "007", "7"),
        ("integer", "-12", "-12"),
        ("date", "1 January 2025", "2025-01-01"),
        ("date", "2025/12/31", "2025-12-31"),
        ("date", "13/01/2025", "2025-01-13"),  # unambiguous: 13 cannot be a month
        ("time", "7:30", "07:30"),
        ("time", "7:30 pm", "19:30"),
        ("datetime", "2025-01-01T07:30:00", "2025-01-01 07:30:00"),
        ("datetime", "2025-01-01", "2025-01-01 00:00:00"),
    ],
)
def test_lenient_string_input(field_type: str, value: str, expected: str) -> None:
    assert encode(field_type, value) == expected


def test_aware_datetime_converted_to_target_tz() -> None:
    paris = datetime(2025, 6, 7, 20, 0, tzinfo=ZoneInfo("Europe/Paris"))
    assert encode("datetime", paris, tz="UTC") == "2025-06-07 18:00:00"
    assert encode("datetime", paris, tz=timezone(timedelta(hours=-4))) == "2025-06-07 14:00:00"
    assert encode("datetime", "2025-06-07T20:00:00+02:00", tz="Europe/Paris") == "2025-06-07 20:00:00"


def test_naive_datetime_with_tz_is_taken_as_local_to_tz() -> None:
    assert encode("datetime", datetime(2025, 6, 7, 20, 0), tz="Asia/Tokyo") == "2025-06-07 20:00:00"


def test_multi_choice_keeps_caller_order_and_accepts_choice_objects() -> None:
    assert encode("multi_choice", ("wheelchair", "baby_seat"), choices=CHOICES) == "wheelchair,baby_seat"
    assert encode("multi_choice", [{"value": "vegan"}], choices=CHOICES) == "vegan"
    assert encode("single_choice", {"code": "vegan"}, choices=CHOICES) == "vegan"


INVALID = [
    ("text", None),
    ("text", 3),
    ("text", b"bytes"),
    ("bool", "yes"),
    ("bool", "true"),
    ("bool", 1),
    ("bool", None),
    ("integer", True),
    ("integer", 3.0),
    ("integer", "3.5"),
    ("integer", "three"),
    ("integer", Decimal(3)),
    ("decimal", True),
    ("decimal", float("nan")),
    ("decimal", float("inf")),
    ("decimal", Decimal("NaN")),
    ("decimal", Decimal("-Infinity")),
    ("decimal", "NaN"),
    ("decimal", "abc"),
    ("decimal", 0.1 + 0.2),
    ("decimal", 2.999),
    ("decimal", None),
    ("date", datetime(2025, 1, 1)),
    ("date", "2025-01-01 10:00"),
    ("date", "01/02/2025"),  # ambiguous day/month
    ("date", "January 2025"),
    ("date", "not a date"),
    ("date", 20250101),
    ("time", time(7, 30, 15)),
    ("time", time(7, 30, tzinfo=UTC)),
    ("time", "07:30+02:00"),
    ("time", "2025-01-01 07:30"),
    ("time", datetime(2025, 1, 1, 7, 30)),
    ("datetime", datetime(2025, 1, 1, tzinfo=UTC)),  # aware without tz
    ("datetime", "2025-01-01T00:00:00Z"),
    ("datetime", datetime(2025, 1, 1, 0, 0, 0, 500)),
    ("datetime", date(2025, 1, 1)),
    ("datetime", "2025-01-01 10:00 CET"),  # zone names are not guessed
    ("single_choice", "pizza"),
    ("single_choice", ["vegan"]),
    ("single_choice", None),
    ("multi_choice", "vegan"),
    ("multi_choice", ["vegan", "pizza"]),
    ("multi_choice", ["vegan", "vegan"]),
    ("multi_choice", []),
    ("multi_choice", {"value": "vegan"}),
]


@pytest.mark.parametrize(("field_type", "value"), INVALID)
def test_invalid_values_raise_input_error_naming_field(field_type: str, value: object) -> None:
    with pytest.raises(InputError, match=r"^allergies: ") as info:
        encode(field_type, value, choices=CHOICES, field="allergies")
    assert info.value.field == "allergies"
    assert info.value.allowed
    assert isinstance(info.value, ValueError)


@pytest.mark.parametrize(
    ("field_type", "text", "kwargs"),
    [
        ("bool", "True", {}),
        ("bool", "1", {}),
        ("integer", "3.0", {}),
        ("integer", " 3", {}),
        ("integer", "+3", {}),
        ("integer", "٣", {}),  # non-ASCII digit
        ("decimal", "2,99", {}),
        ("decimal", "1e3", {}),
        ("decimal", "NaN", {}),
        ("decimal", ".5", {}),
        ("decimal", "2.999", {"decimals": 2}),
        ("date", "2025-1-1", {}),
        ("date", "2025-02-30", {}),
        ("date", "2025-01-01 00:00:00", {}),
        ("time", "7:30", {}),
        ("time", "24:00", {}),
        ("time", "07:30:00", {}),
        ("datetime", "2025-01-01T00:00:00", {}),
        ("datetime", "2025-01-01 00:00", {}),
        ("datetime", "2025-01-01 25:00:00", {}),
        ("datetime", "2025-01-01 00:00:00+00:00", {}),
        ("single_choice", "pizza", {}),
        ("multi_choice", "", {}),
        ("multi_choice", "vegan,", {}),
        ("multi_choice", "vegan,vegan", {}),
        ("text", None, {}),
    ],
)
def test_decode_is_strict(field_type: str, text: object, kwargs: Any) -> None:
    with pytest.raises(InputError, match=r"^f: "):
        decode(field_type, text, choices=CHOICES, field="f", **kwargs)


def test_choice_types_need_known_choices() -> None:
    with pytest.raises(InputError, match="no predefined choices"):
        encode("single_choice", "vegan")


def test_comma_in_multi_choice_value_cannot_be_encoded() -> None:
    with pytest.raises(InputError, match="cannot be encoded"):
        encode("multi_choice", ["a,b"], choices=["a,b"])


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"field_type": "colour"}, "value"),
        ({"tz": "Mars/Olympus"}, "tz"),
        ({"tz": 3}, "tz"),
        ({"decimals": -1}, "value"),
        ({"choices": [{"label": "no value"}]}, "value"),
    ],
)
def test_bad_arguments(kwargs: Any, field: str) -> None:
    kwargs.setdefault("field_type", "datetime")
    with pytest.raises(InputError) as info:
        encode(value=datetime(2025, 1, 1), **kwargs)
    assert info.value.field == field
