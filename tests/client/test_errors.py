"""Each error class from its status and documented body; transport failures; undecodable answers;
InputError raised before any request."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import httpx
import pytest
from korusticket import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InputError,
    KorusTicket,
    KorusTicketError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    RateLimitError,
    ResponseDecodeError,
    ServerError,
    UnprocessableEntityError,
    Violation,
)
from korusticket.types import ReservationItemInput

from tests.support.bodies import (
    CATALOG,
    CATALOG_IRI,
    CUSTOMER,
    ITEM,
    OFFER,
    OFFER_IRI,
    ORDER,
    ORDER_TICKET,
    RESERVATION,
    RESERVATION_IRI,
    STATIC_TOKEN,
    TICKET_IRI,
    error_body,
    violation_body,
)
from tests.support.mock_api import FakeSleep, MockAPI, jsonld, run_async, run_sync

HTML_404 = b"<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>"
ITEMS: list[ReservationItemInput] = [{"offer": OFFER_IRI, "quantity": 1, "ticket_sessions": [{"ticket": TICKET_IRI}]}]


# --- statuses -> classes ----------------------------------------------------------------------------

STATUS_CASES = [
    # status, class, documented title/detail, the call that gets it
    (400, BadRequestError, "An error occurred", "beneficiary.dateOfBirth: This value is not a valid date.",
     lambda kt: kt.order_tickets.set_beneficiary(ORDER, ITEM, ORDER_TICKET, {"firstname": "j", "lastname": "d"})),
    (403, PermissionDeniedError, "An error occurred", "Access Denied.", lambda kt: kt.offers.price(CATALOG, OFFER)),
    (404, NotFoundError, "An error occurred", "Not Found", lambda kt: kt.reservations.get(RESERVATION)),
    (409, ConflictError, "An error occurred", "The reservation is already ordered.",
     lambda kt: kt.orders.create([RESERVATION], CUSTOMER, "REF-409")),
    (429, RateLimitError, "Too Many Requests", "Rate limit exceeded", lambda kt: kt.catalogs.get(CATALOG)),
    (500, ServerError, "An error occurred", "Internal Server Error", lambda kt: kt.catalogs.get(CATALOG)),
    (502, ServerError, "Bad Gateway", "upstream failed", lambda kt: kt.catalogs.get(CATALOG)),
    (503, ServerError, "Service Unavailable", "maintenance", lambda kt: list(kt.orders.list())),
    (504, ServerError, "Gateway Timeout", "upstream timed out", lambda kt: kt.offers.availability(CATALOG, OFFER)),
]  # fmt: skip


@pytest.mark.parametrize(
    ("status", "cls", "title", "detail", "call"), STATUS_CASES, ids=[f"{c[0]}" for c in STATUS_CASES]
)
def test_status_maps_to_its_error_class(
    api: MockAPI, client: KorusTicket, status: int, cls: type[APIError], title: str, detail: str, call: Any
) -> None:
    body = error_body(status, title, detail)
    body["instance"] = f"/errors/{status}/occurrence"
    api.replies = [jsonld(body, status)]
    with pytest.raises(cls) as info:
        call(client)
    exc = info.value
    assert type(exc) is cls
    assert isinstance(exc, APIError)
    assert isinstance(exc, KorusTicketError)
    assert exc.status_code == status
    assert exc.title == title
    assert exc.detail == detail
    assert exc.type == f"/errors/{status}"
    assert exc.instance == f"/errors/{status}/occurrence"
    assert isinstance(exc.response, httpx.Response)
    assert exc.response.status_code == status
    assert exc.body == body
    assert str(status) in str(exc)
    assert detail in str(exc)
    # sent once, never retried; orders.create then looks its external_reference up once, in case the
    # refusal answers a retry of a call that did order (issue 22)
    assert len(api.api_requests) == (2 if status == 409 else 1)


@pytest.mark.parametrize(
    ("status", "cls", "title", "detail", "call"), STATUS_CASES[:5], ids=[f"{c[0]}" for c in STATUS_CASES[:5]]
)
def test_async_status_maps_to_its_error_class(
    api: MockAPI, make_async_client: Any, status: int, cls: type[APIError], title: str, detail: str, call: Any
) -> None:
    api.replies = [jsonld(error_body(status, title, detail), status)]

    async def main() -> None:
        async with make_async_client() as kt:
            await run_async(call(kt))

    with pytest.raises(cls) as info:
        asyncio.run(main())
    assert info.value.status_code == status
    assert info.value.detail == detail


def test_401_from_the_api_is_authentication_error(api: MockAPI, make_client: Any) -> None:
    kt = make_client(token=STATIC_TOKEN)
    api.replies = [jsonld({"code": 401, "message": "Invalid JWT Token"}, 401)]
    with pytest.raises(AuthenticationError) as info:
        kt.catalogs.get(CATALOG)
    assert info.value.status_code == 401
    assert info.value.detail == "Invalid JWT Token"


def test_unmapped_4xx_is_a_plain_api_error(api: MockAPI, client: KorusTicket) -> None:
    api.replies = [jsonld(error_body(418, "I'm a teapot", "short and stout"), 418)]
    with pytest.raises(APIError) as info:
        client.catalogs.get(CATALOG)
    assert type(info.value) is APIError
    assert info.value.status_code == 418


def test_422_constraint_violation_maps_to_violations(api: MockAPI, client: KorusTicket) -> None:
    body = violation_body()
    api.replies = [jsonld(body, 422)]
    with pytest.raises(UnprocessableEntityError) as info:
        client.reservations.create(ITEMS)
    exc = info.value
    assert exc.status_code == 422
    assert exc.title == "An error occurred"
    assert exc.type == body["type"]
    assert exc.violations == [
        Violation(
            property_path="items[0].quantity",
            message="This value should be positive.",
            code=body["violations"][0]["code"],
        ),
        Violation(property_path="customer.email", message="This value is not a valid email address.", code=None),
    ]
    assert "items[0].quantity: This value should be positive." in str(exc)
    assert len(api.api_requests) == 1  # a 422 POST is never resent


def test_422_on_orders_create(api: MockAPI, client: KorusTicket) -> None:
    api.replies = [jsonld(violation_body(), 422)]
    with pytest.raises(UnprocessableEntityError) as info:
        client.orders.create([RESERVATION_IRI], CUSTOMER, "REF-1")
    assert [v.property_path for v in info.value.violations] == ["items[0].quantity", "customer.email"]


def test_422_without_violations_has_an_empty_list(api: MockAPI, client: KorusTicket) -> None:
    api.replies = [jsonld(error_body(422, "An error occurred", "invalid"), 422)]
    with pytest.raises(UnprocessableEntityError) as info:
        client.reservations.create(ITEMS)
    assert info.value.violations == []


@pytest.mark.parametrize(("header", "seconds"), [("7", 7.0), ("0", 0.0), ("120", 120.0)])
def test_429_retry_after(api: MockAPI, client: KorusTicket, header: str, seconds: float) -> None:
    api.replies = [jsonld(error_body(429, "Too Many Requests", "slow down"), 429, {"Retry-After": header})]
    with pytest.raises(RateLimitError) as info:
        client.catalogs.get(CATALOG)
    assert info.value.retry_after == seconds


def test_429_without_retry_after(api: MockAPI, client: KorusTicket) -> None:
    api.replies = [httpx.Response(429)]
    with pytest.raises(RateLimitError) as info:
        client.catalogs.get(CATALOG)
    assert info.value.retry_after is None


def test_429_is_retried_after_retry_after_then_raised(api: MockAPI, make_client: Any) -> None:
    sleep = FakeSleep()
    kt = make_client(max_retries=1, sleep=sleep)
    api.replies = [httpx.Response(429, headers={"Retry-After": "3"}), httpx.Response(429, headers={"Retry-After": "4"})]
    with pytest.raises(RateLimitError) as info:
        kt.catalogs.get(CATALOG)
    assert sleep.calls == [3.0]
    assert info.value.retry_after == 4.0


# --- non-JSON error pages --------------------------------------------------------------------------------


def test_html_404_page_gives_a_clean_not_found_error(api: MockAPI, client: KorusTicket) -> None:
    api.replies = [httpx.Response(404, content=HTML_404, headers={"Content-Type": "text/html"})]
    with pytest.raises(NotFoundError) as info:
        client.catalogs.get(CATALOG)
    exc = info.value
    assert type(exc) is NotFoundError
    assert exc.status_code == 404
    assert exc.body is None
    assert exc.detail is None
    assert exc.title is None
    assert "<" not in str(exc)
    assert str(exc) == f"404 Not Found (GET /v1/ticketing/catalogs/{CATALOG})"
    assert exc.__cause__ is None or isinstance(exc.__cause__, ValueError)


def test_html_404_page_on_every_kind_of_operation(api: MockAPI, client: KorusTicket) -> None:
    calls = [
        lambda: client.offers.price(CATALOG, OFFER),  # 404 declared in the spec (ErrorJsonld)
        lambda: client.forms.get("0195197f-7918-7285-bb4b-7df2b682c3eb"),
        lambda: list(client.catalogs.list()),
        lambda: client.order_documents.refresh_url(ORDER, "0194b6c7-cbc8-7e79-b8a8-e95ffe2acb49"),
        lambda: client.reservations.create(ITEMS),
    ]
    for call in calls:
        api.replies = [httpx.Response(404, content=HTML_404, headers={"Content-Type": "text/html"})]
        with pytest.raises(NotFoundError):
            call()


def test_html_500_page_gives_a_server_error(api: MockAPI, client: KorusTicket) -> None:
    api.replies = [httpx.Response(500, content=b"<html>oops</html>", headers={"Content-Type": "text/html"})]
    with pytest.raises(ServerError) as info:
        client.catalogs.get(CATALOG)
    assert info.value.body is None
    assert "<html>" not in str(info.value)


def test_problem_json_with_hydra_keys(api: MockAPI, client: KorusTicket) -> None:
    body = {"@type": "hydra:Error", "hydra:title": "An error occurred", "hydra:description": "Not Found"}
    api.replies = [httpx.Response(404, json=body, headers={"Content-Type": "application/problem+json"})]
    with pytest.raises(NotFoundError) as info:
        client.catalogs.get(CATALOG)
    assert info.value.title == "An error occurred"
    assert info.value.detail == "Not Found"


# --- transport failures ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("exc", "cls"),
    [
        (httpx.ConnectError("connection refused"), APIConnectionError),
        (httpx.RemoteProtocolError("peer closed connection"), APIConnectionError),
        (httpx.ReadTimeout("read timed out"), APITimeoutError),
        (httpx.ConnectTimeout("connect timed out"), APITimeoutError),
        (httpx.PoolTimeout("pool timed out"), APITimeoutError),
    ],
)
def test_transport_failures_on_a_get(api: MockAPI, client: KorusTicket, exc: Exception, cls: type) -> None:
    api.replies = [exc]
    with pytest.raises(cls) as info:
        client.catalogs.get(CATALOG)
    assert type(info.value) is cls
    assert isinstance(info.value, APIConnectionError)
    assert info.value.request is not None
    assert info.value.request.url.path == f"/v1/ticketing/catalogs/{CATALOG}"


def test_async_transport_failures(api: MockAPI, make_async_client: Any) -> None:
    async def main(reply: Exception) -> None:
        api.replies = [reply]
        async with make_async_client() as kt:
            await kt.catalogs.get(CATALOG)

    with pytest.raises(APIConnectionError) as info:
        asyncio.run(main(httpx.ConnectError("refused")))
    assert type(info.value) is APIConnectionError
    with pytest.raises(APITimeoutError):
        asyncio.run(main(httpx.ReadTimeout("slow")))


def test_connection_failure_is_retried_before_it_is_raised(api: MockAPI, make_client: Any) -> None:
    kt = make_client(max_retries=2)
    api.replies = [httpx.ConnectError("refused")] * 3
    with pytest.raises(APIConnectionError):
        kt.catalogs.get(CATALOG)
    assert len(api.api_requests) == 3


def test_token_endpoint_unreachable(api: MockAPI, client: KorusTicket) -> None:
    api.token_replies = [httpx.ConnectError("refused")]
    with pytest.raises(APIConnectionError):
        client.catalogs.get(CATALOG)
    api.token_replies = [httpx.ReadTimeout("slow")]
    with pytest.raises(APITimeoutError):
        client.catalogs.get(CATALOG)
    assert api.api_requests == []


def test_lost_answer_to_a_reservation_post_is_outcome_unknown(api: MockAPI, client: KorusTicket) -> None:
    api.replies = [httpx.ReadTimeout("read timed out")]
    with pytest.raises(OutcomeUnknownError):
        client.reservations.create(ITEMS)
    assert len(api.api_requests) == 1  # never resent blindly


# --- undecodable answers ------------------------------------------------------------------------------


def test_non_json_success_is_a_response_decode_error(api: MockAPI, client: KorusTicket) -> None:
    api.replies = [httpx.Response(200, content=b"<html>maintenance</html>")]
    with pytest.raises(ResponseDecodeError) as info:
        client.catalogs.get(CATALOG)
    assert info.value.response.status_code == 200


def test_wrong_field_type_is_a_response_decode_error_naming_the_field(api: MockAPI, client: KorusTicket) -> None:
    api.replies = [jsonld({"@id": CATALOG_IRI, "id": CATALOG, "createdAt": "yesterday", "name": "x"})]
    with pytest.raises(ResponseDecodeError) as info:
        client.catalogs.get(CATALOG)
    assert info.value.path == "createdAt"
    assert "createdAt" in str(info.value)


# --- InputError before any request ----------------------------------------------------------------------

BAD_CALLS: list[tuple[str, Any]] = [
    ("id not a uuid", lambda kt: kt.catalogs.get("not-a-uuid")),
    ("id empty", lambda kt: kt.catalogs.get("")),
    ("id int", lambda kt: kt.catalogs.get(42)),
    ("id None", lambda kt: kt.catalogs.get(None)),
    ("id bytes", lambda kt: kt.catalogs.get(CATALOG.encode())),
    ("iri not ending in uuid", lambda kt: kt.catalogs.get(f"{CATALOG_IRI}/events")),
    ("path traversal", lambda kt: kt.catalogs.get(f"../{CATALOG}/x")),
    ("mapping without @id", lambda kt: kt.catalogs.get({"name": "x"})),
    ("second id", lambda kt: kt.product_bases.get(CATALOG, "nope")),
    ("list id", lambda kt: kt.product_bases.list("nope")),
    ("nested id", lambda kt: kt.order_tickets.get(ORDER, ITEM, "x")),
    ("order direction", lambda kt: kt.catalogs.list(order="up")),
    ("reservations order", lambda kt: kt.reservations.list(order="DESC")),
    ("offers order", lambda kt: kt.offers.list(CATALOG, order="newest")),
    ("naive created_after", lambda kt: kt.orders.list(created_after=dt.datetime(2025, 1, 1))),
    ("string created_before", lambda kt: kt.orders.list(created_before="2025-01-01")),
    ("external_reference too long", lambda kt: kt.orders.list(external_reference="x" * 51)),
    ("datetime as offer date", lambda kt: kt.offers.list(CATALOG, date_after=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))),
    ("offer session", lambda kt: kt.offers.list(CATALOG, session="tomorrow")),
    ("offer product", lambda kt: kt.offers.list(CATALOG, product="some product")),
    ("page_size 0", lambda kt: kt.catalogs.list(page_size=0)),
    ("page_size fraction", lambda kt: kt.catalogs.list(page_size=2.5)),
    ("limit negative", lambda kt: kt.catalogs.list(limit=-1)),
    ("per-call timeout 0", lambda kt: kt.catalogs.get(CATALOG, timeout=0)),
    ("per-call timeout negative", lambda kt: kt.catalogs.list(timeout=-5)),
    ("per-call timeout string", lambda kt: kt.catalogs.get(CATALOG, timeout="5")),
    ("per-call max_retries", lambda kt: kt.catalogs.get(CATALOG, max_retries=-1)),
    ("unknown option", lambda kt: kt.catalogs.get(CATALOG, retries=3)),
    ("no reservation items", lambda kt: kt.reservations.create([])),
    ("bare offer id", lambda kt: kt.reservations.create([{"offer": OFFER, "quantity": 1, "ticket_sessions": []}])),
    ("zero quantity", lambda kt: kt.reservations.create([{**ITEMS[0], "quantity": 0}])),
    ("no reservations", lambda kt: kt.orders.create([], CUSTOMER, "REF")),
    ("customer without lastname", lambda kt: kt.orders.create([RESERVATION], {"firstname": "j", "email": "e"}, "REF")),
    ("customer unknown field", lambda kt: kt.orders.create([RESERVATION], {**CUSTOMER, "age": 3}, "REF")),
    ("customer title", lambda kt: kt.orders.create([RESERVATION], {**CUSTOMER, "title": "dr"}, "REF")),
    ("empty external_reference", lambda kt: kt.orders.create([RESERVATION], CUSTOMER, "")),
    ("bad reservation id", lambda kt: kt.orders.create(["nope"], CUSTOMER, "REF")),
    ("beneficiary without lastname", lambda kt: kt.order_tickets.set_beneficiary(ORDER, ITEM, ORDER_TICKET, {"firstname": "j"})),
    ("beneficiary birth datetime", lambda kt: kt.order_tickets.set_beneficiary(
        ORDER, ITEM, ORDER_TICKET, {"firstname": "j", "lastname": "d", "date_of_birth": dt.datetime(2000, 1, 1, tzinfo=dt.UTC)})),
    ("document id", lambda kt: kt.order_documents.refresh_url(ORDER, "latest")),
]  # fmt: skip


@pytest.mark.parametrize("call", [c for _, c in BAD_CALLS], ids=[n for n, _ in BAD_CALLS])
def test_input_error_is_raised_before_any_request(api: MockAPI, client: KorusTicket, call: Any) -> None:
    with pytest.raises(InputError) as info:
        run_sync(call(client))
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, KorusTicketError)
    assert info.value.field
    assert api.requests == []  # neither the API nor the token endpoint was called


@pytest.mark.parametrize("call", [c for _, c in BAD_CALLS], ids=[n for n, _ in BAD_CALLS])
def test_async_input_error_is_raised_before_any_request(api: MockAPI, make_async_client: Any, call: Any) -> None:
    async def main() -> None:
        async with make_async_client() as kt:
            await run_async(call(kt))

    with pytest.raises(InputError):
        asyncio.run(main())
    assert api.requests == []


def test_an_offer_iri_passed_as_a_reservation_is_refused_before_sending(api: MockAPI, client: KorusTicket) -> None:
    offer = f"/v1/ticketing/catalogs/{CATALOG}/offers/{CATALOG}"
    with pytest.raises(InputError) as info:
        client.orders.create([offer], CUSTOMER, "REF")
    assert info.value.field == "reservations[0]"
    assert "not an IRI of /v1/booking/reservations" in str(info.value)
    assert api.requests == []
