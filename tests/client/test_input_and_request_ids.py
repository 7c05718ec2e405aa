"""A misspelt key in a request item is refused, never dropped from the request."""

from __future__ import annotations

import httpx
import korusticket
import pytest
from korusticket import InputError, KorusTicket

from tests.support.mock_api import MockAPI

OFFER = "/v1/ticketing/catalogs/0194abdc-3a71-72b0-a9b9-89d4be0cd73e/offers/0194ac40-fda7-78c1-8fcb-26fc2df25894"
TICKET = f"{OFFER}/tickets/0194ac40-fda7-78c1-8fcb-26fc2e2612d4"


@pytest.mark.parametrize(
    ("item", "field"),
    [
        ({"offer": OFFER, "quantity": 1, "ticketSession": []}, "items[0].ticketSession"),
        (
            {"offer": OFFER, "quantity": 1, "ticket_sessions": [{"ticket": TICKET, "sesion": "x"}]},
            "items[0].ticket_sessions[0].sesion",
        ),
    ],
)
def test_unknown_keys_are_refused_before_sending(item: dict[str, object], field: str) -> None:
    api = MockAPI(strict=True)
    kt = KorusTicket(token="t", transport=api.transport())
    with pytest.raises(InputError) as info:
        kt.reservations.create([item])  # type: ignore[list-item]  # bad items on purpose
    assert info.value.field == field
    assert api.requests == []


def test_api_errors_carry_a_request_id_when_one_is_sent() -> None:
    answer = httpx.Response(404, json={"title": "Not Found"}, headers={"X-Request-Id": "req-42"})
    kt = KorusTicket(token="t", transport=MockAPI(answer=lambda _: answer).transport())
    with pytest.raises(korusticket.NotFoundError) as info:
        kt.catalogs.get("0194abdc-3a71-72b0-a9b9-89d4be0cd73e")
    assert info.value.request_id == "req-42"


@pytest.mark.parametrize("language", [5, "", "fr\nX-Evil: 1"])
def test_a_bad_language_is_refused_per_client_and_per_call(language: object) -> None:
    api = MockAPI(strict=True)
    with pytest.raises(InputError, match="language"):
        KorusTicket(token="t", language=language)  # type: ignore[arg-type]
    kt = KorusTicket(token="t", transport=api.transport())
    with pytest.raises(InputError, match="language"):
        kt.catalogs.get("0194abdc-3a71-72b0-a9b9-89d4be0cd73e", language=language)  # type: ignore[arg-type]
    assert api.requests == []
