from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ticketing_offer_session_availability import (
        TicketingOfferSessionAvailability,
    )


T = TypeVar("T", bound="TicketingOfferAvailability")


@_attrs_define
class TicketingOfferAvailability:
    """Real-time availability of an offer and of its sessions (`@type` TicketingOfferAvailability)."""

    available_quantity: int | Unset = UNSET
    """ Real-time remaining quantity of the offer. """
    sessions_availability: list[TicketingOfferSessionAvailability] | Unset = UNSET
    """ Remaining quantity per session. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available_quantity = self.available_quantity

        sessions_availability: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sessions_availability, Unset):
            sessions_availability = []
            for sessions_availability_item_data in self.sessions_availability:
                sessions_availability_item = sessions_availability_item_data.to_dict()
                sessions_availability.append(sessions_availability_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if available_quantity is not UNSET:
            field_dict["availableQuantity"] = available_quantity
        if sessions_availability is not UNSET:
            field_dict["sessionsAvailability"] = sessions_availability

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ticketing_offer_session_availability import (
            TicketingOfferSessionAvailability,  # noqa: PLC0415
        )

        d = dict(src_dict)
        available_quantity = d.pop("availableQuantity", UNSET)

        _sessions_availability = d.pop("sessionsAvailability", UNSET)
        sessions_availability: list[TicketingOfferSessionAvailability] | Unset = UNSET
        if _sessions_availability is not UNSET:
            sessions_availability = []
            for sessions_availability_item_data in _sessions_availability:
                sessions_availability_item = TicketingOfferSessionAvailability.from_dict(
                    sessions_availability_item_data
                )

                sessions_availability.append(sessions_availability_item)

        ticketing_offer_availability = cls(
            available_quantity=available_quantity,
            sessions_availability=sessions_availability,
        )

        ticketing_offer_availability.additional_properties = d
        return ticketing_offer_availability

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
