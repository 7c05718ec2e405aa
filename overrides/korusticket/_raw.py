"""Raw responses: ``kt.with_raw_response.<resource>.<method>(...)`` runs the usual method and
also returns the HTTP exchange behind it (status, headers, request id, elapsed time).

Generic over every generated resource method: the client's pipeline (SyncCore/AsyncCore.send,
which every resource method goes through) reports each HTTP response it parses to the raw
call in progress (a context variable, so threads and tasks never see each other's)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, Generic, TypeVar

import httpx

from ._errors import redact_response
from ._pagination import AsyncPaginator, Paginator

__all__ = ["AsyncRawResources", "RawResources", "RawResponse", "record_exchange"]

T = TypeVar("T")
# The HTTP responses of the raw call in progress (None: no raw call).
_EXCHANGES: ContextVar[list[httpx.Response] | None] = ContextVar("korusticket_exchanges", default=None)
REQUEST_ID_HEADERS = ("x-request-id", "request-id", "x-correlation-id")


def record_exchange(response: httpx.Response) -> None:
    """Called by the pipeline for every API response it receives."""
    sink = _EXCHANGES.get()
    if sink is not None:
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
        try:
            return dt.timedelta(0) if response is None else response.elapsed
        except RuntimeError:  # pragma: no cover - a response is read before it is parsed
            return dt.timedelta(0)

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


def _method(resource: object, resource_name: str, name: str) -> Callable[..., Any]:
    method: object = getattr(resource, name, None) if not name.startswith("_") else None
    if not callable(method):
        raise AttributeError(f"kt.{resource_name} has no method {name!r}")
    return method


class _RawResource:
    def __init__(self, resource: object, name: str) -> None:
        self._resource = resource
        self._name = name

    def __repr__(self) -> str:
        return f"<raw {self._name}>"

    def __getattr__(self, name: str) -> Callable[..., RawResponse[Any]]:
        method = _method(self._resource, self._name, name)

        def call(*args: Any, **kwargs: Any) -> RawResponse[Any]:
            sink: list[httpx.Response] = []
            token = _EXCHANGES.set(sink)
            try:
                value = method(*args, **kwargs)
                if isinstance(value, Paginator):
                    next(iter(value.pages()), None)  # the first page's exchange
            finally:
                _EXCHANGES.reset(token)
            return RawResponse(value, sink)

        call.__name__ = name
        call.__doc__ = getattr(method, "__doc__", None)
        return call


class _AsyncRawResource(_RawResource):
    def __getattr__(self, name: str) -> Callable[..., Any]:
        method = _method(self._resource, self._name, name)

        async def call(*args: Any, **kwargs: Any) -> RawResponse[Any]:
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

        call.__name__ = name
        call.__doc__ = getattr(method, "__doc__", None)
        return call


class RawResources:
    """``kt.with_raw_response``: every resource, whose methods return a RawResponse."""

    _raw = _RawResource

    def __init__(self, client: object, names: tuple[str, ...]) -> None:
        self._client = client
        self._names = names

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    def __dir__(self) -> list[str]:
        return list(self._names)

    def __getattr__(self, name: str) -> Any:
        if name not in self._names:
            raise AttributeError(f"the client has no resource {name!r}")
        return self._raw(getattr(self._client, name), name)


class AsyncRawResources(RawResources):
    """``kt.with_raw_response`` of the async client: awaited methods return a RawResponse."""

    _raw = _AsyncRawResource
