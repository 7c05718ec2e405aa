"""Canned bodies numbered by n (distinct valid UUIDv7 ids per n), as documented (spec/openapi.yaml,
guides.md §6/§7): what the reliability tests script their transport with."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from typing import Any

from korusticket.types import ReservationItemInput

from tests.support.bodies import ORDERS

NOW = datetime(2025, 6, 1, 12, 0, 0, tzinfo=UTC)


def uid(n: int) -> str:
    """A valid UUIDv7 string, distinct per n."""
    return f"0197cb40-0a99-7{n % 0x1000:03x}-8a73-{n:012x}"


CATALOG = uid(1)
CATALOG_IRI = f"/v1/ticketing/catalogs/{CATALOG}"


def offer_iri(n: int) -> str:
    return f"{CATALOG_IRI}/offers/{uid(100 + n)}"


def ticket_iri(n: int) -> str:
    return f"{offer_iri(n)}/tickets/{uid(200 + n)}"


def reservation_iri(n: int) -> str:
    return f"/v1/booking/reservations/{uid(300 + n)}"


def order_id(n: int) -> str:
    return uid(400 + n)


# --- documented payloads -------------------------------------------------------------------------


def reservation_body(
    n: int = 1, *, offer: str | None = None, expires_at: datetime | None = None, **overrides: Any
) -> dict[str, Any]:
    """GET /v1/booking/reservations/{id} as documented (guides.md §6 step 3, spec 1.0.7)."""
    rid = uid(300 + n)
    offer = offer or offer_iri(n)
    body: dict[str, Any] = {
        "@context": "/contexts/BookingReservation",
        "@id": f"/v1/booking/reservations/{rid}",
        "@type": "BookingReservation",
        "expired": False,
        "catalog": CATALOG_IRI,
        "id": rid,
        "createdAt": "2025-06-01T11:50:00+00:00",
        "totalAmountInclTax": "100.00",
        "totalAmountExclTax": "80.00",
        "expiresAt": (expires_at or NOW + timedelta(minutes=15)).isoformat(),
        "items": [
            {
                "@type": "ReservationItem",
                "@id": f"/.well-known/genid/{n:020x}",
                "amountInclTax": "100.00",
                "amountExclTax": "80.00",
                "date": "2025-06-07",
                "offer": offer,
                "product": f"{CATALOG_IRI}/products/{uid(500 + n)}",
                "offerTickets": [
                    {
                        "@type": "ReservationItemOfferTicket",
                        "@id": f"/.well-known/genid/{n + 1:020x}",
                        "ticket": ticket_iri(n),
                        "session": f"{CATALOG_IRI}/events/{uid(600 + n)}/sessions/{uid(700 + n)}",
                        "seating": {},
                    }
                ],
            }
        ],
        "organization": f"/v1/organizations/{uid(2)}",
        "order": None,
        "seatsArrangement": "ADJACENT",
        "releasable": True,
        "status": "reserved",
    }
    body.update(overrides)
    return body


def order_body(
    n: int = 1, *, external_reference: str = "REF-1", reservation: str | None = None, **overrides: Any
) -> dict[str, Any]:
    """GET /v1/booking/orders/{id} as in the how-to/beneficiary-requirements example."""
    oid = order_id(n)
    item_id = uid(800 + n)
    body: dict[str, Any] = {
        "@context": "/contexts/BookingOrder",
        "@id": f"/v1/booking/orders/{oid}",
        "@type": "BookingOrder",
        "id": oid,
        "createdAt": "2025-06-01T12:00:01+00:00",
        "catalog": CATALOG_IRI,
        "organization": f"/v1/organizations/{uid(2)}",
        "reference": "KTOLKT-84A749",
        "externalReference": external_reference,
        "connectorReference": "3875",
        "totalAmountInclTax": "80.00",
        "totalAmountExclTax": "75.83",
        "reservation": reservation or reservation_iri(n),
        "customer": {
            "@type": "OrderCustomer",
            "@id": "/.well-known/genid/659ea7d58fe6d29dcf2e",
            "firstname": "john",
            "lastname": "doe",
            "email": "john.doe@example.com",
            "phone": "+33610203040",
            "optin": False,
            "country": "FR",
            "language": "fr",
            "title": "mx",
        },
        "status": "confirmed",
        "cancelledAt": None,
        "items": [
            {
                "@type": "OrderItem",
                "@id": "/.well-known/genid/132ddf0cb624270e4245",
                "amountInclTax": "80.00",
                "amountExclTax": "75.83",
                "date": "2026-01-18",
                "product": f"{CATALOG_IRI}/products/{uid(500 + n)}",
                "tickets": [
                    {
                        "@id": f"/v1/booking/orders/{oid}/items/{item_id}/tickets/{uid(900 + n)}",
                        "@type": "OrderItemTicketResource",
                        "id": uid(900 + n),
                        "voucher": "8555400800002783",
                        "occursAt": "2026-01-18T20:00:00+01:00",
                        "event": None,
                        "requiredBeneficiaryFields": ["firstname", "lastname"],
                        "beneficiary": {
                            "@type": "OrderItemTicketBeneficiary",
                            "firstname": "John",
                            "lastname": "Doe",
                            "email": "john.doe@example.com",
                            "title": "mr",
                            "dateOfBirth": "2000-01-01",
                        },
                        "beneficiaryDesignationDeadline": "2026-01-17T14:15:22Z",
                        "beneficiaryAmendable": True,
                        "status": "waiting_beneficiary_data",
                        "seating": {},
                    }
                ],
            }
        ],
    }
    body.update(overrides)
    return body


def offer_body(n: int = 1) -> dict[str, Any]:
    """GET /v1/ticketing/catalogs/{c}/offers/{id} (guides.md §6 step 1, spec 1.0.7)."""
    return {
        "@context": "/contexts/TicketingOffer",
        "@id": offer_iri(n),
        "@type": "TicketingOffer",
        "id": uid(100 + n),
        "date": "2025-01-27",
        "availabilityCheckRequired": True,
        "realtimePriceRequired": False,
        "price": {
            "@type": "OfferPrice",
            "amountInclTax": "100.00",
            "originalAmountInclTax": "120.00",
            "currency": "eur",
        },
        "product": {
            "@type": "TicketingProduct",
            "name": "A great product name",
            "description": "<p>x</p>",
            "disabled": False,
        },
        "tickets": [{"@id": ticket_iri(n), "@type": "TicketingOfferTicket", "dateAccess": True, "form": None}],
        "availableQuantity": 4000,
    }


def orders_page(members: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "@context": "/contexts/BookingOrder",
        "@id": ORDERS,
        "@type": "Collection",
        "totalItems": len(members),
        "member": members,
    }


def reservation_item(n: int) -> ReservationItemInput:
    """One input item of reservations.create (a full-day ticket: no session)."""
    return {"offer": offer_iri(n), "quantity": 1, "ticket_sessions": [{"ticket": ticket_iri(n)}]}


def deep(value: Any) -> Any:
    return copy.deepcopy(value)
