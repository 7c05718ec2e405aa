"""Contains all the data models used in inputs/outputs (each module imported on first use)"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .booking_order import BookingOrder
    from .booking_order_bulk_result import BookingOrderBulkResult
    from .booking_order_bulk_result_failed_orders_item import (
        BookingOrderBulkResultFailedOrdersItem,
    )
    from .booking_order_bulk_write import BookingOrderBulkWrite
    from .booking_order_document_get import BookingOrderDocumentGet
    from .booking_order_document_patch import BookingOrderDocumentPatch
    from .booking_order_document_patch_write import BookingOrderDocumentPatchWrite
    from .booking_order_item_ticket import BookingOrderItemTicket
    from .booking_order_item_ticket_in_order import BookingOrderItemTicketInOrder
    from .booking_order_item_ticket_in_order_status import (
        BookingOrderItemTicketInOrderStatus,
    )
    from .booking_order_item_ticket_patch_write import BookingOrderItemTicketPatchWrite
    from .booking_order_item_ticket_status import BookingOrderItemTicketStatus
    from .booking_order_status import BookingOrderStatus
    from .booking_reservation import BookingReservation
    from .booking_reservation_bulk_result import BookingReservationBulkResult
    from .booking_reservation_bulk_result_failed_reservations_item import (
        BookingReservationBulkResultFailedReservationsItem,
    )
    from .booking_reservation_bulk_write import BookingReservationBulkWrite
    from .booking_reservation_seats_arrangement import (
        BookingReservationSeatsArrangement,
    )
    from .booking_reservation_status import BookingReservationStatus
    from .catalogs_list_ordercreated_at import CatalogsListOrdercreatedAt
    from .catalogs_list_response_200 import CatalogsListResponse200
    from .constraint_violation import ConstraintViolation
    from .constraint_violation_jsonld import ConstraintViolationJsonld
    from .constraint_violation_violations_item import ConstraintViolationViolationsItem
    from .error import Error
    from .error_jsonld import ErrorJsonld
    from .form import Form
    from .form_field import FormField
    from .form_field_choice import FormFieldChoice
    from .hydra_collection_base_schema import HydraCollectionBaseSchema
    from .hydra_collection_base_schema_search import HydraCollectionBaseSchemaSearch
    from .hydra_collection_base_schema_search_mapping_item import (
        HydraCollectionBaseSchemaSearchMappingItem,
    )
    from .hydra_collection_base_schema_view import HydraCollectionBaseSchemaView
    from .hydra_item_base_schema import HydraItemBaseSchema
    from .offer_price import OfferPrice
    from .offer_price_currency import OfferPriceCurrency
    from .offer_ticket_sessions_list_response_200 import (
        OfferTicketSessionsListResponse200,
    )
    from .offer_tickets_list_response_200 import OfferTicketsListResponse200
    from .offers_list_orderdate import OffersListOrderdate
    from .offers_list_response_200 import OffersListResponse200
    from .order_customer import OrderCustomer
    from .order_customer_bulk_write import OrderCustomerBulkWrite
    from .order_customer_bulk_write_title import OrderCustomerBulkWriteTitle
    from .order_documents_list_response_200 import OrderDocumentsListResponse200
    from .order_item import OrderItem
    from .order_item_ticket_beneficiary import OrderItemTicketBeneficiary
    from .order_item_ticket_beneficiary_in_order import (
        OrderItemTicketBeneficiaryInOrder,
    )
    from .order_item_ticket_beneficiary_patch_write import (
        OrderItemTicketBeneficiaryPatchWrite,
    )
    from .order_item_ticket_beneficiary_patch_write_title_type_0 import (
        OrderItemTicketBeneficiaryPatchWriteTitleType0,
    )
    from .orders_list_ordercreated_at import OrdersListOrdercreatedAt
    from .orders_list_response_200 import OrdersListResponse200
    from .product_base_option_values_list_code import ProductBaseOptionValuesListCode
    from .product_base_option_values_list_response_200 import (
        ProductBaseOptionValuesListResponse200,
    )
    from .product_base_options_list_response_200 import (
        ProductBaseOptionsListResponse200,
    )
    from .product_base_products_list_response_200 import (
        ProductBaseProductsListResponse200,
    )
    from .product_bases_list_response_200 import ProductBasesListResponse200
    from .products_list_response_200 import ProductsListResponse200
    from .reservation_form_data_bulk_write import ReservationFormDataBulkWrite
    from .reservation_form_data_field_bulk_write import (
        ReservationFormDataFieldBulkWrite,
    )
    from .reservation_item import ReservationItem
    from .reservation_item_bulk_write import ReservationItemBulkWrite
    from .reservation_item_offer_ticket import ReservationItemOfferTicket
    from .reservation_ticket_session_bulk_write import ReservationTicketSessionBulkWrite
    from .reservations_list_ordercreated_at import ReservationsListOrdercreatedAt
    from .reservations_list_response_200 import ReservationsListResponse200
    from .ticketing_catalog import TicketingCatalog
    from .ticketing_offer import TicketingOffer
    from .ticketing_offer_availability import TicketingOfferAvailability
    from .ticketing_offer_price import TicketingOfferPrice
    from .ticketing_offer_price_currency import TicketingOfferPriceCurrency
    from .ticketing_offer_session_availability import TicketingOfferSessionAvailability
    from .ticketing_offer_ticket import TicketingOfferTicket
    from .ticketing_offer_ticket_in_offer import TicketingOfferTicketInOffer
    from .ticketing_offer_ticket_session import TicketingOfferTicketSession
    from .ticketing_product import TicketingProduct
    from .ticketing_product_base import TicketingProductBase
    from .ticketing_product_base_medias import TicketingProductBaseMedias
    from .ticketing_product_base_medias_logo_type_0 import (
        TicketingProductBaseMediasLogoType0,
    )
    from .ticketing_product_base_option import TicketingProductBaseOption
    from .ticketing_product_base_option_value import TicketingProductBaseOptionValue
    from .ticketing_product_base_venue import TicketingProductBaseVenue
    from .ticketing_product_in_offer import TicketingProductInOffer
    from .ticketing_seat_map import TicketingSeatMap

_MODULES: dict[str, str] = {
    "BookingOrder": ".booking_order",
    "BookingOrderBulkResult": ".booking_order_bulk_result",
    "BookingOrderBulkResultFailedOrdersItem": ".booking_order_bulk_result_failed_orders_item",
    "BookingOrderBulkWrite": ".booking_order_bulk_write",
    "BookingOrderDocumentGet": ".booking_order_document_get",
    "BookingOrderDocumentPatch": ".booking_order_document_patch",
    "BookingOrderDocumentPatchWrite": ".booking_order_document_patch_write",
    "BookingOrderItemTicket": ".booking_order_item_ticket",
    "BookingOrderItemTicketInOrder": ".booking_order_item_ticket_in_order",
    "BookingOrderItemTicketInOrderStatus": ".booking_order_item_ticket_in_order_status",
    "BookingOrderItemTicketPatchWrite": ".booking_order_item_ticket_patch_write",
    "BookingOrderItemTicketStatus": ".booking_order_item_ticket_status",
    "BookingOrderStatus": ".booking_order_status",
    "BookingReservation": ".booking_reservation",
    "BookingReservationBulkResult": ".booking_reservation_bulk_result",
    "BookingReservationBulkResultFailedReservationsItem": ".booking_reservation_bulk_result_failed_reservations_item",
    "BookingReservationBulkWrite": ".booking_reservation_bulk_write",
    "BookingReservationSeatsArrangement": ".booking_reservation_seats_arrangement",
    "BookingReservationStatus": ".booking_reservation_status",
    "CatalogsListOrdercreatedAt": ".catalogs_list_ordercreated_at",
    "CatalogsListResponse200": ".catalogs_list_response_200",
    "ConstraintViolation": ".constraint_violation",
    "ConstraintViolationJsonld": ".constraint_violation_jsonld",
    "ConstraintViolationViolationsItem": ".constraint_violation_violations_item",
    "Error": ".error",
    "ErrorJsonld": ".error_jsonld",
    "Form": ".form",
    "FormField": ".form_field",
    "FormFieldChoice": ".form_field_choice",
    "HydraCollectionBaseSchema": ".hydra_collection_base_schema",
    "HydraCollectionBaseSchemaSearch": ".hydra_collection_base_schema_search",
    "HydraCollectionBaseSchemaSearchMappingItem": ".hydra_collection_base_schema_search_mapping_item",
    "HydraCollectionBaseSchemaView": ".hydra_collection_base_schema_view",
    "HydraItemBaseSchema": ".hydra_item_base_schema",
    "OfferPrice": ".offer_price",
    "OfferPriceCurrency": ".offer_price_currency",
    "OfferTicketSessionsListResponse200": ".offer_ticket_sessions_list_response_200",
    "OfferTicketsListResponse200": ".offer_tickets_list_response_200",
    "OffersListOrderdate": ".offers_list_orderdate",
    "OffersListResponse200": ".offers_list_response_200",
    "OrderCustomer": ".order_customer",
    "OrderCustomerBulkWrite": ".order_customer_bulk_write",
    "OrderCustomerBulkWriteTitle": ".order_customer_bulk_write_title",
    "OrderDocumentsListResponse200": ".order_documents_list_response_200",
    "OrderItem": ".order_item",
    "OrderItemTicketBeneficiary": ".order_item_ticket_beneficiary",
    "OrderItemTicketBeneficiaryInOrder": ".order_item_ticket_beneficiary_in_order",
    "OrderItemTicketBeneficiaryPatchWrite": ".order_item_ticket_beneficiary_patch_write",
    "OrderItemTicketBeneficiaryPatchWriteTitleType0": ".order_item_ticket_beneficiary_patch_write_title_type_0",
    "OrdersListOrdercreatedAt": ".orders_list_ordercreated_at",
    "OrdersListResponse200": ".orders_list_response_200",
    "ProductBaseOptionValuesListCode": ".product_base_option_values_list_code",
    "ProductBaseOptionValuesListResponse200": ".product_base_option_values_list_response_200",
    "ProductBaseOptionsListResponse200": ".product_base_options_list_response_200",
    "ProductBaseProductsListResponse200": ".product_base_products_list_response_200",
    "ProductBasesListResponse200": ".product_bases_list_response_200",
    "ProductsListResponse200": ".products_list_response_200",
    "ReservationFormDataBulkWrite": ".reservation_form_data_bulk_write",
    "ReservationFormDataFieldBulkWrite": ".reservation_form_data_field_bulk_write",
    "ReservationItem": ".reservation_item",
    "ReservationItemBulkWrite": ".reservation_item_bulk_write",
    "ReservationItemOfferTicket": ".reservation_item_offer_ticket",
    "ReservationTicketSessionBulkWrite": ".reservation_ticket_session_bulk_write",
    "ReservationsListOrdercreatedAt": ".reservations_list_ordercreated_at",
    "ReservationsListResponse200": ".reservations_list_response_200",
    "TicketingCatalog": ".ticketing_catalog",
    "TicketingOffer": ".ticketing_offer",
    "TicketingOfferAvailability": ".ticketing_offer_availability",
    "TicketingOfferPrice": ".ticketing_offer_price",
    "TicketingOfferPriceCurrency": ".ticketing_offer_price_currency",
    "TicketingOfferSessionAvailability": ".ticketing_offer_session_availability",
    "TicketingOfferTicket": ".ticketing_offer_ticket",
    "TicketingOfferTicketInOffer": ".ticketing_offer_ticket_in_offer",
    "TicketingOfferTicketSession": ".ticketing_offer_ticket_session",
    "TicketingProduct": ".ticketing_product",
    "TicketingProductBase": ".ticketing_product_base",
    "TicketingProductBaseMedias": ".ticketing_product_base_medias",
    "TicketingProductBaseMediasLogoType0": ".ticketing_product_base_medias_logo_type_0",
    "TicketingProductBaseOption": ".ticketing_product_base_option",
    "TicketingProductBaseOptionValue": ".ticketing_product_base_option_value",
    "TicketingProductBaseVenue": ".ticketing_product_base_venue",
    "TicketingProductInOffer": ".ticketing_product_in_offer",
    "TicketingSeatMap": ".ticketing_seat_map",
}

__all__ = (
    "BookingOrder",
    "BookingOrderBulkResult",
    "BookingOrderBulkResultFailedOrdersItem",
    "BookingOrderBulkWrite",
    "BookingOrderDocumentGet",
    "BookingOrderDocumentPatch",
    "BookingOrderDocumentPatchWrite",
    "BookingOrderItemTicket",
    "BookingOrderItemTicketInOrder",
    "BookingOrderItemTicketInOrderStatus",
    "BookingOrderItemTicketPatchWrite",
    "BookingOrderItemTicketStatus",
    "BookingOrderStatus",
    "BookingReservation",
    "BookingReservationBulkResult",
    "BookingReservationBulkResultFailedReservationsItem",
    "BookingReservationBulkWrite",
    "BookingReservationSeatsArrangement",
    "BookingReservationStatus",
    "CatalogsListOrdercreatedAt",
    "CatalogsListResponse200",
    "ConstraintViolation",
    "ConstraintViolationJsonld",
    "ConstraintViolationViolationsItem",
    "Error",
    "ErrorJsonld",
    "Form",
    "FormField",
    "FormFieldChoice",
    "HydraCollectionBaseSchema",
    "HydraCollectionBaseSchemaSearch",
    "HydraCollectionBaseSchemaSearchMappingItem",
    "HydraCollectionBaseSchemaView",
    "HydraItemBaseSchema",
    "OfferPrice",
    "OfferPriceCurrency",
    "OffersListOrderdate",
    "OffersListResponse200",
    "OfferTicketSessionsListResponse200",
    "OfferTicketsListResponse200",
    "OrderCustomer",
    "OrderCustomerBulkWrite",
    "OrderCustomerBulkWriteTitle",
    "OrderDocumentsListResponse200",
    "OrderItem",
    "OrderItemTicketBeneficiary",
    "OrderItemTicketBeneficiaryInOrder",
    "OrderItemTicketBeneficiaryPatchWrite",
    "OrderItemTicketBeneficiaryPatchWriteTitleType0",
    "OrdersListOrdercreatedAt",
    "OrdersListResponse200",
    "ProductBaseOptionsListResponse200",
    "ProductBaseOptionValuesListCode",
    "ProductBaseOptionValuesListResponse200",
    "ProductBaseProductsListResponse200",
    "ProductBasesListResponse200",
    "ProductsListResponse200",
    "ReservationFormDataBulkWrite",
    "ReservationFormDataFieldBulkWrite",
    "ReservationItem",
    "ReservationItemBulkWrite",
    "ReservationItemOfferTicket",
    "ReservationsListOrdercreatedAt",
    "ReservationsListResponse200",
    "ReservationTicketSessionBulkWrite",
    "TicketingCatalog",
    "TicketingOffer",
    "TicketingOfferAvailability",
    "TicketingOfferPrice",
    "TicketingOfferPriceCurrency",
    "TicketingOfferSessionAvailability",
    "TicketingOfferTicket",
    "TicketingOfferTicketInOffer",
    "TicketingOfferTicketSession",
    "TicketingProduct",
    "TicketingProductBase",
    "TicketingProductBaseMedias",
    "TicketingProductBaseMediasLogoType0",
    "TicketingProductBaseOption",
    "TicketingProductBaseOptionValue",
    "TicketingProductBaseVenue",
    "TicketingProductInOffer",
    "TicketingSeatMap",
)


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
