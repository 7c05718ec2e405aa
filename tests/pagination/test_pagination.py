"""Hydra collections: every item, in order, with as few requests as needed."""

from __future__ import annotations

import asyncio
import contextlib
import random
from typing import Any
from urllib.parse import parse_qs

import httpx
import korusticket
import pytest
from korusticket import AsyncKorusTicket, InputError, KorusTicket

from tests.support.mock_api import MockAPI

BASE = "https://api.demo.korusticket.com"
PATH = "/v1/booking/reservations"


def reservation(i: int) -> dict[str, Any]:
    rid = f"0194cb34-0ad0-711e-b447-{i:012x}"
    return {"@id": f"{PATH}/{rid}", "@type": "BookingReservation", "id": rid, "totalAmountInclTax": "10.00"}


class Collection:
    """Serves `total` reservations in Hydra pages; records the pages asked for."""

    def __init__(
        self, total: int, *, links: bool = True, with_total: bool = True, prefix: str = "", cap: int | None = None
    ) -> None:
        self.total = total
        self.cap = cap  # the server's own largest page, whatever is asked
        self.links = links
        self.with_total = with_total
        self.prefix = prefix
        self.pages: list[int] = []
        self.sizes: list[int] = []  # itemsPerPage as asked

    def body(self, request: httpx.Request) -> dict[str, Any]:
        query = parse_qs(request.url.query.decode())
        page, size = int(query["page"][0]), int(query["itemsPerPage"][0])
        size = min(size, self.cap) if self.cap else size
        self.pages.append(page)
        self.sizes.append(int(query["itemsPerPage"][0]))
        start = (page - 1) * size
        members = [reservation(i) for i in range(start, min(start + size, self.total))]
        p = self.prefix
        body: dict[str, Any] = {"@id": PATH, "@type": "Collection", f"{p}member": members}
        if self.with_total:
            body[f"{p}totalItems"] = self.total
        if self.links:
            view: dict[str, Any] = {"@id": f"{PATH}?page={page}", "@type": "PartialCollectionView"}
            if start + size < self.total:
                view[f"{p}next"] = f"{PATH}?itemsPerPage={size}&page={page + 1}"
            body[f"{p}view"] = view
        return body

    def handler(self, request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=self.body(request))


def client(collection: Collection) -> KorusTicket:
    return KorusTicket(token="t", transport=MockAPI(answer=collection.handler).transport(), max_retries=0)


def ids(items: list[Any]) -> list[str]:
    return [item.id for item in items]


def test_123_items_over_pages_of_50_in_order_with_3_requests() -> None:
    collection = Collection(123)
    items = list(client(collection).reservations.list())
    assert ids(items) == [reservation(i)["id"] for i in range(123)]
    assert collection.pages == [1, 2, 3]


def test_limit_stops_early() -> None:
    collection = Collection(123)
    items = list(client(collection).reservations.list(limit=60))
    assert len(items) == 60
    assert collection.pages == [1, 2]


def test_pages_expose_items_total_and_number() -> None:
    collection = Collection(123)
    pages = list(client(collection).reservations.list(page_size=50).pages())
    assert [(p.page, len(p.items), p.total_items) for p in pages] == [(1, 50, 123), (2, 50, 123), (3, 23, 123)]


def test_a_page_size_over_50_is_sent_as_asked() -> None:
    """The reference says itemsPerPage <= 50, the pagination guide <= 100: the client leaves it to the server."""
    collection = Collection(123)
    assert len(list(client(collection).reservations.list(page_size=100))) == 123
    assert collection.pages == [1, 2]
    assert collection.sizes == [100, 100]


@pytest.mark.parametrize("links", [True, False])
def test_a_server_capping_a_large_page_size_still_gives_every_item(links: bool) -> None:
    collection = Collection(123, cap=50, links=links)
    items = list(client(collection).reservations.list(page_size=100))
    assert ids(items) == [reservation(i)["id"] for i in range(123)]
    assert collection.pages == [1, 2, 3]


def test_without_links_the_total_decides() -> None:
    collection = Collection(101, links=False)
    assert len(list(client(collection).reservations.list(page_size=50))) == 101
    assert collection.pages == [1, 2, 3]


def test_without_links_or_total_a_short_page_ends_the_walk() -> None:
    collection = Collection(100, links=False, with_total=False)
    assert len(list(client(collection).reservations.list(page_size=50))) == 100
    assert collection.pages == [1, 2, 3]  # page 3 is empty: the end


def test_empty_collection_is_one_request() -> None:
    collection = Collection(0)
    assert list(client(collection).reservations.list()) == []
    assert collection.pages == [1]


def test_hydra_prefixed_collection_iterates() -> None:
    collection = Collection(75, prefix="hydra:")
    items = list(client(collection).reservations.list())
    assert ids(items) == [reservation(i)["id"] for i in range(75)]
    assert collection.pages == [1, 2]
    assert items[0].iri == f"{PATH}/{reservation(0)['id']}"


@pytest.mark.parametrize("bad", [0, -1, 2.5, True, "50"])
def test_page_size_out_of_range_is_an_input_error_before_any_request(bad: object) -> None:
    collection = Collection(10)
    with pytest.raises(InputError, match="page_size"):
        client(collection).reservations.list(page_size=bad)  # type: ignore[arg-type]
    assert collection.pages == []


def test_paginator_is_lazy_and_reiterable() -> None:
    collection = Collection(10)
    paginator = client(collection).reservations.list()
    assert collection.pages == []
    assert len(list(paginator)) == 10
    assert len(list(paginator)) == 10
    assert isinstance(paginator, korusticket.Paginator)


class OutOfOrder:
    """Async transport answering concurrent requests in random order; tracks requests in flight."""

    def __init__(self, collection: Collection) -> None:
        self.collection = collection
        self.in_flight = 0
        self.max_in_flight = 0
        self.rng = random.Random(7)

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.in_flight += 1
        self.max_in_flight = max(self.max_in_flight, self.in_flight)
        try:
            # Yield to the loop a random number of times: later pages may finish first.
            for _ in range(self.rng.randint(0, 20)):
                await asyncio.sleep(0)
            return self.collection.handler(request)
        finally:
            self.in_flight -= 1


def test_async_prefetch_yields_in_order_with_bounded_concurrency() -> None:
    collection = Collection(500)  # 10 pages of 50
    transport = OutOfOrder(collection)

    async def main() -> list[Any]:
        async with AsyncKorusTicket(token="t", transport=MockAPI(answer=transport).transport(), max_retries=0) as kt:
            return [item async for item in kt.reservations.list(prefetch=4)]

    items = asyncio.run(main())
    assert ids(items) == [reservation(i)["id"] for i in range(500)]
    assert sorted(collection.pages) == list(range(1, 11))
    assert collection.pages != sorted(collection.pages)  # they really completed out of order
    assert transport.max_in_flight == 4


def test_async_sequential_and_limit() -> None:
    collection = Collection(123)

    async def main() -> tuple[list[Any], list[Any]]:
        async with AsyncKorusTicket(token="t", transport=MockAPI(answer=collection.handler).transport()) as kt:
            everything = [item async for item in kt.reservations.list()]
            some = [item async for item in kt.reservations.list(limit=60, prefetch=8)]
            return everything, some

    everything, some = asyncio.run(main())
    assert len(everything) == 123
    assert ids(some) == ids(everything)[:60]
    assert collection.pages == [1, 2, 3, 1, 2]  # the limit caps prefetching too


def test_async_prefetch_must_be_positive() -> None:
    async def main() -> None:
        async with AsyncKorusTicket(token="t", transport=MockAPI(answer=Collection(1).handler).transport()) as kt:
            kt.reservations.list(prefetch=0)

    with pytest.raises(InputError, match="prefetch"):
        asyncio.run(main())


def test_async_prefetch_waits_for_the_total_and_stops_at_it() -> None:
    """Page 1 goes out alone: asking past the end would cost requests a rate limit counts."""
    small, large = Collection(30), Collection(1000)

    async def main() -> tuple[int, int]:
        async with AsyncKorusTicket(token="t", transport=MockAPI(answer=small.handler).transport()) as kt:
            few = len([item async for item in kt.reservations.list(prefetch=4)])
        async with AsyncKorusTicket(token="t", transport=MockAPI(answer=large.handler).transport()) as kt:
            many = len([item async for item in kt.reservations.list(prefetch=8)])
        return few, many

    assert asyncio.run(main()) == (30, 1000)
    assert small.pages == [1]  # 30 items: one page, one request
    assert sorted(large.pages) == list(range(1, 21))  # exactly the 20 pages, none past the total


@pytest.mark.parametrize(("limit", "asked"), [(3, ["3"]), (50, ["50"]), (60, ["50", "50"])])
def test_limit_below_the_page_size_asks_only_for_what_it_needs(limit: int, asked: list[str]) -> None:
    collection = Collection(123)
    requests: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return collection.handler(request)

    kt = KorusTicket(token="t", transport=MockAPI(answer=handler).transport(), max_retries=0)
    assert len(list(kt.reservations.list(limit=limit))) == limit
    assert [r.url.params["itemsPerPage"] for r in requests] == asked


def test_async_limit_below_the_page_size() -> None:
    collection = Collection(123)

    async def main() -> list[Any]:
        async with AsyncKorusTicket(token="t", transport=MockAPI(answer=collection.handler).transport()) as kt:
            return [r async for r in kt.reservations.list(limit=2, prefetch=4)]

    assert len(asyncio.run(main())) == 2
    assert collection.pages == [1]


def test_paginator_repr_is_short() -> None:
    kt = client(Collection(3))
    assert repr(kt.reservations.list(limit=3)) == "<Paginator page_size=3 limit=3>"
    assert repr(kt.reservations.list()) == "<Paginator page_size=50 limit=None>"


def test_async_walk_closed_early_cancels_its_prefetched_requests_at_once() -> None:
    """Closing the item iterator closes the whole walk then and there: the requests still in flight
    are cancelled, not left until the event loop gets to finalize the inner generators."""
    collection = Collection(500)
    in_flight: list[asyncio.Task[Any]] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.params["page"] != "1":
            in_flight.append(asyncio.current_task())  # type: ignore[arg-type]
            await asyncio.Event().wait()  # never answers
        return collection.handler(request)

    async def main() -> list[bool]:
        async with AsyncKorusTicket(token="t", transport=MockAPI(answer=handler).transport(), max_retries=0) as kt:
            items = aiter(kt.reservations.list(prefetch=4))
            async with contextlib.aclosing(items):  # type: ignore[type-var]
                async for _ in items:
                    for _ in range(5):  # the requests page 1 opened the window to go on the wire
                        await asyncio.sleep(0)
                    break
            return [task.cancelling() > 0 for task in in_flight]  # before the loop runs again

    assert asyncio.run(main()) == [True, True, True, True]  # pages 2-5, asked once page 1 told the total
