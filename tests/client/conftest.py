"""Fixtures of the client tests: the mock API (tests/support/mock_api.py), a fake clock and client factories."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from korusticket import AsyncKorusTicket, KorusTicket
from korusticket.testing import FakeClock

from tests.support.bodies import CLIENT_CLOCK_START, CLIENT_ID, CLIENT_SECRET
from tests.support.mock_api import AsyncFakeSleep, FakeSleep, MockAPI


@pytest.fixture(autouse=True)
def _no_korusticket_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(os.environ):
        if name.startswith("KORUSTICKET_"):
            monkeypatch.delenv(name)


@pytest.fixture
def api() -> MockAPI:
    return MockAPI()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(CLIENT_CLOCK_START)


@pytest.fixture
def make_client(api: MockAPI, clock: FakeClock) -> Iterator[Callable[..., KorusTicket]]:
    """KorusTicket on the mock transport (client credentials, no retries unless asked)."""
    made: list[KorusTicket] = []

    def make(**kwargs: Any) -> KorusTicket:
        if "token" not in kwargs:
            kwargs.setdefault("client_id", CLIENT_ID)
            kwargs.setdefault("client_secret", CLIENT_SECRET)
        kwargs.setdefault("transport", api.transport())
        kwargs.setdefault("clock", clock)
        kwargs.setdefault("sleep", FakeSleep())
        kwargs.setdefault("max_retries", 0)
        kwargs.setdefault("validate_responses", "strict")  # the suite runs strict (see README)
        client = KorusTicket(**kwargs)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


@pytest.fixture
def make_async_client(api: MockAPI, clock: FakeClock) -> Callable[..., AsyncKorusTicket]:
    """AsyncKorusTicket on the mock transport; use it as ``async with``."""

    def make(**kwargs: Any) -> AsyncKorusTicket:
        if "token" not in kwargs:
            kwargs.setdefault("client_id", CLIENT_ID)
            kwargs.setdefault("client_secret", CLIENT_SECRET)
        kwargs.setdefault("transport", api.transport())
        kwargs.setdefault("clock", clock)
        kwargs.setdefault("sleep", AsyncFakeSleep())
        kwargs.setdefault("max_retries", 0)
        kwargs.setdefault("validate_responses", "strict")
        return AsyncKorusTicket(**kwargs)

    return make


@pytest.fixture
def client(make_client: Callable[..., KorusTicket]) -> KorusTicket:
    return make_client()
