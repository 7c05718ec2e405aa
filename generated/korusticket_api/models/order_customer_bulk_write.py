from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.order_customer_bulk_write_title import OrderCustomerBulkWriteTitle
from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderCustomerBulkWrite")


@_attrs_define
class OrderCustomerBulkWrite:
    """The customer of the order."""

    firstname: str
    lastname: str
    email: str
    phone: str | Unset = UNSET
    country: str | Unset = UNSET
    language: str | Unset = UNSET
    optin: bool | Unset = UNSET
    title: OrderCustomerBulkWriteTitle | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        firstname = self.firstname

        lastname = self.lastname

        email = self.email

        phone = self.phone

        country = self.country

        language = self.language

        optin = self.optin

        title: str | Unset = UNSET
        if not isinstance(self.title, Unset):
            title = self.title.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "firstname": firstname,
                "lastname": lastname,
                "email": email,
            }
        )
        if phone is not UNSET:
            field_dict["phone"] = phone
        if country is not UNSET:
            field_dict["country"] = country
        if language is not UNSET:
            field_dict["language"] = language
        if optin is not UNSET:
            field_dict["optin"] = optin
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        firstname = d.pop("firstname")

        lastname = d.pop("lastname")

        email = d.pop("email")

        phone = d.pop("phone", UNSET)

        country = d.pop("country", UNSET)

        language = d.pop("language", UNSET)

        optin = d.pop("optin", UNSET)

        _title = d.pop("title", UNSET)
        title: OrderCustomerBulkWriteTitle | Unset
        if isinstance(_title, Unset):
            title = UNSET
        else:
            title = OrderCustomerBulkWriteTitle(_title)

        order_customer_bulk_write = cls(
            firstname=firstname,
            lastname=lastname,
            email=email,
            phone=phone,
            country=country,
            language=language,
            optin=optin,
            title=title,
        )

        order_customer_bulk_write.additional_properties = d
        return order_customer_bulk_write

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
