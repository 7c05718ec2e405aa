from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .._checks import expect as _expect
from .._checks import null as _null

if TYPE_CHECKING:
    from ..models.ticketing_product_base_medias import TicketingProductBaseMedias
    from ..models.ticketing_product_base_venue import TicketingProductBaseVenue


T = TypeVar("T", bound="TicketingProductBase")

# JSON key -> attribute, in declaration order
_FIELDS: dict[str, str] = {
    "id": "id",
    "name": "name",
    "disabled": "disabled",
    "description": "description",
    "shortDescription": "short_description",
    "termsOfUse": "terms_of_use",
    "useSession": "use_session",
    "timezone": "timezone",
    "recurring": "recurring",
    "beneficiaryInfoMayBeRequired": "beneficiary_info_may_be_required",
    "instantDocumentDelivery": "instant_document_delivery",
    "maxAmountPerOrder": "max_amount_per_order",
    "universe": "universe",
    "venue": "venue",
    "medias": "medias",
}


@_attrs_define(repr=False)
class TicketingProductBase:
    """A product base: the main element of a catalog. It groups related products (its variants) and has options whose
    values filter products."""

    id: str | None = None
    """ Product base identifier (UUIDv7). """
    name: str | None = None
    """ Product base name. """
    disabled: bool | None = None
    """ Whether the product base is disabled. """
    description: str | None = None
    """ Description (localized HTML). """
    short_description: str | None = None
    """ Short description (localized HTML). """
    terms_of_use: str | None = None
    """ Terms of use (localized HTML). """
    use_session: bool | None = None
    """ Whether the offers of this product base need a session choice. """
    timezone: str | None = None
    """ Time zone of the product base. """
    recurring: bool | None = None
    """ Whether the offers recur over several dates. """
    beneficiary_info_may_be_required: bool | None = None
    """ Whether tickets may need beneficiary data before their documents are issued. """
    instant_document_delivery: bool | None = None
    """ Whether the order documents are available right away. """
    max_amount_per_order: int | None = None
    """ Maximum number of offers in one order. """
    universe: str | None = None
    """ Universe of the product base. """
    venue: TicketingProductBaseVenue | None = None
    """ The venue. Its sub-fields are named in prose only; the object stays open. """
    medias: TicketingProductBaseMedias | None = None
    """ Images of the product base: a logo and a gallery. The docs do not show the JSON key of this container
    (medias or images); the object stays open. """
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
        obj.name = _name = get("name")
        if type(_name) is not str and check and (_name is not None or "name" in src_dict):
            _expect(_name, (str,), "name")
        obj.disabled = _disabled = get("disabled")
        if type(_disabled) is not bool and check and (_disabled is not None or "disabled" in src_dict):
            _expect(_disabled, (bool,), "disabled")
        obj.description = _description = get("description")
        if type(_description) is not str and check and (_description is not None or "description" in src_dict):
            _expect(_description, (str,), "description")
        obj.short_description = _short_description = get("shortDescription")
        if (
            type(_short_description) is not str
            and check
            and (_short_description is not None or "shortDescription" in src_dict)
        ):
            _expect(_short_description, (str,), "shortDescription")
        obj.terms_of_use = _terms_of_use = get("termsOfUse")
        if type(_terms_of_use) is not str and check and (_terms_of_use is not None or "termsOfUse" in src_dict):
            _expect(_terms_of_use, (str,), "termsOfUse")
        obj.use_session = _use_session = get("useSession")
        if type(_use_session) is not bool and check and (_use_session is not None or "useSession" in src_dict):
            _expect(_use_session, (bool,), "useSession")
        obj.timezone = _timezone = get("timezone")
        if type(_timezone) is not str and check and (_timezone is not None or "timezone" in src_dict):
            _expect(_timezone, (str,), "timezone")
        obj.recurring = _recurring = get("recurring")
        if type(_recurring) is not bool and check and (_recurring is not None or "recurring" in src_dict):
            _expect(_recurring, (bool,), "recurring")
        obj.beneficiary_info_may_be_required = _beneficiary_info_may_be_required = get("beneficiaryInfoMayBeRequired")
        if (
            type(_beneficiary_info_may_be_required) is not bool
            and check
            and (_beneficiary_info_may_be_required is not None or "beneficiaryInfoMayBeRequired" in src_dict)
        ):
            _expect(_beneficiary_info_may_be_required, (bool,), "beneficiaryInfoMayBeRequired")
        obj.instant_document_delivery = _instant_document_delivery = get("instantDocumentDelivery")
        if (
            type(_instant_document_delivery) is not bool
            and check
            and (_instant_document_delivery is not None or "instantDocumentDelivery" in src_dict)
        ):
            _expect(_instant_document_delivery, (bool,), "instantDocumentDelivery")
        obj.max_amount_per_order = _max_amount_per_order = get("maxAmountPerOrder")
        if (
            type(_max_amount_per_order) is not int
            and check
            and (_max_amount_per_order is not None or "maxAmountPerOrder" in src_dict)
        ):
            _expect(_max_amount_per_order, (int,), "maxAmountPerOrder")
        obj.universe = _universe = get("universe")
        if type(_universe) is not str and check and (_universe is not None or "universe" in src_dict):
            _expect(_universe, (str,), "universe")
        _venue = get("venue")
        if _venue is not None:
            _venue = _TicketingProductBaseVenue.from_dict(_venue, check)
        elif check and "venue" in src_dict:
            _null("venue")
        obj.venue = _venue
        _medias = get("medias")
        if _medias is not None:
            _medias = _TicketingProductBaseMedias.from_dict(_medias, check)
        elif check and "medias" in src_dict:
            _null("medias")
        obj.medias = _medias
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
        _name = self.name
        if _name is not None:
            field_dict["name"] = _name
        elif "name" in src:
            field_dict["name"] = None
        _disabled = self.disabled
        if _disabled is not None:
            field_dict["disabled"] = _disabled
        elif "disabled" in src:
            field_dict["disabled"] = None
        _description = self.description
        if _description is not None:
            field_dict["description"] = _description
        elif "description" in src:
            field_dict["description"] = None
        _short_description = self.short_description
        if _short_description is not None:
            field_dict["shortDescription"] = _short_description
        elif "shortDescription" in src:
            field_dict["shortDescription"] = None
        _terms_of_use = self.terms_of_use
        if _terms_of_use is not None:
            field_dict["termsOfUse"] = _terms_of_use
        elif "termsOfUse" in src:
            field_dict["termsOfUse"] = None
        _use_session = self.use_session
        if _use_session is not None:
            field_dict["useSession"] = _use_session
        elif "useSession" in src:
            field_dict["useSession"] = None
        _timezone = self.timezone
        if _timezone is not None:
            field_dict["timezone"] = _timezone
        elif "timezone" in src:
            field_dict["timezone"] = None
        _recurring = self.recurring
        if _recurring is not None:
            field_dict["recurring"] = _recurring
        elif "recurring" in src:
            field_dict["recurring"] = None
        _beneficiary_info_may_be_required = self.beneficiary_info_may_be_required
        if _beneficiary_info_may_be_required is not None:
            field_dict["beneficiaryInfoMayBeRequired"] = _beneficiary_info_may_be_required
        elif "beneficiaryInfoMayBeRequired" in src:
            field_dict["beneficiaryInfoMayBeRequired"] = None
        _instant_document_delivery = self.instant_document_delivery
        if _instant_document_delivery is not None:
            field_dict["instantDocumentDelivery"] = _instant_document_delivery
        elif "instantDocumentDelivery" in src:
            field_dict["instantDocumentDelivery"] = None
        _max_amount_per_order = self.max_amount_per_order
        if _max_amount_per_order is not None:
            field_dict["maxAmountPerOrder"] = _max_amount_per_order
        elif "maxAmountPerOrder" in src:
            field_dict["maxAmountPerOrder"] = None
        _universe = self.universe
        if _universe is not None:
            field_dict["universe"] = _universe
        elif "universe" in src:
            field_dict["universe"] = None
        _venue = self.venue
        if _venue is not None:
            field_dict["venue"] = _venue.to_dict()
        elif "venue" in src:
            field_dict["venue"] = None
        _medias = self.medias
        if _medias is not None:
            field_dict["medias"] = _medias.to_dict()
        elif "medias" in src:
            field_dict["medias"] = None
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
from ..models.ticketing_product_base_medias import (
    TicketingProductBaseMedias as _TicketingProductBaseMedias,  # noqa: E402
)
from ..models.ticketing_product_base_venue import (
    TicketingProductBaseVenue as _TicketingProductBaseVenue,  # noqa: E402
)
