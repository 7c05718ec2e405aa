"""Seed documents: read-only resources the stand-in serves as they are (see _documents.py).

A release that adds a read-only resource (a product base, an option value...) adds its
documents here and needs no handler. Each document is checked against the spec when the
stand-in starts. Resources with state (offers and their availability, reservations, orders)
are modelled in _data.py and _state.py instead.

KorusTicket 1.0.10 on: a catalog's product bases group its products (one base per product
family, the audience being the base's `price_type` option); offer tickets that need a session
list their offer-ticket sessions; since 1.0.38 each base has a seat map.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from . import _serialize as ser
from ._data import AUDIENCES, PRODUCT_BASES, Product, Seed, uuid7

__all__ = ["seed_documents"]

Json = dict[str, Any]
T0 = datetime(2025, 1, 28, 8, 0, tzinfo=UTC)


def _base_name(product: Product) -> str:
    """The product family a product belongs to: its name without the audience."""
    for template in PRODUCT_BASES:
        for audience in AUDIENCES:
            if product.name == (template.format(a=audience) if "{a}" in template else f"{template} {audience}"):
                return template.replace(" {a}", "")
    return product.name.split(" - ")[0]


def seed_documents(
    seed: Seed, sessions: dict[str, list[tuple[str, str, str]]]
) -> tuple[list[Json], dict[str, list[str]]]:
    """The documents of the seeded world, and the sub-collections listing documents that live
    elsewhere. ``sessions`` gives, per offer id, its (ticket id, session id, starts at) choices."""
    documents: list[Json] = []
    links: dict[str, list[str]] = {}
    bases: dict[tuple[str, str], str] = {}
    for product in sorted(seed.products.values(), key=lambda p: (p.catalog_id, p.created_at, p.id)):
        name = _base_name(product)
        key = (product.catalog_id, name)
        if key not in bases:
            bases[key] = uuid7("product-base", f"{product.catalog_id}:{name}", T0)
            base_iri = f"{ser.Iri.catalog(product.catalog_id)}/product_bases/{bases[key]}"
            documents.append({"@id": base_iri, "@type": "TicketingProductBase", "id": bases[key], "name": name,
                              "disabled": False})  # fmt: skip
            seat_map = uuid7("seat-map", bases[key], T0)  # 1.0.38: the layout of a base's venue (open object)
            documents.append({"@id": f"{base_iri}/seat_maps/{seat_map}", "@type": "TicketingSeatMap"})
            options = f"{base_iri}/options"
            documents.append({"@id": f"{options}/price_type", "@type": "TicketingProductBaseOption"})
            for audience in AUDIENCES:
                value = uuid7("option-value", f"{bases[key]}:{audience}", T0)
                documents.append(
                    {"@id": f"{options}/price_type/values/{value}", "@type": "TicketingProductBaseOptionValue"}
                )
        base_iri = f"{ser.Iri.catalog(product.catalog_id)}/product_bases/{bases[key]}"
        documents.append(ser.product(product))
        links.setdefault(f"{base_iri}/products", []).append(ser.Iri.product(product.catalog_id, product.id))
    for offer_id, choices in sessions.items():
        offer = seed.offers[offer_id]
        for ticket_id, session_id, _ in choices:
            iri = ser.Iri.ticket_session(offer.catalog_id, offer.id, ticket_id, session_id)
            documents.append({"@id": iri, "@type": "TicketingOfferTicketSession", "id": session_id})
    return documents, links
