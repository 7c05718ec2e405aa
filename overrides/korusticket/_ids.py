"""Identifiers and IRIs: every id argument accepts a UUID string, a uuid.UUID, an IRI, or a
resource that carries an ``@id``."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

from ._errors import InputError

__all__ = ["HasIri", "IdLike", "iri_of", "to_id", "to_iri"]

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
ALLOWED = "a UUID string, a uuid.UUID, an IRI such as /v1/booking/orders/<uuid>, or a resource with an @id"


@runtime_checkable
class HasIri(Protocol):
    @property
    def iri(self) -> str | None: ...


IdLike = str | uuid.UUID | HasIri | Mapping[str, Any]


def iri_of(value: object) -> str | None:
    if isinstance(value, HasIri):
        return value.iri
    if isinstance(value, Mapping):
        iri = value.get("@id")
        return iri if isinstance(iri, str) else None
    return None


def to_id(value: object, field: str) -> str:
    """The bare id (last IRI segment), validated as a UUID so that nothing odd reaches a URL."""
    if isinstance(value, uuid.UUID):
        return str(value)
    candidate = value if isinstance(value, str) else iri_of(value)
    if candidate is None and not isinstance(value, str | bytes):
        ident = getattr(value, "id", None)
        candidate = ident if isinstance(ident, str) else None
    if not candidate:
        raise InputError(field, f"cannot take an id from {type(value).__name__}", ALLOWED)
    last = candidate.rstrip("/").rsplit("/", 1)[-1]
    if not _UUID.match(last):
        raise InputError(field, f"{candidate!r:.80} is not a UUID or an IRI ending in one", ALLOWED)
    return last.lower()


def to_iri(value: object, field: str, collection: str) -> str:
    """An IRI for a request body: kept as is when given, else `collection/<id>`."""
    iri = value if isinstance(value, str) and value.startswith("/") else iri_of(value)
    if iri:
        to_id(iri, field)  # validates the trailing id
        return iri
    return f"{collection.rstrip('/')}/{to_id(value, field)}"
