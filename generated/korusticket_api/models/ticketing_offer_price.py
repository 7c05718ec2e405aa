from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ticketing_offer_price_currency import TicketingOfferPriceCurrency
from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketingOfferPrice")


@_attrs_define
class TicketingOfferPrice:
    """Real-time price of an offer (the how-to shows `@context` /contexts/TicketingOffer and `@type` TicketingOffer)."""

    amount_incl_tax: Decimal | Unset = UNSET
    """ Price including taxes (decimal string). """
    amount_excl_tax: Decimal | None | Unset = UNSET
    """ Price excluding taxes (decimal string); filled only when the ticket issuer supplies it. """
    currency: TicketingOfferPriceCurrency | Unset = UNSET
    """ Currency; only eur is supported for now (the how-to example shows `EUR`). """
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

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount_incl_tax is not UNSET:
            field_dict["amountInclTax"] = amount_incl_tax
        if amount_excl_tax is not UNSET:
            field_dict["amountExclTax"] = amount_excl_tax
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
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

        _currency = d.pop("currency", UNSET)
        currency: TicketingOfferPriceCurrency | Unset
        if isinstance(_currency, Unset):
            currency = UNSET
        else:
            currency = TicketingOfferPriceCurrency(_currency)

        ticketing_offer_price = cls(
            amount_incl_tax=amount_incl_tax,
            amount_excl_tax=amount_excl_tax,
            currency=currency,
        )

        ticketing_offer_price.additional_properties = d
        return ticketing_offer_price

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
