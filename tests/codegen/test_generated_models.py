"""Documented payloads parse through the generated models with the right values."""

from __future__ import annotations

import copy
import datetime as dt
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from korusticket_api.models import (
    BookingOrder,
    BookingOrderDocumentPatch,
    BookingOrderItemTicket,
    BookingReservation,
    BookingReservationBulkResult,
    BookingReservationStatus,
    CatalogsListResponse200,
    Form,
    TicketingOffer,
    TicketingOfferAvailability,
    TicketingOfferPrice,
)

from tests.support import documented_payloads as docs

ROOT = Path(__file__).resolve().parents[2]


def aware(value: object) -> bool:
    return isinstance(value, dt.datetime) and value.utcoffset() is not None


def test_catalog_collection() -> None:
    page = CatalogsListResponse200.from_dict(docs.CATALOG_COLLECTION)
    assert page.total_items == 1
    assert page.member is not None
    [catalog] = page.member
    assert catalog.name == "Catalogue Puy du Fou - CSE"
    assert catalog.iri == f"/v1/ticketing/catalogs/{docs.CATALOG_ID}"
    assert catalog.ld_type == "TicketingCatalog"
    assert catalog.created_at == dt.datetime(2025, 1, 28, 7, 42, 4, tzinfo=dt.UTC)
    assert page.view.additional_properties["@type"] == "PartialCollectionView"


def test_reservation_amounts_are_the_documented_strings_as_decimals() -> None:
    r = BookingReservation.from_dict(docs.RESERVATION)
    assert r.total_amount_incl_tax == Decimal("100.00")
    assert str(r.total_amount_incl_tax) == "100.00"
    assert str(r.total_amount_excl_tax) == "80.00"
    assert aware(r.expires_at)
    assert aware(r.created_at)
    assert r.status == BookingReservationStatus.RESERVED
    assert r.seats_arrangement == "ADJACENT"
    assert r.order is None
    assert r.iri == f"/v1/booking/reservations/{docs.RESERVATION_ID}"
    item = r.items[0]
    assert item.date == dt.date(2025, 1, 27)
    assert str(item.amount_incl_tax) == "100.00"
    assert item.offer_tickets[0].seating == {}
    # Round trip: what was read is what would be written.
    assert r.to_dict() == docs.RESERVATION


def test_order_from_the_beneficiary_how_to() -> None:
    order = BookingOrder.from_dict(docs.ORDER)
    assert order.reference == "KTOLKT-84A749"
    assert str(order.total_amount_excl_tax) == "75.83"
    assert order.cancelled_at is None
    assert order.customer.iri == "/.well-known/genid/659ea7d58fe6d29dcf2e"
    assert order.customer.ld_type == "OrderCustomer"
    item = order.items[0]
    assert item.iri == "/.well-known/genid/132ddf0cb624270e4245"
    # Fields the 1.0.7 schema does not list are kept, not dropped.
    assert item.additional_properties["unitAmountInclTax"] == "80.00"
    assert order.additional_properties["reservation"].startswith("/v1/booking/reservations/")
    ticket = item.tickets[0]
    assert ticket.voucher == "8555400800002783"
    assert ticket.required_beneficiary_fields == ["firstname", "lastname"]
    assert ticket.iri.endswith(f"/tickets/{docs.TICKET_ID}")
    assert aware(ticket.beneficiary_designation_deadline)


def test_ticket_with_beneficiary() -> None:
    ticket = BookingOrderItemTicket.from_dict(docs.TICKET)
    assert ticket.beneficiary.firstname == "John"
    assert ticket.beneficiary.date_of_birth == dt.date(2000, 1, 1)
    assert ticket.status == "validated"


def test_document_url_price_and_availability() -> None:
    document = BookingOrderDocumentPatch.from_dict(docs.DOCUMENT_PATCH)
    assert document.temporary_url.startswith("https://storage.googleapis.com/")
    assert document.additional_properties["cachedLanguage"] == "fr"
    price = TicketingOfferPrice.from_dict(docs.PRICE)
    assert price.amount_incl_tax == Decimal("100.00")
    # The reference says "eur"; the how-to example says "EUR": the spec accepts both spellings.
    assert price.currency == "EUR"
    assert not price.currency.is_unknown
    availability = TicketingOfferAvailability.from_dict(docs.OFFER_AVAILABILITY)
    assert availability.available_quantity == 41301
    assert availability.sessions_availability[0].available_quantity == 4000


def test_offer_and_form() -> None:
    offer = TicketingOffer.from_dict(docs.OFFER)
    assert offer.price.original_amount_incl_tax == Decimal("120.00")
    assert offer.price.currency == "eur"
    assert offer.tickets[0].date_access is True
    assert offer.tickets[1].form is None
    assert offer.date == dt.date(2025, 1, 27)
    form = Form.from_dict(docs.FORM)
    assert form.code == "customer_infos_form"
    assert form.fields[0].iri.startswith(f"/v1/forms/{docs.FORM_ID}/fields/")


def test_bulk_result_keeps_undocumented_failure_items() -> None:
    result = BookingReservationBulkResult.from_dict(docs.RESERVATION_BULK_RESULT)
    assert len(result.reservations) == 1  # type: ignore[arg-type]
    assert result.failed_reservations[0].to_dict() == {"offer": docs.OFFER["@id"], "message": "sold out"}


def _mutate(value: Any) -> Any:
    """Add an unknown field to every object."""
    if isinstance(value, dict):
        return {**{k: _mutate(v) for k, v in value.items()}, "brandNewField": {"nested": [1, 2]}}
    if isinstance(value, list):
        return [_mutate(v) for v in value]
    return value


def test_unknown_enum_value_and_unknown_properties_parse() -> None:
    body = _mutate(copy.deepcopy(docs.ORDER))
    body["status"] = "x-synthetic-status"
    body["items"][0]["tickets"][0]["status"] = "x-synthetic-ticket-status"
    order = BookingOrder.from_dict(body)
    assert order.status == "x-synthetic-status"
    assert order.status.is_unknown
    assert order.items[0].tickets[0].status == "x-synthetic-ticket-status"
    assert order.additional_properties["brandNewField"] == {"nested": [1, 2]}
    assert order.customer.additional_properties["brandNewField"] == {"nested": [1, 2]}
    reservation = BookingReservation.from_dict({**docs.RESERVATION, "seatsArrangement": "BACK_TO_BACK"})
    assert reservation.seats_arrangement == "BACK_TO_BACK"


def _spec_examples() -> list[tuple[str, str, Any]]:
    spec = yaml.safe_load((ROOT / "spec" / "openapi.yaml").read_text())
    found = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            for status, response in op.get("responses", {}).items():
                for media in response.get("content", {}).values():
                    for name, example in (media.get("examples") or {}).items():
                        found.append((f"{method.upper()} {path} {status} {name}", op["operationId"], example["value"]))
    return found


@pytest.mark.parametrize(
    ("label", "operation_id", "body"), _spec_examples(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_every_example_of_the_spec_parses(label: str, operation_id: str, body: Any) -> None:
    """Each response example in spec/openapi.yaml parses with the generated operation's parser."""
    import importlib

    import httpx
    from korusticket_api.client import Client

    sys.path.insert(0, str(ROOT / "scripts" / "codegen"))
    import preprocess

    names = preprocess.load_names(yaml.safe_load((ROOT / "spec" / "openapi.yaml").read_text()))
    method, path = label.split(" ")[:2]
    name = names[f"{method} {path}"]
    module = next(
        importlib.import_module(f"korusticket_api.api.{tag.name}.{name}")
        for tag in (ROOT / "generated" / "korusticket_api" / "api").iterdir()
        if (tag / f"{name}.py").exists()
    )
    response = httpx.Response(200, content=json.dumps(body).encode())
    parsed = module._parse_response(client=Client(base_url="https://x"), response=response)
    assert parsed is not None
    assert parsed.to_dict()  # re-serialises
