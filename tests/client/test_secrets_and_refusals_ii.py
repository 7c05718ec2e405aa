"""Issue 22: no secret in any new object (token answers, RawResponse pickles, a caller's client with
its own auth), and the low items refused with InputError before anything is sent."""

from __future__ import annotations

import asyncio
import pickle
from typing import Any

import httpx
import pytest
from korusticket import AsyncKorusTicket, AuthenticationError, InputError, KorusTicket, OutcomeUnknownError

from tests.support.bodies import (
    CATALOG,
    CLIENT_ID,
    CLIENT_SECRET,
    CUSTOMER,
    ORDERS,
    STATIC_TOKEN,
    TOKEN_URL,
    access_token,
    catalog_body,
    collection,
    order_bulk_body,
)
from tests.support.mock_api import MockAPI, jsonld
from tests.support.numbered_bodies import (
    orders_page,
    reservation_iri,
)
from tests.support.secrets import reachable_texts

LIVE = access_token(1)


# --- M5: a 200 token answer refused keeps no live token ---------------------------------------------


@pytest.mark.parametrize("expires_in", ["3600", 0, -5, 10**400], ids=["string", "zero", "negative", "overflow"])
def test_a_refused_token_answer_keeps_no_live_token(api: MockAPI, client: KorusTicket, expires_in: object) -> None:
    body = {"access_token": LIVE, "refresh_token": "REFRESH-live", "expires_in": expires_in, "token_type": "Bearer"}
    api.token_replies = [httpx.Response(200, json=body)]

    with pytest.raises(AuthenticationError, match="expires_in") as info:
        client.catalogs.get(CATALOG)

    for text in reachable_texts(info.value, __file__):
        assert LIVE not in text
        assert "REFRESH-live" not in text
    assert info.value.response.json()["token_type"] == "Bearer"  # the rest of the answer is kept
    assert api.api_requests == []  # nothing was sent with it


def test_async_a_refused_token_answer_keeps_no_live_token(api: MockAPI, make_async_client: Any) -> None:
    api.token_replies = [httpx.Response(200, json={"access_token": LIVE, "expires_in": "3600"})]

    async def main() -> AuthenticationError:
        async with make_async_client() as kt:
            try:
                await kt.catalogs.get(CATALOG)
            except AuthenticationError as exc:
                return exc
        raise AssertionError("no error")

    error = asyncio.run(main())
    for text in reachable_texts(error, __file__):
        assert LIVE not in text


# --- M6: RawResponse pickles without the bearer token ----------------------------------------------


@pytest.mark.parametrize("static", [False, True], ids=["client-credentials", "static-token"])
def test_a_raw_response_pickles_without_the_bearer_token(api: MockAPI, make_client: Any, static: bool) -> None:
    kt = make_client(token=STATIC_TOKEN) if static else make_client()
    api.replies = [httpx.Response(200, json=catalog_body(), headers={"X-Request-Id": "req-7"})]

    raw = kt.with_raw_response.catalogs.get(CATALOG)
    data = pickle.dumps(raw)

    assert LIVE.encode() not in data
    assert STATIC_TOKEN.encode() not in data
    assert b"Bearer" not in data
    copy = pickle.loads(data)
    assert copy.status_code == 200
    assert copy.request_id == "req-7"
    assert copy.parse().iri == f"/v1/ticketing/catalogs/{CATALOG}"


def test_a_raw_response_describes_the_last_exchange(api: MockAPI, client: KorusTicket) -> None:
    failure = {"reservation": reservation_iri(1), "message": "expired", "code": "reservation_expired"}
    api.replies = [jsonld(order_bulk_body([], [failure])), jsonld(orders_page([]))]

    raw = client.with_raw_response.orders.create([reservation_iri(1)], CUSTOMER, "RAW-1")

    assert [r.request.method for r in raw.responses] == ["POST", "GET"]
    assert raw.method == "GET"
    assert raw.url is not None
    assert raw.url.path == ORDERS
    assert not raw.parse().ok


# --- M7: a caller's httpx client with its own auth --------------------------------------------------


@pytest.mark.parametrize("auth", [("user", "pw"), httpx.BasicAuth("user", "pw")])
def test_a_callers_client_with_its_own_auth_is_refused(api: MockAPI, auth: Any) -> None:
    own = httpx.Client(transport=api.transport(), auth=auth)

    with pytest.raises(InputError) as info:
        KorusTicket(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, http_client=own)

    assert info.value.field == "http_client"
    assert "auth" in str(info.value)
    assert api.requests == []
    own.close()


def test_async_a_callers_client_with_its_own_auth_is_refused(api: MockAPI) -> None:
    own = httpx.AsyncClient(transport=api.transport(), auth=("user", "pw"))

    with pytest.raises(InputError, match="http_client"):
        AsyncKorusTicket(token=STATIC_TOKEN, http_client=own)


def test_auth_set_on_a_callers_client_later_is_never_sent(api: MockAPI) -> None:
    own = httpx.Client(transport=api.transport())
    with KorusTicket(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, http_client=own) as kt:
        own.auth = httpx.BasicAuth("user", "pw")
        kt.catalogs.get(CATALOG)

    (token_request,) = api.token_requests
    assert "authorization" not in token_request.headers  # Keycloak never sees it
    assert [r.headers["authorization"] for r in api.api_requests] == [f"Bearer {LIVE}"]
    own.close()


# --- low items: refused before anything is sent -----------------------------------------------------


@pytest.mark.parametrize(
    ("field", "settings"),
    [
        ("base_url", {"base_url": "https://user:pw@api.example.com", "token": STATIC_TOKEN}),
        ("token_url", {"token_url": "https://user:pw@auth.example.com/token"}),
        ("token_url", {"token_url": "https://"}),
        ("client_id", {"client_id": ""}),
        ("client_secret", {"client_secret": " "}),
    ],
)
def test_bad_urls_and_empty_credentials_are_refused(field: str, settings: dict[str, Any]) -> None:
    values: dict[str, Any] = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, "token_url": TOKEN_URL}
    values.update(settings)
    if "token" in values:
        values.pop("client_id")
        values.pop("client_secret")

    with pytest.raises(InputError) as info:
        KorusTicket(**values)

    assert field in info.value.field
    assert "pw" not in str(info.value)


def test_an_escape_hatch_path_ending_in_a_newline_is_refused(api: MockAPI, client: KorusTicket) -> None:
    with pytest.raises(InputError) as info:
        client.get("/v1/ticketing/catalogs\n", cast_to=dict)

    assert info.value.field == "path"
    assert api.requests == []


@pytest.mark.parametrize("name", ["page", "itemsPerPage"])
def test_extra_query_cannot_override_the_page_parameters(api: MockAPI, client: KorusTicket, name: str) -> None:
    with pytest.raises(InputError) as info:
        list(client.catalogs.list(extra_query={name: 2}))

    assert info.value.field == f"extra_query.{name}"
    assert api.api_requests == []


def test_extra_query_cannot_override_the_order_lookup_filter(api: MockAPI, client: KorusTicket) -> None:
    api.replies = [jsonld(order_bulk_body([], [{"reservation": reservation_iri(1), "message": "no"}]))]

    with pytest.raises(OutcomeUnknownError) as info:  # the check of the failure could not run
        client.orders.create([reservation_iri(1)], CUSTOMER, "MINE", extra_query={"external_reference": "OTHER"})

    assert isinstance(info.value.__cause__, InputError)
    assert info.value.__cause__.field == "extra_query.external_reference"
    assert [r.method for r in api.api_requests] == ["POST"]


def test_with_options_extra_query_cannot_override_page_either(api: MockAPI, client: KorusTicket) -> None:
    with pytest.raises(InputError, match=r"extra_query\.page"):
        list(client.with_options(extra_query={"page": 3}).catalogs.list())


@pytest.mark.parametrize(
    "name", ["Connection", "TE", "Upgrade", "Expect", "Keep-Alive", "Trailer", "Content-Type", "Proxy-Authorization"]
)
def test_hop_by_hop_and_content_type_headers_are_refused(api: MockAPI, client: KorusTicket, name: str) -> None:
    with pytest.raises(InputError) as info:
        client.catalogs.get(CATALOG, extra_headers={name: "x"})

    assert info.value.field == "extra_headers"
    assert name in str(info.value)
    with pytest.raises(InputError):
        KorusTicket(token=STATIC_TOKEN, default_headers={name: "x"})
    assert api.requests == []


def test_with_options_max_retries_is_honoured_by_orders_create(api: MockAPI, make_client: Any) -> None:
    # A lost answer, a lookup that finds nothing: with max_retries=0 the order is not sent again.
    kt = make_client(max_retries=2)
    api.replies = [httpx.ReadError("lost"), jsonld(orders_page([]))]

    with pytest.raises(OutcomeUnknownError):
        kt.with_options(max_retries=0).orders.create([reservation_iri(1)], CUSTOMER, "ONCE")

    assert [r.method for r in api.api_requests] == ["POST", "GET"]


# --- mutants elsewhere --------------------------------------------------------------------------------


def test_per_call_extra_headers_merge_with_the_with_options_ones(api: MockAPI, client: KorusTicket) -> None:
    client.with_options(extra_headers={"X-Shop": "1"}).catalogs.get(CATALOG, extra_headers={"X-Call": "2"})

    (request,) = api.api_requests
    assert request.headers["x-shop"] == "1"
    assert request.headers["x-call"] == "2"


def test_a_single_string_is_one_list_filter_value_not_its_characters(api: MockAPI, client: KorusTicket) -> None:
    path = f"/v1/ticketing/catalogs/{CATALOG}/offers"
    api.replies = [jsonld(collection("TicketingOffer", path, []))]

    list(client.offers.list(CATALOG, option_values="VIP"))

    (request,) = api.api_requests
    values = [v for k, v in request.url.params.multi_items() if k.startswith("option")]
    assert values == ["VIP"]
