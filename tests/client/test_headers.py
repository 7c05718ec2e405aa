"""Headers on every request (Accept, Accept-Language, User-Agent, Authorization) and timeouts,
per client and per call."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import korusticket
import pytest
from korusticket import InputError, KorusTicket

from tests.support.bodies import CATALOG, DOCUMENT, ORDER, catalog_body, collection
from tests.support.mock_api import MockAPI, jsonld

DEFAULT_TIMEOUT = {"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 30.0}
USER_AGENT = f"korusticket-python/{korusticket.__version__}"


def test_accept_and_user_agent_on_every_api_request(api: MockAPI, client: KorusTicket) -> None:
    client.catalogs.get(CATALOG)
    list(client.catalogs.list())
    client.order_documents.refresh_url(ORDER, DOCUMENT)
    assert len(api.api_requests) == 3
    for request in api.api_requests:
        assert request.headers["Accept"] == "application/ld+json"
        assert request.headers["User-Agent"] == USER_AGENT
        assert "Accept-Language" not in request.headers


def test_user_agent_names_the_package_version() -> None:
    assert USER_AGENT.startswith("korusticket-python/")
    assert korusticket.__version__[:1].isdigit()


def test_token_request_has_the_user_agent(api: MockAPI, client: KorusTicket) -> None:
    client.catalogs.get(CATALOG)
    [token_request] = api.token_requests
    assert token_request.headers["User-Agent"] == USER_AGENT


def test_client_language(api: MockAPI, make_client: Any) -> None:
    kt = make_client(language="fr")
    kt.catalogs.get(CATALOG)
    list(kt.offers.list(CATALOG))
    assert [r.headers["Accept-Language"] for r in api.api_requests] == ["fr", "fr"]


def test_per_call_language_overrides_the_client(api: MockAPI, make_client: Any) -> None:
    kt = make_client(language="fr")
    kt.catalogs.get(CATALOG, language="en")
    kt.catalogs.get(CATALOG)
    assert [r.headers["Accept-Language"] for r in api.api_requests] == ["en", "fr"]


def test_per_call_language_without_client_language(api: MockAPI, client: KorusTicket) -> None:
    client.order_documents.refresh_url(ORDER, DOCUMENT, language="de")
    list(client.catalogs.list(language="it"))
    client.catalogs.get(CATALOG)
    assert [r.headers.get("Accept-Language") for r in api.api_requests] == ["de", "it", None]


def test_per_call_language_applies_to_every_page(api: MockAPI, client: KorusTicket) -> None:
    OTHER_CATALOG = "0197cb40-0a99-7fff-8a73-00000000ffff"
    api.replies = [
        jsonld(collection("TicketingCatalog", "/v1/ticketing/catalogs", [catalog_body()], total=2)),
        jsonld(collection("TicketingCatalog", "/v1/ticketing/catalogs", [catalog_body(OTHER_CATALOG)], total=2)),
    ]
    list(client.catalogs.list(page_size=1, language="es"))
    assert [r.headers["Accept-Language"] for r in api.api_requests] == ["es", "es"]


def test_async_headers_and_language(api: MockAPI, make_async_client: Any) -> None:
    async def main() -> None:
        async with make_async_client(language="fr") as kt:
            await kt.catalogs.get(CATALOG)
            await kt.catalogs.get(CATALOG, language="nl")
            [_ async for _ in kt.catalogs.list(language="pt")]

    asyncio.run(main())
    assert [r.headers["Accept-Language"] for r in api.api_requests] == ["fr", "nl", "pt"]
    for request in api.api_requests:
        assert request.headers["Accept"] == "application/ld+json"
        assert request.headers["User-Agent"] == USER_AGENT


# --- timeouts -------------------------------------------------------------------------------------


def test_default_timeout_is_5s_connect_30s_overall(api: MockAPI, client: KorusTicket) -> None:
    client.catalogs.get(CATALOG)
    assert api.api_requests[0].extensions["timeout"] == DEFAULT_TIMEOUT
    assert api.token_requests[0].extensions["timeout"] == DEFAULT_TIMEOUT


@pytest.mark.parametrize(
    ("timeout", "expected"),
    [
        (10, {"connect": 5.0, "read": 10.0, "write": 10.0, "pool": 10.0}),
        (2.5, {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}),
        (httpx.Timeout(60.0, connect=1.0), {"connect": 1.0, "read": 60.0, "write": 60.0, "pool": 60.0}),
    ],
)
def test_client_timeout(api: MockAPI, make_client: Any, timeout: Any, expected: dict[str, float]) -> None:
    kt = make_client(timeout=timeout)
    kt.catalogs.get(CATALOG)
    assert api.api_requests[0].extensions["timeout"] == expected
    assert api.token_requests[0].extensions["timeout"] == expected


def test_per_call_timeout_overrides_the_client(api: MockAPI, make_client: Any) -> None:
    kt = make_client(timeout=20)
    kt.catalogs.get(CATALOG, timeout=3)
    kt.catalogs.get(CATALOG, timeout=httpx.Timeout(90.0, connect=2.0))
    kt.catalogs.get(CATALOG)
    assert [r.extensions["timeout"] for r in api.api_requests] == [
        {"connect": 3.0, "read": 3.0, "write": 3.0, "pool": 3.0},
        {"connect": 2.0, "read": 90.0, "write": 90.0, "pool": 90.0},
        {"connect": 5.0, "read": 20.0, "write": 20.0, "pool": 20.0},
    ]


def test_per_call_timeout_on_lists_and_writes(api: MockAPI, client: KorusTicket) -> None:
    list(client.orders.list(timeout=7))
    client.order_documents.refresh_url(ORDER, DOCUMENT, timeout=8)
    assert [r.extensions["timeout"]["read"] for r in api.api_requests] == [7.0, 8.0]


def test_async_timeouts(api: MockAPI, make_async_client: Any) -> None:
    async def main() -> None:
        async with make_async_client() as kt:
            await kt.catalogs.get(CATALOG)
            await kt.catalogs.get(CATALOG, timeout=4)

    asyncio.run(main())
    assert [r.extensions["timeout"] for r in api.api_requests] == [
        DEFAULT_TIMEOUT,
        {"connect": 4.0, "read": 4.0, "write": 4.0, "pool": 4.0},
    ]


@pytest.mark.parametrize("timeout", [0, -1, "30", True])
def test_bad_client_timeout_is_an_input_error(timeout: Any) -> None:
    with pytest.raises(InputError) as info:
        KorusTicket(token="t", timeout=timeout)
    assert info.value.field == "timeout"
