"""Fixtures of the reliability tests: a strict MockAPI scripted per method and path (tests/support/mock_api.py;
bodies: tests/support/numbered_bodies.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from korusticket import AsyncKorusTicket, KorusTicket
from korusticket.testing import FakeClock

from tests.support.mock_api import MockAPI
from tests.support.numbered_bodies import NOW

# --- fixtures ------------------------------------------------------------------------------------


@pytest.fixture
def script() -> MockAPI:
    """The fake server: answers only what the test scripts (an unscripted request fails it)."""
    return MockAPI(strict=True)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def make_client(script: MockAPI, clock: FakeClock, sleeps: list[float]) -> Iterator[Callable[..., KorusTicket]]:
    """Factory of sync clients on the scripted transport (static token unless overridden)."""
    made: list[KorusTicket] = []

    def make(**kwargs: Any) -> KorusTicket:
        settings: dict[str, Any] = {"token": "t", "transport": script.transport(), "clock": clock}
        settings["validate_responses"] = "strict"  # the suite runs strict (see README)
        settings["sleep"] = sleeps.append
        settings.update(kwargs)
        kt = KorusTicket(**settings)
        made.append(kt)
        return kt

    yield make
    for kt in made:
        kt.close()


@pytest.fixture
def make_async_client(script: MockAPI, clock: FakeClock, sleeps: list[float]) -> Callable[..., AsyncKorusTicket]:
    """Factory of async clients on the scripted transport; close them inside the event loop."""

    async def fake_sleep(delay: float) -> None:
        sleeps.append(delay)

    def make(**kwargs: Any) -> AsyncKorusTicket:
        settings: dict[str, Any] = {"token": "t", "transport": script.transport(), "clock": clock}
        settings["validate_responses"] = "strict"  # the suite runs strict (see README)
        settings["sleep"] = fake_sleep
        settings.update(kwargs)
        return AsyncKorusTicket(**settings)

    return make
