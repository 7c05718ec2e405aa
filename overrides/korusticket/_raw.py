"""Raw responses: ``kt.with_raw_response.<resource>.<method>(...)`` runs the usual method and
also returns the HTTP exchange behind it (status, headers, request id, elapsed time).

Typed per method: the generated ``<Resource>WithRawResponse`` classes wrap each method of the
resource with ``raw`` / ``async_raw``, so mypy knows ``RawResponse[BookingOrder]``. The client's
pipeline (SyncCore/AsyncCore.send, which every resource method goes through) reports each HTTP
response it parses to the raw call in progress (a context variable, so threads and tasks never
see each other's)."""

from __future__ import annotations

import datetime as dt
import functools
import time
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import Any, Generic, ParamSpec, TypeVar, overload

import httpx

from ._errors import redact_response
from ._pagination import AsyncPaginator, Paginator

__all__ = ["RawResponse", "async_raw", "raw", "record_exchange"]

P = ParamSpec("P")

T = TypeVar("T")
# The HTTP responses of the raw call in progress (None: no raw call).
_EXCHANGES: ContextVar[list[httpx.Response] | None] = ContextVar("korusticket_exchanges", default=None)
REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-correlation-id")


def record_exchange(response: httpx.Response, started: float) -> None:
    """Called by the pipeline for every API response it receives (``started``: ``perf_counter()``
    when the request was handed to httpx)."""
    sink = _EXCHANGES.get()
    if sink is not None:
        if not hasattr(response, "_elapsed"):
            # httpx sets `elapsed` when the response is closed; one whose body the retry layer has
            # already read (every response of the default client) is never closed again.
            response.elapsed = dt.timedelta(seconds=time.perf_counter() - started)
        sink.append(response)


class RawResponse(Generic[T]):
    """The HTTP side of one call, and its usual value from ``.parse()``.

    For a call that sent several requests (an order looked up after a lost answer), the
    properties describe the last one and ``responses`` holds them all. For a list, the exchange
    is its first page (fetched at once); ``.parse()`` gives the usual paginator."""

    def __init__(self, value: T, responses: list[httpx.Response]) -> None:
        self._value = value
        self.responses: tuple[httpx.Response, ...] = tuple(responses)

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled without credentials: each request loses its Authorization and cookie headers
        # (and a form body), as an exception's copy does; the answers are kept whole.
        return (RawResponse, (self._value, [redact_response(r) for r in self.responses]))

    @property
    def http_response(self) -> httpx.Response | None:
        return self.responses[-1] if self.responses else None

    @property
    def status_code(self) -> int | None:
        return None if self.http_response is None else self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return httpx.Headers() if self.http_response is None else self.http_response.headers

    @property
    def request_id(self) -> str | None:
        """The server's request id (X-Request-Id and kin), to quote to KorusTicket support."""
        return next((self.headers[h] for h in REQUEST_ID_HEADERS if h in self.headers), None)

    @property
    def elapsed(self) -> dt.timedelta:
        """Time from sending the (last) request to its whole answer, retries of it included."""
        response = self.http_response
        return dt.timedelta(0) if response is None else response.elapsed

    @property
    def method(self) -> str | None:
        return None if self.http_response is None else self.http_response.request.method

    @property
    def url(self) -> httpx.URL | None:
        return None if self.http_response is None else self.http_response.request.url

    def parse(self) -> T:
        """The value the method returns without ``with_raw_response``."""
        return self._value

    def __repr__(self) -> str:
        if self.http_response is None:
            return "<RawResponse (no HTTP exchange)>"
        request_id = f" request_id={self.request_id}" if self.request_id else ""
        path = self.url.path if self.url is not None else ""
        return f"<RawResponse [{self.status_code} {self.method} {path}]{request_id}>"


def raw(method: Callable[P, T]) -> Callable[P, RawResponse[T]]:
    """``method`` returning a RawResponse of its value (the generated raw resources use it, so the
    signature and the value's type are the method's)."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        sink: list[httpx.Response] = []
        token = _EXCHANGES.set(sink)
        try:
            value = method(*args, **kwargs)
            if isinstance(value, Paginator):
                next(iter(value.pages()), None)  # the first page's exchange
        finally:
            _EXCHANGES.reset(token)
        return RawResponse(value, sink)

    return call


@overload
def async_raw(method: Callable[P, AsyncPaginator[T]]) -> Callable[P, Awaitable[RawResponse[AsyncPaginator[T]]]]: ...


@overload
def async_raw(method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[RawResponse[T]]]: ...


def async_raw(method: Callable[P, Any]) -> Callable[P, Awaitable[RawResponse[Any]]]:
    """``raw`` for an async method (awaited) or an async list (its first page fetched)."""

    @functools.wraps(method)
    async def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[Any]:
        sink: list[httpx.Response] = []
        token = _EXCHANGES.set(sink)
        try:
            value = method(*args, **kwargs)
            if isinstance(value, AsyncPaginator):
                pages = value.pages()
                try:
                    await anext(pages, None)  # the first page's exchange
                finally:
                    await pages.aclose()  # type: ignore[attr-defined]
            else:
                value = await value
        finally:
            _EXCHANGES.reset(token)
        return RawResponse(value, sink)

    return call
