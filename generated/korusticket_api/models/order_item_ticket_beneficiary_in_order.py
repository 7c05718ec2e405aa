from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderItemTicketBeneficiaryInOrder")


@_attrs_define
class OrderItemTicketBeneficiaryInOrder:
    """The beneficiary (ticket holder) of a ticket. It carries no JSON-LD keys (1.0.19 example)."""

    firstname: str | Unset = UNSET
    lastname: str | Unset = UNSET
    email: str | Unset = UNSET
    phone: str | Unset = UNSET
    title: str | Unset = UNSET
    """ One of `mr`, `mrs`, `mx` (the enum is documented on the PATCH input). """
    date_of_birth: datetime.date | Unset = UNSET
    """ Date of birth. """
    place_of_birth: str | Unset = UNSET
    nationality: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        firstname = self.firstname

        lastname = self.lastname

        email = self.email

        phone = self.phone

        title = self.title

        date_of_birth: str | Unset = UNSET
        if not isinstance(self.date_of_birth, Unset):
            date_of_birth = self.date_of_birth.isoformat()

        place_of_birth = self.place_of_birth

        nationality = self.nationality

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if firstname is not UNSET:
            field_dict["firstname"] = firstname
        if lastname is not UNSET:
            field_dict["lastname"] = lastname
        if email is not UNSET:
            field_dict["email"] = email
        if phone is not UNSET:
            field_dict["phone"] = phone
        if title is not UNSET:
            field_dict["title"] = title
        if date_of_birth is not UNSET:
            field_dict["dateOfBirth"] = date_of_birth
        if place_of_birth is not UNSET:
            field_dict["placeOfBirth"] = place_of_birth
        if nationality is not UNSET:
            field_dict["nationality"] = nationality

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        firstname = d.pop("firstname", UNSET)

        lastname = d.pop("lastname", UNSET)

        email = d.pop("email", UNSET)

        phone = d.pop("phone", UNSET)

        title = d.pop("title", UNSET)

        _date_of_birth = d.pop("dateOfBirth", UNSET)
        date_of_birth: datetime.date | Unset
        if isinstance(_date_of_birth, Unset):
            date_of_birth = UNSET
        else:
            date_of_birth = datetime.date.fromisoformat(_date_of_birth)

        place_of_birth = d.pop("placeOfBirth", UNSET)

        nationality = d.pop("nationality", UNSET)

        order_item_ticket_beneficiary_in_order = cls(
            firstname=firstname,
            lastname=lastname,
            email=email,
            phone=phone,
            title=title,
            date_of_birth=date_of_birth,
            place_of_birth=place_of_birth,
            nationality=nationality,
        )

        order_item_ticket_beneficiary_in_order.additional_properties = d
        return order_item_ticket_beneficiary_in_order

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
