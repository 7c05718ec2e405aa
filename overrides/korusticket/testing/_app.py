"""Routing and handlers: the API's behaviour, independent of the HTTP plumbing."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qsl, quote

from . import _serialize as ser
from ._core import (
    BAD_EMAIL,
    INVALID_TYPE,
    JSON,
    NO_SUCH_CHOICE,
    NOT_BLANK,
    NOT_FOUND_IRI,
    NOT_NULL,
    TOO_FEW,
    TOO_LONG,
    TOO_LOW,
    ApiError,
    Request,
    Response,
    ValidationFailed,
    Violation,
    collection,
    json_response,
)
from ._data import UUID7_PATTERN, Catalog, Offer, OfferTicket
from ._forms import check_value
from ._serialize import Iri
from ._state import OrderRecord, OrderTicket, ReservationRecord, State, TicketChoice, Token

__all__ = ["DEMO_CLIENT_ID", "DEMO_CLIENT_SECRET", "TOKEN_PATH", "App", "Settings"]

DEMO_CLIENT_ID = "demo-client"
DEMO_CLIENT_SECRET = "demo-secret"
TOKEN_PATH = "/realms/korusticket/protocol/openid-connect/token"
MERGE_PATCH = "application/merge-patch+json"
LANGUAGES = ("fr", "en")  # languages of the demo catalogs; the first is the default
TITLES = ("mr", "mrs", "mx")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
DATE = re.compile(r"[0-9]{4}-(?:0[1-9]|1[012])-(?:0[1-9]|[12][0-9]|3[01])")

Params = dict[str, str]
Handler = Callable[["App", Request, Params], Response]


@dataclass
class Settings:
    hold: timedelta = timedelta(minutes=15)
    token_lifetime: int = 1800
    refresh_lifetime: int = 1800
    client_id: str = DEMO_CLIENT_ID
    client_secret: str = DEMO_CLIENT_SECRET
    auth: bool = True


def _iri_regex(template: str) -> re.Pattern[str]:
    pattern = re.sub(r"\{(\w+)\}", lambda m: f"(?P<{m.group(1)}>{UUID7_PATTERN})", template)
    return re.compile(r"(?:https?://[^/]+)?" + pattern)


IRI_OFFER = _iri_regex("/v1/ticketing/catalogs/{catalog}/offers/{offer}")
IRI_TICKET = _iri_regex("/v1/ticketing/catalogs/{catalog}/offers/{offer}/tickets/{ticket}")
IRI_SESSION = _iri_regex("/v1/ticketing/catalogs/{catalog}/offers/{offer}/tickets/{ticket}/sessions/{session}")
IRI_PRODUCT = _iri_regex("/v1/ticketing/catalogs/{catalog}/products/{product}")
IRI_FORM = _iri_regex("/v1/forms/{form}")
IRI_FIELD = _iri_regex("/v1/forms/{form}/fields/{field}")
IRI_RESERVATION = _iri_regex("/v1/booking/reservations/{reservation}")


def _jwt(secret: bytes, claims: dict[str, Any]) -> str:
    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    head = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = b64(json.dumps(claims, separators=(",", ":")).encode())
    sig = hmac.new(secret, f"{head}.{body}".encode(), hashlib.sha256).digest()
    return f"{head}.{body}.{b64(sig)}"


def _lexik(message: str) -> Response:
    return json_response(
        401, {"code": 401, "message": message}, content_type=JSON, headers=[("www-authenticate", "Bearer")]
    )


def _oauth_error(status: int, error: str, description: str) -> Response:
    return json_response(status, {"error": error, "error_description": description}, content_type=JSON)


def _parse_day(name: str, raw: str) -> datetime:
    """A date filter value: ``YYYY-MM-DD`` or a full ISO 8601 date-time."""
    try:
        if DATE.fullmatch(raw):
            return datetime.combine(date.fromisoformat(raw), datetime.min.time(), UTC)
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise ApiError(400, f'Invalid value "{raw}" for the "{name}" filter: expected a date.') from None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _range_filter(req: Request, prop: str, value: datetime | None) -> bool:
    """API Platform's DateFilter: ``prop[after|strictly_after|before|strictly_before]``; nulls excluded."""
    tests: dict[str, Callable[[datetime, datetime], bool]] = {
        "after": operator.ge,
        "strictly_after": operator.gt,
        "before": operator.le,
        "strictly_before": operator.lt,
    }
    for op, test in tests.items():
        raw = req.param(f"{prop}[{op}]")
        if raw is None:
            continue
        bound = _parse_day(f"{prop}[{op}]", raw)
        if value is None or not test(value, bound):
            return False
    return True


def _order_direction(req: Request, prop: str) -> bool | None:
    """``True`` for desc, ``False`` for asc, ``None`` when absent or invalid (ignored, as API Platform does)."""
    raw = (req.param(f"order[{prop}]") or "").lower()
    return {"asc": False, "desc": True}.get(raw)


def _language(header: str | None) -> str:
    ranked: list[tuple[float, str]] = []
    for part in (header or "").split(","):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        ranked.append((q, tag.split("-")[0].strip().lower()))
    for _, lang in sorted(ranked, key=lambda x: -x[0]):
        if lang in LANGUAGES:
            return lang
    return LANGUAGES[0]


class App:
    """Dispatches a ``Request`` to its handler and turns exceptions into API error bodies."""

    def __init__(self, state: State, settings: Settings) -> None:
        self.state = state
        self.settings = settings
        self.seed = state.seed
        self._secret = hashlib.sha256(f"jwt:{state.seed_name}".encode()).digest()

    # ------------------------------------------------------------------ plumbing
    def handle(self, req: Request) -> Response:
        with self.state.lock:
            try:
                return self._dispatch(req)
            except ApiError as exc:
                return exc.response()
            except ValidationFailed as exc:
                return exc.response()

    def _dispatch(self, req: Request) -> Response:
        allowed: list[str] = []
        for method, regex, handler, public in ROUTES:
            match = regex.fullmatch(req.path)
            if match is None:
                continue
            if method != req.method.upper():
                allowed.append(method)
                continue
            if not public and self.settings.auth and (denied := self._authenticate(req)) is not None:
                return denied
            return handler(self, req, match.groupdict())
        if not allowed and self.state.documents.answers(req):
            # A read the spec documents and no handler implements: served from the seed documents.
            if self.settings.auth and (denied := self._authenticate(req)) is not None:
                return denied
            return self.state.documents.read(req)
        if allowed:
            raise ApiError(
                405,
                f'No route found for "{req.method} {req.path}": Method Not Allowed (Allow: {", ".join(allowed)})',
                [("allow", ", ".join(allowed))],
            )
        raise ApiError(404, f'No route found for "{req.method} {req.path}"')

    def _authenticate(self, req: Request) -> Response | None:
        header = req.header("authorization") or ""
        scheme, _, value = header.partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            return _lexik("JWT Token not found")
        token = self.state.tokens.get(value.strip())
        if token is None or token.kind != "access":
            return _lexik("Invalid JWT Token")
        if self.state.now() >= token.expires_at:
            return _lexik("Expired JWT Token")
        return None

    def issue_tokens(self, client_id: str) -> dict[str, Any]:
        now = self.state.now()
        body: dict[str, Any] = {}
        for kind, lifetime in (("access", self.settings.token_lifetime), ("refresh", self.settings.refresh_lifetime)):
            expires = now + timedelta(seconds=lifetime)
            value = _jwt(
                self._secret,
                {
                    "exp": int(expires.timestamp()),
                    "iat": int(now.timestamp()),
                    "jti": self.state.new_id(kind),
                    "iss": "/realms/korusticket",
                    "azp": client_id,
                    "typ": "Bearer" if kind == "access" else "Refresh",
                },
            )
            self.state.tokens[value] = Token(value, kind, client_id, expires)
            body[f"{kind}_token"] = value
        return {
            "access_token": body["access_token"],
            "expires_in": self.settings.token_lifetime,
            "refresh_expires_in": self.settings.refresh_lifetime,
            "refresh_token": body["refresh_token"],
            "token_type": "Bearer",
            "not-before-policy": 0,
            "scope": "profile email",
        }

    # ------------------------------------------------------------------ token endpoint
    def token(self, req: Request, _: Params) -> Response:
        form = dict(parse_qsl(req.body.decode("utf-8", "replace"), keep_blank_values=True))
        client_id, secret = form.get("client_id"), form.get("client_secret")
        basic = req.header("authorization") or ""
        if basic.lower().startswith("basic "):
            try:
                client_id, _sep, secret = base64.b64decode(basic[6:]).decode().partition(":")
            except ValueError:
                return _oauth_error(401, "invalid_client", "Invalid client or Invalid client credentials")
        grant = form.get("grant_type")
        if not grant:
            return _oauth_error(400, "invalid_request", "Missing form parameter: grant_type")
        if grant == "client_credentials":
            if client_id != self.settings.client_id or secret != self.settings.client_secret:
                return _oauth_error(401, "invalid_client", "Invalid client or Invalid client credentials")
            return json_response(200, self.issue_tokens(client_id), content_type=JSON)
        if grant == "refresh_token":
            known = client_id == self.settings.client_id and secret == self.settings.client_secret
            if client_id is not None and not known:
                return _oauth_error(401, "invalid_client", "Invalid client or Invalid client credentials")
            token = self.state.tokens.get(form.get("refresh_token") or "")
            if token is None or token.kind != "refresh":
                return _oauth_error(400, "invalid_grant", "Invalid refresh token")
            if self.state.now() >= token.expires_at:
                return _oauth_error(400, "invalid_grant", "Token is not active")
            del self.state.tokens[token.value]  # refresh tokens are single-use
            return json_response(200, self.issue_tokens(token.client_id), content_type=JSON)
        return _oauth_error(400, "unsupported_grant_type", "Unsupported grant type")

    # ------------------------------------------------------------------ lookups (404 / 403)
    def _catalog(self, catalog_id: str) -> Catalog:
        catalog = self.seed.catalogs.get(catalog_id)
        if catalog is None:
            raise ApiError(404, "Not Found")
        if catalog.organization_id != self.seed.organization_id:
            raise ApiError(403, "Access Denied.")
        return catalog

    def _offer(self, p: Params, key: str = "id") -> Offer:
        self._catalog(p["catalogId"])
        offer = self.seed.offers.get(p[key])
        if offer is None or offer.catalog_id != p["catalogId"]:
            raise ApiError(404, "Not Found")
        return offer

    def _mine(self, organization_id: str) -> None:
        if organization_id != self.seed.organization_id:
            raise ApiError(403, "Access Denied.")

    def _reservation(self, reservation_id: str) -> ReservationRecord:
        r = self.state.reservations.get(reservation_id)
        if r is None:
            raise ApiError(404, "Not Found")
        self._mine(r.organization_id)
        return r

    def _order(self, order_id: str) -> OrderRecord:
        o = self.state.orders.get(order_id)
        if o is None:
            raise ApiError(404, "Not Found")
        self._mine(o.organization_id)
        return o

    def _order_ticket(self, p: Params) -> tuple[OrderRecord, OrderTicket]:
        order = self._order(p["orderId"])
        for t in order.tickets:
            if t.id == p["id"] and t.item_id == p["orderItemId"]:
                return order, t
        raise ApiError(404, "Not Found")

    @staticmethod
    def _body(req: Request, media_types: tuple[str, ...]) -> Any:
        content_type = (req.header("content-type") or "").split(";")[0].strip().lower()
        if content_type not in media_types:
            supported = ", ".join(f'"{m}"' for m in media_types)
            raise ApiError(
                400, f'The content-type "{content_type}" is not supported. Supported MIME types are {supported}.'
            )
        try:
            body = json.loads(req.body or b"null")
        except ValueError:
            raise ApiError(400, "Syntax error") from None
        if not isinstance(body, dict):
            raise ApiError(400, "The input data must be a JSON object.")
        return body

    # ------------------------------------------------------------------ ticketing
    def list_catalogs(self, req: Request, _: Params) -> Response:
        catalogs = sorted(
            (c for c in self.seed.catalogs.values() if c.organization_id == self.seed.organization_id),
            key=lambda c: (c.created_at, c.id),
            reverse=bool(_order_direction(req, "createdAt")),
        )
        body = collection(
            req,
            path="/v1/ticketing/catalogs",
            context="/contexts/TicketingCatalog",
            members=catalogs,
            serialize=ser.catalog,
            variables=["order[createdAt]"],
        )
        return json_response(200, body)

    def get_catalog(self, req: Request, p: Params) -> Response:
        return json_response(200, ser.with_context("TicketingCatalog", ser.catalog(self._catalog(p["id"]))))

    def list_products(self, req: Request, p: Params) -> Response:
        self._catalog(p["catalogId"])
        products = sorted(
            (x for x in self.seed.products.values() if x.catalog_id == p["catalogId"]),
            key=lambda x: (x.created_at, x.id),
        )
        body = collection(
            req,
            path=f"{Iri.catalog(p['catalogId'])}/products",
            context="/contexts/TicketingProduct",
            members=products,
            serialize=ser.product,
        )
        return json_response(200, body)

    def get_product(self, req: Request, p: Params) -> Response:
        self._catalog(p["catalogId"])
        product = self.seed.products.get(p["id"])
        if product is None or product.catalog_id != p["catalogId"]:
            raise ApiError(404, "Not Found")
        return json_response(200, ser.with_context("TicketingProduct", ser.product(product)))

    def list_offers(self, req: Request, p: Params) -> Response:
        self._catalog(p["catalogId"])
        wanted = {
            m.group("product") if (m := IRI_PRODUCT.fullmatch(v)) else v
            for v in req.params("product[]") + req.params("product")
        }
        session = req.param("session")
        base = req.param("productBaseId")  # release: the products of a base are those it lists
        of_base = {
            iri.rsplit("/", 1)[-1]
            for path, iris in self.state.documents.links.items()
            if base and path.endswith(f"/product_bases/{base}/products")
            for iri in iris
        }
        offers = []
        for o in self.seed.offers.values():
            if o.catalog_id != p["catalogId"] or (wanted and o.product_id not in wanted):
                continue
            if base and o.product_id not in of_base:
                continue
            day = datetime.combine(o.date, datetime.min.time(), UTC) if o.date else None
            if not _range_filter(req, "date", day):
                continue
            if session and session not in {s.id for s in self.state.sessions_for_offer(o)}:
                continue
            offers.append(o)
        desc = _order_direction(req, "date")
        offers.sort(key=lambda o: (o.date or date.min, o.id), reverse=bool(desc))
        variables = [
            "order[date]",
            "date[before]",
            "date[strictly_before]",
            "date[after]",
            "date[strictly_after]",
            "product",
            "product[]",
            "session",
            "productBaseId",
        ]
        body = collection(
            req,
            path=f"{Iri.catalog(p['catalogId'])}/offers",
            context="/contexts/TicketingOffer",
            members=offers,
            serialize=lambda o: ser.offer(self.state, o),
            variables=variables,
        )
        return json_response(200, body)

    def get_offer(self, req: Request, p: Params) -> Response:
        return json_response(200, ser.with_context("TicketingOffer", ser.offer(self.state, self._offer(p))))

    def offer_availability(self, req: Request, p: Params) -> Response:
        return json_response(200, ser.offer_availability(self.state, self._offer(p)))

    def offer_price(self, req: Request, p: Params) -> Response:
        return json_response(200, ser.offer_price(self._offer(p)))

    def list_offer_tickets(self, req: Request, p: Params) -> Response:
        offer = self._offer(p, "offerId")
        body = collection(
            req,
            path=Iri.offer(offer.catalog_id, offer.id) + "/tickets",
            context="/contexts/TicketingOfferTicket",
            members=offer.tickets,
            serialize=lambda t: ser.offer_ticket(offer, t),
            paginated=False,
        )
        return json_response(200, body)

    def get_offer_ticket(self, req: Request, p: Params) -> Response:
        offer = self._offer(p, "offerId")
        ticket = next((t for t in offer.tickets if t.id == p["id"]), None)
        if ticket is None:
            raise ApiError(404, "Not Found")
        return json_response(200, ser.with_context("TicketingOfferTicket", ser.offer_ticket(offer, ticket)))

    def get_form(self, req: Request, p: Params) -> Response:
        form = self.seed.forms.get(p["id"])
        if form is None:
            raise ApiError(404, "Not Found")
        return json_response(200, ser.form(form))

    # ------------------------------------------------------------------ reservations
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

    # ------------------------------------------------------------------ orders
    def list_orders(self, req: Request, _: Params) -> Response:
        ref = req.param("external_reference")
        if ref is not None and not 1 <= len(ref) <= 50:
            raise ApiError(400, 'Query parameter "external_reference" must match "^.{1,50}$".')
        orders = [
            o
            for o in self.state.orders.values()
            if o.organization_id == self.seed.organization_id
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

    def list_documents(self, req: Request, p: Params) -> Response:
        order = self._order(p["orderId"])
        body = collection(
            req,
            path=Iri.order(order.id) + "/documents",
            context="/contexts/BookingOrderDocument",
            members=order.document_ids,
            serialize=lambda d: ser.order_document(order, d),
            paginated=False,  # the reference shows no page parameters for this operation
        )
        return json_response(200, body)

    def get_document(self, req: Request, p: Params) -> Response:
        order = self._order(p["orderId"])
        if p["id"] not in order.document_ids:
            raise ApiError(404, "Not Found")
        return json_response(200, ser.with_context("BookingOrderDocument", ser.order_document(order, p["id"])))

    def patch_document(self, req: Request, p: Params) -> Response:
        order = self._order(p["orderId"])
        if p["id"] not in order.document_ids:
            raise ApiError(404, "Not Found")
        self._body(req, (MERGE_PATCH,))
        self.state.document_urls_issued += 1
        expires = int(self.state.now().timestamp()) + 600
        nonce = f"{p['id']}:{expires}:{self.state.document_urls_issued}"
        signature = base64.b64encode(hmac.new(self._secret, nonce.encode(), hashlib.sha256).digest()).decode()
        url = (
            f"https://storage.googleapis.com/korusticket-demo-documents/{order.organization_id}/{order.id}/"
            f"{p['id']}.pdf?GoogleAccessId={quote('stand-in@korusticket-demo.iam.gserviceaccount.com')}"
            f"&Expires={expires}&Signature={quote(signature, safe='')}"
        )
        return json_response(
            200,
            {
                "@context": "/contexts/BookingOrderDocument",
                "@id": Iri.document(order.id, p["id"]),
                "@type": "BookingOrderDocument",
                "id": p["id"],
                "temporaryUrl": url,
                "cachedLanguage": _language(req.header("accept-language")),
            },
        )


BENEFICIARY_FIELDS = ("firstname", "lastname", "title", "nationality", "dateOfBirth", "placeOfBirth", "email", "phone")
C = "/v1/ticketing/catalogs/{catalogId}"
_ROUTE_TABLE: tuple[tuple[str, str, Handler, bool], ...] = (
    ("POST", TOKEN_PATH, App.token, True),
    ("GET", "/v1/ticketing/catalogs", App.list_catalogs, False),
    ("GET", "/v1/ticketing/catalogs/{id}", App.get_catalog, False),
    ("GET", C + "/offers", App.list_offers, False),
    ("GET", C + "/offers/{id}", App.get_offer, False),
    ("GET", C + "/offers/{id}/availability", App.offer_availability, False),
    ("GET", C + "/offers/{id}/price", App.offer_price, False),
    ("GET", C + "/offers/{offerId}/tickets", App.list_offer_tickets, False),
    ("GET", C + "/offers/{offerId}/tickets/{id}", App.get_offer_ticket, False),
    ("GET", C + "/products", App.list_products, False),
    ("GET", C + "/products/{id}", App.get_product, False),
    ("GET", "/v1/forms/{id}", App.get_form, False),
    ("GET", "/v1/booking/reservations", App.list_reservations, False),
    ("POST", "/v1/booking/reservations/_bulk", App.bulk_reservations, False),
    ("GET", "/v1/booking/reservations/{id}", App.get_reservation, False),
    ("GET", "/v1/booking/orders", App.list_orders, False),
    ("POST", "/v1/booking/orders/_bulk", App.bulk_orders, False),
    ("GET", "/v1/booking/orders/{id}", App.get_order, False),
    ("GET", "/v1/booking/orders/{orderId}/documents", App.list_documents, False),
    ("GET", "/v1/booking/orders/{orderId}/documents/{id}", App.get_document, False),
    ("PATCH", "/v1/booking/orders/{orderId}/documents/{id}", App.patch_document, False),
    ("GET", "/v1/booking/orders/{orderId}/items/{orderItemId}/tickets/{id}", App.get_order_ticket, False),
    ("PATCH", "/v1/booking/orders/{orderId}/items/{orderItemId}/tickets/{id}", App.patch_order_ticket, False),
)
ROUTES = tuple(
    (
        method,
        re.compile(re.sub(r"\{(\w+)\}", lambda m: f"(?P<{m.group(1)}>{UUID7_PATTERN})", template)),
        handler,
        public,
    )
    for method, template, handler, public in _ROUTE_TABLE
)
