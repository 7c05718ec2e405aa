"""Point 1: orders.create tells the true outcome after faults nobody scripted in the client,
through real sockets (a fault server in front of the stand-in)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from korusticket import (
    APIConnectionError,
    AsyncKorusTicket,
    BulkResult,
    KorusTicket,
    OutcomeUnknownError,
    ResponseDecodeError,
    ServerError,
)
from korusticket.testing import StandIn

from tests.support.bodies import CUSTOMER, ORDERS, ORDERS_BULK, RESERVATIONS_BULK
from tests.support.fault_server import FaultServer
from tests.support.sockets import reserve

HTML = b"<html><body><h1>200 OK</h1>maintenance page</body></html>"
DEEP = b"[" * 100_000 + b"]" * 100_000


def orders_for(kt: KorusTicket, reference: str) -> list[str]:
    return sorted(str(o.additional_properties.get("reservation")) for o in kt.orders.list(external_reference=reference))


def test_a_second_booking_under_the_same_reference_is_not_the_first_ones_success(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    # The API does not require external_reference to be unique. The second POST gets a 503
    # before being processed; the lookup finds the FIRST booking's order, which covers another
    # reservation: it is not this call's success, so the second reservation is sent again.
    kt = make_client()
    first, second = reserve(kt, stand_in, 2)
    assert kt.orders.create([first], CUSTOMER, "SHOP-1").ok
    server.add(ORDERS_BULK, method="POST", action="answer", status=503, body=b'{"detail": "busy"}')

    result = kt.orders.create([second], CUSTOMER, "SHOP-1")

    assert result.ok
    (order,) = result.succeeded
    assert order.additional_properties["reservation"] == second.iri
    assert server.count("POST", ORDERS_BULK) == 3  # first booking, the 503, the resend
    assert server.count("POST", ORDERS_BULK, processed=True) == 2
    assert server.count("GET", ORDERS) == 1
    assert orders_for(kt, "SHOP-1") == sorted([first.iri, second.iri])


def test_an_order_committed_after_the_client_timed_out_is_reported_as_succeeded(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], sleeps: list[float]
) -> None:
    # Order creation is slow and holds the reservation's row lock; the client times out, looks
    # up (nothing yet), sends again; the resend waits for the lock, then hears "already ordered".
    # That answer is never a plain failure: the client looks again and finds the order.
    kt = make_client()
    (held,) = reserve(kt, stand_in)
    server.add(ORDERS_BULK, method="POST", serialize=True, hold_until_contended=True)
    server.add(ORDERS_BULK, method="POST", serialize=True, times=None)
    sleeps.clear()

    result = kt.orders.create([held], CUSTOMER, "SHOP-2", timeout=0.3)

    assert result.ok, result.failed
    (order,) = result.succeeded
    assert order.additional_properties["reservation"] == held.iri
    assert server.count("POST", ORDERS_BULK) == 2  # the slow one and one resend, no more
    assert server.count("GET", ORDERS) == 2  # before the resend, and after "already ordered"
    assert sleeps == [0.5]  # one backoff before looking again
    assert orders_for(kt, "SHOP-2") == [held.iri]


def test_lost_answer_and_a_failing_lookup_is_an_unknown_outcome_naming_what_to_check(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    (held,) = reserve(kt, stand_in)
    server.add(ORDERS_BULK, method="POST", action="close", process=True)
    server.add(ORDERS, method="GET", action="answer", status=500, body=b'{"detail": "db down"}')

    with pytest.raises(OutcomeUnknownError) as info:
        kt.orders.create([held], CUSTOMER, "SHOP-3")

    assert isinstance(info.value.__cause__, ServerError)
    assert info.value.reservations == (held.iri,)
    assert info.value.external_reference == "SHOP-3"
    assert server.count("POST", ORDERS_BULK) == 1
    assert server.count("GET", ORDERS) == 1
    assert orders_for(kt, "SHOP-3") == [held.iri]  # the order does exist: "unknown" was the truth


def test_lost_answer_and_an_unreachable_lookup_is_an_unknown_outcome(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    (held,) = reserve(kt, stand_in)
    server.add(ORDERS_BULK, method="POST", action="close", process=True)
    server.add(ORDERS, method="GET", action="close", times=3)

    with pytest.raises(OutcomeUnknownError) as info:
        kt.orders.create([held], CUSTOMER, "SHOP-4")

    assert isinstance(info.value.__cause__, APIConnectionError)
    assert info.value.reservations == (held.iri,)
    assert server.count("GET", ORDERS) == 3  # the lookup is a GET: retried max_retries times
    assert server.count("POST", ORDERS_BULK) == 1


def test_lost_answer_and_an_undecodable_lookup_is_an_unknown_outcome(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    (held,) = reserve(kt, stand_in)
    server.add(ORDERS_BULK, method="POST", action="close", process=True)
    server.add(ORDERS, method="GET", action="answer", status=200, body=DEEP)

    with pytest.raises(OutcomeUnknownError) as info:
        kt.orders.create([held], CUSTOMER, "SHOP-5")

    assert isinstance(info.value.__cause__, ResponseDecodeError)
    assert "nested too deeply" in str(info.value.__cause__)
    assert server.count("POST", ORDERS_BULK) == 1


@pytest.mark.parametrize(
    ("fault", "label"),
    [
        ({"action": "answer", "process": True, "status": 200, "body": HTML, "content_type": "text/html"}, "200 HTML"),
        ({"action": "answer", "process": True, "status": 503, "body": DEEP}, "503 100,000 deep"),
        ({"action": "close", "process": True}, "closed after processing"),
        ({"action": "reset"}, "reset mid-body"),
        ({"action": "stall", "process": True}, "stalled mid-body"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_a_processed_order_whose_answer_is_lost_or_unreadable_is_found_and_not_sent_again(
    server: FaultServer,
    stand_in: StandIn,
    make_client: Callable[..., KorusTicket],
    fault: dict[str, object],
    label: str,
) -> None:
    kt = make_client()
    (held,) = reserve(kt, stand_in)
    server.add(ORDERS_BULK, method="POST", **fault)

    result = kt.orders.create([held], CUSTOMER, "SHOP-6", timeout=0.5)

    assert result.ok, label
    assert [o.additional_properties["reservation"] for o in result.succeeded] == [held.iri]
    assert server.count("POST", ORDERS_BULK) == 1, label  # never re-sent
    assert server.count("GET", ORDERS) == 1, label


def test_a_post_dropped_before_processing_is_sent_again_after_the_lookup_proves_it_unordered(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    (held,) = reserve(kt, stand_in)
    server.add(ORDERS_BULK, method="POST", action="close")  # hung up before the API saw it

    result = kt.orders.create([held], CUSTOMER, "SHOP-7")

    assert result.ok
    assert server.count("POST", ORDERS_BULK) == 2
    assert server.count("POST", ORDERS_BULK, processed=True) == 1
    assert server.count("GET", ORDERS) == 1
    assert orders_for(kt, "SHOP-7") == [held.iri]


def test_already_ordered_by_someone_else_is_a_plain_failure_when_nothing_was_lost(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    (held,) = reserve(kt, stand_in)
    assert kt.orders.create([held], CUSTOMER, "OTHER").ok

    result = kt.orders.create([held], CUSTOMER, "SHOP-8")

    (failure,) = result.failed
    assert failure.raw["code"] == "reservation_already_ordered"
    # Changed by issue 22: a failure is checked once against SHOP-8's orders (a retry of a call that
    # did order it gets its own order back); none covers it, so the failure stands. No resend.
    assert server.count("GET", ORDERS) == 1
    assert server.count("POST", ORDERS_BULK) == 2  # OTHER, then SHOP-8 once


def test_already_ordered_after_a_lost_post_that_no_lookup_explains_is_unknown_not_failed(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], sleeps: list[float]
) -> None:
    kt = make_client()
    (held,) = reserve(kt, stand_in)
    assert kt.orders.create([held], CUSTOMER, "OTHER").ok
    server.add(ORDERS_BULK, method="POST", action="close")
    sleeps.clear()

    with pytest.raises(OutcomeUnknownError) as info:
        kt.orders.create([held], CUSTOMER, "SHOP-9")

    assert info.value.reservations == (held.iri,)
    assert "already ordered" in str(info.value)
    assert server.count("POST", ORDERS_BULK) == 3  # OTHER, the dropped one, one resend
    assert server.count("GET", ORDERS) == 1 + 3  # after the drop, then 3 bounded lookups
    assert sleeps == [0.5, 1.0, 2.0]


def test_reservations_with_an_unreadable_answer_are_an_unknown_outcome_naming_the_offers(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    offer = kt.offers.get(stand_in.demo.catalog, stand_in.demo.offer_day)
    server.add(RESERVATIONS_BULK, method="POST", action="answer", process=True, body=HTML, content_type="text/html")

    with pytest.raises(OutcomeUnknownError) as info:
        kt.reservations.create([{"offer": offer, "quantity": 1}])

    assert info.value.reservations == (stand_in.demo.offer_day,)
    assert isinstance(info.value.__cause__, ResponseDecodeError)
    assert server.count("POST", RESERVATIONS_BULK) == 1


def test_reservations_whose_answer_is_lost_are_never_sent_again(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    offer = kt.offers.get(stand_in.demo.catalog, stand_in.demo.offer_day)
    server.add(RESERVATIONS_BULK, method="POST", action="close", process=True)

    with pytest.raises(OutcomeUnknownError) as info:
        kt.reservations.create([{"offer": offer, "quantity": 1}])

    assert info.value.reservations == (stand_in.demo.offer_day,)
    assert server.count("POST", RESERVATIONS_BULK) == 1
    assert len(list(kt.reservations.list())) == 1  # it was created: "unknown" was the truth


def test_async_order_committed_after_the_client_timed_out_is_reported_as_succeeded(
    server: FaultServer,
    stand_in: StandIn,
    make_client: Callable[..., KorusTicket],
    make_async_client: Callable[..., AsyncKorusTicket],
    sleeps: list[float],
) -> None:
    (held,) = reserve(make_client(), stand_in)
    server.add(ORDERS_BULK, method="POST", serialize=True, hold_until_contended=True)
    server.add(ORDERS_BULK, method="POST", serialize=True, times=None)
    sleeps.clear()

    async def main() -> BulkResult[Any]:
        async with make_async_client() as kt:
            return await kt.orders.create([held.iri], CUSTOMER, "SHOP-A", timeout=0.3)

    result = asyncio.run(main())

    assert [o.additional_properties["reservation"] for o in result.succeeded] == [held.iri]
    assert server.count("POST", ORDERS_BULK) == 2
    assert server.count("GET", ORDERS) == 2
    assert sleeps == [0.5]


def test_async_lost_answer_and_a_failing_lookup_is_an_unknown_outcome(
    server: FaultServer,
    stand_in: StandIn,
    make_client: Callable[..., KorusTicket],
    make_async_client: Callable[..., AsyncKorusTicket],
) -> None:
    (held,) = reserve(make_client(), stand_in)
    server.add(ORDERS_BULK, method="POST", action="close", process=True)
    server.add(ORDERS, method="GET", action="answer", status=500, body=b"{}")

    async def main() -> None:
        async with make_async_client() as kt:
            await kt.orders.create([held.iri], CUSTOMER, "SHOP-B")

    with pytest.raises(OutcomeUnknownError) as info:
        asyncio.run(main())

    assert isinstance(info.value.__cause__, ServerError)
    assert info.value.reservations == (held.iri,)
    assert server.count("POST", ORDERS_BULK) == 1
