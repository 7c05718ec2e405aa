"""The korusticket pytest plugin: fixtures for testing code that calls KorusTicket, on the
in-memory stand-in (``korusticket.testing``), with a fake clock and no real sleeping.

Installed with the package (entry point ``pytest11``), it only defines fixtures: a test that asks
for none of them runs as if it were not there, and nothing of korusticket is imported until one is
used. Fixtures (each test gets its own):

``kt_clock``         a ``FakeClock``: the stand-in's time (reservation holds, tokens) and the clients'
``kt_sleeps``        a ``SleepRecorder``: the clients' ``sleep=`` (retries, Retry-After) returns at once,
                     records each delay in ``.calls`` and moves ``kt_clock`` forward
``kt_stand_in``      a ``StandIn`` on that clock (``.demo`` IRIs, ``.count()``, ``.requests``, seeding)
``kt_faults``        its fault API: ``kt_faults.add(path_glob, method=, status=, retry_after=, drop_connection=, ...)``
``kt_demo``          the seeded IRIs tests usually need (``kt_demo.catalog``, ``kt_demo.offer_day``, ...)
``kt_client``        a ``KorusTicket`` wired to the stand-in (demo credentials), closed after the test
``kt_async_client``  an ``AsyncKorusTicket`` wired to the same stand-in
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from korusticket import AsyncKorusTicket, KorusTicket
    from korusticket.testing import Demo, FakeClock, Faults, SleepRecorder, StandIn

__all__ = [
    "kt_async_client",
    "kt_client",
    "kt_clock",
    "kt_demo",
    "kt_faults",
    "kt_sleeps",
    "kt_stand_in",
]


@pytest.fixture
def kt_clock() -> FakeClock:
    """A FakeClock shared by the stand-in and the clients: move it with ``kt_clock.advance(60)``."""
    from korusticket.testing import FakeClock

    return FakeClock()


@pytest.fixture
def kt_sleeps(kt_clock: FakeClock) -> SleepRecorder:
    """Every sleep of the clients and the stand-in: recorded in ``.calls``, never waited."""
    from korusticket.testing import SleepRecorder

    return SleepRecorder(kt_clock)


@pytest.fixture
def kt_stand_in(kt_clock: FakeClock, kt_sleeps: SleepRecorder) -> StandIn:
    """An in-memory KorusTicket API on ``kt_clock`` (its latency and faults' latency slept by ``kt_sleeps``)."""
    from korusticket.testing import StandIn

    return StandIn(clock=kt_clock, sleep=kt_sleeps, async_sleep=kt_sleeps.async_sleep)


@pytest.fixture
def kt_faults(kt_stand_in: StandIn) -> Faults:
    """The stand-in's faults: ``kt_faults.add("/v1/ticketing/*", status=429, retry_after="14")``."""
    return kt_stand_in.faults


@pytest.fixture
def kt_demo(kt_stand_in: StandIn) -> Demo:
    """IRIs of the seeded demo items (catalog, product, offers: day, limited, sold out, ...)."""
    return kt_stand_in.demo


@pytest.fixture
def kt_client(kt_stand_in: StandIn, kt_clock: FakeClock, kt_sleeps: SleepRecorder) -> Iterator[KorusTicket]:
    """A KorusTicket talking to ``kt_stand_in``; retries sleep through ``kt_sleeps``."""
    from korusticket import KorusTicket
    from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

    with KorusTicket(
        client_id=DEMO_CLIENT_ID,
        client_secret=DEMO_CLIENT_SECRET,
        transport=kt_stand_in.transport(),
        clock=kt_clock,
        sleep=kt_sleeps,
    ) as client:
        yield client


@pytest.fixture
def kt_async_client(kt_stand_in: StandIn, kt_clock: FakeClock, kt_sleeps: SleepRecorder) -> Iterator[AsyncKorusTicket]:
    """An AsyncKorusTicket talking to ``kt_stand_in`` (use it in your own event loop or an async test)."""
    import asyncio

    from korusticket import AsyncKorusTicket
    from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET

    client = AsyncKorusTicket(
        client_id=DEMO_CLIENT_ID,
        client_secret=DEMO_CLIENT_SECRET,
        transport=kt_stand_in.async_transport(),
        clock=kt_clock,
        sleep=kt_sleeps.async_sleep,
    )
    yield client
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # the usual case: teardown outside any event loop
        asyncio.run(client.close())
    # Inside a running loop (an async framework tearing down): the in-memory transport holds no socket.
