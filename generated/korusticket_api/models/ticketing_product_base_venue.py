from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import expect as _expect

T = TypeVar("T", bound="TicketingProductBaseVenue")

# JSON key -> attribute, in declaration order
_FIELDS: dict[str, str] = {
    "name": "name",
    "line1": "line1",
    "line2": "line2",
    "postalCode": "postal_code",
    "city": "city",
    "country": "country",
    "phone": "phone",
    "website": "website",
    "latitude": "latitude",
    "longitude": "longitude",
}


@_attrs_define(repr=False)
class TicketingProductBaseVenue:
    """The venue. Its sub-fields are named in prose only; the object stays open."""

    name: str | None = None
    """ Venue name. """
    line1: str | None = None
    """ Address, first line. """
    line2: str | None = None
    """ Address, second line. """
    postal_code: str | None = None
    """ Postal code. """
    city: str | None = None
    """ City. """
    country: str | None = None
    """ Country. """
    phone: str | None = None
    """ Phone number. """
    website: str | None = None
    """ Website. """
    latitude: str | None = None
    """ Latitude in decimal degrees, as a string. """
    longitude: str | None = None
    """ Longitude in decimal degrees, as a string. """
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
        obj.name = _name = get("name")
        if type(_name) is not str and check and (_name is not None or "name" in src_dict):
            _expect(_name, (str,), "name")
        obj.line1 = _line1 = get("line1")
        if type(_line1) is not str and check and (_line1 is not None or "line1" in src_dict):
            _expect(_line1, (str,), "line1")
        obj.line2 = _line2 = get("line2")
        if type(_line2) is not str and check and (_line2 is not None or "line2" in src_dict):
            _expect(_line2, (str,), "line2")
        obj.postal_code = _postal_code = get("postalCode")
        if type(_postal_code) is not str and check and (_postal_code is not None or "postalCode" in src_dict):
            _expect(_postal_code, (str,), "postalCode")
        obj.city = _city = get("city")
        if type(_city) is not str and check and (_city is not None or "city" in src_dict):
            _expect(_city, (str,), "city")
        obj.country = _country = get("country")
        if type(_country) is not str and check and (_country is not None or "country" in src_dict):
            _expect(_country, (str,), "country")
        obj.phone = _phone = get("phone")
        if type(_phone) is not str and check and (_phone is not None or "phone" in src_dict):
            _expect(_phone, (str,), "phone")
        obj.website = _website = get("website")
        if type(_website) is not str and check and (_website is not None or "website" in src_dict):
            _expect(_website, (str,), "website")
        obj.latitude = _latitude = get("latitude")
        if type(_latitude) is not str and check and (_latitude is not None or "latitude" in src_dict):
            _expect(_latitude, (str,), "latitude")
        obj.longitude = _longitude = get("longitude")
        if type(_longitude) is not str and check and (_longitude is not None or "longitude" in src_dict):
            _expect(_longitude, (str,), "longitude")
        obj._src = src_dict
        obj._extra = None
        return obj

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        src = self._src
        _name = self.name
        if _name is not None:
            field_dict["name"] = _name
        elif "name" in src:
            field_dict["name"] = None
        _line1 = self.line1
        if _line1 is not None:
            field_dict["line1"] = _line1
        elif "line1" in src:
            field_dict["line1"] = None
        _line2 = self.line2
        if _line2 is not None:
            field_dict["line2"] = _line2
        elif "line2" in src:
            field_dict["line2"] = None
        _postal_code = self.postal_code
        if _postal_code is not None:
            field_dict["postalCode"] = _postal_code
        elif "postalCode" in src:
            field_dict["postalCode"] = None
        _city = self.city
        if _city is not None:
            field_dict["city"] = _city
        elif "city" in src:
            field_dict["city"] = None
        _country = self.country
        if _country is not None:
            field_dict["country"] = _country
        elif "country" in src:
            field_dict["country"] = None
        _phone = self.phone
        if _phone is not None:
            field_dict["phone"] = _phone
        elif "phone" in src:
            field_dict["phone"] = None
        _website = self.website
        if _website is not None:
            field_dict["website"] = _website
        elif "website" in src:
            field_dict["website"] = None
        _latitude = self.latitude
        if _latitude is not None:
            field_dict["latitude"] = _latitude
        elif "latitude" in src:
            field_dict["latitude"] = None
        _longitude = self.longitude
        if _longitude is not None:
            field_dict["longitude"] = _longitude
        elif "longitude" in src:
            field_dict["longitude"] = None
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
