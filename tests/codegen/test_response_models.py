"""Response models (issue 14): no Unset, `X | None` for what the server may omit, short reprs,
round-trips; request models keep their absent-vs-null distinction."""

from __future__ import annotations

import copy
import datetime as dt
import inspect
import sys
import typing
from decimal import Decimal
from pathlib import Path

import korusticket_api.models as models
import pytest
from korusticket_api.models import (
    BookingOrder,
    BookingOrderItemTicketPatchWrite,
    BookingOrderStatus,
    BookingReservation,
    OrderCustomer,
    OrdersListResponse200,
)
from korusticket_api.types import UNSET, Unset

from tests.support import documented_payloads as docs

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "codegen"))

RESPONSE_MODELS = [
    "BookingOrder",
    "BookingReservation",
    "BookingOrderItemTicket",
    "OrderItem",
    "OrderCustomer",
    "OrdersListResponse200",
    "TicketingOffer",
    "BookingReservationBulkResult",
]


def _namespace(cls: type) -> dict[str, object]:
    return {**vars(sys.modules[cls.__module__]), **{n: getattr(models, n) for n in models.__all__}}


REQUEST_MODELS = ["BookingOrderItemTicketPatchWrite", "OrderCustomerBulkWrite", "OrderItemTicketBeneficiaryPatchWrite"]


@pytest.mark.parametrize("name", RESPONSE_MODELS)
def test_response_models_have_no_unset_in_their_fields(name: str) -> None:
    cls = getattr(models, name)
    hints = typing.get_type_hints(cls, _namespace(cls))
    assert hints
    for field, hint in hints.items():
        assert Unset not in typing.get_args(hint), f"{name}.{field}: {hint}"
        assert hint is not Unset, f"{name}.{field}: {hint}"
    assert "Unset" not in inspect.getsource(sys.modules[cls.__module__])


@pytest.mark.parametrize("name", REQUEST_MODELS)
def test_request_models_keep_unset(name: str) -> None:
    cls = getattr(models, name)
    hints = typing.get_type_hints(cls, _namespace(cls))
    assert any(Unset in typing.get_args(hint) for hint in hints.values())


def test_absent_fields_are_none_and_absent_in_to_dict() -> None:
    body = {"@id": "/v1/booking/orders/1", "@type": "BookingOrder", "id": "1", "status": "confirmed"}
    order = BookingOrder.from_dict(body)
    assert order.id == "1"
    assert order.customer is None
    assert order.items is None
    assert order.cancelled_at is None
    assert order.status is BookingOrderStatus.CONFIRMED
    assert order.to_dict() == body


def test_explicit_null_stays_null_in_to_dict() -> None:
    body = {"id": "1", "cancelledAt": None, "externalReference": None}
    assert BookingOrder.from_dict(body).to_dict() == body


def test_documented_order_round_trips_and_keeps_types() -> None:
    order = BookingOrder.from_dict(docs.ORDER)
    # Same keys at every level; datetimes come back in isoformat ("Z" -> "+00:00").
    assert BookingOrder.from_dict(order.to_dict()) == order
    assert order.to_dict().keys() == docs.ORDER.keys()
    assert isinstance(order.total_amount_incl_tax, Decimal)
    assert isinstance(order.created_at, dt.datetime)
    assert order.created_at.utcoffset() is not None
    assert order.iri == docs.ORDER["@id"]
    assert order.ld_type == "BookingOrder"
    assert order.additional_properties["@context"] == "/contexts/BookingOrder"
    # A user script narrows with `is not None` only.
    assert order.items is not None
    tickets = order.items[0].tickets
    assert tickets is not None
    assert tickets[0].voucher == "8555400800002783"


def test_repr_shows_only_the_fields_present() -> None:
    customer = OrderCustomer.from_dict({"@type": "OrderCustomer", "firstname": "Ada", "lastname": "L"})
    text = repr(customer)
    assert text == "OrderCustomer(firstname='Ada', lastname='L')"
    assert "Unset" not in repr(BookingOrder.from_dict(docs.ORDER))
    assert "cancelled_at=None" in repr(BookingOrder.from_dict(docs.ORDER))  # sent as null: shown


def test_models_built_by_hand() -> None:
    customer = OrderCustomer(firstname="Ada")
    assert customer.lastname is None
    assert customer.additional_properties == {}
    assert customer.iri is None
    assert customer.to_dict() == {"firstname": "Ada"}
    assert repr(customer) == "OrderCustomer(firstname='Ada')"
    customer["@id"] = "/x"
    assert customer.iri == "/x"
    assert "@id" in customer
    assert customer.additional_keys == ["@id"]
    del customer["@id"]
    assert customer.to_dict() == {"firstname": "Ada"}


def test_additional_properties_are_editable_after_parsing() -> None:
    order = BookingOrder.from_dict(docs.ORDER)
    order["brandNew"] = 1
    assert order.to_dict()["brandNew"] == 1
    assert "brandNew" not in docs.ORDER  # the source mapping is not changed
    order.additional_properties = {"only": True}
    assert order.iri is None
    assert order.to_dict()["only"] is True


def test_from_dict_does_not_change_its_input() -> None:
    body = copy.deepcopy(docs.ORDER)
    BookingOrder.from_dict(body).to_dict()
    assert body == docs.ORDER


def test_unknown_enum_values_and_fields_still_parse() -> None:
    order = BookingOrder.from_dict({**docs.ORDER, "status": "x-synthetic-status", "newField": [1]})
    assert order.status == "x-synthetic-status"
    assert order.status is not None
    assert order.status.is_unknown
    assert order.additional_properties["newField"] == [1]
    assert order.to_dict()["status"] == "x-synthetic-status"


def test_equality_compares_the_fields() -> None:
    assert BookingOrder.from_dict(docs.ORDER) == BookingOrder.from_dict(copy.deepcopy(docs.ORDER))
    assert BookingOrder.from_dict(docs.ORDER) != BookingOrder.from_dict({**docs.ORDER, "reference": "other"})


def test_expiry_helpers_on_a_response_model() -> None:
    reservation = BookingReservation.from_dict(docs.RESERVATION)
    assert reservation.expires_at is not None
    assert reservation.is_expired(now=reservation.expires_at + dt.timedelta(seconds=1))
    assert not reservation.is_expired(now=reservation.expires_at - dt.timedelta(seconds=1))
    assert BookingReservation().expires_in() is None


def test_collection_envelope_parses_its_members() -> None:
    page = OrdersListResponse200.from_dict({"member": [docs.ORDER], "totalItems": 1})
    assert page.total_items == 1
    assert page.member is not None
    assert page.member[0].reference == "KTOLKT-84A749"
    assert page.view is None


def test_merge_patch_request_keeps_absent_and_null_apart() -> None:
    absent = BookingOrderItemTicketPatchWrite.from_dict({})
    assert absent.beneficiary is UNSET
    assert absent.to_dict() == {}


def test_the_rule_reachable_from_a_2xx_response_and_no_request_body() -> None:
    import fastmodels

    class P:  # a minimal stand-in for the generator's property objects
        def __init__(self, kind: str, **kw: object) -> None:
            self.__class__ = type(kind, (P,), {})
            self.__dict__.update(kw)

    def model(name: str, *props: object) -> object:
        m = P("ModelProperty", required_properties=list(props), optional_properties=[], additional_properties=True)
        m.class_info = type("C", (), {"name": name})()  # type: ignore[attr-defined]
        return m

    leaf, shared = model("Leaf"), model("Shared")
    read = model("Read", P("ListProperty", inner_property=leaf), shared)
    write = model("Write", shared)

    def response(prop: object, status: str) -> object:
        return type("R", (), {"prop": prop, "status_code": type("S", (), {"pattern": status})()})()

    endpoint = type(
        "E",
        (),
        {
            "responses": type("Rs", (), {"patterns": [response(read, "200"), response(model("Err"), "422")]})(),
            "bodies": [type("B", (), {"prop": write})()],
        },
    )()
    openapi = type(
        "O",
        (),
        {
            "models": [leaf, shared, read, write],
            "endpoint_collections_by_tag": {"t": type("C", (), {"endpoints": [endpoint]})()},
        },
    )()
    assert fastmodels.response_models(openapi) == {"Read", "Leaf"}


def _response_model_classes() -> list[type]:
    # Response models are the generated modules with a _FIELDS table (response_model.py.jinja).
    found = []
    for name in models.__all__:
        cls = getattr(models, name)
        if hasattr(sys.modules[cls.__module__], "_FIELDS"):
            found.append(cls)
    return found


@pytest.mark.parametrize("cls", _response_model_classes(), ids=lambda c: c.__name__)
def test_every_response_model_keeps_null_and_absent_apart(cls: type) -> None:
    keys = list(sys.modules[cls.__module__]._FIELDS)
    nulls = dict.fromkeys(keys)
    parsed = cls.from_dict(nulls)  # type: ignore[attr-defined]
    assert parsed.to_dict() == nulls
    assert repr(parsed).count("=None") == len(keys)
    empty = cls.from_dict({"@type": cls.__name__})  # type: ignore[attr-defined]
    assert empty.to_dict() == {"@type": cls.__name__}
    assert repr(empty) == f"{cls.__name__}()"
    assert empty.ld_type == cls.__name__
    assert cls() == empty
