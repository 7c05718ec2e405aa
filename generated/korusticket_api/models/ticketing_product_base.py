from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ticketing_product_base_medias import TicketingProductBaseMedias
    from ..models.ticketing_product_base_venue import TicketingProductBaseVenue


T = TypeVar("T", bound="TicketingProductBase")


@_attrs_define
class TicketingProductBase:
    """A product base: the main element of a catalog. It groups related products (its variants) and has options whose
    values filter products.

    """

    id: str | Unset = UNSET
    """ Product base identifier (UUIDv7). """
    name: str | Unset = UNSET
    """ Product base name. """
    disabled: bool | Unset = UNSET
    """ Whether the product base is disabled. """
    description: str | Unset = UNSET
    """ Description (localized HTML). """
    short_description: str | Unset = UNSET
    """ Short description (localized HTML). """
    terms_of_use: str | Unset = UNSET
    """ Terms of use (localized HTML). """
    use_session: bool | Unset = UNSET
    """ Whether the offers of this product base need a session choice. """
    timezone: str | Unset = UNSET
    """ Time zone of the product base. """
    recurring: bool | Unset = UNSET
    """ Whether the offers recur over several dates. """
    beneficiary_info_may_be_required: bool | Unset = UNSET
    """ Whether tickets may need beneficiary data before their documents are issued. """
    instant_document_delivery: bool | Unset = UNSET
    """ Whether the order documents are available right away. """
    max_amount_per_order: int | Unset = UNSET
    """ Maximum number of offers in one order. """
    universe: str | Unset = UNSET
    """ Universe of the product base. """
    venue: TicketingProductBaseVenue | Unset = UNSET
    """ The venue. Its sub-fields are named in prose only; the object stays open. """
    medias: TicketingProductBaseMedias | Unset = UNSET
    """ Images of the product base: a logo and a gallery. The docs do not show the JSON key of this container
    (medias or images); the object stays open. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        disabled = self.disabled

        description = self.description

        short_description = self.short_description

        terms_of_use = self.terms_of_use

        use_session = self.use_session

        timezone = self.timezone

        recurring = self.recurring

        beneficiary_info_may_be_required = self.beneficiary_info_may_be_required

        instant_document_delivery = self.instant_document_delivery

        max_amount_per_order = self.max_amount_per_order

        universe = self.universe

        venue: dict[str, Any] | Unset = UNSET
        if not isinstance(self.venue, Unset):
            venue = self.venue.to_dict()

        medias: dict[str, Any] | Unset = UNSET
        if not isinstance(self.medias, Unset):
            medias = self.medias.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if disabled is not UNSET:
            field_dict["disabled"] = disabled
        if description is not UNSET:
            field_dict["description"] = description
        if short_description is not UNSET:
            field_dict["shortDescription"] = short_description
        if terms_of_use is not UNSET:
            field_dict["termsOfUse"] = terms_of_use
        if use_session is not UNSET:
            field_dict["useSession"] = use_session
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if recurring is not UNSET:
            field_dict["recurring"] = recurring
        if beneficiary_info_may_be_required is not UNSET:
            field_dict["beneficiaryInfoMayBeRequired"] = beneficiary_info_may_be_required
        if instant_document_delivery is not UNSET:
            field_dict["instantDocumentDelivery"] = instant_document_delivery
        if max_amount_per_order is not UNSET:
            field_dict["maxAmountPerOrder"] = max_amount_per_order
        if universe is not UNSET:
            field_dict["universe"] = universe
        if venue is not UNSET:
            field_dict["venue"] = venue
        if medias is not UNSET:
            field_dict["medias"] = medias

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ticketing_product_base_medias import TicketingProductBaseMedias  # noqa: PLC0415
        from ..models.ticketing_product_base_venue import TicketingProductBaseVenue  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        disabled = d.pop("disabled", UNSET)

        description = d.pop("description", UNSET)

        short_description = d.pop("shortDescription", UNSET)

        terms_of_use = d.pop("termsOfUse", UNSET)

        use_session = d.pop("useSession", UNSET)

        timezone = d.pop("timezone", UNSET)

        recurring = d.pop("recurring", UNSET)

        beneficiary_info_may_be_required = d.pop("beneficiaryInfoMayBeRequired", UNSET)

        instant_document_delivery = d.pop("instantDocumentDelivery", UNSET)

        max_amount_per_order = d.pop("maxAmountPerOrder", UNSET)

        universe = d.pop("universe", UNSET)

        _venue = d.pop("venue", UNSET)
        venue: TicketingProductBaseVenue | Unset
        if isinstance(_venue, Unset):
            venue = UNSET
        else:
            venue = TicketingProductBaseVenue.from_dict(_venue)

        _medias = d.pop("medias", UNSET)
        medias: TicketingProductBaseMedias | Unset
        if isinstance(_medias, Unset):
            medias = UNSET
        else:
            medias = TicketingProductBaseMedias.from_dict(_medias)

        ticketing_product_base = cls(
            id=id,
            name=name,
            disabled=disabled,
            description=description,
            short_description=short_description,
            terms_of_use=terms_of_use,
            use_session=use_session,
            timezone=timezone,
            recurring=recurring,
            beneficiary_info_may_be_required=beneficiary_info_may_be_required,
            instant_document_delivery=instant_document_delivery,
            max_amount_per_order=max_amount_per_order,
            universe=universe,
            venue=venue,
            medias=medias,
        )

        ticketing_product_base.additional_properties = d
        return ticketing_product_base

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
