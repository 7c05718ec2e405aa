"""Fixtures of the real-socket tests: a fault server on loopback in front of a StandIn, and
clients pointed at it (strict validation, injected clock and sleep)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from korusticket import AsyncKorusTicket, KorusTicket
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, FakeClock, StandIn
from korusticket.types import CustomerInput

from tests.support.fault_server import FaultServer

CUSTOMER: CustomerInput = {"firstname": "John", "lastname": "Doe", "email": "john.doe@example.com"}
ORDERS = "/v1/booking/orders"
ORDERS_BULK = "/v1/booking/orders/_bulk"
RESERVATIONS_BULK = "/v1/booking/reservations/_bulk"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def stand_in(clock: FakeClock) -> StandIn:
    return StandIn(clock=clock)


@pytest.fixture
def server(stand_in: StandIn) -> Iterator[FaultServer]:
    with FaultServer(stand_in) as running:
        yield running


@pytest.fixture
def sleeps() -> list[float]:
    return []


def settings(server: FaultServer, clock: FakeClock, **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "client_id": DEMO_CLIENT_ID,
        "client_secret": DEMO_CLIENT_SECRET,
        "base_url": server.base_url,
        "token_url": server.token_url,
        "clock": clock,
        "timeout": 2.0,  # bounds every wait on a socket
        "max_retries": 2,
        "validate_responses": "strict",
    }
    values.update(overrides)
    return values


@pytest.fixture
def make_client(server: FaultServer, clock: FakeClock, sleeps: list[float]) -> Iterator[Callable[..., KorusTicket]]:
    made: list[KorusTicket] = []

    def make(**overrides: Any) -> KorusTicket:
        kt = KorusTicket(**settings(server, clock, sleep=sleeps.append, **overrides))
        made.append(kt)
        return kt

    yield make
    for kt in made:
        kt.close()


@pytest.fixture
def make_async_client(server: FaultServer, clock: FakeClock, sleeps: list[float]) -> Callable[..., AsyncKorusTicket]:
    async def record(delay: float) -> None:
        sleeps.append(delay)

    def make(**overrides: Any) -> AsyncKorusTicket:
        return AsyncKorusTicket(**settings(server, clock, sleep=record, **overrides))

    return make


def reserve(kt: KorusTicket, stand_in: StandIn, n: int = 1) -> list[Any]:
    """n held reservations of the full-day demo offer, made through the client."""
    held = []
    for _ in range(n):
        offer = kt.offers.get(stand_in.demo.catalog, stand_in.demo.offer_day)
        held += kt.reservations.create([{"offer": offer, "quantity": 1}]).raise_for_failures().succeeded
    return held
