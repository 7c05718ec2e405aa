"""The client tests' mock API: a scriptable httpx.MockTransport (no sockets) that answers the token endpoint
and routes API requests to the canned bodies; fake sleeps; helpers that run a sync or async call."""

from __future__ import annotations

import inspect
import json
import re
import threading
from collections.abc import Callable
from typing import Any

import httpx
from korusticket import AsyncPaginator, Paginator
from korusticket.testing._paths import template_regex

from tests.support.bodies import (
    PRODUCT_2,
    TOKEN_URL,
    access_token,
    catalog_body,
    collection,
    document_body,
    error_body,
    form_body,
    keycloak_token,
    offer_availability_body,
    offer_body,
    offer_price_body,
    offer_ticket_body,
    order_body,
    order_ticket_body,
    product_body,
    reservation_body,
    session_body,
)


class FakeSleep:
    """Records the waits the retry layer asks for; never sleeps."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


class AsyncFakeSleep(FakeSleep):
    async def __call__(self, seconds: float) -> None:  # type: ignore[override]
        self.calls.append(seconds)


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


UUID = "[0-9a-f-]{36}"  # what a path id must look like to reach a canned body
C = "/v1/ticketing/catalogs/{catalog}"
OF = C + "/offers/{offer}"
# (method, path template, body of the request and the path's ids in order); ids are UUID-shaped
ROUTES: list[tuple[str, re.Pattern[str], Callable[..., dict[str, Any]]]] = [
    (m, template_regex(t, UUID), f)  # type: ignore[misc]  # mypy infers "function" for the lambdas
    for m, t, f in [
        ("GET", "/v1/ticketing/catalogs", lambda r: collection("TicketingCatalog", r.url.path, [catalog_body()])),
        ("GET", C, lambda r, c: catalog_body(c)),
        ("GET", f"{C}/products", lambda r, c: collection("TicketingProduct", r.url.path, [product_body(c), product_body(c, PRODUCT_2, "Puy du Fou 1 jour Adulte + Cinéscénie Argent")])),
        ("GET", C + "/products/{product}", lambda r, c, p: product_body(c, p)),
        ("GET", f"{C}/offers", lambda r, c: collection("TicketingOffer", r.url.path, [offer_body(c)])),
        ("GET", OF, lambda r, c, o: offer_body(c, o)),
        ("GET", f"{OF}/availability", lambda r, c, o: offer_availability_body(c, o)),
        ("GET", f"{OF}/price", lambda r, c, o: offer_price_body(c, o)),
        ("GET", f"{OF}/tickets", lambda r, c, o: collection("TicketingOfferTicket", r.url.path, [offer_ticket_body(c, o)])),
        ("GET", OF + "/tickets/{ticket}/sessions", lambda r, c, o, t: collection("TicketingOfferTicketSession", r.url.path, [session_body(c, o, t)])),
        ("GET", OF + "/tickets/{ticket}/sessions/{session}", lambda r, c, o, t, s: session_body(c, o, t, s)),
        ("GET", OF + "/tickets/{ticket}", lambda r, c, o, t: offer_ticket_body(c, o, t)),
        ("GET", "/v1/forms/{form}", lambda r, f: form_body(f)),
        ("GET", "/v1/booking/reservations", lambda r: collection("BookingReservation", r.url.path, [reservation_body()])),
        ("POST", "/v1/booking/reservations/_bulk", _bulk_reservations),
        ("GET", "/v1/booking/reservations/{reservation}", lambda r, i: reservation_body(i)),
        ("GET", "/v1/booking/orders", lambda r: collection("BookingOrder", r.url.path, [order_body()])),
        ("POST", "/v1/booking/orders/_bulk", _bulk_orders),
        ("GET", "/v1/booking/orders/{order}", lambda r, o: order_body(o)),
        ("PATCH", "/v1/booking/orders/{order}/documents/{document}", lambda r, o, d: document_body(o, d)),
        ("GET", "/v1/booking/orders/{order}/items/{item}/tickets/{ticket}", lambda r, o, i, t: order_ticket_body(o, i, t)),
        ("PATCH", "/v1/booking/orders/{order}/items/{item}/tickets/{ticket}", lambda r, o, i, t: order_ticket_body(o, i, t, **json.loads(r.content)["beneficiary"])),
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


def run_sync(result: Any) -> Any:
    return list(result) if isinstance(result, Paginator) else result


async def run_async(result: Any) -> Any:
    if isinstance(result, AsyncPaginator):
        return [item async for item in result]
    if inspect.isawaitable(result):
        return await result
    raise AssertionError(f"async method returned {type(result).__name__}, not an awaitable or AsyncPaginator")
