from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TicketingCatalog")


@_attrs_define
class TicketingCatalog:
    """A ticket issuer's collection of product bases; usually one per issuer."""

    id: str | Unset = UNSET
    """ Catalog identifier (UUIDv7). """
    created_at: datetime.datetime | Unset = UNSET
    """ UTC time the catalog was first imported. """
    last_synced_at: datetime.datetime | Unset = UNSET
    """ Time of the last synchronisation of the catalog. """
    name: str | Unset = UNSET
    """ Catalog name. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        last_synced_at: str | Unset = UNSET
        if not isinstance(self.last_synced_at, Unset):
            last_synced_at = self.last_synced_at.isoformat()

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if last_synced_at is not UNSET:
            field_dict["lastSyncedAt"] = last_synced_at
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        _last_synced_at = d.pop("lastSyncedAt", UNSET)
        last_synced_at: datetime.datetime | Unset
        if isinstance(_last_synced_at, Unset):
            last_synced_at = UNSET
        else:
            last_synced_at = datetime.datetime.fromisoformat(_last_synced_at)

        name = d.pop("name", UNSET)

        ticketing_catalog = cls(
            id=id,
            created_at=created_at,
            last_synced_at=last_synced_at,
            name=name,
        )

        ticketing_catalog.additional_properties = d
        return ticketing_catalog

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
