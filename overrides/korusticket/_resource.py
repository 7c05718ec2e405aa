"""What the generated resource classes are built on (korusticket_api/resources/, written by
`make generate`): sending a built request through the client's pipeline, walking Hydra pages,
and running the flows of hand-written hooks. Everything here is shared by sync and async."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from ._base import AsyncCore, RequestOptions, SyncCore
from ._constants import MAX_PAGE_SIZE
from ._ids import IdLike
from ._operations import Call, Flow, arun, run
from ._pagination import AsyncPaginator, Page, Paginator, read_page

__all__ = [
    "MAX_PAGE_SIZE",
    "AsyncPaginator",
    "AsyncResource",
    "IdLike",
    "Paginator",
    "Request",
    "RequestBuilder",
    "RequestOptions",
    "SyncResource",
]

T = TypeVar("T")
Request = dict[str, Any]
"""What a generated operation's ``_get_kwargs`` returns: method, url, params, json, headers."""
RequestBuilder = Callable[[int, int], Request]
"""Builds the request of one page (page number, page size) of a collection."""


def _exec_sync(core: SyncCore) -> Callable[[Call[Any]], Any]:
    return lambda call: core.call(call.op, call.expect, call.options, *call.args, **call.params)


def _exec_async(core: AsyncCore) -> Callable[[Call[Any]], Any]:
    return lambda call: core.call(call.op, call.expect, call.options, *call.args, **call.params)


class SyncResource:
    """Base of the generated sync resources."""

    def __init__(self, core: SyncCore) -> None:
        self._core = core

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    def _send(self, request: Request, expect: type[T], options: RequestOptions) -> T:
        return self._core.send(request, expect, options)

    def _paginate(
        self,
        build: RequestBuilder,
        envelope: type[Any],
        item: type[T],
        *,
        page_size: int,
        limit: int | None,
        paged: bool,
        options: RequestOptions,
    ) -> Paginator[T]:
        def fetch(page: int, size: int) -> Page[T]:
            return read_page(self._core.send(build(page, size), envelope, options), page, item, paged=paged)

        return Paginator(fetch, page_size=page_size, limit=limit)

    def _run(self, flow: Flow[T]) -> T:
        return run(flow, _exec_sync(self._core))


class AsyncResource:
    """Base of the generated async resources."""

    def __init__(self, core: AsyncCore) -> None:
        self._core = core

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"

    async def _send(self, request: Request, expect: type[T], options: RequestOptions) -> T:
        return await self._core.send(request, expect, options)

    def _paginate(
        self,
        build: RequestBuilder,
        envelope: type[Any],
        item: type[T],
        *,
        page_size: int,
        limit: int | None,
        prefetch: int,
        paged: bool,
        options: RequestOptions,
    ) -> AsyncPaginator[T]:
        async def fetch(page: int, size: int) -> Page[T]:
            return read_page(await self._core.send(build(page, size), envelope, options), page, item, paged=paged)

        return AsyncPaginator(fetch, page_size=page_size, limit=limit, prefetch=prefetch)

    async def _run(self, flow: Flow[T]) -> T:
        return await arun(flow, _exec_async(self._core))
