from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.ticketing_product_base_medias_logo_type_0 import (
        TicketingProductBaseMediasLogoType0,
    )


T = TypeVar("T", bound="TicketingProductBaseMedias")


@_attrs_define
class TicketingProductBaseMedias:
    """Images of the product base: a logo and a gallery. The docs do not show the JSON key of this container (medias or
    images); the object stays open.

    """

    logo: None | TicketingProductBaseMediasLogoType0 | Unset = UNSET
    """ The logo image, when available. Its shape is not documented. """
    gallery: list[Any] | Unset = UNSET
    """ Gallery images, ordered by position. Their shape is not documented. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.ticketing_product_base_medias_logo_type_0 import (
            TicketingProductBaseMediasLogoType0,  # noqa: PLC0415
        )

        logo: dict[str, Any] | None | Unset
        if isinstance(self.logo, Unset):
            logo = UNSET
        elif isinstance(self.logo, TicketingProductBaseMediasLogoType0):
            logo = self.logo.to_dict()
        else:
            logo = self.logo

        gallery: list[Any] | Unset = UNSET
        if not isinstance(self.gallery, Unset):
            gallery = self.gallery

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if logo is not UNSET:
            field_dict["logo"] = logo
        if gallery is not UNSET:
            field_dict["gallery"] = gallery

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ticketing_product_base_medias_logo_type_0 import (
            TicketingProductBaseMediasLogoType0,  # noqa: PLC0415
        )

        d = dict(src_dict)

        def _parse_logo(data: object) -> None | TicketingProductBaseMediasLogoType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                logo_type_0 = TicketingProductBaseMediasLogoType0.from_dict(data)

                return logo_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | TicketingProductBaseMediasLogoType0 | Unset, data)

        logo = _parse_logo(d.pop("logo", UNSET))

        gallery = cast(list[Any], d.pop("gallery", UNSET))

        ticketing_product_base_medias = cls(
            logo=logo,
            gallery=gallery,
        )

        ticketing_product_base_medias.additional_properties = d
        return ticketing_product_base_medias

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
