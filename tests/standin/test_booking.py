from __future__ import annotations

from typing import Any

import httpx
import pytest
from korusticket.testing import FakeClock, StandIn

from tests.support.bodies import CUSTOMER


def ticket_sessions(client: httpx.Client, offer_iri: str) -> list[dict[str, Any]]:
    """One ``ticketSessions`` entry per ticket, choosing the first session for session tickets."""
    offer = client.get(offer_iri).json()
    sessions = client.get(offer_iri + "/availability").json()["sessionsAvailability"]
    entries: list[dict[str, Any]] = []
    for t in offer["tickets"]:
        entry: dict[str, Any] = {"ticket": t["@id"]}
        if not t["dateAccess"]:
            entry["session"] = sessions[0]["session"]
        entries.append(entry)
    return entries


def reserve(client: httpx.Client, *items: dict[str, Any]) -> httpx.Response:
    return client.post(
        "/v1/booking/reservations/_bulk", json={"items": list(items)}, headers={"content-type": "application/ld+json"}
    )


def item(client: httpx.Client, offer: str, quantity: int = 1) -> dict[str, Any]:
    return {"offer": offer, "quantity": quantity, "ticketSessions": ticket_sessions(client, offer)}


def order(
    client: httpx.Client,
    reservations: list[str],
    external_reference: str = "EXT-1",
    customer: dict[str, Any] | None = None,
) -> httpx.Response:
    return client.post(
        "/v1/booking/orders/_bulk",
        headers={"content-type": "application/ld+json"},
        json={"reservations": reservations, "customer": customer or CUSTOMER, "externalReference": external_reference},
    )


def test_reservation_decreases_availability(client: httpx.Client, stand_in: StandIn, clock: FakeClock) -> None:
    offer = stand_in.demo.offer_session
    before = client.get(offer + "/availability").json()
    session_before = before["sessionsAvailability"][0]
    answer = reserve(client, item(client, offer, 3))
    assert answer.status_code == 200
    body = answer.json()
    assert body["failedReservations"] == []
    (reservation,) = body["reservations"]
    assert reservation["status"] == "reserved"
    assert reservation["expired"] is False
    assert reservation["expiresAt"] == "2025-06-01T08:15:00+00:00"
    assert reservation["totalAmountInclTax"] == "435.00"
    assert len(reservation["items"]) == 3
    assert reservation["items"][0]["offerTickets"][1]["session"] == session_before["session"]
    after = client.get(offer + "/availability").json()
    assert after["availableQuantity"] == before["availableQuantity"] - 3
    assert after["sessionsAvailability"][0]["availableQuantity"] == session_before["availableQuantity"] - 3
    assert client.get(session_before["session"]).json()["@type"] == "TicketingOfferTicketSession"  # 1.0.10 IRI
    assert client.get(offer).json()["availableQuantity"] == 497
    # the hold ends: stock comes back
    clock.advance(minutes=15)
    assert client.get(offer + "/availability").json()["availableQuantity"] == before["availableQuantity"]


def test_bulk_partial_failure(client: httpx.Client, stand_in: StandIn) -> None:
    demo = stand_in.demo
    items = [
        item(client, demo.offer_day, 2),
        item(client, demo.offer_limited, 3),  # only 2 left
        item(client, demo.offer_sold_out, 1),
        item(client, demo.offer_past, 1),
        {
            "offer": demo.offer_session_past,
            "quantity": 1,
            "ticketSessions": ticket_sessions(client, demo.offer_session_past),
        },
        item(client, demo.offer_limited, 2),
    ]
    body = reserve(client, *items).json()
    assert len(body["reservations"]) == 2
    failed = {f["index"]: f for f in body["failedReservations"]}
    assert {i: f["code"] for i, f in failed.items()} == {
        1: "sold_out",
        2: "sold_out",
        3: "offer_expired",
        4: "session_expired",
    }
    assert failed[1]["item"] == items[1]
    assert failed[1]["message"]
    assert client.get(demo.offer_limited + "/availability").json()["availableQuantity"] == 0
    listed = client.get("/v1/booking/reservations").json()
    assert listed["totalItems"] == 2


def violations(answer: httpx.Response) -> dict[str, str]:
    assert answer.status_code == 422, answer.text
    body = answer.json()
    assert body["@type"] == "ConstraintViolation"
    assert body["status"] == 422
    return {v["propertyPath"]: v["message"] for v in body["violations"]}


def test_reservation_validation_422_creates_nothing(client: httpx.Client, stand_in: StandIn) -> None:
    demo = stand_in.demo
    unknown = demo.catalog + "/offers/0194abdc-3a71-72b0-a9b9-000000000001"
    no_session = {
        "offer": demo.offer_session,
        "quantity": 1,
        "ticketSessions": [{"ticket": t["ticket"]} for t in ticket_sessions(client, demo.offer_session)],
    }
    found = violations(
        reserve(
            client,
            item(client, demo.offer_day),
            {"offer": unknown, "quantity": 1, "ticketSessions": []},
            {**item(client, demo.offer_day), "quantity": 0},
            no_session,
            {"offer": demo.offer_forbidden, "quantity": 1, "ticketSessions": []},
        )
    )
    assert set(found) == {"items[1].offer", "items[2].quantity", "items[3].ticketSessions[1].session", "items[4].offer"}
    assert violations(reserve(client)) == {"items": "This collection should contain 1 element or more."}
    assert client.get("/v1/booking/reservations").json()["totalItems"] == 0
    assert (
        client.post(
            "/v1/booking/reservations/_bulk", content=b"{not json", headers={"content-type": "application/ld+json"}
        ).status_code
        == 400
    )


def form_fields(client: httpx.Client, stand_in: StandIn) -> dict[str, str]:
    return {f["code"]: f["@id"] for f in client.get(stand_in.demo.form).json()["fields"]}


def form_item(client: httpx.Client, stand_in: StandIn, values: dict[str, str]) -> dict[str, Any]:
    fields = form_fields(client, stand_in)
    entry = ticket_sessions(client, stand_in.demo.offer_form)[0]
    entry["formData"] = {
        "form": stand_in.demo.form,
        "fields": [{"field": fields[code], "value": v} for code, v in values.items()],
    }
    return {"offer": stand_in.demo.offer_form, "quantity": 1, "ticketSessions": [entry]}


def test_form_data_is_validated(client: httpx.Client, stand_in: StandIn) -> None:
    good = {
        "lastname": "Doe",
        "firstname": "Jane",
        "baby_seat": "true",
        "children": "3",
        "weight": "2.99",
        "birth_date": "2025-01-01",
        "arrival_time": "07:30",
        "arrival": "2025-01-01 00:00:00",
        "meal": "vegetarian",
        "allergies": "gluten,peanuts",
    }
    assert reserve(client, form_item(client, stand_in, good)).json()["reservations"]
    bad = violations(
        reserve(client, form_item(client, stand_in, {**good, "children": "three", "arrival": "2025-01-01T00:00:00"}))
    )
    assert set(bad) == {
        "items[0].ticketSessions[0].formData.fields[3].value",
        "items[0].ticketSessions[0].formData.fields[7].value",
    }
    missing = violations(reserve(client, form_item(client, stand_in, {"firstname": "Jane"})))
    assert list(missing) == ["items[0].ticketSessions[0].formData.fields"]
    assert "lastname" in missing["items[0].ticketSessions[0].formData.fields"]
    no_form = violations(
        reserve(
            client,
            {
                "offer": stand_in.demo.offer_form,
                "quantity": 1,
                "ticketSessions": ticket_sessions(client, stand_in.demo.offer_form),
            },
        )
    )
    assert list(no_form) == ["items[0].ticketSessions[0].formData"]


def test_reserve_then_order(client: httpx.Client, stand_in: StandIn) -> None:
    reservation = reserve(client, item(client, stand_in.demo.offer_session, 2)).json()["reservations"][0]
    answer = order(client, [reservation["@id"]], "MY-REF-1")
    assert answer.status_code == 200
    body = answer.json()
    assert body["failedOrders"] == []
    (created,) = body["orders"]
    assert created["status"] == "confirmed"
    assert created["reference"].startswith("KT-ORD-")
    assert created["externalReference"] == "MY-REF-1"
    assert created["totalAmountInclTax"] == "290.00"
    tickets = created["items"][0]["tickets"]
    assert len(tickets) == 4
    assert {t["@type"] for t in tickets} == {"OrderItemTicketResource"}
    assert all(t["status"] == "validated" and t["requiredBeneficiaryFields"] == [] for t in tickets)
    assert client.get(created["@id"]).json()["id"] == created["id"]
    assert client.get(reservation["@id"]).json()["order"] == created["@id"]
    again = order(client, [reservation["@id"]], "MY-REF-2").json()
    assert again["orders"] == []
    assert again["failedOrders"] == [
        {
            "reservation": reservation["@id"],
            "code": "reservation_already_ordered",
            "message": "This reservation has already been ordered.",
        }
    ]
    found = client.get("/v1/booking/orders", params={"external_reference": "MY-REF-1"}).json()
    assert [o["id"] for o in found["member"]] == [created["id"]]
    assert client.get("/v1/booking/orders", params={"external_reference": "NOPE"}).json()["totalItems"] == 0


def test_held_past_expiry_cannot_be_ordered(client: httpx.Client, stand_in: StandIn, clock: FakeClock) -> None:
    reservation = reserve(client, item(client, stand_in.demo.offer_day)).json()["reservations"][0]
    clock.advance(minutes=15)
    seen = client.get(reservation["@id"]).json()
    assert seen["expired"] is True
    assert seen["status"] == "released"
    assert seen["releasable"] is False
    body = order(client, [reservation["@id"]]).json()
    assert body["orders"] == []
    assert body["failedOrders"][0]["code"] == "reservation_expired"
    assert body["failedOrders"][0]["reservation"] == reservation["@id"]


def test_hold_duration_is_configurable(clock: FakeClock) -> None:
    from datetime import timedelta

    short = StandIn(clock=clock, hold=timedelta(seconds=30), auth=False)
    with httpx.Client(base_url="https://x", transport=short.transport()) as c:
        body = reserve(c, item(c, short.demo.offer_day)).json()
        assert body["reservations"][0]["expiresAt"] == "2025-06-01T08:00:30+00:00"


def test_order_validation_422(client: httpx.Client, stand_in: StandIn) -> None:
    (reservation,) = stand_in.seed_reservations(1)
    bad_customer = {"firstname": "", "email": "not-an-email", "title": "dr"}
    found = violations(
        order(
            client,
            [reservation, "/v1/booking/reservations/0194abdc-3a71-72b0-a9b9-000000000001"],
            external_reference="",
            customer=bad_customer,
        )
    )
    assert set(found) == {
        "reservations[1]",
        "customer.firstname",
        "customer.lastname",
        "customer.email",
        "customer.title",
        "externalReference",
    }
    assert client.get(reservation).json()["order"] is None
    missing = client.post("/v1/booking/orders/_bulk", json={"reservations": [reservation], "customer": CUSTOMER})
    assert set(violations(missing)) == {"externalReference"}


def test_orders_filters_and_pagination(client: httpx.Client, stand_in: StandIn, clock: FakeClock) -> None:
    stand_in.seed_orders(123, external_reference="BULK")
    clock.advance(days=2)
    stand_in.seed_orders(2, external_reference="LATER")
    client.headers["authorization"] = f"Bearer {stand_in.issue_token()}"  # the old one expired meanwhile
    listed = client.get("/v1/booking/orders").json()
    assert listed["totalItems"] == 125
    assert listed["view"]["last"] == "/v1/booking/orders?page=13"
    assert len(client.get(listed["view"]["last"]).json()["member"]) == 5
    assert client.get("/v1/booking/orders?external_reference=BULK").json()["totalItems"] == 123
    after = client.get("/v1/booking/orders", params={"createdAt[after]": "2025-06-02"}).json()
    assert after["totalItems"] == 2
    before = client.get("/v1/booking/orders", params={"createdAt[strictly_before]": "2025-06-02"}).json()
    assert before["totalItems"] == 123
    newest = client.get("/v1/booking/orders", params={"order[createdAt]": "desc"}).json()["member"][0]
    assert newest["externalReference"] == "LATER"


def test_reservations_pagination_and_foreign(client: httpx.Client, stand_in: StandIn) -> None:
    stand_in.seed_reservations(123)
    (foreign,) = stand_in.seed_reservations(1, foreign=True)
    page = client.get("/v1/booking/reservations", params={"itemsPerPage": 50, "page": 3}).json()
    assert page["totalItems"] == 123
    assert len(page["member"]) == 23
    assert page["view"]["previous"] == "/v1/booking/reservations?itemsPerPage=50&page=2"
    assert client.get(foreign).status_code == 403
    (foreign_order,) = stand_in.seed_orders(1, foreign=True)
    assert client.get(foreign_order).status_code == 403


def nominative_order(client: httpx.Client, stand_in: StandIn) -> dict[str, Any]:
    reservation = reserve(client, item(client, stand_in.demo.offer_nominative)).json()["reservations"][0]
    result: dict[str, Any] = order(client, [reservation["@id"]]).json()["orders"][0]
    return result


def test_beneficiary_patch(client: httpx.Client, stand_in: StandIn) -> None:
    created = nominative_order(client, stand_in)
    ticket = created["items"][0]["tickets"][0]
    assert ticket["requiredBeneficiaryFields"] == ["firstname", "lastname"]
    assert ticket["status"] == "waiting_beneficiary_data"
    assert ticket["beneficiary"] is None
    url = ticket["@id"]
    merge = {"content-type": "application/merge-patch+json"}
    wrong_type = client.patch(url, json={"beneficiary": {"firstname": "a", "lastname": "b"}})
    assert wrong_type.status_code == 400
    assert wrong_type.json()["@type"] == "Error"
    assert client.patch(url, content=b"{oops", headers=merge).status_code == 400
    missing = client.patch(url, json={"beneficiary": {"firstname": "john"}}, headers=merge)
    assert violations(missing) == {"beneficiary.lastname": "This value should not be blank."}
    ok = client.patch(url, json={"beneficiary": {"firstname": "john", "lastname": "doe", "title": "mr"}}, headers=merge)
    assert ok.status_code == 200
    assert ok.json()["status"] == "validated"
    assert ok.json()["beneficiary"]["lastname"] == "doe"
    partial = client.patch(url, json={"beneficiary": {"firstname": "jane"}}, headers=merge).json()
    assert (partial["beneficiary"]["firstname"], partial["beneficiary"]["lastname"]) == ("jane", "doe")
    assert client.get(url).json()["beneficiary"]["firstname"] == "jane"
    assert client.get(created["@id"]).json()["items"][0]["tickets"][0]["status"] == "validated"
    other = url.rsplit("/", 1)[0] + "/0194abdc-3a71-72b0-a9b9-000000000001"
    assert client.get(other).status_code == 404


@pytest.mark.parametrize(("language", "expected"), [("en-GB,en;q=0.9", "en"), ("de", "fr"), (None, "fr")])
def test_document_urls_are_fresh(client: httpx.Client, stand_in: StandIn, language: str | None, expected: str) -> None:
    created = nominative_order(client, stand_in)
    (document,) = stand_in.document_iris(created["@id"])
    headers = {"content-type": "application/merge-patch+json"}
    if language:
        headers["accept-language"] = language
    first = client.patch(document, json={}, headers=headers).json()
    second = client.patch(document, json={}, headers=headers).json()
    assert first["temporaryUrl"] != second["temporaryUrl"]
    assert first["temporaryUrl"].startswith("https://storage.googleapis.com/")
    assert "Expires=" in first["temporaryUrl"]
    assert "Signature=" in first["temporaryUrl"]
    assert first["cachedLanguage"] == expected
    assert first["@type"] == "BookingOrderDocument"
    assert client.patch(document, json={}).status_code == 400  # not merge-patch
    unknown = created["@id"] + "/documents/0194abdc-3a71-72b0-a9b9-000000000001"
    assert client.patch(unknown, json={}, headers=headers).status_code == 404
