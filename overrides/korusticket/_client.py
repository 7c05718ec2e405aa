"""The clients users construct: KorusTicket (sync) and AsyncKorusTicket."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from types import TracebackType
from typing import Self

import httpx
from korusticket_api.resources import AsyncResources, Resources

from ._base import AsyncCore, Clock, Config, SyncCore, TimeoutLike, utc_now

__all__ = ["AsyncKorusTicket", "KorusTicket"]


class KorusTicket(Resources):
    """Client of the KorusTicket API.

    Credentials come from the arguments or the KORUSTICKET_* environment variables::

        with KorusTicket(client_id="...", client_secret="...") as kt:
            for catalog in kt.catalogs.list():
                print(catalog.name)

    Every 2xx body is checked against the spec (a wrong type raises ResponseDecodeError naming the
    field); ``validate_responses=False`` skips that check for bulk syncs that trust the server.
    ``clock`` and ``sleep`` are injectable for tests (token expiry, Retry-After, backoff).
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
        validate_responses: bool = True,
        transport: httpx.BaseTransport | None = None,
        clock: Clock = utc_now,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        config = Config.resolve(
            client_id=client_id, client_secret=client_secret, token=token, environment=environment,
            base_url=base_url, token_url=token_url, language=language, timeout=timeout, max_retries=max_retries,
            validate_responses=validate_responses,
        )  # fmt: skip
        self._core = core = SyncCore(config, transport=transport, clock=clock, sleep=sleep)
        self._attach(core)

    @property
    def base_url(self) -> str:
        return self._core.config.base_url

    def __repr__(self) -> str:
        return f"KorusTicket({self._core.config!r})"

    def close(self) -> None:
        """Close the connection pool."""
        self._core.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncKorusTicket(AsyncResources):
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
        validate_responses: bool = True,
        transport: httpx.AsyncBaseTransport | None = None,
        clock: Clock = utc_now,
        sleep: Callable[[float], Awaitable[None]] | None = None,
    ) -> None:
        config = Config.resolve(
            client_id=client_id, client_secret=client_secret, token=token, environment=environment,
            base_url=base_url, token_url=token_url, language=language, timeout=timeout, max_retries=max_retries,
            validate_responses=validate_responses,
        )  # fmt: skip
        self._core = core = AsyncCore(config, transport=transport, clock=clock, sleep=sleep)
        self._attach(core)

    @property
    def base_url(self) -> str:
        return self._core.config.base_url

    def __repr__(self) -> str:
        return f"AsyncKorusTicket({self._core.config!r})"

    async def close(self) -> None:
        """Close the connection pool."""
        await self._core.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()
