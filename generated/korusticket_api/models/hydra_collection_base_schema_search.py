from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.hydra_collection_base_schema_search_mapping_item import (
        HydraCollectionBaseSchemaSearchMappingItem,
    )


T = TypeVar("T", bound="HydraCollectionBaseSchemaSearch")


@_attrs_define
class HydraCollectionBaseSchemaSearch:
    template: str | Unset = UNSET
    variable_representation: str | Unset = UNSET
    mapping: list[HydraCollectionBaseSchemaSearchMappingItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        template = self.template

        variable_representation = self.variable_representation

        mapping: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.mapping, Unset):
            mapping = []
            for mapping_item_data in self.mapping:
                mapping_item = mapping_item_data.to_dict()
                mapping.append(mapping_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if template is not UNSET:
            field_dict["template"] = template
        if variable_representation is not UNSET:
            field_dict["variableRepresentation"] = variable_representation
        if mapping is not UNSET:
            field_dict["mapping"] = mapping

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.hydra_collection_base_schema_search_mapping_item import (
            HydraCollectionBaseSchemaSearchMappingItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        template = d.pop("template", UNSET)

        variable_representation = d.pop("variableRepresentation", UNSET)

        _mapping = d.pop("mapping", UNSET)
        mapping: list[HydraCollectionBaseSchemaSearchMappingItem] | Unset = UNSET
        if _mapping is not UNSET:
            mapping = []
            for mapping_item_data in _mapping:
                mapping_item = HydraCollectionBaseSchemaSearchMappingItem.from_dict(mapping_item_data)

                mapping.append(mapping_item)

        hydra_collection_base_schema_search = cls(
            template=template,
            variable_representation=variable_representation,
            mapping=mapping,
        )

        hydra_collection_base_schema_search.additional_properties = d
        return hydra_collection_base_schema_search

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
