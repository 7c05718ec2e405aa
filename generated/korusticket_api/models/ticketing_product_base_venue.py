from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketingProductBaseVenue")


@_attrs_define
class TicketingProductBaseVenue:
    """The venue. Its sub-fields are named in prose only; the object stays open."""

    name: str | Unset = UNSET
    """ Venue name. """
    line1: str | Unset = UNSET
    """ Address, first line. """
    line2: str | Unset = UNSET
    """ Address, second line. """
    postal_code: str | Unset = UNSET
    """ Postal code. """
    city: str | Unset = UNSET
    """ City. """
    country: str | Unset = UNSET
    """ Country. """
    phone: str | Unset = UNSET
    """ Phone number. """
    website: str | Unset = UNSET
    """ Website. """
    latitude: str | Unset = UNSET
    """ Latitude in decimal degrees, as a string. """
    longitude: str | Unset = UNSET
    """ Longitude in decimal degrees, as a string. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        line1 = self.line1

        line2 = self.line2

        postal_code = self.postal_code

        city = self.city

        country = self.country

        phone = self.phone

        website = self.website

        latitude = self.latitude

        longitude = self.longitude

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if line1 is not UNSET:
            field_dict["line1"] = line1
        if line2 is not UNSET:
            field_dict["line2"] = line2
        if postal_code is not UNSET:
            field_dict["postalCode"] = postal_code
        if city is not UNSET:
            field_dict["city"] = city
        if country is not UNSET:
            field_dict["country"] = country
        if phone is not UNSET:
            field_dict["phone"] = phone
        if website is not UNSET:
            field_dict["website"] = website
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        line1 = d.pop("line1", UNSET)

        line2 = d.pop("line2", UNSET)

        postal_code = d.pop("postalCode", UNSET)

        city = d.pop("city", UNSET)

        country = d.pop("country", UNSET)

        phone = d.pop("phone", UNSET)

        website = d.pop("website", UNSET)

        latitude = d.pop("latitude", UNSET)

        longitude = d.pop("longitude", UNSET)

        ticketing_product_base_venue = cls(
            name=name,
            line1=line1,
            line2=line2,
            postal_code=postal_code,
            city=city,
            country=country,
            phone=phone,
            website=website,
            latitude=latitude,
            longitude=longitude,
        )

        ticketing_product_base_venue.additional_properties = d
        return ticketing_product_base_venue

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
