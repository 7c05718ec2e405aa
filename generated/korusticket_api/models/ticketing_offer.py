from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.offer_price import OfferPrice
    from ..models.ticketing_offer_ticket_in_offer import TicketingOfferTicketInOffer
    from ..models.ticketing_product_in_offer import TicketingProductInOffer


T = TypeVar("T", bound="TicketingOffer")


@_attrs_define
class TicketingOffer:
    """An offer: the price and availability of a product on a date."""

    id: str | Unset = UNSET
    """ Offer identifier (UUIDv7). """
    date: datetime.date | None | Unset = UNSET
    """ Date the offer is valid for; null when the offer is not dated. """
    availability_check_required: bool | Unset = UNSET
    """ True when stock is limited: call the offer's real-time `/availability` before reserving. """
    realtime_price_required: bool | Unset = UNSET
    """ True when the price is dynamic: call the offer's `/price` before reserving. """
    price: OfferPrice | Unset = UNSET
    """ Price of an offer (embedded). """
    product: TicketingProductInOffer | Unset = UNSET
    """ The product of an offer (embedded TicketingProduct). """
    tickets: list[TicketingOfferTicketInOffer] | Unset = UNSET
    """ Tickets contained in the offer. """
    available_quantity: int | None | Unset = UNSET
    """ Remaining stock, close to real time; null means unlimited. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        date: None | str | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        elif isinstance(self.date, datetime.date):
            date = self.date.isoformat()
        else:
            date = self.date

        availability_check_required = self.availability_check_required

        realtime_price_required = self.realtime_price_required

        price: dict[str, Any] | Unset = UNSET
        if not isinstance(self.price, Unset):
            price = self.price.to_dict()

        product: dict[str, Any] | Unset = UNSET
        if not isinstance(self.product, Unset):
            product = self.product.to_dict()

        tickets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.tickets, Unset):
            tickets = []
            for tickets_item_data in self.tickets:
                tickets_item = tickets_item_data.to_dict()
                tickets.append(tickets_item)

        available_quantity: int | None | Unset
        if isinstance(self.available_quantity, Unset):
            available_quantity = UNSET
        else:
            available_quantity = self.available_quantity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if date is not UNSET:
            field_dict["date"] = date
        if availability_check_required is not UNSET:
            field_dict["availabilityCheckRequired"] = availability_check_required
        if realtime_price_required is not UNSET:
            field_dict["realtimePriceRequired"] = realtime_price_required
        if price is not UNSET:
            field_dict["price"] = price
        if product is not UNSET:
            field_dict["product"] = product
        if tickets is not UNSET:
            field_dict["tickets"] = tickets
        if available_quantity is not UNSET:
            field_dict["availableQuantity"] = available_quantity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.offer_price import OfferPrice  # noqa: PLC0415
        from ..models.ticketing_offer_ticket_in_offer import TicketingOfferTicketInOffer  # noqa: PLC0415
        from ..models.ticketing_product_in_offer import TicketingProductInOffer  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        def _parse_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_type_0 = datetime.date.fromisoformat(data)

                return date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        date = _parse_date(d.pop("date", UNSET))

        availability_check_required = d.pop("availabilityCheckRequired", UNSET)

        realtime_price_required = d.pop("realtimePriceRequired", UNSET)

        _price = d.pop("price", UNSET)
        price: OfferPrice | Unset
        if isinstance(_price, Unset):
            price = UNSET
        else:
            price = OfferPrice.from_dict(_price)

        _product = d.pop("product", UNSET)
        product: TicketingProductInOffer | Unset
        if isinstance(_product, Unset):
            product = UNSET
        else:
            product = TicketingProductInOffer.from_dict(_product)

        _tickets = d.pop("tickets", UNSET)
        tickets: list[TicketingOfferTicketInOffer] | Unset = UNSET
        if _tickets is not UNSET:
            tickets = []
            for tickets_item_data in _tickets:
                tickets_item = TicketingOfferTicketInOffer.from_dict(tickets_item_data)

                tickets.append(tickets_item)

        def _parse_available_quantity(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        available_quantity = _parse_available_quantity(d.pop("availableQuantity", UNSET))

        ticketing_offer = cls(
            id=id,
            date=date,
            availability_check_required=availability_check_required,
            realtime_price_required=realtime_price_required,
            price=price,
            product=product,
            tickets=tickets,
            available_quantity=available_quantity,
        )

        ticketing_offer.additional_properties = d
        return ticketing_offer

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
        value = self.additional_properties.get("@id")
        return value if isinstance(value, str) else None

    @property
    def ld_type(self) -> str | None:
        """The JSON-LD ``@type`` of this object, if the server sent one."""
        value = self.additional_properties.get("@type")
        return value if isinstance(value, str) else None
