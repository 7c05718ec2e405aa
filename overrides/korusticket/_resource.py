"""What the generated resource classes are built on (korusticket_api/resources/, written by
`make generate`): sending a built request through the client's pipeline, walking Hydra pages,
and running the flows of hand-written hooks. Everything here is shared by sync and async."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from . import _validate as v
from ._base import AsyncCore, Request, SyncCore
from ._config import RequestOptions
from ._constants import MEDIA_JSONLD, MEDIA_MERGE_PATCH
from ._operations import Call, Flow, arun, run
from ._pagination import AsyncPaginator, Page, Paginator, read_page

__all__ = [
    "AsyncResource",
    "RawEnvelope",
    "RequestBuilder",
    "SyncResource",
    "deprecated",
    "raw_request",
]

T = TypeVar("T")
RequestBuilder = Callable[[int, int], Request]
"""Builds the request of one page (page number, page size) of a collection."""


def deprecated(method: str, operation: str) -> None:
    """Warn the caller of a method whose operation the spec marks deprecated (it goes in a later release)."""
    warnings.warn(
        f"{method} ({operation}) is deprecated by the KorusTicket API and will be removed in a later release",
        DeprecationWarning,
        stacklevel=3,
    )


def raw_request(
    method: str, path: str, *, params: Mapping[str, object] | None = None, body: Mapping[str, object] | None = None
) -> Request:
    """A request to a path the spec may not describe yet (kt.get/post/patch)."""
    request: Request = {"method": method, "url": v.api_path(path)}
    if params is not None:
        params = v.mapping(params, "params", "a dict of query parameters")
        request["params"] = {k: value for k, value in params.items() if value is not None}
    if body is not None:
        request["json"] = dict(v.mapping(body, "body", "a dict of JSON fields"))
        request["headers"] = {"Content-Type": MEDIA_MERGE_PATCH if method == "PATCH" else MEDIA_JSONLD}
    return request


class RawEnvelope:
    """A Hydra collection read without a generated model (kt.paginate)."""

    def __init__(self, body: Mapping[str, Any]) -> None:
        self.member = body.get("member")
        self.total_items = body.get("totalItems")
        self.view = body.get("view")
        self.additional_properties = dict(body)

    @classmethod
    def from_dict(cls, body: Mapping[str, Any]) -> RawEnvelope:
        if not isinstance(body, Mapping):
            raise TypeError(f"a collection is a JSON object, not {type(body).__name__}")
        return cls(body)


def _exec_sync(core: SyncCore) -> Callable[[Call[Any]], Any]:
    return lambda call: core.send(call.request, call.expect, call.options, delay=call.delay)


def _exec_async(core: AsyncCore) -> Callable[[Call[Any]], Any]:
    return lambda call: core.send(call.request, call.expect, call.options, delay=call.delay)


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
        async def fetch(page: int, size: int) -> Callable[[], Page[T]]:
            parse = await self._core.send_deferred(build(page, size), envelope, options)
            return lambda: read_page(parse(), page, item, paged=paged)

        return AsyncPaginator(fetch, page_size=page_size, limit=limit, prefetch=prefetch)

    async def _run(self, flow: Flow[T]) -> T:
        return await arun(flow, _exec_async(self._core))
