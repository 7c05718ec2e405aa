"""Form values: Python values to KorusTicket ``formData`` strings, and back.

A form (``GET /v1/forms/{id}``) has typed fields; every value sent in a ticket session's
``formData`` is a string whose format depends on the field type (guides §8)::

    text "M. Doe" | bool "true"/"false" | integer "3" | decimal "2.99" | date "2025-01-01"
    time "07:30" | datetime "2025-01-01 00:00:00" | single_choice, multi_choice: choice values

``encode``/``decode`` convert one value; ``build_form_data`` checks all values of a form and
returns the ``formData`` payload that ``reservations.create`` accepts. Every problem raises
:class:`korusticket.InputError` naming the field, before any request is sent.
"""

from __future__ import annotations

import itertools
import math
import re
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import parser as _du

from ._errors import InputError
from ._numbers import is_whole
from ._shapes import FormData, FormFieldValue

__all__ = ["FieldType", "FormFieldSpec", "FormSpec", "build_form_data", "decode", "encode"]


class FieldType(StrEnum):
    """Form field types (inferred from the documented value examples)."""

    TEXT = "text"
    BOOL = "bool"
    INTEGER = "integer"
    DECIMAL = "decimal"
    DATE = "date"
    TIME = "time"
    DATETIME = "datetime"
    SINGLE_CHOICE = "single_choice"
    MULTI_CHOICE = "multi_choice"


_ALL_TYPES = ", ".join(FieldType)
# Floats carry no precision of their own: without a field precision, accept those that are
# exact at 2 places (the API's money precision) and ask for Decimal/str otherwise.
_FLOAT_PLACES = 2
_INT_RE = re.compile(r"-?[0-9]+")
_DECIMAL_RE = re.compile(r"-?[0-9]+(?:\.([0-9]+))?")
_YEAR_FIRST = re.compile(r"\s*[0-9]{4}\b")
_DATE_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME_RE = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")
_DATETIME_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}")


@dataclass(frozen=True)
class _Ctx:
    field: str
    choices: tuple[str, ...] | None
    tz: tzinfo | None
    decimals: int | None

    def error(self, problem: str, allowed: str | None = None) -> InputError:
        return InputError(self.field, problem, allowed)

    def allowed_choices(self) -> tuple[str, ...]:
        if self.choices is None:
            raise self.error("no predefined choices are known for this choice field", "choices=[...]")
        return self.choices


def _got(value: object) -> str:
    return f"got {type(value).__name__} {value!r}"[:120]


# ---------------------------------------------------------------- encoders (value -> str)


def _enc_text(v: object, c: _Ctx) -> str:
    if not isinstance(v, str):
        raise c.error(f"expected text, {_got(v)}", "str")
    return v


def _enc_bool(v: object, c: _Ctx) -> str:
    # Only real bools: "yes" or 1 are more likely bugs than intent.
    if not isinstance(v, bool):
        raise c.error(f"expected a bool, {_got(v)}", "True or False")
    return "true" if v else "false"


def _enc_integer(v: object, c: _Ctx) -> str:
    """int (not bool), or a str of ASCII digits with optional '-' (normalised: "007" -> "7")."""
    if isinstance(v, str) and _INT_RE.fullmatch(v.strip()):
        v = _dec_integer(v.strip(), c)
    if not is_whole(v):
        raise c.error(f"expected an integer, {_got(v)}", "int or a string like '-12'")
    try:
        return str(v)
    except ValueError:  # more digits than Python converts (sys.get_int_max_str_digits)
        raise c.error("integer too large", "at most 4300 digits") from None


def _places(d: Decimal) -> int:
    """Significant fractional digits of a finite Decimal, exactly (no context rounding)."""
    _, digits, exp = d.as_tuple()
    assert isinstance(exp, int)
    if not any(digits):
        return 0
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -exp - trailing)


def _enc_decimal(v: object, c: _Ctx) -> str:
    """Decimal, int, str or an exact float; with the field's precision ``decimals`` the output has
    exactly that many places ("2.50"), otherwise the shortest exact form ("2.5", "3").
    Values needing more places than the field allows are rejected, never rounded.
    """
    allowed = "a finite Decimal, int, numeric str, or a float exact at the field's precision"
    if isinstance(v, float):
        limit = _FLOAT_PLACES if c.decimals is None else c.decimals
        if not math.isfinite(v):
            raise c.error(f"{v!r} is not finite", allowed)
        # repr() is the shortest decimal that round-trips, i.e. what the float "means".
        if _places(d := Decimal(repr(v))) > limit:
            raise c.error(f"float {v!r} is not exact at {limit} decimal places", allowed)
    elif isinstance(v, Decimal):
        d = v
    elif is_whole(v):
        d = Decimal(v)
    elif isinstance(v, str):
        try:
            d = Decimal(v.strip())
        except InvalidOperation:
            raise c.error(f"not a decimal number: {v!r}", allowed) from None
    else:
        raise c.error(f"expected a decimal number, {_got(v)}", allowed)
    if not d.is_finite():
        raise c.error(f"{v!r} is not finite", allowed)
    if d.is_zero():
        d = Decimal(0)  # no "-0.00"
    places = _places(d)
    if c.decimals is not None and places > c.decimals:
        raise c.error(f"{v!r} has more than {c.decimals} decimal places", f"at most {c.decimals} places")
    return format(d, f".{places if c.decimals is None else c.decimals}f")


def _tz_lookup(name: str | None, offset: int | None) -> tzinfo | None:
    # Passed as dateutil's `tzinfos` so results never depend on the machine's local zone names.
    if offset is not None:
        return timezone(timedelta(seconds=offset))
    if name is not None:
        raise ValueError(f"unknown timezone name {name!r}")
    return None


_DEFAULT_A = datetime(2000, 1, 1, 0, 0)
_DEFAULT_B = datetime(2001, 2, 2, 1, 0)


def _parse_lenient(text: str, c: _Ctx, kind: FieldType) -> datetime:
    """Parse with dateutil; reject incomplete, extra or ambiguous parts instead of guessing.

    Parsing against two different defaults shows which parts the text really gave; parsing
    with every day/year-first combination shows whether "01/02/03" is ambiguous. A leading
    4-digit year means Y-M-D (dateutil would also try Y-D-M).
    """
    orders = [(False, False)] if _YEAR_FIRST.match(text) else itertools.product((False, True), repeat=2)
    allowed = {"date": "YYYY-MM-DD", "time": "HH:MM", "datetime": "YYYY-MM-DD HH:MM:SS"}[kind]
    try:
        a = _du.parse(text, default=_DEFAULT_A, tzinfos=_tz_lookup)
        b = _du.parse(text, default=_DEFAULT_B, tzinfos=_tz_lookup)
        variants = {
            _du.parse(text, default=_DEFAULT_A, tzinfos=_tz_lookup, dayfirst=df, yearfirst=yf) for df, yf in orders
        }
    except (ValueError, OverflowError) as exc:
        raise c.error(f"cannot read {text!r} as a {kind}: {exc}", allowed) from None
    if len(variants) > 1:
        raise c.error(f"{text!r} is ambiguous (day/month/year order)", allowed)
    full_date, has_time = a.date() == b.date(), a.hour == b.hour
    any_date = a.year == b.year or a.month == b.month or a.day == b.day
    if kind != FieldType.TIME and not full_date:
        raise c.error(f"{text!r} lacks a full date", allowed)
    if kind == FieldType.TIME and (any_date or not has_time):
        raise c.error(f"{text!r} is not a time of day", allowed)
    if kind == FieldType.DATE and (has_time or a.tzinfo):
        raise c.error(f"{text!r} has a time, expected a date only", allowed)
    return a


def _enc_date(v: object, c: _Ctx) -> str:
    if isinstance(v, str):
        v = _parse_lenient(v, c, FieldType.DATE).date()
    if isinstance(v, datetime) or not isinstance(v, date):
        raise c.error(f"expected a date, {_got(v)}", "datetime.date or a date string")
    return v.isoformat()


def _enc_time(v: object, c: _Ctx) -> str:
    if isinstance(v, str):
        parsed = _parse_lenient(v, c, FieldType.TIME)
        v = parsed.timetz()
    if not isinstance(v, time):
        raise c.error(f"expected a time, {_got(v)}", "naive datetime.time or 'HH:MM'")
    if v.tzinfo is not None:
        # A time of day has no date, so no zone can be converted reliably (DST).
        raise c.error("aware times are not supported", "naive datetime.time or 'HH:MM'")
    if v.second or v.microsecond:
        raise c.error(f"{v} has seconds; times are sent to the minute", "HH:MM")
    return f"{v.hour:02d}:{v.minute:02d}"


def _enc_datetime(v: object, c: _Ctx) -> str:
    """Naive datetimes are taken as already in the target zone (``tz`` or the form's own);
    aware ones need ``tz`` and are converted to it. Sub-second parts are rejected, not dropped.
    """
    if isinstance(v, str):
        v = _parse_lenient(v, c, FieldType.DATETIME)
    if not isinstance(v, datetime):
        raise c.error(f"expected a datetime, {_got(v)}", "datetime.datetime or a date-time string")
    if v.utcoffset() is not None:
        if c.tz is None:
            raise c.error("an aware datetime needs an explicit target timezone", "naive datetime, or tz=")
        try:
            v = v.astimezone(c.tz)
        except OverflowError:
            raise c.error(f"{v} is out of range in {c.tz}", "datetimes between years 1 and 9999") from None
    if v.microsecond:
        raise c.error(f"{v} has sub-second parts; datetimes are sent to the second", "YYYY-MM-DD HH:MM:SS")
    return v.replace(tzinfo=None).isoformat(sep=" ")


def _one_choice(v: object, c: _Ctx) -> str:
    allowed = c.allowed_choices()
    value = _choice_value(v)
    if value is None or value not in allowed:
        raise c.error(f"{v!r} is not one of the field's choices", ", ".join(allowed) or "(none)")
    return value


def _enc_multi_choice(v: object, c: _Ctx) -> str:
    if isinstance(v, str | bytes | Mapping) or not isinstance(v, Iterable):
        raise c.error(f"expected a list of choices, {_got(v)}", "a list of choice values")
    picked = [_one_choice(item, c) for item in v]
    if not picked:
        raise c.error("no choice given; pass None to omit an optional field", "at least one choice")
    if len(set(picked)) != len(picked):
        raise c.error(f"duplicate choices in {picked!r}", "each choice once")
    return _join_multi_choice(picked, c)


# ASSUMPTION (KorusTicket does not document how several multi_choice values are sent): the
# choice values joined by "," in the caller's order. Change the encoding here only.
_MULTI_SEP = ","


def _join_multi_choice(values: list[str], c: _Ctx) -> str:
    if any(_MULTI_SEP in value for value in values):
        raise c.error(f"a choice containing {_MULTI_SEP!r} cannot be encoded", "choices without commas")
    return _MULTI_SEP.join(values)


def _split_multi_choice(text: str) -> list[str]:
    return text.split(_MULTI_SEP)


_ENCODERS: dict[FieldType, Callable[[object, _Ctx], str]] = {
    FieldType.TEXT: _enc_text,
    FieldType.BOOL: _enc_bool,
    FieldType.INTEGER: _enc_integer,
    FieldType.DECIMAL: _enc_decimal,
    FieldType.DATE: _enc_date,
    FieldType.TIME: _enc_time,
    FieldType.DATETIME: _enc_datetime,
    FieldType.SINGLE_CHOICE: _one_choice,
    FieldType.MULTI_CHOICE: _enc_multi_choice,
}


# ---------------------------------------------------------------- decoders (str -> value), strict


def _match(pattern: re.Pattern[str], text: str, c: _Ctx, allowed: str) -> re.Match[str]:
    if (m := pattern.fullmatch(text)) is None:
        raise c.error(f"malformed value {text!r}", allowed)
    return m


def _dec_bool(text: str, c: _Ctx) -> bool:
    if text not in ("true", "false"):
        raise c.error(f"malformed value {text!r}", "'true' or 'false'")
    return text == "true"


def _dec_integer(text: str, c: _Ctx) -> int:
    _match(_INT_RE, text, c, "digits with optional '-'")
    try:
        return int(text)
    except ValueError:
        raise c.error("integer too large", "at most 4300 digits") from None


def _dec_decimal(text: str, c: _Ctx) -> Decimal:
    m = _match(_DECIMAL_RE, text, c, "like '-12.34'")
    if c.decimals is not None and len(m.group(1) or "") > c.decimals:
        raise c.error(f"{text!r} has more than {c.decimals} decimal places", f"at most {c.decimals} places")
    return Decimal(text)


def _dec_iso(pattern: re.Pattern[str], parse: Callable[[str], Any], allowed: str) -> Callable[..., Any]:
    def dec(text: str, c: _Ctx) -> Any:
        _match(pattern, text, c, allowed)
        try:
            return parse(text)
        except ValueError:
            raise c.error(f"{text!r} is not a valid calendar value", allowed) from None

    return dec


def _dec_time(text: str, c: _Ctx) -> time:
    m = _match(_TIME_RE, text, c, "HH:MM")
    return time(int(m.group(1)), int(m.group(2)))


def _dec_multi_choice(text: str, c: _Ctx) -> list[str]:
    values = [_one_choice(value, c) for value in _split_multi_choice(text)]
    if len(set(values)) != len(values):
        raise c.error(f"duplicate choices in {text!r}", "each choice once")
    return values


_DECODERS: dict[FieldType, Callable[[str, _Ctx], object]] = {
    FieldType.TEXT: lambda text, c: text,
    FieldType.BOOL: _dec_bool,
    FieldType.INTEGER: _dec_integer,
    FieldType.DECIMAL: _dec_decimal,
    FieldType.DATE: _dec_iso(_DATE_RE, date.fromisoformat, "YYYY-MM-DD"),
    FieldType.TIME: _dec_time,
    FieldType.DATETIME: _dec_iso(_DATETIME_RE, datetime.fromisoformat, "YYYY-MM-DD HH:MM:SS"),
    FieldType.SINGLE_CHOICE: _one_choice,
    FieldType.MULTI_CHOICE: _dec_multi_choice,
}


def _field_type(field_type: FieldType | str, field: str) -> FieldType:
    try:
        return FieldType(field_type)
    except ValueError:
        raise InputError(field, f"unknown field type {field_type!r}", _ALL_TYPES) from None


def _ctx(field: str, choices: Iterable[object] | None, tz: tzinfo | str | None, decimals: int | None) -> _Ctx:
    values = None
    if choices is not None:
        values = tuple(_choice_value(ch) or "" for ch in choices)
        if "" in values:
            raise InputError(field, "a choice has no value", "choices as str or {'value': ...}")
    if isinstance(tz, str):
        try:
            tz = ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            raise InputError("tz", f"unknown timezone {tz!r}", "an IANA name like 'Europe/Paris'") from None
    elif tz is not None and not isinstance(tz, tzinfo):
        raise InputError("tz", f"expected a timezone, {_got(tz)}", "a tzinfo or an IANA name")
    if decimals is not None and not is_whole(decimals, 0):
        raise InputError(field, f"invalid precision {decimals!r}", "a non-negative int")
    return _Ctx(field, values, tz, decimals)


def encode(
    field_type: FieldType | str,
    value: object,
    *,
    choices: Iterable[object] | None = None,
    tz: tzinfo | str | None = None,
    decimals: int | None = None,
    field: str = "value",
) -> str:
    """Encode one value as the string KorusTicket expects for ``field_type``.

    ``choices`` are the field's allowed values (str or choice objects) for choice types;
    ``tz`` is the target zone for aware datetimes; ``decimals`` the field's precision;
    ``field`` names the value in errors. Raises InputError.
    """
    ftype = _field_type(field_type, field)
    return _ENCODERS[ftype](value, _ctx(field, choices, tz, decimals))


def decode(
    field_type: FieldType | str,
    text: object,
    *,
    choices: Iterable[object] | None = None,
    decimals: int | None = None,
    field: str = "value",
) -> object:
    """Strictly parse an encoded string back to its Python value (InputError if malformed).

    Returns str, bool, int, Decimal, date, time, naive datetime, str or list[str] by type.
    """
    ftype = _field_type(field_type, field)
    c = _ctx(field, choices, None, decimals)
    if not isinstance(text, str):
        raise c.error(f"expected a string, {_got(text)}", "str")
    return _DECODERS[ftype](text, c)


# ---------------------------------------------------------------- adapter for API payloads


def _raw(obj: object, what: str) -> Mapping[str, Any]:
    if isinstance(obj, Mapping):
        return obj
    to_dict = getattr(obj, "to_dict", None)
    raw = to_dict() if callable(to_dict) else getattr(obj, "additional_properties", None)
    if not isinstance(raw, Mapping):
        raise InputError(what, f"cannot read {_got(obj)}", "a dict or a generated model with to_dict()")
    return raw


def _pick(raw: Mapping[str, Any], *names: str) -> Any:
    return next((raw[n] for n in names if raw.get(n) is not None), None)


def _ids(raw: Mapping[str, Any]) -> tuple[str | None, str | None, str | None]:
    """(IRI, id, code); the id defaults to the IRI's last segment."""
    iri, rid, code = (_pick(raw, name) for name in ("@id", "id", "code"))
    iri = iri if isinstance(iri, str) else None
    rid = str(rid) if rid is not None else (iri.rstrip("/").rsplit("/", 1)[-1] if iri else None)
    return iri, rid, None if code is None else str(code)


def _choice_value(choice: object) -> str | None:
    if isinstance(choice, str):
        return choice
    if is_whole(choice):
        return str(choice)  # choices compare as strings
    if isinstance(choice, Mapping) or hasattr(choice, "to_dict"):
        return _choice_value(_pick(_raw(choice, "choice"), "value", "code"))
    return None


@dataclass(frozen=True)
class FormFieldSpec:
    """One form field, reduced to what encoding needs. ``name`` is its code, else its id."""

    iri: str
    id: str
    code: str | None
    label: str | None
    type: FieldType
    required: bool = False
    choices: tuple[str, ...] | None = None
    decimals: int | None = None

    @property
    def name(self) -> str:
        return self.code or self.id

    @classmethod
    def from_raw(cls, obj: object, *, form_id: str | None = None) -> FormFieldSpec:
        """Read a FormField as the API returns it (dict or generated model).

        ASSUMED property names -- KorusTicket documents none of them; this adapter is the only
        place that knows them (first name found wins):
        Form: ``@id`` (``/v1/forms/{id}``), ``id``, ``code``, ``fields`` (list of FormField).
        FormField: ``@id`` (``/v1/forms/{formId}/fields/{fieldId}``) and/or ``id``; ``code``;
        label ``label``|``name``; type ``type``|``fieldType``; required ``required``|``mandatory``
        (default False); choices ``choices``|``options``, items a str or an object with
        ``value``|``code`` (and ``label``); precision ``decimals``|``scale``|``precision``.
        """
        raw = _raw(obj, "form field")
        iri, fid, code = _ids(raw)
        if iri is None and fid is not None and form_id is not None:
            iri = f"/v1/forms/{form_id}/fields/{fid}"
        name = code or fid or "form field"
        if iri is None or fid is None:
            raise InputError(name, "form field has no @id or id", "a FormField as returned by forms.get")
        raw_type = _pick(raw, "type", "fieldType")
        ftype = _field_type(str(raw_type).strip().lower() if raw_type is not None else "(none)", name)
        raw_choices = _pick(raw, "choices", "options")
        choices = None if raw_choices is None else _ctx(name, raw_choices, None, None).choices
        decimals = _pick(raw, "decimals", "scale", "precision")
        if not is_whole(decimals, 0):
            decimals = None
        label = _pick(raw, "label", "name")
        required = _pick(raw, "required", "mandatory") is True
        return cls(iri, fid, code, label, ftype, required, choices, decimals)


@dataclass(frozen=True)
class FormSpec:
    """A form: its IRI, id, code and fields in order (see FormFieldSpec.from_raw for names)."""

    iri: str
    id: str | None
    code: str | None
    fields: tuple[FormFieldSpec, ...]

    @classmethod
    def from_raw(cls, obj: object) -> FormSpec:
        """Read a Form as ``forms.get`` returns it (dict or generated model)."""
        raw = _raw(obj, "form")
        iri, fid, code = _ids(raw)
        iri = iri or (f"/v1/forms/{fid}" if fid else None)
        fields = raw.get("fields")
        if iri is None or not isinstance(fields, list | tuple):
            raise InputError("form", "expected an @id or id and a fields list", "a forms.get result")
        return cls(iri, fid, code, tuple(FormFieldSpec.from_raw(f, form_id=fid) for f in fields))


def build_form_data(form: object, values: Mapping[Any, object], *, tz: tzinfo | str | None = None) -> FormData:
    """Check ``values`` against ``form`` and return the ``formData`` payload of a ticket session.

    ``values`` maps a field's code, IRI or id (str or UUID) to a Python value; None omits an
    optional field. ``tz`` is the target zone for aware datetimes. Result (form field order):
    ``{"form": "<form IRI>", "fields": [{"field": "<field IRI>", "value": "<string>"}, ...]}``.
    """
    spec = form if isinstance(form, FormSpec) else FormSpec.from_raw(form)
    index: dict[str, FormFieldSpec | None] = {}  # None: key shared by several fields
    for f in spec.fields:
        for key in {f.iri, f.id, f.code} - {None}:
            assert key is not None
            index[key] = f if index.get(key, f) is f else None
    known = ", ".join(f.name for f in spec.fields) or "(form has no fields)"
    given: dict[str, object] = {}
    for key, value in values.items():
        k = str(key) if isinstance(key, uuid.UUID) else key
        if not isinstance(k, str) or k not in index:
            raise InputError(str(k), "unknown form field", known)
        if (target := index[k]) is None:
            raise InputError(k, "ambiguous: several fields share this key", "a field IRI or id")
        if target.iri in given:
            raise InputError(target.name, "given more than once (by code, IRI or id)", "one value per field")
        given[target.iri] = value
    missing = [f.name for f in spec.fields if f.required and given.get(f.iri) is None]
    if missing:
        raise InputError(", ".join(missing), "required field(s) missing", f"fields of the form: {known}")
    out: list[FormFieldValue] = []
    for f in spec.fields:
        if (value := given.get(f.iri)) is None:
            continue
        text = encode(f.type, value, choices=f.choices, tz=tz, decimals=f.decimals, field=f.name)
        if f.required and not text.strip():
            raise InputError(f.name, "required field is empty", "a non-blank value")
        out.append({"field": f.iri, "value": text})
    return {"form": spec.iri, "fields": out}
