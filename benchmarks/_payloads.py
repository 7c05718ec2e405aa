"""Bodies the benchmark servers send: documented examples, with ids and amounts varied per item.

Amounts vary too so that no figure leans on one price repeated across a page (the client keeps
decimal strings it has already read); an order's own amounts still repeat the way the API's do
(an item's unit, total and amount are one price when the quantity is 1)."""

from __future__ import annotations

import copy
import json
import re
from typing import Any

from tests.support.documented_payloads import ORDER, ORDER_ID, ORDER_ITEM_ID, RESERVATION, RESERVATION_ID, TICKET_ID

__all__ = ["collection_page", "order", "order_page", "reservation", "reservation_body"]

RESERVATIONS_PATH = "/v1/booking/reservations"


def _vary(uuid: str, i: int) -> str:
    """The documented id with its last 12 hex digits replaced by ``i``: distinct, still a UUID."""
    return f"{uuid[:-12]}{i:012x}"


MONEY = re.compile(r"(-?[0-9]+)(\.[0-9]{2})")


def _vary_amounts(value: Any, i: int) -> Any:
    """Every money string ``N.CC`` of a body as ``(N + i).CC``."""
    if isinstance(value, dict):
        return {k: _vary_amounts(v, i) for k, v in value.items()}
    if isinstance(value, list):
        return [_vary_amounts(v, i) for v in value]
    if isinstance(value, str) and (money := MONEY.fullmatch(value)):
        return f"{int(money[1]) + i}{money[2]}"
    return value


def reservation(i: int) -> dict[str, Any]:
    """The documented reservation (booking-forms.yaml example) as item ``i``."""
    body = _vary_amounts(copy.deepcopy(RESERVATION), i)
    rid = _vary(RESERVATION_ID, i)
    body["id"] = rid
    body["@id"] = f"{RESERVATIONS_PATH}/{rid}"
    return body


def reservation_body() -> bytes:
    return json.dumps(RESERVATION).encode()


def order(i: int) -> dict[str, Any]:
    """The documented order (how-to/beneficiary-requirements) as item ``i``: order, item and ticket ids varied."""
    body = _vary_amounts(copy.deepcopy(ORDER), i)
    oid, item_id, ticket_id = _vary(ORDER_ID, i), _vary(ORDER_ITEM_ID, i), _vary(TICKET_ID, i)
    body["id"] = oid
    body["@id"] = f"/v1/booking/orders/{oid}"
    item = body["items"][0]
    item["id"] = item_id
    ticket = item["tickets"][0]
    ticket["id"] = ticket_id
    ticket["@id"] = f"/v1/booking/orders/{oid}/items/{item_id}/tickets/{ticket_id}"
    return body


def _envelope(path: str, context: str, members: list[dict[str, Any]], total: int, page: int, per_page: int) -> bytes:
    """A Hydra page shaped like the API's (and the stand-in's): totalItems, member, view links, search."""
    last = max(1, -(-total // per_page))

    def link(n: int) -> str:
        return f"{path}?itemsPerPage={per_page}&page={n}"

    view: dict[str, Any] = {"@id": link(page), "@type": "PartialCollectionView"}
    if last > 1:
        view |= {"first": link(1), "last": link(last)}
        if page > 1:
            view["previous"] = link(page - 1)
        if page < last:
            view["next"] = link(page + 1)
    body = {
        "@context": context,
        "@id": path,
        "@type": "Collection",
        "totalItems": total,
        "member": members,
        "view": view,
        "search": {
            "@type": "IriTemplate",
            "template": f"{path}{{?}}",
            "variableRepresentation": "BasicRepresentation",
            "mapping": [],
        },
    }
    return json.dumps(body).encode()


def order_page(n: int = 50) -> bytes:
    """A first page of ``n`` orders (GET /v1/booking/orders)."""
    return _envelope("/v1/booking/orders", "/contexts/BookingOrder", [order(i) for i in range(n)], n, 1, n)


def collection_page(total: int, page: int, per_page: int) -> bytes:
    """Page ``page`` of a collection of ``total`` reservations."""
    start = (page - 1) * per_page
    members = [reservation(i) for i in range(start, min(start + per_page, total))]
    return _envelope(RESERVATIONS_PATH, "/contexts/BookingReservation", members, total, page, per_page)
