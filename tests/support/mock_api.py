"""The unit tests' one fake server, MockAPI: a scriptable httpx.MockTransport (no sockets) that records
every request, answers what a test scripts (per method and path, or in order) and, unless strict, the
token endpoint and the canned bodies of tests/support/bodies.py; JSON-LD and problem answers; fake
sleeps; helpers that run a sync or async call. Tests beyond one unit run against the stand-in."""

from __future__ import annotations

import inspect
import json
import re
import threading
from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any, cast

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
    order_bulk_body,
    order_ticket_body,
    product_body,
    reservation_body,
    reservation_bulk_body,
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
    items = json.loads(request.content)["items"]
    return reservation_bulk_body([reservation_body(offer_iri=item["offer"]) for item in items], [])


def _bulk_orders(request: httpx.Request) -> dict[str, Any]:
    payload = json.loads(request.content)
    reference = payload["externalReference"]
    return order_bulk_body([order_body(reservation_iri=r, external=reference) for r in payload["reservations"]], [])


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


def problem(status: int, detail: str = "upstream trouble", headers: dict[str, str] | None = None) -> httpx.Response:
    """An API Platform error answer (bodies.error_body)."""
    return jsonld(error_body(status, "An error occurred", detail), status, headers)


def route(request: httpx.Request) -> httpx.Response:
    """The canned answer of an API request, by method and path."""
    for method, pattern, body in ROUTES:
        match = pattern.match(request.url.path)
        if method == request.method and match:
            return jsonld(body(request, *match.groups()))
    return jsonld(error_body(404, "An error occurred", "Not Found"), 404)


# --- the scriptable mock ----------------------------------------------------------------------

# A scripted answer: a response, a function of the request (sync or async), or an exception raised
# instead of answering (a class is instantiated with the request).
Reply = httpx.Response | BaseException | type[BaseException] | Callable[[httpx.Request], Any]

# Failures raised before anything left the client: the server never saw the request.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class MockAPI:
    """The unit tests' fake server: an httpx.MockTransport (sync and async) that records every request.

    A request is answered by, in this order:

    - the next reply scripted for its method and path: ``add(method, path, *replies)``;
    - the next reply scripted in order: ``token_replies`` (token endpoint), ``replies`` (the API);
    - else ``answer`` when given; else a fresh Keycloak token ``access_token(n)``, valid
      ``expires_in`` seconds, from the token endpoint and the canned body of ``route`` from the API.
      ``strict=True``: an unscripted request fails the test.

    ``requests`` holds every attempt (snapshots: httpx re-sends the same Request object), ``reached``
    only those the server saw (a ConnectError, ConnectTimeout or PoolTimeout never left the client).
    """

    def __init__(
        self,
        token_url: str = TOKEN_URL,
        *,
        strict: bool = False,
        answer: Callable[[httpx.Request], Any] | None = None,
    ) -> None:
        self.token_url = httpx.URL(token_url)
        self.strict = strict
        self.answer = answer
        self.requests: list[httpx.Request] = []
        self.reached: list[httpx.Request] = []
        self.queues: dict[tuple[str, str], deque[Reply]] = defaultdict(deque)
        self.token_replies: list[Reply] = []
        self.replies: list[Reply] = []
        self.expires_in = 1800
        self.issued = 0
        self.closed = 0
        self._lock = threading.Lock()

    def add(self, method: str, path: str, *replies: Reply) -> MockAPI:
        """Script the next answers to ``method path`` (after any already scripted)."""
        self.queues[(method.upper(), path)].extend(replies)
        return self

    def is_token_request(self, request: httpx.Request) -> bool:
        return request.url.host == self.token_url.host and request.url.path == self.token_url.path

    @property
    def token_requests(self) -> list[httpx.Request]:
        return [r for r in self.requests if self.is_token_request(r)]

    @property
    def api_requests(self) -> list[httpx.Request]:
        return [r for r in self.requests if not self.is_token_request(r)]

    def sent(self, method: str, path: str) -> list[httpx.Request]:
        """Requests to (method, path) that reached the server."""
        return [r for r in self.reached if r.method == method and r.url.path == path]

    def attempts(self, method: str, path: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.method == method and r.url.path == path]

    def leftover(self) -> dict[tuple[str, str], int]:
        """Scripted answers never asked for, by (method, path)."""
        return {key: len(queue) for key, queue in self.queues.items() if queue}

    def issue_token(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.issued += 1
            n = self.issued
        return httpx.Response(200, json=keycloak_token(access_token(n), self.expires_in))

    def record(self, request: httpx.Request) -> httpx.Request:
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
        return snapshot

    def _next(self, request: httpx.Request) -> Reply | None:
        with self._lock:
            queue = self.queues.get((request.method, request.url.path))
            if queue:
                return queue.popleft()
            replies = self.token_replies if self.is_token_request(request) else self.replies
            return replies.pop(0) if replies else None

    def _default(self, request: httpx.Request) -> Reply:
        if self.answer is not None:
            return self.answer
        if self.strict:
            raise AssertionError(f"unscripted request {request.method} {request.url}")
        return self.issue_token if self.is_token_request(request) else route

    def handler(self, request: httpx.Request) -> Any:
        snapshot = self.record(request)
        reply = self._next(request)
        if reply is None:
            reply = self._default(request)
        if isinstance(reply, type) and issubclass(reply, BaseException):
            reply = reply("scripted failure", request=request)  # type: ignore[call-arg]
        if isinstance(reply, BaseException):
            if not isinstance(reply, NOT_SENT):
                self.reached.append(snapshot)
            raise reply
        self.reached.append(snapshot)
        return reply if isinstance(reply, httpx.Response) else cast(Callable[[httpx.Request], Any], reply)(request)

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
