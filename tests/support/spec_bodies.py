"""Bodies generated from the spec's schemas, so tests follow the spec release by release.

The builder is the stand-in's own (korusticket.testing._synth, every field filled, one item in each
array); it reads the spec the client was generated from (korusticket_api/openapi.json, the
preprocessed spec).
"""

from __future__ import annotations

from typing import Any

from korusticket.testing import _synth
from korusticket.testing._documents import _spec as spec

__all__ = ["operation", "request_body", "response_body", "spec", "success_schema"]

Json = dict[str, Any]


def operation(method: str, path: str) -> Json:
    op: Json = spec()["paths"][path][method.lower()]
    return op


def success_schema(method: str, path: str) -> Json | None:
    found = _synth.success(operation(method, path))
    return found[0] or None if found else None


def response_body(method: str, path: str, concrete_path: str) -> Any:
    """A 2xx body for an operation; a collection holds one member and says so in totalItems."""
    schema = success_schema(method, path)
    if schema is None:
        return None
    body = _synth.body(schema, concrete_path, every_field=True)
    if isinstance(body, dict):
        body.setdefault("@type", "Thing")  # a JSON-LD answer names its type, whether the schema says so or not
    return body


def request_body(method: str, path: str) -> Any:
    body = operation(method, path).get("requestBody")
    if not body:
        return None
    for media in body.get("content", {}).values():
        return _synth.instance(media["schema"], path, every_field=True)
    return None
