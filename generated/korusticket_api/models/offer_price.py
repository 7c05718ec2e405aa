from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.offer_price_currency import OfferPriceCurrency
from ..types import UNSET, Unset

T = TypeVar("T", bound="OfferPrice")


@_attrs_define
class OfferPrice:
    """Price of an offer (embedded)."""

    amount_incl_tax: Decimal | Unset = UNSET
    """ Price including taxes (decimal string). """
    original_amount_incl_tax: Decimal | None | Unset = UNSET
    """ Price including taxes before discount (decimal string), if any. """
    currency: OfferPriceCurrency | Unset = UNSET
    """ Currency; only eur is supported for now (a how-to example shows `EUR`). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount_incl_tax: str | Unset = UNSET
        if not isinstance(self.amount_incl_tax, Unset):
            amount_incl_tax = str(self.amount_incl_tax)

        original_amount_incl_tax: None | str | Unset
        if isinstance(self.original_amount_incl_tax, Unset):
            original_amount_incl_tax = UNSET
        elif isinstance(self.original_amount_incl_tax, Decimal):
            original_amount_incl_tax = str(self.original_amount_incl_tax)
        else:
            original_amount_incl_tax = self.original_amount_incl_tax

        currency: str | Unset = UNSET
        if not isinstance(self.currency, Unset):
            currency = self.currency.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount_incl_tax is not UNSET:
            field_dict["amountInclTax"] = amount_incl_tax
        if original_amount_incl_tax is not UNSET:
            field_dict["originalAmountInclTax"] = original_amount_incl_tax
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

        def _parse_original_amount_incl_tax(data: object) -> Decimal | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                original_amount_incl_tax_type_0 = Decimal(str(data))

                return original_amount_incl_tax_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | None | Unset, data)

        original_amount_incl_tax = _parse_original_amount_incl_tax(d.pop("originalAmountInclTax", UNSET))

        _currency = d.pop("currency", UNSET)
        currency: OfferPriceCurrency | Unset
        if isinstance(_currency, Unset):
            currency = UNSET
        else:
            currency = OfferPriceCurrency(_currency)

        offer_price = cls(
            amount_incl_tax=amount_incl_tax,
            original_amount_incl_tax=original_amount_incl_tax,
            currency=currency,
        )

        offer_price.additional_properties = d
        return offer_price

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
