"""Safe order creation: a lost answer is resolved by looking the order up by external_reference."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from korusticket import (
    AsyncKorusTicket,
    InputError,
    KorusTicket,
    OutcomeUnknownError,
    ServerError,
)

from tests.support.bodies import CUSTOMER, ORDERS, ORDERS_BULK, order_bulk_body
from tests.support.mock_api import MockAPI, jsonld, problem
from tests.support.numbered_bodies import (
    order_body,
    orders_page,
    reservation_body,
    reservation_iri,
    uid,
)

REF = "REF-1"


def created(n: int = 1, ref: str = REF) -> httpx.Response:
    return jsonld(order_bulk_body([order_body(n, external_reference=ref)], []))


def found(*members: dict[str, Any]) -> httpx.Response:
    return jsonld(orders_page(list(members)))


def lookups(script: MockAPI) -> list[httpx.Request]:
    return script.sent("GET", ORDERS)


@pytest.mark.parametrize(
    "lost",
    [httpx.ReadTimeout, httpx.ReadError, problem(502), problem(503), problem(504)],
    ids=["ReadTimeout", "ReadError", "502", "503", "504"],
)
def test_lost_answer_found_by_external_reference_returns_it_without_a_second_post(
    script: MockAPI, make_client: Callable[..., KorusTicket], lost: Any
) -> None:
    script.add("POST", ORDERS_BULK, lost, created())
    script.add("GET", ORDERS, found(order_body(1, external_reference=REF)))

    result = make_client().orders.create([reservation_iri(1)], CUSTOMER, REF)

    assert result.ok
    assert [o.id for o in result.succeeded] == [uid(401)]
    assert len(script.sent("POST", ORDERS_BULK)) == 1
    assert len(lookups(script)) == 1
    assert lookups(script)[0].url.params["external_reference"] == REF


def test_lost_answer_not_found_sends_once_more(script: MockAPI, make_client: Callable[..., KorusTicket]) -> None:
    script.add("POST", ORDERS_BULK, httpx.ReadTimeout, created())
    script.add("GET", ORDERS, found())

    result = make_client().orders.create([reservation_iri(1)], CUSTOMER, REF)

    assert result.ok
    assert len(result.succeeded) == 1
    posts = script.sent("POST", ORDERS_BULK)
    assert len(posts) == 2
    assert posts[0].content == posts[1].content  # the same body, same external reference
    assert json.loads(posts[1].content)["externalReference"] == REF
    assert len(lookups(script)) == 1
    assert not script.leftover()


def test_lookup_ignores_orders_of_another_reference(script: MockAPI, make_client: Callable[..., KorusTicket]) -> None:
    # A server that ignored the filter must not make someone else's order look like ours.
    script.add("POST", ORDERS_BULK, problem(503), created())
    script.add("GET", ORDERS, found(order_body(7, external_reference="SOMEONE-ELSE")))

    result = make_client().orders.create([reservation_iri(1)], CUSTOMER, REF)

    assert [o.external_reference for o in result.succeeded] == [REF]
    assert len(script.sent("POST", ORDERS_BULK)) == 2


def test_lookup_after_the_second_loss_finds_the_order(script: MockAPI, make_client: Callable[..., KorusTicket]) -> None:
    script.add("POST", ORDERS_BULK, httpx.ReadTimeout, problem(504))
    script.add("GET", ORDERS, found(), found(order_body(1, external_reference=REF)))

    result = make_client().orders.create([reservation_iri(1)], CUSTOMER, REF)

    assert len(result.succeeded) == 1
    assert len(script.sent("POST", ORDERS_BULK)) == 2
    assert len(lookups(script)) == 2


def test_every_answer_lost_stops_after_max_retries_and_says_what_to_check(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    script.add("POST", ORDERS_BULK, httpx.ReadTimeout, httpx.ReadTimeout, httpx.ReadTimeout, created())
    script.add("GET", ORDERS, found(), found(), found())

    with pytest.raises(OutcomeUnknownError) as info:
        make_client().orders.create([reservation_iri(1)], CUSTOMER, REF)

    assert len(script.sent("POST", ORDERS_BULK)) == 3  # first send + max_retries (2)
    assert len(lookups(script)) == 3
    message = str(info.value)
    assert "outcome is unknown" in message
    assert f"external_reference={REF!r}" in message


def test_per_call_max_retries_zero_never_sends_twice(script: MockAPI, make_client: Callable[..., KorusTicket]) -> None:
    script.add("POST", ORDERS_BULK, problem(503), created())
    script.add("GET", ORDERS, found())

    with pytest.raises(OutcomeUnknownError):
        make_client().orders.create([reservation_iri(1)], CUSTOMER, REF, max_retries=0)

    assert len(script.sent("POST", ORDERS_BULK)) == 1
    assert len(lookups(script)) == 1


def test_client_max_retries_bounds_the_resends(script: MockAPI, make_client: Callable[..., KorusTicket]) -> None:
    script.add("POST", ORDERS_BULK, problem(503), problem(503))
    script.add("GET", ORDERS, found(), found())

    with pytest.raises(OutcomeUnknownError):
        make_client(max_retries=1).orders.create([reservation_iri(1)], CUSTOMER, REF)

    assert len(script.sent("POST", ORDERS_BULK)) == 2


def test_lookup_get_is_itself_retried(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float]
) -> None:
    script.add("POST", ORDERS_BULK, httpx.ReadTimeout)
    script.add("GET", ORDERS, problem(503, headers={"Retry-After": "0"}), found(order_body(1, external_reference=REF)))

    result = make_client().orders.create([reservation_iri(1)], CUSTOMER, REF)

    assert len(result.succeeded) == 1
    assert len(script.sent("POST", ORDERS_BULK)) == 1
    assert sleeps == [0.0]


def test_failed_lookup_raises_and_does_not_resend(script: MockAPI, make_client: Callable[..., KorusTicket]) -> None:
    script.add("POST", ORDERS_BULK, httpx.ReadTimeout, created())
    script.add("GET", ORDERS, problem(500))

    with pytest.raises(OutcomeUnknownError) as info:  # the order may exist: never a plain ServerError
        make_client().orders.create([reservation_iri(1)], CUSTOMER, REF)

    assert isinstance(info.value.__cause__, ServerError)
    assert info.value.reservations == (reservation_iri(1),)
    assert info.value.external_reference == REF
    assert len(script.sent("POST", ORDERS_BULK)) == 1


def test_connect_error_before_sending_is_retried_without_a_lookup(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    script.add("POST", ORDERS_BULK, httpx.ConnectError, created())

    result = make_client().orders.create([reservation_iri(1)], CUSTOMER, REF)

    assert result.ok
    assert len(script.sent("POST", ORDERS_BULK)) == 1
    assert lookups(script) == []


def test_the_lookup_is_logged(
    script: MockAPI, make_client: Callable[..., KorusTicket], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="korusticket")
    script.add("POST", ORDERS_BULK, httpx.ReadTimeout)
    script.add("GET", ORDERS, found(order_body(1, external_reference=REF)))

    make_client().orders.create([reservation_iri(1)], CUSTOMER, REF)

    messages = [r.getMessage() for r in caplog.records if r.name == "korusticket"]
    assert any("looking up external_reference" in m and "ReadTimeout" in m for m in messages)


@pytest.mark.parametrize("reference", [None, "", "   ", "x" * 51, 12])
def test_external_reference_is_required_before_sending(
    script: MockAPI, make_client: Callable[..., KorusTicket], reference: Any
) -> None:
    with pytest.raises(InputError) as info:
        make_client().orders.create([reservation_iri(1)], CUSTOMER, reference)

    assert info.value.field == "external_reference"
    assert script.requests == []


def test_async_lost_answer_found_by_lookup(script: MockAPI, make_async_client: Callable[..., AsyncKorusTicket]) -> None:
    script.add("POST", ORDERS_BULK, httpx.ReadTimeout, created())
    script.add("GET", ORDERS, found(order_body(1, external_reference=REF)))

    async def main() -> int:
        async with make_async_client() as kt:
            return len((await kt.orders.create([reservation_iri(1)], CUSTOMER, REF)).succeeded)

    assert asyncio.run(main()) == 1
    assert len(script.sent("POST", ORDERS_BULK)) == 1


def test_async_lost_answer_not_found_sends_once_more(
    script: MockAPI, make_async_client: Callable[..., AsyncKorusTicket]
) -> None:
    script.add("POST", ORDERS_BULK, problem(503), created())
    script.add("GET", ORDERS, found())

    async def main() -> int:
        async with make_async_client() as kt:
            return len((await kt.orders.create([reservation_iri(1)], CUSTOMER, REF)).succeeded)

    assert asyncio.run(main()) == 1
    assert len(script.sent("POST", ORDERS_BULK)) == 2
    assert len(lookups(script)) == 1


def test_lookup_finding_an_order_without_a_reservation_field_is_a_success(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    # 1.0.7-shaped order: no `reservation` to tie it to the input, yet it is the one we sent.
    # The reservation names its order (documented `order` field): that ties them.
    legacy = order_body(1, external_reference=REF)
    del legacy["reservation"]
    script.add("POST", ORDERS_BULK, httpx.ReadTimeout)
    script.add("GET", ORDERS, found(legacy))
    script.add("GET", reservation_iri(1), jsonld(reservation_body(1, order=legacy["@id"])))

    result = make_client().orders.create([reservation_iri(1)], CUSTOMER, REF)

    assert result.ok
    assert len(result.succeeded) == 1
    assert len(script.sent("POST", ORDERS_BULK)) == 1


@pytest.mark.parametrize("budget", [-1, "2", 1.5, True])
def test_invalid_per_call_max_retries_is_an_input_error(
    script: MockAPI, make_client: Callable[..., KorusTicket], budget: Any
) -> None:
    with pytest.raises(InputError) as info:
        make_client().orders.create([reservation_iri(1)], CUSTOMER, REF, max_retries=budget)

    assert info.value.field == "max_retries"
    assert script.requests == []
