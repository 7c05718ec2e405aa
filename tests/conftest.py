"""Fixtures every folder may use: a FakeClock (the public korusticket.testing one) and a StandIn on it.
Folders that need another start time override ``clock`` (tests/client, tests/reliability)."""

from __future__ import annotations

import pytest
from korusticket.testing import FakeClock, StandIn


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def stand_in(clock: FakeClock) -> StandIn:
    return StandIn(clock=clock)
