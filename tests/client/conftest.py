"""Shared fixtures of the client tests: a scriptable httpx.MockTransport (no sockets), a fake
clock, and canned JSON-LD bodies taken from the documented examples (spec/openapi.yaml examples and the
reference pages under https://docs.korusticket.com/openapi/), with valid UUIDv7 ids."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from korusticket import AsyncKorusTicket, KorusTicket

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


def access_token(n: int) -> str:
    """The n-th access token the mock token endpoint hands out (n from 1)."""
    return f"eyJhbGciOiJSUzI1NiJ9.ACCESS-{n:03d}.c2lnbmF0dXJlLXNlY3JldA"


# --- fake clock -----------------------------------------------------------------------------


class FakeClock:
    """An aware clock that only moves when told to."""

    def __init__(self, start: datetime = datetime(2025, 1, 27, 15, 15, 20, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


class FakeSleep:
    """Records the waits the retry layer asks for; never sleeps."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


class AsyncFakeSleep(FakeSleep):
    async def __call__(self, seconds: float) -> None:  # type: ignore[override]
        self.calls.append(seconds)


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
        "customer": {
            "@type": "OrderCustomer",
            "@id": "/.well-known/genid/659ea7d58fe6d29dcf2e",
            "firstname": "test",
            "lastname": "test",
            "phone": "0610203040",
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


def _bulk_reservations(request: httpx.Request) -> dict[str, Any]:
    payload = json.loads(request.content)
    reservations = [reservation_body(offer_iri=item["offer"]) for item in payload["items"]]
    return {
        "@context": "/contexts/BookingReservation",
        "@id": "/v1/booking/reservations/_bulk",
        "@type": "BookingReservationBulkResult",
        "reservations": reservations,
        "failedReservations": [],
    }


def _bulk_orders(request: httpx.Request) -> dict[str, Any]:
    payload = json.loads(request.content)
    orders = [order_body(reservation_iri=r, external=payload["externalReference"]) for r in payload["reservations"]]
    return {
        "@context": "/contexts/BookingOrder",
        "@id": "/v1/booking/orders/_bulk",
        "@type": "BookingOrderBulkResult",
        "orders": orders,
        "failedOrders": [],
    }


U = "([0-9a-f-]{36})"
C = f"/v1/ticketing/catalogs/{U}"
ROUTES: list[tuple[str, re.Pattern[str], Callable[..., dict[str, Any]]]] = [
    (m, re.compile(p + "$"), f)  # type: ignore[misc]  # mypy infers "function" for the lambdas
    for m, p, f in [
        ("GET", "/v1/ticketing/catalogs", lambda r: collection("TicketingCatalog", r.url.path, [catalog_body()])),
        ("GET", C, lambda r, c: catalog_body(c)),
        ("GET", f"{C}/products", lambda r, c: collection("TicketingProduct", r.url.path, [product_body(c), product_body(c, PRODUCT_2, "Puy du Fou 1 jour Adulte + Cinéscénie Argent")])),
        ("GET", f"{C}/products/{U}", lambda r, c, p: product_body(c, p)),
        ("GET", f"{C}/offers", lambda r, c: collection("TicketingOffer", r.url.path, [offer_body(c)])),
        ("GET", f"{C}/offers/{U}", lambda r, c, o: offer_body(c, o)),
        ("GET", f"{C}/offers/{U}/availability", lambda r, c, o: offer_availability_body(c, o)),
        ("GET", f"{C}/offers/{U}/price", lambda r, c, o: offer_price_body(c, o)),
        ("GET", f"{C}/offers/{U}/tickets", lambda r, c, o: collection("TicketingOfferTicket", r.url.path, [offer_ticket_body(c, o)])),
        ("GET", f"{C}/offers/{U}/tickets/{U}/sessions", lambda r, c, o, t: collection("TicketingOfferTicketSession", r.url.path, [session_body(c, o, t)])),
        ("GET", f"{C}/offers/{U}/tickets/{U}/sessions/{U}", lambda r, c, o, t, s: session_body(c, o, t, s)),
        ("GET", f"{C}/offers/{U}/tickets/{U}", lambda r, c, o, t: offer_ticket_body(c, o, t)),
        ("GET", f"/v1/forms/{U}", lambda r, f: form_body(f)),
        ("GET", "/v1/booking/reservations", lambda r: collection("BookingReservation", r.url.path, [reservation_body()])),
        ("POST", "/v1/booking/reservations/_bulk", _bulk_reservations),
        ("GET", f"/v1/booking/reservations/{U}", lambda r, i: reservation_body(i)),
        ("GET", "/v1/booking/orders", lambda r: collection("BookingOrder", r.url.path, [order_body()])),
        ("POST", "/v1/booking/orders/_bulk", _bulk_orders),
        ("GET", f"/v1/booking/orders/{U}", lambda r, o: order_body(o)),
        ("PATCH", f"/v1/booking/orders/{U}/documents/{U}", lambda r, o, d: document_body(o, d)),
        ("GET", f"/v1/booking/orders/{U}/items/{U}/tickets/{U}", lambda r, o, i, t: order_ticket_body(o, i, t)),
        ("PATCH", f"/v1/booking/orders/{U}/items/{U}/tickets/{U}", lambda r, o, i, t: order_ticket_body(o, i, t, **json.loads(r.content)["beneficiary"])),
    ]
]  # fmt: skip


def jsonld(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> httpx.Response:
    return httpx.Response(
        status, content=json.dumps(body).encode(), headers={"Content-Type": "application/ld+json", **(headers or {})}
    )


def route(request: httpx.Request) -> httpx.Response:
    """The canned answer of an API request, by method and path."""
    for method, pattern, body in ROUTES:
        match = pattern.match(request.url.path)
        if method == request.method and match:
            return jsonld(body(request, *match.groups()))
    return jsonld(error_body(404, "An error occurred", "Not Found"), 404)


# --- the scriptable mock ----------------------------------------------------------------------

Reply = httpx.Response | Callable[[httpx.Request], httpx.Response] | BaseException


class MockAPI:
    """Answers the token endpoint and the API; records every request.

    - ``token_replies``: scripted answers of the next token requests (default: a fresh
      Keycloak token ``access_token(n)``, valid ``expires_in`` seconds).
    - ``replies``: scripted answers of the next API requests (default: ``route``).
      An exception instance is raised instead of answering.
    """

    def __init__(self, token_url: str = TOKEN_URL) -> None:
        self.token_url = httpx.URL(token_url)
        self.requests: list[httpx.Request] = []
        self.token_replies: list[Reply] = []
        self.replies: list[Reply] = []
        self.expires_in = 1800
        self.issued = 0
        self.closed = 0
        self._lock = threading.Lock()

    def is_token_request(self, request: httpx.Request) -> bool:
        return request.url.host == self.token_url.host and request.url.path == self.token_url.path

    @property
    def token_requests(self) -> list[httpx.Request]:
        return [r for r in self.requests if self.is_token_request(r)]

    @property
    def api_requests(self) -> list[httpx.Request]:
        return [r for r in self.requests if not self.is_token_request(r)]

    def _answer(self, reply: Reply, request: httpx.Request) -> httpx.Response:
        if isinstance(reply, BaseException):
            raise reply
        if isinstance(reply, httpx.Response):
            return reply
        return reply(request)

    def issue_token(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.issued += 1
            n = self.issued
        return httpx.Response(200, json=keycloak_token(access_token(n), self.expires_in))

    def record(self, request: httpx.Request) -> None:
        """Keep a snapshot: httpx replays the same Request object (401 renewal, retries)."""
        snapshot = httpx.Request(
            request.method,
            request.url,
            headers=request.headers.copy(),
            content=request.read(),
            extensions=dict(request.extensions),
        )
        with self._lock:
            self.requests.append(snapshot)

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.record(request)
        with self._lock:
            queue = self.token_replies if self.is_token_request(request) else self.replies
            reply = queue.pop(0) if queue else None
        if reply is not None:
            return self._answer(reply, request)
        if self.is_token_request(request):
            return self.issue_token(request)
        return route(request)

    def transport(self) -> RecordingTransport:
        return RecordingTransport(self)


class RecordingTransport(httpx.MockTransport):
    """A MockTransport (sync and async) that counts closes."""

    def __init__(self, api: MockAPI) -> None:
        super().__init__(api.handler)
        self.api = api

    def close(self) -> None:
        self.api.closed += 1

    async def aclose(self) -> None:
        self.api.closed += 1


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _no_korusticket_env(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for name in list(os.environ):
        if name.startswith("KORUSTICKET_"):
            monkeypatch.delenv(name)


@pytest.fixture
def api() -> MockAPI:
    return MockAPI()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def make_client(api: MockAPI, clock: FakeClock) -> Iterator[Callable[..., KorusTicket]]:
    """KorusTicket on the mock transport (client credentials, no retries unless asked)."""
    made: list[KorusTicket] = []

    def make(**kwargs: Any) -> KorusTicket:
        if "token" not in kwargs:
            kwargs.setdefault("client_id", CLIENT_ID)
            kwargs.setdefault("client_secret", CLIENT_SECRET)
        kwargs.setdefault("transport", api.transport())
        kwargs.setdefault("clock", clock)
        kwargs.setdefault("sleep", FakeSleep())
        kwargs.setdefault("max_retries", 0)
        kwargs.setdefault("validate_responses", "strict")  # the suite runs strict (see README)
        client = KorusTicket(**kwargs)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def make_async_client(api: MockAPI, clock: FakeClock) -> Callable[..., AsyncKorusTicket]:
    """AsyncKorusTicket on the mock transport; use it as ``async with``."""

    def make(**kwargs: Any) -> AsyncKorusTicket:
        if "token" not in kwargs:
            kwargs.setdefault("client_id", CLIENT_ID)
            kwargs.setdefault("client_secret", CLIENT_SECRET)
        kwargs.setdefault("transport", api.transport())
        kwargs.setdefault("clock", clock)
        kwargs.setdefault("sleep", AsyncFakeSleep())
        kwargs.setdefault("max_retries", 0)
        kwargs.setdefault("validate_responses", "strict")
        return AsyncKorusTicket(**kwargs)

    return make


@pytest.fixture
def client(make_client: Callable[..., KorusTicket]) -> KorusTicket:
    return make_client()
