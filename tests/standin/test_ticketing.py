from __future__ import annotations

import re

import httpx
import pytest
from korusticket.testing import StandIn

UUID7 = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")


def test_catalogs_and_access(client: httpx.Client, stand_in: StandIn) -> None:
    answer = client.get("/v1/ticketing/catalogs")
    assert answer.headers["content-type"] == "application/ld+json; charset=utf-8"
    body = answer.json()
    assert body["@type"] == "Collection"
    assert body["totalItems"] == 2
    assert body["member"][0]["name"] == "Catalogue Puy du Fou - CSE"
    assert all(UUID7.fullmatch(m["id"]) for m in body["member"])
    assert (
        client.get("/v1/ticketing/catalogs?order[createdAt]=desc").json()["member"][0]["name"]
        != "Catalogue Puy du Fou - CSE"
    )
    forbidden = client.get(stand_in.demo.catalog_forbidden)
    assert forbidden.status_code == 403
    assert forbidden.json()["@type"] == "Error"
    assert forbidden.json()["status"] == 403
    assert client.get(stand_in.demo.catalog_forbidden + "/products").status_code == 403
    assert client.get(stand_in.demo.offer_forbidden).status_code == 403


@pytest.mark.parametrize(
    "path",
    [
        "/v1/ticketing/catalogs/0194abdc-3a71-72b0-a9b9-000000000000",  # well-formed, unknown
        "/v1/ticketing/catalogs/337177bc-e513-444f-bcee-49a3e25b48a3",  # UUIDv4: the route does not match
        "/v1/ticketing/catalogs/0194ac3f-7bdd-7175-a275-30c8656182835",  # 37 hex digits
        "/v1/nothing-here",
    ],
)
def test_unknown_and_malformed_ids_are_404(client: httpx.Client, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code == 404
    assert answer.json()["@context"] == "/contexts/Error"
    assert answer.json()["@id"] == "/errors/404"


def test_products_pagination_links(client: httpx.Client, stand_in: StandIn) -> None:
    path = stand_in.demo.catalog + "/products"
    first = client.get(path).json()
    assert first["totalItems"] == 65
    assert len(first["member"]) == 10
    assert first["member"][0]["name"] == "Puy du Fou 1 jour Adulte"
    view = client.get(path, params={"itemsPerPage": 10, "page": 3}).json()["view"]
    assert view == {
        "@id": f"{path}?itemsPerPage=10&page=3",
        "@type": "PartialCollectionView",
        "first": f"{path}?itemsPerPage=10&page=1",
        "last": f"{path}?itemsPerPage=10&page=7",
        "previous": f"{path}?itemsPerPage=10&page=2",
        "next": f"{path}?itemsPerPage=10&page=4",
    }
    last = client.get(view["last"]).json()
    assert len(last["member"]) == 5
    assert "next" not in last["view"]
    ids: set[str] = set()
    url: str | None = path + "?itemsPerPage=50"
    while url:
        page = client.get(url).json()
        ids.update(m["id"] for m in page["member"])
        url = page["view"].get("next")
    assert len(ids) == 65
    single = client.get(stand_in.demo.catalog_ol + "/products").json()["view"]
    assert set(single) == {"@id", "@type"}  # one page: no links


@pytest.mark.parametrize("query", ["itemsPerPage=51", "itemsPerPage=-1", "page=0", "page=abc"])
def test_bad_pagination_is_400(client: httpx.Client, stand_in: StandIn, query: str) -> None:
    answer = client.get(f"{stand_in.demo.catalog}/products?{query}")
    assert answer.status_code == 400
    assert answer.json()["@type"] == "Error"


def test_items_per_page_zero(client: httpx.Client, stand_in: StandIn) -> None:
    body = client.get(f"{stand_in.demo.catalog}/products?itemsPerPage=0").json()
    assert body["member"] == []
    assert body["totalItems"] == 65


def test_offer_filters(client: httpx.Client, stand_in: StandIn) -> None:
    offers = stand_in.demo.catalog + "/offers"
    everything = client.get(offers).json()
    assert everything["totalItems"] > 50
    product = stand_in.demo.product
    mine = client.get(offers, params={"product[]": product, "itemsPerPage": 40}).json()
    assert mine["totalItems"] == 31  # yesterday + 30 days
    assert {m["product"]["@id"] for m in mine["member"]} == {product}
    paged = client.get(offers, params={"product[]": product, "itemsPerPage": 20}).json()
    assert "product%5B%5D=" in paged["view"]["next"]  # filters survive in the links
    dates = [m["date"] for m in mine["member"]]
    assert dates == sorted(dates)
    desc = client.get(offers, params={"product[]": product, "order[date]": "desc"}).json()["member"]
    assert desc[0]["date"] > desc[1]["date"]
    window = client.get(
        offers, params={"product[]": product, "date[after]": "2025-06-05", "date[strictly_before]": "2025-06-08"}
    ).json()
    assert [m["date"] for m in window["member"]] == ["2025-06-05", "2025-06-06", "2025-06-07"]
    assert client.get(offers, params={"date[after]": "June"}).status_code == 400
    offer = client.get(stand_in.demo.offer_session).json()
    sessions = client.get(stand_in.demo.offer_session + "/availability").json()["sessionsAvailability"]
    session_id = sessions[0]["session"].rsplit("/", 1)[1]
    by_session = client.get(offers, params={"session": session_id}).json()
    assert offer["@id"] in {m["@id"] for m in by_session["member"]}


def test_offer_shape_and_price(client: httpx.Client, stand_in: StandIn) -> None:
    offer = client.get(stand_in.demo.offer_day).json()
    assert offer["@context"] == "/contexts/TicketingOffer"
    assert offer["price"] == {
        "@id": offer["price"]["@id"],
        "@type": offer["price"]["@type"],
        "amountInclTax": "100.00",
        "originalAmountInclTax": "120.00",
        "currency": "eur",
    }
    assert offer["product"]["name"] == "Puy du Fou 1 jour Adulte"
    assert offer["tickets"][0]["dateAccess"] is True
    assert offer["availableQuantity"] == 4000
    price = client.get(stand_in.demo.offer_day + "/price").json()
    assert (price["amountInclTax"], price["amountExclTax"], price["currency"]) == ("100.00", "80.00", "eur")
    dynamic = client.get(stand_in.demo.offer_dynamic).json()
    assert dynamic["realtimePriceRequired"] is True
    assert client.get(stand_in.demo.offer_dynamic + "/price").json()["amountInclTax"] == "179.90"
    session_offer = client.get(stand_in.demo.offer_session).json()
    assert [t["dateAccess"] for t in session_offer["tickets"]] == [True, False]
    form_offer = client.get(stand_in.demo.offer_form).json()
    assert form_offer["tickets"][0]["form"] == stand_in.demo.form


def test_offer_tickets(client: httpx.Client, stand_in: StandIn) -> None:
    tickets = client.get(stand_in.demo.offer_session + "/tickets").json()
    assert tickets["totalItems"] == 2
    one = client.get(tickets["member"][1]["@id"]).json()
    assert one["@context"] == "/contexts/TicketingOfferTicket"
    assert one["dateAccess"] is False
    other_offer = stand_in.demo.offer_day
    wrong = f"{other_offer}/tickets/{one['id']}"
    assert client.get(wrong).status_code == 404


def test_product_bases_options_values_products_and_offer_ticket_sessions(
    client: httpx.Client, stand_in: StandIn
) -> None:
    """KorusTicket 1.0.10's browse path, served from seed documents."""
    bases = client.get(stand_in.demo.catalog + "/product_bases", params={"itemsPerPage": 50}).json()
    assert bases["totalItems"] == 13
    base = next(b for b in bases["member"] if b["name"] == "Puy du Fou 1 jour")
    assert client.get(base["@id"]).json() == base
    options = client.get(base["@id"] + "/options").json()
    assert [o["@id"].rsplit("/", 1)[-1] for o in options["member"]] == ["price_type"]
    values = client.get(base["@id"] + "/options/price_type/values").json()
    assert values["totalItems"] == 5
    products = client.get(base["@id"] + "/products").json()
    assert "Puy du Fou 1 jour Adulte" in {p["name"] for p in products["member"]}
    offer = client.get(stand_in.demo.offer_session).json()
    ticket = next(t for t in offer["tickets"] if not t["dateAccess"])
    sessions = client.get(ticket["@id"] + "/sessions").json()
    assert sessions["totalItems"] >= 1
    session = client.get(sessions["member"][0]["@id"]).json()
    assert session["@type"] == "TicketingOfferTicketSession"
    availability = client.get(stand_in.demo.offer_session + "/availability").json()
    assert session["@id"] in {s["session"] for s in availability["sessionsAvailability"]}


def test_form(client: httpx.Client, stand_in: StandIn) -> None:
    form = client.get(stand_in.demo.form).json()
    assert form["code"] == "customer_infos_form"
    types = {f["type"] for f in form["fields"]}
    assert types == {"text", "bool", "integer", "decimal", "date", "time", "datetime", "single_choice", "multi_choice"}
    for f in form["fields"]:
        assert f["@id"] == f"{stand_in.demo.form}/fields/{f['id']}"
        assert f["@type"] == "FormField"
        assert ("choices" in f) == f["type"].endswith("_choice")
    meal = next(f for f in form["fields"] if f["code"] == "meal")
    assert meal["choices"][0]["@type"] == "FormFieldChoice"
    assert meal["choices"][0]["value"] == "standard"
