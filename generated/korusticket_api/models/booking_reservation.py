from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.booking_reservation_seats_arrangement import (
    BookingReservationSeatsArrangement,
)
from ..models.booking_reservation_status import BookingReservationStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reservation_item import ReservationItem


T = TypeVar("T", bound="BookingReservation")


@_attrs_define
class BookingReservation:
    """A reservation: holds one or more offers (availability and price) for a limited time."""

    expired: bool | Unset = UNSET
    """ True once the reservation has passed its expiry time. """
    catalog: str | Unset = UNSET
    """ Catalog (IRI) of the reserved offers. """
    id: str | Unset = UNSET
    """ Reservation identifier (UUIDv7). """
    created_at: datetime.datetime | Unset = UNSET
    """ Creation time. """
    total_amount_incl_tax: Decimal | Unset = UNSET
    """ Total amount including taxes (decimal string). """
    total_amount_excl_tax: Decimal | None | Unset = UNSET
    """ Total amount excluding taxes (decimal string), when known. """
    expires_at: datetime.datetime | Unset = UNSET
    """ Time at which the reservation expires. Each reservation has its own expiry. """
    items: list[ReservationItem] | Unset = UNSET
    """ Reserved items, one per offer. """
    organization: str | Unset = UNSET
    """ Organization (IRI) owning the reservation. """
    order: None | str | Unset = UNSET
    """ Order (IRI) created from this reservation, if any. """
    seats_arrangement: BookingReservationSeatsArrangement | Unset = UNSET
    """ Whether the reserved seats are adjacent. """
    releasable: bool | Unset = UNSET
    """ Whether the reservation can be released. """
    status: BookingReservationStatus | Unset = UNSET
    """ Reservation status. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expired = self.expired

        catalog = self.catalog

        id = self.id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        total_amount_incl_tax: str | Unset = UNSET
        if not isinstance(self.total_amount_incl_tax, Unset):
            total_amount_incl_tax = str(self.total_amount_incl_tax)

        total_amount_excl_tax: None | str | Unset
        if isinstance(self.total_amount_excl_tax, Unset):
            total_amount_excl_tax = UNSET
        elif isinstance(self.total_amount_excl_tax, Decimal):
            total_amount_excl_tax = str(self.total_amount_excl_tax)
        else:
            total_amount_excl_tax = self.total_amount_excl_tax

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        organization = self.organization

        order: None | str | Unset
        if isinstance(self.order, Unset):
            order = UNSET
        else:
            order = self.order

        seats_arrangement: str | Unset = UNSET
        if not isinstance(self.seats_arrangement, Unset):
            seats_arrangement = self.seats_arrangement.value

        releasable = self.releasable

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if expired is not UNSET:
            field_dict["expired"] = expired
        if catalog is not UNSET:
            field_dict["catalog"] = catalog
        if id is not UNSET:
            field_dict["id"] = id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if total_amount_incl_tax is not UNSET:
            field_dict["totalAmountInclTax"] = total_amount_incl_tax
        if total_amount_excl_tax is not UNSET:
            field_dict["totalAmountExclTax"] = total_amount_excl_tax
        if expires_at is not UNSET:
            field_dict["expiresAt"] = expires_at
        if items is not UNSET:
            field_dict["items"] = items
        if organization is not UNSET:
            field_dict["organization"] = organization
        if order is not UNSET:
            field_dict["order"] = order
        if seats_arrangement is not UNSET:
            field_dict["seatsArrangement"] = seats_arrangement
        if releasable is not UNSET:
            field_dict["releasable"] = releasable
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reservation_item import ReservationItem  # noqa: PLC0415

        d = dict(src_dict)
        expired = d.pop("expired", UNSET)

        catalog = d.pop("catalog", UNSET)

        id = d.pop("id", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _total_amount_incl_tax = d.pop("totalAmountInclTax", UNSET)
        total_amount_incl_tax: Decimal | Unset
        if isinstance(_total_amount_incl_tax, Unset):
            total_amount_incl_tax = UNSET
        else:
            total_amount_incl_tax = Decimal(str(_total_amount_incl_tax))

        def _parse_total_amount_excl_tax(data: object) -> Decimal | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                total_amount_excl_tax_type_0 = Decimal(str(data))

                return total_amount_excl_tax_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Decimal | None | Unset, data)

        total_amount_excl_tax = _parse_total_amount_excl_tax(d.pop("totalAmountExclTax", UNSET))

        _expires_at = d.pop("expiresAt", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        _items = d.pop("items", UNSET)
        items: list[ReservationItem] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = ReservationItem.from_dict(items_item_data)

                items.append(items_item)

        organization = d.pop("organization", UNSET)

        def _parse_order(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        order = _parse_order(d.pop("order", UNSET))

        _seats_arrangement = d.pop("seatsArrangement", UNSET)
        seats_arrangement: BookingReservationSeatsArrangement | Unset
        if isinstance(_seats_arrangement, Unset):
            seats_arrangement = UNSET
        else:
            seats_arrangement = BookingReservationSeatsArrangement(_seats_arrangement)

        releasable = d.pop("releasable", UNSET)

        _status = d.pop("status", UNSET)
        status: BookingReservationStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = BookingReservationStatus(_status)

        booking_reservation = cls(
            expired=expired,
            catalog=catalog,
            id=id,
            created_at=created_at,
            total_amount_incl_tax=total_amount_incl_tax,
            total_amount_excl_tax=total_amount_excl_tax,
            expires_at=expires_at,
            items=items,
            organization=organization,
            order=order,
            seats_arrangement=seats_arrangement,
            releasable=releasable,
            status=status,
        )

        booking_reservation.additional_properties = d
        return booking_reservation

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
        value = self.additional_properties.get("@id")
        return value if isinstance(value, str) else None

    @property
    def ld_type(self) -> str | None:
        """The JSON-LD ``@type`` of this object, if the server sent one."""
        value = self.additional_properties.get("@type")
        return value if isinstance(value, str) else None
