"""Fixtures of the real-socket tests: a fault server on loopback in front of a StandIn, and
clients pointed at it (strict validation, injected clock and sleep)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from korusticket import AsyncKorusTicket, KorusTicket
from korusticket.testing import FakeClock, StandIn

from tests.support.fault_server import FaultServer
from tests.support.sockets import settings


@pytest.fixture
def server(stand_in: StandIn) -> Iterator[FaultServer]:
    with FaultServer(stand_in) as running:
        yield running


@pytest.fixture
def sleeps() -> list[float]:
    return []


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
