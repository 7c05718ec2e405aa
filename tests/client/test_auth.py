"""OAuth2 client credentials: lazy, cached, renewed early, renewed once on a 401 with the request
replayed, a single token request in flight for 20 threads or 20 tasks, token endpoint errors,
and the static bearer token mode."""

from __future__ import annotations

import asyncio
import threading
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
from korusticket import AuthenticationError, KorusTicket, ServerError
from korusticket.testing import FakeClock

from tests.support.bodies import (
    CATALOG,
    CLIENT_ID,
    CLIENT_SECRET,
    STATIC_TOKEN,
    TOKEN_URL,
    access_token,
    catalog_body,
    error_body,
    keycloak_token,
)
from tests.support.mock_api import MockAPI, jsonld, route


def bearer(request: httpx.Request) -> str:
    return request.headers["Authorization"]


def unauthorized() -> httpx.Response:
    # Lexik JWT firewall answer (the 401 body is undocumented)
    return httpx.Response(401, json={"code": 401, "message": "Expired JWT Token"})


# --- lazy, cached, form body -----------------------------------------------------------------


def test_token_is_fetched_lazily_on_the_first_request(api: MockAPI, make_client: Any) -> None:
    kt = make_client()
    assert api.requests == []
    kt.catalogs.get(CATALOG)
    assert [r.method + " " + str(r.url) for r in api.requests] == [
        f"POST {TOKEN_URL}",
        f"GET https://api.demo.korusticket.com/v1/ticketing/catalogs/{CATALOG}",
    ]


def test_token_request_is_a_client_credentials_form_post(api: MockAPI, client: KorusTicket) -> None:
    client.catalogs.get(CATALOG)
    [token_request] = api.token_requests
    assert token_request.method == "POST"
    assert token_request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert parse_qs(token_request.content.decode()) == {
        "grant_type": ["client_credentials"],
        "client_id": [CLIENT_ID],
        "client_secret": [CLIENT_SECRET],
    }
    assert "Authorization" not in token_request.headers


def test_token_is_cached_and_sent_as_bearer(api: MockAPI, client: KorusTicket) -> None:
    for _ in range(5):
        client.catalogs.get(CATALOG)
    list(client.catalogs.list())
    assert len(api.token_requests) == 1
    assert {bearer(r) for r in api.api_requests} == {f"Bearer {access_token(1)}"}


# --- renewal ---------------------------------------------------------------------------------------


def test_token_is_renewed_shortly_before_expires_in(api: MockAPI, client: KorusTicket, clock: FakeClock) -> None:
    api.expires_in = 1800
    client.catalogs.get(CATALOG)
    clock.advance(1800 - 60)  # a minute before expiry: still good
    client.catalogs.get(CATALOG)
    assert len(api.token_requests) == 1
    clock.advance(50)  # ten seconds before expiry: renewed early, not after a 401
    client.catalogs.get(CATALOG)
    assert len(api.token_requests) == 2
    assert [bearer(r) for r in api.api_requests] == [
        f"Bearer {access_token(1)}",
        f"Bearer {access_token(1)}",
        f"Bearer {access_token(2)}",
    ]
    assert len(api.api_requests) == 3  # renewed ahead of time: no 401 was needed


def test_short_lived_token_is_renewed_before_it_expires(api: MockAPI, client: KorusTicket, clock: FakeClock) -> None:
    api.expires_in = 20
    client.catalogs.get(CATALOG)
    clock.advance(5)
    client.catalogs.get(CATALOG)
    clock.advance(10)  # 15 s of 20: inside the renewal margin
    client.catalogs.get(CATALOG)
    assert len(api.token_requests) == 2


def test_401_renews_once_and_replays_the_request(api: MockAPI, client: KorusTicket) -> None:
    api.replies = [unauthorized()]  # the first token was revoked server-side
    catalog = client.catalogs.get(CATALOG)
    assert catalog.id == CATALOG
    assert len(api.token_requests) == 2
    first, replay = api.api_requests
    assert (first.method, first.url) == (replay.method, replay.url)
    assert bearer(first) == f"Bearer {access_token(1)}"
    assert bearer(replay) == f"Bearer {access_token(2)}"
    # the renewed token is kept
    client.catalogs.get(CATALOG)
    assert len(api.token_requests) == 2
    assert bearer(api.api_requests[-1]) == f"Bearer {access_token(2)}"


def test_401_replay_keeps_the_json_body(api: MockAPI, client: KorusTicket) -> None:
    api.replies = [unauthorized()]
    client.order_documents.refresh_url("0197cb40-0a9a-772d-9c06-94f4ebf74643", "0194b6c7-cbc8-7e79-b8a8-e95ffe2acb49")
    first, replay = api.api_requests
    assert first.content == replay.content == b"{}"
    assert replay.headers["Content-Type"] == "application/merge-patch+json"


def test_second_401_is_raised_not_renewed_again(api: MockAPI, client: KorusTicket) -> None:
    api.replies = [unauthorized(), unauthorized()]
    with pytest.raises(AuthenticationError) as info:
        client.catalogs.get(CATALOG)
    assert info.value.status_code == 401
    assert info.value.detail == "Expired JWT Token"
    assert len(api.token_requests) == 2
    assert len(api.api_requests) == 2


def test_async_401_renews_once_and_replays(api: MockAPI, make_async_client: Any) -> None:
    api.replies = [unauthorized()]

    async def main() -> None:
        async with make_async_client() as kt:
            catalog = await kt.catalogs.get(CATALOG)
            assert catalog.id == CATALOG

    asyncio.run(main())
    assert len(api.token_requests) == 2
    assert [bearer(r) for r in api.api_requests] == [f"Bearer {access_token(1)}", f"Bearer {access_token(2)}"]


def test_async_token_is_cached_and_renewed_early(api: MockAPI, make_async_client: Any, clock: FakeClock) -> None:
    async def main() -> None:
        async with make_async_client() as kt:
            await kt.catalogs.get(CATALOG)
            await kt.catalogs.get(CATALOG)
            clock.advance(1790)
            await kt.catalogs.get(CATALOG)

    asyncio.run(main())
    assert len(api.token_requests) == 2


# --- single flight ------------------------------------------------------------------------------


class CountingLock:
    """Wraps the credentials' lock to count threads that asked for it (white-box hook that makes
    the race deterministic: the token endpoint answers only once every thread waits)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.asked = 0
        self.changed = threading.Condition()

    def __enter__(self) -> Any:
        with self.changed:
            self.asked += 1
            self.changed.notify_all()
        return self.inner.__enter__()

    def __exit__(self, *exc: object) -> Any:
        return self.inner.__exit__(*exc)

    def wait_for(self, count: int, timeout: float) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: self.asked >= count, timeout)


def test_one_token_request_for_20_concurrent_threads(api: MockAPI, make_client: Any) -> None:
    threads_count = 20
    kt = make_client()
    auth = kt._core.auth
    assert isinstance(auth._lock, type(threading.Lock()))
    lock = auth._lock = CountingLock(auth._lock)
    in_token_endpoint = threading.Event()
    all_waiting = threading.Event()

    def slow_token(request: httpx.Request) -> httpx.Response:
        in_token_endpoint.set()
        # Hold the answer until every thread has asked for the token (bounded, never a sleep).
        if lock.wait_for(threads_count, timeout=10):
            all_waiting.set()
        return api.issue_token(request)

    api.token_replies = [slow_token] * threads_count
    barrier = threading.Barrier(threads_count)
    results: list[Any] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            barrier.wait(timeout=10)
            results.append(kt.catalogs.get(CATALOG))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    assert all_waiting.is_set(), "the token request did not overlap with the other threads"
    assert in_token_endpoint.is_set()
    assert len(results) == threads_count
    assert len(api.token_requests) == 1
    assert len(api.api_requests) == threads_count
    assert {bearer(r) for r in api.api_requests} == {f"Bearer {access_token(1)}"}


def test_one_token_request_for_20_concurrent_tasks(api: MockAPI, make_async_client: Any) -> None:
    tasks_count = 20
    started = 0

    async def main() -> list[Any]:
        release = asyncio.Event()

        async def slow_token(request: httpx.Request) -> httpx.Response:
            await release.wait()
            return api.issue_token(request)

        api.token_replies = [slow_token]  # the first token request waits for `release`

        async def one(kt: Any) -> Any:
            nonlocal started
            started += 1
            return await kt.catalogs.get(CATALOG)

        async with make_async_client() as kt:
            tasks = [asyncio.ensure_future(one(kt)) for _ in range(tasks_count)]
            # let every task run up to its wait for the token (loop turns, no timed sleep)
            for _ in range(200):
                await asyncio.sleep(0)
            assert started == tasks_count
            assert len(api.token_requests) == 1
            release.set()
            return await asyncio.gather(*tasks)

    results = asyncio.run(main())
    assert len(results) == tasks_count
    assert len(api.token_requests) == 1
    assert len(api.api_requests) == tasks_count
    assert {bearer(r) for r in api.api_requests} == {f"Bearer {access_token(1)}"}


# --- token endpoint failures ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "error", "description"),
    [
        (401, "unauthorized_client", "Invalid client or Invalid client credentials"),
        (400, "invalid_client", "Invalid client credentials"),
        (400, "invalid_grant", "Account disabled"),
    ],
)
def test_token_endpoint_error_raises_authentication_error(
    api: MockAPI, client: KorusTicket, status: int, error: str, description: str
) -> None:
    api.token_replies = [httpx.Response(status, json={"error": error, "error_description": description})]
    with pytest.raises(AuthenticationError) as info:
        client.catalogs.get(CATALOG)
    exc = info.value
    assert exc.error == error
    assert exc.error_description == description
    assert exc.status_code == status
    assert error in str(exc)
    assert description in str(exc)
    assert api.api_requests == []  # nothing was sent to the API without a token


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_token_endpoint_5xx_is_a_server_error_not_refused_credentials(
    api: MockAPI, client: KorusTicket, status: int
) -> None:
    api.token_replies = [httpx.Response(status, text="<html><body>Bad Gateway</body></html>")]
    with pytest.raises(ServerError) as info:
        client.catalogs.get(CATALOG)
    assert not isinstance(info.value, AuthenticationError)
    assert info.value.status_code == status
    assert "server side" in str(info.value)
    assert "refused" not in str(info.value)
    assert api.api_requests == []


def test_token_endpoint_200_without_access_token_raises(api: MockAPI, client: KorusTicket) -> None:
    api.token_replies = [httpx.Response(200, json={"token_type": "Bearer"})]
    with pytest.raises(AuthenticationError):
        client.catalogs.get(CATALOG)


def test_async_token_endpoint_error_raises_authentication_error(api: MockAPI, make_async_client: Any) -> None:
    api.token_replies = [
        httpx.Response(401, json={"error": "unauthorized_client", "error_description": "Invalid client secret"})
    ]

    async def main() -> None:
        async with make_async_client() as kt:
            await kt.catalogs.get(CATALOG)

    with pytest.raises(AuthenticationError) as info:
        asyncio.run(main())
    assert info.value.error == "unauthorized_client"
    assert info.value.error_description == "Invalid client secret"


def test_failed_token_request_is_retried_on_the_next_call(api: MockAPI, client: KorusTicket) -> None:
    api.token_replies = [httpx.Response(503, json={"error": "temporarily_unavailable"})]
    with pytest.raises(ServerError):
        client.catalogs.get(CATALOG)
    client.catalogs.get(CATALOG)
    assert len(api.token_requests) == 2


# --- static token ----------------------------------------------------------------------------------


def test_static_token_is_sent_and_no_token_request_is_made(api: MockAPI, make_client: Any) -> None:
    kt = make_client(token=STATIC_TOKEN)
    kt.catalogs.get(CATALOG)
    kt.catalogs.get(CATALOG)
    assert api.token_requests == []
    assert {bearer(r) for r in api.api_requests} == {f"Bearer {STATIC_TOKEN}"}


def test_static_token_401_is_raised_without_renewal(api: MockAPI, make_client: Any) -> None:
    kt = make_client(token=STATIC_TOKEN)
    api.replies = [unauthorized()]
    with pytest.raises(AuthenticationError) as info:
        kt.catalogs.get(CATALOG)
    assert info.value.status_code == 401
    assert api.token_requests == []
    assert len(api.api_requests) == 1


def test_static_token_wins_over_client_credentials(api: MockAPI, make_client: Any) -> None:
    kt = make_client(token=STATIC_TOKEN, client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    kt.catalogs.get(CATALOG)
    assert api.token_requests == []


def test_async_static_token(api: MockAPI, make_async_client: Any) -> None:
    async def main() -> None:
        async with make_async_client(token=STATIC_TOKEN) as kt:
            await kt.catalogs.get(CATALOG)

    asyncio.run(main())
    assert api.token_requests == []
    assert [bearer(r) for r in api.api_requests] == [f"Bearer {STATIC_TOKEN}"]


def test_helpers_answer_documented_shapes() -> None:
    body = keycloak_token("x")
    assert body["expires_in"] == 1800
    assert body["token_type"] == "Bearer"
    assert catalog_body()["@type"] == "TicketingCatalog"
    assert error_body(404, "An error occurred", "Not Found")["status"] == 404
    assert jsonld({}).headers["Content-Type"] == "application/ld+json"
    assert route(httpx.Request("GET", "https://x/unknown")).status_code == 404
