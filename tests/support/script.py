"""The reliability tests' transport: a scripted httpx.MockTransport (a queue of answers per method and path)
that records every request; JSON-LD and problem answers."""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Callable
from typing import Any, cast

import httpx

BASE_URL = "https://api.demo.korusticket.com"
TOKEN_URL = "https://auth.korusticket.com/realms/korusticket/protocol/openid-connect/token"

# Failures raised before anything left the client: the server never saw the request.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

Outcome = httpx.Response | BaseException | type[BaseException] | Callable[[httpx.Request], httpx.Response]


class Script:
    """A queue of responses/exceptions per (method, path) that records every request.

    ``requests`` holds every attempt the client made; ``reached`` only those the server saw
    (a ConnectError/ConnectTimeout/PoolTimeout means the request never left the client).
    """

    def __init__(self) -> None:
        self.queues: dict[tuple[str, str], deque[Outcome]] = defaultdict(deque)
        self.requests: list[httpx.Request] = []
        self.reached: list[httpx.Request] = []

    def add(self, method: str, path: str, *outcomes: Outcome) -> Script:
        self.queues[(method.upper(), path)].extend(outcomes)
        return self

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        key = (request.method, request.url.path)
        queue = self.queues.get(key)
        if not queue:
            raise AssertionError(f"unscripted request {request.method} {request.url}")
        outcome = queue.popleft()
        if isinstance(outcome, type) and issubclass(outcome, BaseException):
            outcome = outcome("scripted failure", request=request)  # type: ignore[call-arg]
        if isinstance(outcome, BaseException):
            if not isinstance(outcome, NOT_SENT):
                self.reached.append(request)
            raise outcome
        self.reached.append(request)
        if isinstance(outcome, httpx.Response):
            return outcome
        return cast(Callable[[httpx.Request], httpx.Response], outcome)(request)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)

    def sent(self, method: str, path: str) -> list[httpx.Request]:
        """Requests to (method, path) that reached the server."""
        return [r for r in self.reached if r.method == method and r.url.path == path]

    def attempts(self, method: str, path: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.method == method and r.url.path == path]

    def leftover(self) -> dict[tuple[str, str], int]:
        return {key: len(queue) for key, queue in self.queues.items() if queue}


def jsonld(status: int = 200, body: Any = None, headers: dict[str, str] | None = None) -> httpx.Response:
    all_headers = {"Content-Type": "application/ld+json"}
    all_headers.update(headers or {})
    return httpx.Response(status, json=body if body is not None else {}, headers=all_headers)


def problem(status: int, detail: str = "upstream trouble", headers: dict[str, str] | None = None) -> httpx.Response:
    body = {
        "@context": "/contexts/Error",
        "@id": f"/errors/{status}",
        "@type": "Error",
        "title": "An error occurred",
        "detail": detail,
        "status": status,
        "type": f"/errors/{status}",
    }
    return jsonld(status, body, headers)
