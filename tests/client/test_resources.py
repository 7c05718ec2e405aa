"""Every resource method, sync and async: HTTP method, path, query string (exact wire names),
JSON body and content type; identifiers as str, uuid.UUID, IRI, mapping and parsed model; and a
check that every operation of the spec (and of generated/) is reached by some method."""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib
import json
import pkgutil
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import korusticket_api.api
import pytest
import yaml
from korusticket import AsyncKorusTicket, BulkResult, KorusTicket
from korusticket.testing._paths import template_regex
from korusticket_api.models import (
    BookingOrder,
    BookingOrderDocumentPatch,
    BookingOrderItemTicket,
    BookingReservation,
    Form,
    OrderItem,
    TicketingCatalog,
    TicketingOffer,
    TicketingOfferAvailability,
    TicketingOfferPrice,
    TicketingOfferTicket,
    TicketingOfferTicketSession,
    TicketingProduct,
)

from tests.support import SPEC
from tests.support.bodies import (
    BOOKING_ITEMS,
    CATALOG,
    CATALOG_IRI,
    CUSTOMER,
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
    PRODUCT_2,
    PRODUCT_2_IRI,
    PRODUCT_IRI,
    RESERVATION,
    RESERVATION_IRI,
    SESSION,
    SESSION_IRI,
    SESSION_TICKET_IRI,
    TICKET,
    TICKET_IRI,
    catalog_body,
    collection,
    document_body,
    form_body,
    offer_body,
    offer_ticket_body,
    order_body,
    order_ticket_body,
    product_body,
    reservation_body,
    session_body,
)
from tests.support.mock_api import MockAPI, jsonld, run_async, run_sync

LD = "application/ld+json"
MERGE = "application/merge-patch+json"

# --- identifiers in every accepted form -----------------------------------------------------

# kind -> (bare id, IRI, parsed model)
IDENTS: dict[str, tuple[str, str, Any]] = {
    "catalog": (CATALOG, CATALOG_IRI, TicketingCatalog.from_dict(catalog_body())),
    "session": (SESSION, SESSION_IRI, TicketingOfferTicketSession.from_dict(session_body())),
    "product": (PRODUCT, PRODUCT_IRI, TicketingProduct.from_dict(product_body())),
    "offer": (OFFER, OFFER_IRI, TicketingOffer.from_dict(offer_body())),
    "ticket": (TICKET, TICKET_IRI, TicketingOfferTicket.from_dict(offer_ticket_body())),
    "form": (FORM, FORM_IRI, Form.from_dict(form_body())),
    "reservation": (RESERVATION, RESERVATION_IRI, BookingReservation.from_dict(reservation_body())),
    "order": (ORDER, ORDER_IRI, BookingOrder.from_dict(order_body())),
    # An order item is a blank node: its @id is /.well-known/genid/..., its UUID is in "id".
    "item": (ITEM, f"{ORDER_IRI}/items/{ITEM}", OrderItem.from_dict(order_body()["items"][0])),
    "order_ticket": (ORDER_TICKET, ORDER_TICKET_IRI, BookingOrderItemTicket.from_dict(order_ticket_body())),
    "document": (DOCUMENT, DOCUMENT_IRI, BookingOrderDocumentPatch.from_dict(document_body())),
}
FORMS = ("str", "uuid", "iri", "mapping", "model")


class Ids:
    """``ids.catalog`` etc. in one form: a UUID string, a uuid.UUID, an IRI, a {"@id"} mapping or a model."""

    def __init__(self, form: str) -> None:
        self._as = form

    def __getattr__(self, kind: str) -> Any:
        bare, iri, model = IDENTS[kind]
        return {
            "str": bare,
            "uuid": uuid.UUID(bare),
            "iri": iri,
            "mapping": {"@id": iri},
            "model": model,
        }[self._as]


# --- the cases ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    call: Callable[[Any, Ids], Any]
    method: str
    path: str
    query: frozenset[str] = frozenset()
    body: Any = None
    content_type: str | None = None
    result: type | None = None  # type of the result (of each item for lists)
    uses_ids: bool = True
    module: str = ""  # the generated operation module it must go through
    extra_modules: tuple[str, ...] = field(default_factory=tuple)


def q(*pairs: str) -> frozenset[str]:
    return frozenset(pairs)


PAGE = ("page=1", "itemsPerPage=50")
BENEFICIARY_BODY = {
    "firstname": "john",
    "lastname": "doe",
    "title": "mr",
    "nationality": "FR",
    "dateOfBirth": "2000-01-01",
    "placeOfBirth": "Aix-en-Provence",
    "email": "john.doe@example.com",
    "phone": "+33610203040",
}
BOOKING_BODY = {
    "items": [
        {
            "offer": OFFER_IRI,
            "quantity": 1,
            "ticketSessions": [{"ticket": TICKET_IRI}, {"ticket": SESSION_TICKET_IRI, "session": SESSION_IRI}],
        }
    ]
}
C = f"/v1/ticketing/catalogs/{CATALOG}"

CASES: list[Case] = [
    Case("catalogs.list", lambda kt, i: kt.catalogs.list(), "GET", "/v1/ticketing/catalogs", q(*PAGE),
         result=TicketingCatalog, uses_ids=False, module="catalogs_list"),
    Case("catalogs.list(order)", lambda kt, i: kt.catalogs.list(order="desc", page_size=5), "GET",
         "/v1/ticketing/catalogs", q("page=1", "itemsPerPage=5", "order%5BcreatedAt%5D=desc"),
         result=TicketingCatalog, uses_ids=False, module="catalogs_list"),
    Case("catalogs.get", lambda kt, i: kt.catalogs.get(i.catalog), "GET", C,
         result=TicketingCatalog, module="catalogs_get"),
    Case("offer_ticket_sessions.list", lambda kt, i: kt.offer_ticket_sessions.list(i.catalog, i.offer, i.ticket),
         "GET", f"{C}/offers/{OFFER}/tickets/{TICKET}/sessions", q(*PAGE), result=TicketingOfferTicketSession,
         module="offer_ticket_sessions_list"),
    Case("offer_ticket_sessions.get",
         lambda kt, i: kt.offer_ticket_sessions.get(i.catalog, i.offer, i.ticket, i.session), "GET",
         f"{C}/offers/{OFFER}/tickets/{TICKET}/sessions/{SESSION}", result=TicketingOfferTicketSession,
         module="offer_ticket_sessions_get"),
    Case("products.list", lambda kt, i: kt.products.list(i.catalog), "GET", f"{C}/products", q(*PAGE),
         result=TicketingProduct, module="products_list"),
    Case("products.get", lambda kt, i: kt.products.get(i.catalog, i.product), "GET", f"{C}/products/{PRODUCT}",
         result=TicketingProduct, module="products_get"),
    Case("offers.list", lambda kt, i: kt.offers.list(i.catalog), "GET", f"{C}/offers", q(*PAGE),
         result=TicketingOffer, module="offers_list"),
    Case("offers.list(filters)",
         lambda kt, i: kt.offers.list(
             i.catalog, date_after=dt.date(2025, 1, 1), date_strictly_after=dt.date(2025, 1, 2),
             date_before=dt.date(2025, 12, 31), date_strictly_before=dt.date(2025, 12, 30),
             product=[i.product, PRODUCT_2_IRI], session=i.session, order="asc"),
         "GET", f"{C}/offers",
         q(*PAGE, "order%5Bdate%5D=asc", "date%5Bafter%5D=2025-01-01", "date%5Bstrictly_after%5D=2025-01-02",
           "date%5Bbefore%5D=2025-12-31", "date%5Bstrictly_before%5D=2025-12-30",
           "product%5B%5D=" + PRODUCT_IRI.replace("/", "%2F"), "product%5B%5D=" + PRODUCT_2_IRI.replace("/", "%2F"),
           f"session={SESSION}"),
         result=TicketingOffer, module="offers_list"),
    Case("offers.get", lambda kt, i: kt.offers.get(i.catalog, i.offer), "GET", f"{C}/offers/{OFFER}",
         result=TicketingOffer, module="offers_get"),
    Case("offers.availability", lambda kt, i: kt.offers.availability(i.catalog, i.offer), "GET",
         f"{C}/offers/{OFFER}/availability", result=TicketingOfferAvailability, module="offers_availability"),
    Case("offers.price", lambda kt, i: kt.offers.price(i.catalog, i.offer), "GET", f"{C}/offers/{OFFER}/price",
         result=TicketingOfferPrice, module="offers_price"),
    Case("offer_tickets.list", lambda kt, i: kt.offer_tickets.list(i.catalog, i.offer), "GET",
         f"{C}/offers/{OFFER}/tickets", result=TicketingOfferTicket, module="offer_tickets_list"),
    Case("offer_tickets.get", lambda kt, i: kt.offer_tickets.get(i.catalog, i.offer, i.ticket), "GET",
         f"{C}/offers/{OFFER}/tickets/{TICKET}", result=TicketingOfferTicket, module="offer_tickets_get"),
    Case("forms.get", lambda kt, i: kt.forms.get(i.form), "GET", f"/v1/forms/{FORM}", result=Form,
         module="forms_get"),
    Case("reservations.list", lambda kt, i: kt.reservations.list(), "GET", "/v1/booking/reservations", q(*PAGE),
         result=BookingReservation, uses_ids=False, module="reservations_list"),
    Case("reservations.list(order)", lambda kt, i: kt.reservations.list(order="desc"), "GET",
         "/v1/booking/reservations", q(*PAGE, "order%5BcreatedAt%5D=desc"), result=BookingReservation,
         uses_ids=False, module="reservations_list"),
    Case("reservations.get", lambda kt, i: kt.reservations.get(i.reservation), "GET",
         f"/v1/booking/reservations/{RESERVATION}", result=BookingReservation, module="reservations_get"),
    Case("reservations.create", lambda kt, i: kt.reservations.create(BOOKING_ITEMS), "POST",
         "/v1/booking/reservations/_bulk", body=BOOKING_BODY, content_type=LD, result=BulkResult,
         uses_ids=False, module="reservations_create"),
    Case("orders.list", lambda kt, i: kt.orders.list(), "GET", "/v1/booking/orders", q(*PAGE),
         result=BookingOrder, uses_ids=False, module="orders_list"),
    Case("orders.list(filters)",
         lambda kt, i: kt.orders.list(
             external_reference="YOUR-CUSTOM-REFERENCE",
             created_after=dt.datetime(2025, 1, 1, 8, 30, tzinfo=dt.UTC),
             created_strictly_after=dt.datetime(2025, 1, 1, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
             created_before=dt.date(2025, 2, 1), created_strictly_before=dt.date(2025, 2, 2), order="desc"),
         "GET", "/v1/booking/orders",
         q(*PAGE, "external_reference=YOUR-CUSTOM-REFERENCE", "order%5BcreatedAt%5D=desc",
           "createdAt%5Bafter%5D=2025-01-01T08%3A30%3A00%2B00%3A00",
           "createdAt%5Bstrictly_after%5D=2025-01-01T10%3A00%3A00%2B02%3A00",
           "createdAt%5Bbefore%5D=2025-02-01", "createdAt%5Bstrictly_before%5D=2025-02-02"),
         result=BookingOrder, uses_ids=False, module="orders_list"),
    Case("orders.get", lambda kt, i: kt.orders.get(i.order), "GET", f"/v1/booking/orders/{ORDER}",
         result=BookingOrder, module="orders_get"),
    Case("orders.create",
         lambda kt, i: kt.orders.create([i.reservation], CUSTOMER, "YOUR-CUSTOM-REFERENCE"),
         "POST", "/v1/booking/orders/_bulk",
         body={"reservations": [RESERVATION_IRI], "customer": CUSTOMER, "externalReference": "YOUR-CUSTOM-REFERENCE"},
         content_type=LD, result=BulkResult, module="orders_create"),
    Case("order_documents.refresh_url", lambda kt, i: kt.order_documents.refresh_url(i.order, i.document), "PATCH",
         f"/v1/booking/orders/{ORDER}/documents/{DOCUMENT}", body={}, content_type=MERGE,
         result=BookingOrderDocumentPatch, module="order_documents_refresh_url"),
    Case("order_tickets.get", lambda kt, i: kt.order_tickets.get(i.order, i.item, i.order_ticket), "GET",
         f"/v1/booking/orders/{ORDER}/items/{ITEM}/tickets/{ORDER_TICKET}", result=BookingOrderItemTicket,
         module="order_tickets_get"),
    Case("order_tickets.set_beneficiary",
         lambda kt, i: kt.order_tickets.set_beneficiary(
             i.order, i.item, i.order_ticket,
             {"firstname": "john", "lastname": "doe", "title": "mr", "nationality": "FR",
              "date_of_birth": dt.date(2000, 1, 1), "place_of_birth": "Aix-en-Provence",
              "email": "john.doe@example.com", "phone": "+33610203040"}),
         "PATCH", f"/v1/booking/orders/{ORDER}/items/{ITEM}/tickets/{ORDER_TICKET}",
         body={"beneficiary": BENEFICIARY_BODY}, content_type=MERGE, result=BookingOrderItemTicket,
         module="order_tickets_set_beneficiary"),
]  # fmt: skip

PARAMS = [
    pytest.param(case, form, id=f"{case.name}-{form}")
    for case in CASES
    for form in (FORMS if case.uses_ids else ("str",))
]


def check(case: Case, api: MockAPI, result: Any) -> None:
    [request] = api.api_requests
    assert request.method == case.method
    assert request.url.scheme == "https"
    assert request.url.host == "api.demo.korusticket.com"
    assert request.url.path == case.path
    raw_query = request.url.query.decode()
    assert frozenset(raw_query.split("&") if raw_query else ()) == case.query
    if case.body is None:
        assert request.content == b""
        assert "Content-Type" not in request.headers
    else:
        assert request.headers["Content-Type"] == case.content_type
        assert json.loads(request.content) == case.body
    assert request.headers["Authorization"].startswith("Bearer ")
    items = result if isinstance(result, list) else [result]
    assert items, "the canned answer has items"
    for item in items:
        assert isinstance(item, case.result)  # type: ignore[arg-type]  # set for every case that returns
    if isinstance(result, BulkResult):
        assert result.ok, result.failed
        assert len(result.succeeded) == 1


@pytest.mark.parametrize(("case", "form"), PARAMS)
def test_sync_method_sends_the_documented_request(case: Case, form: str, api: MockAPI, make_client: Any) -> None:
    kt = make_client()
    result = run_sync(case.call(kt, Ids(form)))
    check(case, api, result)


@pytest.mark.parametrize(("case", "form"), PARAMS)
def test_async_method_sends_the_documented_request(case: Case, form: str, api: MockAPI, make_async_client: Any) -> None:
    async def main() -> Any:
        async with make_async_client() as kt:
            return await run_async(case.call(kt, Ids(form)))

    check(case, api, asyncio.run(main()))


def test_identifier_forms_name_the_same_resource() -> None:
    for kind, (bare, iri, model) in IDENTS.items():
        assert uuid.UUID(bare).version == 7, kind
        assert iri.endswith(bare), kind
        assert model.iri is not None, kind


def test_reservation_items_accept_models(api: MockAPI, client: KorusTicket) -> None:
    offer = IDENTS["offer"][2]
    ticket = IDENTS["ticket"][2]
    session = {"@id": SESSION_IRI}
    client.reservations.create(
        [{"offer": offer, "quantity": 2, "ticket_sessions": [{"ticket": ticket, "session": session}]}]
    )
    [request] = api.api_requests
    assert json.loads(request.content) == {
        "items": [
            {"offer": OFFER_IRI, "quantity": 2, "ticketSessions": [{"ticket": TICKET_IRI, "session": SESSION_IRI}]}
        ]
    }


def test_full_day_offer_model_fills_ticket_sessions(api: MockAPI, client: KorusTicket) -> None:
    offer = TicketingOffer.from_dict(offer_body())  # its only ticket has dateAccess: true
    client.reservations.create([{"offer": offer, "quantity": 1}])
    [request] = api.api_requests
    assert json.loads(request.content)["items"][0]["ticketSessions"] == [{"ticket": TICKET_IRI}]


def test_product_filter_accepts_every_identifier_form(api: MockAPI, client: KorusTicket) -> None:
    products = [PRODUCT, uuid.UUID(PRODUCT_2), PRODUCT_IRI, {"@id": PRODUCT_2_IRI}, IDENTS["product"][2]]
    list(client.offers.list(CATALOG, product=products))
    [request] = api.api_requests
    sent = [v for k, v in request.url.params.multi_items() if k == "product[]"]
    assert sent == [PRODUCT_IRI, PRODUCT_2_IRI, PRODUCT_IRI, PRODUCT_2_IRI, PRODUCT_IRI]


def test_pages_are_walked_with_page_and_items_per_page(api: MockAPI, client: KorusTicket) -> None:
    ids = [f"0197cb40-0a99-7{n:03x}-8a73-{n:012x}" for n in (0xA1, 0xA2, 0xA3)]
    first = collection(
        "TicketingCatalog", "/v1/ticketing/catalogs", [catalog_body(ids[0]), catalog_body(ids[1])], total=3
    )
    second = collection("TicketingCatalog", "/v1/ticketing/catalogs", [catalog_body(ids[2])], total=3)
    api.replies = [jsonld(first), jsonld(second)]
    assert len(list(client.catalogs.list(page_size=2))) == 3
    assert [r.url.query.decode() for r in api.api_requests] == ["page=1&itemsPerPage=2", "page=2&itemsPerPage=2"]


# --- every operation has a method ----------------------------------------------------------------


def generated_operations() -> dict[str, Any]:
    """Every operation module of generated/korusticket_api/api/<tag>/<operation>.py."""
    found = {}
    for tag in pkgutil.iter_modules(korusticket_api.api.__path__):
        package = importlib.import_module(f"korusticket_api.api.{tag.name}")
        for op in pkgutil.iter_modules(package.__path__):
            found[op.name] = importlib.import_module(f"korusticket_api.api.{tag.name}.{op.name}")
    return found


def test_case_table_names_existing_generated_modules() -> None:
    modules = generated_operations()
    assert len(modules) == len(spec_operations())
    unknown = sorted({c.module for c in CASES} - set(modules))
    assert not unknown, f"cases name unknown generated modules: {unknown}"


def test_every_generated_operation_is_reached_by_a_sync_method(
    monkeypatch: pytest.MonkeyPatch, api: MockAPI, make_client: Any
) -> None:
    modules = generated_operations()
    reached: dict[str, set[str]] = {}
    current: list[str] = []
    for name, module in modules.items():

        def spy(*args: Any, _name: str = name, _original: Any = module._get_kwargs, **kwargs: Any) -> Any:
            reached.setdefault(_name, set()).add(current[-1])
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, "_get_kwargs", spy)
    kt = make_client()
    for case in CASES:
        current.append(case.name)
        run_sync(case.call(kt, Ids("str")))
    # Every operation is reached through its method in test_every_operation (from the spec); the
    # cases here pin the documented wire formats of the operations they name.
    for case in CASES:
        assert case.name in reached[case.module], f"{case.name} does not go through {case.module}"


def test_every_generated_operation_is_reached_by_an_async_method(
    monkeypatch: pytest.MonkeyPatch, api: MockAPI, make_async_client: Any
) -> None:
    modules = generated_operations()
    reached: set[str] = set()
    for name, module in modules.items():

        def spy(*args: Any, _name: str = name, _original: Any = module._get_kwargs, **kwargs: Any) -> Any:
            reached.add(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(module, "_get_kwargs", spy)

    async def main() -> None:
        async with make_async_client() as kt:
            for case in CASES:
                await run_async(case.call(kt, Ids("str")))

    asyncio.run(main())
    assert {case.module for case in CASES} <= reached


def spec_operations() -> list[tuple[str, str, re.Pattern[str]]]:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    ops = []
    for template, item in spec["paths"].items():
        regex = template_regex(template)
        for method, op in item.items():
            if method in ("get", "post", "put", "patch", "delete"):
                ops.append((f"{method.upper()} {template}", op["operationId"], regex))
    return ops


def test_every_spec_operation_has_a_method() -> None:
    """Each operation of the spec is a method of both clients (called in test_every_operation)."""
    from tests.support.operations import operations

    clients: list[Any] = [KorusTicket(token="t"), AsyncKorusTicket(token="t")]
    for kt in clients:
        for op in operations():
            assert callable(getattr(getattr(kt, op.resource), op.method)), (type(kt).__name__, op.key)
