"""The routes table: method, path template, handler, public (no token needed)."""

from __future__ import annotations

from collections.abc import Callable

from ._core import (
    Request,
    Response,
)
from ._credentials import TOKEN_PATH
from ._data import UUID7_PATTERN
from ._handling import Params
from ._order_documents import OrderDocuments
from ._orders import Orders
from ._paths import template_regex
from ._reservations import Reservations
from ._ticketing import TicketingReads
from ._token import TokenEndpoint


class Endpoints(TokenEndpoint, TicketingReads, Reservations, Orders, OrderDocuments):
    """Every handler group in one class: what a route's handler is a method of (``App`` adds the dispatch)."""


Handler = Callable[[Endpoints, Request, Params], Response]

C = "/v1/ticketing/catalogs/{catalogId}"
_ROUTE_TABLE: tuple[tuple[str, str, Handler, bool], ...] = (
    ("POST", TOKEN_PATH, TokenEndpoint.token, True),
    ("GET", "/v1/ticketing/catalogs", TicketingReads.list_catalogs, False),
    ("GET", "/v1/ticketing/catalogs/{id}", TicketingReads.get_catalog, False),
    ("GET", C + "/offers", TicketingReads.list_offers, False),
    ("GET", C + "/offers/{id}", TicketingReads.get_offer, False),
    ("GET", C + "/offers/{id}/availability", TicketingReads.offer_availability, False),
    ("GET", C + "/offers/{id}/price", TicketingReads.offer_price, False),
    ("GET", C + "/offers/{offerId}/tickets", TicketingReads.list_offer_tickets, False),
    ("GET", C + "/offers/{offerId}/tickets/{id}", TicketingReads.get_offer_ticket, False),
    ("GET", C + "/products", TicketingReads.list_products, False),
    ("GET", C + "/products/{id}", TicketingReads.get_product, False),
    ("GET", "/v1/forms/{id}", TicketingReads.get_form, False),
    ("GET", "/v1/booking/reservations", Reservations.list_reservations, False),
    ("POST", "/v1/booking/reservations/_bulk", Reservations.bulk_reservations, False),
    ("GET", "/v1/booking/reservations/{id}", Reservations.get_reservation, False),
    ("GET", "/v1/booking/orders", Orders.list_orders, False),
    ("POST", "/v1/booking/orders/_bulk", Orders.bulk_orders, False),
    ("GET", "/v1/booking/orders/{id}", Orders.get_order, False),
    ("GET", "/v1/booking/orders/{orderId}/documents", OrderDocuments.list_documents, False),
    ("GET", "/v1/booking/orders/{orderId}/documents/{id}", OrderDocuments.get_document, False),
    ("PATCH", "/v1/booking/orders/{orderId}/documents/{id}", OrderDocuments.patch_document, False),
    ("GET", "/v1/booking/orders/{orderId}/items/{orderItemId}/tickets/{id}", Orders.get_order_ticket, False),
    ("PATCH", "/v1/booking/orders/{orderId}/items/{orderItemId}/tickets/{id}", Orders.patch_order_ticket, False),
)
ROUTES = tuple(
    (
        method,
        template_regex(template, UUID7_PATTERN),  # a malformed id matches no route: a 404
        handler,
        public,
    )
    for method, template, handler, public in _ROUTE_TABLE
)
TEMPLATES = tuple(template for _, template, _, _ in _ROUTE_TABLE)  # the paths the handlers serve
