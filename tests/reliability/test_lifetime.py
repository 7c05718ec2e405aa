"""Reservation lifetime: expires_in/is_expired from expiresAt, and orders.create leaving the
expiry verdict to the server (the local clock may be ahead of it)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from korusticket import AsyncKorusTicket, InputError, KorusTicket
from korusticket.testing import FakeClock
from korusticket_api.models import BookingReservation

from tests.support.bodies import CUSTOMER, ORDERS, ORDERS_BULK, order_bulk_body
from tests.support.mock_api import MockAPI, jsonld
from tests.support.numbered_bodies import (
    NOW,
    order_body,
    orders_page,
    reservation_body,
    reservation_iri,
)


def reservation(n: int = 1, *, expires_at: datetime | None = None, **overrides: Any) -> BookingReservation:
    return BookingReservation.from_dict(reservation_body(n, expires_at=expires_at, **overrides))


# --- expires_in / is_expired ---------------------------------------------------------------------


def test_expires_in_and_is_expired_with_an_explicit_now() -> None:
    held = reservation(expires_at=NOW + timedelta(minutes=15))

    assert held.expires_in(NOW) == timedelta(minutes=15)
    assert not held.is_expired(NOW)
    assert held.expires_in(NOW + timedelta(minutes=20)) == timedelta(minutes=-5)
    assert held.is_expired(NOW + timedelta(minutes=20))


def test_expiry_instant_itself_counts_as_expired() -> None:
    held = reservation(expires_at=NOW + timedelta(minutes=15))

    assert not held.is_expired(NOW + timedelta(minutes=15) - timedelta(microseconds=1))
    assert held.is_expired(NOW + timedelta(minutes=15))


def test_offsets_are_compared_as_instants() -> None:
    paris = timezone(timedelta(hours=2))
    held = reservation(expiresAt="2025-06-01T14:15:00+02:00")

    assert held.expires_in(NOW) == timedelta(minutes=15)
    assert held.expires_in(datetime(2025, 6, 1, 14, 0, tzinfo=paris)) == timedelta(minutes=15)


def test_without_expires_at_nothing_is_claimed() -> None:
    body = reservation_body(1)
    del body["expiresAt"]
    held = BookingReservation.from_dict(body)

    assert held.expires_in(NOW) is None
    assert not held.is_expired(NOW)


def test_default_now_is_the_current_time() -> None:
    assert reservation(expires_at=datetime.now(UTC) + timedelta(hours=1)).is_expired() is False
    assert reservation(expires_at=datetime(2000, 1, 1, tzinfo=UTC)).is_expired() is True


def test_a_reservation_fetched_through_the_client_uses_the_same_helpers(
    script: MockAPI, make_client: Callable[..., KorusTicket], clock: FakeClock
) -> None:
    rid = reservation_body(1)["id"]
    script.add("GET", f"/v1/booking/reservations/{rid}", jsonld(reservation_body(1)))

    held = make_client().reservations.get(rid)

    assert held.expires_in(clock()) == timedelta(minutes=15)
    clock.advance(15 * 60)
    assert held.is_expired(clock())


# --- orders.create leaves the expiry verdict to the server -------------------------------------
# The local clock is not the server's: a client clock a few minutes fast must not block orders
# the server would take. The model's helpers still say what the local clock thinks.


def expired_answer(n: int = 1) -> dict[str, object]:
    failure = {
        "reservation": reservation_iri(n),
        "message": "This reservation expired at 2025-06-01T11:59:59+00:00.",
        "code": "reservation_expired",
    }
    return order_bulk_body([], [failure])


def test_a_reservation_expired_by_the_local_clock_is_still_sent(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    held = reservation(expires_at=NOW - timedelta(minutes=3))  # the client clock runs 3 minutes fast
    script.add("POST", ORDERS_BULK, jsonld(order_bulk_body([order_body(1)], [])))

    result = make_client().orders.create([held], CUSTOMER, "REF-1")

    assert result.ok
    (sent,) = script.sent("POST", ORDERS_BULK)
    assert json.loads(sent.content)["reservations"] == [reservation_iri(1)]


def test_the_server_says_expired_and_the_failure_names_the_reservation(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    held = reservation(expires_at=NOW - timedelta(seconds=1))
    script.add("POST", ORDERS_BULK, jsonld(expired_answer()))
    script.add("GET", ORDERS, jsonld(orders_page([])))  # checked: no order of REF-1 covers it

    result = make_client().orders.create([held], CUSTOMER, "REF-1")

    (failure,) = result.failed
    assert failure.item is held
    assert failure.raw["code"] == "reservation_expired"
    assert len(script.sent("POST", ORDERS_BULK)) == 1


def test_a_reservation_the_server_flagged_expired_is_still_the_servers_call(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    flagged = reservation(expires_at=NOW + timedelta(minutes=5), expired=True)
    script.add("POST", ORDERS_BULK, jsonld(expired_answer()))
    script.add("GET", ORDERS, jsonld(orders_page([])))  # checked: no order of REF-1 covers it

    assert not make_client().orders.create([flagged], CUSTOMER, "REF-1").ok
    assert len(script.sent("POST", ORDERS_BULK)) == 1


def test_the_client_clock_does_not_decide(
    script: MockAPI, make_client: Callable[..., KorusTicket], clock: FakeClock
) -> None:
    held = reservation(expires_at=NOW + timedelta(minutes=15))
    kt = make_client()
    clock.advance(16 * 60)
    assert held.is_expired(clock())  # what the local clock thinks...
    script.add("POST", ORDERS_BULK, jsonld(order_bulk_body([order_body(1)], [])))

    assert kt.orders.create([held], CUSTOMER, "REF-1").ok  # ...is not what decides


def test_a_live_reservation_is_ordered(script: MockAPI, make_client: Callable[..., KorusTicket]) -> None:
    held = reservation(expires_at=NOW + timedelta(seconds=30))
    script.add("POST", ORDERS_BULK, jsonld(order_bulk_body([order_body(1)], [])))

    result = make_client().orders.create([held], CUSTOMER, "REF-1")

    assert result.ok
    (sent,) = script.sent("POST", ORDERS_BULK)
    assert json.loads(sent.content)["reservations"] == [reservation_iri(1)]


def test_async_sends_a_locally_expired_reservation_too(
    script: MockAPI, make_async_client: Callable[..., AsyncKorusTicket]
) -> None:
    expired = reservation(expires_at=NOW - timedelta(seconds=1))
    script.add("POST", ORDERS_BULK, jsonld(expired_answer()))
    script.add("GET", ORDERS, jsonld(orders_page([])))  # checked: no order of REF-1 covers it

    async def main() -> bool:
        async with make_async_client() as kt:
            return (await kt.orders.create([expired], CUSTOMER, "REF-1")).ok

    assert asyncio.run(main()) is False
    assert len(script.sent("POST", ORDERS_BULK)) == 1


def test_an_order_iri_is_not_a_reservation(script: MockAPI, make_client: Callable[..., KorusTicket]) -> None:
    with pytest.raises(InputError) as info:
        make_client().orders.create([f"/v1/booking/orders/{reservation_iri(1).rsplit('/', 1)[-1]}"], CUSTOMER, "REF-1")

    assert info.value.field == "reservations[0]"
    assert "/v1/booking/reservations" in str(info.value)
    assert script.requests == []
