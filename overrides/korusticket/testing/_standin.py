"""``StandIn``: state + behaviour + faults + request log, shared by every transport."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import json
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from typing import Any

from ._app import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, TOKEN_PATH, App, Settings
from ._clock import Clock, system_clock
from ._core import Request, Response, error_body, json_response
from ._cycle import Plan
from ._data import Offer, Product
from ._faults import Fault, Faults, RecordedRequest, reshape
from ._seed import seed_documents
from ._serialize import Iri
from ._state import ReservationRecord, State
from ._transport import StandInAsyncTransport, StandInTransport

__all__ = ["Demo", "StandIn"]


@dataclass(frozen=True)
class Demo:
    """IRIs of the seeded items tests usually need (all in the accessible demo organization)."""

    catalog: str
    catalog_ol: str
    catalog_forbidden: str
    product: str
    form: str
    offer_day: str  # full-day ticket, 4000 left, 100.00 EUR
    offer_session: str  # full-day + session ticket (Cinéscénie), sessions tomorrow
    offer_form: str  # full-day ticket whose ticket has the customer_infos_form
    offer_limited: str  # session ticket, only 2 left
    offer_sold_out: str  # session ticket, 0 left
    offer_past: str  # dated yesterday
    offer_session_past: str  # sessions of yesterday
    offer_nominative: str  # undated; order tickets need beneficiary firstname/lastname
    offer_dynamic: str  # realtimePriceRequired; /price differs from the list price
    offer_ol: str  # in the second catalog
    offer_forbidden: str  # in a catalog of another organization (403)


class StandIn:
    """An in-memory KorusTicket API (the release the client speaks). Use ``transport()`` / ``async_transport()`` with httpx.

    ``clock`` gives the time (aware UTC); ``hold`` how long reservations are held; ``latency`` adds
    that many seconds to every answer, slept with ``sleep`` / ``async_sleep`` (inject no-op or
    recording functions in tests). ``auth=False`` skips the bearer check. ``documents`` adds
    read-only resources (JSON-LD bodies with their ``@id``, checked against the spec): every GET
    operation of the spec without a handler of its own answers from them.
    """

    def __init__(
        self,
        *,
        clock: Clock = system_clock,
        hold: timedelta = timedelta(minutes=15),
        token_lifetime: int = 1800,
        refresh_lifetime: int = 1800,
        client_id: str = DEMO_CLIENT_ID,
        client_secret: str = DEMO_CLIENT_SECRET,
        latency: float = 0.0,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
        auth: bool = True,
        seed: str = "korusticket-stand-in",
        documents: Iterable[dict[str, Any]] = (),
    ) -> None:
        self.clock = clock
        self.state = State(clock, seed)
        seeded, links = seed_documents(self.state.seed, self.state.ticket_sessions())
        for document in seeded:
            self.state.documents.add(document, served_only=True)
        for document in documents:
            self.state.documents.add(document)
        for collection, iris in links.items():
            for iri in iris:
                self.state.documents.link(collection, iri)
        self.settings = Settings(hold, token_lifetime, refresh_lifetime, client_id, client_secret, auth)
        self.app = App(self.state, self.settings)
        self.faults = Faults()
        # Request ids count up (32 hex digits, as a uuid's): recordings and logs of a run are reproducible.
        self._request_ids = itertools.count(1)
        self.requests: list[RecordedRequest] = []
        self.latency = latency
        self.sleep = sleep
        self.async_sleep = async_sleep
        h = self.state.seed.handles
        offers = self.state.seed.offers
        self.demo = Demo(
            catalog=Iri.catalog(h["catalog"]),
            catalog_ol=Iri.catalog(h["catalog_ol"]),
            catalog_forbidden=Iri.catalog(h["catalog_forbidden"]),
            product=Iri.product(h["catalog"], h["product"]),
            form=Iri.form(h["form"]),
            **{k: Iri.offer(offers[h[k]].catalog_id, h[k]) for k in h if k.startswith("offer_")},
        )

    token_path = TOKEN_PATH

    # ------------------------------------------------------------------ transports
    def transport(self) -> StandInTransport:
        """A sync ``httpx.BaseTransport`` answering for any host."""
        return StandInTransport(self)

    def async_transport(self) -> StandInAsyncTransport:
        """An ``httpx.AsyncBaseTransport`` sharing this stand-in's state."""
        return StandInAsyncTransport(self)

    # ------------------------------------------------------------------ the request cycle
    def begin(self, request: Request) -> Plan:
        """Log the request and pick its fault; the caller sleeps ``delay`` then calls ``finish``."""
        headers = {
            k: (
                "Bearer ***"
                if k == "authorization" and v.lower().startswith("bearer")
                else "***"
                if k == "authorization"
                else v
            )
            for k, v in request.headers.items()
        }
        record = RecordedRequest(request.method, request.path, request.query, headers, request.body)
        fault = self.faults.take(request.method, request.path)
        record.fault = fault
        with self.state.lock:
            self.requests.append(record)
        return Plan(record, request, fault, self.latency + (fault.latency if fault else 0.0))

    def finish(self, plan: Plan) -> Response | None:
        """The answer, or ``None`` when the connection drops before the request is handled."""
        fault = plan.fault
        if fault is not None and fault.drop_connection == "before":
            return None
        if fault is not None and fault.status is not None:
            if fault.process:  # handled first: its effects happen, then the answer is replaced
                self._handle_with(plan.request, fault)
            headers = dict(fault.headers)
            if fault.retry_after is not None:
                headers["retry-after"] = fault.retry_after
            body = fault.body if fault.body is not None else error_body(fault.status)
            response = json_response(fault.status, body, headers=headers.items())
        else:
            response = self._handle_with(plan.request, fault)
        if fault is None or fault.drop_connection is None:
            plan.record.status = response.status
        # Every answer names its request, as the API's does (the client's RawResponse.request_id,
        # error messages and logs quote it): the caller's own X-Request-Id, else a fresh one.
        request_id = plan.request.header("x-request-id") or f"{next(self._request_ids):032x}"
        return dataclasses.replace(response, headers=(*response.headers, ("x-request-id", request_id)))

    def _handle_with(self, request: Request, fault: Fault | None) -> Response:
        """The app's answer, reshaped by the fault (and its new orders hidden) when it says so."""
        if fault is None or (not fault.reshapes and not fault.hide_orders):
            return self.app.handle(request)
        with self.state.lock:
            before = set(self.state.orders)
            response = self.app.handle(request)
            for order_id in set(self.state.orders) - before:
                self.state.hidden_orders[order_id] = fault.hide_orders
        if not fault.reshapes or not 200 <= response.status < 300:
            return response
        return Response(response.status, response.headers, json.dumps(reshape(response.json(), fault)).encode())

    def handle(self, request: Request) -> Response | None:
        """One full cycle with the blocking ``sleep`` (used by the loopback server)."""
        plan = self.begin(request)
        if plan.delay:
            self.sleep(plan.delay)
        return self.finish(plan)

    # ------------------------------------------------------------------ helpers for tests
    def issue_token(self) -> str:
        """A valid access token for the demo client, without going through the token endpoint."""
        with self.state.lock:
            return str(self.app.issue_tokens(self.settings.client_id)["access_token"])

    def count(self, method: str | None = None, path_glob: str = "*") -> int:
        """How many logged requests match (``fnmatch`` glob on the path)."""
        probe = Fault(path_glob, method, times=None)
        return sum(1 for r in self.requests if probe.matches(r.method, r.path))

    def _offer(self, iri: str | None) -> Offer:
        oid = (iri or self.demo.offer_day).rstrip("/").rsplit("/", 1)[-1]
        return self.state.seed.offers[oid]

    def seed_reservations(
        self, n: int, *, offer: str | None = None, quantity: int = 1, foreign: bool = False
    ) -> list[str]:
        """Create ``n`` held reservations directly (no availability check); returns their IRIs.

        ``foreign=True`` makes them belong to another organization (GET answers 403, lists skip them).
        """
        target = self._offer(offer)
        org = self.state.seed.other_organization_id if foreign else None
        with self.state.lock:
            return [
                Iri.reservation(self.app.create_reservation(target, quantity, organization_id=org).id) for _ in range(n)
            ]

    def seed_orders(
        self,
        n: int,
        *,
        offer: str | None = None,
        external_reference: str | None = "SEEDED",
        customer: dict[str, Any] | None = None,
        foreign: bool = False,
    ) -> list[str]:
        """Create ``n`` confirmed orders (each from a fresh reservation); returns their IRIs."""
        customer = customer or {
            "firstname": "john",
            "lastname": "doe",
            "email": "john.doe@example.com",
            "phone": "+33610203040",
            "country": "FR",
            "language": "fr",
            "title": "mr",
            "optin": False,
        }
        out = []
        with self.state.lock:
            for iri in self.seed_reservations(n, offer=offer, foreign=foreign):
                r = self.state.reservations[iri.rsplit("/", 1)[-1]]
                out.append(Iri.order(self.app.create_order(r, dict(customer), external_reference).id))
        return out

    def seed_offers(self, n: int, *, like: str | None = None) -> list[str]:
        """Add ``n`` offers copied from ``like`` (default: the demo full-day offer), same catalog,
        product and tickets, one a day from its date on; returns their IRIs (volume tests)."""
        model = self._offer(like)
        out = []
        with self.state.lock:
            for i in range(n):
                oid = self.state.new_id("offer")
                offer = dataclasses.replace(
                    model,
                    id=oid,
                    date=None if model.date is None else model.date + timedelta(days=i + 1),
                    tickets=[
                        dataclasses.replace(t, id=self.state.new_id("ticket"), offer_id=oid) for t in model.tickets
                    ],
                    created_at=model.created_at + timedelta(microseconds=i + 1),
                )
                self.state.seed.add_offer(offer)
                out.append(Iri.offer(offer.catalog_id, oid))
        return out

    def seed_products(self, n: int, *, catalog: str | None = None, name: str = "Produit de test") -> list[str]:
        """Add ``n`` products to a catalog (default: the demo catalog); returns their IRIs."""
        catalog_id = (catalog or self.demo.catalog).rsplit("/", 1)[-1]
        out = []
        with self.state.lock:
            base = self.clock()
            for i in range(n):
                pid = self.state.new_id("product")
                self.state.seed.products[pid] = Product(
                    pid, catalog_id, f"{name} {i + 1}", "<p>Test</p>", base + timedelta(microseconds=i)
                )
                out.append(Iri.product(catalog_id, pid))
        return out

    def reservation(self, iri: str) -> ReservationRecord:
        """The stored reservation behind an IRI (read or tweak it, e.g. ``expires_at``)."""
        return self.state.reservations[iri.rstrip("/").rsplit("/", 1)[-1]]

    def document_ids(self, order: str) -> list[str]:
        """Ids of an order's documents (also listed by GET /v1/booking/orders/{id}/documents since 1.0.19)."""
        return list(self.state.orders[order.rstrip("/").rsplit("/", 1)[-1]].document_ids)

    def download(self, url: str) -> bytes:
        """What the signed ``temporaryUrl`` of a document serves (the stand-in's file storage): a
        small PDF, while the URL has not expired. Raises ValueError for an unknown or stale URL."""
        from urllib.parse import parse_qs, urlsplit

        parts = urlsplit(url)
        segments = parts.path.strip("/").split("/")
        expires = int((parse_qs(parts.query).get("Expires") or ["0"])[0])
        order = self.state.orders.get(segments[-2]) if len(segments) >= 3 else None
        document = segments[-1].removesuffix(".pdf")
        if order is None or document not in order.document_ids or expires < self.clock().timestamp():
            raise ValueError(f"no document at {parts.path} (or the URL expired)")
        return f"%PDF-1.4\n% KorusTicket stand-in ticket {document} of order {order.reference}\n%%EOF\n".encode()

    def document_iris(self, order: str) -> list[str]:
        order_id = order.rstrip("/").rsplit("/", 1)[-1]
        return [Iri.document(order_id, d) for d in self.document_ids(order)]

    def set_offer_capacity(self, offer: str, capacity: int, *, price: str | None = None) -> None:
        """Change an offer's stock (and optionally its list price)."""
        target = self._offer(offer)
        with self.state.lock:
            target.capacity = capacity
            if price is not None:
                target.price = Decimal(price)

    def clear_requests(self) -> None:
        with self.state.lock:
            self.requests.clear()

    def reset_faults(self) -> None:
        self.faults.clear()

    def requests_matching(self, method: str | None = None, path_glob: str = "*") -> Iterable[RecordedRequest]:
        probe = Fault(path_glob, method, times=None)
        return [r for r in self.requests if probe.matches(r.method, r.path)]
