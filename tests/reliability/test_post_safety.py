"""A POST reaches the server at most once, unless the connection failed before it was sent."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable

import httpx
import pytest
from korusticket import (
    APIConnectionError,
    APIError,
    AsyncKorusTicket,
    KorusTicket,
    OutcomeUnknownError,
    RateLimitError,
)

from tests.support.bodies import RESERVATIONS_BULK, reservation_bulk_body
from tests.support.mock_api import MockAPI, jsonld, problem
from tests.support.numbered_bodies import (
    offer_iri,
    reservation_body,
    reservation_item,
)


def created(n: int = 1) -> httpx.Response:
    return jsonld(reservation_bulk_body([reservation_body(n)], []))


def assert_outcome_unknown_message(exc: OutcomeUnknownError) -> None:
    message = str(exc)
    assert "outcome is unknown" in message
    # ...and what to check before reserving again.
    assert "reservations.list" in message
    assert offer_iri(1) in message
    assert "expiresAt" in message


@pytest.mark.parametrize("status", [502, 503, 504])
def test_bulk_post_answered_by_a_gateway_is_sent_once_and_the_outcome_is_unknown(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float], status: int
) -> None:
    script.add("POST", RESERVATIONS_BULK, problem(status, headers={"Retry-After": "0"}), created())

    with pytest.raises(OutcomeUnknownError) as info:
        make_client().reservations.create([reservation_item(1)])

    assert len(script.sent("POST", RESERVATIONS_BULK)) == 1
    assert len(script.requests) == 1
    assert sleeps == []
    assert_outcome_unknown_message(info.value)
    assert info.value.cause == f"HTTP {status}"
    assert info.value.request is not None
    assert info.value.request.url.path == RESERVATIONS_BULK


@pytest.mark.parametrize("failure", [httpx.ReadTimeout, httpx.WriteTimeout, httpx.ReadError, httpx.RemoteProtocolError])
def test_bulk_post_failing_after_sending_is_sent_once_and_the_outcome_is_unknown(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float], failure: type[Exception]
) -> None:
    script.add("POST", RESERVATIONS_BULK, failure, created())

    with pytest.raises(OutcomeUnknownError) as info:
        make_client().reservations.create([reservation_item(1)])

    assert len(script.sent("POST", RESERVATIONS_BULK)) == 1
    assert len(script.requests) == 1
    assert sleeps == []
    assert_outcome_unknown_message(info.value)
    assert info.value.cause == failure.__name__


def test_a_larger_budget_does_not_make_an_ambiguous_post_retried(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    script.add("POST", RESERVATIONS_BULK, httpx.ReadTimeout, created())

    with pytest.raises(OutcomeUnknownError):
        make_client(max_retries=5).reservations.create([reservation_item(1)], max_retries=5)

    assert len(script.requests) == 1


@pytest.mark.parametrize("failure", [httpx.ConnectError, httpx.ConnectTimeout])
def test_bulk_post_whose_connection_failed_before_sending_is_retried(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float], failure: type[Exception]
) -> None:
    script.add("POST", RESERVATIONS_BULK, failure, created())

    result = make_client().reservations.create([reservation_item(1)])

    assert result.ok
    assert len(result.succeeded) == 1
    attempts = script.attempts("POST", RESERVATIONS_BULK)
    assert len(attempts) == 2
    assert len(script.sent("POST", RESERVATIONS_BULK)) == 1
    assert attempts[0].content == attempts[1].content
    assert json.loads(attempts[1].content)["items"][0]["offer"] == offer_iri(1)
    assert len(sleeps) == 1


def test_connection_never_established_exhausts_the_budget_as_a_connection_error(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    script.add("POST", RESERVATIONS_BULK, httpx.ConnectError, httpx.ConnectError, httpx.ConnectError)

    with pytest.raises(APIConnectionError):
        make_client().reservations.create([reservation_item(1)])

    # Nothing reached the server, so this is not "outcome unknown": it is safe to try later.
    assert len(script.requests) == 3
    assert script.sent("POST", RESERVATIONS_BULK) == []


def test_connect_error_then_ambiguous_answer_stops_at_the_first_send(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    script.add("POST", RESERVATIONS_BULK, httpx.ConnectError, problem(503), created())

    with pytest.raises(OutcomeUnknownError):
        make_client().reservations.create([reservation_item(1)])

    assert len(script.attempts("POST", RESERVATIONS_BULK)) == 2
    assert len(script.sent("POST", RESERVATIONS_BULK)) == 1


def test_per_call_max_retries_zero_disables_the_connect_retry(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    script.add("POST", RESERVATIONS_BULK, httpx.ConnectError, created())

    with pytest.raises(APIConnectionError):
        make_client().reservations.create([reservation_item(1)], max_retries=0)

    assert len(script.requests) == 1


@pytest.mark.parametrize(("status", "error"), [(429, RateLimitError), (408, APIError)])
def test_post_refused_with_a_retryable_status_is_not_resent(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float], status: int, error: type[Exception]
) -> None:
    script.add("POST", RESERVATIONS_BULK, problem(status, headers={"Retry-After": "0"}), created())

    with pytest.raises(error):
        make_client().reservations.create([reservation_item(1)])

    assert len(script.requests) == 1
    assert sleeps == []


def test_async_bulk_post_503_is_sent_once(
    script: MockAPI, make_async_client: Callable[..., AsyncKorusTicket], sleeps: list[float]
) -> None:
    script.add("POST", RESERVATIONS_BULK, problem(503, headers={"Retry-After": "0"}), created())

    async def main() -> None:
        async with make_async_client() as kt:
            await kt.reservations.create([reservation_item(1)])

    with pytest.raises(OutcomeUnknownError) as info:
        asyncio.run(main())
    assert len(script.requests) == 1
    assert sleeps == []
    assert_outcome_unknown_message(info.value)


def test_async_bulk_post_read_timeout_is_sent_once(
    script: MockAPI, make_async_client: Callable[..., AsyncKorusTicket]
) -> None:
    script.add("POST", RESERVATIONS_BULK, httpx.ReadTimeout, created())

    async def main() -> None:
        async with make_async_client() as kt:
            await kt.reservations.create([reservation_item(1)])

    with pytest.raises(OutcomeUnknownError) as info:
        asyncio.run(main())
    assert len(script.sent("POST", RESERVATIONS_BULK)) == 1
    assert_outcome_unknown_message(info.value)


def test_async_bulk_post_connect_error_is_retried(
    script: MockAPI, make_async_client: Callable[..., AsyncKorusTicket], sleeps: list[float]
) -> None:
    script.add("POST", RESERVATIONS_BULK, httpx.ConnectError, created())

    async def main() -> int:
        async with make_async_client() as kt:
            return len((await kt.reservations.create([reservation_item(1)])).succeeded)

    assert asyncio.run(main()) == 1
    assert len(script.attempts("POST", RESERVATIONS_BULK)) == 2
    assert len(script.sent("POST", RESERVATIONS_BULK)) == 1
    assert len(sleeps) == 1
