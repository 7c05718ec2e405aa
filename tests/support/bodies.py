"""Canned JSON-LD bodies of the client tests, taken from the documented examples (spec/openapi.yaml examples
and the reference pages under https://docs.korusticket.com/openapi/), with valid UUIDv7 ids; the customer and
booking items every suite sends."""

from __future__ import annotations

import copy
from datetime import UTC, datetime
from typing import Any

from korusticket.types import CustomerInput, ReservationItemInput

from tests.support import documented_payloads

# --- identifiers (UUIDv7, from the documented examples) -------------------------------------

CATALOG = "0194abdc-3a71-72b0-a9b9-89d4be0cd73e"
EVENT = "0194d69e-3df9-73e6-9f2f-2bd0d3c21319"
SESSION = "0194cb33-c80d-7abe-ad9d-daf1018ecc47"
PRODUCT = "0194abfe-1bdb-7b12-af59-ad81ae443689"
PRODUCT_2 = "0194abfe-1c04-7ade-9bc3-dbcfefb12652"
OFFER = "0194ac40-fda7-78c1-8fcb-26fc2df25894"
TICKET = "0194ac40-fda7-78c1-8fcb-26fc2e2612d4"
FORM = "0195197f-7918-7285-bb4b-7df2b682c3eb"
RESERVATION = "0194cb23-f18e-7c8e-9729-a7a65e961639"
ORDER = "0197cb40-0a9a-772d-9c06-94f4ebf74643"
ITEM = "0197cb40-0a99-7351-8a73-3278b4978671"
ORDER_TICKET = "0197cb40-0a99-7351-8a73-3278b40b0cbc"
DOCUMENT = "0194b6c7-cbc8-7e79-b8a8-e95ffe2acb49"
ORGANIZATION = "0194d07e-aa39-71a8-9d45-bba145a85838"
ALL_IDS = (
    CATALOG, EVENT, SESSION, PRODUCT, PRODUCT_2, OFFER, TICKET, FORM,
    RESERVATION, ORDER, ITEM, ORDER_TICKET, DOCUMENT, ORGANIZATION,
)  # fmt: skip

CATALOG_IRI = f"/v1/ticketing/catalogs/{CATALOG}"
EVENT_IRI = f"{CATALOG_IRI}/events/{EVENT}"
SESSION_IRI = f"{CATALOG_IRI}/offers/{OFFER}/tickets/{TICKET}/sessions/{SESSION}"  # an offer-ticket session (1.0.10)
PRODUCT_IRI = f"{CATALOG_IRI}/products/{PRODUCT}"
PRODUCT_2_IRI = f"{CATALOG_IRI}/products/{PRODUCT_2}"
OFFER_IRI = f"{CATALOG_IRI}/offers/{OFFER}"
TICKET_IRI = f"{OFFER_IRI}/tickets/{TICKET}"
FORM_IRI = f"/v1/forms/{FORM}"
RESERVATION_IRI = f"/v1/booking/reservations/{RESERVATION}"
ORDER_IRI = f"/v1/booking/orders/{ORDER}"
ORDER_TICKET_IRI = f"{ORDER_IRI}/items/{ITEM}/tickets/{ORDER_TICKET}"
DOCUMENT_IRI = f"{ORDER_IRI}/documents/{DOCUMENT}"

# --- endpoints and credentials --------------------------------------------------------------

DEMO_URL = "https://api.demo.korusticket.com"
PRODUCTION_URL = "https://api.korusticket.com"
TOKEN_URL = "https://auth.korusticket.com/realms/korusticket/protocol/openid-connect/token"
CLIENT_ID = "distributor-cse"
CLIENT_SECRET = "Zx9-client-SECRET-d41d8cd98f00b204"
STATIC_TOKEN = "eyJhbGciOiJSUzI1NiJ9.STATIC-bearer-token.c2lnbmF0dXJl"
REFRESH_TOKEN = "eyJhbGciOiJIUzUxMiJ9.REFRESH-token.c2ln"

# The time of the client tests' FakeClock (korusticket.testing.FakeClock) at the start of each test.
CLIENT_CLOCK_START = datetime(2025, 1, 27, 15, 15, 20, tzinfo=UTC)


def access_token(n: int) -> str:
    """The n-th access token the mock token endpoint hands out (n from 1)."""
    return f"eyJhbGciOiJSUzI1NiJ9.ACCESS-{n:03d}.c2lnbmF0dXJlLXNlY3JldA"


# --- canned bodies (documented examples) ----------------------------------------------------


def keycloak_token(token: str, expires_in: int = 1800) -> dict[str, Any]:
    """Keycloak client-credentials answer (guides.md §2)."""
    return {
        "access_token": token,
        "expires_in": expires_in,
        "refresh_expires_in": 1800,
        "refresh_token": REFRESH_TOKEN,
        "token_type": "Bearer",
        "not-before-policy": 0,
        "scope": "profile email",
    }


def collection(context: str, path: str, members: list[dict[str, Any]], total: int | None = None) -> dict[str, Any]:
    """Hydra collection envelope (guides.md §4.1)."""
    return {
        "@context": f"/contexts/{context}",
        "@id": path,
        "@type": "Collection",
        "totalItems": len(members) if total is None else total,
        "member": members,
        "view": {"@id": f"{path}?itemsPerPage=50", "@type": "PartialCollectionView"},
        "search": {
            "@type": "IriTemplate",
            "template": f"{path}{{?}}",
            "variableRepresentation": "BasicRepresentation",
            "mapping": [],
        },
    }


def catalog_body(c: str = CATALOG) -> dict[str, Any]:
    return {
        "@context": "/contexts/TicketingCatalog",
        "@id": f"/v1/ticketing/catalogs/{c}",
        "@type": "TicketingCatalog",
        "id": c,
        "createdAt": "2025-01-28T07:42:04+00:00",
        "name": "Catalogue Puy du Fou - CSE",
    }


def session_body(c: str = CATALOG, o: str = OFFER, t: str = TICKET, s: str = SESSION) -> dict[str, Any]:
    return {
        "@context": "/contexts/TicketingOfferTicketSession",
        "@id": f"/v1/ticketing/catalogs/{c}/offers/{o}/tickets/{t}/sessions/{s}",
        "@type": "TicketingOfferTicketSession",
        "id": s,
    }


def product_body(c: str = CATALOG, p: str = PRODUCT, name: str = "Puy du Fou 1 jour Adulte") -> dict[str, Any]:
    return {
        "@id": f"/v1/ticketing/catalogs/{c}/products/{p}",
        "@type": "TicketingProduct",
        "id": p,
        "name": name,
        "description": "<p>Le Grand Parc</p>",
        "disabled": False,
    }


def offer_body(c: str = CATALOG, o: str = OFFER) -> dict[str, Any]:
    iri = f"/v1/ticketing/catalogs/{c}/offers/{o}"
    return {
        "@context": "/contexts/TicketingOffer",
        "@id": iri,
        "@type": "TicketingOffer",
        "id": o,
        "date": "2025-01-27",
        "availabilityCheckRequired": True,
        "realtimePriceRequired": False,
        "price": {"amountInclTax": "100.00", "originalAmountInclTax": "120.00", "currency": "eur"},
        "product": {
            "@id": f"/v1/ticketing/catalogs/{c}/products/{PRODUCT}",
            "@type": "TicketingProduct",
            "name": "A great product name",
            "description": "A great product description",
            "disabled": False,
        },
        "tickets": [
            {
                "@id": f"{iri}/tickets/{TICKET}",
                "@type": "TicketingOfferTicket",
                "dateAccess": True,
                "form": f"/v1/forms/{FORM}",
            }
        ],
        "availableQuantity": 4000,
    }


def offer_availability_body(c: str = CATALOG, o: str = OFFER) -> dict[str, Any]:
    # guides.md §6 step 2
    return {
        "@context": "/contexts/TicketingOfferAvailability",
        "@id": f"/v1/ticketing/catalogs/{c}/offers/{o}/availability",
        "@type": "TicketingOfferAvailability",
        "availableQuantity": 41301,
        "sessionsAvailability": [
            {
                "session": f"/v1/ticketing/catalogs/{c}/offers/{OFFER}/tickets/{TICKET}/sessions/{SESSION}",
                "availableQuantity": 4000,
            }
        ],
    }


def offer_price_body(c: str = CATALOG, o: str = OFFER) -> dict[str, Any]:
    # guides.md §6 step 2 (the how-to answers "EUR"; the reference says "eur")
    return {
        "@context": "/contexts/TicketingOffer",
        "@id": f"/v1/ticketing/catalogs/{c}/offers/{o}/price",
        "@type": "TicketingOffer",
        "amountInclTax": "100.00",
        "amountExclTax": "80.00",
        "currency": "EUR",
    }


def offer_ticket_body(c: str = CATALOG, o: str = OFFER, t: str = TICKET) -> dict[str, Any]:
    return {
        "@context": "/contexts/TicketingOfferTicket",
        "@id": f"/v1/ticketing/catalogs/{c}/offers/{o}/tickets/{t}",
        "@type": "TicketingOfferTicket",
        "id": t,
        "name": "A great offer's ticket name",
        "dateAccess": True,
        "form": f"/v1/forms/{FORM}",
    }


def form_body(f: str = FORM) -> dict[str, Any]:
    return {
        "@context": "/contexts/Form",
        "@id": f"/v1/forms/{f}",
        "@type": "Form",
        "id": f,
        "code": "customer_infos_form",
        "fields": [],
    }


def reservation_body(r: str = RESERVATION, offer_iri: str = OFFER_IRI) -> dict[str, Any]:
    return {
        "@context": "/contexts/BookingReservation",
        "@id": f"/v1/booking/reservations/{r}",
        "@type": "BookingReservation",
        "expired": False,
        "catalog": CATALOG_IRI,
        "id": r,
        "createdAt": "2025-01-27T15:15:20+00:00",
        "totalAmountInclTax": "100.00",
        "totalAmountExclTax": "80.00",
        "expiresAt": "2025-01-27T15:30:20+00:00",
        "items": [
            {
                "amountInclTax": "100.00",
                "amountExclTax": "80.00",
                "date": "2025-01-27",
                "offer": offer_iri,
                "product": PRODUCT_IRI,
                "offerTickets": [{"ticket": TICKET_IRI, "session": None, "seating": None}],
            }
        ],
        "organization": f"/v1/organizations/{ORGANIZATION}",
        "order": None,
        "seatsArrangement": "UNKNOWN",
        "releasable": True,
        "status": "reserved",
    }


def order_body(o: str = ORDER, reservation_iri: str = RESERVATION_IRI, external: str = "TEST") -> dict[str, Any]:
    """The how-to/beneficiary-requirements order (spec example howToBeneficiaryRequirements)."""
    return {
        "@context": "/contexts/BookingOrder",
        "@id": f"/v1/booking/orders/{o}",
        "@type": "BookingOrder",
        "id": o,
        "createdAt": "2025-07-02T13:07:41+00:00",
        "catalog": "/v1/ticketing/catalogs/0196f2ef-c0de-7456-ac8e-8e2479c54aa5",
        "organization": f"/v1/organizations/{ORGANIZATION}",
        "reference": "KTOLKT-84A749",
        "externalReference": external,
        "connectorReference": "3875",
        "totalAmountInclTax": "80.00",
        "totalAmountExclTax": "75.83",
        "reservation": reservation_iri,
        "customer": copy.deepcopy(documented_payloads.ORDER["customer"]),  # the documented order's customer
        "status": "confirmed",
        "cancelledAt": None,
        "items": [
            {
                "@type": "OrderItem",
                "@id": "/.well-known/genid/132ddf0cb624270e4245",
                "id": ITEM,
                "unitAmountInclTax": "80.00",
                "unitAmountExclTax": "75.83",
                "quantity": 1,
                "amountInclTax": "80.00",
                "amountExclTax": "75.83",
                "date": "2026-01-18",
                "product": "/v1/ticketing/catalogs/0196f2ef-c0de-7456-ac8e-8e2479c54aa5/products/0197c022-3988-7006-83a2-94a34daeec03",
                "tickets": [
                    {
                        "@id": f"/v1/booking/orders/{o}/items/{ITEM}/tickets/{ORDER_TICKET}",
                        "@type": "OrderItemTicketResource",
                        "id": ORDER_TICKET,
                        "voucher": "8555400800002783",
                    }
                ],
            }
        ],
    }


def order_ticket_body(o: str = ORDER, i: str = ITEM, t: str = ORDER_TICKET, **beneficiary: Any) -> dict[str, Any]:
    return {
        "@context": "/contexts/BookingOrderItemTicket",
        "@id": f"/v1/booking/orders/{o}/items/{i}/tickets/{t}",
        "@type": "BookingOrderItemTicket",
        "id": t,
        "voucher": "8555400800002783",
        "occursAt": "2025-02-27T15:15:20+00:00",
        "requiredBeneficiaryFields": ["firstname", "lastname"],
        "beneficiary": {"firstname": "John", "lastname": "Doe", **beneficiary} if beneficiary else None,
        "beneficiaryDesignationDeadline": "2019-08-24T14:15:22Z",
        "beneficiaryAmendable": True,
        "status": "waiting_beneficiary_data",
    }


def document_body(o: str = ORDER, d: str = DOCUMENT) -> dict[str, Any]:
    # guides.md §6 step 6
    return {
        "@context": "/contexts/BookingOrderDocument",
        "@id": f"/v1/booking/orders/{o}/documents/{d}",
        "@type": "BookingOrderDocument",
        "id": d,
        "temporaryUrl": f"https://storage.googleapis.com/BUCKET/{o}/{d}.pdf?GoogleAccessId=x&Expires=1738235339&Signature=y",
        "cachedLanguage": "fr",
    }


def error_body(status: int, title: str, detail: str) -> dict[str, Any]:
    """API Platform Error (guides.md §3.1)."""
    return {
        "@context": "/contexts/Error",
        "@id": f"/errors/{status}",
        "@type": "Error",
        "title": title,
        "detail": detail,
        "status": status,
        "type": f"/errors/{status}",
        "instance": None,
        "description": detail,
    }


def violation_body() -> dict[str, Any]:
    """API Platform ConstraintViolation (guides.md §3.2)."""
    code = "c1051bb4-d103-4f74-8988-acbcafc7fdc3"
    return {
        "@context": "/contexts/ConstraintViolation",
        "@id": f"/validation_errors/{code}",
        "@type": "ConstraintViolation",
        "status": 422,
        "violations": [
            {"propertyPath": "items[0].quantity", "message": "This value should be positive.", "code": code},
            {"propertyPath": "customer.email", "message": "This value is not a valid email address.", "code": None},
        ],
        "detail": "items[0].quantity: This value should be positive.\ncustomer.email: This value is not a valid email address.",
        "description": "items[0].quantity: This value should be positive.",
        "type": f"/validation_errors/{code}",
        "title": "An error occurred",
    }


# --- collection paths -----------------------------------------------------------------------

RESERVATIONS_BULK = "/v1/booking/reservations/_bulk"
ORDERS_BULK = "/v1/booking/orders/_bulk"
ORDERS = "/v1/booking/orders"


def reservation_bulk_body(reservations: list[dict[str, Any]], failed: list[Any]) -> dict[str, Any]:
    return {
        "@context": "/contexts/BookingReservationBulkResult",
        "@id": RESERVATIONS_BULK,
        "@type": "BookingReservationBulkResult",
        "reservations": reservations,
        "failedReservations": failed,
    }


def order_bulk_body(orders: list[dict[str, Any]], failed: list[Any]) -> dict[str, Any]:
    return {
        "@context": "/contexts/BookingOrderBulkResult",
        "@id": ORDERS_BULK,
        "@type": "BookingOrderBulkResult",
        "orders": orders,
        "failedOrders": failed,
    }


# --- what the tests send ----------------------------------------------------------------------

CUSTOMER: CustomerInput = {
    "firstname": "john",
    "lastname": "doe",
    "email": "john.doe@example.com",
    "phone": "+33610203040",
    "country": "FR",
    "language": "fr",
    "optin": False,
    "title": "mr",
}

SESSION_TICKET_IRI = f"{OFFER_IRI}/tickets/0194ac40-fda7-78c1-8fcb-26fc2e2612d5"
BOOKING_ITEMS: list[ReservationItemInput] = [
    {
        "offer": OFFER_IRI,
        "quantity": 1,
        "ticket_sessions": [{"ticket": TICKET_IRI}, {"ticket": SESSION_TICKET_IRI, "session": SESSION_IRI}],
    }
]
