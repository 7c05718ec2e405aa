"""Prefetch never asks for a page that does not exist: page 1 goes out alone, the window opens to
the total it tells (or grows page by page without one), so a walk of N pages is N requests."""

from __future__ import annotations

import asyncio
import math
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from korusticket import AsyncKorusTicket

from tests.support.mock_api import MockAPI

PATH = "/v1/booking/reservations"


def reservation(i: int) -> dict[str, Any]:
    rid = f"0194cb34-0ad0-711e-b447-{i:012x}"
    return {"@id": f"{PATH}/{rid}", "@type": "BookingReservation", "id": rid, "totalAmountInclTax": "10.00"}


class Counting:
    """Hydra pages of `total` reservations; counts every GET (the number a rate limit sees)."""

    def __init__(self, total: int, *, with_total: bool = True, links: bool = True) -> None:
        self.total, self.with_total, self.links = total, with_total, links
        self.gets: list[int] = []

    async def handler(self, request: httpx.Request) -> httpx.Response:
        query = parse_qs(request.url.query.decode())
        page, size = int(query["page"][0]), int(query["itemsPerPage"][0])
        self.gets.append(page)
        await asyncio.sleep(0)  # answers interleave, as on a network
        start = (page - 1) * size
        body: dict[str, Any] = {"member": [reservation(i) for i in range(start, min(start + size, self.total))]}
        if self.with_total:
            body["totalItems"] = self.total
        if self.links and start + size < self.total:
            body["view"] = {"next": f"{PATH}?page={page + 1}"}
        return httpx.Response(200, json=body)


def walk(server: Counting, **kwargs: Any) -> int:
    async def main() -> int:
        async with AsyncKorusTicket(
            token="t", transport=MockAPI(answer=server.handler).transport(), max_retries=0
        ) as kt:
            return len([r async for r in kt.reservations.list(**kwargs)])

    return asyncio.run(main())


@pytest.mark.parametrize("prefetch", [2, 4, 8, 32])
def test_17_pages_are_17_gets_whatever_the_prefetch(prefetch: int) -> None:
    server = Counting(17 * 50 - 7)  # 17 pages of 50, the last one short
    assert walk(server, prefetch=prefetch) == 843
    assert len(server.gets) == 17
    assert sorted(server.gets) == list(range(1, 18))


@pytest.mark.parametrize("total", [0, 1, 30, 50, 51])
def test_a_small_collection_is_as_many_gets_as_pages(total: int) -> None:
    server = Counting(total)
    assert walk(server, prefetch=4) == total
    assert server.gets[0] == 1
    assert len(server.gets) == max(1, math.ceil(total / 50))


def test_the_limit_caps_the_window_too() -> None:
    server = Counting(1000)
    assert walk(server, prefetch=8, limit=120) == 120
    assert sorted(server.gets) == [1, 2, 3]


@pytest.mark.parametrize("links", [True, False])
def test_without_a_total_the_window_grows_as_answers_arrive(links: bool) -> None:
    """No totalItems: a page is asked for once the one before it says there is a next."""
    server = Counting(17 * 50 - 7, with_total=False, links=links)
    assert walk(server, prefetch=4) == 843
    assert server.gets == list(range(1, 18))
