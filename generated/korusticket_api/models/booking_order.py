from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import DECIMALS as _DECIMALS
from .._checks import decimal as _decimal
from .._checks import expect as _expect
from .._checks import naive as _naive
from .._checks import null as _null
from ..models.booking_order_status import BookingOrderStatus

if TYPE_CHECKING:
    from ..models.order_customer import OrderCustomer
    from ..models.order_item import OrderItem


T = TypeVar("T", bound="BookingOrder")

# JSON key -> attribute, in declaration order
_FIELDS: dict[str, str] = {
    "id": "id",
    "createdAt": "created_at",
    "catalog": "catalog",
    "organization": "organization",
    "reference": "reference",
    "externalReference": "external_reference",
    "connectorReference": "connector_reference",
    "totalAmountInclTax": "total_amount_incl_tax",
    "totalAmountExclTax": "total_amount_excl_tax",
    "customer": "customer",
    "status": "status",
    "cancelledAt": "cancelled_at",
    "items": "items",
}
_BookingOrderStatus_BY_VALUE: dict[str, BookingOrderStatus] = {member.value: member for member in BookingOrderStatus}


@_attrs_define(repr=False)
class BookingOrder:
    """An order: confirmed purchase created from reservations for a customer."""

    id: str | None = None
    """ Order identifier (UUIDv7). """
    created_at: datetime.datetime | None = None
    """ Creation time. """
    catalog: str | None = None
    """ Catalog (IRI) of the order. """
    organization: str | None = None
    """ Organization (IRI) owning the order. """
    reference: str | None = None
    """ KorusTicket order reference. """
    external_reference: None | str = None
    """ The caller's own reference (filter with `external_reference`). """
    connector_reference: None | str = None
    """ Reference of the order in the upstream ticketing system. """
    total_amount_incl_tax: Decimal | None = None
    """ Total amount including taxes (decimal string). """
    total_amount_excl_tax: Decimal | None = None
    """ Total amount excluding taxes (decimal string). """
    customer: OrderCustomer | None = None
    """ The customer of an order (embedded; JSON-LD `@type` OrderCustomer, blank-node `@id` such as /.well-
    known/genid/659ea7d58fe6d29dcf2e). """
    status: BookingOrderStatus | None = None
    """ Order status. """
    cancelled_at: datetime.datetime | None = None
    """ Cancellation time, if cancelled. """
    items: list[OrderItem] | None = None
    """ Ordered items. """
    # from_dict(check=True) of this model and of every model it nests checks every field
    _CHECKED = True
    _src: Mapping[str, Any] = _attrs_field(init=False, factory=dict, repr=False, eq=False)
    _extra: dict[str, Any] | None = _attrs_field(init=False, default=None, repr=False, eq=False)

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any], check: bool = False) -> T:
        """The model of a decoded JSON object. With ``check``, a value that does not fit the spec
        raises (TypeError, ValueError or KeyError) instead of being taken as it comes."""
        obj = cls.__new__(cls)
        get = src_dict.get
        obj.id = _id = get("id")
        if type(_id) is not str and check and (_id is not None or "id" in src_dict):
            _expect(_id, (str,), "id")
        _created_at = get("createdAt")
        if _created_at is not None:
            _created_at = datetime.datetime.fromisoformat(_created_at)
            if _created_at.tzinfo is None and check:
                _naive("createdAt")
        elif check and "createdAt" in src_dict:
            _null("createdAt")
        obj.created_at = _created_at
        obj.catalog = _catalog = get("catalog")
        if type(_catalog) is not str and check and (_catalog is not None or "catalog" in src_dict):
            _expect(_catalog, (str,), "catalog")
        obj.organization = _organization = get("organization")
        if type(_organization) is not str and check and (_organization is not None or "organization" in src_dict):
            _expect(_organization, (str,), "organization")
        obj.reference = _reference = get("reference")
        if type(_reference) is not str and check and (_reference is not None or "reference" in src_dict):
            _expect(_reference, (str,), "reference")
        obj.external_reference = _external_reference = get("externalReference")
        if type(_external_reference) is not str and check and _external_reference is not None:
            _expect(_external_reference, (str,), "externalReference")
        obj.connector_reference = _connector_reference = get("connectorReference")
        if type(_connector_reference) is not str and check and _connector_reference is not None:
            _expect(_connector_reference, (str,), "connectorReference")
        _total_amount_incl_tax = get("totalAmountInclTax")
        if _total_amount_incl_tax is not None:
            _d = _DECIMALS.get(_total_amount_incl_tax)
            _total_amount_incl_tax = _decimal(_total_amount_incl_tax, "totalAmountInclTax", check) if _d is None else _d
        elif check and "totalAmountInclTax" in src_dict:
            _null("totalAmountInclTax")
        obj.total_amount_incl_tax = _total_amount_incl_tax
        _total_amount_excl_tax = get("totalAmountExclTax")
        if _total_amount_excl_tax is not None:
            _d = _DECIMALS.get(_total_amount_excl_tax)
            _total_amount_excl_tax = _decimal(_total_amount_excl_tax, "totalAmountExclTax", check) if _d is None else _d
        elif check and "totalAmountExclTax" in src_dict:
            _null("totalAmountExclTax")
        obj.total_amount_excl_tax = _total_amount_excl_tax
        _customer = get("customer")
        if _customer is not None:
            _customer = _OrderCustomer.from_dict(_customer, check)
        elif check and "customer" in src_dict:
            _null("customer")
        obj.customer = _customer
        _status = get("status")
        if _status is not None:
            _status = _BookingOrderStatus_BY_VALUE.get(_status) or BookingOrderStatus(_status)
        elif check and "status" in src_dict:
            _null("status")
        obj.status = _status
        _cancelled_at = get("cancelledAt")
        if _cancelled_at is not None:
            _cancelled_at = datetime.datetime.fromisoformat(_cancelled_at)
            if _cancelled_at.tzinfo is None and check:
                _naive("cancelledAt")
        obj.cancelled_at = _cancelled_at
        _items = get("items")
        if _items is not None:
            if type(_items) is not list and check:
                _expect(_items, (list,), "items")
            _items = [_OrderItem.from_dict(x, check) for x in _items]
        elif check and "items" in src_dict:
            _null("items")
        obj.items = _items
        obj._src = src_dict
        obj._extra = None
        return obj

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        src = self._src
        _id = self.id
        if _id is not None:
            field_dict["id"] = _id
        elif "id" in src:
            field_dict["id"] = None
        _created_at = self.created_at
        if _created_at is not None:
            field_dict["createdAt"] = _created_at.isoformat()
        elif "createdAt" in src:
            field_dict["createdAt"] = None
        _catalog = self.catalog
        if _catalog is not None:
            field_dict["catalog"] = _catalog
        elif "catalog" in src:
            field_dict["catalog"] = None
        _organization = self.organization
        if _organization is not None:
            field_dict["organization"] = _organization
        elif "organization" in src:
            field_dict["organization"] = None
        _reference = self.reference
        if _reference is not None:
            field_dict["reference"] = _reference
        elif "reference" in src:
            field_dict["reference"] = None
        _external_reference = self.external_reference
        if _external_reference is not None:
            field_dict["externalReference"] = _external_reference
        elif "externalReference" in src:
            field_dict["externalReference"] = None
        _connector_reference = self.connector_reference
        if _connector_reference is not None:
            field_dict["connectorReference"] = _connector_reference
        elif "connectorReference" in src:
            field_dict["connectorReference"] = None
        _total_amount_incl_tax = self.total_amount_incl_tax
        if _total_amount_incl_tax is not None:
            field_dict["totalAmountInclTax"] = str(_total_amount_incl_tax)
        elif "totalAmountInclTax" in src:
            field_dict["totalAmountInclTax"] = None
        _total_amount_excl_tax = self.total_amount_excl_tax
        if _total_amount_excl_tax is not None:
            field_dict["totalAmountExclTax"] = str(_total_amount_excl_tax)
        elif "totalAmountExclTax" in src:
            field_dict["totalAmountExclTax"] = None
        _customer = self.customer
        if _customer is not None:
            field_dict["customer"] = _customer.to_dict()
        elif "customer" in src:
            field_dict["customer"] = None
        _status = self.status
        if _status is not None:
            field_dict["status"] = _status.value
        elif "status" in src:
            field_dict["status"] = None
        _cancelled_at = self.cancelled_at
        if _cancelled_at is not None:
            field_dict["cancelledAt"] = _cancelled_at.isoformat()
        elif "cancelledAt" in src:
            field_dict["cancelledAt"] = None
        _items = self.items
        if _items is not None:
            field_dict["items"] = [x.to_dict() for x in _items]
        elif "items" in src:
            field_dict["items"] = None
        return field_dict

    @property
    def additional_properties(self) -> dict[str, Any]:
        """The keys of the source the model does not declare (JSON-LD ``@id``, ``@type``, new fields)."""
        extra = self._extra
        if extra is None:
            extra = self._extra = {k: v for k, v in self._src.items() if k not in _FIELDS}
        return extra

    @additional_properties.setter
    def additional_properties(self, value: dict[str, Any]) -> None:
        self._extra = value

    def __repr__(self) -> str:
        """The fields that are set or that the server sent (as null)."""
        src = self._src
        shown = []
        for key, name in _FIELDS.items():
            value = getattr(self, name)
            if value is not None or key in src:
                shown.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

    # KORUSTICKET: JSON-LD identity. The preprocessor removes @id/@type from the declared
    # properties (they collide with id/type); the values stay in additional_properties.
    @property
    def iri(self) -> str | None:
        """The JSON-LD ``@id`` of this object, if the server sent one."""
        value = (self._src if self._extra is None else self._extra).get("@id")
        return value if isinstance(value, str) else None

    @property
    def ld_type(self) -> str | None:
        """The JSON-LD ``@type`` of this object, if the server sent one."""
        value = (self._src if self._extra is None else self._extra).get("@type")
        return value if isinstance(value, str) else None


# Nested models, imported once the classes above exist (import cycles between models resolve).
from ..models.order_customer import OrderCustomer as _OrderCustomer  # noqa: E402
from ..models.order_item import OrderItem as _OrderItem  # noqa: E402
