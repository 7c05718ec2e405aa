"""The hand-written half of the clients users construct: configuration, the request pipeline,
raw paths and closing. `korusticket.KorusTicket` and `AsyncKorusTicket` (generated, in
korusticket_api/resources/) are these composed with every resource of the API."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from types import TracebackType
from typing import Generic, Literal, Self, TypeVar, Unpack

import httpx

from ._base import AsyncCore, CoreBase, SyncCore
from ._config import Clock, Config, RequestOptions, TimeoutLike, utc_now
from ._constants import DEFAULT_PAGE_SIZE
from ._pagination import AsyncPaginator, Page, Paginator, read_page

# ._resource (raw_request, RawEnvelope) is imported in the methods that use it: it brings
# _operations, _bulk, _validate and _ids, which only resource methods need; those load with the
# first resource (`kt.orders`), not at `import korusticket` (issue 16).

__all__ = ["AsyncClient", "SyncClient"]

T = TypeVar("T")
C = TypeVar("C", bound=CoreBase)
Params = Mapping[str, object]
ValidationMode = Literal["lenient", "strict", "off"]


class _ClientBase(Generic[C]):
    """What both clients share: only what differs by `await` or by the core's class stays in each."""

    _core: C

    def with_options(self, **options: Unpack[RequestOptions]) -> Self:
        """A client whose calls default to these options (``timeout``, ``language``,
        ``max_retries``, ``extra_headers``, ``extra_query``), sharing this one's connection pool
        and token (closing either closes the pool)."""
        clone = object.__new__(type(self))
        clone._core = self._core.derive(options)
        return clone

    @property
    def base_url(self) -> str:
        return self._core.config.base_url

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._core.config!r})"


class SyncClient(_ClientBase[SyncCore]):
    """Client of the KorusTicket API.

    Credentials come from the arguments or the KORUSTICKET_* environment variables::

        with KorusTicket(client_id="...", client_secret="...") as kt:
            for catalog in kt.catalogs.list():
                print(catalog.name)

    Every 2xx body is checked against the spec. ``validate_responses``: "lenient" (default: a field
    that does not fit is left out of the model, kept in ``additional_properties`` and logged once;
    a required one still raises), "strict" (ResponseDecodeError naming the field) or "off".
    ``clock`` and ``sleep`` are injectable for tests (token expiry, Retry-After, backoff).

    ``http_client``: your own ``httpx.Client`` (proxies, mTLS, limits, event hooks); the client's
    auth, retries, timeouts and checks go on top of it, and it stays yours to close. Without one,
    proxy environment variables are honoured as httpx does. ``default_headers`` go with every call.
    """

    def __init__(
        self,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        token: str | None = None,
        environment: str | None = None,
        base_url: str | None = None,
        token_url: str | None = None,
        language: str | None = None,
        timeout: TimeoutLike = None,
        max_retries: int | None = None,
        validate_responses: ValidationMode | bool = "lenient",
        transport: httpx.BaseTransport | None = None,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
        clock: Clock = utc_now,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        config = Config.resolve(
            client_id=client_id, client_secret=client_secret, token=token, environment=environment,
            base_url=base_url, token_url=token_url, language=language, timeout=timeout, max_retries=max_retries,
            validate_responses=validate_responses,
        )  # fmt: skip
        self._core = SyncCore(
            config, transport=transport, clock=clock, sleep=sleep, http_client=http_client,
            default_headers=default_headers,
        )  # fmt: skip

    # -- paths the spec does not describe yet: same auth, retries, checks and errors -------------

    def get(self, path: str, *, cast_to: type[T], params: Params | None = None, **options: Unpack[RequestOptions]) -> T:
        """GET any API path; ``cast_to`` is a model of korusticket.types, or ``dict`` for raw JSON."""
        from ._resource import raw_request

        return self._core.send(raw_request("GET", path, params=params), cast_to, options)

    def post(self, path: str, *, body: Params, cast_to: type[T], **options: Unpack[RequestOptions]) -> T:
        """POST a JSON-LD body to any API path (never resent once it may have been received)."""
        from ._resource import raw_request

        return self._core.send(raw_request("POST", path, body=body), cast_to, options)

    def patch(self, path: str, *, body: Params, cast_to: type[T], **options: Unpack[RequestOptions]) -> T:
        """PATCH a merge-patch body to any API path."""
        from ._resource import raw_request

        return self._core.send(raw_request("PATCH", path, body=body), cast_to, options)

    def paginate(
        self, path: str, *, item: type[T], params: Params | None = None, page_size: int = DEFAULT_PAGE_SIZE,
        limit: int | None = None, **options: Unpack[RequestOptions],
    ) -> Paginator[T]:  # fmt: skip
        """Every item of a Hydra collection at any path (``page``/``itemsPerPage`` added)."""
        from ._resource import RawEnvelope, raw_request

        request = raw_request("GET", path, params=params)  # checks the arguments now

        def fetch(page: int, size: int) -> Page[T]:
            paged = {**request, "params": {**request.get("params", {}), "page": page, "itemsPerPage": size}}
            return read_page(self._core.send(paged, RawEnvelope, options), page, item)

        return Paginator(fetch, page_size=page_size, limit=limit)

    def close(self) -> None:
        """Close the connection pool."""
        self._core.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncClient(_ClientBase[AsyncCore]):
    """Async client of the KorusTicket API; same resources, awaited (lists: ``async for``)."""

    def __init__(
        self,
        *,
        client_id: str | None = None,
        client_secret: str | None = None,
        token: str | None = None,
        environment: str | None = None,
        base_url: str | None = None,
        token_url: str | None = None,
        language: str | None = None,
        timeout: TimeoutLike = None,
        max_retries: int | None = None,
        validate_responses: ValidationMode | bool = "lenient",
        transport: httpx.AsyncBaseTransport | None = None,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
        clock: Clock = utc_now,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        config = Config.resolve(
            client_id=client_id, client_secret=client_secret, token=token, environment=environment,
            base_url=base_url, token_url=token_url, language=language, timeout=timeout, max_retries=max_retries,
            validate_responses=validate_responses,
        )  # fmt: skip
        self._core = AsyncCore(
            config, transport=transport, clock=clock, sleep=sleep, http_client=http_client,
            default_headers=default_headers,
        )  # fmt: skip

    # -- paths the spec does not describe yet: same auth, retries, checks and errors -------------

    async def get(
        self, path: str, *, cast_to: type[T], params: Params | None = None, **options: Unpack[RequestOptions]
    ) -> T:
        """GET any API path; ``cast_to`` is a model of korusticket.types, or ``dict`` for raw JSON."""
        from ._resource import raw_request

        return await self._core.send(raw_request("GET", path, params=params), cast_to, options)

    async def post(self, path: str, *, body: Params, cast_to: type[T], **options: Unpack[RequestOptions]) -> T:
        """POST a JSON-LD body to any API path (never resent once it may have been received)."""
        from ._resource import raw_request

        return await self._core.send(raw_request("POST", path, body=body), cast_to, options)

    async def patch(self, path: str, *, body: Params, cast_to: type[T], **options: Unpack[RequestOptions]) -> T:
        """PATCH a merge-patch body to any API path."""
        from ._resource import raw_request

        return await self._core.send(raw_request("PATCH", path, body=body), cast_to, options)

    def paginate(
        self, path: str, *, item: type[T], params: Params | None = None, page_size: int = DEFAULT_PAGE_SIZE,
        limit: int | None = None, prefetch: int = 1, **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[T]:  # fmt: skip
        """Every item of a Hydra collection at any path (``page``/``itemsPerPage`` added)."""
        from ._resource import RawEnvelope, raw_request

        request = raw_request("GET", path, params=params)

        async def fetch(page: int, size: int) -> Callable[[], Page[T]]:
            paged = {**request, "params": {**request.get("params", {}), "page": page, "itemsPerPage": size}}
            parse = await self._core.send_deferred(paged, RawEnvelope, options)
            return lambda: read_page(parse(), page, item)

        return AsyncPaginator(fetch, page_size=page_size, limit=limit, prefetch=prefetch)

    async def close(self) -> None:
        """Close the connection pool."""
        await self._core.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()
