from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order_customer_bulk_write import OrderCustomerBulkWrite


T = TypeVar("T", bound="BookingOrderBulkWrite")


@_attrs_define
class BookingOrderBulkWrite:
    """Body of POST /v1/booking/orders/_bulk."""

    external_reference: str
    """ Your own reference for the order (filterable with `external_reference`). """
    reservations: list[str] | Unset = UNSET
    """ Reservations (IRIs) to order. """
    customer: OrderCustomerBulkWrite | Unset = UNSET
    """ The customer of the order. """
    notes: None | str | Unset = UNSET
    """ Free-text notes for the order. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external_reference = self.external_reference

        reservations: list[str] | Unset = UNSET
        if not isinstance(self.reservations, Unset):
            reservations = self.reservations

        customer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.customer, Unset):
            customer = self.customer.to_dict()

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "externalReference": external_reference,
            }
        )
        if reservations is not UNSET:
            field_dict["reservations"] = reservations
        if customer is not UNSET:
            field_dict["customer"] = customer
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_customer_bulk_write import OrderCustomerBulkWrite  # noqa: PLC0415

        d = dict(src_dict)
        external_reference = d.pop("externalReference")

        reservations = cast(list[str], d.pop("reservations", UNSET))

        _customer = d.pop("customer", UNSET)
        customer: OrderCustomerBulkWrite | Unset
        if isinstance(_customer, Unset):
            customer = UNSET
        else:
            customer = OrderCustomerBulkWrite.from_dict(_customer)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        booking_order_bulk_write = cls(
            external_reference=external_reference,
            reservations=reservations,
            customer=customer,
            notes=notes,
        )

        booking_order_bulk_write.additional_properties = d
        return booking_order_bulk_write

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
