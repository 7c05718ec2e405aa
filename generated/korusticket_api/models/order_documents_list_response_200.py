from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.booking_order_document_get import BookingOrderDocumentGet
    from ..models.hydra_collection_base_schema_search import (
        HydraCollectionBaseSchemaSearch,
    )
    from ..models.hydra_collection_base_schema_view import HydraCollectionBaseSchemaView


T = TypeVar("T", bound="OrderDocumentsListResponse200")


@_attrs_define
class OrderDocumentsListResponse200:
    """BookingOrderDocument.jsonld-v1.order_document.get collection."""

    total_items: int | Unset = UNSET
    view: HydraCollectionBaseSchemaView | Unset = UNSET
    search: HydraCollectionBaseSchemaSearch | Unset = UNSET
    member: list[BookingOrderDocumentGet] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total_items = self.total_items

        view: dict[str, Any] | Unset = UNSET
        if not isinstance(self.view, Unset):
            view = self.view.to_dict()

        search: dict[str, Any] | Unset = UNSET
        if not isinstance(self.search, Unset):
            search = self.search.to_dict()

        member: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.member, Unset):
            member = []
            for member_item_data in self.member:
                member_item = member_item_data.to_dict()
                member.append(member_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total_items is not UNSET:
            field_dict["totalItems"] = total_items
        if view is not UNSET:
            field_dict["view"] = view
        if search is not UNSET:
            field_dict["search"] = search
        if member is not UNSET:
            field_dict["member"] = member

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.booking_order_document_get import BookingOrderDocumentGet  # noqa: PLC0415
        from ..models.hydra_collection_base_schema_search import (
            HydraCollectionBaseSchemaSearch,  # noqa: PLC0415
        )
        from ..models.hydra_collection_base_schema_view import (
            HydraCollectionBaseSchemaView,  # noqa: PLC0415
        )

        d = dict(src_dict)
        total_items = d.pop("totalItems", UNSET)

        _view = d.pop("view", UNSET)
        view: HydraCollectionBaseSchemaView | Unset
        if isinstance(_view, Unset):
            view = UNSET
        else:
            view = HydraCollectionBaseSchemaView.from_dict(_view)

        _search = d.pop("search", UNSET)
        search: HydraCollectionBaseSchemaSearch | Unset
        if isinstance(_search, Unset):
            search = UNSET
        else:
            search = HydraCollectionBaseSchemaSearch.from_dict(_search)

        _member = d.pop("member", UNSET)
        member: list[BookingOrderDocumentGet] | Unset = UNSET
        if _member is not UNSET:
            member = []
            for member_item_data in _member:
                member_item = BookingOrderDocumentGet.from_dict(member_item_data)

                member.append(member_item)

        order_documents_list_response_200 = cls(
            total_items=total_items,
            view=view,
            search=search,
            member=member,
        )

        order_documents_list_response_200.additional_properties = d
        return order_documents_list_response_200

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
