from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import expect as _expect
from .._checks import null as _null

if TYPE_CHECKING:
    from ..models.form_field_choice import FormFieldChoice


T = TypeVar("T", bound="FormField")

# JSON key -> attribute, in declaration order
_FIELDS: dict[str, str] = {
    "id": "id",
    "code": "code",
    "label": "label",
    "type": "type_",
    "required": "required",
    "choices": "choices",
}


@_attrs_define(repr=False)
class FormField:
    """A field of a form (IRI /v1/forms/{formId}/fields/{fieldId}). A field has a type and may be required; choice fields
    have predefined choices (FormFieldChoice). Field types seen in the value-encoding guide: text, bool, integer,
    decimal, date, time, datetime, single_choice, multi_choice."""

    id: str | None = None
    """ Field identifier (UUIDv7). """
    code: str | None = None
    """ Code of the field, unique in its form (the key to give its value by). """
    label: str | None = None
    """ Label to show the customer. """
    type_: str | None = None
    """ Field type, which decides how a value is encoded in formData: text, bool, integer, decimal, date, time,
    datetime, single_choice, multi_choice. """
    required: bool | None = None
    """ Whether a value must be given. """
    choices: list[FormFieldChoice] | None = None
    """ The predefined choices of a single_choice or multi_choice field. """
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
        obj.code = _code = get("code")
        if type(_code) is not str and check and (_code is not None or "code" in src_dict):
            _expect(_code, (str,), "code")
        obj.label = _label = get("label")
        if type(_label) is not str and check and (_label is not None or "label" in src_dict):
            _expect(_label, (str,), "label")
        obj.type_ = _type_ = get("type")
        if type(_type_) is not str and check and (_type_ is not None or "type" in src_dict):
            _expect(_type_, (str,), "type")
        obj.required = _required = get("required")
        if type(_required) is not bool and check and (_required is not None or "required" in src_dict):
            _expect(_required, (bool,), "required")
        _choices = get("choices")
        if _choices is not None:
            if type(_choices) is not list and check:
                _expect(_choices, (list,), "choices")
            _choices = [_FormFieldChoice.from_dict(x, check) for x in _choices]
        elif check and "choices" in src_dict:
            _null("choices")
        obj.choices = _choices
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
        _code = self.code
        if _code is not None:
            field_dict["code"] = _code
        elif "code" in src:
            field_dict["code"] = None
        _label = self.label
        if _label is not None:
            field_dict["label"] = _label
        elif "label" in src:
            field_dict["label"] = None
        _type_ = self.type_
        if _type_ is not None:
            field_dict["type"] = _type_
        elif "type" in src:
            field_dict["type"] = None
        _required = self.required
        if _required is not None:
            field_dict["required"] = _required
        elif "required" in src:
            field_dict["required"] = None
        _choices = self.choices
        if _choices is not None:
            field_dict["choices"] = [x.to_dict() for x in _choices]
        elif "choices" in src:
            field_dict["choices"] = None
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
from ..models.form_field_choice import FormFieldChoice as _FormFieldChoice  # noqa: E402
