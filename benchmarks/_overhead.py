"""Per-call overhead: ``kt.reservations.get(id)`` against a hand-written httpx call, same server.

Three sides, alternated every round on one loopback server (its own process, fixed bytes):

- raw: ``httpx.Client.get`` + ``json.loads`` with the headers the client sends, default pooling;
- raw + models: the same, then ``BookingReservation.from_dict`` (what any typed client must do);
- generated: the openapi-python-client function ``reservations_get.sync(client=AuthenticatedClient)``
  in generated/, what a user would otherwise call (no retries, no checks, no error mapping);
- client: ``KorusTicket(token=...).reservations.get(id)`` (static token: no OAuth round trip).

The figure is client / raw per round; raw + models splits the overhead into "parsing into
models" and "the rest of the client" (options, hooks, retry transport, error mapping).
"""

from __future__ import annotations

import json

import httpx
from korusticket import KorusTicket
from korusticket_api import AuthenticatedClient
from korusticket_api.api.booking_reservation import reservations_get
from korusticket_api.models import BookingReservation

from tests.support.documented_payloads import RESERVATION_ID

from ._server import LoopbackServer
from ._stats import Figure, Section, Spread, interleaved_medians, median_call, ratio, us

__all__ = ["run"]

PATH = f"/v1/booking/reservations/{RESERVATION_ID}"


def run(*, rounds: int = 20, calls: int = 100) -> Section:
    section = Section("Per-call overhead")
    headers = {"Accept": "application/ld+json", "Authorization": "Bearer bench", "User-Agent": "bench"}
    with (
        LoopbackServer() as server,
        httpx.Client(base_url=server.base_url, headers=headers) as raw,
        KorusTicket(token="bench", base_url=server.base_url) as kt,
        AuthenticatedClient(base_url=server.base_url, token="bench") as generated,
    ):

        def raw_call() -> object:
            return json.loads(raw.get(PATH).content)

        def raw_models_call() -> object:
            return BookingReservation.from_dict(json.loads(raw.get(PATH).content))

        def generated_call() -> object:
            return reservations_get.sync(client=generated, id=RESERVATION_ID)

        def client_call() -> object:
            return kt.reservations.get(RESERVATION_ID)

        assert client_call().id == RESERVATION_ID  # type: ignore[attr-defined]
        assert isinstance(generated_call(), BookingReservation)
        calls_by_side = (raw_call, raw_models_call, generated_call, client_call)
        for fn in calls_by_side:  # warm up: connections, imports, caches
            median_call(fn, 50)
        per_round = [interleaved_medians(calls_by_side, calls) for _ in range(rounds)]
        raw_t, models_t, generated_t, client_t = (list(side) for side in zip(*per_round, strict=True))

    overhead = Spread.of([c / r for c, r in zip(client_t, raw_t, strict=True)])
    models = Spread.of([m / r for m, r in zip(models_t, raw_t, strict=True)])
    section.figures += [
        Figure(
            "Per-call overhead: `kt.reservations.get(id)` / raw `httpx.Client.get` + `json.loads`",
            overhead,
            ratio,
            goal="≤ 1.10x",
            check=lambda x: x <= 1.10,
            detail=f"{rounds} rounds x {calls} calls per side, interleaved call by call, median per round",
        ),
        Figure("… raw httpx + `json.loads`, per call", Spread.of(raw_t), us),
        Figure("… `kt.reservations.get(id)`, per call", Spread.of(client_t), us),
        Figure(
            "Per-call: `kt.reservations.get(id)` / the generated `reservations_get.sync` with an `AuthenticatedClient`",
            Spread.of([c / g for c, g in zip(client_t, generated_t, strict=True)]),
            ratio,
            goal="≤ 1.00x",
            check=lambda x: x <= 1.0,
            detail="the plain openapi-python-client function: no retries, response check or error mapping",
        ),
        Figure("… generated function, per call", Spread.of(generated_t), us),
        Figure(
            "… of which parsing into models: raw + `BookingReservation.from_dict` / raw",
            models,
            ratio,
            detail="the part any typed client pays",
        ),
    ]
    return section
