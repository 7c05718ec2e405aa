"""Seed data: catalogs, events, sessions, products, offers, forms (offers, tickets and their sessions are also what 1.0.10 calls offer-ticket sessions; _seed.py adds product bases).

Everything is derived from a seed string, so ids are stable UUIDv7 values; dates are
relative to the clock at start-up (offers start tomorrow, one session is already past).
Names and a few ids come from the documentation's examples.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

__all__ = [
    "UUID7_PATTERN",
    "Catalog",
    "Event",
    "Form",
    "FormField",
    "FormFieldChoice",
    "Offer",
    "OfferTicket",
    "Product",
    "Seed",
    "Session",
    "build_seed",
    "fmt_dt",
    "money",
    "uuid7",
]

UUID7_PATTERN = r"[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"

FIELD_TYPES = (
    "text",
    "bool",
    "integer",
    "decimal",
    "date",
    "time",
    "datetime",
    "single_choice",
    "multi_choice",
)


def uuid7(seed: str, key: str, when: datetime) -> str:
    """A valid UUIDv7 whose time part is ``when`` and whose random part hashes ``seed``/``key``."""
    ms = int(when.timestamp() * 1000) & (2**48 - 1)
    rand = int.from_bytes(hashlib.sha256(f"{seed}:{key}".encode()).digest()[:10], "big")  # 80 bits
    rand_a = rand >> 68 & 0xFFF
    rand_b = rand & (2**62 - 1)
    value = ms << 80 | 0x7 << 76 | rand_a << 64 | 0b10 << 62 | rand_b
    h = f"{value:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def money(value: Decimal) -> str:
    """Money as the API writes it: a string with two decimals."""
    return str(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def fmt_dt(value: datetime) -> str:
    """ISO 8601 with a numeric offset and no fraction: ``2025-01-27T15:15:20+00:00``."""
    return value.astimezone(UTC).replace(microsecond=0).isoformat()


@dataclass
class Catalog:
    id: str
    name: str
    created_at: datetime
    organization_id: str


@dataclass
class Event:
    id: str
    catalog_id: str
    name: str
    description: str


@dataclass
class Session:
    id: str
    event_id: str
    catalog_id: str
    starts_at: datetime
    ends_at: datetime
    capacity: int


@dataclass
class Product:
    id: str
    catalog_id: str
    name: str
    description: str
    created_at: datetime
    disabled: bool = False
    required_beneficiary_fields: tuple[str, ...] = ()


@dataclass
class OfferTicket:
    id: str
    offer_id: str
    name: str
    description: str
    date_access: bool
    event_id: str | None = None  # set when a session of this event must be chosen
    form_id: str | None = None


@dataclass
class Offer:
    id: str
    catalog_id: str
    product_id: str
    date: date | None
    price: Decimal
    price_excl: Decimal | None
    original_price: Decimal | None
    capacity: int
    availability_check_required: bool = False
    realtime_price: Decimal | None = None  # set => realtimePriceRequired
    tickets: list[OfferTicket] = field(default_factory=list)
    created_at: datetime = datetime(2025, 1, 28, 8, 0, tzinfo=UTC)


@dataclass
class FormFieldChoice:
    id: str
    value: str
    label: str


@dataclass
class FormField:
    id: str
    form_id: str
    code: str
    label: str
    type: str
    required: bool
    choices: list[FormFieldChoice] = field(default_factory=list)


@dataclass
class Form:
    id: str
    code: str
    fields: list[FormField]


@dataclass
class Seed:
    """The seeded world; lookup tables by id."""

    organization_id: str
    other_organization_id: str
    catalogs: dict[str, Catalog] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    sessions: dict[str, Session] = field(default_factory=dict)
    products: dict[str, Product] = field(default_factory=dict)
    offers: dict[str, Offer] = field(default_factory=dict)
    tickets: dict[str, OfferTicket] = field(default_factory=dict)
    forms: dict[str, Form] = field(default_factory=dict)
    # named handles for tests and demos (see Demo in _standin.py)
    handles: dict[str, str] = field(default_factory=dict)

    def add_offer(self, offer: Offer) -> Offer:
        self.offers[offer.id] = offer
        for ticket in offer.tickets:
            self.tickets[ticket.id] = ticket
        return offer


AUDIENCES = ("Adulte", "Enfant", "Senior", "Étudiant", "Famille")
PRODUCT_BASES = (
    "Puy du Fou 1 jour",
    "Puy du Fou 1 jour {a} + Cinéscénie Argent",
    "Puy du Fou 2 jours",
    "Puy du Fou 3 jours",
    "Puy du Fou 1 jour {a} + Cinéscénie Or",
    "Cinéscénie Argent",
    "Cinéscénie Or",
    "Cinéscénie Bronze",
    "Puy du Fou 2 jours + Hôtel",
    "Les Noces de Feu",
    "Puy du Fou Noël",
    "Pass Annuel",
    "Pass Annuel Premium",
)
DESCRIPTION = (
    "<p>Élu plusieurs fois meilleur parc du monde, le Puy du Fou offre une multitude de spectacles "
    "grandioses et d'aventures pour toute la famille.</p><br>"
)
DOC_IDS = {
    "catalog": "0194abdc-3a71-72b0-a9b9-89d4be0cd73e",
    "Puy du Fou 1 jour Adulte": "0194abfe-1bdb-7b12-af59-ad81ae443689",
    "Puy du Fou 1 jour Adulte + Cinéscénie Argent": "0194abfe-1c04-7ade-9bc3-dbcfefb12652",
    "form": "0195197f-7918-7285-bb4b-7df2b682c3eb",
}


def _form(seed: str, created: datetime) -> Form:
    form_id = DOC_IDS["form"]
    specs: list[tuple[str, str, str, bool, tuple[tuple[str, str], ...]]] = [
        ("lastname", "Nom", "text", True, ()),
        ("firstname", "Prénom", "text", True, ()),
        ("baby_seat", "Siège bébé", "bool", False, ()),
        ("children", "Nombre d'enfants", "integer", False, ()),
        ("weight", "Poids (kg)", "decimal", False, ()),
        ("birth_date", "Date de naissance", "date", False, ()),
        ("arrival_time", "Heure d'arrivée", "time", False, ()),
        ("arrival", "Arrivée", "datetime", False, ()),
        ("meal", "Menu", "single_choice", False, (("standard", "Standard"), ("vegetarian", "Végétarien"))),
        ("allergies", "Allergies", "multi_choice", False, (("gluten", "Gluten"), ("peanuts", "Arachides"))),
    ]
    fields = []
    for code, label, type_, required, choices in specs:
        fid = uuid7(seed, f"field:{code}", created)
        fields.append(
            FormField(
                id=fid,
                form_id=form_id,
                code=code,
                label=label,
                type=type_,
                required=required,
                choices=[FormFieldChoice(uuid7(seed, f"choice:{code}:{v}", created), v, lbl) for v, lbl in choices],
            )
        )
    return Form(id=form_id, code="customer_infos_form", fields=fields)


def build_seed(now: datetime, seed: str = "korusticket-stand-in") -> Seed:
    """Build the demo world around ``now`` (offers from tomorrow on, a few past items)."""
    t0 = datetime(2025, 1, 28, 7, 42, 4, tzinfo=UTC)
    s = Seed(
        organization_id=uuid7(seed, "org:demo", t0),
        other_organization_id=uuid7(seed, "org:other", t0),
    )
    today = now.astimezone(UTC).date()

    def at(day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute), UTC)

    def new_id(key: str, when: datetime = t0) -> str:
        return uuid7(seed, key, when)

    # ---- catalogs
    main = Catalog(DOC_IDS["catalog"], "Catalogue Puy du Fou - CSE", t0, s.organization_id)
    ol = Catalog(new_id("catalog:ol"), "Catalogue Olympique Lyonnais - CSE", t0 + timedelta(days=30), s.organization_id)
    other = Catalog(new_id("catalog:other"), "Catalogue Disneyland Paris - CE Autre", t0, s.other_organization_id)
    for c in (main, ol, other):
        s.catalogs[c.id] = c

    form = _form(seed, t0 + timedelta(days=20))
    s.forms[form.id] = form

    # ---- events and sessions
    def event(catalog: Catalog, key: str, name: str) -> Event:
        e = Event(new_id(f"event:{key}"), catalog.id, name, f"<p>{name}</p>")
        s.events[e.id] = e
        return e

    def session(e: Event, start: datetime, minutes: int, capacity: int) -> Session:
        ss = Session(
            new_id(f"session:{e.id}:{start.isoformat()}"),
            e.id,
            e.catalog_id,
            start,
            start + timedelta(minutes=minutes),
            capacity,
        )
        s.sessions[ss.id] = ss
        return ss

    event(main, "parc", "Le Grand Parc du Puy du Fou")
    cinescenie = event(main, "cinescenie", "La Cinéscénie")
    noces = event(main, "noces", "Les Noces de Feu")
    for d in range(-1, 31):
        session(cinescenie, at(today + timedelta(days=d), 20, 30), 100, 200)
    for d in range(3):
        session(noces, at(today + timedelta(days=d), 21, 0), 30, 50)
    match = event(ol, "ol-lorient", "Ligue 1 Uber Eats - OL / FC LORIENT")
    match_session = session(match, at(today + timedelta(days=12), 19, 0), 120, 40000)
    other_event = event(other, "disney", "Disneyland Paris")
    session(other_event, at(today + timedelta(days=5), 9, 0), 600, 1000)

    # ---- products
    def product(catalog: Catalog, name: str, index: int, required: tuple[str, ...] = ()) -> Product:
        p = Product(
            DOC_IDS.get(name) or new_id(f"product:{catalog.id}:{name}"),
            catalog.id,
            name,
            DESCRIPTION,
            t0 + timedelta(minutes=index),
            required_beneficiary_fields=required,
        )
        s.products[p.id] = p
        return p

    by_name: dict[str, Product] = {}
    for base in PRODUCT_BASES:
        for audience in AUDIENCES:
            name = base.format(a=audience) if "{a}" in base else f"{base} {audience}"
            required = ("firstname", "lastname") if base.startswith("Pass Annuel") else ()
            by_name[name] = product(main, name, len(by_name), required)
    ol_products = [product(ol, f"OL / FC LORIENT - {z}", i) for i, z in enumerate(("Virage Nord", "Tribune Est"))]
    other_product = product(other, "Disneyland Paris 1 jour 1 parc", 0)

    # ---- offers
    def offer(
        key: str,
        p: Product,
        day: date | None,
        price: str,
        capacity: int,
        *,
        original: str | None = None,
        excl: str | None = None,
        check: bool = False,
        realtime: str | None = None,
        tickets: tuple[tuple[str, bool, Event | None, Form | None], ...] = (),
    ) -> Offer:
        oid = new_id(f"offer:{key}:{day}")
        o = Offer(
            id=oid,
            catalog_id=p.catalog_id,
            product_id=p.id,
            date=day,
            price=Decimal(price),
            price_excl=Decimal(excl) if excl else (Decimal(price) * Decimal("0.8")),
            original_price=Decimal(original) if original else None,
            capacity=capacity,
            availability_check_required=check,
            realtime_price=Decimal(realtime) if realtime else None,
            created_at=t0 + timedelta(days=1),
        )
        tickets = tickets or (("Billet 1 jour", True, None, None),)
        o.tickets = [
            OfferTicket(
                new_id(f"ticket:{oid}:{i}"),
                oid,
                name,
                f"{name} - {p.name}",
                access,
                e.id if e else None,
                f.id if f else None,
            )
            for i, (name, access, e, f) in enumerate(tickets)
        ]
        return s.add_offer(o)

    day_adult = by_name["Puy du Fou 1 jour Adulte"]
    first = None
    for d in range(-1, 30):
        o = offer("day-adult", day_adult, today + timedelta(days=d), "100.00", 4000, original="120.00", excl="80.00")
        if d == -1:
            s.handles["offer_past"] = o.id
        elif first is None:
            first = o
            s.handles["offer_day"] = o.id
    combo = by_name["Puy du Fou 1 jour Adulte + Cinéscénie Argent"]
    for d in range(-1, 8):
        o = offer(
            "combo",
            combo,
            today + timedelta(days=d),
            "145.00",
            500,
            check=True,
            tickets=(("Grand Parc", True, None, None), ("Cinéscénie Argent", False, cinescenie, None)),
        )
        if d == -1:
            s.handles["offer_session_past"] = o.id
        elif d == 1:
            s.handles["offer_session"] = o.id
    child = by_name["Puy du Fou 1 jour Enfant"]
    for d in range(1, 8):
        o = offer(
            "child",
            child,
            today + timedelta(days=d),
            "80.00",
            3000,
            original="90.00",
            tickets=(("Billet 1 jour Enfant", True, None, form),),
        )
        s.handles.setdefault("offer_form", o.id)
    s.handles["offer_nominative"] = offer("pass", by_name["Pass Annuel Adulte"], None, "175.00", 100000).id
    gold = by_name["Cinéscénie Or Adulte"]
    s.handles["offer_sold_out"] = offer(
        "gold",
        gold,
        today + timedelta(days=3),
        "49.00",
        0,
        check=True,
        tickets=(("Cinéscénie Or", False, cinescenie, None),),
    ).id
    s.handles["offer_limited"] = offer(
        "gold",
        gold,
        today + timedelta(days=4),
        "49.00",
        2,
        check=True,
        tickets=(("Cinéscénie Or", False, cinescenie, None),),
    ).id
    s.handles["offer_dynamic"] = offer(
        "two-days",
        by_name["Puy du Fou 2 jours Adulte"],
        today + timedelta(days=10),
        "190.00",
        800,
        realtime="179.90",
    ).id
    s.handles["offer_ol"] = offer(
        "ol",
        ol_products[0],
        match_session.starts_at.date(),
        "35.00",
        40000,
        check=True,
        tickets=(("Place Virage Nord", False, match, None),),
    ).id
    s.handles["offer_forbidden"] = offer("disney", other_product, today + timedelta(days=5), "89.00", 1000).id

    s.handles.update(
        catalog=main.id,
        catalog_ol=ol.id,
        catalog_forbidden=other.id,
        form=form.id,
        product=day_adult.id,
        event_cinescenie=cinescenie.id,
        event_forbidden=other_event.id,
    )
    return s
