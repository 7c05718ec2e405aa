from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import expect as _expect
from .._checks import null as _null

if TYPE_CHECKING:
    from ..models.hydra_collection_base_schema_search import (
        HydraCollectionBaseSchemaSearch,
    )
    from ..models.hydra_collection_base_schema_view import HydraCollectionBaseSchemaView
    from ..models.ticketing_offer_ticket import TicketingOfferTicket


T = TypeVar("T", bound="OfferTicketsListResponse200")

# JSON key -> attribute, in declaration order
_FIELDS: dict[str, str] = {
    "totalItems": "total_items",
    "view": "view",
    "search": "search",
    "member": "member",
}


@_attrs_define(repr=False)
class OfferTicketsListResponse200:
    """TicketingOfferTicket.jsonld-v1.offer_ticket.read collection."""

    total_items: int | None = None
    view: HydraCollectionBaseSchemaView | None = None
    search: HydraCollectionBaseSchemaSearch | None = None
    member: list[TicketingOfferTicket] | None = None
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
        obj.total_items = _total_items = get("totalItems")
        if type(_total_items) is not int and check and (_total_items is not None or "totalItems" in src_dict):
            _expect(_total_items, (int,), "totalItems")
        _view = get("view")
        if _view is not None:
            _view = _HydraCollectionBaseSchemaView.from_dict(_view, check)
        elif check and "view" in src_dict:
            _null("view")
        obj.view = _view
        _search = get("search")
        if _search is not None:
            _search = _HydraCollectionBaseSchemaSearch.from_dict(_search, check)
        elif check and "search" in src_dict:
            _null("search")
        obj.search = _search
        _member = get("member")
        if _member is not None:
            if type(_member) is not list and check:
                _expect(_member, (list,), "member")
            _member = [_TicketingOfferTicket.from_dict(x, check) for x in _member]
        elif check and "member" in src_dict:
            _null("member")
        obj.member = _member
        obj._src = src_dict
        obj._extra = None
        return obj

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = dict(self.additional_properties)
        src = self._src
        _total_items = self.total_items
        if _total_items is not None:
            field_dict["totalItems"] = _total_items
        elif "totalItems" in src:
            field_dict["totalItems"] = None
        _view = self.view
        if _view is not None:
            field_dict["view"] = _view.to_dict()
        elif "view" in src:
            field_dict["view"] = None
        _search = self.search
        if _search is not None:
            field_dict["search"] = _search.to_dict()
        elif "search" in src:
            field_dict["search"] = None
        _member = self.member
        if _member is not None:
            field_dict["member"] = [x.to_dict() for x in _member]
        elif "member" in src:
            field_dict["member"] = None
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
from ..models.hydra_collection_base_schema_search import (
    HydraCollectionBaseSchemaSearch as _HydraCollectionBaseSchemaSearch,  # noqa: E402
)
from ..models.hydra_collection_base_schema_view import (
    HydraCollectionBaseSchemaView as _HydraCollectionBaseSchemaView,  # noqa: E402
)
from ..models.ticketing_offer_ticket import (
    TicketingOfferTicket as _TicketingOfferTicket,  # noqa: E402
)
