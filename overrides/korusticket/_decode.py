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
    check = _FORMATS.get(str(fmt))
    return check is None or check(value)


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
#
# Each response schema becomes generated Python source, one function per component schema,
# with type, format and property checks inlined (as fastjsonschema does): several times faster
# than walking the schema or chaining closures, which matters when draining thousands of items.

Check = Callable[[Any], bool]
_PY_TYPES: dict[str, str] = {
    "string": "str",
    "integer": "int",
    "number": "int, float",
    "boolean": "bool",
    "object": "dict",
    "array": "list",
    "null": "type(None)",
}


def _parses(parse: Callable[[str], object]) -> Callable[[str], bool]:
    def check(value: str) -> bool:
        try:
            parse(value)
        except (ValueError, InvalidOperation):
            return False
        return True

    return check


def _aware_datetime(value: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value)
    if parsed.utcoffset() is None:  # RFC 3339 date-times carry an offset; a naive one is ambiguous
        raise ValueError(f"{value!r} has no UTC offset")
    return parsed


_FORMATS: dict[str, Callable[[str], bool]] = {
    "date-time": _parses(_aware_datetime),
    "date": _parses(dt.date.fromisoformat),
    "decimal": _parses(Decimal),
}


class _Source:
    """Writes the checking functions for one schema and the components it refers to."""

    def __init__(self) -> None:
        self.functions: dict[int, str] = {}
        self.lines: list[str] = []
        self.temp = 0

    def function(self, schema: Json) -> str:
        key = id(schema)
        if key not in self.functions:  # registered before its body: recursive schemas work
            name = self.functions[key] = f"_check{len(self.functions)}"
            body: list[str] = []
            self.inline(schema, "value", body, 1)
            self.lines += [f"def {name}(value):", *body, "    return True", ""]
        return self.functions[key]

    def _var(self) -> str:
        self.temp += 1
        return f"v{self.temp}"

    def inline(self, schema: Json, var: str, out: list[str], depth: int) -> None:
        """Statements that `return False` when `var` does not fit `schema`."""
        pad = "    " * depth
        if "$ref" in schema:  # components get their own function: bounded size, recursion-safe
            out.append(f"{pad}if not {self.function(_resolve(schema))}({var}): return False")
            return
        for combinator in ("anyOf", "oneOf"):
            if combinator in schema:
                calls = " or ".join(f"{self.function(option)}({var})" for option in schema[combinator])
                out.append(f"{pad}if not ({calls}): return False")
        for part in schema.get("allOf", []):
            self.inline(part, var, out, depth)
        types = _types(schema)
        if types:
            allowed = ", ".join(_PY_TYPES[t] for t in sorted(types) if t in _PY_TYPES)
            # bool is an int in Python, not in JSON Schema
            no_bool = "" if "boolean" in types else f" or isinstance({var}, bool)"
            out.append(f"{pad}if not isinstance({var}, ({allowed},)){no_bool}: return False")
        fmt = schema.get("format")
        if fmt in _FORMATS:
            out.append(f"{pad}if isinstance({var}, str) and not _FORMATS[{fmt!r}]({var}): return False")
        required, properties = schema.get("required", []), schema.get("properties", {})
        if required or properties:
            out.append(f"{pad}if isinstance({var}, dict):")
            out.extend(f"{pad}    if {name!r} not in {var}: return False" for name in required)
            for name, sub in properties.items():
                item = self._var()
                out.append(f"{pad}    {item} = {var}.get({name!r}, _MISSING)")
                out.append(f"{pad}    if {item} is not _MISSING:")
                self.inline(sub, item, out, depth + 2)
                out.append(f"{pad}        pass")
        if isinstance(schema.get("items"), dict):
            item = self._var()
            out.append(f"{pad}if isinstance({var}, list):")
            out.append(f"{pad}    for {item} in {var}:")
            self.inline(schema["items"], item, out, depth + 2)
            out.append(f"{pad}        pass")


def _compile(schema: Json) -> Check:
    """A yes/no check equivalent to `find_mismatch(...) is None`."""
    source = _Source()
    entry = source.function(schema)
    namespace: dict[str, Any] = {"_MISSING": object(), "_FORMATS": _FORMATS}
    exec(compile("\n".join(source.lines), f"<korusticket response check {entry}>", "exec"), namespace)
    check: Check = namespace[entry]
    return check


def _always(_: Any) -> bool:
    return True


@functools.cache
def _check_for(method: str, template: str, status: int) -> Check:
    schema = _schema_of(method, template, status)
    return _compile(schema) if schema else _always


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
