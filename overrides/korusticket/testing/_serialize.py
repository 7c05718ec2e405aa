"""Resources to JSON-LD dicts (``@id``/``@type`` on everything; ``@context`` added at the top)."""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from ._data import Catalog, Form, FormField, Offer, OfferTicket, Product, fmt_dt, money
from ._state import OrderRecord, OrderTicket, ReservationRecord, State

__all__ = ["Iri", "genid", "with_context"]


class Iri:
    """IRI builders (relative, as the API emits them)."""

    @staticmethod
    def catalog(c: str) -> str:
        return f"/v1/ticketing/catalogs/{c}"

    @staticmethod
    def event(c: str, e: str) -> str:
        return f"/v1/ticketing/catalogs/{c}/events/{e}"

    @staticmethod
    def ticket_session(c: str, o: str, t: str, s: str) -> str:
        return f"/v1/ticketing/catalogs/{c}/offers/{o}/tickets/{t}/sessions/{s}"

    @staticmethod
    def product(c: str, p: str) -> str:
        return f"/v1/ticketing/catalogs/{c}/products/{p}"

    @staticmethod
    def offer(c: str, o: str) -> str:
        return f"/v1/ticketing/catalogs/{c}/offers/{o}"

    @staticmethod
    def ticket(c: str, o: str, t: str) -> str:
        return f"/v1/ticketing/catalogs/{c}/offers/{o}/tickets/{t}"

    @staticmethod
    def form(f: str) -> str:
        return f"/v1/forms/{f}"

    @staticmethod
    def form_field(f: str, field_id: str) -> str:
        return f"/v1/forms/{f}/fields/{field_id}"

    @staticmethod
    def organization(o: str) -> str:
        return f"/v1/organizations/{o}"

    @staticmethod
    def reservation(r: str) -> str:
        return f"/v1/booking/reservations/{r}"

    @staticmethod
    def order(o: str) -> str:
        return f"/v1/booking/orders/{o}"

    @staticmethod
    def order_ticket(o: str, i: str, t: str) -> str:
        return f"/v1/booking/orders/{o}/items/{i}/tickets/{t}"

    @staticmethod
    def document(o: str, d: str) -> str:
        return f"/v1/booking/orders/{o}/documents/{d}"


def genid(*parts: str) -> str:
    """A blank-node ``@id`` for embedded objects, stable for the same parts."""
    return "/.well-known/genid/" + hashlib.sha1(":".join(parts).encode()).hexdigest()[:20]


def with_context(resource: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"@context": f"/contexts/{resource}", **body}


def _dt(value: datetime | None) -> str | None:
    return fmt_dt(value) if value is not None else None


# ------------------------------------------------------------------------------- ticketing
def catalog(c: Catalog) -> dict[str, Any]:
    return {
        "@id": Iri.catalog(c.id),
        "@type": "TicketingCatalog",
        "id": c.id,
        "createdAt": fmt_dt(c.created_at),
        "lastSyncedAt": fmt_dt(c.created_at),  # 1.0.19: the stand-in's catalogs never re-sync
        "name": c.name,
    }


def product(p: Product) -> dict[str, Any]:
    return {
        "@id": Iri.product(p.catalog_id, p.id),
        "@type": "TicketingProduct",
        "id": p.id,
        "name": p.name,
        "description": p.description,
        "disabled": p.disabled,
    }


def offer_ticket(o: Offer, t: OfferTicket) -> dict[str, Any]:
    return {
        "@id": Iri.ticket(o.catalog_id, o.id, t.id),
        "@type": "TicketingOfferTicket",
        "id": t.id,
        "name": t.name,
        "description": t.description,
        "dateAccess": t.date_access,
        "form": Iri.form(t.form_id) if t.form_id else None,
    }


def offer(state: State, o: Offer) -> dict[str, Any]:
    p = state.seed.products[o.product_id]
    return {
        "@id": Iri.offer(o.catalog_id, o.id),
        "@type": "TicketingOffer",
        "id": o.id,
        "date": o.date.isoformat() if o.date else None,
        "availabilityCheckRequired": o.availability_check_required,
        "realtimePriceRequired": o.realtime_price is not None,
        "price": {
            "@id": genid("price", o.id),
            "@type": "OfferPrice",
            "amountInclTax": money(o.price),
            "originalAmountInclTax": money(o.original_price) if o.original_price is not None else None,
            "currency": "eur",
        },
        "product": {
            "@id": Iri.product(p.catalog_id, p.id),
            "@type": "TicketingProduct",
            "name": p.name,
            "description": p.description,
            "disabled": p.disabled,
        },
        "tickets": [offer_ticket(o, t) for t in o.tickets],
        "availableQuantity": state.offer_available(o),
    }


def offer_availability(state: State, o: Offer) -> dict[str, Any]:
    base = Iri.offer(o.catalog_id, o.id) + "/availability"
    sessions = [
        {
            "@context": "/contexts/TicketingSessionAvailability",
            "@id": genid("availability", o.id, s.id),
            "@type": "TicketingSessionAvailability",
            "session": Iri.ticket_session(o.catalog_id, o.id, t.id, s.id),
            "availableQuantity": min(state.session_available(s), state.offer_available(o)),
        }
        for t in o.tickets
        if not t.date_access
        for s in state.sessions_for_offer(o)
        if s.event_id == t.event_id
    ]
    return with_context(
        "TicketingOfferAvailability",
        {
            "@id": base,
            "@type": "TicketingOfferAvailability",
            "availableQuantity": state.offer_available(o),
            "sessionsAvailability": sessions,
        },
    )


def offer_price(o: Offer) -> dict[str, Any]:
    amount = o.realtime_price if o.realtime_price is not None else o.price
    ratio = (o.price_excl / o.price) if o.price_excl is not None and o.price else None
    return with_context(
        "TicketingOffer",
        {
            "@id": Iri.offer(o.catalog_id, o.id) + "/price",
            "@type": "TicketingOffer",
            "amountInclTax": money(amount),
            "amountExclTax": money(amount * ratio) if ratio is not None else None,
            "currency": "eur",
        },
    )


def form_field(f: FormField) -> dict[str, Any]:
    body: dict[str, Any] = {
        "@id": Iri.form_field(f.form_id, f.id),
        "@type": "FormField",
        "id": f.id,
        "code": f.code,
        "label": f.label,
        "type": f.type,
        "required": f.required,
    }
    if f.type in ("single_choice", "multi_choice"):
        body["choices"] = [
            {
                "@id": f"{Iri.form_field(f.form_id, f.id)}/choices/{c.id}",
                "@type": "FormFieldChoice",
                "id": c.id,
                "value": c.value,
                "label": c.label,
            }
            for c in f.choices
        ]
    return body


def form(f: Form) -> dict[str, Any]:
    return with_context(
        "Form",
        {
            "@id": Iri.form(f.id),
            "@type": "Form",
            "id": f.id,
            "code": f.code,
            "fields": [form_field(x) for x in f.fields],
        },
    )


# ------------------------------------------------------------------------------- booking
def reservation(state: State, r: ReservationRecord) -> dict[str, Any]:
    now = state.now()
    o = state.seed.offers[r.offer_id]
    items = []
    for item_id in r.item_ids:
        offer_tickets = [
            {
                "@id": genid("reservation-ticket", item_id, c.ticket_id),
                "@type": "ReservationItemOfferTicket",
                "ticket": Iri.ticket(o.catalog_id, o.id, c.ticket_id),
                "session": (
                    Iri.ticket_session(o.catalog_id, o.id, c.ticket_id, c.session_id) if c.session_id else None
                ),
                "seating": None,
            }
            for c in r.choices
        ]
        items.append(
            {
                "@id": genid("reservation-item", item_id),
                "@type": "ReservationItem",
                "amountInclTax": money(r.unit_incl),
                "amountExclTax": money(r.unit_excl) if r.unit_excl is not None else None,
                "date": o.date.isoformat() if o.date else None,
                "offer": Iri.offer(o.catalog_id, o.id),
                "product": Iri.product(o.catalog_id, o.product_id),
                "offerTickets": offer_tickets,
            }
        )
    expired = r.expired(now)
    has_sessions = any(c.session_id for c in r.choices)
    return {
        "@id": Iri.reservation(r.id),
        "@type": "BookingReservation",
        "expired": expired,
        "catalog": Iri.catalog(r.catalog_id),
        "id": r.id,
        "createdAt": fmt_dt(r.created_at),
        "totalAmountInclTax": money(r.unit_incl * r.quantity),
        "totalAmountExclTax": money(r.unit_excl * r.quantity) if r.unit_excl is not None else None,
        "expiresAt": fmt_dt(r.expires_at),
        "items": items,
        "organization": Iri.organization(r.organization_id),
        "order": Iri.order(r.order_id) if r.order_id else None,
        "seatsArrangement": "UNKNOWN" if not has_sessions else ("ADJACENT" if r.quantity > 1 else "UNKNOWN"),
        "releasable": r.order_id is None and not expired,
        "status": "released" if expired else "reserved",
    }


def order_ticket(state: State, order: OrderRecord, t: OrderTicket) -> dict[str, Any]:
    amendable = t.deadline is None or state.now() < t.deadline
    beneficiary = dict(t.beneficiary) if t.beneficiary is not None else None  # 1.0.19: no @-keys
    return {
        "@id": Iri.order_ticket(order.id, t.item_id, t.id),
        "@type": "OrderItemTicketResource",
        "id": t.id,
        "voucher": t.voucher,
        "occursAt": _dt(t.occurs_at),
        "requiredBeneficiaryFields": list(t.required_fields),
        "beneficiary": beneficiary,
        "beneficiaryDesignationDeadline": _dt(t.deadline),
        "beneficiaryAmendable": amendable,
        "status": t.status,
        "seating": None,
    }


def order(state: State, o: OrderRecord) -> dict[str, Any]:
    r = state.reservations[o.reservation_id]
    offer_ = state.seed.offers[r.offer_id]
    incl, excl = r.unit_incl, r.unit_excl if r.unit_excl is not None else r.unit_incl
    item = {
        "@id": genid("order-item", o.item_id),
        "@type": "OrderItem",
        "id": o.item_id,
        "unitAmountInclTax": money(incl),
        "unitAmountExclTax": money(excl),
        "quantity": r.quantity,
        "totalAmountInclTax": money(incl * r.quantity),
        "totalAmountExclTax": money(excl * r.quantity),
        "amountInclTax": money(incl * r.quantity),
        "amountExclTax": money(excl * r.quantity),
        "date": offer_.date.isoformat() if offer_.date else None,
        "product": Iri.product(offer_.catalog_id, offer_.product_id),
        "tickets": [order_ticket(state, o, t) for t in o.tickets],
    }
    return {
        "@id": Iri.order(o.id),
        "@type": "BookingOrder",
        "id": o.id,
        "createdAt": fmt_dt(o.created_at),
        "catalog": Iri.catalog(o.catalog_id),
        "organization": Iri.organization(o.organization_id),
        "reference": o.reference,
        "externalReference": o.external_reference,
        "connectorReference": o.connector_reference,
        "totalAmountInclTax": money(incl * r.quantity),
        "totalAmountExclTax": money(excl * r.quantity),
        "reservation": Iri.reservation(r.id),
        "customer": {
            "@id": genid("customer", o.id),
            "@type": "OrderCustomer",
            **{k: v for k, v in o.customer.items() if v is not None},
        },
        "status": o.status,
        "cancelledAt": _dt(o.cancelled_at),
        "items": [item],
    }


def order_document(order: OrderRecord, document_id: str) -> dict[str, Any]:
    """1.0.19: an order's documents are listed, each downloadable from the order's creation."""
    return {
        "@id": Iri.document(order.id, document_id),
        "@type": "BookingOrderDocument",
        "id": document_id,
        "downloadableAt": fmt_dt(order.created_at),
    }
