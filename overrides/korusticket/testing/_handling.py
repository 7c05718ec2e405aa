"""What the stand-in's handlers share: settings, IRI patterns, filters, 404/403 lookups and body checks."""

from __future__ import annotations

import hashlib
import json
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from ._core import (
    JSON,
    ApiError,
    Request,
    Response,
    json_response,
)
from ._credentials import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET
from ._data import UUID7_PATTERN, Catalog, Offer
from ._paths import template_regex
from ._state import OrderRecord, OrderTicket, ReservationRecord, State

MERGE_PATCH = "application/merge-patch+json"
LANGUAGES = ("fr", "en")  # languages of the demo catalogs; the first is the default
TITLES = ("mr", "mrs", "mx")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
DATE = re.compile(r"[0-9]{4}-(?:0[1-9]|1[012])-(?:0[1-9]|[12][0-9]|3[01])")

Params = dict[str, str]


@dataclass
class Settings:
    hold: timedelta = timedelta(minutes=15)
    token_lifetime: int = 1800
    refresh_lifetime: int = 1800
    client_id: str = DEMO_CLIENT_ID
    client_secret: str = DEMO_CLIENT_SECRET
    auth: bool = True
    # Where a document's signed temporaryUrl points (the stand-in's file storage); the loopback
    # server points it at itself, which then serves the file.
    storage_url: str = "https://storage.googleapis.com/korusticket-demo-documents"


def _iri_regex(template: str) -> re.Pattern[str]:
    """An IRI of `template` in a request body (its ids UUIDv7, its host optional)."""
    return template_regex(template, UUID7_PATTERN, absolute=True)


IRI_OFFER = _iri_regex("/v1/ticketing/catalogs/{catalog}/offers/{offer}")
IRI_TICKET = _iri_regex("/v1/ticketing/catalogs/{catalog}/offers/{offer}/tickets/{ticket}")
IRI_SESSION = _iri_regex("/v1/ticketing/catalogs/{catalog}/offers/{offer}/tickets/{ticket}/sessions/{session}")
IRI_PRODUCT = _iri_regex("/v1/ticketing/catalogs/{catalog}/products/{product}")
IRI_FORM = _iri_regex("/v1/forms/{form}")
IRI_FIELD = _iri_regex("/v1/forms/{form}/fields/{field}")
IRI_RESERVATION = _iri_regex("/v1/booking/reservations/{reservation}")


def _lexik(message: str) -> Response:
    return json_response(
        401, {"code": 401, "message": message}, content_type=JSON, headers=[("www-authenticate", "Bearer")]
    )


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


class Handlers:
    """What every handler group shares: the state, the settings, lookups that answer 404/403, bodies."""

    def __init__(self, state: State, settings: Settings) -> None:
        self.state = state
        self.settings = settings
        self.seed = state.seed
        self._secret = hashlib.sha256(f"jwt:{state.seed_name}".encode()).digest()

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
