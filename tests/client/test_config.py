"""Constructor arguments, KORUSTICKET_* environment variables, environments and base_url,
refusal of credentials over plain http, transports and context managers."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from korusticket import AsyncKorusTicket, InputError, KorusTicket

from tests.support.bodies import (
    CATALOG,
    CLIENT_ID,
    CLIENT_SECRET,
    DEMO_URL,
    PRODUCTION_URL,
    STATIC_TOKEN,
    TOKEN_URL,
    access_token,
    catalog_body,
)
from tests.support.mock_api import FakeSleep, MockAPI, jsonld

CLIENTS = [KorusTicket, AsyncKorusTicket]


def run(kt: Any, call: Any) -> Any:
    """Run ``call(kt)`` on a sync or async client and close it."""
    if isinstance(kt, KorusTicket):
        with kt:
            return call(kt)

    async def main() -> Any:
        async with kt:
            return await call(kt)

    return asyncio.run(main())


# --- environments and base_url --------------------------------------------------------------------


@pytest.mark.parametrize("cls", CLIENTS)
def test_demo_is_the_default_environment(cls: type, api: MockAPI) -> None:
    kt = cls(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, transport=api.transport())
    assert kt.base_url == DEMO_URL
    run(kt, lambda kt: kt.catalogs.get(CATALOG))
    assert str(api.api_requests[0].url) == f"{DEMO_URL}/v1/ticketing/catalogs/{CATALOG}"


@pytest.mark.parametrize("cls", CLIENTS)
def test_production_environment(cls: type, api: MockAPI) -> None:
    kt = cls(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, environment="production", transport=api.transport())
    assert kt.base_url == PRODUCTION_URL
    run(kt, lambda kt: kt.catalogs.get(CATALOG))
    assert api.api_requests[0].url.host == "api.korusticket.com"


@pytest.mark.parametrize("cls", CLIENTS)
def test_base_url_overrides_environment(cls: type, api: MockAPI) -> None:
    kt = cls(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        environment="production",
        base_url="https://proxy.example.com/korus/",
        token_url=TOKEN_URL,
        transport=api.transport(),
    )
    api.replies = [jsonld(catalog_body())]
    assert kt.base_url == "https://proxy.example.com/korus"
    run(kt, lambda kt: kt.catalogs.get(CATALOG))
    assert str(api.api_requests[0].url) == f"https://proxy.example.com/korus/v1/ticketing/catalogs/{CATALOG}"


@pytest.mark.parametrize("environment", ["staging", "Production", "sandbox"])
def test_unknown_environment_is_an_input_error(environment: str) -> None:
    with pytest.raises(InputError) as info:
        KorusTicket(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, environment=environment)
    assert info.value.field == "environment"
    assert isinstance(info.value, ValueError)


# --- token_url -----------------------------------------------------------------------------------


def test_default_token_url_is_the_documented_keycloak_realm(api: MockAPI, client: KorusTicket) -> None:
    client.catalogs.get(CATALOG)
    assert str(api.token_requests[0].url) == TOKEN_URL


@pytest.mark.parametrize("cls", CLIENTS)
def test_token_url_argument(cls: type) -> None:
    url = "https://auth.demo.example.com/realms/korusticket/protocol/openid-connect/token"
    api = MockAPI(token_url=url)
    kt = cls(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, token_url=url, transport=api.transport())
    run(kt, lambda kt: kt.catalogs.get(CATALOG))
    assert [str(r.url) for r in api.token_requests] == [url]
    assert api.api_requests[0].headers["Authorization"] == f"Bearer {access_token(1)}"


# --- environment variables -----------------------------------------------------------------------


def test_credentials_come_from_the_environment(monkeypatch: pytest.MonkeyPatch, api: MockAPI) -> None:
    monkeypatch.setenv("KORUSTICKET_CLIENT_ID", "env-client")
    monkeypatch.setenv("KORUSTICKET_CLIENT_SECRET", "env-secret-value")
    kt = KorusTicket(transport=api.transport())
    run(kt, lambda kt: kt.catalogs.get(CATALOG))
    body = api.token_requests[0].content.decode()
    assert "client_id=env-client" in body
    assert "client_secret=env-secret-value" in body


def test_explicit_arguments_win_over_the_environment(monkeypatch: pytest.MonkeyPatch, api: MockAPI) -> None:
    monkeypatch.setenv("KORUSTICKET_CLIENT_ID", "env-client")
    monkeypatch.setenv("KORUSTICKET_CLIENT_SECRET", "env-secret-value")
    monkeypatch.setenv("KORUSTICKET_ENVIRONMENT", "production")
    kt = KorusTicket(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, environment="demo", transport=api.transport())
    assert kt.base_url == DEMO_URL
    run(kt, lambda kt: kt.catalogs.get(CATALOG))
    assert f"client_id={CLIENT_ID}" in api.token_requests[0].content.decode()


def test_token_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, api: MockAPI) -> None:
    monkeypatch.setenv("KORUSTICKET_TOKEN", STATIC_TOKEN)
    kt = KorusTicket(transport=api.transport())
    run(kt, lambda kt: kt.catalogs.get(CATALOG))
    assert api.token_requests == []
    assert api.api_requests[0].headers["Authorization"] == f"Bearer {STATIC_TOKEN}"


def test_token_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    url = "https://auth.example.com/realms/korusticket/protocol/openid-connect/token"
    api = MockAPI(token_url=url)
    monkeypatch.setenv("KORUSTICKET_TOKEN_URL", url)
    kt = KorusTicket(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, transport=api.transport())
    run(kt, lambda kt: kt.catalogs.get(CATALOG))
    assert [str(r.url) for r in api.token_requests] == [url]


def test_base_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, api: MockAPI) -> None:
    monkeypatch.setenv("KORUSTICKET_BASE_URL", "https://gateway.example.com")
    monkeypatch.setenv("KORUSTICKET_TOKEN_URL", "https://gateway.example.com/token")
    monkeypatch.setenv("KORUSTICKET_ENVIRONMENT", "production")  # base_url wins over environment
    kt = KorusTicket(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, transport=api.transport())
    assert kt.base_url == "https://gateway.example.com"


def test_environment_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KORUSTICKET_ENVIRONMENT", "production")
    assert KorusTicket(client_id=CLIENT_ID, client_secret=CLIENT_SECRET).base_url == PRODUCTION_URL
    monkeypatch.setenv("KORUSTICKET_ENVIRONMENT", "nowhere")
    with pytest.raises(InputError):
        KorusTicket(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)


@pytest.mark.parametrize("cls", CLIENTS)
@pytest.mark.parametrize(
    "kwargs", [{}, {"client_id": CLIENT_ID}, {"client_secret": CLIENT_SECRET}], ids=["none", "no-secret", "no-id"]
)
def test_missing_credentials_are_an_input_error(cls: type, kwargs: dict[str, str]) -> None:
    with pytest.raises(InputError) as info:
        cls(**kwargs)
    assert "KORUSTICKET_" in str(info.value)


def test_empty_environment_variables_count_as_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KORUSTICKET_CLIENT_ID", "")
    monkeypatch.setenv("KORUSTICKET_CLIENT_SECRET", "")
    with pytest.raises(InputError):
        KorusTicket()


# --- http refused except loopback -----------------------------------------------------------------


@pytest.mark.parametrize("cls", CLIENTS)
@pytest.mark.parametrize("url", ["http://api.korusticket.com", "http://10.0.0.5:8000", "ftp://api.korusticket.com"])
def test_plain_http_base_url_is_refused(cls: type, url: str) -> None:
    with pytest.raises(InputError) as info:
        cls(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, base_url=url, token_url=TOKEN_URL)
    assert info.value.field == "base_url"
    with pytest.raises(InputError):
        cls(token=STATIC_TOKEN, base_url=url)


@pytest.mark.parametrize("cls", CLIENTS)
def test_plain_http_token_url_is_refused(cls: type) -> None:
    with pytest.raises(InputError) as info:
        cls(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, token_url="http://auth.korusticket.com/token")
    assert info.value.field == "token_url"


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "[::1]"])
def test_plain_http_is_allowed_to_loopback(host: str) -> None:
    api = MockAPI(token_url=f"http://{host}:8080/token")
    kt = KorusTicket(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        base_url=f"http://{host}:8000",
        token_url=f"http://{host}:8080/token",
        transport=api.transport(),
    )
    run(kt, lambda kt: kt.catalogs.get(CATALOG))
    assert api.api_requests[0].url.scheme == "http"
    assert len(api.token_requests) == 1


def test_plain_http_loopback_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KORUSTICKET_BASE_URL", "http://localhost:8000")
    monkeypatch.setenv("KORUSTICKET_TOKEN", STATIC_TOKEN)
    assert KorusTicket().base_url == "http://localhost:8000"
    monkeypatch.setenv("KORUSTICKET_BASE_URL", "http://api.korusticket.com")
    with pytest.raises(InputError):
        KorusTicket()


# --- timeout, max_retries, language, transport ---------------------------------------------------


def test_timeout_and_max_retries_arguments(api: MockAPI) -> None:
    sleep = FakeSleep()
    api.replies = [httpx.Response(503), httpx.Response(503)]
    kt = KorusTicket(token=STATIC_TOKEN, transport=api.transport(), timeout=12.5, max_retries=2, sleep=sleep)
    run(kt, lambda kt: kt.catalogs.get(CATALOG))
    assert len(api.api_requests) == 3
    assert len(sleep.calls) == 2
    assert api.api_requests[0].extensions["timeout"] == {"connect": 5.0, "read": 12.5, "write": 12.5, "pool": 12.5}


def test_max_retries_zero_disables_retries(api: MockAPI) -> None:
    from korusticket import ServerError

    api.replies = [httpx.Response(503)]
    kt = KorusTicket(token=STATIC_TOKEN, transport=api.transport(), max_retries=0, sleep=FakeSleep())
    with pytest.raises(ServerError):
        run(kt, lambda kt: kt.catalogs.get(CATALOG))
    assert len(api.api_requests) == 1


@pytest.mark.parametrize("value", [-1, 1.5, "2", True])
def test_bad_max_retries_is_an_input_error(value: Any) -> None:
    with pytest.raises(InputError) as info:
        KorusTicket(token=STATIC_TOKEN, max_retries=value)
    assert info.value.field == "max_retries"


def test_language_argument_is_sent(api: MockAPI) -> None:
    kt = KorusTicket(token=STATIC_TOKEN, language="fr", transport=api.transport())
    run(kt, lambda kt: kt.catalogs.get(CATALOG))
    assert api.api_requests[0].headers["Accept-Language"] == "fr"


@pytest.mark.parametrize("cls", CLIENTS)
def test_transport_carries_api_and_token_requests(cls: type, api: MockAPI) -> None:
    kt = cls(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, transport=api.transport())
    run(kt, lambda kt: kt.catalogs.get(CATALOG))
    assert [r.url.host for r in api.requests] == ["auth.korusticket.com", "api.demo.korusticket.com"]


# --- context managers ---------------------------------------------------------------------------------


def test_sync_context_manager_closes_the_pool(api: MockAPI) -> None:
    with KorusTicket(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, transport=api.transport()) as kt:
        kt.catalogs.get(CATALOG)
        assert api.closed == 0
        assert not kt._core.http.is_closed
    assert api.closed >= 1
    assert kt._core.http.is_closed


def test_async_context_manager_closes_the_pool(api: MockAPI) -> None:
    async def main() -> AsyncKorusTicket:
        async with AsyncKorusTicket(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, transport=api.transport()) as kt:
            await kt.catalogs.get(CATALOG)
            assert api.closed == 0
            assert not kt._core.http.is_closed
        return kt

    kt = asyncio.run(main())
    assert api.closed >= 1
    assert kt._core.http.is_closed


def test_context_manager_closes_on_error(api: MockAPI) -> None:
    with (
        pytest.raises(RuntimeError),
        KorusTicket(token=STATIC_TOKEN, transport=api.transport()) as kt,
    ):
        raise RuntimeError("boom")
    assert kt._core.http.is_closed
    assert api.closed >= 1


def test_close_without_any_request(api: MockAPI) -> None:
    kt = KorusTicket(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, transport=api.transport())
    kt.close()
    assert kt._core.http.is_closed
    assert api.requests == []


def test_context_manager_returns_the_client() -> None:
    kt = KorusTicket(token=STATIC_TOKEN, transport=MockAPI(strict=True).transport())
    with kt as entered:
        assert entered is kt


# --- a custom base_url needs its own token URL (issue 14) -------------------------------------------


@pytest.mark.parametrize("cls", CLIENTS)
def test_custom_base_url_with_credentials_needs_token_url(cls: type, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KORUSTICKET_TOKEN_URL", raising=False)
    with pytest.raises(InputError) as info:
        cls(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, base_url="http://127.0.0.1:8787")
    assert info.value.field == "token_url"
    assert "token_url" in str(info.value)
    assert CLIENT_SECRET not in str(info.value)


@pytest.mark.parametrize("cls", CLIENTS)
def test_custom_base_url_from_the_environment_needs_token_url(cls: type, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KORUSTICKET_TOKEN_URL", raising=False)
    monkeypatch.setenv("KORUSTICKET_BASE_URL", "https://proxy.example.com")
    with pytest.raises(InputError) as info:
        cls(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    assert info.value.field == "token_url"
    monkeypatch.setenv("KORUSTICKET_TOKEN_URL", "https://proxy.example.com/token")
    assert cls(client_id=CLIENT_ID, client_secret=CLIENT_SECRET).base_url == "https://proxy.example.com"


@pytest.mark.parametrize("cls", CLIENTS)
def test_static_token_or_known_environment_needs_no_token_url(cls: type, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KORUSTICKET_TOKEN_URL", raising=False)
    assert cls(token=STATIC_TOKEN, base_url="http://127.0.0.1:8787").base_url == "http://127.0.0.1:8787"
    assert cls(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, base_url=PRODUCTION_URL).base_url == PRODUCTION_URL
    assert cls(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, base_url=DEMO_URL + "/").base_url == DEMO_URL
