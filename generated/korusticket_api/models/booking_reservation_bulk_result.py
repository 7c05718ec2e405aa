from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.booking_reservation import BookingReservation
    from ..models.booking_reservation_bulk_result_failed_reservations_item import (
        BookingReservationBulkResultFailedReservationsItem,
    )


T = TypeVar("T", bound="BookingReservationBulkResult")


@_attrs_define
class BookingReservationBulkResult:
    """Result of POST /v1/booking/reservations/_bulk: created and failed reservations."""

    reservations: list[BookingReservation] | Unset = UNSET
    """ Reservations created. """
    failed_reservations: list[BookingReservationBulkResultFailedReservationsItem] | Unset = UNSET
    """ Items that could not be reserved. The shape of the entries is not documented. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reservations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.reservations, Unset):
            reservations = []
            for reservations_item_data in self.reservations:
                reservations_item = reservations_item_data.to_dict()
                reservations.append(reservations_item)

        failed_reservations: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.failed_reservations, Unset):
            failed_reservations = []
            for failed_reservations_item_data in self.failed_reservations:
                failed_reservations_item = failed_reservations_item_data.to_dict()
                failed_reservations.append(failed_reservations_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if reservations is not UNSET:
            field_dict["reservations"] = reservations
        if failed_reservations is not UNSET:
            field_dict["failedReservations"] = failed_reservations

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.booking_reservation import BookingReservation  # noqa: PLC0415
        from ..models.booking_reservation_bulk_result_failed_reservations_item import (
            BookingReservationBulkResultFailedReservationsItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        _reservations = d.pop("reservations", UNSET)
        reservations: list[BookingReservation] | Unset = UNSET
        if _reservations is not UNSET:
            reservations = []
            for reservations_item_data in _reservations:
                reservations_item = BookingReservation.from_dict(reservations_item_data)

                reservations.append(reservations_item)

        _failed_reservations = d.pop("failedReservations", UNSET)
        failed_reservations: list[BookingReservationBulkResultFailedReservationsItem] | Unset = UNSET
        if _failed_reservations is not UNSET:
            failed_reservations = []
            for failed_reservations_item_data in _failed_reservations:
                failed_reservations_item = BookingReservationBulkResultFailedReservationsItem.from_dict(
                    failed_reservations_item_data
                )

                failed_reservations.append(failed_reservations_item)

        booking_reservation_bulk_result = cls(
            reservations=reservations,
            failed_reservations=failed_reservations,
        )

        booking_reservation_bulk_result.additional_properties = d
        return booking_reservation_bulk_result

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
