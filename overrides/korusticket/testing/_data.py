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


@dataclass
class _World:
    """What the steps of ``build_seed`` share: the seed they fill, its ids and its dates."""

    seed: Seed
    name: str  # the seed string every id hashes
    t0: datetime  # the creation time of the demo organization's data
    today: date

    def new_id(self, key: str) -> str:
        return uuid7(self.name, key, self.t0)

    def at(self, day: date, hour: int, minute: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute), UTC)

    def day(self, offset: int) -> date:
        return self.today + timedelta(days=offset)

    def event(self, catalog: Catalog, key: str, name: str) -> Event:
        e = Event(self.new_id(f"event:{key}"), catalog.id, name, f"<p>{name}</p>")
        self.seed.events[e.id] = e
        return e

    def session(self, e: Event, start: datetime, minutes: int, capacity: int) -> Session:
        key = f"session:{e.id}:{start.isoformat()}"
        ss = Session(self.new_id(key), e.id, e.catalog_id, start, start + timedelta(minutes=minutes), capacity)
        self.seed.sessions[ss.id] = ss
        return ss

    def product(self, catalog: Catalog, name: str, index: int, required: tuple[str, ...] = ()) -> Product:
        p = Product(
            DOC_IDS.get(name) or self.new_id(f"product:{catalog.id}:{name}"),
            catalog.id,
            name,
            DESCRIPTION,
            self.t0 + timedelta(minutes=index),
            required_beneficiary_fields=required,
        )
        self.seed.products[p.id] = p
        return p

    def offer(
        self,
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
        oid = self.new_id(f"offer:{key}:{day}")
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
            created_at=self.t0 + timedelta(days=1),
        )
        tickets = tickets or (("Billet 1 jour", True, None, None),)
        o.tickets = [
            OfferTicket(
                self.new_id(f"ticket:{oid}:{i}"),
                oid,
                name,
                f"{name} - {p.name}",
                access,
                e.id if e else None,
                f.id if f else None,
            )
            for i, (name, access, e, f) in enumerate(tickets)
        ]
        return self.seed.add_offer(o)


def build_seed(now: datetime, seed: str = "korusticket-stand-in") -> Seed:
    """Build the demo world around ``now`` (offers from tomorrow on, a few past items)."""
    t0 = datetime(2025, 1, 28, 7, 42, 4, tzinfo=UTC)
    s = Seed(
        organization_id=uuid7(seed, "org:demo", t0),
        other_organization_id=uuid7(seed, "org:other", t0),
    )
    w = _World(s, seed, t0, now.astimezone(UTC).date())
    main = Catalog(DOC_IDS["catalog"], "Catalogue Puy du Fou - CSE", t0, s.organization_id)
    ol = Catalog(
        w.new_id("catalog:ol"), "Catalogue Olympique Lyonnais - CSE", t0 + timedelta(days=30), s.organization_id
    )
    other = Catalog(w.new_id("catalog:other"), "Catalogue Disneyland Paris - CE Autre", t0, s.other_organization_id)
    for c in (main, ol, other):
        s.catalogs[c.id] = c
    form = _form(seed, t0 + timedelta(days=20))
    s.forms[form.id] = form
    events = _events(w, main, ol, other)
    products = _products(w, main, ol, other)
    _park_offers(w, products, events["cinescenie"], form)
    _other_offers(w, products, events)
    s.handles.update(
        catalog=main.id,
        catalog_ol=ol.id,
        catalog_forbidden=other.id,
        form=form.id,
        product=products["Puy du Fou 1 jour Adulte"].id,
        event_cinescenie=events["cinescenie"].id,
        event_forbidden=events["disney"].id,
    )
    return s


def _events(w: _World, main: Catalog, ol: Catalog, other: Catalog) -> dict[str, Event]:
    """The events and their sessions (one Cinéscénie a night from yesterday on); by key."""
    w.event(main, "parc", "Le Grand Parc du Puy du Fou")
    cinescenie = w.event(main, "cinescenie", "La Cinéscénie")
    noces = w.event(main, "noces", "Les Noces de Feu")
    for d in range(-1, 31):
        w.session(cinescenie, w.at(w.day(d), 20, 30), 100, 200)
    for d in range(3):
        w.session(noces, w.at(w.day(d), 21, 0), 30, 50)
    match = w.event(ol, "ol-lorient", "Ligue 1 Uber Eats - OL / FC LORIENT")
    w.session(match, w.at(w.day(12), 19, 0), 120, 40000)
    disney = w.event(other, "disney", "Disneyland Paris")
    w.session(disney, w.at(w.day(5), 9, 0), 600, 1000)
    return {"cinescenie": cinescenie, "match": match, "disney": disney}


def _products(w: _World, main: Catalog, ol: Catalog, other: Catalog) -> dict[str, Product]:
    """Every product base for every audience in the main catalog, two OL seats and a Disney day; by name."""
    by_name: dict[str, Product] = {}
    for base in PRODUCT_BASES:
        for audience in AUDIENCES:
            name = base.format(a=audience) if "{a}" in base else f"{base} {audience}"
            required = ("firstname", "lastname") if base.startswith("Pass Annuel") else ()
            by_name[name] = w.product(main, name, len(by_name), required)
    for i, zone in enumerate(("Virage Nord", "Tribune Est")):
        name = f"OL / FC LORIENT - {zone}"
        by_name[name] = w.product(ol, name, i)
    name = "Disneyland Paris 1 jour 1 parc"
    by_name[name] = w.product(other, name, 0)
    return by_name


def _park_offers(w: _World, products: dict[str, Product], cinescenie: Event, form: Form) -> None:
    """The dated park offers: a full day (yesterday's too), with the Cinéscénie, for a child (with a form)."""
    handles = w.seed.handles
    for d in range(-1, 30):
        o = w.offer(
            "day-adult", products["Puy du Fou 1 jour Adulte"], w.day(d), "100.00", 4000, original="120.00", excl="80.00"
        )
        handles.setdefault("offer_past" if d == -1 else "offer_day", o.id)
    for d in range(-1, 8):
        o = w.offer(
            "combo",
            products["Puy du Fou 1 jour Adulte + Cinéscénie Argent"],
            w.day(d),
            "145.00",
            500,
            check=True,
            tickets=(("Grand Parc", True, None, None), ("Cinéscénie Argent", False, cinescenie, None)),
        )
        if d in (-1, 1):
            handles["offer_session_past" if d == -1 else "offer_session"] = o.id
    for d in range(1, 8):
        o = w.offer(
            "child",
            products["Puy du Fou 1 jour Enfant"],
            w.day(d),
            "80.00",
            3000,
            original="90.00",
            tickets=(("Billet 1 jour Enfant", True, None, form),),
        )
        handles.setdefault("offer_form", o.id)


def _other_offers(w: _World, products: dict[str, Product], events: dict[str, Event]) -> None:
    """One offer each for what tests need: nominative, sold out, limited, dynamic price, OL, forbidden."""
    handles, cinescenie, match = w.seed.handles, events["cinescenie"], events["match"]
    handles["offer_nominative"] = w.offer("pass", products["Pass Annuel Adulte"], None, "175.00", 100000).id
    gold = products["Cinéscénie Or Adulte"]
    gold_ticket = (("Cinéscénie Or", False, cinescenie, None),)
    handles["offer_sold_out"] = w.offer("gold", gold, w.day(3), "49.00", 0, check=True, tickets=gold_ticket).id
    handles["offer_limited"] = w.offer("gold", gold, w.day(4), "49.00", 2, check=True, tickets=gold_ticket).id
    handles["offer_dynamic"] = w.offer(
        "two-days", products["Puy du Fou 2 jours Adulte"], w.day(10), "190.00", 800, realtime="179.90"
    ).id
    handles["offer_ol"] = w.offer(
        "ol",
        products["OL / FC LORIENT - Virage Nord"],
        w.day(12),  # the day of the match
        "35.00",
        40000,
        check=True,
        tickets=(("Place Virage Nord", False, match, None),),
    ).id
    handles["offer_forbidden"] = w.offer(
        "disney", products["Disneyland Paris 1 jour 1 parc"], w.day(5), "89.00", 1000
    ).id
