from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reservation_form_data_field_bulk_write import (
        ReservationFormDataFieldBulkWrite,
    )


T = TypeVar("T", bound="ReservationFormDataBulkWrite")


@_attrs_define
class ReservationFormDataBulkWrite:
    """Values for the form of the ticket (offer ticket `form`). Optional; pass it when the ticket has a form."""

    form: str
    """ Form (IRI). """
    fields: list[ReservationFormDataFieldBulkWrite]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        form = self.form

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.to_dict()
            fields.append(fields_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "form": form,
                "fields": fields,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reservation_form_data_field_bulk_write import (
            ReservationFormDataFieldBulkWrite,  # noqa: PLC0415
        )

        d = dict(src_dict)
        form = d.pop("form")

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = ReservationFormDataFieldBulkWrite.from_dict(fields_item_data)

            fields.append(fields_item)

        reservation_form_data_bulk_write = cls(
            form=form,
            fields=fields,
        )

        reservation_form_data_bulk_write.additional_properties = d
        return reservation_form_data_bulk_write

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
