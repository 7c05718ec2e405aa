from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import expect as _expect
from .._checks import null as _null

if TYPE_CHECKING:
    from ..models.offer_price import OfferPrice
    from ..models.ticketing_offer_ticket_in_offer import TicketingOfferTicketInOffer
    from ..models.ticketing_product_in_offer import TicketingProductInOffer


T = TypeVar("T", bound="TicketingOffer")

# JSON key -> attribute, in declaration order
_FIELDS: dict[str, str] = {
    "id": "id",
    "date": "date",
    "availabilityCheckRequired": "availability_check_required",
    "realtimePriceRequired": "realtime_price_required",
    "price": "price",
    "product": "product",
    "tickets": "tickets",
    "availableQuantity": "available_quantity",
}


@_attrs_define(repr=False)
class TicketingOffer:
    """An offer: the price and availability of a product on a date."""

    id: str | None = None
    """ Offer identifier (UUIDv7). """
    date: datetime.date | None = None
    """ Date the offer is valid for; null when the offer is not dated. """
    availability_check_required: bool | None = None
    """ True when stock is limited: call the offer's real-time `/availability` before reserving. """
    realtime_price_required: bool | None = None
    """ True when the price is dynamic: call the offer's `/price` before reserving. """
    price: OfferPrice | None = None
    """ Price of an offer (embedded). """
    product: TicketingProductInOffer | None = None
    """ The product of an offer (embedded TicketingProduct). """
    tickets: list[TicketingOfferTicketInOffer] | None = None
    """ Tickets contained in the offer. """
    available_quantity: int | None = None
    """ Remaining stock, close to real time; null means unlimited. """
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
        _date = get("date")
        if _date is not None:
            _date = datetime.date.fromisoformat(_date)
        obj.date = _date
        obj.availability_check_required = _availability_check_required = get("availabilityCheckRequired")
        if (
            type(_availability_check_required) is not bool
            and check
            and (_availability_check_required is not None or "availabilityCheckRequired" in src_dict)
        ):
            _expect(_availability_check_required, (bool,), "availabilityCheckRequired")
        obj.realtime_price_required = _realtime_price_required = get("realtimePriceRequired")
        if (
            type(_realtime_price_required) is not bool
            and check
            and (_realtime_price_required is not None or "realtimePriceRequired" in src_dict)
        ):
            _expect(_realtime_price_required, (bool,), "realtimePriceRequired")
        _price = get("price")
        if _price is not None:
            _price = _OfferPrice.from_dict(_price, check)
        elif check and "price" in src_dict:
            _null("price")
        obj.price = _price
        _product = get("product")
        if _product is not None:
            _product = _TicketingProductInOffer.from_dict(_product, check)
        elif check and "product" in src_dict:
            _null("product")
        obj.product = _product
        _tickets = get("tickets")
        if _tickets is not None:
            if type(_tickets) is not list and check:
                _expect(_tickets, (list,), "tickets")
            _tickets = [_TicketingOfferTicketInOffer.from_dict(x, check) for x in _tickets]
        elif check and "tickets" in src_dict:
            _null("tickets")
        obj.tickets = _tickets
        obj.available_quantity = _available_quantity = get("availableQuantity")
        if type(_available_quantity) is not int and check and _available_quantity is not None:
            _expect(_available_quantity, (int,), "availableQuantity")
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
        _date = self.date
        if _date is not None:
            field_dict["date"] = _date.isoformat()
        elif "date" in src:
            field_dict["date"] = None
        _availability_check_required = self.availability_check_required
        if _availability_check_required is not None:
            field_dict["availabilityCheckRequired"] = _availability_check_required
        elif "availabilityCheckRequired" in src:
            field_dict["availabilityCheckRequired"] = None
        _realtime_price_required = self.realtime_price_required
        if _realtime_price_required is not None:
            field_dict["realtimePriceRequired"] = _realtime_price_required
        elif "realtimePriceRequired" in src:
            field_dict["realtimePriceRequired"] = None
        _price = self.price
        if _price is not None:
            field_dict["price"] = _price.to_dict()
        elif "price" in src:
            field_dict["price"] = None
        _product = self.product
        if _product is not None:
            field_dict["product"] = _product.to_dict()
        elif "product" in src:
            field_dict["product"] = None
        _tickets = self.tickets
        if _tickets is not None:
            field_dict["tickets"] = [x.to_dict() for x in _tickets]
        elif "tickets" in src:
            field_dict["tickets"] = None
        _available_quantity = self.available_quantity
        if _available_quantity is not None:
            field_dict["availableQuantity"] = _available_quantity
        elif "availableQuantity" in src:
            field_dict["availableQuantity"] = None
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
from ..models.offer_price import OfferPrice as _OfferPrice  # noqa: E402
from ..models.ticketing_offer_ticket_in_offer import (
    TicketingOfferTicketInOffer as _TicketingOfferTicketInOffer,  # noqa: E402
)
from ..models.ticketing_product_in_offer import (
    TicketingProductInOffer as _TicketingProductInOffer,  # noqa: E402
)
