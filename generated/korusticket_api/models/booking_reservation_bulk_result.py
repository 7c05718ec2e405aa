from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import expect as _expect
from .._checks import null as _null

if TYPE_CHECKING:
    from ..models.booking_reservation import BookingReservation
    from ..models.booking_reservation_bulk_result_failed_reservations_item import (
        BookingReservationBulkResultFailedReservationsItem,
    )


T = TypeVar("T", bound="BookingReservationBulkResult")

# JSON key -> attribute, in declaration order
_FIELDS: dict[str, str] = {
    "reservations": "reservations",
    "failedReservations": "failed_reservations",
}


@_attrs_define(repr=False)
class BookingReservationBulkResult:
    """Result of POST /v1/booking/reservations/_bulk: created and failed reservations."""

    reservations: list[BookingReservation] | None = None
    """ Reservations created. """
    failed_reservations: list[BookingReservationBulkResultFailedReservationsItem] | None = None
    """ Items that could not be reserved. The shape of the entries is not documented. """
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
        _reservations = get("reservations")
        if _reservations is not None:
            if type(_reservations) is not list and check:
                _expect(_reservations, (list,), "reservations")
            _reservations = [_BookingReservation.from_dict(x, check) for x in _reservations]
        elif check and "reservations" in src_dict:
            _null("reservations")
        obj.reservations = _reservations
        _failed_reservations = get("failedReservations")
        if _failed_reservations is not None:
            if type(_failed_reservations) is not list and check:
                _expect(_failed_reservations, (list,), "failedReservations")
            _failed_reservations = [
                _BookingReservationBulkResultFailedReservationsItem.from_dict(x, check) for x in _failed_reservations
            ]
        elif check and "failedReservations" in src_dict:
            _null("failedReservations")
        obj.failed_reservations = _failed_reservations
        obj._src = src_dict
        obj._extra = None
        return obj

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        src = self._src
        _reservations = self.reservations
        if _reservations is not None:
            field_dict["reservations"] = [x.to_dict() for x in _reservations]
        elif "reservations" in src:
            field_dict["reservations"] = None
        _failed_reservations = self.failed_reservations
        if _failed_reservations is not None:
            field_dict["failedReservations"] = [x.to_dict() for x in _failed_reservations]
        elif "failedReservations" in src:
            field_dict["failedReservations"] = None
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
from ..models.booking_reservation import BookingReservation as _BookingReservation  # noqa: E402
from ..models.booking_reservation_bulk_result_failed_reservations_item import (
    BookingReservationBulkResultFailedReservationsItem as _BookingReservationBulkResultFailedReservationsItem,  # noqa: E402
)
