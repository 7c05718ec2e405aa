"""What the generated resource classes are built on (korusticket_api/resources/, written by
`make generate`): sending a built request through the client's pipeline, walking Hydra pages,
and running the flows of hand-written hooks. Everything here is shared by sync and async."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from ._base import AsyncCore, Request, SyncCore
from ._config import RequestOptions
from ._constants import DEFAULT_PAGE_SIZE, MEDIA_JSONLD, MEDIA_MERGE_PATCH
from ._errors import InputError
from ._ids import IdLike
from ._operations import Call, Flow, arun, run
from ._pagination import AsyncPaginator, Page, Paginator, read_page

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "AsyncPaginator",
    "AsyncResource",
    "IdLike",
    "Paginator",
    "Request",
    "RequestBuilder",
    "RequestOptions",
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


_SAFE_PATH = re.compile(r"/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*")  # fullmatch: "$" would let a final \n by


def raw_request(
    method: str, path: str, *, params: Mapping[str, object] | None = None, body: Mapping[str, object] | None = None
) -> Request:
    """A request to a path the spec may not describe yet (kt.get/post/patch). The path stays on the
    client's base URL: no scheme, no host, no `..`, so credentials never leave for elsewhere."""
    if not isinstance(path, str) or not _SAFE_PATH.fullmatch(path) or "//" in path or "/../" in f"{path}/":
        raise InputError("path", f"{path!r:.80} is not a path on the API", "a path such as /v1/ticketing/catalogs")
    request: Request = {"method": method, "url": path}
    if params is not None:
        if not isinstance(params, Mapping):
            raise InputError("params", f"{type(params).__name__} is not a mapping", "a dict of query parameters")
        request["params"] = {k: v for k, v in params.items() if v is not None}
    if body is not None:
        if not isinstance(body, Mapping):
            raise InputError("body", f"{type(body).__name__} is not a mapping", "a dict of JSON fields")
        request["json"] = dict(body)
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
