from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BookingOrderDocumentGet")


@_attrs_define
class BookingOrderDocumentGet:
    """An order document (typically a PDF ticket) and the time it becomes downloadable. Get its download URL with the PATCH
    operation.

    """

    id: str | Unset = UNSET
    """ Order document identifier (UUIDv7). """
    downloadable_at: datetime.datetime | Unset = UNSET
    """ When the file becomes available for download. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        downloadable_at: str | Unset = UNSET
        if not isinstance(self.downloadable_at, Unset):
            downloadable_at = self.downloadable_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if downloadable_at is not UNSET:
            field_dict["downloadableAt"] = downloadable_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _downloadable_at = d.pop("downloadableAt", UNSET)
        downloadable_at: datetime.datetime | Unset
        if isinstance(_downloadable_at, Unset):
            downloadable_at = UNSET
        else:
            downloadable_at = datetime.datetime.fromisoformat(_downloadable_at)

        booking_order_document_get = cls(
            id=id,
            downloadable_at=downloadable_at,
        )

        booking_order_document_get.additional_properties = d
        return booking_order_document_get

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
