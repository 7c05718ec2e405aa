from __future__ import annotations

import datetime
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.booking_order_status import BookingOrderStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.order_customer import OrderCustomer
    from ..models.order_item import OrderItem


T = TypeVar("T", bound="BookingOrder")


@_attrs_define
class BookingOrder:
    """An order: confirmed purchase created from reservations for a customer."""

    id: str | Unset = UNSET
    """ Order identifier (UUIDv7). """
    created_at: datetime.datetime | Unset = UNSET
    """ Creation time. """
    catalog: str | Unset = UNSET
    """ Catalog (IRI) of the order. """
    organization: str | Unset = UNSET
    """ Organization (IRI) owning the order. """
    reference: str | Unset = UNSET
    """ KorusTicket order reference. """
    external_reference: None | str | Unset = UNSET
    """ The caller's own reference (filter with `external_reference`). """
    connector_reference: None | str | Unset = UNSET
    """ Reference of the order in the upstream ticketing system. """
    total_amount_incl_tax: Decimal | Unset = UNSET
    """ Total amount including taxes (decimal string). """
    total_amount_excl_tax: Decimal | Unset = UNSET
    """ Total amount excluding taxes (decimal string). """
    customer: OrderCustomer | Unset = UNSET
    """ The customer of an order (embedded; JSON-LD `@type` OrderCustomer, blank-node `@id` such as /.well-
    known/genid/659ea7d58fe6d29dcf2e). """
    status: BookingOrderStatus | Unset = UNSET
    """ Order status. """
    cancelled_at: datetime.datetime | None | Unset = UNSET
    """ Cancellation time, if cancelled. """
    items: list[OrderItem] | Unset = UNSET
    """ Ordered items. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        catalog = self.catalog

        organization = self.organization

        reference = self.reference

        external_reference: None | str | Unset
        if isinstance(self.external_reference, Unset):
            external_reference = UNSET
        else:
            external_reference = self.external_reference

        connector_reference: None | str | Unset
        if isinstance(self.connector_reference, Unset):
            connector_reference = UNSET
        else:
            connector_reference = self.connector_reference

        total_amount_incl_tax: str | Unset = UNSET
        if not isinstance(self.total_amount_incl_tax, Unset):
            total_amount_incl_tax = str(self.total_amount_incl_tax)

        total_amount_excl_tax: str | Unset = UNSET
        if not isinstance(self.total_amount_excl_tax, Unset):
            total_amount_excl_tax = str(self.total_amount_excl_tax)

        customer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.customer, Unset):
            customer = self.customer.to_dict()

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        cancelled_at: None | str | Unset
        if isinstance(self.cancelled_at, Unset):
            cancelled_at = UNSET
        elif isinstance(self.cancelled_at, datetime.datetime):
            cancelled_at = self.cancelled_at.isoformat()
        else:
            cancelled_at = self.cancelled_at

        items: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.items, Unset):
            items = []
            for items_item_data in self.items:
                items_item = items_item_data.to_dict()
                items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if created_at is not UNSET:
            field_dict["createdAt"] = created_at
        if catalog is not UNSET:
            field_dict["catalog"] = catalog
        if organization is not UNSET:
            field_dict["organization"] = organization
        if reference is not UNSET:
            field_dict["reference"] = reference
        if external_reference is not UNSET:
            field_dict["externalReference"] = external_reference
        if connector_reference is not UNSET:
            field_dict["connectorReference"] = connector_reference
        if total_amount_incl_tax is not UNSET:
            field_dict["totalAmountInclTax"] = total_amount_incl_tax
        if total_amount_excl_tax is not UNSET:
            field_dict["totalAmountExclTax"] = total_amount_excl_tax
        if customer is not UNSET:
            field_dict["customer"] = customer
        if status is not UNSET:
            field_dict["status"] = status
        if cancelled_at is not UNSET:
            field_dict["cancelledAt"] = cancelled_at
        if items is not UNSET:
            field_dict["items"] = items

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.order_customer import OrderCustomer  # noqa: PLC0415
        from ..models.order_item import OrderItem  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _created_at = d.pop("createdAt", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        catalog = d.pop("catalog", UNSET)

        organization = d.pop("organization", UNSET)

        reference = d.pop("reference", UNSET)

        def _parse_external_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_reference = _parse_external_reference(d.pop("externalReference", UNSET))

        def _parse_connector_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        connector_reference = _parse_connector_reference(d.pop("connectorReference", UNSET))

        _total_amount_incl_tax = d.pop("totalAmountInclTax", UNSET)
        total_amount_incl_tax: Decimal | Unset
        if isinstance(_total_amount_incl_tax, Unset):
            total_amount_incl_tax = UNSET
        else:
            total_amount_incl_tax = Decimal(str(_total_amount_incl_tax))

        _total_amount_excl_tax = d.pop("totalAmountExclTax", UNSET)
        total_amount_excl_tax: Decimal | Unset
        if isinstance(_total_amount_excl_tax, Unset):
            total_amount_excl_tax = UNSET
        else:
            total_amount_excl_tax = Decimal(str(_total_amount_excl_tax))

        _customer = d.pop("customer", UNSET)
        customer: OrderCustomer | Unset
        if isinstance(_customer, Unset):
            customer = UNSET
        else:
            customer = OrderCustomer.from_dict(_customer)

        _status = d.pop("status", UNSET)
        status: BookingOrderStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = BookingOrderStatus(_status)

        def _parse_cancelled_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cancelled_at_type_0 = datetime.datetime.fromisoformat(data)

                return cancelled_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        cancelled_at = _parse_cancelled_at(d.pop("cancelledAt", UNSET))

        _items = d.pop("items", UNSET)
        items: list[OrderItem] | Unset = UNSET
        if _items is not UNSET:
            items = []
            for items_item_data in _items:
                items_item = OrderItem.from_dict(items_item_data)

                items.append(items_item)

        booking_order = cls(
            id=id,
            created_at=created_at,
            catalog=catalog,
            organization=organization,
            reference=reference,
            external_reference=external_reference,
            connector_reference=connector_reference,
            total_amount_incl_tax=total_amount_incl_tax,
            total_amount_excl_tax=total_amount_excl_tax,
            customer=customer,
            status=status,
            cancelled_at=cancelled_at,
            items=items,
        )

        booking_order.additional_properties = d
        return booking_order

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
