"""A plausible next KorusTicket release, built on the current spec: the project's release fixture.

It holds every kind of change a release brings (tests/release/test_release_workflow.py shows what
`make release` makes of each):

- a new list/item pair (widgets) and a nested collection (widget parts);
- removed operations and schemas (products), one of them a schema whose sibling could take its freed
  short name (`TicketingProduct` vs `TicketingProductInOffer`);
- an operation's path renamed (`/offers/{id}/price` -> `/prices`, the table entry goes stale);
- a response field made nullable (order `reference`) and one renamed (catalog `lastSyncedAt` -> `syncedAt`);
- new optional request fields on the order and reservation creation bodies (customer `company`,
  reservation item `promoCode`);
- a response enum value added (order status `refunded`) and a request enum value removed (customer
  title `mx`);
- a new POST action (reservations `/{id}/cancel`) and a new PATCH resource (carts);
- a deprecated operation (offer availability);
- a renamed configured query filter (offers `productBaseId` -> `productBase`);
- a changed meaning (the offers list description, and the order `reference` description).

    python -m tests.support.next_release > build/next-release.yaml   # for a manual `make release`
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
VERSION = "9.9.9-fixture"
CATALOG = "0194abdc-3a71-72b0-a9b9-89d4be0cd73e"
REMOVED = ("/v1/ticketing/catalogs/{catalogId}/products", "/v1/ticketing/catalogs/{catalogId}/products/{id}")
PRODUCT_SCHEMA = "TicketingProduct.jsonld-v1.product.read"
WIDGETS = "/v1/ticketing/catalogs/{catalogId}/widgets"
PARTS = "/v1/ticketing/catalogs/{catalogId}/widgets/{widgetId}/parts"
PRICE = "/v1/ticketing/catalogs/{catalogId}/offers/{id}/price"
CANCEL = "/v1/booking/reservations/{id}/cancel"
CART = "/v1/booking/carts/{id}"
OFFERS = "/v1/ticketing/catalogs/{catalogId}/offers"
AVAILABILITY = "/v1/ticketing/catalogs/{catalogId}/offers/{id}/availability"
UUID7 = "^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"


def _path_param(name: str) -> dict[str, Any]:
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string", "pattern": UUID7}}


def _paging() -> list[dict[str, Any]]:
    return [
        {"name": "page", "in": "query", "required": False, "schema": {"type": "integer", "default": 1}},
        {
            "name": "itemsPerPage",
            "in": "query",
            "required": False,
            "schema": {"type": "integer", "default": 10, "minimum": 0, "maximum": 50},
        },
    ]


def _collection(item_ref: str, what: str) -> dict[str, Any]:
    return {
        "description": f"{what} collection",
        "content": {
            "application/ld+json": {
                "schema": {
                    "type": "object",
                    "allOf": [
                        {"$ref": "#/components/schemas/HydraCollectionBaseSchema"},
                        {
                            "type": "object",
                            "required": ["member"],
                            "properties": {"member": {"type": "array", "items": {"$ref": item_ref}}},
                        },
                    ],
                }
            }
        },
    }


def _one(ref: str, what: str) -> dict[str, Any]:
    return {"description": what, "content": {"application/ld+json": {"schema": {"$ref": ref}}}}


def _props(schemas: dict[str, Any], name: str) -> dict[str, Any]:
    """The properties of a schema (the object part of its allOf, when it has one)."""
    schema = schemas[name]
    for part in schema.get("allOf", []):
        if "properties" in part:
            return part["properties"]
    return schema["properties"]


def fixture_release(base: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(base)
    doc["info"]["version"] = VERSION
    paths, schemas = doc["paths"], doc["components"]["schemas"]
    # Removed operations and their model; whatever else lists products goes too.
    for path in REMOVED:
        del paths[path]
    for path in [p for p, item in paths.items() if PRODUCT_SCHEMA in json.dumps(item)]:
        del paths[path]
    schemas.pop(PRODUCT_SCHEMA)
    _add_widgets(paths, schemas)
    _change_fields(paths, schemas)
    _add_booking_operations(paths, schemas)
    # A deprecated operation.
    paths[AVAILABILITY]["get"]["deprecated"] = True
    # A renamed configured query filter (operations.yaml configures productBaseId as an id).
    for param in paths[OFFERS]["get"]["parameters"]:
        if param.get("name") == "productBaseId":
            param["name"] = "productBase"
    doc["tags"] = [
        *doc.get("tags", []),
        {"name": "TicketingWidget", "description": "Widgets of a catalog."},
        {"name": "BookingCart", "description": "Carts of reservations."},
    ]
    return doc


def _add_widgets(paths: dict[str, Any], schemas: dict[str, Any]) -> None:
    """A new list/item pair and a nested collection."""
    widget_ref = "#/components/schemas/TicketingWidget.jsonld-v1.widget.read"
    schemas["TicketingWidget.jsonld-v1.widget.read"] = {
        "type": "object",
        "description": "A widget of a catalog.",
        "allOf": [
            {"$ref": "#/components/schemas/HydraItemBaseSchema"},
            {
                "type": "object",
                "properties": {
                    "id": {"type": "string"},
                    "name": {"type": "string"},
                    "price": {"type": "string", "format": "decimal"},
                },
            },
        ],
    }
    paths[WIDGETS] = {
        "get": {
            "operationId": "api_widgets_get_collection",
            "tags": ["TicketingWidget"],
            "summary": "List widgets.",
            "parameters": [_path_param("catalogId"), *_paging()],
            "responses": {"200": _collection(widget_ref, "TicketingWidget")},
        }
    }
    paths[f"{WIDGETS}/{{id}}"] = {
        "get": {
            "operationId": "api_widgets_id_get",
            "tags": ["TicketingWidget"],
            "summary": "Retrieves a TicketingWidget resource.",
            "parameters": [_path_param("catalogId"), _path_param("id")],
            "responses": {"200": _one(widget_ref, "Widget resource")},
        }
    }
    paths[PARTS] = {
        "get": {
            "operationId": "api_widget_parts_get_collection",
            "tags": ["TicketingWidget"],
            "summary": "List the parts of a widget.",
            "parameters": [_path_param("catalogId"), _path_param("widgetId"), *_paging()],
            "responses": {"200": _collection(widget_ref, "TicketingWidget")},
        }
    }


def _change_fields(paths: dict[str, Any], schemas: dict[str, Any]) -> None:
    # Renamed: the price of an offer moves to /prices (the table entry for /price goes stale).
    paths[PRICE.replace("/price", "/prices")] = paths.pop(PRICE)
    # A changed description: where a change of meaning hides.
    paths[OFFERS]["get"]["description"] = "Offers now filter sessions by offer-ticket session IRIs."
    # A response field made nullable (and its meaning changed), one renamed, an enum value added.
    order = _props(schemas, "BookingOrder.jsonld-v1.order.read")
    order["reference"] = {**order["reference"], "type": ["string", "null"], "description": "Null until issued."}
    order["status"] = {**order["status"], "enum": [*order["status"]["enum"], "refunded"]}
    catalog = _props(schemas, "TicketingCatalog.jsonld-v1.catalog.read")
    catalog["syncedAt"] = catalog.pop("lastSyncedAt")
    # New optional request fields of the order and reservation creation bodies; a request enum value removed.
    customer = schemas["OrderCustomer.jsonld-v1.order.bulk_write"]["properties"]
    customer["company"] = {"type": "string", "description": "Company of the customer.", "examples": ["ACME"]}
    customer["title"] = {**customer["title"], "enum": ["mr", "mrs"]}
    item = schemas["ReservationItem.jsonld-v1.reservation.bulk_write"]["properties"]
    item["promoCode"] = {"type": "string", "description": "A promotion code for the offer.", "examples": ["SPRING"]}


def _add_booking_operations(paths: dict[str, Any], schemas: dict[str, Any]) -> None:
    # A new POST action and a new PATCH resource.
    reservation_ref = "#/components/schemas/BookingReservation.jsonld-v1.reservation.read"
    paths[CANCEL] = {
        "post": {
            "operationId": "api_v1bookingreservations_id_cancel_post",
            "tags": ["BookingReservation"],
            "summary": "Cancels a BookingReservation before it expires.",
            "parameters": [_path_param("id")],
            "responses": {"200": _one(reservation_ref, "The cancelled reservation")},
        }
    }
    cart_ref = "#/components/schemas/BookingCart.jsonld-v1.cart.read"
    schemas["BookingCart.jsonld-v1.cart.read"] = {
        "type": "object",
        "description": "A cart: reservations gathered before ordering.",
        "allOf": [
            {"$ref": "#/components/schemas/HydraItemBaseSchema"},
            {"type": "object", "properties": {"id": {"type": "string"}, "label": {"type": ["string", "null"]}}},
        ],
    }
    schemas["BookingCart.jsonMergePatch-v1.cart.patch_write"] = {
        "type": "object",
        "description": "Body of the cart PATCH (JSON merge patch).",
        "required": ["label"],
        "properties": {"label": {"type": ["string", "null"]}},
    }
    paths[CART] = {
        "get": {
            "operationId": "api_v1bookingcarts_id_get",
            "tags": ["BookingCart"],
            "summary": "Retrieves a BookingCart resource.",
            "parameters": [_path_param("id")],
            "responses": {"200": _one(cart_ref, "BookingCart resource")},
        },
        "patch": {
            "operationId": "api_v1bookingcarts_id_patch",
            "tags": ["BookingCart"],
            "summary": "Updates the BookingCart resource.",
            "parameters": [_path_param("id")],
            "requestBody": {
                "required": True,
                "content": {
                    "application/merge-patch+json": {
                        "schema": {"$ref": "#/components/schemas/BookingCart.jsonMergePatch-v1.cart.patch_write"}
                    }
                },
            },
            "responses": {"200": _one(cart_ref, "The updated cart")},
        },
    }


def main() -> int:
    base = yaml.safe_load((ROOT / "spec" / "openapi.yaml").read_text(encoding="utf-8"))
    sys.stdout.write(yaml.safe_dump(fixture_release(base), sort_keys=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
