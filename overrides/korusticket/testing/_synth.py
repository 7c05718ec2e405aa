"""Answers for operations the stand-in has no behaviour for: a body built from the spec's schema.

A release adds operations; those with state need hand-written handlers (_reservations.py, ...) and
reads are served from seed documents (_documents.py). Until then, a new operation the stand-in has
neither for still answers: with its first success response, every required field (and every field
with an example) filled from the schema's examples, enum, format or type, so the client's strict
check passes and a test of every operation reaches an answer on the day of the release.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

from ._core import Request, Response, json_response
from ._documents import _regex, _spec

__all__ = ["answer"]

Json = dict[str, Any]
_REF = "#/components/schemas/"
_UUID7 = "0199570c-9a85-7f53-962a-a8f0a54441cb"
_BY_FORMAT = {"date-time": "2025-06-01T08:00:00+00:00", "date": "2025-06-01", "uuid": _UUID7, "decimal": "1.00"}


def _operation(req: Request) -> tuple[Json, int] | None:
    """The spec operation a request is for, and the status of its first success response."""
    for template, item in _spec()["paths"].items():
        op = item.get(req.method.lower())
        if op is None or not _regex(template).match(req.path):
            continue
        for status, response in sorted(op.get("responses", {}).items()):
            if str(status).startswith("2"):
                content: Json = response.get("content") or {}
                media: Json = next(iter(content.values())) if content else {}
                return media.get("schema") or {}, int(status)
    return None


def _resolve(node: Any) -> Json:
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        node = _spec().get("components", {}).get("schemas", {}).get(node["$ref"][len(_REF) :], {})
    return dict(node) if isinstance(node, Mapping) else {}


def _value(node: Any, path: str, depth: int = 0) -> Any:
    schema = _resolve(node)
    if depth > 8:
        return None
    for part in schema.get("allOf", []):
        sub = _resolve(part)
        schema["properties"] = {**sub.get("properties", {}), **schema.get("properties", {})}
        schema["required"] = [*sub.get("required", []), *schema.get("required", [])]
        schema.setdefault("type", sub.get("type"))
    alternatives = [_resolve(p) for p in schema.get("anyOf", []) or schema.get("oneOf", [])]
    if alternatives:
        real = [a for a in alternatives if a.get("type") != "null"]
        return _value(real[0], path, depth + 1) if real else None
    if schema.get("examples"):
        return schema["examples"][0]
    if "example" in schema:
        return schema["example"]
    if schema.get("enum"):
        return next((v for v in schema["enum"] if v is not None), None)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    if kind == "array":
        return []
    if kind == "object" or "properties" in schema:
        props: Json = schema.get("properties", {})
        out: Json = {}
        for name in schema.get("required", []):
            if name in props:
                out[name] = _value(props[name], path, depth + 1)
        if "@id" in props or depth == 0:
            out.setdefault("@id", path)
        return out
    if kind == "integer":
        return 1
    if kind == "number":
        return 1.0
    if kind == "boolean":
        return False
    if kind == "null":
        return None
    if schema.get("format") in _BY_FORMAT:
        return _BY_FORMAT[schema["format"]]
    if schema.get("format") == "iri-reference":
        return path
    if "uuid" in str(schema.get("pattern", "")) or re.search(r"\[0-9a-f\]\{8\}", str(schema.get("pattern", ""))):
        return _UUID7
    return "text"


@functools.cache
def _routed() -> list[re.Pattern[str]]:
    """Every path the hand-written handlers serve, whatever its ids (a malformed id there stays a 404)."""
    from ._routes import _ROUTE_TABLE

    return [_regex(template) for _, template, _, _ in _ROUTE_TABLE]


def answer(req: Request) -> Response | None:
    """A body built from the schema of the operation `req` is for (None when the spec has none, or a
    handler serves that path)."""
    if any(regex.match(req.path) for regex in _routed()):
        return None
    found = _operation(req)
    if found is None:
        return None
    schema, status = found
    if not schema:
        return Response(status, (), b"")
    return json_response(status, _value(schema, req.path))
