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
from .._checks import null as _null

if TYPE_CHECKING:
    from ..models.booking_order_item_ticket_in_order import BookingOrderItemTicketInOrder


T = TypeVar("T", bound="OrderItem")

# JSON key -> attribute, in declaration order
_FIELDS: dict[str, str] = {
    "amountInclTax": "amount_incl_tax",
    "amountExclTax": "amount_excl_tax",
    "date": "date",
    "product": "product",
    "tickets": "tickets",
}


@_attrs_define(repr=False)
class OrderItem:
    """One ordered item (embedded; JSON-LD `@type` OrderItem, blank-node `@id` such as /.well-
    known/genid/132ddf0cb624270e4245)."""

    amount_incl_tax: Decimal | None = None
    """ Amount including taxes (decimal string). """
    amount_excl_tax: Decimal | None = None
    """ Amount excluding taxes (decimal string). """
    date: datetime.date | None = None
    """ Date of the ordered offer, if dated. """
    product: str | None = None
    """ Ordered product (IRI). """
    tickets: list[BookingOrderItemTicketInOrder] | None = None
    """ Tickets issued for this item. """
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
        _amount_incl_tax = get("amountInclTax")
        if _amount_incl_tax is not None:
            _d = _DECIMALS.get(_amount_incl_tax)
            _amount_incl_tax = _decimal(_amount_incl_tax, "amountInclTax", check) if _d is None else _d
        elif check and "amountInclTax" in src_dict:
            _null("amountInclTax")
        obj.amount_incl_tax = _amount_incl_tax
        _amount_excl_tax = get("amountExclTax")
        if _amount_excl_tax is not None:
            _d = _DECIMALS.get(_amount_excl_tax)
            _amount_excl_tax = _decimal(_amount_excl_tax, "amountExclTax", check) if _d is None else _d
        elif check and "amountExclTax" in src_dict:
            _null("amountExclTax")
        obj.amount_excl_tax = _amount_excl_tax
        _date = get("date")
        if _date is not None:
            _date = datetime.date.fromisoformat(_date)
        obj.date = _date
        obj.product = _product = get("product")
        if type(_product) is not str and check and (_product is not None or "product" in src_dict):
            _expect(_product, (str,), "product")
        _tickets = get("tickets")
        if _tickets is not None:
            if type(_tickets) is not list and check:
                _expect(_tickets, (list,), "tickets")
            _tickets = [_BookingOrderItemTicketInOrder.from_dict(x, check) for x in _tickets]
        elif check and "tickets" in src_dict:
            _null("tickets")
        obj.tickets = _tickets
        obj._src = src_dict
        obj._extra = None
        return obj

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        src = self._src
        _amount_incl_tax = self.amount_incl_tax
        if _amount_incl_tax is not None:
            field_dict["amountInclTax"] = str(_amount_incl_tax)
        elif "amountInclTax" in src:
            field_dict["amountInclTax"] = None
        _amount_excl_tax = self.amount_excl_tax
        if _amount_excl_tax is not None:
            field_dict["amountExclTax"] = str(_amount_excl_tax)
        elif "amountExclTax" in src:
            field_dict["amountExclTax"] = None
        _date = self.date
        if _date is not None:
            field_dict["date"] = _date.isoformat()
        elif "date" in src:
            field_dict["date"] = None
        _product = self.product
        if _product is not None:
            field_dict["product"] = _product
        elif "product" in src:
            field_dict["product"] = None
        _tickets = self.tickets
        if _tickets is not None:
            field_dict["tickets"] = [x.to_dict() for x in _tickets]
        elif "tickets" in src:
            field_dict["tickets"] = None
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
from ..models.booking_order_item_ticket_in_order import (
    BookingOrderItemTicketInOrder as _BookingOrderItemTicketInOrder,  # noqa: E402
)
