from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import expect as _expect

T = TypeVar("T", bound="OrderCustomer")

# JSON key -> attribute, in declaration order
_FIELDS: dict[str, str] = {
    "firstname": "firstname",
    "lastname": "lastname",
    "email": "email",
    "phone": "phone",
    "optin": "optin",
    "country": "country",
    "language": "language",
    "title": "title",
}


@_attrs_define(repr=False)
class OrderCustomer:
    """The customer of an order (embedded; JSON-LD `@type` OrderCustomer, blank-node `@id` such as /.well-
    known/genid/659ea7d58fe6d29dcf2e)."""

    firstname: str | None = None
    lastname: str | None = None
    email: str | None = None
    phone: str | None = None
    optin: bool | None = None
    country: str | None = None
    language: str | None = None
    title: str | None = None
    """ One of `mr`, `mrs`, `mx` (the enum is documented on the order input). """
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
        obj.firstname = _firstname = get("firstname")
        if type(_firstname) is not str and check and (_firstname is not None or "firstname" in src_dict):
            _expect(_firstname, (str,), "firstname")
        obj.lastname = _lastname = get("lastname")
        if type(_lastname) is not str and check and (_lastname is not None or "lastname" in src_dict):
            _expect(_lastname, (str,), "lastname")
        obj.email = _email = get("email")
        if type(_email) is not str and check and (_email is not None or "email" in src_dict):
            _expect(_email, (str,), "email")
        obj.phone = _phone = get("phone")
        if type(_phone) is not str and check and (_phone is not None or "phone" in src_dict):
            _expect(_phone, (str,), "phone")
        obj.optin = _optin = get("optin")
        if type(_optin) is not bool and check and (_optin is not None or "optin" in src_dict):
            _expect(_optin, (bool,), "optin")
        obj.country = _country = get("country")
        if type(_country) is not str and check and (_country is not None or "country" in src_dict):
            _expect(_country, (str,), "country")
        obj.language = _language = get("language")
        if type(_language) is not str and check and (_language is not None or "language" in src_dict):
            _expect(_language, (str,), "language")
        obj.title = _title = get("title")
        if type(_title) is not str and check and (_title is not None or "title" in src_dict):
            _expect(_title, (str,), "title")
        obj._src = src_dict
        obj._extra = None
        return obj

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        src = self._src
        _firstname = self.firstname
        if _firstname is not None:
            field_dict["firstname"] = _firstname
        elif "firstname" in src:
            field_dict["firstname"] = None
        _lastname = self.lastname
        if _lastname is not None:
            field_dict["lastname"] = _lastname
        elif "lastname" in src:
            field_dict["lastname"] = None
        _email = self.email
        if _email is not None:
            field_dict["email"] = _email
        elif "email" in src:
            field_dict["email"] = None
        _phone = self.phone
        if _phone is not None:
            field_dict["phone"] = _phone
        elif "phone" in src:
            field_dict["phone"] = None
        _optin = self.optin
        if _optin is not None:
            field_dict["optin"] = _optin
        elif "optin" in src:
            field_dict["optin"] = None
        _country = self.country
        if _country is not None:
            field_dict["country"] = _country
        elif "country" in src:
            field_dict["country"] = None
        _language = self.language
        if _language is not None:
            field_dict["language"] = _language
        elif "language" in src:
            field_dict["language"] = None
        _title = self.title
        if _title is not None:
            field_dict["title"] = _title
        elif "title" in src:
            field_dict["title"] = None
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
