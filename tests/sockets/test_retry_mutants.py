"""Issue 22: behaviours no test noticed when broken (each test here fails on a hand-made mutant):
the async retry loop reads the body, and token requests are retried on a 500."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from korusticket import AsyncKorusTicket, KorusTicket
from korusticket.testing import TOKEN_PATH, StandIn

from tests.support.fault_server import FaultServer


def test_async_a_get_whose_body_is_cut_is_retried(
    server: FaultServer, stand_in: StandIn, make_async_client: Callable[..., AsyncKorusTicket]
) -> None:
    path = stand_in.demo.catalog
    server.add(path, method="GET", action="reset", process=True)

    async def main() -> str | None:
        async with make_async_client() as kt:
            return (await kt.catalogs.get(path)).iri

    assert asyncio.run(main()) == path
    assert server.count("GET", path) == 2


def test_a_token_request_answered_500_is_retried(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    server.add(TOKEN_PATH, action="answer", status=500, body=b"{}")

    catalog = make_client().catalogs.get(stand_in.demo.catalog)

    assert catalog.iri == stand_in.demo.catalog
    assert server.count("POST", TOKEN_PATH) == 2
