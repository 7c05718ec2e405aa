"""Every 1.0.7 operation, called once with a valid request, answers what spec/openapi.yaml describes.

Error statuses the spec declares (403, 404, 422, 400) are exercised too. The ``client`` fixture
already checks each response; here each one is also checked explicitly so coverage is counted.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from korusticket.testing import StandIn

from tests.support.operations import answered_from_schema

MERGE = {"content-type": "application/merge-patch+json"}
UNKNOWN = "0194abdc-3a71-72b0-a9b9-000000000001"


class Calls:
    """Requests to the stand-in, each answer checked against the spec; the statuses seen per operation."""

    def __init__(self, client: httpx.Client, spec: Any) -> None:
        self.client, self.spec = client, spec
        self.seen: dict[str, set[int]] = {}

    def __call__(self, method: str, url: str, expected: int, **kwargs: Any) -> Any:
        answer = self.client.request(method, url, **kwargs)
        assert answer.status_code == expected, (method, url, answer.text)
        body = answer.json()
        problems = self.spec.errors(method, answer.request.url.path, answer.status_code, body)
        assert problems is not None, f"{method} {url} {expected}: not declared in the spec"
        assert problems == [], (method, url, problems)
        found = self.spec.operation(method, answer.request.url.path)
        assert found is not None
        self.seen.setdefault(found[1]["operationId"], set()).add(expected)
        return body


def test_every_operation_matches_the_spec(client: httpx.Client, stand_in: StandIn, spec: Any) -> None:
    if spec is None:
        pytest.skip("spec/openapi.yaml not present")
    call = Calls(client, spec)
    offer, availability = read_everything(call, stand_in)
    nominative, ticket = book(call, stand_in, offer, availability)
    declared_errors(call, stand_in, nominative, ticket)
    seen = call.seen

    operations = {
        op["operationId"]
        for template, item in spec.spec["paths"].items()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op and not answered_from_schema(stand_in, template)
    }
    assert operations  # every operation of the spec the stand-in has behaviour or data for, whatever the release
    assert set(seen) == operations


def read_everything(call: Calls, stand_in: StandIn) -> tuple[Any, Any]:
    """Every read; the session offer and its availability (booked next)."""
    d = stand_in.demo
    call("GET", "/v1/ticketing/catalogs", 200)
    call("GET", d.catalog, 200)
    bases = call("GET", d.catalog + "/product_bases", 200)
    base = call("GET", bases["member"][0]["@id"], 200)
    call("GET", base["@id"] + "/options", 200)
    call("GET", base["@id"] + "/options/price_type/values", 200)
    call("GET", base["@id"] + "/products", 200)
    call("GET", d.catalog + "/product_bases?withDisabled=true", 200)
    seat_map = next(i for i in stand_in.state.documents.by_iri if i.startswith(base["@id"] + "/seat_maps/"))
    call("GET", seat_map, 200)
    call("GET", d.catalog + "/products?itemsPerPage=5&page=2", 200)
    call("GET", d.product, 200)
    call("GET", d.catalog + "/offers", 200)
    offer = call("GET", d.offer_session, 200)
    availability = call("GET", d.offer_session + "/availability", 200)
    call("GET", d.offer_dynamic + "/price", 200)
    call("GET", d.offer_session + "/tickets", 200)
    call("GET", offer["tickets"][1]["@id"], 200)
    ticket_sessions = call("GET", offer["tickets"][1]["@id"] + "/sessions", 200)
    call("GET", ticket_sessions["member"][0]["@id"], 200)
    call("GET", d.form, 200)
    return offer, availability


def book(call: Calls, stand_in: StandIn, offer: Any, availability: Any) -> tuple[Any, str]:
    """Reservations, orders, a beneficiary and the documents; the nominative order and its ticket."""
    d = stand_in.demo
    session = availability["sessionsAvailability"][0]["session"]
    sold_out = call("GET", d.offer_sold_out, 200)
    sold_out_session = call("GET", d.offer_sold_out + "/availability", 200)["sessionsAvailability"][0]["session"]
    reserved = call(
        "POST",
        "/v1/booking/reservations/_bulk",
        200,
        json={
            "items": [
                {
                    "offer": d.offer_session,
                    "quantity": 2,
                    "ticketSessions": [
                        {"ticket": offer["tickets"][0]["@id"]},
                        {"ticket": offer["tickets"][1]["@id"], "session": session},
                    ],
                },
                {"offer": d.offer_nominative, "quantity": 1, "ticketSessions": []},
                {
                    "offer": d.offer_sold_out,
                    "quantity": 1,
                    "ticketSessions": [{"ticket": sold_out["tickets"][0]["@id"], "session": sold_out_session}],
                },
            ]
        },
    )
    assert len(reserved["reservations"]) == 2
    assert len(reserved["failedReservations"]) == 1
    call("GET", "/v1/booking/reservations", 200)
    call("GET", reserved["reservations"][0]["@id"], 200)
    ordered = call(
        "POST",
        "/v1/booking/orders/_bulk",
        200,
        json={
            "reservations": [r["@id"] for r in reserved["reservations"]],
            "customer": {"firstname": "john", "lastname": "doe", "email": "john.doe@example.com"},
            "externalReference": "CONFORMANCE",
        },
    )
    assert len(ordered["orders"]) == 2
    call("GET", "/v1/booking/orders?external_reference=CONFORMANCE&order[createdAt]=desc", 200)
    nominative = ordered["orders"][1]
    call("GET", nominative["@id"], 200)
    ticket = nominative["items"][0]["tickets"][0]["@id"]
    call("GET", ticket, 200)
    call(
        "PATCH",
        ticket,
        200,
        json={
            "beneficiary": {
                "firstname": "john",
                "lastname": "doe",
                "title": "mr",
                "nationality": "FR",
                "dateOfBirth": "2000-01-01",
            }
        },
        headers=MERGE,
    )
    listed = call("GET", nominative["@id"] + "/documents", 200)
    (document,) = (d["@id"] for d in listed["member"])
    assert [document] == stand_in.document_iris(nominative["@id"])
    call("GET", document, 200)
    call("PATCH", document, 200, json={}, headers={**MERGE, "accept-language": "fr"})

    return nominative, ticket


def declared_errors(call: Calls, stand_in: StandIn, nominative: Any, ticket: str) -> None:
    """The error statuses the spec declares."""
    d = stand_in.demo
    call("GET", d.catalog_forbidden, 403)
    call("GET", f"{d.catalog}/offers/{UNKNOWN}/price", 404)
    call("GET", d.offer_forbidden + "/price", 403)
    call("GET", f"/v1/booking/reservations/{UNKNOWN}", 404)
    call("GET", stand_in.seed_reservations(1, foreign=True)[0], 403)
    call("GET", f"/v1/booking/orders/{UNKNOWN}", 404)
    call("PATCH", ticket, 400, json={"beneficiary": {}})  # not merge-patch
    call("PATCH", ticket, 422, json={"beneficiary": {"lastname": None}}, headers=MERGE)  # merge-patch removal
    call("GET", ticket.rsplit("/", 1)[0] + "/" + UNKNOWN, 404)
    call("PATCH", f"{nominative['@id']}/documents/{UNKNOWN}", 404, json={}, headers=MERGE)
    call("GET", f"/v1/forms/{UNKNOWN}", 404)
    call("POST", "/v1/booking/reservations/_bulk", 422, json={"items": [{"offer": d.offer_day, "quantity": 0}]})
    call("POST", "/v1/booking/orders/_bulk", 422, json={"reservations": [], "customer": {}})
