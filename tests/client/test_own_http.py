"""Your own HTTP (issue 14): http_client= with event hooks, proxy variables honoured by default,
default_headers=, per-call extra_headers=/extra_query=, with_options(), a closed client."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from korusticket import AsyncKorusTicket, ClientClosedError, InputError, KorusTicket
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, StandIn, StandInServer

from tests.support.bodies import CATALOG, CLIENT_ID, CLIENT_SECRET, STATIC_TOKEN
from tests.support.mock_api import MockAPI


def test_own_httpx_client_gets_auth_retries_and_checks(api: MockAPI) -> None:
    seen: list[str] = []
    own = httpx.Client(transport=api.transport(), event_hooks={"request": [lambda r: seen.append(r.url.path)]})
    api.replies = [httpx.Response(503), httpx.Response(503)]  # retried on top of the caller's client
    with KorusTicket(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, http_client=own, sleep=lambda s: None) as kt:
        assert kt.catalogs.get(CATALOG).iri == f"/v1/ticketing/catalogs/{CATALOG}"
    assert seen[0].endswith("/token")
    assert seen[1:] == [f"/v1/ticketing/catalogs/{CATALOG}"] * 3
    assert all(r.headers["authorization"].startswith("Bearer ") for r in api.api_requests)
    assert not own.is_closed  # the caller's client stays theirs
    own.close()


def test_own_async_httpx_client(api: MockAPI) -> None:
    seen: list[str] = []

    async def hook(request: httpx.Request) -> None:
        seen.append(request.method)

    async def main() -> None:
        own = httpx.AsyncClient(transport=api.transport(), event_hooks={"request": [hook]})
        async with own, AsyncKorusTicket(token=STATIC_TOKEN, http_client=own) as kt:
            catalog = await kt.catalogs.get(CATALOG)
            assert catalog.iri.endswith(CATALOG)

    asyncio.run(main())
    assert seen == ["GET"]


def test_own_httpx_client_over_loopback() -> None:
    stand_in = StandIn()
    with StandInServer(stand_in) as server:
        statuses: list[int] = []
        with httpx.Client(event_hooks={"response": [lambda r: statuses.append(r.status_code)]}) as own:
            kt = KorusTicket(
                base_url=server.base_url, token_url=server.token_url, client_id=DEMO_CLIENT_ID,
                client_secret=DEMO_CLIENT_SECRET, http_client=own,
            )  # fmt: skip
            with kt:
                assert len(list(kt.catalogs.list())) == 2
        assert statuses == [200, 200]


@pytest.mark.parametrize(("cls", "wrong"), [(KorusTicket, httpx.AsyncClient), (AsyncKorusTicket, httpx.Client)])
def test_http_client_of_the_wrong_kind_is_an_input_error(cls: type, wrong: type) -> None:
    with pytest.raises(InputError) as info:
        cls(token=STATIC_TOKEN, http_client=wrong())
    assert info.value.field == "http_client"


def test_http_client_and_transport_together_is_an_input_error(api: MockAPI) -> None:
    with pytest.raises(InputError) as info:
        KorusTicket(token=STATIC_TOKEN, http_client=httpx.Client(), transport=api.transport())
    assert info.value.field == "transport"


def test_proxy_environment_variables_are_honoured_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    # The stand-in plays the proxy: a plain-http request through a proxy carries the absolute URL.
    stand_in = StandIn()
    with StandInServer(stand_in) as proxy:
        monkeypatch.setenv("HTTP_PROXY", proxy.base_url)
        monkeypatch.delenv("NO_PROXY", raising=False)
        monkeypatch.delenv("no_proxy", raising=False)
        unreachable = "http://localhost:9"  # nothing listens there: only the proxy can answer
        with KorusTicket(
            base_url=unreachable, token_url=unreachable + stand_in.token_path,
            client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, max_retries=0,
        ) as kt:  # fmt: skip
            assert len(list(kt.catalogs.list())) == 2
    assert stand_in.count("GET", "/v1/ticketing/catalogs") == 1


def test_default_headers_and_extra_headers_and_query(api: MockAPI, make_client: Any) -> None:
    kt = make_client(default_headers={"X-Partner": "shop-42", "X-Trace": "default"})
    kt.catalogs.get(CATALOG, extra_headers={"X-Trace": "call 1"}, extra_query={"debug": True})
    list(kt.catalogs.list(extra_query={"partner": "shop-42"}))
    first, second = api.api_requests
    assert first.headers["X-Partner"] == "shop-42"
    assert first.headers["X-Trace"] == "call 1"
    assert first.url.params["debug"] == "true"
    assert second.headers["X-Trace"] == "default"
    assert second.url.params["partner"] == "shop-42"
    assert second.url.params["itemsPerPage"] == "50"


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Bad": "line\r\nInjected: yes"},
        {"X-Bad": "caf\u00e9"},
        {"X-Bad": 1},
        {"Bad Name": "v"},
        {"Authorization": "x"},
    ],
)
def test_extra_headers_are_checked_as_header_values(client: KorusTicket, api: MockAPI, headers: Any) -> None:
    with pytest.raises(InputError) as info:
        client.catalogs.get(CATALOG, extra_headers=headers)
    assert info.value.field == "extra_headers"
    assert "Injected" not in str(info.value)
    assert "caf" not in str(info.value)
    assert api.requests == []
    with pytest.raises(InputError):
        KorusTicket(token=STATIC_TOKEN, default_headers=headers)


def test_extra_query_is_checked(client: KorusTicket, api: MockAPI) -> None:
    with pytest.raises(InputError) as info:
        client.catalogs.get(CATALOG, extra_query={"ids": [1, 2]})  # type: ignore[dict-item]
    assert info.value.field == "extra_query"
    assert api.requests == []


def test_with_options_shares_the_pool_and_token(api: MockAPI, make_client: Any) -> None:
    kt = make_client(language="fr")
    english = kt.with_options(language="en", timeout=3.0, max_retries=0)
    assert type(english) is KorusTicket
    assert english._core.http is kt._core.http
    english.catalogs.get(CATALOG)
    kt.catalogs.get(CATALOG)
    english.catalogs.get(CATALOG, language="de")
    assert [r.headers["Accept-Language"] for r in api.api_requests] == ["en", "fr", "de"]
    assert api.api_requests[0].extensions["timeout"]["read"] == 3.0
    assert len(api.token_requests) == 1  # one token for both
    with pytest.raises(InputError):
        kt.with_options(timeout=-1)


def test_async_with_options(api: MockAPI, make_async_client: Any) -> None:
    async def main() -> None:
        async with make_async_client() as kt:
            await kt.with_options(language="it").catalogs.get(CATALOG)

    asyncio.run(main())
    assert api.api_requests[0].headers["Accept-Language"] == "it"


def test_closed_client_raises_client_closed_error(api: MockAPI, make_client: Any) -> None:
    kt = make_client()
    kt.close()
    with pytest.raises(ClientClosedError):
        kt.catalogs.get(CATALOG)
    with pytest.raises(ClientClosedError):
        list(kt.catalogs.list())
    own = httpx.Client(transport=api.transport())
    with KorusTicket(token=STATIC_TOKEN, http_client=own) as other:
        own.close()
        with pytest.raises(ClientClosedError):
            other.catalogs.get(CATALOG)
    assert api.api_requests == []


def test_closed_async_client_raises_client_closed_error(make_async_client: Any) -> None:
    async def main() -> None:
        kt = make_async_client()
        await kt.close()
        with pytest.raises(ClientClosedError):
            await kt.catalogs.get(CATALOG)

    asyncio.run(main())
