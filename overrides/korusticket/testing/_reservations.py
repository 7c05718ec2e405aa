"""Booking, part one: reservations."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from . import _serialize as ser
from ._core import (
    INVALID_TYPE,
    NO_SUCH_CHOICE,
    NOT_BLANK,
    NOT_FOUND_IRI,
    NOT_NULL,
    TOO_FEW,
    TOO_LOW,
    Request,
    Response,
    ValidationFailed,
    Violation,
    collection,
    json_response,
)
from ._data import Offer, OfferTicket
from ._forms import check_value
from ._handling import IRI_FIELD, IRI_FORM, IRI_OFFER, IRI_SESSION, IRI_TICKET, Handlers, Params, _order_direction
from ._serialize import Iri
from ._state import ReservationRecord, TicketChoice


class Reservations(Handlers):
    """Reservations: list, get, the bulk create and its checks (ticket sessions, form data)."""

    def list_reservations(self, req: Request, _: Params) -> Response:
        mine = [r for r in self.state.reservations.values() if r.organization_id == self.seed.organization_id]
        mine.sort(key=lambda r: (r.created_at, r.id), reverse=bool(_order_direction(req, "createdAt")))
        body = collection(
            req,
            path="/v1/booking/reservations",
            context="/contexts/BookingReservation",
            members=mine,
            serialize=lambda r: ser.reservation(self.state, r),
            variables=["order[createdAt]"],
        )
        return json_response(200, body)

    def get_reservation(self, req: Request, p: Params) -> Response:
        r = self._reservation(p["id"])
        return json_response(200, ser.with_context("BookingReservation", ser.reservation(self.state, r)))

    def _check_ticket_sessions(
        self, where: str, offer: Offer, entries: object, errors: list[Violation]
    ) -> list[TicketChoice]:
        choices: list[TicketChoice] = []
        if entries is None:
            entries = []
        if not isinstance(entries, list):
            errors.append(Violation(where, "This value should be of type array.", INVALID_TYPE))
            return choices
        seen: set[str] = set()
        for j, entry in enumerate(entries):
            at = f"{where}[{j}]"
            if not isinstance(entry, dict):
                errors.append(Violation(at, "This value should be of type object.", INVALID_TYPE))
                continue
            raw = entry.get("ticket")
            m = IRI_TICKET.fullmatch(raw) if isinstance(raw, str) else None
            ticket = next(
                (t for t in offer.tickets if m and t.id == m.group("ticket") and m.group("offer") == offer.id), None
            )
            if ticket is None:
                errors.append(Violation(f"{at}.ticket", f'Item not found for "{raw}" in this offer.', NOT_FOUND_IRI))
                continue
            seen.add(ticket.id)
            session_id = self._check_session(f"{at}.session", offer, ticket, entry.get("session"), errors)
            form_data = self._check_form_data(f"{at}.formData", ticket, entry.get("formData"), errors)
            choices.append(TicketChoice(ticket.id, session_id, form_data))
        for t in offer.tickets:
            if t.id in seen:
                continue
            if not t.date_access:
                errors.append(
                    Violation(
                        where,
                        f'A session must be chosen for ticket "{t.name}" '
                        f"({Iri.ticket(offer.catalog_id, offer.id, t.id)}).",
                        NOT_BLANK,
                    )
                )
            elif t.form_id and any(f.required for f in self.seed.forms[t.form_id].fields):
                errors.append(
                    Violation(
                        where,
                        f'Ticket "{t.name}" needs formData ({Iri.ticket(offer.catalog_id, offer.id, t.id)}).',
                        NOT_BLANK,
                    )
                )
            else:
                choices.append(TicketChoice(t.id, None, None))
        return choices

    def _check_session(
        self, at: str, offer: Offer, ticket: OfferTicket, raw: object, errors: list[Violation]
    ) -> str | None:
        if ticket.date_access:
            return None
        if raw is None:
            errors.append(Violation(at, "This value should not be null.", NOT_NULL))
            return None
        m = IRI_SESSION.fullmatch(raw) if isinstance(raw, str) else None
        valid = {s.id for s in self.state.sessions_for_offer(offer) if s.event_id == ticket.event_id}
        if (
            m is None
            or m.group("session") not in valid
            or (m.group("offer"), m.group("ticket")) != (offer.id, ticket.id)
        ):
            errors.append(
                Violation(at, f'Item not found for "{raw}" among the sessions of this ticket.', NOT_FOUND_IRI)
            )
            return None
        return m.group("session")

    def _check_form_data(
        self, at: str, ticket: OfferTicket, raw: object, errors: list[Violation]
    ) -> dict[str, Any] | None:
        if ticket.form_id is None:
            return raw if isinstance(raw, dict) else None
        form = self.seed.forms[ticket.form_id]
        if raw is None:
            if any(f.required for f in form.fields):
                errors.append(Violation(at, "This value should not be null.", NOT_NULL))
            return None
        if not isinstance(raw, dict):
            errors.append(Violation(at, "This value should be of type object.", INVALID_TYPE))
            return None
        m = IRI_FORM.fullmatch(raw.get("form") or "") if isinstance(raw.get("form"), str) else None
        if m is None or m.group("form") != form.id:
            errors.append(Violation(f"{at}.form", f'This value should be "{Iri.form(form.id)}".', NOT_FOUND_IRI))
        values = raw.get("fields")
        if not isinstance(values, list):
            errors.append(Violation(f"{at}.fields", "This value should be of type array.", INVALID_TYPE))
            return None
        by_id = {f.id: f for f in form.fields}
        filled: set[str] = set()
        for k, entry in enumerate(values):
            fat = f"{at}.fields[{k}]"
            raw_field = entry.get("field") if isinstance(entry, dict) else None
            fm = IRI_FIELD.fullmatch(raw_field) if isinstance(raw_field, str) else None
            form_field = by_id.get(fm.group("field")) if fm and fm.group("form") == form.id else None
            if form_field is None or not isinstance(entry, dict):
                errors.append(
                    Violation(f"{fat}.field", f'Item not found for "{raw_field}" in this form.', NOT_FOUND_IRI)
                )
                continue
            value = entry.get("value")
            if form_field.required and (value is None or value == ""):
                errors.append(Violation(f"{fat}.value", "This value should not be blank.", NOT_BLANK))
            elif value is not None and value != "" and (problem := check_value(form_field, value)):
                code = NO_SUCH_CHOICE if form_field.choices else INVALID_TYPE
                errors.append(Violation(f"{fat}.value", problem, code))
            filled.add(form_field.id)
        errors.extend(
            Violation(f"{at}.fields", f'The field "{f.code}" ({Iri.form_field(form.id, f.id)}) is required.', NOT_BLANK)
            for f in form.fields
            if f.required and f.id not in filled
        )
        return raw

    def bulk_reservations(self, req: Request, _: Params) -> Response:
        body = self._body(req, ("application/ld+json", "application/json"))
        items = body.get("items")
        errors: list[Violation] = []
        if not isinstance(items, list) or not items:
            raise ValidationFailed([Violation("items", "This collection should contain 1 element or more.", TOO_FEW)])
        planned: list[tuple[int, dict[str, Any], Offer, int, list[TicketChoice]]] = []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                errors.append(Violation(f"items[{i}]", "This value should be of type object.", INVALID_TYPE))
                continue
            raw = item.get("offer")
            m = IRI_OFFER.fullmatch(raw) if isinstance(raw, str) else None
            offer = self.seed.offers.get(m.group("offer")) if m else None
            if (
                offer is None
                or m is None
                or offer.catalog_id != m.group("catalog")
                or self.seed.catalogs[offer.catalog_id].organization_id != self.seed.organization_id
            ):
                errors.append(Violation(f"items[{i}].offer", f'Item not found for "{raw}".', NOT_FOUND_IRI))
                continue
            quantity = item.get("quantity")
            if not isinstance(quantity, int) or isinstance(quantity, bool):
                errors.append(Violation(f"items[{i}].quantity", "This value should be of type int.", INVALID_TYPE))
                continue
            if quantity < 1:
                errors.append(
                    Violation(f"items[{i}].quantity", "This value should be greater than or equal to 1.", TOO_LOW)
                )
                continue
            choices = self._check_ticket_sessions(
                f"items[{i}].ticketSessions", offer, item.get("ticketSessions"), errors
            )
            planned.append((i, item, offer, quantity, choices))
        if errors:
            raise ValidationFailed(errors)

        now = self.state.now()
        reservations, failed = [], []
        for i, item, offer, quantity, choices in planned:
            sessions = [self.seed.sessions[c.session_id] for c in choices if c.session_id]
            problem: tuple[str, str] | None = None
            if any(s.starts_at <= now for s in sessions):
                problem = ("session_expired", "The chosen session has already started.")
            elif offer.date is not None and offer.date < now.date():
                problem = ("offer_expired", f"The offer of {offer.date.isoformat()} can no longer be booked.")
            elif self.state.offer_available(offer) < quantity or any(
                self.state.session_available(s) < quantity for s in sessions
            ):
                problem = (
                    "sold_out",
                    f"Not enough availability for this offer or session ({self.state.offer_available(offer)} left).",
                )
            if problem is not None:
                failed.append({"item": item, "index": i, "message": problem[1], "code": problem[0]})
                continue
            record = self.create_reservation(offer, quantity, choices)
            reservations.append(ser.reservation(self.state, record))
        return json_response(
            200,
            {
                "@context": "/contexts/BookingReservation",
                "@id": "/v1/booking/reservations/_bulk",
                "@type": "BookingReservation",
                "reservations": reservations,
                "failedReservations": failed,
            },
        )

    def create_reservation(
        self, offer: Offer, quantity: int, choices: list[TicketChoice] | None = None, organization_id: str | None = None
    ) -> ReservationRecord:
        if choices is None:
            sessions = self.state.sessions_for_offer(offer)
            choices = [
                TicketChoice(
                    t.id, None if t.date_access else next((s.id for s in sessions if s.event_id == t.event_id), None)
                )
                for t in offer.tickets
            ]
        unit = offer.realtime_price if offer.realtime_price is not None else offer.price
        excl = (unit * offer.price_excl / offer.price) if offer.price_excl is not None and offer.price else None
        now = self.state.now()
        record = ReservationRecord(
            id=self.state.new_id("reservation"),
            organization_id=organization_id or self.seed.organization_id,
            catalog_id=offer.catalog_id,
            offer_id=offer.id,
            quantity=quantity,
            choices=choices,
            unit_incl=unit,
            unit_excl=excl.quantize(Decimal("0.01")) if excl is not None else None,
            created_at=now,
            expires_at=now + self.settings.hold,
            item_ids=[self.state.new_id("reservation-item") for _ in range(quantity)],
        )
        self.state.reservations[record.id] = record
        return record
