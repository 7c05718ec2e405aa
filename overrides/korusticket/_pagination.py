"""Iterating Hydra collections: every item of every page, in server order.

A page is fetched by number. The next one is known from ``view.next`` when the server sends it,
otherwise from ``totalItems``; an empty or short page ends the walk. ``hydra:``-prefixed
envelopes (API Platform 3) are read too. The async paginator can prefetch pages concurrently
once the total is known, and still yields in order with a bounded number of pages in flight.
"""

from __future__ import annotations

import itertools
import math
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar
from urllib.parse import parse_qs, urlsplit

import attrs

from ._constants import MAX_PAGE_SIZE
from ._errors import InputError

if TYPE_CHECKING:
    import asyncio

__all__ = ["AsyncPaginator", "Page", "Paginator", "check_page_size"]

T = TypeVar("T")


@attrs.frozen
class Page(Generic[T]):
    """One page of a collection."""

    items: list[T]
    page: int
    total_items: int | None
    next_page: int | None
    """The page ``view.next`` points to, when the server said."""
    final: bool = False
    """Nothing comes after this page (an unpaged collection arrives whole)."""


def check_page_size(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_PAGE_SIZE:
        raise InputError("page_size", f"{value!r} is out of range", f"a whole number from 1 to {MAX_PAGE_SIZE}")
    return value


def _check_limit(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InputError("limit", f"{value!r} is not a whole number >= 0", "None (all items) or 0, 1, 2, ...")
    return value


def _extra(model: Any, key: str) -> Any:
    extra = getattr(model, "additional_properties", None)
    return extra.get(key) if isinstance(extra, Mapping) else None


def _field(model: Any, name: str, hydra_name: str) -> Any:
    value = getattr(model, name, None)
    if value is None:  # collection envelopes are response models: an absent field is None, never Unset
        value = _extra(model, hydra_name)
    return value


def read_page(model: Any, page: int, item_type: type[T], *, paged: bool = True) -> Page[T]:
    """A Page from a generated collection model (plain or hydra:-prefixed keys).

    An unpaged collection (no page parameters in the spec) is one page holding everything."""
    members = _field(model, "member", "hydra:member")
    if not isinstance(members, list):
        members = []
    items = [m if isinstance(m, item_type) else item_type.from_dict(m) for m in members]  # type: ignore[attr-defined]
    total = _field(model, "total_items", "hydra:totalItems")
    view = _field(model, "view", "hydra:view")
    next_iri = None
    if isinstance(view, Mapping):
        next_iri = view.get("next") or view.get("hydra:next")
    elif view is not None:
        next_iri = getattr(view, "next_", None)
        if not isinstance(next_iri, str):
            next_iri = _extra(view, "hydra:next")
    if not paged:
        return Page(items=items, page=page, total_items=len(items), next_page=None, final=True)
    return Page(
        items=items,
        page=page,
        total_items=total if isinstance(total, int) and not isinstance(total, bool) else None,
        next_page=_page_number(next_iri),
    )


def _page_number(iri: object) -> int | None:
    if not isinstance(iri, str):
        return None
    values = parse_qs(urlsplit(iri).query).get("page")
    try:
        return int(values[0]) if values else None
    except ValueError:
        return None


@attrs.frozen
class _Walk:
    """Which page comes after a given one (shared by the sync and async paginators)."""

    page_size: int
    limit: int | None

    def last_page(self, first: Page[Any]) -> int | None:
        if first.final:
            return first.page
        if first.total_items is None:
            return None
        pages = math.ceil(first.total_items / self.page_size)
        if self.limit is not None:
            pages = min(pages, math.ceil(self.limit / self.page_size))
        return pages

    def after(self, page: Page[Any]) -> int | None:
        if not page.items or page.final:
            return None
        if self.limit is not None and page.page * self.page_size >= self.limit:
            return None  # enough items fetched: do not ask for another page
        if page.next_page is not None and page.next_page > page.page:
            return page.next_page
        if page.total_items is not None:
            return page.page + 1 if page.page * self.page_size < page.total_items else None
        # No links and no total: a full page means there may be more.
        return page.page + 1 if len(page.items) >= self.page_size else None


def _clip(items: list[T], remaining: int | None) -> list[T]:
    return items if remaining is None else items[:remaining]


class Paginator(Generic[T]):
    """Iterate every item (``for x in paginator``) or every page (``.pages()``)."""

    def __init__(
        self, fetch: Callable[[int, int], Page[T]], *, page_size: int = MAX_PAGE_SIZE, limit: int | None = None
    ):
        self._fetch = fetch
        self._walk = _Walk(check_page_size(page_size), _check_limit(limit))

    def pages(self) -> Iterator[Page[T]]:
        remaining = self._walk.limit
        number: int | None = 1
        while number is not None and remaining != 0:
            page = self._fetch(number, self._walk.page_size)
            items = _clip(page.items, remaining)
            if remaining is not None:
                remaining -= len(items)
            yield attrs.evolve(page, items=items)
            number = self._walk.after(page)

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            yield from page.items


class AsyncPaginator(Generic[T]):
    """``async for x in paginator``; with ``prefetch=N`` up to N pages are fetched at once."""

    def __init__(
        self,
        fetch: Callable[[int, int], Awaitable[Page[T]]],
        *,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        prefetch: int = 1,
    ):
        if isinstance(prefetch, bool) or not isinstance(prefetch, int) or prefetch < 1:
            raise InputError("prefetch", f"{prefetch!r} is not a whole number >= 1", "1 (sequential), 2, 3, ...")
        self._fetch = fetch
        self._walk = _Walk(check_page_size(page_size), _check_limit(limit))
        self._prefetch = prefetch

    async def pages(self) -> AsyncIterator[Page[T]]:
        remaining = self._walk.limit
        if remaining == 0:
            return
        async for page in self._prefetched() if self._prefetch > 1 else self._sequential():
            items = _clip(page.items, remaining)
            if remaining is not None:
                remaining -= len(items)
            yield attrs.evolve(page, items=items)
            if remaining == 0:
                return

    async def _sequential(self) -> AsyncIterator[Page[T]]:
        number: int | None = 1
        while number is not None:
            page = await self._fetch(number, self._walk.page_size)
            yield page
            number = self._walk.after(page)

    async def _prefetched(self) -> AsyncIterator[Page[T]]:
        """Up to `prefetch` pages in flight, yielded in page order.

        The first window goes out at once (pages 1..prefetch): waiting for page 1 to learn the
        total would cost a whole round trip. Once page 1 tells the total, requests past the
        last page are cancelled; on a collection smaller than the window, a few requests answer
        empty pages. That is the price of asking for prefetch.
        """
        import asyncio  # only async users pay for importing it

        size = self._walk.page_size
        last = math.ceil(self._walk.limit / size) if self._walk.limit is not None else None
        window: deque[tuple[int, asyncio.Task[Page[T]]]] = deque()
        numbers = itertools.count(1)

        def top_up() -> None:
            while len(window) < self._prefetch:
                number = next(numbers)
                if last is not None and number > last:
                    return
                window.append((number, asyncio.ensure_future(self._fetch(number, size))))

        try:
            top_up()
            while window:
                number, task = window.popleft()
                page = await task
                if number == 1 and (known := self._walk.last_page(page)) is not None:
                    last = known
                    while window and window[-1][0] > last:
                        window.pop()[1].cancel()
                yield page
                if self._walk.after(page) is None:
                    return
                top_up()
        finally:
            for _, pending in window:
                pending.cancel()

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.pages():
            for item in page.items:
                yield item
