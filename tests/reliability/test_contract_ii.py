"""Reliability II, points 2, 6, 7, 8, 9 and 10: nothing sent means nothing unknown, exceptions
that pickle without secrets, header values checked as what they are, settings precedence, bad
numbers and bodies, and the three validation modes."""

from __future__ import annotations

import logging
import pickle
import traceback
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import httpx
import pytest
from korusticket import (
    APIConnectionError,
    InputError,
    KorusTicket,
    KorusTicketError,
    NotFoundError,
    OutcomeUnknownError,
    PartialFailureError,
    RedirectError,
    ResponseDecodeError,
    UnprocessableEntityError,
)

from tests.support.bodies import CUSTOMER, ORDERS, ORDERS_BULK, RESERVATIONS_BULK, order_bulk_body
from tests.support.mock_api import MockAPI, jsonld, problem
from tests.support.numbered_bodies import (
    offer_iri,
    orders_page,
    reservation_body,
    reservation_iri,
    reservation_item,
    uid,
)

SECRET_TOKEN = "STATIC-secret-token-9f8e7d"
RID = uid(301)
RESERVATION = f"/v1/booking/reservations/{RID}"
CATALOG = uid(1)
AVAILABILITY = f"/v1/ticketing/catalogs/{CATALOG}/offers/{uid(101)}/availability"


# --- point 2: a request refused locally is an InputError, never an unknown outcome ---------------


@pytest.mark.parametrize("path", [RESERVATIONS_BULK, ORDERS_BULK])
def test_a_post_refused_locally_is_an_input_error_never_unknown_nor_retried(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float], path: str
) -> None:
    refused = httpx.LocalProtocolError(f"Illegal header value b'Bearer {SECRET_TOKEN}\\n'")
    script.add("POST", path, refused)
    kt = make_client(token=SECRET_TOKEN)

    def send() -> object:
        if path == RESERVATIONS_BULK:
            return kt.reservations.create([reservation_item(1)])
        return kt.orders.create([reservation_iri(1)], CUSTOMER, "REF-1")

    with pytest.raises(InputError) as info:
        send()

    assert not isinstance(info.value, OutcomeUnknownError)
    assert len(script.requests) == 1
    assert sleeps == []
    assert SECRET_TOKEN not in str(info.value)  # the refused header is not echoed
    assert info.value.__context__ is None


def test_a_get_refused_locally_is_not_retried(
    script: MockAPI, make_client: Callable[..., KorusTicket], sleeps: list[float]
) -> None:
    script.add("GET", RESERVATION, httpx.LocalProtocolError("Illegal header value"))

    with pytest.raises(InputError):
        make_client().reservations.get(RID)

    assert len(script.requests) == 1
    assert sleeps == []


@pytest.mark.parametrize("never_left", [httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout])
def test_a_reservation_that_never_left_is_sent_again_not_unknown(
    script: MockAPI, make_client: Callable[..., KorusTicket], never_left: type[Exception]
) -> None:
    from tests.support.bodies import reservation_bulk_body

    created = jsonld(reservation_bulk_body([reservation_body(1)], []))
    script.add("POST", RESERVATIONS_BULK, never_left, created)

    result = make_client().reservations.create([reservation_item(1)])

    assert result.ok
    assert len(script.attempts("POST", RESERVATIONS_BULK)) == 2
    assert len(script.sent("POST", RESERVATIONS_BULK)) == 1


# --- point 6: exceptions pickle and carry no secret ------------------------------------------------


def raised(call: Callable[[], object]) -> KorusTicketError:
    with pytest.raises(KorusTicketError) as info:
        call()
    return info.value


def chain(exc: BaseException) -> list[BaseException]:
    out: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in out:
        out.append(current)
        current = current.__cause__ or current.__context__
    return out


def everything_shown(exc: BaseException) -> str:
    texts = ["".join(traceback.TracebackException.from_exception(exc, capture_locals=True).format())]
    for link in chain(exc):
        texts += [repr(link), str(link), repr(vars(link))]
        for value in vars(link).values():
            if isinstance(value, httpx.Response):
                value = value.request
            if isinstance(value, httpx.Request):
                texts += [repr(value.headers.raw), repr(value.content)]
    return "\n".join(texts)


def errors(script: MockAPI, make_client: Callable[..., KorusTicket]) -> list[KorusTicketError]:
    kt = make_client(token=SECRET_TOKEN)
    violations = {
        "status": 422,
        "detail": "items[0].quantity: too low",
        "violations": [{"propertyPath": "items[0].quantity", "message": "too low", "code": "c-1"}],
    }
    script.add("POST", RESERVATIONS_BULK, jsonld(violations, 422, {"X-Request-Id": "req-422"}))
    script.add("GET", RESERVATION, problem(404, headers={"X-Request-Id": "req-404"}))
    script.add("POST", RESERVATIONS_BULK, httpx.ReadTimeout)
    script.add("GET", RESERVATION, jsonld(reservation_body(1, expiresAt=12)))
    script.add("GET", RESERVATION, httpx.Response(302, headers={"Location": "https://elsewhere.example/"}))
    script.add("GET", RESERVATION, httpx.ReadError, httpx.ReadError, httpx.ReadError)
    failure = {"reservation": reservation_iri(1), "message": "expired", "code": "reservation_expired"}
    script.add("POST", ORDERS_BULK, jsonld(order_bulk_body([], [failure])))
    script.add("GET", ORDERS, jsonld(orders_page([])))  # no order of REF-1 covers it: failed
    return [
        raised(lambda: kt.reservations.create([reservation_item(1)])),
        raised(lambda: kt.reservations.get(RID)),
        raised(lambda: kt.reservations.create([reservation_item(1)])),
        raised(lambda: kt.reservations.get(RID)),
        raised(lambda: kt.reservations.get(RID)),
        raised(lambda: kt.reservations.get(RID)),
        raised(lambda: kt.orders.create([reservation_iri(1)], CUSTOMER, "REF-1").raise_for_failures()),
        raised(lambda: kt.orders.create(["not-an-id"], CUSTOMER, "REF-1")),
    ]


def test_every_exception_pickles_keeping_status_message_violations_and_request_id(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    found = errors(script, make_client)
    kinds = [type(e) for e in found]
    assert kinds == [
        UnprocessableEntityError,
        NotFoundError,
        OutcomeUnknownError,
        ResponseDecodeError,
        RedirectError,
        APIConnectionError,
        PartialFailureError,
        InputError,
    ]
    for error in found:
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert str(copy) == str(error)
        for name in ("status_code", "request_id", "violations", "path", "field", "reservations", "cause"):
            assert getattr(copy, name, None) == getattr(error, name, None), name
    unprocessable = pickle.loads(pickle.dumps(found[0]))
    assert unprocessable.status_code == 422
    assert unprocessable.request_id == "req-422"
    assert [v.property_path for v in unprocessable.violations] == ["items[0].quantity"]
    assert pickle.loads(pickle.dumps(found[1])).request_id == "req-404"
    assert len(pickle.loads(pickle.dumps(found[6])).result.failed) == 1


def test_no_secret_is_reachable_from_any_exception(script: MockAPI, make_client: Callable[..., KorusTicket]) -> None:
    for error in errors(script, make_client):
        assert SECRET_TOKEN not in everything_shown(error), type(error)
        assert SECRET_TOKEN.encode() not in pickle.dumps(error), type(error)
        for link in chain(error):
            assert not isinstance(link, httpx.HTTPError), f"{type(error).__name__} chains {type(link).__name__}"


def _raise_in_worker(kind: str) -> None:
    from korusticket import UnprocessableEntityError, Violation

    request = httpx.Request("POST", "https://api.example/v1/booking/reservations/_bulk")
    response = httpx.Response(422, headers={"x-request-id": "req-1"}, request=request, content=b"{}")
    raise UnprocessableEntityError(kind, response=response, violations=[Violation("items[0]", "bad")])


def test_an_exception_crosses_a_process_pool() -> None:
    with ProcessPoolExecutor(max_workers=1) as pool:
        future = pool.submit(_raise_in_worker, "from a worker")
        with pytest.raises(UnprocessableEntityError) as info:
            future.result(timeout=30)
    assert info.value.status_code == 422
    assert info.value.request_id == "req-1"
    assert info.value.violations[0].property_path == "items[0]"
    assert "from a worker" in str(info.value)


# --- point 7: header values are checked as what they are ----------------------------------------


BAD_LANGUAGES = ["fr\r\nX-Evil: 1", "fr\n", "fr\tFR", "fr\x00", "fr FR", "français", "", " fr", "fr,en;q=0.5", "fr-"]


@pytest.mark.parametrize("language", BAD_LANGUAGES)
def test_a_language_that_is_not_a_tag_is_refused_per_client_and_per_call(
    script: MockAPI, make_client: Callable[..., KorusTicket], language: str
) -> None:
    with pytest.raises(InputError) as per_client:
        make_client(language=language)
    with pytest.raises(InputError) as per_call:
        make_client().reservations.get(RID, language=language)
    assert per_client.value.field == per_call.value.field == "language"
    assert "fr-FR" in str(per_call.value)  # says what is allowed
    assert script.requests == []


@pytest.mark.parametrize("language", ["fr", "fr-FR", "zh-Hant-TW", "EN"])
def test_language_tags_are_sent(script: MockAPI, make_client: Callable[..., KorusTicket], language: str) -> None:
    script.add("GET", RESERVATION, jsonld(reservation_body(1)))
    make_client().reservations.get(RID, language=language)
    assert script.requests[0].headers["Accept-Language"] == language


@pytest.mark.parametrize("token", ["abc\n", "abc def", "jeton-é", "", "a\r\nX-Evil: 1"])
def test_a_static_token_that_cannot_be_a_header_is_refused_without_being_echoed(token: str) -> None:
    with pytest.raises(InputError) as info:
        KorusTicket(token=token)
    assert info.value.field == "token"
    assert token.strip() == "" or token.strip() not in str(info.value)


# --- point 8: explicit arguments beat KORUSTICKET_* variables -----------------------------------


def test_explicit_credentials_beat_a_token_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KORUSTICKET_TOKEN", "env-token")
    api = MockAPI(strict=True)
    api.token_replies = [httpx.Response(200, json={"access_token": "fresh", "expires_in": 300})]
    api.replies = [jsonld(reservation_body(1))]

    kt = KorusTicket(client_id="cid", client_secret="csecret", transport=api.transport())
    kt.reservations.get(RID)

    seen = api.requests
    assert [r.url.path.endswith("/token") for r in seen] == [True, False]
    assert seen[1].headers["Authorization"] == "Bearer fresh"


@pytest.mark.parametrize(
    ("env", "explicit", "expected"),
    [
        ({"KORUSTICKET_BASE_URL": "https://env.example"}, {"environment": "production"}, "https://api.korusticket.com"),
        ({"KORUSTICKET_BASE_URL": "https://env.example"}, {"base_url": "https://arg.example"}, "https://arg.example"),
        ({"KORUSTICKET_ENVIRONMENT": "production"}, {"environment": "demo"}, "https://api.demo.korusticket.com"),
        ({"KORUSTICKET_ENVIRONMENT": "demo"}, {"base_url": "https://arg.example"}, "https://arg.example"),
        ({"KORUSTICKET_BASE_URL": "https://env.example"}, {}, "https://env.example"),
    ],
)
def test_explicit_server_settings_beat_the_environment(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], explicit: dict[str, str], expected: str
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert KorusTicket(token="t", **explicit).base_url == expected  # type: ignore[arg-type]


def test_an_explicit_token_beats_credentials_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KORUSTICKET_CLIENT_ID", "env-id")
    monkeypatch.setenv("KORUSTICKET_CLIENT_SECRET", "env-secret")
    api = MockAPI(strict=True)
    api.replies = [jsonld(reservation_body(1))]

    KorusTicket(token="arg-token", transport=api.transport()).reservations.get(RID)
    assert [r.headers["Authorization"] for r in api.requests] == ["Bearer arg-token"]


# --- point 9: bad numbers and bodies -------------------------------------------------------------


@pytest.mark.parametrize("timeout", [float("nan"), float("inf"), -float("inf")])
def test_a_non_finite_timeout_is_refused(
    script: MockAPI, make_client: Callable[..., KorusTicket], timeout: float
) -> None:
    with pytest.raises(InputError) as per_client:
        make_client(timeout=timeout)
    with pytest.raises(InputError) as per_call:
        make_client().reservations.get(RID, timeout=timeout)
    assert per_client.value.field == per_call.value.field == "timeout"
    assert script.requests == []


@pytest.mark.parametrize("base_url", ["", "   ", "not a url", "ftp://files.example"])
def test_a_base_url_that_is_no_server_is_refused(base_url: str) -> None:
    with pytest.raises(InputError) as info:
        KorusTicket(token="t", base_url=base_url)
    assert info.value.field == "base_url"


@pytest.mark.parametrize("ident", [RID + "\n", RID + " ", "\n" + RID, RESERVATION + "\n"])
def test_an_id_with_a_trailing_newline_or_space_is_refused(
    script: MockAPI, make_client: Callable[..., KorusTicket], ident: str
) -> None:
    with pytest.raises(InputError) as info:
        make_client().reservations.get(ident)
    assert info.value.field == "id"
    assert script.requests == []


@pytest.mark.parametrize("birth", ["yesterday", "2000-02-30", "01/02/2000", "2000-1-2", 20000102])
def test_a_date_of_birth_that_is_not_a_date_is_refused(
    script: MockAPI, make_client: Callable[..., KorusTicket], birth: object
) -> None:
    beneficiary = {"firstname": "Jane", "lastname": "Doe", "date_of_birth": birth}
    with pytest.raises(InputError) as info:
        make_client().order_tickets.set_beneficiary(uid(401), uid(402), uid(403), beneficiary)  # type: ignore[arg-type]  # a wrong type on purpose
    assert info.value.field == "beneficiary.date_of_birth"
    assert script.requests == []


def test_an_offer_passed_as_a_reservation_is_refused(script: MockAPI, make_client: Callable[..., KorusTicket]) -> None:
    with pytest.raises(InputError) as info:
        make_client().orders.create([offer_iri(1)], CUSTOMER, "REF-1")
    assert info.value.field == "reservations[0]"
    assert script.requests == []


@pytest.mark.parametrize("money", ["NaN", "Infinity", "-Infinity", "sNaN", "1e3", " 100.00", "100.00\n", "1,5"])
def test_money_that_is_not_a_decimal_string_does_not_fit(
    script: MockAPI, make_client: Callable[..., KorusTicket], money: str
) -> None:
    script.add("GET", RESERVATION, jsonld(reservation_body(1, totalAmountInclTax=money)))
    with pytest.raises(ResponseDecodeError) as info:
        make_client().reservations.get(RID)
    assert info.value.path == "totalAmountInclTax"


def test_a_deeply_nested_body_is_a_decode_error_never_a_recursion_error(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    script.add("GET", RESERVATION, httpx.Response(200, content=b"[" * 100_000 + b"]" * 100_000))
    with pytest.raises(ResponseDecodeError, match="nested too deeply"):
        make_client().reservations.get(RID)


def test_a_deeply_nested_error_body_still_gives_the_status_error(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    script.add(
        "GET", RESERVATION, httpx.Response(404, content=b"{" * 1 + b'"a":' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    )
    with pytest.raises(NotFoundError):
        make_client().reservations.get(RID)


def test_a_redirect_is_an_api_error_and_its_body_is_never_the_answer(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    moved = jsonld(reservation_body(1), 301, {"Location": "https://elsewhere.example/v1/booking/reservations/x"})
    script.add("GET", RESERVATION, moved)
    with pytest.raises(RedirectError) as info:
        make_client().reservations.get(RID)
    assert info.value.status_code == 301
    assert info.value.location == "https://elsewhere.example/v1/booking/reservations/x"
    assert "not followed" in str(info.value)
    assert len(script.requests) == 1


def test_a_redirect_answering_a_post_is_an_unknown_outcome(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    script.add("POST", RESERVATIONS_BULK, httpx.Response(303, headers={"Location": "/v1/booking/reservations"}))
    with pytest.raises(OutcomeUnknownError) as info:
        make_client().reservations.create([reservation_item(1)])
    assert isinstance(info.value.__cause__, RedirectError)
    assert info.value.reservations == (offer_iri(1),)


# --- point 10: validation modes -------------------------------------------------------------------


def availability(quantity: object) -> httpx.Response:
    return jsonld({"@id": AVAILABILITY, "@type": "TicketingOfferAvailability", "availableQuantity": quantity})


def test_strict_names_a_boolean_where_the_spec_says_integer(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    script.add("GET", AVAILABILITY, availability(True))
    with pytest.raises(ResponseDecodeError) as info:
        make_client(validate_responses="strict").offers.availability(CATALOG, uid(101))
    assert info.value.path == "availableQuantity"
    assert "expected integer, got bool" in str(info.value)


def test_lenient_moves_an_unfit_field_aside_and_warns_once_per_operation_and_field(
    script: MockAPI, make_client: Callable[..., KorusTicket], caplog: pytest.LogCaptureFixture
) -> None:
    script.add("GET", RESERVATION, *[jsonld(reservation_body(1, totalAmountInclTax="NaN"))] * 3)
    kt = make_client(validate_responses="lenient")

    with caplog.at_level(logging.WARNING, logger="korusticket"):
        held = [kt.reservations.get(RID) for _ in range(3)]

    assert all(h.total_amount_incl_tax is None for h in held)  # response models: absent is None
    assert all(h.additional_properties["totalAmountInclTax"] == "NaN" for h in held)  # raw value kept
    assert held[0].total_amount_excl_tax is not None  # the rest of the model is intact
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "totalAmountInclTax" in warnings[0].getMessage()
    assert "GET /v1/booking/reservations/{id}" in warnings[0].getMessage()


def test_lenient_moves_nested_fields_and_keeps_list_items(
    script: MockAPI, make_client: Callable[..., KorusTicket], caplog: pytest.LogCaptureFixture
) -> None:
    body = reservation_body(1)
    body["items"][0]["amountInclTax"] = 12.5  # a number where the spec says a decimal string
    script.add("GET", RESERVATION, jsonld(body))

    with caplog.at_level(logging.WARNING, logger="korusticket"):
        held = make_client(validate_responses="lenient").reservations.get(RID)

    (item,) = held.items  # type: ignore[misc]
    assert item.additional_properties["amountInclTax"] == 12.5
    assert "items[].amountInclTax" in caplog.text


def test_lenient_still_raises_for_a_required_field(script: MockAPI, make_client: Callable[..., KorusTicket]) -> None:
    script.add("GET", "/v1/booking/reservations", jsonld({"member": "nothing here", "totalItems": 0}))
    with pytest.raises(ResponseDecodeError) as info:
        list(make_client(validate_responses="lenient").reservations.list())
    assert info.value.path == "member"


def test_lenient_never_raises_for_an_inferred_field(
    script: MockAPI, make_client: Callable[..., KorusTicket], caplog: pytest.LogCaptureFixture
) -> None:
    script.add("GET", AVAILABILITY, availability("many"))
    with caplog.at_level(logging.WARNING, logger="korusticket"):
        answer = make_client(validate_responses="lenient").offers.availability(CATALOG, uid(101))
    assert answer.additional_properties["availableQuantity"] == "many"
    assert "availableQuantity" in caplog.text


def test_off_skips_the_check(script: MockAPI, make_client: Callable[..., KorusTicket]) -> None:
    script.add("GET", AVAILABILITY, availability(True))
    assert make_client(validate_responses="off").offers.availability(CATALOG, uid(101)).available_quantity is True


@pytest.mark.parametrize(("value", "raises"), [(True, True), (False, False), ("strict", True), ("off", False)])
def test_former_booleans_still_select_a_mode(
    script: MockAPI, make_client: Callable[..., KorusTicket], value: Any, raises: bool
) -> None:
    script.add("GET", AVAILABILITY, availability(True))
    kt = make_client(validate_responses=value)
    if raises:
        with pytest.raises(ResponseDecodeError):
            kt.offers.availability(CATALOG, uid(101))
    else:
        assert kt.offers.availability(CATALOG, uid(101)).available_quantity is True


@pytest.mark.parametrize("value", ["relaxed", None, 1, "STRICT"])
def test_an_unknown_mode_is_an_input_error(value: Any) -> None:
    with pytest.raises(InputError) as info:
        KorusTicket(token="t", validate_responses=value)
    assert info.value.field == "validate_responses"


def test_config_defaults_to_lenient() -> None:
    from korusticket._config import Config

    config = Config.resolve(
        client_id=None, client_secret=None, token="t", environment=None, base_url=None, token_url=None,
        language=None, timeout=None, max_retries=None,
    )  # fmt: skip
    assert config.validate_responses == "lenient"


def test_the_public_default_is_lenient(script: MockAPI) -> None:
    script.add("GET", RESERVATION, jsonld(reservation_body(1, totalAmountInclTax="NaN")))
    kt = KorusTicket(token="t", transport=script.transport())
    assert kt.reservations.get(RID).additional_properties["totalAmountInclTax"] == "NaN"
