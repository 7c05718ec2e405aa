"""Point 5 through real sockets: a walk always ends and never skips, whatever the server does
with pages (the fault server rewrites the stand-in's requests and answers)."""

from __future__ import annotations

import asyncio
import json
import math
from collections.abc import Callable
from dataclasses import replace

import pytest
from korusticket import AsyncKorusTicket, KorusTicket, ResponseDecodeError
from korusticket.testing import StandIn
from korusticket.testing._core import Request, Response

from tests.support.fault_server import FaultServer, with_query

SIZE = 10


@pytest.fixture
def products(stand_in: StandIn, make_client: Callable[..., KorusTicket]) -> list[str]:
    """The demo catalog's products (a few dozen), as a well-behaved server lists them."""
    stand_in.seed_products(45)
    return [p.iri or "" for p in make_client().products.list(stand_in.demo.catalog, page_size=SIZE)]


def path_of(stand_in: StandIn) -> str:
    return f"{stand_in.demo.catalog}/products"


def edit(change: Callable[[dict[str, object], Request], None]) -> Callable[[Request, Response], Response]:
    def rewrite(request: Request, response: Response) -> Response:
        body = json.loads(response.body)
        change(body, request)
        return replace(response, body=json.dumps(body).encode())

    return rewrite


def drain(kt: KorusTicket, stand_in: StandIn, **kwargs: object) -> list[str]:
    return [p.iri or "" for p in kt.products.list(stand_in.demo.catalog, **kwargs)]  # type: ignore[arg-type]


def test_the_well_behaved_walk_is_the_reference(products: list[str]) -> None:
    assert len(products) == len(set(products)) > 45


def test_a_server_that_ignores_page_is_a_detected_loop(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], products: list[str]
) -> None:
    before = server.count("GET")
    server.add(path_of(stand_in), method="GET", times=None, rewrite_request=lambda r: with_query(r, page=None))

    seen: list[str] = []

    def walk() -> None:
        seen.extend(p.iri or "" for p in make_client().products.list(stand_in.demo.catalog, page_size=SIZE))

    with pytest.raises(ResponseDecodeError, match="pagination loop: page 2 repeats"):
        walk()

    assert seen == products[:SIZE]  # no IRI twice
    assert server.count("GET") - before == 2


def test_a_page_served_twice_is_a_detected_loop(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], products: list[str]
) -> None:
    server.add(path_of(stand_in), method="GET", when=lambda r: r.param("page") == "3",
               rewrite_request=lambda r: with_query(r, page="2"))  # fmt: skip

    with pytest.raises(ResponseDecodeError, match="page 3 repeats only items already seen"):
        drain(make_client(), stand_in, page_size=SIZE)


def test_a_page_served_again_pages_later_is_a_detected_loop(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], products: list[str]
) -> None:
    # Page 5 answered with page 1: its items are 4 pages back, known by fingerprint only.
    server.add(path_of(stand_in), method="GET", when=lambda r: r.param("page") == "5",
               rewrite_request=lambda r: with_query(r, page="1"))  # fmt: skip

    seen: list[str] = []
    with pytest.raises(ResponseDecodeError, match="page 5 repeats only items already seen"):
        seen.extend(p.iri or "" for p in make_client().products.list(stand_in.demo.catalog, page_size=SIZE))
    assert seen == products[: 4 * SIZE]


def test_view_next_pointing_back_is_a_detected_loop(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], products: list[str]
) -> None:
    def back(body: dict[str, object], request: Request) -> None:
        body["view"] = {**body["view"], "next": f"{path_of(stand_in)}?page=1"}  # type: ignore[dict-item]

    server.add(path_of(stand_in), method="GET", when=lambda r: r.param("page") == "2", rewrite_response=edit(back))

    with pytest.raises(ResponseDecodeError, match=r"view\.next of page 2 points back to page 1"):
        drain(make_client(), stand_in, page_size=SIZE)


def test_more_pages_than_total_items_allows_is_a_detected_loop(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], products: list[str]
) -> None:
    def shrink(body: dict[str, object], request: Request) -> None:
        body["totalItems"] = 15  # contradicts the view.next links, which go on

    before = server.count("GET")
    server.add(path_of(stand_in), method="GET", times=None, rewrite_response=edit(shrink))

    with pytest.raises(ResponseDecodeError, match="more than totalItems 15 allows"):
        drain(make_client(), stand_in, page_size=SIZE)

    assert server.count("GET") - before <= math.ceil(15 / SIZE) + 1


def test_a_server_capping_the_page_size_is_followed_by_what_it_sent(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], products: list[str]
) -> None:
    # Asked 50 a page, the server sends 7 and no view: its pages are of 7, and none is missed.
    def no_view(body: dict[str, object], request: Request) -> None:
        body.pop("view", None)

    before = server.count("GET")
    server.add(path_of(stand_in), method="GET", times=None, rewrite_request=lambda r: with_query(r, itemsPerPage="7"),
               rewrite_response=edit(no_view))  # fmt: skip

    assert drain(make_client(), stand_in, page_size=50) == products
    assert server.count("GET") - before == math.ceil(len(products) / 7)


def test_async_prefetch_follows_a_capped_page_size_too(
    server: FaultServer,
    stand_in: StandIn,
    make_async_client: Callable[..., AsyncKorusTicket],
    products: list[str],
) -> None:
    def no_view(body: dict[str, object], request: Request) -> None:
        body.pop("view", None)

    server.add(path_of(stand_in), method="GET", times=None, rewrite_request=lambda r: with_query(r, itemsPerPage="7"),
               rewrite_response=edit(no_view))  # fmt: skip

    async def main() -> list[str]:
        async with make_async_client() as kt:
            return [p.iri or "" async for p in kt.products.list(stand_in.demo.catalog, page_size=50, prefetch=3)]

    assert asyncio.run(main()) == products


def test_async_sequential_walk_detects_a_server_ignoring_page(
    server: FaultServer,
    stand_in: StandIn,
    make_async_client: Callable[..., AsyncKorusTicket],
    products: list[str],
) -> None:
    server.add(path_of(stand_in), method="GET", times=None, rewrite_request=lambda r: with_query(r, page=None))

    async def main() -> list[str]:
        async with make_async_client() as kt:
            return [p.iri or "" async for p in kt.products.list(stand_in.demo.catalog, page_size=SIZE)]

    with pytest.raises(ResponseDecodeError, match="pagination loop"):
        asyncio.run(main())


def test_view_next_is_followed_when_pages_are_short_and_no_total_is_given(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], products: list[str]
) -> None:
    # A server capping pages at 7 that says neither totalItems nor the page size: only its
    # view.next links tell that more pages follow.
    def no_total(body: dict[str, object], request: Request) -> None:
        body.pop("totalItems", None)

    server.add(path_of(stand_in), method="GET", times=None, rewrite_request=lambda r: with_query(r, itemsPerPage="7"),
               rewrite_response=edit(no_total))  # fmt: skip

    assert drain(make_client(), stand_in, page_size=50) == products
