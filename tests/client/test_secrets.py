"""The client secret and tokens appear in no repr, str, exception text or log record."""

from __future__ import annotations

import asyncio
import logging
import traceback
from typing import Any

import httpx
import pytest
from korusticket import (
    APIConnectionError,
    AuthenticationError,
    KorusTicket,
    KorusTicketError,
    NotFoundError,
)
from korusticket._auth import BearerToken, ClientCredentials, Secret

from tests.support.bodies import (
    CATALOG,
    CLIENT_ID,
    CLIENT_SECRET,
    REFRESH_TOKEN,
    STATIC_TOKEN,
    TOKEN_URL,
    access_token,
    error_body,
)
from tests.support.mock_api import MockAPI, jsonld

SECRETS = [CLIENT_SECRET, STATIC_TOKEN, REFRESH_TOKEN, access_token(1), access_token(2), access_token(3)]
# distinctive parts too, in case a secret is cut or split when shown
FRAGMENTS = ["SECRET-d41d8", "STATIC-bearer", "REFRESH-token", "ACCESS-00"]


def assert_clean(text: str, where: str = "") -> None:
    for secret in SECRETS + FRAGMENTS:
        assert secret not in text, f"{secret!r} leaked in {where or 'text'}: {text[:300]!r}"


def exception_texts(exc: BaseException) -> list[str]:
    """Everything an exception shows: str, repr, args, traceback, attributes and their chain."""
    texts = ["".join(traceback.format_exception(exc))]
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        texts += [str(current), repr(current), repr(current.args)]
        for name, value in vars(current).items():
            texts.append(f"{name}={value!r}")
            if isinstance(value, httpx.Response):
                texts += [repr(value.headers), repr(value.request), repr(value.request.headers)]
            if isinstance(value, httpx.Request):
                texts += [repr(value.headers)]
        current = current.__cause__ or current.__context__
    return texts


# --- reprs -------------------------------------------------------------------------------------------


def test_client_repr_and_str_hide_the_secret(make_client: Any) -> None:
    kt = make_client()
    kt.catalogs.get(CATALOG)  # a token is now cached
    for text in (repr(kt), str(kt), repr(kt._core.config), str(kt._core.config), repr(kt._core.auth)):
        assert_clean(text)
    assert CLIENT_ID in repr(kt)  # the id is not secret and helps debugging


def test_static_token_client_repr(make_client: Any) -> None:
    kt = make_client(token=STATIC_TOKEN)
    for text in (repr(kt), str(kt), repr(kt._core.config), repr(kt._core.auth), str(kt._core.auth)):
        assert_clean(text)


def test_a_static_token_in_the_default_headers_never_shows(make_client: Any) -> None:
    """A static token rides in the httpx client's default headers (no auth flow per call):
    httpx masks Authorization wherever the headers are shown."""
    kt = make_client(token=STATIC_TOKEN)
    http = kt._core.http
    assert http.headers["Authorization"] == f"Bearer {STATIC_TOKEN}"  # it is there...
    for text in (repr(http), repr(http.headers), str(http.headers)):
        assert_clean(text)  # ...and shows nowhere


def test_async_client_repr(make_async_client: Any) -> None:
    async def main() -> list[str]:
        async with make_async_client() as kt:
            await kt.catalogs.get(CATALOG)
            return [repr(kt), str(kt), repr(kt._core.config), repr(kt._core.auth)]

    for text in asyncio.run(main()):
        assert_clean(text)


def test_auth_objects_hide_their_values() -> None:
    secret = Secret(CLIENT_SECRET)
    assert_clean(repr(secret))
    assert_clean(str(secret))
    assert_clean(f"{secret}")
    assert secret.get() == CLIENT_SECRET
    assert_clean(repr(BearerToken(STATIC_TOKEN)))
    credentials = ClientCredentials(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, token_url=TOKEN_URL)
    assert_clean(repr(credentials))
    assert_clean(str(credentials))


def test_cached_token_object_repr(client: KorusTicket) -> None:
    client.catalogs.get(CATALOG)
    token = client._core.auth._token  # type: ignore[attr-defined]  # a ClientCredentials here
    assert token is not None
    assert_clean(repr(token))
    assert_clean(repr(vars(client._core.auth)))


def test_config_fields_are_hidden_from_attrs_repr(make_client: Any) -> None:
    config = make_client()._core.config
    assert_clean(repr(config))
    assert_clean(str(config))


# --- exceptions -------------------------------------------------------------------------------------------


def test_token_endpoint_error_hides_the_secret(api: MockAPI, client: KorusTicket) -> None:
    api.token_replies = [
        httpx.Response(401, json={"error": "unauthorized_client", "error_description": "Invalid client secret"})
    ]
    with pytest.raises(AuthenticationError) as info:
        client.catalogs.get(CATALOG)
    for text in exception_texts(info.value):
        assert_clean(text, "token endpoint error")


def test_token_endpoint_error_does_not_carry_the_secret_request(api: MockAPI, client: KorusTicket) -> None:
    body = {"error": "invalid_client", "error_description": "Invalid client credentials"}
    api.token_replies = [httpx.Response(401, json=body, headers={"Content-Encoding": "identity"})]
    with pytest.raises(AuthenticationError) as info:
        client.catalogs.get(CATALOG)
    response = info.value.response
    assert response.status_code == 401
    assert response.json() == body  # the answer is kept whole...
    assert str(response.request.url) == TOKEN_URL
    assert_clean(response.request.content.decode(), "the request kept by the exception")  # ...its form is not
    assert "Authorization" not in response.request.headers


def test_token_endpoint_connection_error_hides_the_secret(api: MockAPI, client: KorusTicket) -> None:
    api.token_replies = [httpx.ConnectError(f"cannot reach {TOKEN_URL}")]
    with pytest.raises(APIConnectionError) as info:
        client.catalogs.get(CATALOG)
    for text in exception_texts(info.value):
        assert_clean(text, "token connection error")


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422, 429, 500])
def test_api_errors_hide_the_token(api: MockAPI, make_client: Any, status: int) -> None:
    kt = make_client()
    api.replies = [jsonld(error_body(status, "An error occurred", "nope"), status)] * 2
    with pytest.raises(KorusTicketError) as info:
        kt.catalogs.get(CATALOG)
    for text in exception_texts(info.value):
        assert_clean(text, f"HTTP {status} error")


def test_static_token_api_error_hides_the_token(api: MockAPI, make_client: Any) -> None:
    kt = make_client(token=STATIC_TOKEN)
    api.replies = [jsonld(error_body(404, "An error occurred", "Not Found"), 404)]
    with pytest.raises(NotFoundError) as info:
        kt.catalogs.get(CATALOG)
    assert api.api_requests[-1].headers["Authorization"] == f"Bearer {STATIC_TOKEN}"  # it was sent...
    assert "Authorization" not in info.value.response.request.headers  # ...but the error keeps no copy
    for text in exception_texts(info.value):
        assert_clean(text, "static token error")


def test_transport_error_hides_the_token(api: MockAPI, client: KorusTicket) -> None:
    api.replies = [httpx.ReadTimeout("timed out")]
    with pytest.raises(KorusTicketError) as info:
        client.catalogs.get(CATALOG)
    for text in exception_texts(info.value):
        assert_clean(text, "transport error")


def test_input_errors_do_not_echo_credentials() -> None:
    with pytest.raises(KorusTicketError) as info:
        KorusTicket(
            client_id=CLIENT_ID, client_secret=CLIENT_SECRET, base_url="http://api.example.com", token_url=TOKEN_URL
        )
    for text in exception_texts(info.value):
        assert_clean(text)


# --- logs ------------------------------------------------------------------------------------------------


def record_texts(caplog: pytest.LogCaptureFixture) -> list[str]:
    texts = []
    for record in caplog.records:
        texts += [record.getMessage(), repr(record.args), repr(record.__dict__)]
    return texts


@pytest.fixture
def debug_logs(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    for name in ("korusticket", "httpx", "httpcore"):
        caplog.set_level(logging.DEBUG, logger=name)
    caplog.set_level(logging.DEBUG)
    return caplog


def test_debug_logs_of_a_full_cycle_hold_no_secret(
    api: MockAPI, make_client: Any, clock: Any, debug_logs: pytest.LogCaptureFixture
) -> None:
    kt = make_client(max_retries=1)
    kt.catalogs.get(CATALOG)  # token request + API request
    api.replies = [httpx.Response(401, json={"code": 401, "message": "Expired JWT Token"})]
    kt.catalogs.get(CATALOG)  # 401 -> renew -> replay
    clock.advance(3600)
    list(kt.catalogs.list())  # early renewal
    api.replies = [httpx.Response(503)]
    kt.catalogs.get(CATALOG)  # a retry
    api.token_replies = [httpx.Response(401, json={"error": "unauthorized_client", "error_description": "Invalid"})]
    clock.advance(3600)
    with pytest.raises(AuthenticationError):
        kt.catalogs.get(CATALOG)
    assert len(api.token_requests) == 4
    names = {record.name for record in debug_logs.records}
    assert {"korusticket", "httpx"} <= names  # both log here, so the check is not vacuous
    for text in record_texts(debug_logs):
        assert_clean(text, "a log record")


def test_async_debug_logs_hold_no_secret(
    api: MockAPI, make_async_client: Any, debug_logs: pytest.LogCaptureFixture
) -> None:
    async def main() -> None:
        async with make_async_client() as kt:
            api.replies = [httpx.Response(401)]
            await kt.catalogs.get(CATALOG)

    asyncio.run(main())
    assert len(api.token_requests) == 2
    assert debug_logs.records
    for text in record_texts(debug_logs):
        assert_clean(text, "a log record")
