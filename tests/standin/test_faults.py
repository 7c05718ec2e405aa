from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from korusticket.testing import FakeClock, StandIn

BULK = "/v1/booking/reservations/_bulk"


def reservation_body(stand_in: StandIn) -> dict[str, Any]:
    offer = stand_in.demo.offer_day
    ticket = stand_in.state.seed.offers[offer.rsplit("/", 1)[1]].tickets[0].id
    return {"items": [{"offer": offer, "quantity": 1, "ticketSessions": [{"ticket": f"{offer}/tickets/{ticket}"}]}]}


def test_status_fault_with_retry_after_then_normal(client: httpx.Client, stand_in: StandIn) -> None:
    fault = stand_in.faults.add(path_glob="/v1/booking/*", method="POST", status=503, retry_after="0", times=1)
    first = client.post(BULK, json=reservation_body(stand_in))
    assert first.status_code == 503
    assert first.headers["retry-after"] == "0"
    assert first.json()["@type"] == "Error"
    assert client.get("/v1/booking/reservations").json()["totalItems"] == 0  # not handled
    second = client.post(BULK, json=reservation_body(stand_in))
    assert second.status_code == 200
    assert fault.hits == 1
    assert fault.exhausted
    assert stand_in.count("POST", BULK) == 2


def test_rate_limit_fault(client: httpx.Client, stand_in: StandIn) -> None:
    stand_in.faults.add("/v1/ticketing/*", status=429, retry_after="2", times=2)
    answers = [client.get("/v1/ticketing/catalogs").status_code for _ in range(3)]
    assert answers == [429, 429, 200]
    assert [r.status for r in stand_in.requests_matching("GET", "/v1/ticketing/*")] == [429, 429, 200]


def test_drop_before_is_a_connect_error_and_nothing_happens(client: httpx.Client, stand_in: StandIn) -> None:
    stand_in.faults.add(BULK, drop_connection="before")
    with pytest.raises(httpx.ConnectError):
        client.post(BULK, json=reservation_body(stand_in))
    assert client.get("/v1/booking/reservations").json()["totalItems"] == 0
    assert stand_in.requests[-2].status is None


@pytest.mark.parametrize("error", [None, httpx.RemoteProtocolError])
def test_drop_after_loses_the_answer_but_the_work_is_done(
    client: httpx.Client, stand_in: StandIn, error: type[httpx.TransportError] | None
) -> None:
    stand_in.faults.add(BULK, method="POST", drop_connection="after", error=error)
    with pytest.raises(error or httpx.ReadError):
        client.post(BULK, json=reservation_body(stand_in))
    assert client.get("/v1/booking/reservations").json()["totalItems"] == 1  # processed: ambiguous POST


def test_latency_uses_the_injected_sleep(clock: FakeClock) -> None:
    slept: list[float] = []
    stand_in = StandIn(clock=clock, latency=0.02, sleep=slept.append, auth=False)
    stand_in.faults.add("/v1/forms/*", latency=0.5, times=None)
    with httpx.Client(base_url="https://api.demo.korusticket.com", transport=stand_in.transport()) as c:
        c.get("/v1/ticketing/catalogs")
        c.get(stand_in.demo.form)
    assert slept == [0.02, 0.52]


def test_async_transport_shares_state(stand_in: StandIn, clock: FakeClock) -> None:
    slept: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        slept.append(seconds)

    stand_in.async_sleep = fake_sleep
    stand_in.faults.add(BULK, latency=0.25)
    token = stand_in.issue_token()

    async def run() -> int:
        async with httpx.AsyncClient(
            base_url="https://api.demo.korusticket.com",
            transport=stand_in.async_transport(),
            headers={"authorization": f"Bearer {token}"},
        ) as c:
            answer = await c.post(BULK, json=reservation_body(stand_in))
            return answer.status_code

    assert asyncio.run(run()) == 200
    assert slept == [0.25]
    with httpx.Client(transport=stand_in.transport(), headers={"authorization": f"Bearer {token}"}) as sync:
        assert sync.get("https://api.demo.korusticket.com/v1/booking/reservations").json()["totalItems"] == 1


def test_request_log_redacts_authorization(client: httpx.Client, stand_in: StandIn) -> None:
    client.post(BULK, json=reservation_body(stand_in), params={"x": "1"})
    logged = stand_in.requests[-1]
    assert logged.method == "POST"
    assert logged.path == BULK
    assert logged.query == (("x", "1"),)
    assert logged.headers["authorization"] == "Bearer ***"
    assert logged.json()["items"][0]["quantity"] == 1
    assert logged.status == 200
    token_call = stand_in.requests[0]
    assert token_call.path == stand_in.token_path
    assert b"client_secret" in token_call.body
    stand_in.clear_requests()
    assert stand_in.count() == 0
