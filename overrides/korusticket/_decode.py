"""Response bodies against the spec: a fast yes/no check, and the path of the first bad field.

The generated models trust the body: a wrong type in a plain field passes through, and a bad
datetime raises a bare ValueError without saying where. Each 2xx body is therefore checked
against the response schema of the spec that generated the models (shipped as
korusticket_api/openapi.json), with checks compiled once per schema; only when that fails is the
body walked again to name the field. Unknown fields and unknown enum values are fine (forward
compatibility), so they are not checked.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import Any

import httpx

from ._errors import ResponseDecodeError

__all__ = ["check_body", "decode_error", "find_mismatch"]

Json = dict[str, Any]


@functools.cache
def _spec() -> Json:
    text = resources.files("korusticket_api").joinpath("openapi.json").read_text(encoding="utf-8")
    spec: Json = json.loads(text)
    return spec


@functools.cache
def _path_patterns() -> list[tuple[re.Pattern[str], str]]:
    patterns = []
    for template in _spec().get("paths", {}):
        regex = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
        patterns.append((re.compile(regex), template))
    # Literal segments beat parameters: /orders/_bulk before /orders/{id}.
    patterns.sort(key=lambda p: p[1].count("{"))
    return patterns


def _template(path: str) -> str | None:
    return next((template for regex, template in _path_patterns() if regex.match(path)), None)


def response_schema(method: str, path: str, status: int) -> Json | None:
    template = _template(path)
    return _schema_of(method, template, status) if template else None


def _schema_of(method: str, template: str, status: int) -> Json | None:
    op = _spec()["paths"][template].get(method.lower(), {})
    response = op.get("responses", {}).get(str(status))
    if not isinstance(response, dict):
        return None
    for media in response.get("content", {}).values():
        schema = media.get("schema")
        return schema if isinstance(schema, dict) else None
    return None


def _resolve(schema: Json) -> Json:
    while "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = _spec()["components"]["schemas"][name]
    return schema


def _types(schema: Json) -> set[str]:
    value = schema.get("type")
    if isinstance(value, str):
        return {value}
    return set(value) if isinstance(value, list) else set()


_TYPE_CHECKS: dict[str, Any] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "null": lambda v: v is None,
}


def _format_ok(fmt: str | None, value: str) -> bool:
    try:
        if fmt == "date-time":
            dt.datetime.fromisoformat(value)
        elif fmt == "date":
            dt.date.fromisoformat(value)
        elif fmt == "decimal":
            Decimal(value)
    except (ValueError, InvalidOperation):
        return False
    return True


def find_mismatch(value: Any, schema: Json, path: str = "") -> str | None:
    """`path: problem` for the first place where value does not fit schema, else None."""
    schema = _resolve(schema)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            problems = [find_mismatch(value, option, path) for option in schema[key]]
            if all(problems):
                return next(p for p in problems if p)
            return None
    for part in schema.get("allOf", []):
        problem = find_mismatch(value, part, path)
        if problem:
            return problem
    types = _types(schema)
    where = path or "(body)"
    if types and not any(_TYPE_CHECKS[t](value) for t in types if t in _TYPE_CHECKS):
        return f"{where}: expected {' or '.join(sorted(types))}, got {type(value).__name__} {value!r:.60}"
    if isinstance(value, str) and not _format_ok(schema.get("format"), value):
        return f"{where}: {value!r:.60} is not a valid {schema.get('format')}"
    if isinstance(value, dict):
        for name in schema.get("required", []):
            if name not in value:
                return f"{path + '.' if path else ''}{name}: required field missing"
        for name, sub in schema.get("properties", {}).items():
            if name in value:
                problem = find_mismatch(value[name], sub, f"{path + '.' if path else ''}{name}")
                if problem:
                    return problem
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            problem = find_mismatch(item, schema["items"], f"{path}[{index}]")
            if problem:
                return problem
    return None


# --- the fast check ------------------------------------------------------------------------

Check = Callable[[Any], bool]
_PY_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "object": (dict,),
    "array": (list,),
    "null": (type(None),),
}
_PARSERS: dict[str, Callable[[str], object]] = {
    "date-time": dt.datetime.fromisoformat,
    "date": dt.date.fromisoformat,
    "decimal": Decimal,
}


def _always(_: Any) -> bool:
    return True


def _compile(schema: Json, memo: dict[int, Check]) -> Check:
    """A yes/no check equivalent to `find_mismatch(...) is None`, built once per schema."""
    key = id(schema)
    if key in memo:  # recursive schemas: refer to the check being built
        return lambda value: memo[key](value)
    memo[key] = _always
    resolved = _resolve(schema)
    checks: list[Check] = [
        _any_of(tuple(_compile(option, memo) for option in resolved[combinator]))
        for combinator in ("anyOf", "oneOf")
        if combinator in resolved
    ]
    checks.extend(_compile(part, memo) for part in resolved.get("allOf", []))
    types = _types(resolved)
    if types:
        checks.append(_type_check(types))
    parse = _PARSERS.get(str(resolved.get("format")))
    if parse is not None:
        checks.append(_format_check(parse))
    required = tuple(resolved.get("required", ()))
    properties = tuple((name, _compile(sub, memo)) for name, sub in resolved.get("properties", {}).items())
    if required or properties:
        checks.append(_object_check(required, properties))
    if isinstance(resolved.get("items"), dict):
        checks.append(_items_check(_compile(resolved["items"], memo)))
    check = _always if not checks else checks[0] if len(checks) == 1 else _all_of(tuple(checks))
    memo[key] = check
    return check


def _any_of(options: tuple[Check, ...]) -> Check:
    return lambda value: any(check(value) for check in options)


def _all_of(checks: tuple[Check, ...]) -> Check:
    return lambda value: all(check(value) for check in checks)


def _type_check(types: set[str]) -> Check:
    allowed = tuple(t for name in sorted(types) for t in _PY_TYPES.get(name, ()))
    bool_ok = "boolean" in types  # bool is an int in Python, not in JSON Schema
    return lambda value: isinstance(value, allowed) and (bool_ok or not isinstance(value, bool))


def _format_check(parse: Callable[[str], object]) -> Check:
    def check(value: Any) -> bool:
        if not isinstance(value, str):
            return True
        try:
            parse(value)
        except (ValueError, InvalidOperation):
            return False
        return True

    return check


def _object_check(required: tuple[str, ...], properties: tuple[tuple[str, Check], ...]) -> Check:
    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return True
        if any(name not in value for name in required):
            return False
        return all(sub(value[name]) for name, sub in properties if name in value)

    return check


def _items_check(item: Check) -> Check:
    return lambda value: not isinstance(value, list) or all(map(item, value))


@functools.cache
def _check_for(method: str, template: str, status: int) -> Check:
    schema = _schema_of(method, template, status)
    return _compile(schema, {}) if schema else _always


def check_body(response: httpx.Response, body: Any) -> ResponseDecodeError | None:
    """None when a 2xx body fits the spec's response schema, else the error naming the field."""
    template = _template(response.request.url.path)
    if template is None or _check_for(response.request.method, template, response.status_code)(body):
        return None
    return decode_error(response, ValueError("the body does not fit the spec"))


def decode_error(response: httpx.Response, exc: BaseException) -> ResponseDecodeError:
    """A ResponseDecodeError for a 2xx body the generated models could not parse."""
    where = f"{response.request.method} {response.request.url.path}"
    try:
        body = response.json()
    except ValueError:
        snippet = response.text[:80]
        return ResponseDecodeError(f"{where}: body is not JSON: {snippet!r}", response=response)
    schema = response_schema(response.request.method, response.request.url.path, response.status_code)
    problem = find_mismatch(body, schema) if schema else None
    if problem is None:
        problem = f"{type(exc).__name__}: {exc}"
    field = problem.split(":", 1)[0]
    return ResponseDecodeError(f"{where}: response does not fit the spec: {problem}", response=response, path=field)
