from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import expect as _expect
from .._checks import naive as _naive
from .._checks import null as _null
from ..models.booking_order_item_ticket_status import BookingOrderItemTicketStatus

if TYPE_CHECKING:
    from ..models.order_item_ticket_beneficiary import OrderItemTicketBeneficiary


T = TypeVar("T", bound="BookingOrderItemTicket")

# JSON key -> attribute, in declaration order
_FIELDS: dict[str, str] = {
    "id": "id",
    "voucher": "voucher",
    "occursAt": "occurs_at",
    "requiredBeneficiaryFields": "required_beneficiary_fields",
    "beneficiary": "beneficiary",
    "beneficiaryDesignationDeadline": "beneficiary_designation_deadline",
    "beneficiaryAmendable": "beneficiary_amendable",
    "status": "status",
    "seating": "seating",
}
_BookingOrderItemTicketStatus_BY_VALUE: dict[str, BookingOrderItemTicketStatus] = {
    member.value: member for member in BookingOrderItemTicketStatus
}


@_attrs_define(repr=False)
class BookingOrderItemTicket:
    """A ticket issued for an order item (JSON-LD `@type` OrderItemTicketResource)."""

    id: str | None = None
    """ Ticket identifier (UUIDv7). """
    voucher: None | str = None
    """ Voucher (ticket code). """
    occurs_at: datetime.datetime | None = None
    """ When the ticketed event occurs. """
    required_beneficiary_fields: list[str] | None = None
    """ Beneficiary attributes that must be supplied for this ticket. """
    beneficiary: None | OrderItemTicketBeneficiary = None
    """ The ticket holder, once designated. """
    beneficiary_designation_deadline: datetime.datetime | None = None
    """ Deadline for designating the beneficiary. """
    beneficiary_amendable: bool | None = None
    """ Whether the beneficiary can still be set or changed. """
    status: BookingOrderItemTicketStatus | None = None
    """ Ticket status. """
    seating: Any | None = None
    """ Seating information. Structure not documented (`{}` in examples). """
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
        obj.id = _id = get("id")
        if type(_id) is not str and check and (_id is not None or "id" in src_dict):
            _expect(_id, (str,), "id")
        obj.voucher = _voucher = get("voucher")
        if type(_voucher) is not str and check and _voucher is not None:
            _expect(_voucher, (str,), "voucher")
        _occurs_at = get("occursAt")
        if _occurs_at is not None:
            _occurs_at = datetime.datetime.fromisoformat(_occurs_at)
            if _occurs_at.tzinfo is None and check:
                _naive("occursAt")
        obj.occurs_at = _occurs_at
        _required_beneficiary_fields = get("requiredBeneficiaryFields")
        if _required_beneficiary_fields is not None:
            if type(_required_beneficiary_fields) is not list and check:
                _expect(_required_beneficiary_fields, (list,), "requiredBeneficiaryFields")
            if check:
                for x in _required_beneficiary_fields:
                    if type(x) is not str:
                        _expect(x, (str,), "requiredBeneficiaryFields")
        elif check and "requiredBeneficiaryFields" in src_dict:
            _null("requiredBeneficiaryFields")
        obj.required_beneficiary_fields = _required_beneficiary_fields
        _beneficiary = get("beneficiary")
        if _beneficiary is not None:
            _beneficiary = _OrderItemTicketBeneficiary.from_dict(_beneficiary, check)
        obj.beneficiary = _beneficiary
        _beneficiary_designation_deadline = get("beneficiaryDesignationDeadline")
        if _beneficiary_designation_deadline is not None:
            _beneficiary_designation_deadline = datetime.datetime.fromisoformat(_beneficiary_designation_deadline)
            if _beneficiary_designation_deadline.tzinfo is None and check:
                _naive("beneficiaryDesignationDeadline")
        obj.beneficiary_designation_deadline = _beneficiary_designation_deadline
        obj.beneficiary_amendable = _beneficiary_amendable = get("beneficiaryAmendable")
        if (
            type(_beneficiary_amendable) is not bool
            and check
            and (_beneficiary_amendable is not None or "beneficiaryAmendable" in src_dict)
        ):
            _expect(_beneficiary_amendable, (bool,), "beneficiaryAmendable")
        _status = get("status")
        if _status is not None:
            _status = _BookingOrderItemTicketStatus_BY_VALUE.get(_status) or BookingOrderItemTicketStatus(_status)
        elif check and "status" in src_dict:
            _null("status")
        obj.status = _status
        obj.seating = get("seating")
        obj._src = src_dict
        obj._extra = None
        return obj

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        src = self._src
        _id = self.id
        if _id is not None:
            field_dict["id"] = _id
        elif "id" in src:
            field_dict["id"] = None
        _voucher = self.voucher
        if _voucher is not None:
            field_dict["voucher"] = _voucher
        elif "voucher" in src:
            field_dict["voucher"] = None
        _occurs_at = self.occurs_at
        if _occurs_at is not None:
            field_dict["occursAt"] = _occurs_at.isoformat()
        elif "occursAt" in src:
            field_dict["occursAt"] = None
        _required_beneficiary_fields = self.required_beneficiary_fields
        if _required_beneficiary_fields is not None:
            field_dict["requiredBeneficiaryFields"] = _required_beneficiary_fields
        elif "requiredBeneficiaryFields" in src:
            field_dict["requiredBeneficiaryFields"] = None
        _beneficiary = self.beneficiary
        if _beneficiary is not None:
            field_dict["beneficiary"] = _beneficiary.to_dict()
        elif "beneficiary" in src:
            field_dict["beneficiary"] = None
        _beneficiary_designation_deadline = self.beneficiary_designation_deadline
        if _beneficiary_designation_deadline is not None:
            field_dict["beneficiaryDesignationDeadline"] = _beneficiary_designation_deadline.isoformat()
        elif "beneficiaryDesignationDeadline" in src:
            field_dict["beneficiaryDesignationDeadline"] = None
        _beneficiary_amendable = self.beneficiary_amendable
        if _beneficiary_amendable is not None:
            field_dict["beneficiaryAmendable"] = _beneficiary_amendable
        elif "beneficiaryAmendable" in src:
            field_dict["beneficiaryAmendable"] = None
        _status = self.status
        if _status is not None:
            field_dict["status"] = _status.value
        elif "status" in src:
            field_dict["status"] = None
        _seating = self.seating
        if _seating is not None:
            field_dict["seating"] = _seating
        elif "seating" in src:
            field_dict["seating"] = None
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
from ..models.order_item_ticket_beneficiary import (
    OrderItemTicketBeneficiary as _OrderItemTicketBeneficiary,  # noqa: E402
)
