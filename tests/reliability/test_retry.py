"""Retries in the httpx layer: which failures, how long to wait, how often, and what is logged."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from datetime import timedelta
from email.utils import format_datetime

import httpx
import pytest
from korusticket import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AsyncKorusTicket,
    KorusTicket,
    RateLimitError,
    ServerError,
)
from korusticket._retry import RetryPolicy, parse_retry_after
from korusticket.testing import FakeClock

from tests.support.bodies import TOKEN_URL
from tests.support.mock_api import MockAPI, jsonld, problem
from tests.support.numbered_bodies import NOW, reservation_body, uid

RID = uid(301)
PATH = f"/v1/booking/reservations/{RID}"
ORDER, ITEM, TICKET = uid(401), uid(801), uid(901)
TICKET_PATH = f"/v1/booking/orders/{ORDER}/items/{ITEM}/tickets/{TICKET}"
DOCUMENT_PATH = f"/v1/booking/orders/{ORDER}/documents/{uid(950)}"


def ok() -> httpx.Response:
    return jsonld(reservation_body(1))


def ticket_body() -> dict[str, object]:
    return {"@id": TICKET_PATH, "@type": "OrderItemTicketResource", "id": TICKET, "status": "validated"}


# --- GET -----------------------------------------------------------------------------------------


def test_get_503_with_retry_after_zero_then_200_takes_exactly_two_requests(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float]
) -> None:
    script.add("GET", PATH, problem(503, headers={"Retry-After": "0"}), ok())

    reservation = make_client().reservations.get(RID)

    assert reservation.id == RID
    assert len(script.requests) == 2
    assert sleeps == [0.0]
    assert not script.leftover()


def test_429_with_http_date_retry_after_waits_until_that_date(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float]
) -> None:
    # The fake clock says 12:00:00; the server asks to come back at 12:00:07.
    script.add("GET", PATH, problem(429, headers={"Retry-After": "Sun, 01 Jun 2025 12:00:07 GMT"}), ok())

    make_client().reservations.get(RID)

    assert sleeps == [7.0]
    assert len(script.requests) == 2


def test_retry_after_in_seconds_is_honoured(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float]
) -> None:
    script.add("GET", PATH, problem(503, headers={"Retry-After": "3"}), ok())

    make_client().reservations.get(RID)

    assert sleeps == [3.0]


def test_retry_after_at_the_cap_is_still_waited(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float]
) -> None:
    script.add("GET", PATH, problem(503, headers={"Retry-After": "60"}), ok())

    make_client().reservations.get(RID)

    assert sleeps == [60.0]


@pytest.mark.parametrize("retry_after", ["61", "3600", "Sun, 01 Jun 2025 13:00:00 GMT"])
def test_retry_after_above_the_cap_is_not_retried(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float], retry_after: str
) -> None:
    script.add("GET", PATH, problem(503, headers={"Retry-After": retry_after}))

    with pytest.raises(ServerError) as info:
        make_client().reservations.get(RID)

    assert info.value.status_code == 503
    assert len(script.requests) == 1
    assert sleeps == []


def test_429_above_the_cap_raises_rate_limit_error_with_retry_after(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float]
) -> None:
    script.add("GET", PATH, problem(429, headers={"Retry-After": "120"}))

    with pytest.raises(RateLimitError) as info:
        make_client().reservations.get(RID)

    assert info.value.retry_after == 120.0
    assert len(script.requests) == 1
    assert sleeps == []


def test_unparseable_retry_after_falls_back_to_backoff(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float]
) -> None:
    script.add("GET", PATH, problem(503, headers={"Retry-After": "soon"}), ok())

    make_client().reservations.get(RID)

    assert len(sleeps) == 1
    assert 0.25 <= sleeps[0] <= 0.5  # first backoff step, with jitter


@pytest.mark.parametrize("status", [408, 429, 502, 503, 504])
def test_retryable_statuses_are_retried_on_get(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float], status: int
) -> None:
    script.add("GET", PATH, problem(status), ok())

    assert make_client().reservations.get(RID).id == RID
    assert len(script.requests) == 2
    assert len(sleeps) == 1


@pytest.mark.parametrize("status", [400, 401, 403, 404, 409, 422, 500])
def test_other_statuses_are_not_retried(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float], status: int
) -> None:
    script.add("GET", PATH, problem(status))

    with pytest.raises(APIError) as info:
        make_client().reservations.get(RID)

    assert info.value.status_code == status

    assert len(script.requests) == 1
    assert sleeps == []


@pytest.mark.parametrize("failure", [httpx.ConnectError, httpx.ConnectTimeout, httpx.ReadTimeout, httpx.ReadError])
def test_transport_failures_on_get_are_retried(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float], failure: type[Exception]
) -> None:
    script.add("GET", PATH, failure, ok())

    assert make_client().reservations.get(RID).id == RID
    assert len(script.requests) == 2
    assert len(sleeps) == 1


def test_default_budget_is_two_retries_then_the_error(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float]
) -> None:
    script.add("GET", PATH, *[problem(503) for _ in range(3)])

    with pytest.raises(ServerError):
        make_client().reservations.get(RID)

    assert len(script.requests) == 3
    assert len(sleeps) == 2


def test_connection_failures_exhausting_the_budget_raise_connection_error(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    script.add("GET", PATH, httpx.ConnectError, httpx.ConnectError, httpx.ConnectError)

    with pytest.raises(APIConnectionError) as info:
        make_client().reservations.get(RID)

    assert not isinstance(info.value, APITimeoutError)
    assert len(script.requests) == 3


def test_read_timeouts_exhausting_the_budget_raise_timeout_error(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    script.add("GET", PATH, httpx.ReadTimeout, httpx.ReadTimeout, httpx.ReadTimeout)

    with pytest.raises(APITimeoutError):
        make_client().reservations.get(RID)

    assert len(script.requests) == 3


def test_client_max_retries_sets_the_budget(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float]
) -> None:
    script.add("GET", PATH, *[problem(503) for _ in range(4)], ok())

    assert make_client(max_retries=4).reservations.get(RID).id == RID
    assert len(script.requests) == 5
    assert len(sleeps) == 4


def test_client_max_retries_zero_disables_retries(script: MockAPI, make_client: Callable[..., KorusTicket]) -> None:
    script.add("GET", PATH, problem(503), ok())

    with pytest.raises(ServerError):
        make_client(max_retries=0).reservations.get(RID)

    assert len(script.requests) == 1


def test_per_call_max_retries_zero_disables_retries(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float]
) -> None:
    script.add("GET", PATH, problem(503, headers={"Retry-After": "0"}), ok())

    with pytest.raises(ServerError):
        make_client().reservations.get(RID, max_retries=0)

    assert len(script.requests) == 1
    assert sleeps == []


def test_per_call_max_retries_overrides_the_client_both_ways(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client(max_retries=0)
    script.add("GET", PATH, problem(503), problem(503), problem(503), ok())

    assert kt.reservations.get(RID, max_retries=3).id == RID
    assert len(script.requests) == 4

    # The override applied to that call only.
    script.add("GET", PATH, problem(503), ok())
    with pytest.raises(ServerError):
        kt.reservations.get(RID)
    assert len(script.requests) == 5


def test_patch_is_retried_on_503(script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float]) -> None:
    script.add("PATCH", TICKET_PATH, problem(503), jsonld(ticket_body()))

    ticket = make_client().order_tickets.set_beneficiary(ORDER, ITEM, TICKET, {"firstname": "John", "lastname": "Doe"})

    assert ticket.id == TICKET
    attempts = script.attempts("PATCH", TICKET_PATH)
    assert len(attempts) == 2
    assert attempts[0].content == attempts[1].content  # the same merge-patch body, sent again
    assert attempts[1].headers["Content-Type"] == "application/merge-patch+json"
    assert len(sleeps) == 1


def test_patch_is_retried_after_a_read_timeout(script: MockAPI, make_client: Callable[..., KorusTicket]) -> None:
    body = {"@id": DOCUMENT_PATH, "id": uid(950), "temporaryUrl": "https://storage.googleapis.com/b/x.pdf"}
    script.add("PATCH", DOCUMENT_PATH, httpx.ReadTimeout, jsonld(body))

    document = make_client().order_documents.refresh_url(ORDER, uid(950))

    assert document.id == uid(950)
    assert len(script.sent("PATCH", DOCUMENT_PATH)) == 2


# --- backoff -------------------------------------------------------------------------------------


@pytest.mark.parametrize("attempt", range(7))
@pytest.mark.parametrize("draw", [0.0, 0.25, 0.5, 0.999999])
def test_backoff_is_exponential_capped_and_jittered_within_bounds(attempt: int, draw: float) -> None:
    policy = RetryPolicy(random=lambda: draw)
    ceiling = min(policy.max_delay, policy.initial_delay * 2**attempt)

    delay = policy.backoff(attempt)

    assert ceiling / 2 <= delay <= ceiling
    assert delay <= policy.max_delay


def test_backoff_jitter_spreads_the_delays() -> None:
    low = RetryPolicy(random=lambda: 0.0).backoff(2)
    high = RetryPolicy(random=lambda: 0.999).backoff(2)

    assert low < high
    assert low == pytest.approx(1.0)  # 0.5 * 2**2, halved by the lowest draw


def test_backoff_grows_between_attempts_on_the_wire(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float]
) -> None:
    script.add("GET", PATH, problem(503), problem(502), ok())

    make_client().reservations.get(RID)

    assert len(sleeps) == 2
    assert 0.25 <= sleeps[0] <= 0.5
    assert 0.5 <= sleeps[1] <= 1.0


def test_parse_retry_after_uses_the_injected_clock() -> None:
    def now() -> object:
        return NOW

    assert parse_retry_after("Sun, 01 Jun 2025 12:00:07 GMT", now) == 7.0  # type: ignore[arg-type]
    assert parse_retry_after("Sun, 01 Jun 2025 11:59:00 GMT", now) == 0.0  # type: ignore[arg-type]
    assert parse_retry_after("2.5") == 2.5
    assert parse_retry_after("-4") == 0.0
    assert parse_retry_after("") is None
    assert parse_retry_after("tomorrow") is None


# --- logging -------------------------------------------------------------------------------------


def test_each_retry_is_logged_at_debug_with_its_reason(
    script: MockAPI, make_client: Callable[..., KorusTicket], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="korusticket")
    script.add("GET", PATH, problem(503), httpx.ConnectError, ok())

    make_client().reservations.get(RID)

    retries = [r for r in caplog.records if r.name == "korusticket" and "retrying" in r.getMessage()]
    assert len(retries) == 2
    assert all(r.levelno == logging.DEBUG for r in retries)
    assert "HTTP 503" in retries[0].getMessage()
    assert "ConnectError" in retries[1].getMessage()
    assert all(f"GET {PATH}" in r.getMessage() for r in retries)


def test_refusing_a_long_retry_after_is_logged(
    script: MockAPI, make_client: Callable[..., KorusTicket], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="korusticket")
    script.add("GET", PATH, problem(503, headers={"Retry-After": "600"}))

    with pytest.raises(ServerError):
        make_client().reservations.get(RID)

    messages = [r.getMessage() for r in caplog.records if r.name == "korusticket"]
    assert any("not retrying" in m and "Retry-After" in m for m in messages)
    assert not any(m.startswith("retrying") for m in messages)


# --- client credentials --------------------------------------------------------------------------


def test_retries_with_client_credentials_reuse_the_token(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float]
) -> None:
    token = {"access_token": "abc", "expires_in": 1800, "token_type": "Bearer"}
    script.add("POST", httpx.URL(TOKEN_URL).path, httpx.Response(200, json=token))
    script.add("GET", PATH, problem(503, headers={"Retry-After": "0"}), ok())

    kt = make_client(token=None, client_id="id", client_secret="secret")
    assert kt.reservations.get(RID).id == RID

    gets = script.attempts("GET", PATH)
    assert len(gets) == 2
    assert [r.headers["Authorization"] for r in gets] == ["Bearer abc", "Bearer abc"]
    assert len(script.attempts("POST", httpx.URL(TOKEN_URL).path)) == 1
    assert sleeps == [0.0]


# --- async ---------------------------------------------------------------------------------------


def test_async_get_503_then_200_takes_two_requests(
    script: MockAPI, make_async_client: Callable[..., AsyncKorusTicket], sleeps: list[float]
) -> None:
    script.add("GET", PATH, problem(503, headers={"Retry-After": "0"}), ok())

    async def main() -> str | object:
        async with make_async_client() as kt:
            return (await kt.reservations.get(RID)).id

    assert asyncio.run(main()) == RID
    assert len(script.requests) == 2
    assert sleeps == [0.0]


def test_async_http_date_retry_after(
    script: MockAPI, make_async_client: Callable[..., AsyncKorusTicket], sleeps: list[float], clock: FakeClock
) -> None:
    script.add("GET", PATH, problem(429, headers={"Retry-After": "Sun, 01 Jun 2025 12:00:07 GMT"}), ok())

    async def main() -> None:
        async with make_async_client() as kt:
            await kt.reservations.get(RID)

    asyncio.run(main())
    assert sleeps == [7.0]


def test_async_retry_after_above_the_cap_is_not_retried(
    script: MockAPI, make_async_client: Callable[..., AsyncKorusTicket], sleeps: list[float]
) -> None:
    script.add("GET", PATH, problem(503, headers={"Retry-After": "3600"}))

    async def main() -> None:
        async with make_async_client() as kt:
            await kt.reservations.get(RID)

    with pytest.raises(ServerError):
        asyncio.run(main())
    assert len(script.requests) == 1
    assert sleeps == []


def test_async_per_call_max_retries_zero(
    script: MockAPI, make_async_client: Callable[..., AsyncKorusTicket], sleeps: list[float]
) -> None:
    script.add("GET", PATH, httpx.ConnectError, ok())

    async def main() -> None:
        async with make_async_client() as kt:
            await kt.reservations.get(RID, max_retries=0)

    with pytest.raises(APIConnectionError):
        asyncio.run(main())
    assert len(script.requests) == 1
    assert sleeps == []


def test_async_patch_is_retried(
    script: MockAPI, make_async_client: Callable[..., AsyncKorusTicket], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="korusticket")
    script.add("PATCH", TICKET_PATH, problem(504), jsonld(ticket_body()))

    async def main() -> object:
        async with make_async_client() as kt:
            return await kt.order_tickets.set_beneficiary(ORDER, ITEM, TICKET, {"firstname": "J", "lastname": "D"})

    assert getattr(asyncio.run(main()), "id", None) == TICKET
    assert len(script.attempts("PATCH", TICKET_PATH)) == 2
    assert any("HTTP 504" in r.getMessage() for r in caplog.records if r.name == "korusticket")


def test_429_http_date_retry_after_on_the_error_uses_the_client_clock(
    script: MockAPI, make_client: Callable[..., KorusTicket], clock: FakeClock
) -> None:
    when = clock() + timedelta(seconds=7)
    script.add("GET", PATH, problem(429, headers={"Retry-After": format_datetime(when, usegmt=True)}))

    with pytest.raises(RateLimitError) as info:
        make_client(max_retries=0).reservations.get(RID)

    assert info.value.retry_after == 7.0


def test_token_endpoint_503_is_retried_since_asking_twice_for_a_token_is_harmless(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float]
) -> None:
    token = "/realms/korusticket/protocol/openid-connect/token"
    script.add("POST", token, problem(503, headers={"Retry-After": "0"}))
    script.add("POST", token, jsonld({"access_token": "tok", "expires_in": 300, "token_type": "Bearer"}))
    script.add("GET", PATH, ok())

    kt = make_client(token=None, client_id="id", client_secret="secret")
    kt.reservations.get(RID)

    assert len(script.attempts("POST", token)) == 2
    assert sleeps == [0.0]
