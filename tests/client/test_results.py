"""Results: money as decimal.Decimal, aware datetimes, ``.iri`` on resources and nested objects."""

from __future__ import annotations

import asyncio
import datetime as dt
import enum
import importlib
import inspect
import pkgutil
from decimal import Decimal
from typing import Any

import attrs
import korusticket_api.models
import pytest
from korusticket import KorusTicket

from tests.support.bodies import (
    BOOKING_ITEMS,
    CATALOG,
    CATALOG_IRI,
    DOCUMENT,
    DOCUMENT_IRI,
    FORM,
    FORM_IRI,
    ITEM,
    OFFER,
    OFFER_IRI,
    ORDER,
    ORDER_IRI,
    ORDER_TICKET,
    ORDER_TICKET_IRI,
    PRODUCT,
    PRODUCT_IRI,
    RESERVATION,
    RESERVATION_IRI,
    SESSION,
    SESSION_IRI,
    TICKET,
    TICKET_IRI,
    catalog_body,
    offer_body,
)
from tests.support.mock_api import MockAPI, jsonld

# --- money -----------------------------------------------------------------------------------------


def test_offer_price_is_decimal(client: KorusTicket) -> None:
    offer = client.offers.get(CATALOG, OFFER)
    assert isinstance(offer.price.amount_incl_tax, Decimal)
    assert offer.price.amount_incl_tax == Decimal("100.00")
    assert str(offer.price.amount_incl_tax) == "100.00"  # the scale is kept
    assert offer.price.original_amount_incl_tax == Decimal("120.00")


def test_realtime_price_is_decimal(client: KorusTicket) -> None:
    price = client.offers.price(CATALOG, OFFER)
    assert price.amount_incl_tax == Decimal("100.00")
    assert price.amount_excl_tax == Decimal("80.00")
    assert isinstance(price.amount_excl_tax, Decimal)


def test_reservation_amounts_are_decimal(client: KorusTicket) -> None:
    reservation = client.reservations.get(RESERVATION)
    assert reservation.total_amount_incl_tax == Decimal("100.00")
    assert reservation.total_amount_excl_tax == Decimal("80.00")
    assert reservation.items[0].amount_incl_tax == Decimal("100.00")
    assert all(isinstance(r.total_amount_incl_tax, Decimal) for r in client.reservations.create(BOOKING_ITEMS))


def test_order_amounts_are_exact_decimals(client: KorusTicket) -> None:
    order = client.orders.get(ORDER)
    assert order.total_amount_incl_tax == Decimal("80.00")
    assert order.total_amount_excl_tax == Decimal("75.83")  # exact: no binary float on the way
    assert order.total_amount_incl_tax - order.total_amount_excl_tax == Decimal("4.17")
    assert order.items[0].amount_incl_tax == Decimal("80.00")
    assert order.items[0].amount_excl_tax == Decimal("75.83")


def test_amounts_are_never_floats(api: MockAPI, client: KorusTicket) -> None:
    body = offer_body()
    body["price"]["amountInclTax"] = "0.10"
    body["price"]["originalAmountInclTax"] = "0.20"
    api.replies = [jsonld(body)]
    price = client.offers.get(CATALOG, OFFER).price
    assert price.amount_incl_tax + price.original_amount_incl_tax == Decimal("0.30")


def test_null_original_amount(api: MockAPI, client: KorusTicket) -> None:
    body = offer_body()
    body["price"]["originalAmountInclTax"] = None
    api.replies = [jsonld(body)]
    assert client.offers.get(CATALOG, OFFER).price.original_amount_incl_tax is None


# --- datetimes -------------------------------------------------------------------------------------


def aware(value: Any) -> bool:
    return isinstance(value, dt.datetime) and value.tzinfo is not None and value.utcoffset() is not None


def test_datetimes_are_timezone_aware(client: KorusTicket) -> None:
    catalog = client.catalogs.get(CATALOG)
    assert aware(catalog.created_at)
    assert catalog.created_at == dt.datetime(2025, 1, 28, 7, 42, 4, tzinfo=dt.UTC)
    reservation = client.reservations.get(RESERVATION)
    assert aware(reservation.created_at)
    assert aware(reservation.expires_at)
    order = client.orders.get(ORDER)
    assert aware(order.created_at)
    assert order.cancelled_at is None
    ticket = client.order_tickets.get(ORDER, ITEM, ORDER_TICKET)
    assert aware(ticket.occurs_at)
    assert aware(ticket.beneficiary_designation_deadline)  # written with "Z"
    assert ticket.beneficiary_designation_deadline.utcoffset() == dt.timedelta(0)


def test_datetime_offsets_are_kept(api: MockAPI, client: KorusTicket) -> None:
    body = catalog_body()
    body["createdAt"] = "2025-06-07T20:00:00+02:00"
    api.replies = [jsonld(body)]
    created = client.catalogs.get(CATALOG).created_at
    assert created.utcoffset() == dt.timedelta(hours=2)
    assert created == dt.datetime(2025, 6, 7, 18, 0, tzinfo=dt.UTC)


def test_dates_are_dates(client: KorusTicket) -> None:
    offer = client.offers.get(CATALOG, OFFER)
    assert type(offer.date) is dt.date
    assert offer.date == dt.date(2025, 1, 27)


def test_async_results_are_typed(make_async_client: Any) -> None:
    async def main() -> Any:
        async with make_async_client() as kt:
            return await kt.orders.get(ORDER)

    order = asyncio.run(main())
    assert order.total_amount_excl_tax == Decimal("75.83")
    assert aware(order.created_at)
    assert order.iri == ORDER_IRI


# --- .iri ----------------------------------------------------------------------------------------------

IRI_CASES = [
    ("catalog", lambda kt: kt.catalogs.get(CATALOG), CATALOG_IRI),
    ("session", lambda kt: kt.offer_ticket_sessions.get(CATALOG, OFFER, TICKET, SESSION), SESSION_IRI),
    ("product", lambda kt: kt.products.get(CATALOG, PRODUCT), PRODUCT_IRI),
    ("offer", lambda kt: kt.offers.get(CATALOG, OFFER), OFFER_IRI),
    ("offer availability", lambda kt: kt.offers.availability(CATALOG, OFFER), f"{OFFER_IRI}/availability"),
    ("offer price", lambda kt: kt.offers.price(CATALOG, OFFER), f"{OFFER_IRI}/price"),
    ("offer ticket", lambda kt: kt.offer_tickets.get(CATALOG, OFFER, TICKET), TICKET_IRI),
    ("form", lambda kt: kt.forms.get(FORM), FORM_IRI),
    ("reservation", lambda kt: kt.reservations.get(RESERVATION), RESERVATION_IRI),
    ("order", lambda kt: kt.orders.get(ORDER), ORDER_IRI),
    ("order ticket", lambda kt: kt.order_tickets.get(ORDER, ITEM, ORDER_TICKET), ORDER_TICKET_IRI),
    ("document", lambda kt: kt.order_documents.refresh_url(ORDER, DOCUMENT), DOCUMENT_IRI),
    ("listed catalog", lambda kt: next(iter(kt.catalogs.list())), CATALOG_IRI),
    ("listed offer", lambda kt: next(iter(kt.offers.list(CATALOG))), OFFER_IRI),
    ("created reservation", lambda kt: kt.reservations.create(BOOKING_ITEMS).succeeded[0], RESERVATION_IRI),
    ("created order", lambda kt: kt.orders.create([RESERVATION], {"firstname": "j", "lastname": "d", "email": "e@x.fr"}, "R").succeeded[0], ORDER_IRI),
]  # fmt: skip


@pytest.mark.parametrize(("call", "iri"), [(c, i) for _, c, i in IRI_CASES], ids=[n for n, _, _ in IRI_CASES])
def test_every_resource_has_its_iri(client: KorusTicket, call: Any, iri: str) -> None:
    assert call(client).iri == iri


def test_nested_objects_have_their_iri(client: KorusTicket) -> None:
    order = client.orders.get(ORDER)
    assert order.customer.iri == "/.well-known/genid/659ea7d58fe6d29dcf2e"
    assert order.items[0].iri == "/.well-known/genid/132ddf0cb624270e4245"
    assert order.items[0].tickets[0].iri == ORDER_TICKET_IRI
    offer = client.offers.get(CATALOG, OFFER)
    assert offer.product.iri == PRODUCT_IRI
    assert offer.tickets[0].iri == TICKET_IRI
    assert offer.price.iri is None  # the price object carries no @id
    availability = client.offers.availability(CATALOG, OFFER)
    assert availability.sessions_availability[0].iri is None


def test_a_result_can_be_passed_back_as_an_identifier(api: MockAPI, client: KorusTicket) -> None:
    order = client.orders.get(ORDER)
    item = order.items[0]  # a blank node: @id is a genid, the UUID is in "id"
    ticket = item.tickets[0]
    client.order_tickets.get(order, item, ticket)
    assert api.api_requests[-1].url.path == ORDER_TICKET_IRI


def model_classes() -> list[type]:
    classes = []
    for info in pkgutil.iter_modules(korusticket_api.models.__path__):
        module = importlib.import_module(f"korusticket_api.models.{info.name}")
        for _, obj in inspect.getmembers(module, inspect.isclass):
            if obj.__module__ == module.__name__ and not issubclass(obj, enum.Enum):
                classes.append(obj)
    return classes


def test_every_generated_model_has_iri() -> None:
    classes = model_classes()
    assert len(classes) > 40
    missing = sorted(c.__name__ for c in classes if not isinstance(inspect.getattr_static(c, "iri", None), property))
    assert not missing, f"models without .iri: {missing}"
    for cls in classes:
        required = [a.name for a in attrs.fields(cls) if a.default is attrs.NOTHING and a.init]
        if not required:  # request bodies and violations have required fields
            assert cls.from_dict({"@id": "/x/1"}).iri == "/x/1", cls.__name__  # type: ignore[attr-defined]
