from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import DECIMALS as _DECIMALS
from .._checks import decimal as _decimal
from .._checks import null as _null
from ..models.ticketing_offer_price_currency import TicketingOfferPriceCurrency

T = TypeVar("T", bound="TicketingOfferPrice")

# JSON key -> attribute, in declaration order
_FIELDS: dict[str, str] = {
    "amountInclTax": "amount_incl_tax",
    "amountExclTax": "amount_excl_tax",
    "currency": "currency",
}
_TicketingOfferPriceCurrency_BY_VALUE: dict[str, TicketingOfferPriceCurrency] = {
    member.value: member for member in TicketingOfferPriceCurrency
}


@_attrs_define(repr=False)
class TicketingOfferPrice:
    """Real-time price of an offer (the how-to shows `@context` /contexts/TicketingOffer and `@type` TicketingOffer)."""

    amount_incl_tax: Decimal | None = None
    """ Price including taxes (decimal string). """
    amount_excl_tax: Decimal | None = None
    """ Price excluding taxes (decimal string); filled only when the ticket issuer supplies it. """
    currency: TicketingOfferPriceCurrency | None = None
    """ Currency; only eur is supported for now (the reference). The how-to price example answers `EUR`, so both
    spellings are accepted. """
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
        _currency = get("currency")
        if _currency is not None:
            _currency = _TicketingOfferPriceCurrency_BY_VALUE.get(_currency) or TicketingOfferPriceCurrency(_currency)
        elif check and "currency" in src_dict:
            _null("currency")
        obj.currency = _currency
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
        _currency = self.currency
        if _currency is not None:
            field_dict["currency"] = _currency.value
        elif "currency" in src:
            field_dict["currency"] = None
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
