from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.booking_order import BookingOrder
    from ..models.booking_order_bulk_result_failed_orders_item import (
        BookingOrderBulkResultFailedOrdersItem,
    )


T = TypeVar("T", bound="BookingOrderBulkResult")


@_attrs_define
class BookingOrderBulkResult:
    """Result of POST /v1/booking/orders/_bulk: created and failed orders."""

    orders: list[BookingOrder] | Unset = UNSET
    """ Orders created. """
    failed_orders: list[BookingOrderBulkResultFailedOrdersItem] | Unset = UNSET
    """ Reservations that could not be ordered. The shape of the entries is not documented. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        orders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.orders, Unset):
            orders = []
            for orders_item_data in self.orders:
                orders_item = orders_item_data.to_dict()
                orders.append(orders_item)

        failed_orders: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.failed_orders, Unset):
            failed_orders = []
            for failed_orders_item_data in self.failed_orders:
                failed_orders_item = failed_orders_item_data.to_dict()
                failed_orders.append(failed_orders_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if orders is not UNSET:
            field_dict["orders"] = orders
        if failed_orders is not UNSET:
            field_dict["failedOrders"] = failed_orders

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.booking_order import BookingOrder  # noqa: PLC0415
        from ..models.booking_order_bulk_result_failed_orders_item import (
            BookingOrderBulkResultFailedOrdersItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        _orders = d.pop("orders", UNSET)
        orders: list[BookingOrder] | Unset = UNSET
        if _orders is not UNSET:
            orders = []
            for orders_item_data in _orders:
                orders_item = BookingOrder.from_dict(orders_item_data)

                orders.append(orders_item)

        _failed_orders = d.pop("failedOrders", UNSET)
        failed_orders: list[BookingOrderBulkResultFailedOrdersItem] | Unset = UNSET
        if _failed_orders is not UNSET:
            failed_orders = []
            for failed_orders_item_data in _failed_orders:
                failed_orders_item = BookingOrderBulkResultFailedOrdersItem.from_dict(failed_orders_item_data)

                failed_orders.append(failed_orders_item)

        booking_order_bulk_result = cls(
            orders=orders,
            failed_orders=failed_orders,
        )

        booking_order_bulk_result.additional_properties = d
        return booking_order_bulk_result

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
