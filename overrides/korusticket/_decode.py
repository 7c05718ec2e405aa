"""Naming the bad field when a response body does not parse.

The generated models raise bare ValueError/KeyError/TypeError without saying where. Only on
that failure path, the body is walked against the response schema of the spec that generated
the models (shipped as korusticket_api/openapi.json) to find the first field that does not fit.
Unknown fields and unknown enum values are fine (forward compatibility), so they are not checked.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from decimal import Decimal, InvalidOperation
from importlib import resources
from typing import Any

import httpx

from ._errors import ResponseDecodeError

__all__ = ["decode_error", "find_mismatch"]

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


def response_schema(method: str, path: str, status: int) -> Json | None:
    spec = _spec()
    for regex, template in _path_patterns():
        if regex.match(path):
            op = spec["paths"][template].get(method.lower(), {})
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
