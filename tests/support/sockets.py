"""Helpers of the real-socket tests: the settings of a client pointed at the fault server, and held
reservations made through a client."""

from __future__ import annotations

from typing import Any

from korusticket import KorusTicket
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, FakeClock, StandIn

from tests.support.fault_server import FaultServer


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


def reserve(kt: KorusTicket, stand_in: StandIn, n: int = 1) -> list[Any]:
    """n held reservations of the full-day demo offer, made through the client."""
    held = []
    for _ in range(n):
        offer = kt.offers.get(stand_in.demo.catalog, stand_in.demo.offer_day)
        held += kt.reservations.create([{"offer": offer, "quantity": 1}]).raise_for_failures().succeeded
    return held
