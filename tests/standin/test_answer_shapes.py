"""The stand-in answers in every shape the docs allow (issue 22), selected through its fault API:
created/failed arrays as JSON objects, IRIs or nulls, partial answers, refusals in another
language or code, a 5xx after the work is done, and commits not yet visible to lists."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from korusticket.testing import StandIn

RESERVATIONS_BULK = "/v1/booking/reservations/_bulk"
ORDERS_BULK = "/v1/booking/orders/_bulk"
ORDERS = "/v1/booking/orders"
CUSTOMER = {"firstname": "Jean", "lastname": "Dupont", "email": "jean@example.com"}


@pytest.fixture
def http(stand_in: StandIn) -> Iterator[httpx.Client]:
    """A raw client (no spec check: these answers are meant not to fit)."""
    headers = {"Authorization": f"Bearer {stand_in.issue_token()}"}
    with httpx.Client(
        base_url="https://api.demo.korusticket.com", transport=stand_in.transport(), headers=headers
    ) as c:
        yield c


def items(stand_in: StandIn, n: int) -> dict[str, Any]:
    offer = stand_in.demo.offer_day
    ticket = stand_in.state.seed.offers[offer.rsplit("/", 1)[1]].tickets[0].id
    item = {"offer": offer, "quantity": 1, "ticketSessions": [{"ticket": f"{offer}/tickets/{ticket}"}]}
    return {"items": [item] * n}


def order(http: httpx.Client, reservations: list[str], reference: str = "REF") -> httpx.Response:
    return http.post(
        ORDERS_BULK, json={"reservations": reservations, "customer": CUSTOMER, "externalReference": reference}
    )


@pytest.mark.parametrize(
    ("arrays", "created", "failed"),
    [
        ("object", lambda body: list(body.values()), {}),
        ("iris", lambda body: body, []),
        ("null", lambda body: body, []),
    ],
)
def test_bulk_arrays_in_other_shapes(
    http: httpx.Client, stand_in: StandIn, arrays: str, created: Any, failed: Any
) -> None:
    stand_in.faults.add(RESERVATIONS_BULK, method="POST", arrays=arrays)  # type: ignore[arg-type]

    body = http.post(RESERVATIONS_BULK, json=items(stand_in, 2)).json()

    members = created(body["reservations"])
    assert len(members) == 2
    if arrays == "object":
        assert set(body["reservations"]) == {"0", "1"}
    if arrays == "iris":
        assert all(isinstance(m, str) and m.startswith("/v1/booking/reservations/") for m in members)
    if arrays == "null":
        assert members == [None, None]
    assert body["failedReservations"] == failed
    assert http.get("/v1/booking/reservations").json()["totalItems"] == 2  # both exist


def test_a_partial_answer_leaves_out_created_resources_that_exist(http: httpx.Client, stand_in: StandIn) -> None:
    stand_in.faults.add(RESERVATIONS_BULK, method="POST", omit_created=1)

    body = http.post(RESERVATIONS_BULK, json=items(stand_in, 2)).json()

    assert len(body["reservations"]) == 1
    assert http.get("/v1/booking/reservations").json()["totalItems"] == 2


def test_a_refusal_in_french_without_a_code(http: httpx.Client, stand_in: StandIn) -> None:
    (held,) = stand_in.seed_reservations(1)
    assert order(http, [held]).json()["orders"]
    message = "Cette réservation a déjà été commandée."
    stand_in.faults.add(ORDERS_BULK, method="POST", refusal={"message": message, "code": None})

    (failure,) = order(http, [held]).json()["failedOrders"]

    assert failure == {"reservation": held, "message": message}


def test_a_500_after_the_order_committed(http: httpx.Client, stand_in: StandIn) -> None:
    (held,) = stand_in.seed_reservations(1)
    stand_in.faults.add(ORDERS_BULK, method="POST", status=500, process=True)

    assert order(http, [held]).status_code == 500
    assert http.get(ORDERS).json()["totalItems"] == 1


def test_an_order_not_yet_visible_to_the_next_lists(http: httpx.Client, stand_in: StandIn) -> None:
    (held,) = stand_in.seed_reservations(1)
    stand_in.faults.add(ORDERS_BULK, method="POST", hide_orders=2)

    assert order(http, [held]).json()["orders"]

    assert [http.get(ORDERS).json()["totalItems"] for _ in range(3)] == [0, 0, 1]
    assert http.get(f"{ORDERS}?external_reference=REF").json()["totalItems"] == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"arrays": "dict"}, "arrays must be one of"),
        ({"process": True}, "process=True needs the status"),
        ({"omit_created": -1}, ">= 0"),
        ({}, "a fault needs"),
    ],
)
def test_fault_settings_are_checked(stand_in: StandIn, kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        stand_in.faults.add(ORDERS_BULK, **kwargs)
