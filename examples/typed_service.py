"""A small booking service written from the README, typed (``mypy --strict`` passes on it).

Sync and async against a KorusTicket server over HTTP: list, reserve with a partial failure, order,
name a beneficiary, fetch a document URL, handle errors, read a raw response, send through your
own httpx client with an event hook. Without KORUSTICKET_BASE_URL it serves the
``korusticket.testing`` stand-in on a loopback port and connects to it.

    python examples/typed_service.py
"""

from __future__ import annotations

import asyncio
import os
import sys
import uuid
from dataclasses import dataclass, field

import httpx
from korusticket import (
    AsyncKorusTicket,
    InputError,
    KorusTicket,
    NotFoundError,
)
from korusticket.types import (
    BeneficiaryInput,
    BookingOrder,
    BookingReservation,
    BulkFailure,
    BulkResult,
    CustomerInput,
    RawResponse,
    TicketingCatalog,
    TicketingOffer,
)

CUSTOMER: CustomerInput = {"firstname": "Jane", "lastname": "Doe", "email": "jane.doe@example.com"}
BENEFICIARY: BeneficiaryInput = {"firstname": "John", "lastname": "Doe", "date_of_birth": "1990-04-12"}
TOO_MANY = 1_000_000  # more than any offer holds: that item fails (sold_out), the other succeeds


@dataclass
class Connection:
    """Where the service connects (the KORUSTICKET_* variables, or the served stand-in)."""

    base_url: str
    token_url: str
    client_id: str
    client_secret: str


@dataclass
class Report:
    """What one run did, for the caller (and the tests) to check."""

    catalogs: list[str] = field(default_factory=list)
    reserved: int = 0
    failures: list[tuple[int | None, str | None]] = field(default_factory=list)
    in_input_order: list[str] = field(default_factory=list)
    orders: list[str] = field(default_factory=list)
    beneficiaries: int = 0
    document_urls: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    raw_status: int | None = None
    raw_request_id: str | None = None
    requests_seen: list[str] = field(default_factory=list)


def bookable(offers: list[TicketingOffer]) -> TicketingOffer:
    """An offer whose tickets are all full-day (no session to pick) and that has places left."""
    for offer in offers:
        tickets = offer.tickets or []
        if tickets and all(t.date_access for t in tickets) and (offer.available_quantity or 0) > 0:
            return offer
    raise LookupError("no full-day offer with places left")


def record_reservations(report: Report, held: BulkResult[BookingReservation]) -> None:
    report.reserved = len(held.succeeded)
    report.failures = [(f.index, f.code) for f in held.failed]
    for index, outcome in held.by_input:
        kind = "failed" if isinstance(outcome, BulkFailure) else "reserved"
        report.in_input_order.append(f"{index}:{kind}")


def record_orders(report: Report, orders: BulkResult[BookingOrder]) -> None:
    report.orders = [o.reference for o in orders.succeeded if o.reference is not None]


def run_sync(connection: Connection) -> Report:
    report = Report()

    def on_request(request: httpx.Request) -> None:  # an event hook of our own httpx client
        report.requests_seen.append(f"{request.method} {request.url.path}")

    with (
        httpx.Client(event_hooks={"request": [on_request]}) as own,
        KorusTicket(
            base_url=connection.base_url,
            token_url=connection.token_url,
            client_id=connection.client_id,
            client_secret=connection.client_secret,
            http_client=own,
            language="fr",
        ) as kt,
    ):
        catalogs: list[TicketingCatalog] = list(kt.catalogs.list())
        report.catalogs = [c.name or "?" for c in catalogs]
        catalog = catalogs[0]
        offer = bookable(list(kt.offers.list(catalog, limit=50)))

        held = kt.reservations.create(
            [
                {"offer": offer, "quantity": 1},
                {"offer": offer, "quantity": TOO_MANY},
            ]
        )
        record_reservations(report, held)

        orders = kt.orders.create(
            held.succeeded, customer=CUSTOMER, external_reference=f"typed-{uuid.uuid4().hex[:12]}"
        ).raise_for_failures()
        record_orders(report, orders)

        for order in orders.succeeded:
            for item in order.items or []:
                for ticket in item.tickets or []:
                    kt.order_tickets.set_beneficiary(order, item, ticket, BENEFICIARY)
                    report.beneficiaries += 1
            for document in kt.order_documents.list(order):
                url = kt.order_documents.refresh_url(order, document).temporary_url
                if url is not None:
                    report.document_urls.append(url)

        try:
            kt.catalogs.get(str(uuid.uuid4()))  # no such catalog
        except NotFoundError as exc:
            report.errors.append(f"{type(exc).__name__} {exc.status_code}")
        try:
            kt.reservations.create([{"offer": offer, "quantity": 0}])
        except InputError as exc:
            report.errors.append(f"{type(exc).__name__} {exc.field}")

        raw: RawResponse[TicketingCatalog] = kt.with_raw_response.catalogs.get(catalog)
        report.raw_status = raw.status_code
        report.raw_request_id = raw.request_id
        assert raw.parse().iri == catalog.iri
    return report


async def run_async(connection: Connection) -> Report:
    report = Report()

    async def on_request(request: httpx.Request) -> None:
        report.requests_seen.append(f"{request.method} {request.url.path}")

    async with (
        httpx.AsyncClient(event_hooks={"request": [on_request]}) as own,
        AsyncKorusTicket(
            base_url=connection.base_url,
            token_url=connection.token_url,
            client_id=connection.client_id,
            client_secret=connection.client_secret,
            http_client=own,
        ) as kt,
    ):
        catalogs: list[TicketingCatalog] = [c async for c in kt.catalogs.list()]
        report.catalogs = [c.name or "?" for c in catalogs]
        offer = bookable([o async for o in kt.offers.list(catalogs[0], limit=50, prefetch=2)])
        held = await kt.reservations.create(
            [
                {"offer": offer, "quantity": 1},
                {"offer": offer, "quantity": TOO_MANY},
            ]
        )
        record_reservations(report, held)
        orders = await kt.orders.create(
            held.succeeded, customer=CUSTOMER, external_reference=f"typed-{uuid.uuid4().hex[:12]}"
        )
        record_orders(report, orders)
        for order in orders.succeeded:
            for item in order.items or []:
                for ticket in item.tickets or []:
                    await kt.order_tickets.set_beneficiary(order, item, ticket, BENEFICIARY)
                    report.beneficiaries += 1
            async for document in kt.order_documents.list(order):
                patched = await kt.order_documents.refresh_url(order, document)
                if patched.temporary_url is not None:
                    report.document_urls.append(patched.temporary_url)
        try:
            await kt.orders.create([], customer=CUSTOMER, external_reference="")
        except InputError as exc:
            report.errors.append(f"{type(exc).__name__} {exc.field}")
        raw: RawResponse[TicketingCatalog] = await kt.with_raw_response.catalogs.get(catalogs[0])
        report.raw_status = raw.status_code
        report.raw_request_id = raw.request_id
    return report


def connection_from_environment() -> Connection | None:
    env = os.environ
    names = ("BASE_URL", "TOKEN_URL", "CLIENT_ID", "CLIENT_SECRET")
    values = [env.get(f"KORUSTICKET_{name}") for name in names]
    if not all(values):
        return None
    base_url, token_url, client_id, client_secret = (v or "" for v in values)
    return Connection(base_url, token_url, client_id, client_secret)


def main() -> int:
    connection = connection_from_environment()
    if connection is not None:
        sync, asynchronous = run_sync(connection), asyncio.run(run_async(connection))
    else:
        from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, StandIn, StandInServer

        with StandInServer(StandIn()) as server:
            local = Connection(server.base_url, server.token_url, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)
            sync, asynchronous = run_sync(local), asyncio.run(run_async(local))
    for name, report in (("sync", sync), ("async", asynchronous)):
        print(
            f"{name}: {len(report.catalogs)} catalog(s), {report.reserved} reserved, failures {report.failures}, "
            f"orders {report.orders}, {report.beneficiaries} beneficiary(ies), {len(report.document_urls)} document(s), "
            f"errors {report.errors}, raw {report.raw_status}, {len(report.requests_seen)} request(s) seen"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
