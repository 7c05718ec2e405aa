from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reservation_ticket_session_bulk_write import (
        ReservationTicketSessionBulkWrite,
    )


T = TypeVar("T", bound="ReservationItemBulkWrite")


@_attrs_define
class ReservationItemBulkWrite:
    """One offer to reserve."""

    offer: str
    """ Offer to reserve (IRI). """
    quantity: int
    """ How many of the offer to reserve. """
    ticket_sessions: list[ReservationTicketSessionBulkWrite]
    """ Links each ticket of the offer to the chosen session. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        offer = self.offer

        quantity = self.quantity

        ticket_sessions = []
        for ticket_sessions_item_data in self.ticket_sessions:
            ticket_sessions_item = ticket_sessions_item_data.to_dict()
            ticket_sessions.append(ticket_sessions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "offer": offer,
                "quantity": quantity,
                "ticketSessions": ticket_sessions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reservation_ticket_session_bulk_write import (
            ReservationTicketSessionBulkWrite,  # noqa: PLC0415
        )

        d = dict(src_dict)
        offer = d.pop("offer")

        quantity = d.pop("quantity")

        ticket_sessions = []
        _ticket_sessions = d.pop("ticketSessions")
        for ticket_sessions_item_data in _ticket_sessions:
            ticket_sessions_item = ReservationTicketSessionBulkWrite.from_dict(ticket_sessions_item_data)

            ticket_sessions.append(ticket_sessions_item)

        reservation_item_bulk_write = cls(
            offer=offer,
            quantity=quantity,
            ticket_sessions=ticket_sessions,
        )

        reservation_item_bulk_write.additional_properties = d
        return reservation_item_bulk_write

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
