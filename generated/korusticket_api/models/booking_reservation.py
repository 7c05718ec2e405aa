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
from ..models.booking_reservation_seats_arrangement import (
    BookingReservationSeatsArrangement,
)
from ..models.booking_reservation_status import BookingReservationStatus

if TYPE_CHECKING:
    from ..models.reservation_item import ReservationItem


T = TypeVar("T", bound="BookingReservation")

# JSON key -> attribute, in declaration order
_FIELDS: dict[str, str] = {
    "expired": "expired",
    "catalog": "catalog",
    "id": "id",
    "createdAt": "created_at",
    "totalAmountInclTax": "total_amount_incl_tax",
    "totalAmountExclTax": "total_amount_excl_tax",
    "expiresAt": "expires_at",
    "items": "items",
    "organization": "organization",
    "order": "order",
    "seatsArrangement": "seats_arrangement",
    "releasable": "releasable",
    "status": "status",
}
_BookingReservationSeatsArrangement_BY_VALUE: dict[str, BookingReservationSeatsArrangement] = {
    member.value: member for member in BookingReservationSeatsArrangement
}
_BookingReservationStatus_BY_VALUE: dict[str, BookingReservationStatus] = {
    member.value: member for member in BookingReservationStatus
}


@_attrs_define(repr=False)
class BookingReservation:
    """A reservation: holds one or more offers (availability and price) for a limited time."""

    expired: bool | None = None
    """ True once the reservation has passed its expiry time. """
    catalog: str | None = None
    """ Catalog (IRI) of the reserved offers. """
    id: str | None = None
    """ Reservation identifier (UUIDv7). """
    created_at: datetime.datetime | None = None
    """ Creation time. """
    total_amount_incl_tax: Decimal | None = None
    """ Total amount including taxes (decimal string). """
    total_amount_excl_tax: Decimal | None = None
    """ Total amount excluding taxes (decimal string), when known. """
    expires_at: datetime.datetime | None = None
    """ Time at which the reservation expires. Each reservation has its own expiry. """
    items: list[ReservationItem] | None = None
    """ Reserved items, one per offer. """
    organization: str | None = None
    """ Organization (IRI) owning the reservation. """
    order: None | str = None
    """ Order (IRI) created from this reservation, if any. """
    seats_arrangement: BookingReservationSeatsArrangement | None = None
    """ Whether the reserved seats are adjacent. """
    releasable: bool | None = None
    """ Whether the reservation can be released. """
    status: BookingReservationStatus | None = None
    """ Reservation status. """
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
        obj.expired = _expired = get("expired")
        if type(_expired) is not bool and check and (_expired is not None or "expired" in src_dict):
            _expect(_expired, (bool,), "expired")
        obj.catalog = _catalog = get("catalog")
        if type(_catalog) is not str and check and (_catalog is not None or "catalog" in src_dict):
            _expect(_catalog, (str,), "catalog")
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
        obj.total_amount_excl_tax = _total_amount_excl_tax
        _expires_at = get("expiresAt")
        if _expires_at is not None:
            _expires_at = datetime.datetime.fromisoformat(_expires_at)
            if _expires_at.tzinfo is None and check:
                _naive("expiresAt")
        elif check and "expiresAt" in src_dict:
            _null("expiresAt")
        obj.expires_at = _expires_at
        _items = get("items")
        if _items is not None:
            if type(_items) is not list and check:
                _expect(_items, (list,), "items")
            _items = [_ReservationItem.from_dict(x, check) for x in _items]
        elif check and "items" in src_dict:
            _null("items")
        obj.items = _items
        obj.organization = _organization = get("organization")
        if type(_organization) is not str and check and (_organization is not None or "organization" in src_dict):
            _expect(_organization, (str,), "organization")
        obj.order = _order = get("order")
        if type(_order) is not str and check and _order is not None:
            _expect(_order, (str,), "order")
        _seats_arrangement = get("seatsArrangement")
        if _seats_arrangement is not None:
            _seats_arrangement = _BookingReservationSeatsArrangement_BY_VALUE.get(
                _seats_arrangement
            ) or BookingReservationSeatsArrangement(_seats_arrangement)
        elif check and "seatsArrangement" in src_dict:
            _null("seatsArrangement")
        obj.seats_arrangement = _seats_arrangement
        obj.releasable = _releasable = get("releasable")
        if type(_releasable) is not bool and check and (_releasable is not None or "releasable" in src_dict):
            _expect(_releasable, (bool,), "releasable")
        _status = get("status")
        if _status is not None:
            _status = _BookingReservationStatus_BY_VALUE.get(_status) or BookingReservationStatus(_status)
        elif check and "status" in src_dict:
            _null("status")
        obj.status = _status
        obj._src = src_dict
        obj._extra = None
        return obj

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        src = self._src
        _expired = self.expired
        if _expired is not None:
            field_dict["expired"] = _expired
        elif "expired" in src:
            field_dict["expired"] = None
        _catalog = self.catalog
        if _catalog is not None:
            field_dict["catalog"] = _catalog
        elif "catalog" in src:
            field_dict["catalog"] = None
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
        _expires_at = self.expires_at
        if _expires_at is not None:
            field_dict["expiresAt"] = _expires_at.isoformat()
        elif "expiresAt" in src:
            field_dict["expiresAt"] = None
        _items = self.items
        if _items is not None:
            field_dict["items"] = [x.to_dict() for x in _items]
        elif "items" in src:
            field_dict["items"] = None
        _organization = self.organization
        if _organization is not None:
            field_dict["organization"] = _organization
        elif "organization" in src:
            field_dict["organization"] = None
        _order = self.order
        if _order is not None:
            field_dict["order"] = _order
        elif "order" in src:
            field_dict["order"] = None
        _seats_arrangement = self.seats_arrangement
        if _seats_arrangement is not None:
            field_dict["seatsArrangement"] = _seats_arrangement.value
        elif "seatsArrangement" in src:
            field_dict["seatsArrangement"] = None
        _releasable = self.releasable
        if _releasable is not None:
            field_dict["releasable"] = _releasable
        elif "releasable" in src:
            field_dict["releasable"] = None
        _status = self.status
        if _status is not None:
            field_dict["status"] = _status.value
        elif "status" in src:
            field_dict["status"] = None
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

    # KORUSTICKET: lifetime helpers for anything that expires (reservations hold seats until expiresAt).
    def expires_in(self, now: datetime.datetime | None = None) -> datetime.timedelta | None:
        """Time left until ``expiresAt`` (negative once past), from ``now`` (default: the current UTC time)."""
        if not isinstance(self.expires_at, datetime.datetime):
            return None
        return self.expires_at - (now or datetime.datetime.now(datetime.UTC))

    def is_expired(self, now: datetime.datetime | None = None) -> bool:
        """Whether ``expiresAt`` has passed at ``now`` (False when the server sent no expiry)."""
        left = self.expires_in(now)
        return left is not None and left <= datetime.timedelta(0)

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
from ..models.reservation_item import ReservationItem as _ReservationItem  # noqa: E402
