"""Book tickets end to end with korusticket (``make demo``).

Without credentials, this starts the korusticket.testing stand-in on a loopback port and books there.
With KORUSTICKET_CLIENT_ID and KORUSTICKET_CLIENT_SECRET set, it books on the demo server instead
(KORUSTICKET_BASE_URL and KORUSTICKET_TOKEN_URL are honoured). Either way it prints each step.

    catalogs -> product bases, options, products -> offers -> offer-ticket sessions -> availability,
    price -> form -> reservation -> order -> beneficiaries -> document URL
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Literal, cast

from korusticket import KorusTicket, KorusTicketError
from korusticket.forms import FieldType, FormSpec, build_form_data
from korusticket.types import (
    BeneficiaryInput,
    BookingOrder,
    CustomerInput,
    ReservationItemInput,
    TicketingOffer,
    TicketingOfferTicketInOffer,
    TicketSessionInput,
)

OptionCode = Literal["days_count", "price_type", "seating_category", "zone"]
CUSTOMER: CustomerInput = {"firstname": "Jane", "lastname": "Doe", "email": "jane.doe@example.com", "phone": "+33612345678",
            "country": "FR", "language": "fr", "title": "mrs", "optin": False}  # fmt: skip
BENEFICIARY: dict[str, str] = {"firstname": "John", "lastname": "Doe", "email": "john.doe@example.com", "phone": "+33698765432",
               "title": "mr", "dateOfBirth": "1990-04-12", "nationality": "FR", "placeOfBirth": "Nantes"}  # fmt: skip
# Answers to form fields: by field code, else a sample by type (a real integration asks the customer).
FORM_ANSWERS: dict[str, object] = {"lastname": "Doe", "firstname": "Lily", "meal": "vegetarian"}
SAMPLE_BY_TYPE: dict[FieldType, object] = {
    FieldType.TEXT: "n/a", FieldType.BOOL: False, FieldType.INTEGER: 1, FieldType.DECIMAL: Decimal("1.00"),
    FieldType.DATE: dt.date(2015, 5, 1), FieldType.TIME: dt.time(10, 0), FieldType.DATETIME: dt.datetime(2025, 1, 1, 10),
}  # fmt: skip


class WalkthroughError(Exception):
    """A step could not go on (nothing to book, everything failed, ...)."""


class Trace:
    """Numbered steps, then indented details."""

    def __init__(self, say: Callable[[str], None]) -> None:
        self.say, self.number = say, 0

    def step(self, title: str) -> None:
        self.number += 1
        self.say(f"\n{self.number}. {title}")

    def __call__(self, text: str) -> None:
        self.say(f"   {text}")


def product_name(offer: TicketingOffer) -> str | None:
    return offer.product.name if offer.product is not None else None


def money(amount: object, currency: object = "EUR") -> str:
    return f"{Decimal(str(amount)):.2f} {str(currency).upper()}"


def prop(model: Any, name: str) -> Any:
    """A property of an open object (the spec documents no properties for options and sessions)."""
    return model.additional_properties.get(name)


def form_values(form: Any) -> dict[str, object]:
    """An answer for every required field (plus the ones we have a sample answer for)."""
    values: dict[str, object] = {}
    for field in FormSpec.from_raw(form).fields:
        if field.code in FORM_ANSWERS and (not field.choices or FORM_ANSWERS[field.code] in field.choices):
            values[field.name] = FORM_ANSWERS[field.code]
        elif field.required:
            values[field.name] = field.choices[0] if field.choices else SAMPLE_BY_TYPE[field.type]
    return values


def _session_for(ticket: Any, chosen: dict[str, str], open_sessions: set[Any]) -> Any:
    """The session picked for a ticket, else the first one of that ticket still open."""
    if str(ticket.iri) in chosen:
        return chosen[str(ticket.iri)]
    return next((s for s in sorted(map(str, open_sessions)) if s.startswith(f"{ticket.iri}/sessions/")), None)


def walkthrough(
    kt: KorusTicket, *, today: dt.date, external_reference: str, say: Callable[[str], None] = print,
    fetch: Callable[[str], bytes] | None = None,
) -> list[BookingOrder]:  # fmt: skip
    """Run every step; returns the orders. ``fetch(url)`` downloads a document (None: skip)."""
    t = Trace(say)
    t.step("List catalogs: kt.catalogs.list()")
    catalogs = list(kt.catalogs.list())
    for c in catalogs:
        t(f"- {c.name}")
    if not catalogs:
        raise WalkthroughError("no catalog is shared with this account")
    catalog = catalogs[0]
    t(f"-> catalog {catalog.name!r}")

    t.step(
        "Browse product bases: kt.product_bases.list(catalog), kt.product_base_options.list(...), "
        "kt.product_base_option_values.list(...), kt.product_base_products.list(...)"
    )
    products, bases = [], []
    for base in kt.product_bases.list(catalog, limit=3):
        bases.append(base)
        options = [o.iri.rsplit("/", 1)[-1] for o in kt.product_base_options.list(catalog, base) if o.iri]
        values = {
            code: len(list(kt.product_base_option_values.list(catalog, base, cast(OptionCode, code))))
            for code in options
        }
        base_products = list(kt.product_base_products.list(catalog, base))
        t(f"- {base.name}: options {values or 'none'}, {len(base_products)} product(s)")
        products += base_products[:1]
    if products:
        t(f"-> product {products[0].name!r}")

    t.step(
        "Pick offers: kt.offers.list(catalog, product_base=...), kt.offer_ticket_sessions.list(catalog, offer, ticket)"
    )
    chosen: list[tuple[TicketingOffer, int]] = []
    upcoming = [o for o in kt.offers.list(catalog, limit=200) if not o.date or o.date >= today]
    if products:
        offers = kt.offers.list(catalog, product_base=bases[0], product=products[0], date_after=today, limit=20)
        for_product = [o for o in offers if o.available_quantity != 0]
        t(f"- {len(for_product)} offer(s) of that product of {bases[0].name!r}")
        chosen += [(o, 1) for o in for_product[:1]]
    with_session = [o for o in upcoming if any(not ticket.date_access for ticket in o.tickets or [])]
    with_form = [o for o in upcoming if any(ticket.form for ticket in o.tickets or [])]
    undated = [o for o in upcoming if not o.date]  # passes: their tickets usually name a holder
    t(f"- {len(upcoming)} upcoming offer(s): {len(with_session)} with a session to choose, "
      f"{len(with_form)} with a ticket form, {len(undated)} undated")  # fmt: skip
    sessions: dict[str, str] = {}  # ticket IRI -> the offer-ticket session chosen for it
    for o in with_session[:1]:
        for ticket in o.tickets or []:
            if not ticket.date_access:
                slots = list(kt.offer_ticket_sessions.list(catalog, o, ticket, limit=5))
                t(f"- ticket {ticket.iri}: {len(slots)} session(s), first {slots[0].iri if slots else None}")
                if slots and slots[0].iri:
                    sessions[str(ticket.iri)] = slots[0].iri
        chosen.append((o, 2))
    for o in (with_form or upcoming)[:1] + undated[:1]:
        if o.iri not in {c.iri for c, _ in chosen}:
            chosen.append((o, 1))
    if not chosen:
        raise WalkthroughError("no offer to book in this catalog")
    for o, quantity in chosen:
        list_price = money(o.price.amount_incl_tax if o.price else None)
        t(f"-> {quantity} x {product_name(o)} ({o.date or 'undated'}), list price {list_price}")

    t.step("Check availability and price: kt.offers.availability(...), kt.offers.price(...)")
    items: list[ReservationItemInput] = []
    entries_of: list[list[tuple[TicketingOfferTicketInOffer, TicketSessionInput]]] = []
    for offer, quantity in chosen:
        available = kt.offers.availability(catalog, offer)
        price = kt.offers.price(catalog, offer)
        amount = money(price.amount_incl_tax, price.currency)
        t(f"- {product_name(offer)}: {available.available_quantity} left, {amount}")
        open_sessions = {s.session for s in available.sessions_availability or [] if s.available_quantity}
        entries: list[tuple[TicketingOfferTicketInOffer, TicketSessionInput]] = [
            (ticket, {"ticket": ticket} if ticket.date_access else {"ticket": ticket, "session": _session_for(
                ticket, sessions, open_sessions)}) for ticket in offer.tickets or []]  # fmt: skip
        items.append({"offer": offer, "quantity": quantity, "ticket_sessions": [entry for _, entry in entries]})
        entries_of.append(entries)

    t.step("Fill ticket forms: kt.forms.get(form), korusticket.forms.build_form_data(form, values)")
    for entries in entries_of:
        for ticket, entry in entries:
            if ticket.form:
                form = kt.forms.get(ticket.form)
                entry["form_data"] = build_form_data(form, answers := form_values(form))
                t(f"- form {form.code or form.id} for {ticket['name']}: {answers}")
    if not any("form_data" in e for entries in entries_of for _, e in entries):
        t("- no ticket asks for a form")

    t.step("Reserve: kt.reservations.create(items)")
    result = kt.reservations.create(items)
    for r in result.succeeded:
        held_until = r.expires_at.isoformat() if r.expires_at else "?"
        t(f"- reserved {r.id}: {money(r.total_amount_incl_tax)}, held until {held_until}")
    for failure in result.failed:
        t(f"- FAILED item {failure.index}: {failure.reason}")
    if not result.succeeded:
        raise WalkthroughError("no reservation succeeded")

    t.step(f"Order: kt.orders.create(reservations, customer=..., external_reference={external_reference!r})")
    t(f"- customer {CUSTOMER['firstname']} {CUSTOMER['lastname']} <{CUSTOMER['email']}>")
    orders = kt.orders.create(
        result.succeeded, customer=CUSTOMER, external_reference=external_reference, notes="Walkthrough order"
    )
    for failure in orders.failed:
        t(f"- FAILED {failure.raw}: {failure.reason}")
    if not orders.succeeded:
        raise WalkthroughError("no order was created")
    for placed in orders.succeeded:
        t(f"- order {placed.reference} ({placed.status}): {money(placed.total_amount_incl_tax)}, "
          f"{len(placed.items or [])} item(s)")  # fmt: skip

    t.step("Name ticket holders: kt.order_tickets.set_beneficiary(order, item, ticket, beneficiary)")
    named = 0
    for placed in orders.succeeded:
        for order_item in placed.items or []:
            for order_ticket in order_item.tickets or []:
                if order_ticket.required_beneficiary_fields:
                    fields = {"firstname", "lastname", *order_ticket.required_beneficiary_fields}
                    holder = cast(BeneficiaryInput, {k: BENEFICIARY[k] for k in fields})
                    updated = kt.order_tickets.set_beneficiary(placed, order_item, order_ticket, holder)
                    needs = ", ".join(order_ticket.required_beneficiary_fields)
                    t(f"- ticket {order_ticket.id} needs {needs} -> {updated.status}")
                    named += 1
    if not named:
        t("- no ticket needs a beneficiary")

    t.step("Download the tickets: kt.order_documents.list(order), kt.order_documents.refresh_url(order, document)")
    for placed in orders.succeeded:
        documents = list(kt.order_documents.list(placed))
        if not documents:
            t(f"- {placed.reference}: no document yet")
        for document in documents:
            url = kt.order_documents.refresh_url(placed, document).temporary_url or ""
            t(f"- {placed.reference}, document {document.id} (downloadable at {document.downloadable_at}): "
              f"{url[:60]}...")  # fmt: skip
            if fetch is not None:
                content = fetch(url)
                kind = "a PDF" if content.startswith(b"%PDF") else "not a PDF"
                t(f"  downloaded {len(content)} bytes ({kind})")
    return orders.succeeded


def _download(url: str) -> bytes:
    """A document from its short-lived URL (no API credentials: the URL is signed)."""
    import httpx

    response = httpx.get(url, timeout=30.0)
    response.raise_for_status()
    return response.content


def main() -> int:
    client_id, secret = os.environ.get("KORUSTICKET_CLIENT_ID"), os.environ.get("KORUSTICKET_CLIENT_SECRET")
    reference = f"walkthrough-{uuid.uuid4().hex[:12]}"
    try:
        if client_id and secret:
            with KorusTicket() as kt:
                print(f"KorusTicket demo server at {kt.base_url} (client {client_id})")
                walkthrough(kt, today=dt.date.today(), external_reference=reference, fetch=_download)
        else:
            from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, TOKEN_PATH, StandIn, StandInServer

            if client_id or secret:
                print("Only one of KORUSTICKET_CLIENT_ID/KORUSTICKET_CLIENT_SECRET is set: using the stand-in")
            stand_in = StandIn()
            with StandInServer(stand_in) as server, KorusTicket(
                client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET,
                base_url=server.base_url, token_url=server.base_url + TOKEN_PATH,
            ) as kt:  # fmt: skip
                print(f"Local stand-in of the KorusTicket API at {server.base_url} (no credentials set)")
                today = stand_in.clock().date()
                walkthrough(kt, today=today, external_reference=reference, fetch=stand_in.download)
    except (KorusTicketError, WalkthroughError) as exc:
        print(f"\nWalkthrough failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print("\nWalkthrough complete.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
