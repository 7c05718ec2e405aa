"""Issue 22 (M4) through real sockets: a walk over raw dicts (``kt.paginate(path, item=dict)``, the
README's usage) or over members without ``@id`` ends and never repeats an item."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import pytest
from korusticket import AsyncKorusTicket, KorusTicket, ResponseDecodeError
from korusticket.testing import StandIn
from korusticket.testing._core import Request, Response

from tests.support.fault_server import FaultServer, with_query

SIZE = 10


def path_of(stand_in: StandIn) -> str:
    return f"{stand_in.demo.catalog}/products"


def without_ids(total: int | None = None) -> Callable[[Request, Response], Response]:
    """Members lose their @id (and totalItems says `total`, when given)."""

    def rewrite(request: Request, response: Response) -> Response:
        body = json.loads(response.body)
        for member in body.get("member", []):
            member.pop("@id", None)
        if total is not None:
            body["totalItems"] = total
        else:
            body.pop("totalItems", None)
        body.pop("view", None)
        return replace(response, body=json.dumps(body).encode())

    return rewrite


def ignore_page(request: Request) -> Request:
    return with_query(request, page=None)


@pytest.fixture
def reference(stand_in: StandIn, make_client: Callable[..., KorusTicket]) -> list[dict[str, Any]]:
    stand_in.seed_products(45)
    return list(make_client().paginate(path_of(stand_in), item=dict, page_size=SIZE))


def test_raw_dicts_are_deduplicated_by_their_id_when_the_server_ignores_page(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], reference: list[dict[str, Any]]
) -> None:
    server.add(path_of(stand_in), method="GET", times=None, rewrite_request=ignore_page)
    seen: list[dict[str, Any]] = []

    with pytest.raises(ResponseDecodeError, match="pagination loop: page 2 repeats"):
        seen.extend(make_client().paginate(path_of(stand_in), item=dict, page_size=SIZE))

    assert [d["@id"] for d in seen] == [d["@id"] for d in reference[:SIZE]]


@pytest.mark.parametrize("total", [None, 120], ids=["no-total", "total-120"])
def test_members_without_id_and_a_server_ignoring_page_end_at_the_first_repeat(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], total: int | None
) -> None:
    stand_in.seed_products(45)
    before = server.count("GET")
    # Bounded (times=5) so that a walk that does not stop fails here instead of hanging.
    server.add(
        path_of(stand_in), method="GET", times=5, rewrite_request=ignore_page, rewrite_response=without_ids(total)
    )
    seen: list[dict[str, Any]] = []

    with pytest.raises(ResponseDecodeError, match="pagination loop: page 2 repeats"):
        seen.extend(make_client().paginate(path_of(stand_in), item=dict, page_size=SIZE))

    assert len(seen) == SIZE  # one page, never twice
    assert len({json.dumps(d, sort_keys=True) for d in seen}) == SIZE
    assert server.count("GET") - before == 2


def test_typed_members_without_iri_end_at_the_first_repeat_too(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    stand_in.seed_products(45)
    server.add(path_of(stand_in), method="GET", times=5, rewrite_request=ignore_page, rewrite_response=without_ids(120))
    seen: list[Any] = []

    with pytest.raises(ResponseDecodeError, match="pagination loop"):
        seen.extend(make_client(validate_responses="lenient").products.list(stand_in.demo.catalog, page_size=SIZE))

    assert len(seen) == SIZE


def test_members_without_id_from_a_well_behaved_server_are_all_yielded(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], reference: list[dict[str, Any]]
) -> None:
    server.add(path_of(stand_in), method="GET", times=None, rewrite_response=without_ids())

    seen = list(make_client().paginate(path_of(stand_in), item=dict, page_size=SIZE))

    assert len(seen) == len(reference)
    assert [d["id"] for d in seen] == [d["id"] for d in reference]


def test_async_raw_dicts_are_deduplicated_and_the_walk_ends(
    server: FaultServer,
    stand_in: StandIn,
    make_async_client: Callable[..., AsyncKorusTicket],
    reference: list[dict[str, Any]],
) -> None:
    server.add(path_of(stand_in), method="GET", times=None, rewrite_request=ignore_page)
    seen: list[dict[str, Any]] = []

    async def main() -> None:
        async with make_async_client() as kt:
            async for item in kt.paginate(path_of(stand_in), item=dict, page_size=SIZE):
                seen.append(item)  # noqa: PERF401 (kept as they come: the walk ends in an error)

    with pytest.raises(ResponseDecodeError, match="pagination loop"):
        asyncio.run(main())

    assert [d["@id"] for d in seen] == [d["@id"] for d in reference[:SIZE]]


def test_a_raw_dict_repeated_on_the_next_page_is_yielded_once(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], reference: list[dict[str, Any]]
) -> None:
    # An item inserted ahead of the walk: page 2 starts with the last item of page 1 (the pages
    # differ, so only the @id tells the repeat).
    def shift(request: Request, response: Response) -> Response:
        body = json.loads(response.body)
        if request.param("page") == "2":
            body["member"] = [reference[SIZE - 1], *body["member"][:-1]]
        return replace(response, body=json.dumps(body).encode())

    server.add(path_of(stand_in), method="GET", times=None, rewrite_response=shift)

    seen = [d["@id"] for d in make_client().paginate(path_of(stand_in), item=dict, page_size=SIZE)]

    assert len(seen) == len(set(seen))
    assert seen == [d["@id"] for d in reference if d["@id"] != reference[2 * SIZE - 1]["@id"]]
