"""kt.with_raw_response is typed per method (issue 23): mypy --strict knows RawResponse[BookingOrder]
and catches a wrong annotation; every raw resource has its resource's methods; `elapsed` is measured
with the default client, sync and async."""

from __future__ import annotations

import asyncio
import datetime as dt
import inspect
import subprocess
import sys
import textwrap
from pathlib import Path

import korusticket_api.resources as resources
from korusticket import AsyncKorusTicket, KorusTicket
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, StandIn, StandInServer

ROOT = Path(__file__).resolve().parents[2]

SERVICE = """
    from korusticket import KorusTicket
    from korusticket.types import (
        BookingOrder, BookingReservation, BulkResult, Paginator, RawResponse, TicketingCatalog, TicketingOffer,
    )


    def reconcile(kt: KorusTicket, catalog: str, offer: str, order: str) -> list[str | None]:
        got: RawResponse[TicketingCatalog] = kt.with_raw_response.catalogs.get(catalog)
        placed: RawResponse[BookingOrder] = kt.with_raw_response.orders.get(order)
        page: RawResponse[Paginator[BookingOrder]] = kt.with_raw_response.orders.list(external_reference="SHOP-1")
        model: TicketingOffer = kt.with_raw_response.offers.get(catalog, offer).parse()
        held: RawResponse[BulkResult[BookingReservation]] = kt.with_raw_response.reservations.create([{"offer": model, "quantity": 1}])
        return [got.request_id, placed.parse().reference, model.iri, str(held.status_code), str(page.elapsed)]
"""

WRONG = """
    from korusticket import KorusTicket
    from korusticket.types import RawResponse, TicketingCatalog


    def wrong(kt: KorusTicket, order: str) -> None:
        raw: RawResponse[TicketingCatalog] = kt.with_raw_response.orders.get(order)
        kt.with_raw_response.orders.get(order, langauge="fr")
        kt.reservations.create([{"offer": "/v1/ticketing/catalogs/c/offers/o", "quantity": 1}])  # no ticket_sessions
        print(raw)
"""


def test_mypy_strict_passes_a_typed_service_and_catches_a_wrong_annotation(tmp_path: Path) -> None:
    (tmp_path / "service.py").write_text(textwrap.dedent(SERVICE), encoding="utf-8")
    (tmp_path / "wrong.py").write_text(textwrap.dedent(WRONG), encoding="utf-8")
    # The package as `make typecheck` sees it (an editable install is an import hook mypy cannot follow).
    path = ",".join(str(ROOT / folder) for folder in ("overrides", "generated"))
    (tmp_path / "mypy.ini").write_text(f"[mypy]\nstrict = True\nmypy_path = {path}\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "mypy.ini", "service.py", "wrong.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert not [e for e in errors if e.startswith("service.py")], done.stdout  # the service type-checks
    assert any(
        e.startswith("wrong.py:7:") and "RawResponse[BookingOrder]" in e and "RawResponse[TicketingCatalog]" in e
        for e in errors
    ), done.stdout
    assert any(e.startswith("wrong.py:8:") and '"langauge"' in e for e in errors), done.stdout
    # An offer given as an IRI needs ticket_sessions (the client cannot see its tickets), as at run time.
    assert any(e.startswith("wrong.py:9:") for e in errors), done.stdout
    assert len(errors) == 3, done.stdout


def test_every_raw_resource_has_its_resources_methods() -> None:
    stand_in = StandIn()
    kt = KorusTicket(client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, transport=stand_in.transport())
    for name in resources.RESOURCES:
        resource = getattr(kt, name)
        methods = {m for m, _ in inspect.getmembers(type(resource), inspect.isfunction) if not m.startswith("_")}
        raw = getattr(kt.with_raw_response, name)
        assert set(vars(raw)) == methods, name
        for method in methods:
            assert inspect.getdoc(getattr(raw, method)) == inspect.getdoc(getattr(resource, method))
    assert kt.with_raw_response is kt.with_raw_response  # built once per client
    assert kt.with_options(language="en").with_raw_response is not kt.with_raw_response


def test_elapsed_is_measured_with_the_default_client_sync_and_async() -> None:
    """Before: zero with the default httpx client (its responses are read by the retry layer, so
    httpx never closed them and never set `elapsed`)."""
    stand_in = StandIn()
    with StandInServer(stand_in) as server:
        credentials = {
            "client_id": DEMO_CLIENT_ID,
            "client_secret": DEMO_CLIENT_SECRET,
            "base_url": server.base_url,
            "token_url": server.token_url,
        }
        with KorusTicket(**credentials) as kt:  # type: ignore[arg-type]
            raw = kt.with_raw_response.catalogs.get(stand_in.demo.catalog)
            assert raw.elapsed > dt.timedelta(0)
            assert raw.http_response is not None
            assert raw.http_response.elapsed == raw.elapsed

        async def main() -> dt.timedelta:
            async with AsyncKorusTicket(**credentials) as akt:  # type: ignore[arg-type]
                araw = await akt.with_raw_response.catalogs.get(stand_in.demo.catalog)
                return araw.elapsed

        assert asyncio.run(main()) > dt.timedelta(0)
