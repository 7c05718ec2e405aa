"""Bodies generated from the spec's schemas, so tests follow the spec release by release.

The generator reads the spec the client was generated from (korusticket_api/openapi.json, the
preprocessed spec) and writes a small valid instance of any schema: every property present,
formats honoured (date-time, date, decimal money, UUIDv7 patterns), enums at their first value.
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Any

Json = dict[str, Any]
UUID7 = "0194abdc-3a71-72b0-a9b9-89d4be0cd73e"
PAGING = {"page", "itemsPerPage"}


@functools.cache
def spec() -> Json:
    text = resources.files("korusticket_api").joinpath("openapi.json").read_text(encoding="utf-8")
    doc: Json = json.loads(text)
    return doc


def resolve(schema: Json) -> Json:
    while "$ref" in schema:
        schema = spec()["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def instance(schema: Json, depth: int = 0) -> Any:
    """A value that fits `schema` (bounded depth for recursive schemas)."""
    schema = resolve(schema)
    if depth > 30:
        return None
    for combinator in ("anyOf", "oneOf"):
        if combinator in schema:
            options = [o for o in schema[combinator] if resolve(o).get("type") != "null"]
            return instance(options[0] if options else schema[combinator][0], depth + 1)
    if "allOf" in schema:
        merged: Json = {}
        for part in schema["allOf"]:
            value = instance(part, depth + 1)
            if isinstance(value, dict):
                merged.update(value)
        own = {k: v for k, v in schema.items() if k != "allOf"}
        if own.get("properties"):
            merged.update(instance(own, depth + 1))
        return merged
    if "enum" in schema:
        return next(v for v in schema["enum"] if v is not None)
    if "const" in schema:
        return schema["const"]
    types = schema.get("type", "object" if "properties" in schema else "string")
    kind = next((t for t in types if t != "null"), "null") if isinstance(types, list) else types
    if kind == "object":
        return {name: instance(sub, depth + 1) for name, sub in schema.get("properties", {}).items()}
    if kind == "array":
        return [instance(schema.get("items", {}), depth + 1)]
    if kind == "integer":
        return max(1, int(schema.get("minimum", 1)))
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    fmt, pattern = schema.get("format"), str(schema.get("pattern", ""))
    if fmt == "date-time":
        return "2025-01-27T15:15:20+00:00"
    if fmt == "date" or re.search(r"\[0-9\]\{4\}-", pattern):
        return "2025-01-27"
    if fmt == "decimal":
        return "100.00"
    if "[0-9a-f]{8}" in pattern:
        return UUID7
    return "string"


def operation(method: str, path: str) -> Json:
    op: Json = spec()["paths"][path][method.lower()]
    return op


def success_schema(method: str, path: str) -> Json | None:
    for status, response in operation(method, path).get("responses", {}).items():
        if str(status).startswith("2"):
            for media in response.get("content", {}).values():
                schema: Json = media["schema"]
                return schema
    return None


def response_body(method: str, path: str, concrete_path: str) -> Any:
    """A 2xx body for an operation; a collection holds one member and says so in totalItems."""
    schema = success_schema(method, path)
    if schema is None:
        return None
    body = instance(schema)
    if isinstance(body, dict):
        body.setdefault("@id", concrete_path)
        body.setdefault("@type", "Thing")
        if "member" in body:
            body["totalItems"] = len(body["member"])
            body.pop("view", None)
    return body


def request_body(method: str, path: str) -> Any:
    body = operation(method, path).get("requestBody")
    if not body:
        return None
    for media in body.get("content", {}).values():
        return instance(media["schema"])
    return None


def template_regex(path: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$")
