"""Bodies built from the spec's schemas: the stand-in's answers for operations it has no behaviour
for, and the canned bodies of the tests (tests/support/spec_bodies.py).

A release adds operations; those with state need hand-written handlers (_reservations.py, ...) and
reads are served from seed documents (_documents.py). Until then, a new operation the stand-in has
neither for still answers: with its first success response, every required field filled from the
schema's examples, enum, format or type, so the client's strict check passes and a test of every
operation reaches an answer on the day of the release. ``every_field=True`` fills every field and
puts one item in every array: a body that exercises each field (the tests' bodies).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ._core import Request, Response, json_response
from ._documents import _spec
from ._paths import SEGMENT, most_specific, template_regex
from ._routes import TEMPLATES

__all__ = ["answer", "body", "instance", "success"]

Json = dict[str, Any]
_REF = "#/components/schemas/"
_UUID7 = "0199570c-9a85-7f53-962a-a8f0a54441cb"
_BY_FORMAT = {"date-time": "2025-06-01T08:00:00+00:00", "date": "2025-06-01", "uuid": _UUID7, "decimal": "1.00"}
_DEPTH = 30  # bounds recursive schemas


def success(operation: Json) -> tuple[Json, int] | None:
    """The schema of an operation's first success response (``{}`` when it has no body) and its status."""
    for status, response in sorted(operation.get("responses", {}).items()):
        if str(status).startswith("2"):
            content: Json = response.get("content") or {}
            media: Json = next(iter(content.values())) if content else {}
            return media.get("schema") or {}, int(status)
    return None


def _operation(req: Request) -> tuple[Json, int] | None:
    """The spec operation a request is for: its success schema and status."""
    paths: Json = _spec()["paths"]
    method = req.method.lower()
    template = most_specific((t for t, item in paths.items() if method in item), req.path)
    return None if template is None else success(paths[template][method])


def _resolve(node: Any) -> Json:
    while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
        node = _spec().get("components", {}).get("schemas", {}).get(node["$ref"][len(_REF) :], {})
    return dict(node) if isinstance(node, Mapping) else {}


def instance(node: Any, path: str, *, every_field: bool = False, depth: int = 0) -> Any:
    """A value that fits the schema `node`: required fields only, or ``every_field``; an IRI is `path`."""
    schema = _resolve(node)
    if depth > _DEPTH:
        return None

    def deeper(sub: Any) -> Any:
        return instance(sub, path, every_field=every_field, depth=depth + 1)

    for part in schema.get("allOf", []):
        sub = _resolve(part)
        schema["properties"] = {**sub.get("properties", {}), **schema.get("properties", {})}
        schema["required"] = [*sub.get("required", []), *schema.get("required", [])]
        schema.setdefault("type", sub.get("type"))
    alternatives = [_resolve(p) for p in schema.get("anyOf", []) or schema.get("oneOf", [])]
    if alternatives:
        real = [a for a in alternatives if a.get("type") != "null"]
        return deeper(real[0]) if real else None
    if schema.get("examples"):
        return schema["examples"][0]
    if "example" in schema:
        return schema["example"]
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return next((v for v in schema["enum"] if v is not None), None)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    if kind == "array":
        return [deeper(schema.get("items", {}))] if every_field or schema.get("minItems") else []
    if kind == "object" or "properties" in schema:
        props: Json = schema.get("properties", {})
        out: Json = {}
        for name in props if every_field else schema.get("required", []):
            if name in props:
                out[name] = deeper(props[name])
        if "@id" in props or depth == 0:
            out.setdefault("@id", path)
        return out
    return _scalar(schema, kind, path)


def _scalar(schema: Json, kind: Any, path: str) -> Any:
    if kind == "integer":
        return max(1, int(schema.get("minimum", 1)))
    if kind == "number":
        return 1.0
    if kind == "boolean":
        return False
    if kind == "null":
        return None
    fmt, pattern = schema.get("format"), str(schema.get("pattern", ""))
    if fmt in _BY_FORMAT:
        return _BY_FORMAT[fmt]
    if fmt == "iri-reference":
        return path
    if re.search(r"\[0-9\]\{4\}-", pattern):
        return _BY_FORMAT["date"]
    if "uuid" in pattern or re.search(r"\[0-9a-f\]\{8\}", pattern):
        return _UUID7
    return "text"


def body(schema: Json, path: str, *, every_field: bool = False) -> Any:
    """An answer of `schema` at `path`; a collection is one page whose ``totalItems`` counts its members."""
    value = instance(schema, path, every_field=every_field)
    if isinstance(value, dict) and isinstance(value.get("member"), list):
        value["totalItems"] = len(value["member"])
        value.pop("view", None)
    return value


def answer(req: Request) -> Response | None:
    """A body built from the schema of the operation `req` is for (None when the spec has none, or a
    handler serves that path, whatever its ids: a malformed id there stays a 404)."""
    if any(template_regex(template, SEGMENT).match(req.path) for template in TEMPLATES):
        return None
    found = _operation(req)
    if found is None:
        return None
    schema, status = found
    if not schema:
        return Response(status, (), b"")
    return json_response(status, body(schema, req.path))
