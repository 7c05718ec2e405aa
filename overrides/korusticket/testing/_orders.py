"""Booking, part two: orders and their tickets."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from . import _serialize as ser
from ._core import (
    BAD_EMAIL,
    INVALID_TYPE,
    NO_SUCH_CHOICE,
    NOT_BLANK,
    NOT_FOUND_IRI,
    NOT_NULL,
    TOO_FEW,
    TOO_LONG,
    ApiError,
    Request,
    Response,
    ValidationFailed,
    Violation,
    collection,
    json_response,
)
from ._handling import (
    DATE,
    EMAIL,
    IRI_RESERVATION,
    MERGE_PATCH,
    TITLES,
    Handlers,
    Params,
    _order_direction,
    _range_filter,
)
from ._state import OrderRecord, OrderTicket, ReservationRecord

BENEFICIARY_FIELDS = ("firstname", "lastname", "title", "nationality", "dateOfBirth", "placeOfBirth", "email", "phone")


class Orders(Handlers):
    """Orders: list, get, the bulk create and the order tickets (beneficiary)."""

    def list_orders(self, req: Request, _: Params) -> Response:
        ref = req.param("external_reference")
        if ref is not None and not 1 <= len(ref) <= 50:
            raise ApiError(400, 'Query parameter "external_reference" must match "^.{1,50}$".')
        with self.state.lock:  # a commit not yet visible: this list misses it (Faults.add(hide_orders=))
            hidden = {k for k, n in self.state.hidden_orders.items() if n > 0}
            for k in hidden:
                self.state.hidden_orders[k] -= 1
        orders = [
            o
            for o in self.state.orders.values()
            if o.id not in hidden
            and o.organization_id == self.seed.organization_id
            and (ref is None or o.external_reference == ref)
            and _range_filter(req, "createdAt", o.created_at)
        ]
        orders.sort(key=lambda o: (o.created_at, o.id), reverse=bool(_order_direction(req, "createdAt")))
        variables = [
            "external_reference",
            "order[createdAt]",
            "createdAt[before]",
            "createdAt[strictly_before]",
            "createdAt[after]",
            "createdAt[strictly_after]",
        ]
        body = collection(
            req,
            path="/v1/booking/orders",
            context="/contexts/BookingOrder",
            members=orders,
            serialize=lambda o: ser.order(self.state, o),
            variables=variables,
        )
        return json_response(200, body)

    def get_order(self, req: Request, p: Params) -> Response:
        return json_response(200, ser.with_context("BookingOrder", ser.order(self.state, self._order(p["id"]))))

    def bulk_orders(self, req: Request, _: Params) -> Response:
        body = self._body(req, ("application/ld+json", "application/json"))
        errors: list[Violation] = []
        found: list[tuple[str, ReservationRecord]] = []
        iris = body.get("reservations")
        if not isinstance(iris, list) or not iris:
            errors.append(Violation("reservations", "This collection should contain 1 element or more.", TOO_FEW))
            iris = []
        for i, raw in enumerate(iris):
            m = IRI_RESERVATION.fullmatch(raw) if isinstance(raw, str) else None
            r = self.state.reservations.get(m.group("reservation")) if m else None
            if r is None or r.organization_id != self.seed.organization_id:
                errors.append(Violation(f"reservations[{i}]", f'Item not found for "{raw}".', NOT_FOUND_IRI))
            else:
                found.append((raw, r))
        customer = body.get("customer")
        if not isinstance(customer, dict):
            errors.append(Violation("customer", "This value should not be null.", NOT_NULL))
            customer = {}
        for name in ("firstname", "lastname", "email"):
            value = customer.get(name)
            if not isinstance(value, str) or not value.strip():
                errors.append(Violation(f"customer.{name}", "This value should not be blank.", NOT_BLANK))
        email = customer.get("email")
        if isinstance(email, str) and email.strip() and not EMAIL.fullmatch(email):
            errors.append(Violation("customer.email", "This value is not a valid email address.", BAD_EMAIL))
        if customer.get("title") is not None and customer.get("title") not in TITLES:
            errors.append(Violation("customer.title", "The value you selected is not a valid choice.", NO_SUCH_CHOICE))
        ext = body.get("externalReference")
        if not isinstance(ext, str) or not ext.strip():
            errors.append(Violation("externalReference", "This value should not be blank.", NOT_BLANK))
        elif len(ext) > 50:
            errors.append(
                Violation(
                    "externalReference", "This value is too long. It should have 50 characters or less.", TOO_LONG
                )
            )
        if errors:
            raise ValidationFailed(errors)

        now = self.state.now()
        orders, failed = [], []
        clean = {
            k: customer.get(k) for k in ("firstname", "lastname", "email", "phone", "country", "language", "title")
        }
        clean["optin"] = bool(customer.get("optin", False))
        for raw, r in found:
            if r.order_id is not None:
                failed.append(
                    {
                        "reservation": raw,
                        "message": "This reservation has already been ordered.",
                        "code": "reservation_already_ordered",
                    }
                )
            elif r.expired(now):
                message = f"This reservation expired at {r.expires_at.isoformat()}."
                failed.append({"reservation": raw, "message": message, "code": "reservation_expired"})
            else:
                order = self.create_order(r, clean, str(ext), body.get("notes"))
                orders.append(ser.order(self.state, order))
        return json_response(
            200,
            {
                "@context": "/contexts/BookingOrder",
                "@id": "/v1/booking/orders/_bulk",
                "@type": "BookingOrder",
                "orders": orders,
                "failedOrders": failed,
            },
        )

    def create_order(
        self, r: ReservationRecord, customer: dict[str, Any], external_reference: str | None, notes: object = None
    ) -> OrderRecord:
        offer = self.seed.offers[r.offer_id]
        product = self.seed.products[offer.product_id]
        now = self.state.now()
        n = self.state.next_number()
        order_id, item_id = self.state.new_id("order"), self.state.new_id("order-item")
        tickets = []
        for _unit in range(r.quantity):
            for c in r.choices:
                session = self.seed.sessions.get(c.session_id or "")
                ticket = next(t for t in offer.tickets if t.id == c.ticket_id)
                if session is not None:
                    occurs: datetime | None = session.starts_at
                elif offer.date is not None:
                    occurs = datetime.combine(offer.date, datetime.min.time(), UTC) + timedelta(hours=8)
                else:
                    occurs = None
                required = product.required_beneficiary_fields
                deadline = None
                if required:
                    deadline = occurs - timedelta(days=2) if occurs else now + timedelta(days=30)
                tickets.append(
                    OrderTicket(
                        id=self.state.new_id("order-ticket"),
                        item_id=item_id,
                        voucher=f"8555400800{self.state.next_number():06d}",
                        occurs_at=occurs,
                        event_id=session.event_id if session else ticket.event_id,
                        required_fields=required,
                        deadline=deadline,
                    )
                )
        order = OrderRecord(
            id=order_id,
            organization_id=r.organization_id,
            catalog_id=r.catalog_id,
            reservation_id=r.id,
            reference=f"KT-ORD-{100000 + n:06d}",
            external_reference=external_reference,
            connector_reference=str(3875 + n),
            customer=customer,
            created_at=now,
            item_id=item_id,
            tickets=tickets,
            document_ids=[self.state.new_id("document")],
            notes=notes if isinstance(notes, str) else None,
        )
        r.order_id = order.id
        self.state.orders[order.id] = order
        return order

    def _ticket_response(self, order: OrderRecord, ticket: OrderTicket) -> Response:
        body = ser.order_ticket(self.state, order, ticket)
        return json_response(200, ser.with_context("BookingOrderItemTicket", body))

    def get_order_ticket(self, req: Request, p: Params) -> Response:
        order, ticket = self._order_ticket(p)
        return self._ticket_response(order, ticket)

    def patch_order_ticket(self, req: Request, p: Params) -> Response:
        order, ticket = self._order_ticket(p)
        body = self._body(req, (MERGE_PATCH,))
        if "beneficiary" in body:
            patch = body["beneficiary"]
            if patch is not None and not isinstance(patch, dict):
                raise ValidationFailed([Violation("beneficiary", "This value should be of type object.", INVALID_TYPE)])
            if ticket.deadline is not None and self.state.now() >= ticket.deadline:
                raise ValidationFailed(
                    [
                        Violation(
                            "beneficiary",
                            "The beneficiary can no longer be amended (designation deadline passed).",
                            "not_amendable",
                        )
                    ]
                )
            merged = (
                {
                    k: v
                    for k, v in {**(ticket.beneficiary or {}), **(patch or {})}.items()
                    if v is not None and k in BENEFICIARY_FIELDS
                }
                if patch is not None
                else None
            )
            errors: list[Violation] = []
            if merged is not None:
                errors.extend(
                    Violation(f"beneficiary.{name}", "This value should not be blank.", NOT_BLANK)
                    for name in ("firstname", "lastname")
                    if not isinstance(merged.get(name), str) or not merged[name].strip()
                )
                if merged.get("title") is not None and merged["title"] not in TITLES:
                    errors.append(
                        Violation("beneficiary.title", "The value you selected is not a valid choice.", NO_SUCH_CHOICE)
                    )
                dob = merged.get("dateOfBirth")
                if dob is not None and not (isinstance(dob, str) and DATE.fullmatch(dob)):
                    errors.append(Violation("beneficiary.dateOfBirth", "This value is not a valid date.", INVALID_TYPE))
            if errors:
                raise ValidationFailed(errors)
            ticket.beneficiary = merged
        return self._ticket_response(order, ticket)
