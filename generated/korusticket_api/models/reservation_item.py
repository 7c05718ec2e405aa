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
    from ..models.reservation_item_offer_ticket import ReservationItemOfferTicket


T = TypeVar("T", bound="ReservationItem")

# JSON key -> attribute, in declaration order
_FIELDS: dict[str, str] = {
    "amountInclTax": "amount_incl_tax",
    "amountExclTax": "amount_excl_tax",
    "date": "date",
    "offer": "offer",
    "product": "product",
    "offerTickets": "offer_tickets",
}


@_attrs_define(repr=False)
class ReservationItem:
    """One reserved offer inside a reservation."""

    amount_incl_tax: Decimal | None = None
    """ Amount including taxes (decimal string). """
    amount_excl_tax: Decimal | None = None
    """ Amount excluding taxes (decimal string), when known. """
    date: datetime.date | None = None
    """ Date of the reserved offer, if dated. """
    offer: str | None = None
    """ Reserved offer (IRI). """
    product: str | None = None
    """ Product of the offer (IRI). """
    offer_tickets: list[ReservationItemOfferTicket] | None = None
    """ Reserved tickets of the offer, with their session. """
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
        obj.amount_excl_tax = _amount_excl_tax
        _date = get("date")
        if _date is not None:
            _date = datetime.date.fromisoformat(_date)
        obj.date = _date
        obj.offer = _offer = get("offer")
        if type(_offer) is not str and check and (_offer is not None or "offer" in src_dict):
            _expect(_offer, (str,), "offer")
        obj.product = _product = get("product")
        if type(_product) is not str and check and (_product is not None or "product" in src_dict):
            _expect(_product, (str,), "product")
        _offer_tickets = get("offerTickets")
        if _offer_tickets is not None:
            if type(_offer_tickets) is not list and check:
                _expect(_offer_tickets, (list,), "offerTickets")
            _offer_tickets = [_ReservationItemOfferTicket.from_dict(x, check) for x in _offer_tickets]
        elif check and "offerTickets" in src_dict:
            _null("offerTickets")
        obj.offer_tickets = _offer_tickets
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
        _offer = self.offer
        if _offer is not None:
            field_dict["offer"] = _offer
        elif "offer" in src:
            field_dict["offer"] = None
        _product = self.product
        if _product is not None:
            field_dict["product"] = _product
        elif "product" in src:
            field_dict["product"] = None
        _offer_tickets = self.offer_tickets
        if _offer_tickets is not None:
            field_dict["offerTickets"] = [x.to_dict() for x in _offer_tickets]
        elif "offerTickets" in src:
            field_dict["offerTickets"] = None
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
from ..models.reservation_item_offer_ticket import (
    ReservationItemOfferTicket as _ReservationItemOfferTicket,  # noqa: E402
)
