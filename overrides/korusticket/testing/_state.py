"""Mutable state: tokens, reservations, orders, and availability derived from them."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from ._clock import Clock
from ._data import Offer, Seed, Session, build_seed, uuid7
from ._documents import Documents

__all__ = ["OrderRecord", "OrderTicket", "ReservationRecord", "State", "TicketChoice", "Token"]


@dataclass
class Token:
    value: str
    kind: str  # "access" | "refresh"
    client_id: str
    expires_at: datetime


@dataclass(frozen=True)
class TicketChoice:
    """One ``ticketSessions`` entry of a reservation request, resolved."""

    ticket_id: str
    session_id: str | None
    form_data: dict[str, Any] | None = None


@dataclass
class ReservationRecord:
    id: str
    organization_id: str
    catalog_id: str
    offer_id: str
    quantity: int
    choices: list[TicketChoice]
    unit_incl: Decimal
    unit_excl: Decimal | None
    created_at: datetime
    expires_at: datetime
    item_ids: list[str]
    order_id: str | None = None

    def expired(self, now: datetime) -> bool:
        return self.order_id is None and now >= self.expires_at

    def holds_stock(self, now: datetime) -> bool:
        return not self.expired(now)


@dataclass
class OrderTicket:
    id: str
    item_id: str
    voucher: str
    occurs_at: datetime | None
    event_id: str | None
    required_fields: tuple[str, ...]
    deadline: datetime | None
    beneficiary: dict[str, Any] | None = None

    @property
    def status(self) -> str:
        if not self.required_fields:
            return "validated"
        done = self.beneficiary is not None and all(self.beneficiary.get(f) for f in self.required_fields)
        return "validated" if done else "waiting_beneficiary_data"


@dataclass
class OrderRecord:
    id: str
    organization_id: str
    catalog_id: str
    reservation_id: str
    reference: str
    external_reference: str | None
    connector_reference: str | None
    customer: dict[str, Any]
    created_at: datetime
    item_id: str
    tickets: list[OrderTicket]
    document_ids: list[str]
    notes: str | None = None
    status: str = "confirmed"
    cancelled_at: datetime | None = None


@dataclass
class State:
    """Everything that changes. Guard with ``lock`` (the server is multi-threaded)."""

    clock: Clock
    seed_name: str = "korusticket-stand-in"
    seed: Seed = field(init=False)
    tokens: dict[str, Token] = field(default_factory=dict)
    reservations: dict[str, ReservationRecord] = field(default_factory=dict)
    orders: dict[str, OrderRecord] = field(default_factory=dict)
    # Orders committed but not yet visible to lists: order id -> how many more lists miss it.
    hidden_orders: dict[str, int] = field(default_factory=dict)
    document_urls_issued: int = 0
    counter: int = 0
    lock: threading.RLock = field(default_factory=threading.RLock)
    documents: Documents = field(default_factory=Documents)  # read-only resources served as they are

    def __post_init__(self) -> None:
        self.seed = build_seed(self.clock(), self.seed_name)

    def now(self) -> datetime:
        return self.clock()

    def next_number(self) -> int:
        self.counter += 1
        return self.counter

    def new_id(self, kind: str) -> str:
        return uuid7(self.seed_name, f"{kind}:{self.next_number()}", self.now())

    # ----------------------------------------------------------------- availability
    def held_for_offer(self, offer: Offer) -> int:
        now = self.now()
        return sum(r.quantity for r in self.reservations.values() if r.offer_id == offer.id and r.holds_stock(now))

    def offer_available(self, offer: Offer) -> int:
        return max(0, offer.capacity - self.held_for_offer(offer))

    def session_available(self, session: Session) -> int:
        now = self.now()
        held = sum(
            r.quantity
            for r in self.reservations.values()
            if r.holds_stock(now)
            for c in r.choices
            if c.session_id == session.id
        )
        return max(0, session.capacity - held)

    def ticket_sessions(self) -> dict[str, list[tuple[str, str, str]]]:
        """Per offer: (ticket id, session id, start) of every session its session tickets offer."""
        return {
            offer.id: [
                (t.id, s.id, s.starts_at.isoformat())
                for t in offer.tickets
                if not t.date_access
                for s in self.sessions_for_offer(offer)
                if s.event_id == t.event_id
            ]
            for offer in self.seed.offers.values()
        }

    def sessions_for_offer(self, offer: Offer) -> list[Session]:
        """Sessions selectable for the offer's session tickets (same event, same day when dated)."""
        events = {t.event_id for t in offer.tickets if not t.date_access and t.event_id}
        return sorted(
            (
                s
                for s in self.seed.sessions.values()
                if s.event_id in events and (offer.date is None or s.starts_at.date() == offer.date)
            ),
            key=lambda s: (s.starts_at, s.id),
        )

    def expiry_after(self, hold: timedelta) -> datetime:
        return self.now() + hold
