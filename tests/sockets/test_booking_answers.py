"""Issue 22: the true outcome of a booking under every answer the docs allow, through real sockets.

The stand-in answers in the other shapes (its fault API: ``arrays=``, ``omit_created=``,
``refusal=``, ``process=``, ``hide_orders=``); the fault server drops answers. One rule: a
reservation is failed only when an answer positively says so; anything else is looked up on
external_reference, and what cannot be proven raises OutcomeUnknownError naming it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from korusticket import AsyncKorusTicket, KorusTicket, OutcomeUnknownError, UnprocessableEntityError
from korusticket.testing import FakeClock, StandIn

from tests.support.bodies import CUSTOMER, ORDERS, ORDERS_BULK, RESERVATIONS_BULK
from tests.support.fault_server import FaultServer, with_query
from tests.support.sockets import reserve

RESERVATIONS = "/v1/booking/reservations"
FRENCH = {"message": "Cette réservation a déjà été commandée.", "code": None}
REFUSALS = [
    pytest.param(FRENCH, id="french-without-code"),
    pytest.param({"message": "This reservation expired.", "code": "reservation_expired"}, id="expired"),
    pytest.param({"message": "Refusé par l'émetteur.", "code": "issuer_refused"}, id="other-code"),
]


def orders_for(kt: KorusTicket, reference: str) -> list[str]:
    return sorted(str(o.additional_properties.get("reservation")) for o in kt.orders.list(external_reference=reference))


def reserved(stand_in: StandIn, posts: int) -> list[str]:
    """The reservations sent by the n-th order POST (1-based) as the stand-in received it."""
    return list(stand_in.requests_matching("POST", ORDERS_BULK)[posts - 1].json()["reservations"])


# --- H1: an answer whose arrays do not fit, in every mode ------------------------------------------------


@pytest.mark.parametrize("mode", ["lenient", "strict", "off"])
@pytest.mark.parametrize("shape", ["object", "iris", "null"])
def test_created_orders_in_an_unfit_array_are_looked_up_not_reported_failed(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], shape: str, mode: str
) -> None:
    kt = make_client(validate_responses=mode)
    first, second = reserve(kt, stand_in, 2)
    stand_in.faults.add(ORDERS_BULK, method="POST", arrays=shape)  # type: ignore[arg-type]

    result = kt.orders.create([first, second], CUSTOMER, "H1")

    assert result.ok, result.failed
    assert sorted(o.additional_properties["reservation"] for o in result.succeeded) == sorted([first.iri, second.iri])
    assert server.count("POST", ORDERS_BULK) == 1  # never sent twice
    assert server.count("GET", ORDERS) == 1  # one lookup on external_reference
    assert orders_for(kt, "H1") == sorted([first.iri, second.iri])


@pytest.mark.parametrize("shape", ["object", "iris", "null"])
def test_reservations_in_an_unfit_array_are_an_unknown_outcome_in_lenient_mode(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], shape: str
) -> None:
    kt = make_client(validate_responses="lenient")
    offer = kt.offers.get(stand_in.demo.catalog, stand_in.demo.offer_day)
    stand_in.faults.add(RESERVATIONS_BULK, method="POST", arrays=shape)  # type: ignore[arg-type]

    with pytest.raises(OutcomeUnknownError) as info:
        kt.reservations.create([{"offer": offer, "quantity": 1}])

    assert info.value.reservations == (stand_in.demo.offer_day,)
    assert server.count("POST", RESERVATIONS_BULK) == 1


# --- H2: a refused resend after a lost answer, whatever its language or code -----------------------------


@pytest.mark.parametrize("refusal", REFUSALS)
def test_a_refused_resend_after_a_lost_answer_is_looked_up_again_and_the_order_found(
    server: FaultServer,
    stand_in: StandIn,
    make_client: Callable[..., KorusTicket],
    sleeps: list[float],
    refusal: dict[str, Any],
) -> None:
    # The first POST commits, its answer is lost, the first lookup misses the order (the commit
    # is not visible yet), the resend is refused in a shape the client does not expect.
    kt = make_client(language="fr")
    (held,) = reserve(kt, stand_in)
    server.add(ORDERS_BULK, method="POST", action="close", process=True)
    stand_in.faults.add(ORDERS_BULK, method="POST", hide_orders=1)
    stand_in.faults.add(ORDERS_BULK, method="POST", refusal=refusal)
    sleeps.clear()

    result = kt.orders.create([held], CUSTOMER, "H2")

    assert result.ok, result.failed
    (order,) = result.succeeded
    assert order.additional_properties["reservation"] == held.iri
    assert server.count("POST", ORDERS_BULK) == 2  # the lost one and one resend
    assert server.count("GET", ORDERS) == 2  # before the resend, and after the refusal
    assert sleeps == [0.5]
    assert orders_for(kt, "H2") == [held.iri]


def test_a_refused_resend_no_lookup_explains_is_unknown_with_what_was_proven(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], sleeps: list[float]
) -> None:
    # Two reservations: the answer lists the first order only; the second stays invisible to
    # every lookup and its resend is refused in French: unknown, the first one as succeeded.
    kt = make_client()
    first, second = reserve(kt, stand_in, 2)
    stand_in.faults.add(ORDERS_BULK, method="POST", omit_created=1, hide_orders=4)
    stand_in.faults.add(ORDERS_BULK, method="POST", refusal=FRENCH)
    sleeps.clear()

    with pytest.raises(OutcomeUnknownError) as info:
        kt.orders.create([first, second], CUSTOMER, "H2-B")

    assert info.value.reservations == (second.iri,)
    assert [o.additional_properties["reservation"] for o in info.value.succeeded] == [first.iri]
    assert reserved(stand_in, 2) == [second.iri]
    assert server.count("GET", ORDERS) == 1 + 3
    assert sleeps == [0.5, 1.0, 2.0]


def test_a_resend_refused_as_a_whole_after_a_lost_answer_is_looked_up_not_raised(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    (held,) = reserve(kt, stand_in)
    server.add(ORDERS_BULK, method="POST", action="close", process=True)
    stand_in.faults.add(ORDERS_BULK, method="POST", hide_orders=1)
    stand_in.faults.add(ORDERS_BULK, method="POST", status=422, body={"status": 422, "detail": "déjà commandée"})

    result = kt.orders.create([held], CUSTOMER, "H2-C")

    assert result.ok
    assert [o.additional_properties["reservation"] for o in result.succeeded] == [held.iri]
    assert server.count("POST", ORDERS_BULK) == 2
    assert server.count("GET", ORDERS) == 2


# --- M1: partial answers and duplicated input ----------------------------------------------------------


def test_an_order_missing_from_the_answer_is_looked_up_and_found(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    first, second = reserve(kt, stand_in, 2)
    stand_in.faults.add(ORDERS_BULK, method="POST", omit_created=1)

    result = kt.orders.create([first, second], CUSTOMER, "M1")

    assert result.ok, result.failed
    assert [o.additional_properties["reservation"] for o in result.succeeded] == [first.iri, second.iri]
    assert server.count("POST", ORDERS_BULK) == 1
    assert server.count("GET", ORDERS) == 1


def test_a_reservation_given_twice_is_ordered_once_and_reported_once(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    (held,) = reserve(kt, stand_in)

    result = kt.orders.create([held, held.iri], CUSTOMER, "M1-B")

    assert result.ok, result.failed
    (order,) = result.succeeded
    assert result.outcomes == (order, order)
    assert reserved(stand_in, 1) == [held.iri]
    assert server.count("POST", ORDERS_BULK) == 1
    assert server.count("GET", ORDERS) == 0


def test_a_reservation_missing_from_the_answer_is_an_unknown_outcome_naming_its_offer(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    day = kt.offers.get(stand_in.demo.catalog, stand_in.demo.offer_day)
    stand_in.faults.add(RESERVATIONS_BULK, method="POST", omit_created=1)

    with pytest.raises(OutcomeUnknownError) as info:
        kt.reservations.create([{"offer": day, "quantity": 1}, {"offer": day, "quantity": 2}])

    assert info.value.reservations == (stand_in.demo.offer_day,)
    assert len(info.value.succeeded) == 1
    assert server.count("GET", RESERVATIONS) == 0


# --- M2: a retry with the same external_reference is idempotent -----------------------------------------


def test_retrying_after_an_unknown_outcome_returns_the_callers_own_order(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    (held,) = reserve(kt, stand_in)
    server.add(ORDERS_BULK, method="POST", action="close", process=True)
    server.add(ORDERS, method="GET", action="answer", status=500, body=b'{"detail": "db down"}')
    with pytest.raises(OutcomeUnknownError):
        kt.orders.create([held], CUSTOMER, "M2")

    result = kt.orders.create([held], CUSTOMER, "M2")  # what the README says the reference is for

    assert result.ok, result.failed
    (order,) = result.succeeded
    assert order.additional_properties["reservation"] == held.iri
    assert orders_for(kt, "M2") == [held.iri]  # still one order
    assert server.count("POST", ORDERS_BULK) == 2


@pytest.mark.parametrize("status", [400, 409, 422])
def test_a_retry_refused_as_a_whole_returns_the_callers_own_order(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], status: int
) -> None:
    """The docs leave open whether "already ordered" is a failed item or a 4xx to the whole request."""
    kt = make_client()
    (held,) = reserve(kt, stand_in)
    first = kt.orders.create([held], CUSTOMER, "M2-4xx").raise_for_failures()
    violation = {"propertyPath": "reservations[0]", "message": "Cette réservation a déjà été commandée."}
    stand_in.faults.add(ORDERS_BULK, method="POST", status=status, body={"status": status, "violations": [violation]})

    again = kt.orders.create([held], CUSTOMER, "M2-4xx")

    assert again.ok, again.failed
    assert [o.iri for o in again.succeeded] == [o.iri for o in first.succeeded]
    assert server.count("POST", ORDERS_BULK) == 2  # the retry is not sent again after the refusal
    assert server.count("GET", ORDERS) == 1


def test_a_refusal_as_a_whole_stands_when_the_reference_covers_only_some_reservations(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    first, second = reserve(kt, stand_in, 2)
    kt.orders.create([first], CUSTOMER, "M2-part").raise_for_failures()
    stand_in.faults.add(ORDERS_BULK, method="POST", status=422, body={"status": 422, "violations": []})

    with pytest.raises(UnprocessableEntityError):  # the second was never ordered: the refusal is the outcome
        kt.orders.create([first, second], CUSTOMER, "M2-part")

    assert server.count("POST", ORDERS_BULK) == 2
    assert server.count("GET", ORDERS) == 1


# --- M3: a 500 after the order was committed ---------------------------------------------------------------


def test_a_500_after_commit_is_looked_up_and_the_order_found(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    (held,) = reserve(kt, stand_in)
    stand_in.faults.add(ORDERS_BULK, method="POST", status=500, process=True)

    result = kt.orders.create([held], CUSTOMER, "M3")

    assert result.ok
    assert [o.additional_properties["reservation"] for o in result.succeeded] == [held.iri]
    assert server.count("POST", ORDERS_BULK) == 1
    assert server.count("GET", ORDERS) == 1


def test_a_500_to_a_reservation_post_is_an_unknown_outcome(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    offer = kt.offers.get(stand_in.demo.catalog, stand_in.demo.offer_day)
    stand_in.faults.add(RESERVATIONS_BULK, method="POST", status=500, process=True)

    with pytest.raises(OutcomeUnknownError) as info:
        kt.reservations.create([{"offer": offer, "quantity": 1}])

    assert info.value.reservations == (stand_in.demo.offer_day,)
    assert server.count("POST", RESERVATIONS_BULK) == 1


def test_async_a_500_after_commit_is_looked_up_too(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], make_async_client: Any
) -> None:
    (held,) = reserve(make_client(), stand_in)
    stand_in.faults.add(ORDERS_BULK, method="POST", status=500, process=True)

    async def main() -> bool:
        async with make_async_client() as kt:
            return (await kt.orders.create([held], CUSTOMER, "M3-A")).ok

    assert asyncio.run(main())
    assert server.count("GET", ORDERS) == 1


# --- reconciliation mutants ------------------------------------------------------------------------------


def test_a_lookup_ignoring_the_filter_does_not_make_another_references_order_count(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    (held,) = reserve(kt, stand_in)
    assert kt.orders.create([held], CUSTOMER, "OTHER").ok
    server.add(ORDERS, method="GET", rewrite_request=lambda r: with_query(r, external_reference=None), times=None)

    result = kt.orders.create([held], CUSTOMER, "MINE")

    (failure,) = result.failed
    assert failure.raw["code"] == "reservation_already_ordered"
    assert result.succeeded == []


def test_the_lookup_reads_past_a_full_first_page(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], clock: FakeClock
) -> None:
    kt = make_client()
    stand_in.seed_orders(50, external_reference="BUSY")
    (held,) = reserve(kt, stand_in)
    clock.advance(1)  # this call's order comes after the 50 others
    server.add(ORDERS_BULK, method="POST", action="close", process=True)

    result = kt.orders.create([held], CUSTOMER, "BUSY")

    assert result.ok
    assert [o.additional_properties["reservation"] for o in result.succeeded] == [held.iri]
    assert server.count("POST", ORDERS_BULK) == 1
    assert server.count("GET", ORDERS) == 2  # two pages of 50


def test_a_resend_carries_only_the_reservations_not_proven_ordered(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], clock: FakeClock
) -> None:
    kt = make_client()
    first, second = reserve(kt, stand_in, 2)
    stand_in.reservation(second.iri).expires_at = clock() - timedelta(seconds=1)
    server.add(ORDERS_BULK, method="POST", action="close", process=True)

    with pytest.raises(OutcomeUnknownError) as info:
        kt.orders.create([first, second], CUSTOMER, "RESEND")

    assert reserved(stand_in, 2) == [second.iri]  # the first is proven ordered by the lookup
    assert info.value.reservations == (second.iri,)
    assert [o.additional_properties["reservation"] for o in info.value.succeeded] == [first.iri]


def test_async_a_french_refusal_after_a_lost_answer_is_looked_up(
    server: FaultServer,
    stand_in: StandIn,
    make_client: Callable[..., KorusTicket],
    make_async_client: Callable[..., AsyncKorusTicket],
) -> None:
    (held,) = reserve(make_client(), stand_in)
    server.add(ORDERS_BULK, method="POST", action="close", process=True)
    stand_in.faults.add(ORDERS_BULK, method="POST", hide_orders=1)
    stand_in.faults.add(ORDERS_BULK, method="POST", refusal=FRENCH)

    async def main() -> bool:
        async with make_async_client() as kt:
            return (await kt.orders.create([held], CUSTOMER, "H2-A")).ok

    assert asyncio.run(main())
