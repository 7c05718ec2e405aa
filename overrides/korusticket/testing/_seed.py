"""Seed documents: read-only resources the stand-in serves as they are (see _documents.py).

A release that adds a read-only resource (a product base, an option value...) adds its
documents here and needs no handler. Each document is checked against the spec when the
stand-in starts. Resources with state (offers and their availability, reservations, orders)
are modelled in _data.py and _state.py instead.
"""

from __future__ import annotations

from typing import Any

from ._data import Seed

__all__ = ["seed_documents"]


def seed_documents(seed: Seed) -> list[dict[str, Any]]:
    """The documents of the seeded world (KorusTicket 1.0.7: every read has a handler)."""
    return []
