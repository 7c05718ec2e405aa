"""Iterating Hydra collections: every item of every page, in server order.

A page is fetched by number. The next one is known from ``view.next`` when the server sends it,
otherwise from ``totalItems``; an empty or short page ends the walk. ``hydra:``-prefixed
envelopes (API Platform 3) are read too. The async paginator can prefetch pages concurrently
once the total is known, and still yields in order with a bounded number of pages in flight.

A walk always ends and never skips: the server's own page size is learned from page 1 (a
server capping 100 asked to 30 is followed by 30s), an item (by IRI: a model's ``iri``, a raw
dict's ``@id``) is yielded once, and a server that repeats a page, ignores ``page``, points
``view.next`` back, or serves more pages than ``totalItems`` allows (``ceil(totalItems / page
size) + 1``) stops the walk with ResponseDecodeError naming the loop. Items without an IRI are
recognized by page: a page whose IRI-less items were all served before, in the same order (their
JSON's fingerprint), repeats them, so a server ignoring ``page`` stops there too.

What "yielded once" costs (``_Seen``): each IRI yielded is remembered as a 64-bit fingerprint
(its ``hash()``, which CPython keys per process: SipHash; BLAKE2b where ``hash()`` is narrower or
another algorithm) in sorted arrays, 8 bytes an item, about 9 with the arrays' spare room (a
1,000,000-item walk holds about 8.5 MiB). The IRIs of the page being read and of the 2 pages
before it are also kept as strings, a constant (about 30 KiB at 50 items a page), so a repeat
from there, which is what an item inserted ahead of the walk causes (the next page starts
earlier), is recognized for certain. An IRI not among those strings whose fingerprint is known is
taken for a repeat from further back (the server reordered the collection during the walk, e.g.
an item moved to the end) and skipped, with a warning on the ``korusticket`` logger naming it.
Two different IRIs sharing a fingerprint would look the same: the probability that this happens
at all in an n-item walk is about n²/2^65 (1 in 370 billion for 10,000 items, 1 in 37 million
for 1,000,000). The item would then be skipped although it was never yielded, and the warning
names it.
"""

from __future__ import annotations

import json
import logging
import math
import sys
from array import array
from bisect import bisect_left
from collections import deque
from collections.abc import AsyncGenerator, AsyncIterator, Awaitable, Callable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast
from urllib.parse import parse_qs, urlsplit

import attrs

from ._config import check_limit, check_page_size, check_prefetch
from ._constants import DEFAULT_PAGE_SIZE
from ._errors import ResponseDecodeError

if TYPE_CHECKING:
    import asyncio

__all__ = ["AsyncPaginator", "Page", "Paginator"]

T = TypeVar("T")

log = logging.getLogger("korusticket")

RECENT_PAGES = 2
"""Pages before the current one whose IRIs a walk keeps as strings (repeats from there are certain)."""


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


def _blake2b_fingerprint(iri: str) -> int:
    """64 bits of BLAKE2b, where ``hash()`` is not a 64-bit SipHash (a 32-bit build, FNV)."""
    from hashlib import blake2b

    return int.from_bytes(blake2b(iri.encode(), digest_size=8).digest(), "little", signed=True)


# hash(str): SipHash keyed per process, 64 bits on a 64-bit build, computed once per string.
_SIPHASH = sys.hash_info.width == 64 and sys.hash_info.algorithm.startswith("siphash")
_fingerprint: Callable[[str], int] = hash if _SIPHASH else _blake2b_fingerprint

_OFFSET = 1 << 63  # a signed 64-bit value plus _OFFSET: its unsigned form, whose top bits pick its bucket
_BUCKET = 128
"""Fingerprints per bucket on average: the buckets double in number when it would pass 2 * _BUCKET."""


class _Fingerprints:
    """A set of 64-bit ints in ``2**k`` sorted ``array('q')`` buckets, each holding the values of one
    top-k-bit prefix: 8 bytes a value, plus the arrays' spare room (an array grows by 1/16) and
    about 70 bytes a bucket of 128 to 256 values: about 9 bytes a value in all. Inserting a value
    bisects its bucket and moves the values after it there."""

    __slots__ = ("_buckets", "_count", "_shift")

    def __init__(self) -> None:
        self._buckets: list[array[int]] = [array("q")]
        self._shift = 64  # a value's bucket: (value + _OFFSET) >> _shift
        self._count = 0

    def add(self, value: int) -> bool:
        """Insert `value`; False if it was there already."""
        bucket = self._buckets[(value + _OFFSET) >> self._shift]
        at = bisect_left(bucket, value)
        if at < len(bucket) and bucket[at] == value:
            return False
        bucket.insert(at, value)
        self._count += 1
        if self._count > 2 * _BUCKET * len(self._buckets):
            self._split()
        return True

    def _split(self) -> None:
        """Twice the buckets: each one splits where the next bit of its values turns to 1."""
        shift = self._shift - 1
        old, self._buckets = self._buckets, []
        for i, bucket in enumerate(old):
            at = bisect_left(bucket, ((2 * i + 1) << shift) - _OFFSET)
            self._buckets += (bucket[:at], bucket[at:])
            old[i] = array("q")  # free each old bucket as soon as it is copied
        self._shift = shift


def _iri(item: object) -> str | None:
    """An item's IRI: a model's ``iri``, a raw JSON object's ``@id``."""
    iri = item.get("@id") if isinstance(item, Mapping) else getattr(item, "iri", None)
    return iri if isinstance(iri, str) else None


def _content(item: object) -> str:
    """What tells an item without an IRI from another: its JSON."""
    data = item.to_dict() if hasattr(item, "to_dict") else item
    try:
        return json.dumps(data, sort_keys=True, default=str)
    except (TypeError, ValueError):
        return repr(data)


class _Seen:
    """The IRIs one walk has yielded: the fingerprint of each, and the strings of the last pages
    (the module docstring says what that costs and what a fingerprint collision would do); and
    the fingerprint of each page's IRI-less items."""

    __slots__ = ("_anonymous", "_pages", "_prints", "_recent")

    def __init__(self) -> None:
        self._prints = _Fingerprints()
        self._recent: set[str] = set()  # the IRIs of _pages
        self._pages: deque[list[str]] = deque()  # the last RECENT_PAGES pages' IRIs
        self._anonymous: set[int] = set()  # fingerprints of the IRI-less items of each page so far

    def fresh(self, page: Page[T]) -> list[T]:
        """The items of `page` not yielded before (the items without an IRI included), in order."""
        recent, prints = self._recent, self._prints
        fresh: list[T] = []
        iris: list[str] = []
        far: list[str] = []
        keyed = [(item, _iri(item)) for item in page.items]  # each item's IRI, read once
        anonymous = [item for item, iri in keyed if iri is None]
        repeated = False
        if anonymous:  # served before, in the same order: a page repeated (the IRIs cannot tell)
            served = _fingerprint("\n".join(map(_content, anonymous)))
            repeated = served in self._anonymous
            self._anonymous.add(served)
        for item, iri in keyed:
            if iri is None and repeated:
                continue
            if iri is not None:
                if iri in recent:  # a repeat, for certain
                    continue
                if not prints.add(_fingerprint(iri)):  # a repeat of an older item, by its fingerprint
                    far.append(iri)
                    continue
                recent.add(iri)
                iris.append(iri)
            fresh.append(item)
        if far and fresh:  # nothing fresh: the cursor stops the walk as a loop, naming the page
            log.warning(
                "page %d repeats %d item(s) yielded more than %d pages before (%s): skipped. The server "
                "reordered the collection during the walk (items may have moved past it unseen), or, "
                "with probability ~n²/2^65 in an n-item walk, an IRI shares its 64-bit fingerprint with "
                "an earlier one.",
                page.page,
                len(far),
                RECENT_PAGES,
                ", ".join(far[:3]) + (", ..." if len(far) > 3 else ""),
            )
        self._pages.append(iris)
        if len(self._pages) > RECENT_PAGES:
            recent.difference_update(self._pages.popleft())
        return fresh


@attrs.frozen
class _Walk:
    """The settings of a walk; each iteration gets its own _Cursor."""

    page_size: int
    limit: int | None

    def cursor(self) -> _Cursor:
        return _Cursor(self.page_size, self.limit)


class _Cursor:
    """One walk through a collection: which page comes next, and the checks that stop a server
    that loops (shared by the sync and async paginators)."""

    def __init__(self, page_size: int, limit: int | None) -> None:
        self.page_size = page_size  # becomes the server's own size when page 1 says it is smaller
        self.limit = limit
        self.total: int | None = None
        self.seen = _Seen()
        self.received = 0  # distinct items accepted
        self.final = False  # an unpaged collection: its one page is all there is
        self.fetched = 0  # pages accepted

    def _loop(self, what: str) -> ResponseDecodeError:
        return ResponseDecodeError(f"pagination loop: {what}; stopped to avoid walking forever")

    def max_pages(self) -> int | None:
        return None if self.total is None else math.ceil(self.total / self.page_size) + 1

    def accept(self, page: Page[T]) -> Page[T]:
        """The page with items already yielded left out; raises on a page that brings nothing new."""
        self.fetched += 1
        self.final = self.final or page.final
        if self.total is None and page.total_items is not None:
            self.total = page.total_items
            if page.page == 1 and 0 < len(page.items) < self.page_size and self.total > len(page.items):
                self.page_size = len(page.items)  # the server caps the page size: follow its pages
        if (most := self.max_pages()) is not None and self.fetched > most:
            raise self._loop(
                f"page {page.page} is page number {self.fetched} fetched, more than totalItems "
                f"{self.total} allows at {self.page_size} per page ({most})"
            )
        fresh = self.seen.fresh(page)
        if page.items and not fresh:
            raise self._loop(
                f"page {page.page} repeats only items already seen (the server ignores `page` or serves a page twice)"
            )
        self.received += len(fresh)
        return attrs.evolve(page, items=fresh)

    def last_page(self) -> int | None:
        if self.final:
            return 1
        if self.total is None:
            return None
        pages = math.ceil(self.total / self.page_size)
        if self.limit is not None:
            pages = min(pages, math.ceil(self.limit / self.page_size))
        return pages

    def after(self, page: Page[Any], served: int) -> int | None:
        """The page to fetch after `page` (`served`: how many items the server sent in it)."""
        if not served or page.final:
            return None
        if self.limit is not None and self.received >= self.limit:
            return None  # enough items fetched: do not ask for another page
        if self.total is not None and self.received >= self.total and page.next_page is None:
            return None  # every item the server announced is here
        if page.next_page is not None:
            if page.next_page <= page.page:
                raise self._loop(f"view.next of page {page.page} points back to page {page.next_page}")
            return self._bounded(page.next_page)
        if self.total is not None:
            return self._bounded(page.page + 1) if page.page * self.page_size < self.total else None
        # No links and no total: a full page means there may be more.
        return page.page + 1 if served >= self.page_size else None

    def _bounded(self, number: int) -> int:
        """`number`, unless fetching it would exceed what totalItems allows."""
        if (most := self.max_pages()) is not None and self.fetched >= most:
            raise self._loop(
                f"the server points to page {number} after {self.fetched} pages, more than totalItems "
                f"{self.total} allows at {self.page_size} per page ({most})"
            )
        return number


def _walk(page_size: object, limit: object) -> _Walk:
    """A walk asking for no more than it needs: ``limit=3`` asks for pages of 3."""
    size, most = check_page_size(page_size), check_limit(limit)
    return _Walk(min(size, most) if most else size, most)


def _clip(items: list[T], remaining: int | None) -> list[T]:
    return items if remaining is None else items[:remaining]


class Paginator(Generic[T]):
    """Iterate every item (``for x in paginator``) or every page (``.pages()``)."""

    def __init__(
        self, fetch: Callable[[int, int], Page[T]], *, page_size: int = DEFAULT_PAGE_SIZE, limit: int | None = None
    ):
        self._fetch = fetch
        self._walk = _walk(page_size, limit)

    def __repr__(self) -> str:
        return f"<Paginator page_size={self._walk.page_size} limit={self._walk.limit}>"

    def pages(self) -> Iterator[Page[T]]:
        remaining = self._walk.limit
        cursor = self._walk.cursor()
        number: int | None = 1
        while number is not None and remaining != 0:
            served = self._fetch(number, self._walk.page_size)
            page = cursor.accept(served)
            items = _clip(page.items, remaining)
            if remaining is not None:
                remaining -= len(items)
            yield attrs.evolve(page, items=items)
            number = cursor.after(page, len(served.items))
            del served, page, items

    def __iter__(self) -> Iterator[T]:
        for page in self.pages():
            items = iter(page.items)
            del page
            yield from items


# Answers a prefetching walk keeps unparsed beyond its `prefetch` requests in flight. More
# buy nothing measurable (benchmarks/README.md: 1 to 8 drain alike) and cost a page body each.
_WAITING = 1

# What an async fetch returns: the page, or (answer in, not parsed yet) what parses it.
Fetched = Page[T] | Callable[[], Page[T]]


def _parsed(fetched: Fetched[T]) -> Page[T]:
    return fetched if isinstance(fetched, Page) else fetched()


class AsyncPaginator(Generic[T]):
    """``async for x in paginator``; with ``prefetch=N`` up to N pages are fetched at once."""

    def __init__(
        self,
        fetch: Callable[[int, int], Awaitable[Fetched[T]]],
        *,
        page_size: int = DEFAULT_PAGE_SIZE,
        limit: int | None = None,
        prefetch: int = 1,
    ):
        check_prefetch(prefetch)
        self._fetch = fetch
        self._walk = _walk(page_size, limit)
        self._prefetch = prefetch

    def __repr__(self) -> str:
        return f"<AsyncPaginator page_size={self._walk.page_size} limit={self._walk.limit} prefetch={self._prefetch}>"

    async def pages(self) -> AsyncIterator[Page[T]]:
        remaining = self._walk.limit
        if remaining == 0:
            return
        cursor = self._walk.cursor()
        source = self._prefetched(cursor) if self._prefetch > 1 else self._sequential(cursor)
        try:
            async for page in source:
                items = _clip(page.items, remaining)
                if remaining is not None:
                    remaining -= len(items)
                yield attrs.evolve(page, items=items)
                if remaining == 0:
                    return
                del page, items
        finally:
            # Now, not when the event loop gets to finalize it: its window (requests in flight)
            # and the walk's state are released as soon as the walk ends or is abandoned.
            await source.aclose()

    async def _sequential(self, cursor: _Cursor) -> AsyncGenerator[Page[T], None]:
        number: int | None = 1
        while number is not None:
            served = _parsed(await self._fetch(number, self._walk.page_size))
            page = cursor.accept(served)
            yield page
            number = cursor.after(page, len(served.items))
            del served, page

    async def _prefetched(self, cursor: _Cursor) -> AsyncGenerator[Page[T], None]:
        """Up to `prefetch` requests unanswered, pages yielded in page order.

        No page is asked for before it is known to exist: page 1 goes out alone, and the window
        opens once it tells the total (``totalItems``, and ``limit``) how many pages there are.
        Without a total, the window grows as answers arrive: a page is asked for once the one
        before it says there is a next (``view.next``, or a full page). A walk of 17 pages sends
        17 requests, whatever ``prefetch`` (a rate limit counts every one).

        A request goes out as soon as an earlier one is answered, not once its page is parsed
        and consumed: parsing (the client's CPU) then overlaps the next round trip instead of
        adding to it. Answers wait unparsed, in page order, at most `_WAITING` beyond the
        `prefetch` requests in flight.
        """
        import asyncio  # only async users pay for importing it

        size = self._walk.page_size
        window: deque[tuple[int, asyncio.Task[Fetched[T]]]] = deque()  # requested, not consumed
        following, fresh, stopped = 1, 0, False
        last = 1  # the highest page known to exist (page 1 always does)

        def top_up(_: object = None) -> None:
            """Request more pages while fewer than `prefetch` are unanswered (counted from the
            window itself: a done callback may not have run yet) and the window has room; also
            the done callback of every request."""
            nonlocal following, fresh
            while not stopped and len(window) < self._prefetch + _WAITING:
                if following > last:
                    return  # not known to exist (yet)
                if sum(1 for _, task in window if not task.done()) >= self._prefetch:
                    return
                task = asyncio.ensure_future(self._fetch(following, size))
                fresh += 1
                task.add_done_callback(top_up)
                window.append((following, task))
                following += 1

        def stop() -> None:
            nonlocal stopped
            stopped = True
            for _, pending in window:
                pending.cancel()

        try:
            top_up()
            while window:
                number, task = window[0]  # stays in the window (counted as unanswered) until answered
                fetched = await task
                window.popleft()
                if fresh:
                    # Requests just started (by answers coming in) go on the wire before this
                    # parse, which does not pause: else they would wait for it.
                    fresh = 0
                    await asyncio.sleep(0)
                served = _parsed(fetched)
                page = cursor.accept(served)
                after = cursor.after(page, len(served.items))
                if (known := cursor.last_page()) is not None:
                    last = known  # from totalItems (and the limit): the window opens to it
                elif after is not None:
                    last = max(last, after)  # this page says there is a next: the window grows
                if after is None:  # the end: requests still out (a total that shrank) go at once
                    stop()
                    yield page
                    return
                top_up()  # a consumed answer frees its place
                yield page
                del task, fetched, served, page
                if after != number + 1:  # view.next skips ahead: the window no longer matches
                    raise cursor._loop(f"view.next of page {number} skips to page {after} while prefetching")
        finally:
            stop()

    async def __aiter__(self) -> AsyncIterator[T]:
        pages = cast(AsyncGenerator[Page[T], None], self.pages())  # an async generator function
        try:
            async for page in pages:
                items = iter(page.items)
                del page
                for item in items:
                    yield item
        finally:
            await pages.aclose()
