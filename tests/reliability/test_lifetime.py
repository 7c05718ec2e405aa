"""Reservation lifetime: expires_in/is_expired from expiresAt, and orders.create refusing expired
reservations before anything is sent."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import pytest
from _reliability_support import (
    CUSTOMER,
    NOW,
    ORDERS_BULK,
    FakeClock,
    Script,
    jsonld,
    order_body,
    order_bulk_body,
    reservation_body,
    reservation_iri,
)
from korusticket import AsyncKorusTicket, InputError, KorusTicket
from korusticket_api.models import BookingReservation


def reservation(n: int = 1, *, expires_at: datetime | None = None, **overrides: object) -> BookingReservation:
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
    script: Script, client: Callable[..., KorusTicket], clock: FakeClock
) -> None:
    rid = reservation_body(1)["id"]
    script.add("GET", f"/v1/booking/reservations/{rid}", jsonld(200, reservation_body(1)))

    held = client().reservations.get(rid)

    assert held.expires_in(clock()) == timedelta(minutes=15)
    clock.advance(15 * 60)
    assert held.is_expired(clock())


# --- orders.create refuses expired reservations ------------------------------------------------


def test_orders_create_refuses_an_expired_reservation_before_sending(
    script: Script, client: Callable[..., KorusTicket]
) -> None:
    expired = reservation(expires_at=NOW - timedelta(seconds=1))

    with pytest.raises(InputError) as info:
        client().orders.create([expired], CUSTOMER, "REF-1")

    assert info.value.field == "reservations[0]"
    assert "expired" in str(info.value)
    assert script.requests == []


def test_orders_create_refuses_a_reservation_expiring_right_now(
    script: Script, client: Callable[..., KorusTicket]
) -> None:
    with pytest.raises(InputError):
        client().orders.create([reservation(expires_at=NOW)], CUSTOMER, "REF-1")

    assert script.requests == []


def test_orders_create_refuses_a_reservation_the_server_flagged_expired(
    script: Script, client: Callable[..., KorusTicket]
) -> None:
    flagged = reservation(expires_at=NOW + timedelta(minutes=5), expired=True)

    with pytest.raises(InputError):
        client().orders.create([flagged], CUSTOMER, "REF-1")

    assert script.requests == []


def test_one_expired_reservation_among_several_stops_the_whole_call(
    script: Script, client: Callable[..., KorusTicket]
) -> None:
    fresh = reservation(1)
    stale = reservation(2, expires_at=NOW - timedelta(minutes=1))

    with pytest.raises(InputError) as info:
        client().orders.create([fresh, stale], CUSTOMER, "REF-1")

    assert info.value.field == "reservations[1]"
    assert script.requests == []


def test_the_client_clock_decides(script: Script, client: Callable[..., KorusTicket], clock: FakeClock) -> None:
    held = reservation(expires_at=NOW + timedelta(minutes=15))
    kt = client()
    clock.advance(16 * 60)

    with pytest.raises(InputError):
        kt.orders.create([held], CUSTOMER, "REF-1")

    assert script.requests == []


def test_a_live_reservation_is_ordered(script: Script, client: Callable[..., KorusTicket]) -> None:
    held = reservation(expires_at=NOW + timedelta(seconds=30))
    script.add("POST", ORDERS_BULK, jsonld(200, order_bulk_body([order_body(1)], [])))

    result = client().orders.create([held], CUSTOMER, "REF-1")

    assert result.ok
    (sent,) = script.sent("POST", ORDERS_BULK)
    assert json.loads(sent.content)["reservations"] == [reservation_iri(1)]


def test_ids_and_iris_are_not_checked_for_expiry(script: Script, client: Callable[..., KorusTicket]) -> None:
    # Only a model carries expiresAt; an id is sent and the server decides.
    script.add("POST", ORDERS_BULK, jsonld(200, order_bulk_body([order_body(1)], [])))

    assert client().orders.create([reservation_iri(1)], CUSTOMER, "REF-1").ok


def test_async_orders_create_refuses_an_expired_reservation(
    script: Script, async_client: Callable[..., AsyncKorusTicket]
) -> None:
    expired = reservation(expires_at=NOW - timedelta(seconds=1))

    async def main() -> None:
        async with async_client() as kt:
            await kt.orders.create([expired], CUSTOMER, "REF-1")

    with pytest.raises(InputError):
        asyncio.run(main())
    assert script.requests == []
