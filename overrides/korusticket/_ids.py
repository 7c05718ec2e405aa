"""Identifiers and IRIs: every id argument accepts a UUID string, a uuid.UUID, an IRI, or a
resource that carries an ``@id``."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping

from korusticket_api.shapes import HasIri, IdLike

from ._errors import InputError

__all__ = ["HasIri", "IdLike", "iri_of", "to_id", "to_iri"]

_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
ALLOWED = "a UUID string, a uuid.UUID, an IRI such as /v1/booking/orders/<uuid>, or a resource with an @id"


def iri_of(value: object) -> str | None:
    if isinstance(value, HasIri):
        return value.iri
    if isinstance(value, Mapping):
        iri = value.get("@id")
        return iri if isinstance(iri, str) else None
    return None


def _id_field(value: object) -> str | None:
    """A model's or mapping's own ``id`` (typed attribute, or kept among unknown fields)."""
    ident = getattr(value, "id", None)
    if isinstance(ident, str):
        return ident
    extra = value if isinstance(value, Mapping) else getattr(value, "additional_properties", None)
    ident = extra.get("id") if isinstance(extra, Mapping) else None
    return ident if isinstance(ident, str) else None


def to_id(value: object, field: str) -> str:
    """The bare id (last IRI segment), validated as a UUID so that nothing odd reaches a URL."""
    if type(value) is str and _UUID.fullmatch(value):  # the common case: a bare id
        return value.lower()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, str):
        candidates = [value]
    elif isinstance(value, bytes):
        candidates = []
    else:
        # A model: its @id, else its id. Blank nodes (order items) have an @id such as
        # /.well-known/genid/<hex> and carry their UUID in "id".
        candidates = [c for c in (iri_of(value), _id_field(value)) if c]
    if not candidates or not candidates[0]:
        raise InputError(field, f"cannot take an id from {type(value).__name__}", ALLOWED)
    for candidate in candidates:
        last = candidate.rstrip("/").rsplit("/", 1)[-1]
        if _UUID.fullmatch(last):  # fullmatch: "$" would let a trailing newline through
            return last.lower()
    raise InputError(field, f"{candidates[0]!r:.80} is not a UUID or an IRI ending in one", ALLOWED)


def to_iri(value: object, field: str, collection: str, *, exact: bool = False) -> str:
    """An IRI for a request body: kept as is when given, else `collection/<id>`. With `exact`, a
    given IRI must be one of `collection` (an order IRI is not a reservation)."""
    iri = value if isinstance(value, str) and value.startswith("/") else iri_of(value)
    base = collection.rstrip("/")
    if iri:
        ident = to_id(iri, field)  # validates the trailing id
        if exact and iri.rstrip("/").lower() != f"{base}/{ident}".lower():
            raise InputError(field, f"{iri!r:.100} is not an IRI of {base}", f"{base}/<uuid>, a bare id or the model")
        return iri
    return f"{base}/{to_id(value, field)}"
