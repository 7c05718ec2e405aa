from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import expect as _expect
from .._checks import naive as _naive
from .._checks import null as _null

T = TypeVar("T", bound="BookingOrderDocumentGet")

# JSON key -> attribute, in declaration order
_FIELDS: dict[str, str] = {
    "id": "id",
    "downloadableAt": "downloadable_at",
}


@_attrs_define(repr=False)
class BookingOrderDocumentGet:
    """An order document (typically a PDF ticket) and the time it becomes downloadable. Get its download URL with the PATCH
    operation."""

    id: str | None = None
    """ Order document identifier (UUIDv7). """
    downloadable_at: datetime.datetime | None = None
    """ When the file becomes available for download. """
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
        _downloadable_at = get("downloadableAt")
        if _downloadable_at is not None:
            _downloadable_at = datetime.datetime.fromisoformat(_downloadable_at)
            if _downloadable_at.tzinfo is None and check:
                _naive("downloadableAt")
        elif check and "downloadableAt" in src_dict:
            _null("downloadableAt")
        obj.downloadable_at = _downloadable_at
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
        _downloadable_at = self.downloadable_at
        if _downloadable_at is not None:
            field_dict["downloadableAt"] = _downloadable_at.isoformat()
        elif "downloadableAt" in src:
            field_dict["downloadableAt"] = None
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
