from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reservation_item_offer_ticket import ReservationItemOfferTicket


T = TypeVar("T", bound="ReservationItem")


@_attrs_define
class ReservationItem:
    """One reserved offer inside a reservation."""

    amount_incl_tax: Decimal | Unset = UNSET
    """ Amount including taxes (decimal string). """
    amount_excl_tax: Decimal | None | Unset = UNSET
    """ Amount excluding taxes (decimal string), when known. """
    date: datetime.date | None | Unset = UNSET
    """ Date of the reserved offer, if dated. """
    offer: str | Unset = UNSET
    """ Reserved offer (IRI). """
    product: str | Unset = UNSET
    """ Product of the offer (IRI). """
    offer_tickets: list[ReservationItemOfferTicket] | Unset = UNSET
    """ Reserved tickets of the offer, with their session. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_incl_tax: str | Unset = UNSET
        if not isinstance(self.amount_incl_tax, Unset):
            amount_incl_tax = str(self.amount_incl_tax)

        amount_excl_tax: None | str | Unset
        if isinstance(self.amount_excl_tax, Unset):
            amount_excl_tax = UNSET
        elif isinstance(self.amount_excl_tax, Decimal):
            amount_excl_tax = str(self.amount_excl_tax)
        else:
            amount_excl_tax = self.amount_excl_tax

        date: None | str | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        elif isinstance(self.date, datetime.date):
            date = self.date.isoformat()
        else:
            date = self.date

        offer = self.offer

        product = self.product

        offer_tickets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.offer_tickets, Unset):
            offer_tickets = []
            for offer_tickets_item_data in self.offer_tickets:
                offer_tickets_item = offer_tickets_item_data.to_dict()
                offer_tickets.append(offer_tickets_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount_incl_tax is not UNSET:
            field_dict["amountInclTax"] = amount_incl_tax
        if amount_excl_tax is not UNSET:
            field_dict["amountExclTax"] = amount_excl_tax
        if date is not UNSET:
            field_dict["date"] = date
        if offer is not UNSET:
            field_dict["offer"] = offer
        if product is not UNSET:
            field_dict["product"] = product
        if offer_tickets is not UNSET:
            field_dict["offerTickets"] = offer_tickets

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reservation_item_offer_ticket import ReservationItemOfferTicket  # noqa: PLC0415

        d = dict(src_dict)
        _amount_incl_tax = d.pop("amountInclTax", UNSET)
        amount_incl_tax: Decimal | Unset
        if isinstance(_amount_incl_tax, Unset):
            amount_incl_tax = UNSET
        else:
            amount_incl_tax = Decimal(str(_amount_incl_tax))

        def _parse_amount_excl_tax(data: object) -> Decimal | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                amount_excl_tax_type_0 = Decimal(str(data))

                return amount_excl_tax_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | None | Unset, data)

        amount_excl_tax = _parse_amount_excl_tax(d.pop("amountExclTax", UNSET))

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

        offer = d.pop("offer", UNSET)

        product = d.pop("product", UNSET)

        _offer_tickets = d.pop("offerTickets", UNSET)
        offer_tickets: list[ReservationItemOfferTicket] | Unset = UNSET
        if _offer_tickets is not UNSET:
            offer_tickets = []
            for offer_tickets_item_data in _offer_tickets:
                offer_tickets_item = ReservationItemOfferTicket.from_dict(offer_tickets_item_data)

                offer_tickets.append(offer_tickets_item)

        reservation_item = cls(
            amount_incl_tax=amount_incl_tax,
            amount_excl_tax=amount_excl_tax,
            date=date,
            offer=offer,
            product=product,
            offer_tickets=offer_tickets,
        )

        reservation_item.additional_properties = d
        return reservation_item

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
