"""kt.with_raw_response (issue 14): status, headers, request id, elapsed time; .parse() is the
usual value; bulk flows; errors stay errors."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from korusticket import KorusTicket, NotFoundError
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, StandIn
from korusticket.types import RawResponse

from tests.support.bodies import CATALOG, catalog_body
from tests.support.mock_api import MockAPI, jsonld


def test_raw_response_of_a_get(api: MockAPI, client: KorusTicket) -> None:
    api.replies = [httpx.Response(200, json=catalog_body(), headers={"X-Request-Id": "req-42"})]
    raw = client.with_raw_response.catalogs.get(CATALOG)
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.request_id == "req-42"
    assert raw.headers["x-request-id"] == "req-42"
    assert raw.url is not None
    assert raw.url.path == f"/v1/ticketing/catalogs/{CATALOG}"
    assert raw.parse().iri == f"/v1/ticketing/catalogs/{CATALOG}"
    assert repr(raw) == f"<RawResponse [200 GET /v1/ticketing/catalogs/{CATALOG}] request_id=req-42>"
    assert "Bearer" not in repr(raw)


def test_raw_response_of_a_list_is_its_first_page(api: MockAPI, client: KorusTicket) -> None:
    raw = client.with_raw_response.catalogs.list(page_size=5)
    assert raw.status_code == 200
    assert raw.url is not None
    assert raw.url.params["itemsPerPage"] == "5"
    assert len(api.api_requests) == 1
    assert [c.iri for c in raw.parse()]  # the usual paginator, walked from page 1


def test_errors_stay_errors(api: MockAPI, client: KorusTicket) -> None:
    api.replies = [jsonld({"title": "Not Found", "detail": "no such catalog", "status": 404}, status=404)]
    with pytest.raises(NotFoundError):
        client.with_raw_response.catalogs.get(CATALOG)


def test_raw_response_of_a_bulk_flow_and_async() -> None:
    from korusticket import AsyncKorusTicket

    stand_in = StandIn()
    kt = KorusTicket(client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, transport=stand_in.transport())
    offer = kt.offers.get(stand_in.demo.catalog, stand_in.demo.offer_day)
    raw = kt.with_raw_response.reservations.create([{"offer": offer, "quantity": 1}])
    assert raw.status_code == 200
    assert raw.method == "POST"
    assert raw.parse().ok

    async def main() -> Any:
        async with AsyncKorusTicket(
            client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, transport=stand_in.async_transport()
        ) as akt:
            raw = await akt.with_raw_response.catalogs.list()
            return raw.status_code, [c async for c in raw.parse()]

    status, catalogs = asyncio.run(main())
    assert status == 200
    assert len(catalogs) == 2
    # outside a raw call nothing is recorded
    kt.catalogs.get(stand_in.demo.catalog)
