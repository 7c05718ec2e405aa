"""Resources: one class per concept, each method a thin call into generated/.

Sync and async classes mirror each other; what a method sends and how its answer is read lives
once, in _operations. Methods accept per-call options: ``language``, ``timeout``, ``max_retries``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import Any, Generic, TypeVar, Unpack

import attrs
from korusticket_api.api.booking_order import get_order, list_orders
from korusticket_api.api.booking_order_item_ticket import get_order_ticket
from korusticket_api.api.booking_reservation import get_reservation, list_reservations
from korusticket_api.api.form import get_form
from korusticket_api.api.ticketing_catalog import get_catalog, list_catalogs
from korusticket_api.api.ticketing_event import get_event, list_events
from korusticket_api.api.ticketing_offer import get_offer, list_offers
from korusticket_api.api.ticketing_offer_availability import get_offer_availability
from korusticket_api.api.ticketing_offer_price import get_offer_price
from korusticket_api.api.ticketing_offer_ticket import get_offer_ticket, list_offer_tickets
from korusticket_api.api.ticketing_product import get_product, list_products
from korusticket_api.api.ticketing_session import get_session, list_sessions
from korusticket_api.api.ticketing_session_availability import get_session_availability
from korusticket_api.models import (
    BookingOrder,
    BookingOrderDocumentPatch,
    BookingOrderItemTicket,
    BookingReservation,
    Form,
    ListCatalogsOrdercreatedAt,
    ListCatalogsResponse200,
    ListEventsResponse200,
    ListOffersOrderdate,
    ListOffersResponse200,
    ListOfferTicketsResponse200,
    ListOrdersResponse200,
    ListProductsResponse200,
    ListReservationsOrdercreatedAt,
    ListReservationsResponse200,
    ListSessionsResponse200,
    TicketingCatalog,
    TicketingEvent,
    TicketingOffer,
    TicketingOfferAvailability,
    TicketingOfferPrice,
    TicketingOfferTicket,
    TicketingProduct,
    TicketingSession,
    TicketingSessionAvailability,
)

from ._base import AsyncCore, RequestOptions, SyncCore
from ._bulk import BulkResult
from ._constants import MAX_PAGE_SIZE
from ._ids import IdLike, to_id, to_iri
from ._operations import (
    Call,
    Flow,
    arun,
    create_orders_flow,
    create_reservations_flow,
    date_filter,
    order_param,
    orders_list_params,
    refresh_url_call,
    run,
    set_beneficiary_call,
)
from ._pagination import AsyncPaginator, Page, Paginator, read_page

T = TypeVar("T")
Date = dt.datetime | dt.date


@attrs.frozen
class Listing(Generic[T]):
    """A collection operation: its generated module, envelope and item types, and arguments."""

    op: ModuleType
    envelope: type[Any]
    item: type[T]
    args: tuple[Any, ...] = ()
    params: Mapping[str, Any] = attrs.field(factory=dict)
    paged: bool = True  # the offer-tickets collection documents no page parameters

    def call(self, page: int, size: int, options: RequestOptions) -> Call[Any]:
        params = {**self.params, "page": page, "items_per_page": size} if self.paged else dict(self.params)
        return Call(self.op, self.envelope, self.args, params, options)

    def read(self, model: Any, page: int) -> Page[T]:
        result = read_page(model, page, self.item)
        return result if self.paged else attrs.evolve(result, next_page=None, total_items=len(result.items))


# --- what each method asks for (shared by sync and async) ---------------------------------------


def _catalogs(order: str | None) -> Listing[TicketingCatalog]:
    direction = order_param(order)
    params = {"ordercreated_at": ListCatalogsOrdercreatedAt(direction)} if direction else {}
    return Listing(list_catalogs, ListCatalogsResponse200, TicketingCatalog, params=params)


def _events(catalog: IdLike) -> Listing[TicketingEvent]:
    return Listing(list_events, ListEventsResponse200, TicketingEvent, (to_id(catalog, "catalog"),))


def _sessions(catalog: IdLike, event: IdLike) -> Listing[TicketingSession]:
    args = (to_id(catalog, "catalog"), to_id(event, "event"))
    return Listing(list_sessions, ListSessionsResponse200, TicketingSession, args)


def _products(catalog: IdLike) -> Listing[TicketingProduct]:
    return Listing(list_products, ListProductsResponse200, TicketingProduct, (to_id(catalog, "catalog"),))


def _offers(
    catalog: IdLike,
    *,
    date_after: dt.date | None,
    date_strictly_after: dt.date | None,
    date_before: dt.date | None,
    date_strictly_before: dt.date | None,
    product: IdLike | Sequence[IdLike] | None,
    session: IdLike | None,
    order: str | None,
) -> Listing[TicketingOffer]:
    catalog_id = to_id(catalog, "catalog")
    params: dict[str, Any] = {
        "dateafter": date_filter(date_after, "date_after"),
        "datestrictly_after": date_filter(date_strictly_after, "date_strictly_after"),
        "datebefore": date_filter(date_before, "date_before"),
        "datestrictly_before": date_filter(date_strictly_before, "date_strictly_before"),
        "session": None if session is None else to_id(session, "session"),
    }
    if product is not None:
        products = [product] if not isinstance(product, Sequence) or isinstance(product, str) else product
        # The filter takes product IRIs; a bare id belongs to this catalog.
        collection = f"/v1/ticketing/catalogs/{catalog_id}/products"
        params["product"] = [to_iri(p, f"product[{i}]", collection) for i, p in enumerate(products)]
    direction = order_param(order)
    if direction:
        params["orderdate"] = ListOffersOrderdate(direction)
    params = {k: v for k, v in params.items() if v is not None}
    return Listing(list_offers, ListOffersResponse200, TicketingOffer, (catalog_id,), params)


def _offer_tickets(catalog: IdLike, offer: IdLike) -> Listing[TicketingOfferTicket]:
    args = (to_id(catalog, "catalog"), to_id(offer, "offer"))
    return Listing(list_offer_tickets, ListOfferTicketsResponse200, TicketingOfferTicket, args, paged=False)


def _reservations(order: str | None) -> Listing[BookingReservation]:
    direction = order_param(order)
    params = {"ordercreated_at": ListReservationsOrdercreatedAt(direction)} if direction else {}
    return Listing(list_reservations, ListReservationsResponse200, BookingReservation, params=params)


def _orders(**filters: Any) -> Listing[BookingOrder]:
    return Listing(list_orders, ListOrdersResponse200, BookingOrder, params=orders_list_params(**filters))


def _get(op: ModuleType, expect: type[T], options: RequestOptions, *ids: tuple[object, str]) -> Call[T]:
    return Call(op, expect, tuple(to_id(value, field) for value, field in ids), {}, options)


# --- sync -----------------------------------------------------------------------------------


class _Resource:
    def __init__(self, core: SyncCore) -> None:
        self._core = core

    def _exec(self, call: Call[T]) -> T:
        return self._core.call(call.op, call.expect, call.options, *call.args, **call.params)

    def _run(self, flow: Flow[T]) -> T:
        return run(flow, self._exec)

    def _list(self, listing: Listing[T], page_size: int, limit: int | None, options: RequestOptions) -> Paginator[T]:
        def fetch(page: int, size: int) -> Page[T]:
            return listing.read(self._exec(listing.call(page, size, options)), page)

        return Paginator(fetch, page_size=page_size, limit=limit)


class Catalogs(_Resource):
    def list(
        self, *, order: str | None = None, page_size: int = MAX_PAGE_SIZE, limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Paginator[TicketingCatalog]:  # fmt: skip
        """Catalogs your organization can access (``order`` on createdAt: "asc" or "desc")."""
        return self._list(_catalogs(order), page_size, limit, options)

    def get(self, id: IdLike, **options: Unpack[RequestOptions]) -> TicketingCatalog:
        return self._exec(_get(get_catalog, TicketingCatalog, options, (id, "id")))


class Events(_Resource):
    def list(
        self, catalog: IdLike, *, page_size: int = MAX_PAGE_SIZE, limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Paginator[TicketingEvent]:  # fmt: skip
        return self._list(_events(catalog), page_size, limit, options)

    def get(self, catalog: IdLike, id: IdLike, **options: Unpack[RequestOptions]) -> TicketingEvent:
        return self._exec(_get(get_event, TicketingEvent, options, (catalog, "catalog"), (id, "id")))


class Sessions(_Resource):
    def list(
        self, catalog: IdLike, event: IdLike, *, page_size: int = MAX_PAGE_SIZE, limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Paginator[TicketingSession]:  # fmt: skip
        return self._list(_sessions(catalog, event), page_size, limit, options)

    def get(self, catalog: IdLike, event: IdLike, id: IdLike, **options: Unpack[RequestOptions]) -> TicketingSession:
        call = _get(get_session, TicketingSession, options, (catalog, "catalog"), (event, "event"), (id, "id"))
        return self._exec(call)

    def availability(
        self, catalog: IdLike, event: IdLike, id: IdLike, **options: Unpack[RequestOptions]
    ) -> TicketingSessionAvailability:
        call = _get(
            get_session_availability, TicketingSessionAvailability, options,
            (catalog, "catalog"), (event, "event"), (id, "id"),
        )  # fmt: skip
        return self._exec(call)


class Products(_Resource):
    def list(
        self, catalog: IdLike, *, page_size: int = MAX_PAGE_SIZE, limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Paginator[TicketingProduct]:  # fmt: skip
        return self._list(_products(catalog), page_size, limit, options)

    def get(self, catalog: IdLike, id: IdLike, **options: Unpack[RequestOptions]) -> TicketingProduct:
        return self._exec(_get(get_product, TicketingProduct, options, (catalog, "catalog"), (id, "id")))


class Offers(_Resource):
    def list(
        self,
        catalog: IdLike,
        *,
        date_after: dt.date | None = None,
        date_strictly_after: dt.date | None = None,
        date_before: dt.date | None = None,
        date_strictly_before: dt.date | None = None,
        product: IdLike | Sequence[IdLike] | None = None,
        session: IdLike | None = None,
        order: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Paginator[TicketingOffer]:
        """Offers of a catalog; filters on the offer date, products, session; ``order`` on date."""
        listing = _offers(
            catalog, date_after=date_after, date_strictly_after=date_strictly_after, date_before=date_before,
            date_strictly_before=date_strictly_before, product=product, session=session, order=order,
        )  # fmt: skip
        return self._list(listing, page_size, limit, options)

    def get(self, catalog: IdLike, id: IdLike, **options: Unpack[RequestOptions]) -> TicketingOffer:
        return self._exec(_get(get_offer, TicketingOffer, options, (catalog, "catalog"), (id, "id")))

    def availability(
        self, catalog: IdLike, id: IdLike, **options: Unpack[RequestOptions]
    ) -> TicketingOfferAvailability:
        """Real-time availability; check it when ``availability_check_required`` is set."""
        call = _get(get_offer_availability, TicketingOfferAvailability, options, (catalog, "catalog"), (id, "id"))
        return self._exec(call)

    def price(self, catalog: IdLike, id: IdLike, **options: Unpack[RequestOptions]) -> TicketingOfferPrice:
        """Real-time price; needed when ``realtime_price_required`` is set."""
        call = _get(get_offer_price, TicketingOfferPrice, options, (catalog, "catalog"), (id, "id"))
        return self._exec(call)


class OfferTickets(_Resource):
    def list(
        self, catalog: IdLike, offer: IdLike, *, page_size: int = MAX_PAGE_SIZE, limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Paginator[TicketingOfferTicket]:  # fmt: skip
        return self._list(_offer_tickets(catalog, offer), page_size, limit, options)

    def get(
        self, catalog: IdLike, offer: IdLike, id: IdLike, **options: Unpack[RequestOptions]
    ) -> TicketingOfferTicket:
        call = _get(get_offer_ticket, TicketingOfferTicket, options, (catalog, "catalog"), (offer, "offer"), (id, "id"))
        return self._exec(call)


class Forms(_Resource):
    def get(self, id: IdLike, **options: Unpack[RequestOptions]) -> Form:
        """A form definition; fill it with korusticket.forms.build_form_data."""
        return self._exec(_get(get_form, Form, options, (id, "id")))


class Reservations(_Resource):
    def list(
        self, *, order: str | None = None, page_size: int = MAX_PAGE_SIZE, limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Paginator[BookingReservation]:  # fmt: skip
        return self._list(_reservations(order), page_size, limit, options)

    def get(self, id: IdLike, **options: Unpack[RequestOptions]) -> BookingReservation:
        return self._exec(_get(get_reservation, BookingReservation, options, (id, "id")))

    def create(
        self, items: Sequence[Mapping[str, Any]], **options: Unpack[RequestOptions]
    ) -> BulkResult[BookingReservation]:
        """Hold offers. Items: ``{"offer", "quantity", "ticket_sessions": [{"ticket", "session"?,
        "form_data"?}]}``. Some items may fail while others succeed: check ``.failed``."""
        return self._run(create_reservations_flow(items, options))


class Orders(_Resource):
    def list(
        self,
        *,
        external_reference: str | None = None,
        created_after: Date | None = None,
        created_strictly_after: Date | None = None,
        created_before: Date | None = None,
        created_strictly_before: Date | None = None,
        order: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        **options: Unpack[RequestOptions],
    ) -> Paginator[BookingOrder]:
        listing = _orders(
            external_reference=external_reference, created_after=created_after,
            created_strictly_after=created_strictly_after, created_before=created_before,
            created_strictly_before=created_strictly_before, order=order,
        )  # fmt: skip
        return self._list(listing, page_size, limit, options)

    def get(self, id: IdLike, **options: Unpack[RequestOptions]) -> BookingOrder:
        return self._exec(_get(get_order, BookingOrder, options, (id, "id")))

    def create(
        self,
        reservations: Sequence[IdLike],
        customer: Mapping[str, Any],
        external_reference: str,
        **options: Unpack[RequestOptions],
    ) -> BulkResult[BookingOrder]:
        """Turn reservations into orders. ``external_reference`` (your own id, 1-50 chars) makes
        this safe to retry: a lost answer is resolved by looking the orders up, never by a
        blind second POST."""
        attempts = options.get("max_retries", self._core.config.max_retries)
        flow = create_orders_flow(
            reservations, customer, external_reference, now=self._core.clock(), attempts=attempts, options=options
        )
        return self._run(flow)


class OrderDocuments(_Resource):
    def refresh_url(self, order: IdLike, id: IdLike, **options: Unpack[RequestOptions]) -> BookingOrderDocumentPatch:
        """A fresh, short-lived ``temporary_url`` for the document (language: Accept-Language)."""
        return self._exec(refresh_url_call(order, id, options))


class OrderTickets(_Resource):
    def get(self, order: IdLike, item: IdLike, id: IdLike, **options: Unpack[RequestOptions]) -> BookingOrderItemTicket:
        call = _get(get_order_ticket, BookingOrderItemTicket, options, (order, "order"), (item, "item"), (id, "id"))
        return self._exec(call)

    def set_beneficiary(
        self, order: IdLike, item: IdLike, id: IdLike, beneficiary: Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> BookingOrderItemTicket:
        """Name the ticket holder (merge-patch); ``firstname`` and ``lastname`` are required."""
        return self._exec(set_beneficiary_call(order, item, id, beneficiary, options))


# --- async ------------------------------------------------------------------------------------


class _AsyncResource:
    def __init__(self, core: AsyncCore) -> None:
        self._core = core

    async def _exec(self, call: Call[T]) -> T:
        return await self._core.call(call.op, call.expect, call.options, *call.args, **call.params)

    async def _run(self, flow: Flow[T]) -> T:
        return await arun(flow, self._exec)

    def _list(
        self, listing: Listing[T], page_size: int, limit: int | None, prefetch: int, options: RequestOptions
    ) -> AsyncPaginator[T]:
        async def fetch(page: int, size: int) -> Page[T]:
            return listing.read(await self._exec(listing.call(page, size, options)), page)

        return AsyncPaginator(fetch, page_size=page_size, limit=limit, prefetch=prefetch)


class AsyncCatalogs(_AsyncResource):
    def list(
        self, *, order: str | None = None, page_size: int = MAX_PAGE_SIZE, limit: int | None = None,
        prefetch: int = 1, **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[TicketingCatalog]:  # fmt: skip
        return self._list(_catalogs(order), page_size, limit, prefetch, options)

    async def get(self, id: IdLike, **options: Unpack[RequestOptions]) -> TicketingCatalog:
        return await self._exec(_get(get_catalog, TicketingCatalog, options, (id, "id")))


class AsyncEvents(_AsyncResource):
    def list(
        self, catalog: IdLike, *, page_size: int = MAX_PAGE_SIZE, limit: int | None = None, prefetch: int = 1,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[TicketingEvent]:  # fmt: skip
        return self._list(_events(catalog), page_size, limit, prefetch, options)

    async def get(self, catalog: IdLike, id: IdLike, **options: Unpack[RequestOptions]) -> TicketingEvent:
        call = _get(get_event, TicketingEvent, options, (catalog, "catalog"), (id, "id"))
        return await self._exec(call)


class AsyncSessions(_AsyncResource):
    def list(
        self, catalog: IdLike, event: IdLike, *, page_size: int = MAX_PAGE_SIZE, limit: int | None = None,
        prefetch: int = 1, **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[TicketingSession]:  # fmt: skip
        return self._list(_sessions(catalog, event), page_size, limit, prefetch, options)

    async def get(
        self, catalog: IdLike, event: IdLike, id: IdLike, **options: Unpack[RequestOptions]
    ) -> TicketingSession:
        call = _get(get_session, TicketingSession, options, (catalog, "catalog"), (event, "event"), (id, "id"))
        return await self._exec(call)

    async def availability(
        self, catalog: IdLike, event: IdLike, id: IdLike, **options: Unpack[RequestOptions]
    ) -> TicketingSessionAvailability:
        call = _get(
            get_session_availability, TicketingSessionAvailability, options,
            (catalog, "catalog"), (event, "event"), (id, "id"),
        )  # fmt: skip
        return await self._exec(call)


class AsyncProducts(_AsyncResource):
    def list(
        self, catalog: IdLike, *, page_size: int = MAX_PAGE_SIZE, limit: int | None = None, prefetch: int = 1,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[TicketingProduct]:  # fmt: skip
        return self._list(_products(catalog), page_size, limit, prefetch, options)

    async def get(self, catalog: IdLike, id: IdLike, **options: Unpack[RequestOptions]) -> TicketingProduct:
        call = _get(get_product, TicketingProduct, options, (catalog, "catalog"), (id, "id"))
        return await self._exec(call)


class AsyncOffers(_AsyncResource):
    def list(
        self,
        catalog: IdLike,
        *,
        date_after: dt.date | None = None,
        date_strictly_after: dt.date | None = None,
        date_before: dt.date | None = None,
        date_strictly_before: dt.date | None = None,
        product: IdLike | Sequence[IdLike] | None = None,
        session: IdLike | None = None,
        order: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        prefetch: int = 1,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[TicketingOffer]:
        listing = _offers(
            catalog, date_after=date_after, date_strictly_after=date_strictly_after, date_before=date_before,
            date_strictly_before=date_strictly_before, product=product, session=session, order=order,
        )  # fmt: skip
        return self._list(listing, page_size, limit, prefetch, options)

    async def get(self, catalog: IdLike, id: IdLike, **options: Unpack[RequestOptions]) -> TicketingOffer:
        call = _get(get_offer, TicketingOffer, options, (catalog, "catalog"), (id, "id"))
        return await self._exec(call)

    async def availability(
        self, catalog: IdLike, id: IdLike, **options: Unpack[RequestOptions]
    ) -> TicketingOfferAvailability:
        call = _get(get_offer_availability, TicketingOfferAvailability, options, (catalog, "catalog"), (id, "id"))
        return await self._exec(call)

    async def price(self, catalog: IdLike, id: IdLike, **options: Unpack[RequestOptions]) -> TicketingOfferPrice:
        call = _get(get_offer_price, TicketingOfferPrice, options, (catalog, "catalog"), (id, "id"))
        return await self._exec(call)


class AsyncOfferTickets(_AsyncResource):
    def list(
        self, catalog: IdLike, offer: IdLike, *, page_size: int = MAX_PAGE_SIZE, limit: int | None = None,
        prefetch: int = 1, **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[TicketingOfferTicket]:  # fmt: skip
        return self._list(_offer_tickets(catalog, offer), page_size, limit, prefetch, options)

    async def get(
        self, catalog: IdLike, offer: IdLike, id: IdLike, **options: Unpack[RequestOptions]
    ) -> TicketingOfferTicket:
        call = _get(get_offer_ticket, TicketingOfferTicket, options, (catalog, "catalog"), (offer, "offer"), (id, "id"))
        return await self._exec(call)


class AsyncForms(_AsyncResource):
    async def get(self, id: IdLike, **options: Unpack[RequestOptions]) -> Form:
        return await self._exec(_get(get_form, Form, options, (id, "id")))


class AsyncReservations(_AsyncResource):
    def list(
        self, *, order: str | None = None, page_size: int = MAX_PAGE_SIZE, limit: int | None = None,
        prefetch: int = 1, **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[BookingReservation]:  # fmt: skip
        return self._list(_reservations(order), page_size, limit, prefetch, options)

    async def get(self, id: IdLike, **options: Unpack[RequestOptions]) -> BookingReservation:
        return await self._exec(_get(get_reservation, BookingReservation, options, (id, "id")))

    async def create(
        self, items: Sequence[Mapping[str, Any]], **options: Unpack[RequestOptions]
    ) -> BulkResult[BookingReservation]:
        return await self._run(create_reservations_flow(items, options))


class AsyncOrders(_AsyncResource):
    def list(
        self,
        *,
        external_reference: str | None = None,
        created_after: Date | None = None,
        created_strictly_after: Date | None = None,
        created_before: Date | None = None,
        created_strictly_before: Date | None = None,
        order: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        limit: int | None = None,
        prefetch: int = 1,
        **options: Unpack[RequestOptions],
    ) -> AsyncPaginator[BookingOrder]:
        listing = _orders(
            external_reference=external_reference, created_after=created_after,
            created_strictly_after=created_strictly_after, created_before=created_before,
            created_strictly_before=created_strictly_before, order=order,
        )  # fmt: skip
        return self._list(listing, page_size, limit, prefetch, options)

    async def get(self, id: IdLike, **options: Unpack[RequestOptions]) -> BookingOrder:
        return await self._exec(_get(get_order, BookingOrder, options, (id, "id")))

    async def create(
        self,
        reservations: Sequence[IdLike],
        customer: Mapping[str, Any],
        external_reference: str,
        **options: Unpack[RequestOptions],
    ) -> BulkResult[BookingOrder]:
        attempts = options.get("max_retries", self._core.config.max_retries)
        flow = create_orders_flow(
            reservations, customer, external_reference, now=self._core.clock(), attempts=attempts, options=options
        )
        return await self._run(flow)


class AsyncOrderDocuments(_AsyncResource):
    async def refresh_url(
        self, order: IdLike, id: IdLike, **options: Unpack[RequestOptions]
    ) -> BookingOrderDocumentPatch:
        return await self._exec(refresh_url_call(order, id, options))


class AsyncOrderTickets(_AsyncResource):
    async def get(
        self, order: IdLike, item: IdLike, id: IdLike, **options: Unpack[RequestOptions]
    ) -> BookingOrderItemTicket:
        call = _get(get_order_ticket, BookingOrderItemTicket, options, (order, "order"), (item, "item"), (id, "id"))
        return await self._exec(call)

    async def set_beneficiary(
        self, order: IdLike, item: IdLike, id: IdLike, beneficiary: Mapping[str, Any], **options: Unpack[RequestOptions]
    ) -> BookingOrderItemTicket:
        return await self._exec(set_beneficiary_call(order, item, id, beneficiary, options))
