"""The booking flow and its error paths, each replayed from its own cassette in tests/cassettes.

Replay needs nothing running and blocks the network (see conftest.py); ``make record`` re-records.
"""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
from korusticket import (
    AuthenticationError,
    KorusTicket,
    NotFoundError,
    PartialFailureError,
    PermissionDeniedError,
    UnprocessableEntityError,
)
from korusticket.types import ReservationItemInput, TicketSessionInput

from examples.booking_walkthrough import CUSTOMER, walkthrough
from tests.support.cassettes import EMAIL_PLACEHOLDER, STAND_IN_ORIGIN, Env

pytestmark = [pytest.mark.vcr, pytest.mark.block_network]

UNKNOWN_ID = "0194abdc-3a71-72b0-a9b9-000000000001"


def from_stand_in(env: Env) -> bool:
    return bool(env.meta("recorded_against") == STAND_IN_ORIGIN)


def item_for(kt: KorusTicket, catalog: str, offer_iri: str, quantity: int) -> ReservationItemInput:
    """A reservation item; session tickets get the offer's first session."""
    offer = kt.offers.get(catalog, offer_iri)
    sessions = [s.session for s in kt.offers.availability(catalog, offer).sessions_availability or []]
    tickets: list[TicketSessionInput] = [
        {"ticket": t} if t.date_access else {"ticket": t, "session": sessions[0]} for t in offer.tickets or []
    ]
    return {"offer": offer, "quantity": quantity, "ticket_sessions": tickets}


def test_booking_flow(env: Env) -> None:
    """Every step of examples/booking_walkthrough.py, as `make demo` runs it.

    Requests are matched with their bodies: after changing the walkthrough, re-record
    (scripts/record_cassettes.py --stand-in)."""
    # the demo server keeps every order: a new reference per recording there
    reference = env.meta("external_reference", f"flow-{uuid.uuid4().hex[:12]}" if env.target == "demo" else "flow-1")

    lines: list[str] = []
    with env.client() as kt:
        orders = walkthrough(kt, today=env.clock().date(), external_reference=reference, say=lines.append)
    trace = "\n".join(lines)
    assert orders
    assert {o.external_reference for o in orders} == {reference}
    assert {str(o.status) for o in orders} == {"confirmed"}
    if not env.recording:
        assert {o.customer.email for o in orders} == {EMAIL_PLACEHOLDER}  # scrubbed in the cassette
    for step in ("1. List catalogs", "6. Reserve", "7. Order", "8. Name ticket holders", "9. Download the tickets"):
        assert step in trace
    if from_stand_in(env):
        assert [o.total_amount_incl_tax for o in orders] == [
            Decimal(a) for a in ("100.00", "290.00", "80.00", "175.00")
        ]
        assert "form customer_infos_form for Billet 1 jour Enfant" in trace
        assert "needs firstname, lastname -> validated" in trace
        assert trace.count("https://storage.googleapis.com/korusticket-demo-documents/") == 4
        assert "FAILED" not in trace


def test_unknown_catalog_is_404(env: Env) -> None:
    with env.client() as kt, pytest.raises(NotFoundError) as caught:
        kt.catalogs.get(UNKNOWN_ID)
    assert caught.value.status_code == 404


@pytest.mark.stand_in_only
def test_catalog_of_another_organization_is_403(env: Env) -> None:
    forbidden = env.demo("catalog_forbidden")
    with env.client() as kt, pytest.raises(PermissionDeniedError) as caught:
        kt.catalogs.get(forbidden)
    assert caught.value.status_code == 403


def test_invalid_bulk_reservation_is_422(env: Env) -> None:
    with env.client() as kt:
        catalog = next(iter(kt.catalogs.list(limit=1)))
        offer = f"{catalog.iri}/offers/{UNKNOWN_ID}"
        items: list[ReservationItemInput] = [
            {"offer": offer, "quantity": 1, "ticket_sessions": [{"ticket": f"{offer}/tickets/{UNKNOWN_ID}"}]}
        ]
        with pytest.raises(UnprocessableEntityError) as caught:
            kt.reservations.create(items)
    assert caught.value.status_code == 422
    assert "items[0].offer" in {v.property_path for v in caught.value.violations}


@pytest.mark.stand_in_only
def test_bulk_reservation_partial_failure(env: Env) -> None:
    catalog = env.demo("catalog")
    with env.client() as kt:
        items = [item_for(kt, catalog, env.demo("offer_day"), 1), item_for(kt, catalog, env.demo("offer_limited"), 3)]
        result = kt.reservations.create(items)
    assert len(result.succeeded) == 1
    assert result.succeeded[0].total_amount_incl_tax == Decimal("100.00")
    (failure,) = result.failed
    assert failure.index == 1
    assert failure.raw["code"] == "sold_out"
    with pytest.raises(PartialFailureError):
        result.raise_for_failures()


def test_bad_credentials_are_401_at_the_token_endpoint(env: Env) -> None:
    with env.client(client_secret="not-the-secret") as kt, pytest.raises(AuthenticationError) as caught:
        kt.catalogs.get(UNKNOWN_ID)
    assert caught.value.status_code == 401


@pytest.mark.stand_in_only
def test_expired_reservation_is_not_ordered(env: Env) -> None:
    catalog = env.demo("catalog")
    with env.client() as kt:
        (reservation,) = kt.reservations.create([item_for(kt, catalog, env.demo("offer_day"), 1)]).succeeded
        env.clock.advance(minutes=16)  # the hold is 15 minutes
        # The server, not the local clock, decides: the model is sent and the server refuses it.
        result = kt.orders.create([reservation], customer=CUSTOMER, external_reference="expired-1")
    assert result.succeeded == []
    (failure,) = result.failed
    assert failure.raw["code"] == "reservation_expired"
    assert failure.raw["reservation"] == reservation.iri
