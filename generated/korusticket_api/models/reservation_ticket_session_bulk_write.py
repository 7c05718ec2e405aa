from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.reservation_form_data_bulk_write import ReservationFormDataBulkWrite


T = TypeVar("T", bound="ReservationTicketSessionBulkWrite")


@_attrs_define
class ReservationTicketSessionBulkWrite:
    """A ticket of the offer, its chosen session and, when the ticket has a form, the form data."""

    ticket: str
    """ Offer ticket (IRI). """
    session: str | Unset = UNSET
    """ Chosen offer-ticket session (IRI
    /v1/ticketing/catalogs/{catalogId}/offers/{offerId}/tickets/{ticketId}/sessions/{id}). Omit it for a full-day
    ticket (`dateAccess: true`); required for a ticket whose `dateAccess` is false. """
    form_data: ReservationFormDataBulkWrite | Unset = UNSET
    """ Values for the form of the ticket (offer ticket `form`). Optional; pass it when the ticket has a form. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ticket = self.ticket

        session = self.session

        form_data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.form_data, Unset):
            form_data = self.form_data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ticket": ticket,
            }
        )
        if session is not UNSET:
            field_dict["session"] = session
        if form_data is not UNSET:
            field_dict["formData"] = form_data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reservation_form_data_bulk_write import (
            ReservationFormDataBulkWrite,  # noqa: PLC0415
        )

        d = dict(src_dict)
        ticket = d.pop("ticket")

        session = d.pop("session", UNSET)

        _form_data = d.pop("formData", UNSET)
        form_data: ReservationFormDataBulkWrite | Unset
        if isinstance(_form_data, Unset):
            form_data = UNSET
        else:
            form_data = ReservationFormDataBulkWrite.from_dict(_form_data)

        reservation_ticket_session_bulk_write = cls(
            ticket=ticket,
            session=session,
            form_data=form_data,
        )

        reservation_ticket_session_bulk_write.additional_properties = d
        return reservation_ticket_session_bulk_write

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
