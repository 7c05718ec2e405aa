"""Points 3 and 4 through real sockets: retries cover the whole response (a body cut or
stalled is retried for GET/PATCH, never for a POST), and token outages are shared."""

from __future__ import annotations

import asyncio
import json
import pickle
import threading
import traceback
from collections.abc import Callable
from typing import Any

import pytest
from korusticket import (
    APIConnectionError,
    AsyncKorusTicket,
    AuthenticationError,
    KorusTicket,
    OutcomeUnknownError,
    ServerError,
)
from korusticket.testing import DEMO_CLIENT_SECRET, TOKEN_PATH, StandIn

from tests.support.bodies import RESERVATIONS_BULK
from tests.support.fault_server import BOUND, FaultServer

CATALOGS = "/v1/ticketing/catalogs"


# --- point 3: the body is part of the attempt ------------------------------------------------------


@pytest.mark.parametrize("action", ["reset", "stall"])
def test_a_get_whose_body_is_cut_or_stalled_is_retried(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], action: str
) -> None:
    kt = make_client(timeout=0.3)
    path = stand_in.demo.catalog
    server.add(path, method="GET", action=action, process=True)

    catalog = kt.catalogs.get(path)

    assert catalog.iri == path
    assert server.count("GET", path) == 2


def test_a_patch_whose_body_is_cut_is_retried(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    (order,) = stand_in.seed_orders(1)
    (document,) = stand_in.document_iris(order)
    server.add(document, method="PATCH", action="reset")

    refreshed = kt.order_documents.refresh_url(order, document)

    assert refreshed.temporary_url
    assert server.count("PATCH", document) == 2


def test_a_get_cut_every_time_gives_up_after_the_budget(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    path = stand_in.demo.catalog
    server.add(path, method="GET", action="reset", times=None)

    with pytest.raises(APIConnectionError):
        kt.catalogs.get(path)

    assert server.count("GET", path) == 3  # 1 + max_retries


def test_a_post_whose_body_is_cut_is_never_sent_again(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    offer = kt.offers.get(stand_in.demo.catalog, stand_in.demo.offer_day)
    server.add(RESERVATIONS_BULK, method="POST", action="reset")

    with pytest.raises(OutcomeUnknownError):
        kt.reservations.create([{"offer": offer, "quantity": 1}])

    assert server.count("POST", RESERVATIONS_BULK) == 1


def test_a_page_cut_once_does_not_abort_the_drain(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client()
    stand_in.seed_products(25)
    expected = [p.iri for p in kt.products.list(stand_in.demo.catalog, page_size=10)]
    before = server.count("GET")
    server.add(f"{stand_in.demo.catalog}/products", method="GET", action="reset", when=lambda r: r.param("page") == "2")

    drained = [p.iri for p in kt.products.list(stand_in.demo.catalog, page_size=10)]

    assert drained == expected
    assert len(set(drained)) == len(drained) > 20
    pages = -(-len(expected) // 10)
    assert server.count("GET") - before == pages + 1  # every page once, page 2 twice


# --- point 4: token outages -------------------------------------------------------------------------


class CountingLock:
    """Wraps the credentials' lock to know when every thread waits for it (white-box hook that
    makes the overlap deterministic: the token endpoint answers only once all threads wait)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.asked = 0
        self.changed = threading.Condition()

    def __enter__(self) -> Any:
        with self.changed:
            self.asked += 1
            self.changed.notify_all()
        return self.inner.__enter__()

    def __exit__(self, *exc: object) -> Any:
        return self.inner.__exit__(*exc)

    def wait_for(self, count: int) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: self.asked >= count, BOUND)


def test_threads_during_a_token_outage_share_one_flight(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], sleeps: list[float]
) -> None:
    threads_count = 8
    kt = make_client()
    lock = kt._core.auth._lock = CountingLock(kt._core.auth._lock)  # type: ignore[attr-defined]
    server.add(TOKEN_PATH, action="answer", status=503, body=b"<html>down</html>", times=None,
               when=lambda r: lock.wait_for(threads_count))  # fmt: skip
    errors: list[BaseException] = []
    barrier = threading.Barrier(threads_count)

    def worker() -> None:
        barrier.wait(BOUND)
        try:
            kt.catalogs.get(stand_in.demo.catalog)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(BOUND * 2)

    assert len(errors) == threads_count
    assert all(type(e) is ServerError and e.status_code == 503 for e in errors), errors
    assert server.count(path=TOKEN_PATH) == 1 + 2  # one flight: 1 + max_retries, not 8 x 3
    assert server.count("GET") == 0  # nothing sent without a token
    assert len(sleeps) == 2
    assert len({id(e) for e in errors}) == threads_count  # each caller its own exception


def test_tasks_during_a_token_outage_share_one_flight(
    server: FaultServer, stand_in: StandIn, make_async_client: Callable[..., AsyncKorusTicket]
) -> None:
    server.add(TOKEN_PATH, action="close", times=None)

    async def main() -> list[BaseException | Any]:
        async with make_async_client() as kt:
            calls = [kt.catalogs.get(stand_in.demo.catalog) for _ in range(8)]
            return await asyncio.gather(*calls, return_exceptions=True)

    outcomes = asyncio.run(main())

    assert all(type(o) is APIConnectionError for o in outcomes), outcomes
    assert server.count(path=TOKEN_PATH) == 3
    assert server.count("GET") == 0


def test_a_caller_after_a_failed_flight_starts_a_new_one(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client(max_retries=0)
    server.add(TOKEN_PATH, action="answer", status=500, body=b"{}")

    with pytest.raises(ServerError):
        kt.catalogs.get(stand_in.demo.catalog)
    assert kt.catalogs.get(stand_in.demo.catalog).iri == stand_in.demo.catalog
    assert server.count(path=TOKEN_PATH) == 2


@pytest.mark.parametrize(
    "body",
    [
        {"access_token": None, "expires_in": 300},
        {"access_token": 12345, "expires_in": 300},
        {"access_token": "", "expires_in": 300},
        {"access_token": "two words", "expires_in": 300},
        {"access_token": "abc", "expires_in": "soon"},
        {"access_token": "abc", "expires_in": True},
        {"expires_in": 300},
        ["not", "an", "object"],
    ],
    ids=["null", "number", "empty", "space", "expires_in-text", "expires_in-bool", "missing", "list"],
)
def test_a_malformed_token_answer_is_an_authentication_error_and_nothing_is_sent(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket], body: object
) -> None:
    kt = make_client()
    server.add(TOKEN_PATH, action="answer", status=200, body=json.dumps(body).encode(), content_type="application/json")

    with pytest.raises(AuthenticationError) as info:
        kt.catalogs.get(stand_in.demo.catalog)

    assert "token endpoint answered 200" in str(info.value)
    assert server.count("GET") == 0  # never a request with "Bearer None"
    secret_free(info.value)
    assert server.count(path=TOKEN_PATH) == 1


def secret_free(exc: BaseException) -> None:
    assert exc.__cause__ is None
    assert exc.__context__ is None
    shown = "".join(traceback.TracebackException.from_exception(exc, capture_locals=True).format())
    assert DEMO_CLIENT_SECRET not in shown
    assert DEMO_CLIENT_SECRET.encode() not in pickle.dumps(exc)
    assert str(pickle.loads(pickle.dumps(exc))) == str(exc)


def test_an_unreachable_token_endpoint_leaves_no_secret_in_the_exception(
    server: FaultServer, stand_in: StandIn, make_client: Callable[..., KorusTicket]
) -> None:
    kt = make_client(max_retries=0)
    server.add(TOKEN_PATH, action="close")

    with pytest.raises(APIConnectionError) as info:
        kt.catalogs.get(stand_in.demo.catalog)

    secret_free(info.value)


def test_async_unreachable_token_endpoint_leaves_no_secret_in_the_exception(
    server: FaultServer, stand_in: StandIn, make_async_client: Callable[..., AsyncKorusTicket]
) -> None:
    server.add(TOKEN_PATH, action="close")

    async def main() -> None:
        async with make_async_client(max_retries=0) as kt:
            await kt.catalogs.get(stand_in.demo.catalog)

    with pytest.raises(APIConnectionError) as info:
        asyncio.run(main())

    secret_free(info.value)
