"""Hypothesis properties: valid values encode to the documented patterns and decode back;
invalid values raise InputError (never another exception)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from korusticket import InputError
from korusticket.forms import FieldType, decode, encode
from korusticket.testing._data import FormField, FormFieldChoice
from korusticket.testing._forms import check_value

INTEGER = re.compile(r"-?\d+")
DECIMAL = re.compile(r"-?\d+(\.\d+)?")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
TIME = re.compile(r"\d{2}:\d{2}")
DATETIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")

finite_decimals = st.decimals(allow_nan=False, allow_infinity=False)
whole_minutes = st.times().map(lambda t: t.replace(second=0, microsecond=0))
whole_seconds = st.datetimes().map(lambda d: d.replace(microsecond=0))
# Keep away from year 1/9999 so zone conversion cannot overflow.
aware = st.datetimes(min_value=datetime(2, 1, 1), max_value=datetime(9998, 1, 1), timezones=st.timezones()).map(
    lambda d: d.replace(microsecond=0)
)
choice_values = st.text(min_size=1).filter(lambda s: "," not in s)
choice_sets = st.lists(choice_values, min_size=1, max_size=8, unique=True)


@given(st.text())
def test_text(value: str) -> None:
    assert encode("text", value) == value
    assert decode("text", value) == value


@given(st.booleans())
def test_bool(value: bool) -> None:
    text = encode("bool", value)
    assert text in ("true", "false")
    assert decode("bool", text) is value


@given(st.integers())
def test_integer(value: int) -> None:
    text = encode("integer", value)
    assert INTEGER.fullmatch(text)
    assert decode("integer", text) == value
    assert encode("integer", str(value)) == text


@given(finite_decimals)
def test_decimal(value: Decimal) -> None:
    text = encode("decimal", value)
    assert DECIMAL.fullmatch(text)
    assert decode("decimal", text) == value
    assert encode("decimal", str(value)) == text


@given(st.decimals(places=2, allow_nan=False, allow_infinity=False))
def test_decimal_at_field_precision(value: Decimal) -> None:
    text = encode("decimal", value, decimals=2)
    assert re.fullmatch(r"-?\d+\.\d{2}", text)
    assert decode("decimal", text, decimals=2) == value


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_float_exact_at_two_places(cents: int) -> None:
    value = cents / 100
    text = encode("decimal", value)
    assert DECIMAL.fullmatch(text)
    assert decode("decimal", text) == Decimal(cents) / 100  # exact, not through float


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_float_accepted_only_when_exact(value: float) -> None:
    exact = Decimal(repr(value)).normalize().as_tuple().exponent
    assert isinstance(exact, int)
    if exact >= -2:
        assert decode("decimal", encode("decimal", value)) == Decimal(repr(value))  # exact, not through float
    else:
        with pytest.raises(InputError):
            encode("decimal", value)


@given(st.dates())
def test_date(value: date) -> None:
    text = encode("date", value)
    assert DATE.fullmatch(text)
    assert decode("date", text) == value


@given(st.dates(min_value=date(1000, 1, 1)))
def test_date_from_strings(value: date) -> None:
    assert encode("date", value.isoformat()) == value.isoformat()
    assert encode("date", f"{value.day} {value:%B} {value.year}") == value.isoformat()


@given(whole_minutes)
def test_time(value: time) -> None:
    text = encode("time", value)
    assert TIME.fullmatch(text)
    assert decode("time", text) == value
    assert encode("time", text) == text


@given(whole_seconds)
def test_datetime(value: datetime) -> None:
    text = encode("datetime", value)
    assert DATETIME.fullmatch(text)
    assert decode("datetime", text) == value


@given(whole_seconds.filter(lambda d: d.year >= 1000))
def test_datetime_from_iso_strings(value: datetime) -> None:
    assert encode("datetime", value.isoformat()) == encode("datetime", value)


@given(aware, st.timezones())
def test_aware_datetime_with_target_zone(value: datetime, target: timezone) -> None:
    text = encode("datetime", value, tz=target)
    assert DATETIME.fullmatch(text)
    assert decode("datetime", text) == value.astimezone(target).replace(tzinfo=None)


@given(aware)
def test_aware_datetime_without_target_zone_is_rejected(value: datetime) -> None:
    with pytest.raises(InputError, match=r"^when: .*timezone"):
        encode("datetime", value, field="when")


@given(whole_minutes, st.timezones())
def test_aware_time_is_rejected(value: time, zone: timezone) -> None:
    with pytest.raises(InputError, match=r"^at: "):
        encode("time", value.replace(tzinfo=zone), field="at")


@given(st.data(), choice_sets)
def test_single_choice(data: st.DataObject, choices: list[str]) -> None:
    value = data.draw(st.sampled_from(choices))
    text = encode("single_choice", value, choices=choices)
    assert text in choices
    assert decode("single_choice", text, choices=choices) == value


@given(st.data(), choice_sets)
def test_multi_choice(data: st.DataObject, choices: list[str]) -> None:
    picked = data.draw(st.lists(st.sampled_from(choices), min_size=1, unique=True))
    text = encode("multi_choice", picked, choices=choices)
    assert decode("multi_choice", text, choices=choices) == picked


@given(choice_sets, choice_values)
def test_out_of_choice_is_rejected(choices: list[str], value: str) -> None:
    if value in choices:
        return
    with pytest.raises(InputError, match=r"^menu: .*choices"):
        encode("single_choice", value, choices=choices, field="menu")
    with pytest.raises(InputError, match=r"^menu: "):
        encode("multi_choice", [choices[0], value], choices=choices, field="menu")


@given(st.booleans(), st.sampled_from(["integer", "decimal"]))
def test_bool_is_not_a_number(value: bool, field_type: str) -> None:
    with pytest.raises(InputError, match=r"^qty: "):
        encode(field_type, value, field="qty")


@given(
    st.sampled_from([float("nan"), float("inf"), float("-inf"), Decimal("NaN"), Decimal("-Infinity")]),
    st.sampled_from([None, 0, 2, 6]),
)
def test_non_finite_decimal_is_rejected(value: object, decimals: int | None) -> None:
    with pytest.raises(InputError, match=r"^price: "):
        encode("decimal", value, decimals=decimals, field="price")


def attempt(call: Callable[[], object]) -> tuple[object, InputError | None]:
    """Run ``call``; an InputError is returned rather than raised (any other error propagates)."""
    try:
        return call(), None
    except InputError as exc:
        return None, exc


anything = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.text(),
    st.text(alphabet="0123456789-/:. TZ+apmJanuary"),
    st.binary(),
    st.dates(),
    st.times(timezones=st.none() | st.timezones()),
    st.datetimes(timezones=st.none() | st.timezones()),
    st.lists(st.text(max_size=3)),
    st.dictionaries(st.text(max_size=3), st.text(max_size=3)),
)


@given(st.sampled_from(FieldType), anything, st.none() | st.sampled_from(["UTC", "Europe/Paris"]))
def test_encode_returns_str_or_raises_input_error(field_type: FieldType, value: object, tz: str | None) -> None:
    text, error = attempt(lambda: encode(field_type, value, choices=["a", "b", "1"], tz=tz, field="f"))
    if error is not None:
        assert error.field == "f"
        return
    assert isinstance(text, str)
    # Whatever encode produces, the strict decoder accepts, and the API's documented rules (the
    # stand-in's own checker, written without this codec) accept too.
    decode(field_type, text, choices=["a", "b", "1"])
    assert check_value(documented_field(field_type, ["a", "b", "1"]), text) is None, (field_type, value, text)


@given(st.sampled_from(FieldType), st.text() | st.text(alphabet="0123456789-: .,ab"), st.sampled_from([None, 2]))
def test_decode_returns_value_or_raises_input_error(field_type: FieldType, text: str, decimals: int | None) -> None:
    value, error = attempt(lambda: decode(field_type, text, choices=["a", "b"], decimals=decimals, field="f"))
    if error is not None:
        assert error.field == "f"
        return
    assert isinstance(value, DECODED[field_type]), (field_type, text, value)
    # What decodes is a documented encoding, and it survives a round trip unchanged.
    assert check_value(documented_field(field_type, ["a", "b"]), text) is None, (field_type, text)
    again = encode(field_type, value, choices=["a", "b"], decimals=decimals)
    assert decode(field_type, again, choices=["a", "b"], decimals=decimals) == value


DECODED: dict[FieldType, type | tuple[type, ...]] = {
    FieldType.TEXT: str,
    FieldType.BOOL: bool,
    FieldType.INTEGER: int,
    FieldType.DECIMAL: Decimal,
    FieldType.DATE: date,
    FieldType.TIME: time,
    FieldType.DATETIME: datetime,
    FieldType.SINGLE_CHOICE: str,
    FieldType.MULTI_CHOICE: list,
}


def documented_field(field_type: FieldType, choices: list[str]) -> FormField:
    if field_type not in (FieldType.SINGLE_CHOICE, FieldType.MULTI_CHOICE):
        choices = []
    return FormField("f", "form", "f", "F", str(field_type), False, [FormFieldChoice(c, c, c) for c in choices])
