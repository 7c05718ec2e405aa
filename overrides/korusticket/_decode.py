"""Response bodies against the spec, naming the first field that does not fit.

The generated models trust the body: a wrong type in a plain field passes through, and a bad
datetime raises a bare ValueError without saying where. Each 2xx body is therefore checked
against the response schema of the spec that generated the models (shipped as
korusticket_api/openapi.json), by a checker compiled once per schema that builds the field's
path only when something is wrong. Unknown fields and unknown enum values are fine (forward
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

__all__ = ["check_body", "decode_error"]

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


# --- the fast check ------------------------------------------------------------------------
#
# Each response schema becomes generated Python source, one function per component schema,
# with type, format and property checks inlined (as fastjsonschema does): several times faster
# than walking the schema or chaining closures, which matters when draining thousands of items.

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


# A check returns None when the value fits, else (path, problem); the path is built only then.
Problem = tuple[str, str] | None
Check = Callable[[Any], Problem]


def _join(prefix: str, sub: str) -> str:
    """`items[2]` + `date` -> `items[2].date`; `member` + `[3]` -> `member[3]`."""
    if not prefix or not sub:
        return prefix or sub
    return prefix + sub if sub.startswith("[") else f"{prefix}.{sub}"


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
            self.inline(schema, "value", "", body, 1)
            self.lines += [f"def {name}(value):", *body, "    return None", ""]
        return self.functions[key]

    def _var(self) -> str:
        self.temp += 1
        return f"v{self.temp}"

    def inline(self, schema: Json, var: str, path: str, out: list[str], depth: int) -> None:
        """Statements that return (path, problem) when `var` does not fit `schema`.

        `path` is the body of an f-string naming `var` relative to the function's value.
        """
        pad = "    " * depth
        where = f'f"{path}"'
        if "$ref" in schema:  # components get their own function: bounded size, recursion-safe
            found = self._var()
            out.append(f"{pad}{found} = {self.function(_resolve(schema))}({var})")
            out.append(f"{pad}if {found} is not None: return (_join({where}, {found}[0]), {found}[1])")
            return
        for combinator in ("anyOf", "oneOf"):
            if combinator in schema:
                # Fits if any option fits; otherwise report what the first option found.
                found = self._var()
                names = [self.function(option) for option in schema[combinator]]
                out.append(f"{pad}{found} = {names[0]}({var})")
                rest = " and ".join(f"{name}({var}) is not None" for name in names[1:]) or "True"
                out.append(f"{pad}if {found} is not None and {rest}:")
                out.append(f"{pad}    return (_join({where}, {found}[0]), {found}[1])")
        for part in schema.get("allOf", []):
            self.inline(part, var, path, out, depth)
        types = _types(schema)
        if types:
            allowed = ", ".join(_PY_TYPES[t] for t in sorted(types) if t in _PY_TYPES)
            # bool is an int in Python, not in JSON Schema
            no_bool = "" if "boolean" in types else f" or isinstance({var}, bool)"
            expected = " or ".join(sorted(types))
            out.append(f"{pad}if not isinstance({var}, ({allowed},)){no_bool}:")
            out.append(
                f'{pad}    return ({where}, f"expected {expected}, got {{type({var}).__name__}} {{{var}!r:.60}}")'
            )
        fmt = schema.get("format")
        if fmt in _FORMATS:
            out.append(f"{pad}if isinstance({var}, str) and not _FORMATS[{fmt!r}]({var}):")
            out.append(f'{pad}    return ({where}, f"{{{var}!r:.60}} is not a valid {fmt}")')
        required, properties = schema.get("required", []), schema.get("properties", {})
        if required or properties:
            out.append(f"{pad}if isinstance({var}, dict):")
            for name in required:
                out.append(f"{pad}    if {name!r} not in {var}:")
                out.append(f'{pad}        return (_join({where}, {name!r}), "required field missing")')
            for name, sub in properties.items():
                item = self._var()
                escaped = name.replace("{", "{{").replace("}", "}}").replace('"', "")
                out.append(f"{pad}    {item} = {var}.get({name!r}, _MISSING)")
                out.append(f"{pad}    if {item} is not _MISSING:")
                self.inline(sub, item, f"{path}.{escaped}" if path else escaped, out, depth + 2)
                out.append(f"{pad}        pass")
        if isinstance(schema.get("items"), dict):
            index, item = self._var(), self._var()
            out.append(f"{pad}if isinstance({var}, list):")
            out.append(f"{pad}    for {index}, {item} in enumerate({var}):")
            self.inline(schema["items"], item, f"{path}[{{{index}}}]", out, depth + 2)
            out.append(f"{pad}        pass")


def _compile(schema: Json) -> Check:
    source = _Source()
    entry = source.function(schema)
    namespace: dict[str, Any] = {"_MISSING": object(), "_FORMATS": _FORMATS, "_join": _join}
    exec(compile("\n".join(source.lines), f"<korusticket response check {entry}>", "exec"), namespace)
    check: Check = namespace[entry]
    return check


def _fits(_: Any) -> Problem:
    return None


@functools.cache
def _check_for(method: str, template: str, status: int) -> Check:
    schema = _schema_of(method, template, status)
    return _compile(schema) if schema else _fits


def _problem(response: httpx.Response, body: Any) -> Problem:
    template = _template(response.request.url.path)
    if template is None:
        return None
    return _check_for(response.request.method, template, response.status_code)(body)


def check_body(response: httpx.Response, body: Any) -> ResponseDecodeError | None:
    """None when a 2xx body fits the spec's response schema, else the error naming the field."""
    problem = _problem(response, body)
    return None if problem is None else _error(response, *problem)


def _error(response: httpx.Response, path: str, problem: str) -> ResponseDecodeError:
    where = f"{response.request.method} {response.request.url.path}"
    return ResponseDecodeError(
        f"{where}: response does not fit the spec: {path or '(body)'}: {problem}", response=response, path=path or None
    )


def decode_error(response: httpx.Response, exc: BaseException) -> ResponseDecodeError:
    """A ResponseDecodeError for a 2xx body the generated models could not parse."""
    try:
        body = response.json()
    except ValueError:
        where = f"{response.request.method} {response.request.url.path}"
        return ResponseDecodeError(f"{where}: body is not JSON: {response.text[:80]!r}", response=response)
    path, problem = _problem(response, body) or ("", f"{type(exc).__name__}: {exc}")
    return _error(response, path, problem)
