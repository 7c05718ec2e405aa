"""Where retries happen: a transport wrapper, so generated code stays untouched.

Retried: connection failures, 408, 429, 502, 503, 504 on GET/HEAD/PATCH (merge-patch is
idempotent). A POST is retried only when the connection failed before anything was sent;
otherwise it reaches the server at most once. Backoff is exponential with full jitter;
Retry-After (seconds or HTTP date) is honoured up to a cap, and not retried beyond it. The token
endpoint has its own policy (`policies`): asking twice for a token is harmless, so its POST and
any 5xx of it are retried.

The body is read here, inside the retry loop: a connection reset or a stall in the middle of
a body is a transport failure like any other, retried for GET/PATCH (never for a POST). A
request refused locally (httpx.LocalProtocolError: an illegal header value) is never retried.

Retries are decided in three files: this one (what is sent again, and when), _config.py (how
many: ``max_retries`` of the client, of ``with_options`` and of one call, resolved into each
call's effective options) and _operations.py (the order POST, sent again only after a lookup
by ``external_reference`` proves the first one did not order).
"""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import attrs
import httpx

from ._constants import DEFAULT_MAX_RETRIES, INITIAL_RETRY_DELAY, MAX_RETRY_AFTER, MAX_RETRY_DELAY

__all__ = [
    "DELAY_KEY",
    "MAX_RETRIES_KEY",
    "AsyncRetryTransport",
    "RetryPolicy",
    "RetryTransport",
    "parse_retry_after",
    "policies",
]

log = logging.getLogger("korusticket")
# One line per HTTP attempt (method, path, status, elapsed, attempt, request id): KORUSTICKET_LOG=info.
http_log = logging.getLogger("korusticket.http")
REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-correlation-id")

# Per-request override of the client's max_retries travels in request.extensions.
MAX_RETRIES_KEY = "korusticket.max_retries"
# Seconds to wait (with the injected sleep) before the first attempt: the backoff between two
# reconciliation lookups (a flow's Call.delay, put here by the pipeline).
DELAY_KEY = "korusticket.delay"
RETRY_STATUSES = frozenset({408, 429, 502, 503, 504})
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PATCH", "PUT", "DELETE"})
# Failures that happen before the request leaves: safe to resend whatever the method.
NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


def parse_retry_after(value: str | None, now: Callable[[], datetime] = lambda: datetime.now(UTC)) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date), or None."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now()).total_seconds())


@attrs.frozen
class RetryPolicy:
    """What to retry and how long to wait; clocks and randomness are injectable for tests."""

    max_retries: int = DEFAULT_MAX_RETRIES
    initial_delay: float = INITIAL_RETRY_DELAY
    max_delay: float = MAX_RETRY_DELAY
    max_retry_after: float = MAX_RETRY_AFTER
    now: Callable[[], datetime] = lambda: datetime.now(UTC)
    random: Callable[[], float] = random.random
    # Methods safe to send twice. The token endpoint adds POST: asking twice for a token is harmless.
    methods: frozenset[str] = IDEMPOTENT_METHODS
    statuses: frozenset[int] = RETRY_STATUSES

    def budget(self, request: httpx.Request) -> int:
        value = request.extensions.get(MAX_RETRIES_KEY)
        return int(value) if isinstance(value, int) else self.max_retries

    def backoff(self, attempt: int) -> float:
        # Full jitter keeps a fleet of clients from retrying in lockstep.
        return min(self.max_delay, self.initial_delay * (1 << attempt)) * (0.5 + self.random() / 2)

    def delay_after_response(
        self, request: httpx.Request, response: httpx.Response, attempt: int, budget: int
    ) -> float | None:
        """Seconds to wait before sending again after this answer, or None to return it."""
        if response.status_code not in self.statuses or request.method not in self.methods or attempt >= budget:
            return None
        retry_after = parse_retry_after(response.headers.get("Retry-After"), self.now)
        if retry_after is not None and retry_after > self.max_retry_after:
            log.debug("not retrying %s %s: Retry-After %.0fs exceeds the %.0fs cap",
                      request.method, request.url.path, retry_after, self.max_retry_after)  # fmt: skip
            return None
        delay = self.backoff(attempt) if retry_after is None else retry_after
        _log_retry(request, attempt, budget, f"HTTP {response.status_code}", delay)
        return delay

    def delay_after_error(self, request: httpx.Request, exc: Exception, attempt: int, budget: int) -> float | None:
        """Seconds to wait before sending again after a transport failure, or None to raise it."""
        # Before sending, any method may go again; after, only those safe to send twice. A request
        # refused locally would be refused again.
        if (
            attempt >= budget
            or isinstance(exc, httpx.LocalProtocolError)
            or not (isinstance(exc, NOT_SENT) or request.method in self.methods)
        ):
            return None
        delay = self.backoff(attempt)
        _log_retry(request, attempt, budget, type(exc).__name__, delay)
        return delay


def policies(max_retries: int, now: Callable[[], datetime]) -> tuple[RetryPolicy, RetryPolicy]:
    """Retry policies for API requests and for token requests (asking twice for a token is
    harmless, and any 5xx of the token endpoint is worth another try)."""
    policy = RetryPolicy(max_retries=max_retries, now=now)
    return policy, attrs.evolve(policy, methods=policy.methods | {"POST"}, statuses=policy.statuses | {500})


class RetryTransport(httpx.BaseTransport):
    """Wraps a transport with the retry policy (sync)."""

    def __init__(
        self, inner: httpx.BaseTransport, policy: RetryPolicy, sleep: Callable[[float], None] | None = None
    ) -> None:
        self.inner = inner
        self.policy = policy
        self.sleep = sleep or time.sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        policy = self.policy
        budget, attempt = policy.budget(request), 0
        if initial := _delay(request):
            self.sleep(initial)
        while True:
            started = time.monotonic()
            try:
                response = self.inner.handle_request(request)
                try:
                    response.read()  # a body cut or stalled is a failure of this attempt
                except BaseException:
                    response.close()
                    raise
            except httpx.TransportError as exc:
                _log_attempt(request, type(exc).__name__, started, attempt, budget)
                if (delay := policy.delay_after_error(request, exc, attempt, budget)) is None:
                    raise
            else:
                _log_attempt(request, response, started, attempt, budget)
                if (delay := policy.delay_after_response(request, response, attempt, budget)) is None:
                    return response
                response.close()
            self.sleep(delay)
            attempt += 1

    def close(self) -> None:
        self.inner.close()


class AsyncRetryTransport(httpx.AsyncBaseTransport):
    """Wraps a transport with the retry policy (async)."""

    def __init__(
        self,
        inner: httpx.AsyncBaseTransport,
        policy: RetryPolicy,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        self.inner = inner
        self.policy = policy
        if sleep is None:
            import asyncio  # only async users pay for importing it

            sleep = asyncio.sleep
        self.sleep = sleep

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        policy = self.policy
        budget, attempt = policy.budget(request), 0
        if initial := _delay(request):
            await self.sleep(initial)
        while True:
            started = time.monotonic()
            try:
                response = await self.inner.handle_async_request(request)
                try:
                    await response.aread()  # a body cut or stalled is a failure of this attempt
                except BaseException:
                    await response.aclose()
                    raise
            except httpx.TransportError as exc:
                _log_attempt(request, type(exc).__name__, started, attempt, budget)
                if (delay := policy.delay_after_error(request, exc, attempt, budget)) is None:
                    raise
            else:
                _log_attempt(request, response, started, attempt, budget)
                if (delay := policy.delay_after_response(request, response, attempt, budget)) is None:
                    return response
                await response.aclose()
            await self.sleep(delay)
            attempt += 1

    async def aclose(self) -> None:
        await self.inner.aclose()


def _delay(request: httpx.Request) -> float:
    value = request.extensions.get(DELAY_KEY)
    return float(value) if isinstance(value, int | float) and value > 0 else 0.0


def _log_retry(request: httpx.Request, attempt: int, budget: int, reason: str, delay: float) -> None:
    log.debug(
        "retrying %s %s (%d/%d) after %s in %.2fs",
        request.method, request.url.path, attempt + 1, budget, reason, delay,
    )  # fmt: skip


def _log_attempt(
    request: httpx.Request, outcome: httpx.Response | str, started: float, attempt: int, budget: int
) -> None:
    """``GET /v1/ticketing/catalogs 200 0.042s attempt=1/3 request_id=...``: the path only (never
    the query, headers or body, which may hold secrets)."""
    if not http_log.isEnabledFor(logging.INFO):
        return
    if isinstance(outcome, str):
        status, request_id = outcome, None
    else:
        status = str(outcome.status_code)
        request_id = next((outcome.headers[h] for h in REQUEST_ID_HEADERS if h in outcome.headers), None)
    http_log.info(
        "%s %s %s %.3fs attempt=%d/%d request_id=%s",
        request.method, request.url.path, status, time.monotonic() - started, attempt + 1, budget + 1,
        request_id or "-",
    )  # fmt: skip
