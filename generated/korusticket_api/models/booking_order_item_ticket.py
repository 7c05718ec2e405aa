from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.booking_order_item_ticket_status import BookingOrderItemTicketStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order_item_ticket_beneficiary import OrderItemTicketBeneficiary


T = TypeVar("T", bound="BookingOrderItemTicket")


@_attrs_define
class BookingOrderItemTicket:
    """A ticket issued for an order item (JSON-LD `@type` OrderItemTicketResource)."""

    id: str | Unset = UNSET
    """ Ticket identifier (UUIDv7). """
    voucher: None | str | Unset = UNSET
    """ Voucher (ticket code). """
    occurs_at: datetime.datetime | None | Unset = UNSET
    """ When the ticketed event occurs. """
    required_beneficiary_fields: list[str] | Unset = UNSET
    """ Beneficiary attributes that must be supplied for this ticket. """
    beneficiary: None | OrderItemTicketBeneficiary | Unset = UNSET
    """ The ticket holder, once designated. """
    beneficiary_designation_deadline: datetime.datetime | None | Unset = UNSET
    """ Deadline for designating the beneficiary. """
    beneficiary_amendable: bool | Unset = UNSET
    """ Whether the beneficiary can still be set or changed. """
    status: BookingOrderItemTicketStatus | Unset = UNSET
    """ Ticket status. """
    seating: Any | Unset = UNSET
    """ Seating information. Structure not documented (`{}` in examples). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.order_item_ticket_beneficiary import OrderItemTicketBeneficiary  # noqa: PLC0415

        id = self.id

        voucher: None | str | Unset
        if isinstance(self.voucher, Unset):
            voucher = UNSET
        else:
            voucher = self.voucher

        occurs_at: None | str | Unset
        if isinstance(self.occurs_at, Unset):
            occurs_at = UNSET
        elif isinstance(self.occurs_at, datetime.datetime):
            occurs_at = self.occurs_at.isoformat()
        else:
            occurs_at = self.occurs_at

        required_beneficiary_fields: list[str] | Unset = UNSET
        if not isinstance(self.required_beneficiary_fields, Unset):
            required_beneficiary_fields = self.required_beneficiary_fields

        beneficiary: dict[str, Any] | None | Unset
        if isinstance(self.beneficiary, Unset):
            beneficiary = UNSET
        elif isinstance(self.beneficiary, OrderItemTicketBeneficiary):
            beneficiary = self.beneficiary.to_dict()
        else:
            beneficiary = self.beneficiary

        beneficiary_designation_deadline: None | str | Unset
        if isinstance(self.beneficiary_designation_deadline, Unset):
            beneficiary_designation_deadline = UNSET
        elif isinstance(self.beneficiary_designation_deadline, datetime.datetime):
            beneficiary_designation_deadline = self.beneficiary_designation_deadline.isoformat()
        else:
            beneficiary_designation_deadline = self.beneficiary_designation_deadline

        beneficiary_amendable = self.beneficiary_amendable

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        seating = self.seating

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if voucher is not UNSET:
            field_dict["voucher"] = voucher
        if occurs_at is not UNSET:
            field_dict["occursAt"] = occurs_at
        if required_beneficiary_fields is not UNSET:
            field_dict["requiredBeneficiaryFields"] = required_beneficiary_fields
        if beneficiary is not UNSET:
            field_dict["beneficiary"] = beneficiary
        if beneficiary_designation_deadline is not UNSET:
            field_dict["beneficiaryDesignationDeadline"] = beneficiary_designation_deadline
        if beneficiary_amendable is not UNSET:
            field_dict["beneficiaryAmendable"] = beneficiary_amendable
        if status is not UNSET:
            field_dict["status"] = status
        if seating is not UNSET:
            field_dict["seating"] = seating

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_item_ticket_beneficiary import OrderItemTicketBeneficiary  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        def _parse_voucher(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        voucher = _parse_voucher(d.pop("voucher", UNSET))

        def _parse_occurs_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                occurs_at_type_0 = datetime.datetime.fromisoformat(data)

                return occurs_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        occurs_at = _parse_occurs_at(d.pop("occursAt", UNSET))

        required_beneficiary_fields = cast(list[str], d.pop("requiredBeneficiaryFields", UNSET))

        def _parse_beneficiary(data: object) -> None | OrderItemTicketBeneficiary | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                beneficiary_type_0 = OrderItemTicketBeneficiary.from_dict(data)

                return beneficiary_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrderItemTicketBeneficiary | Unset, data)

        beneficiary = _parse_beneficiary(d.pop("beneficiary", UNSET))

        def _parse_beneficiary_designation_deadline(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                beneficiary_designation_deadline_type_0 = datetime.datetime.fromisoformat(data)

                return beneficiary_designation_deadline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        beneficiary_designation_deadline = _parse_beneficiary_designation_deadline(
            d.pop("beneficiaryDesignationDeadline", UNSET)
        )

        beneficiary_amendable = d.pop("beneficiaryAmendable", UNSET)

        _status = d.pop("status", UNSET)
        status: BookingOrderItemTicketStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = BookingOrderItemTicketStatus(_status)

        seating = d.pop("seating", UNSET)

        booking_order_item_ticket = cls(
            id=id,
            voucher=voucher,
            occurs_at=occurs_at,
            required_beneficiary_fields=required_beneficiary_fields,
            beneficiary=beneficiary,
            beneficiary_designation_deadline=beneficiary_designation_deadline,
            beneficiary_amendable=beneficiary_amendable,
            status=status,
            seating=seating,
        )

        booking_order_item_ticket.additional_properties = d
        return booking_order_item_ticket

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
