"""Each preprocessing step, on a small API Platform-shaped fragment."""

from __future__ import annotations

import copy
import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "codegen"))
import preprocess as pp  # noqa: E402

HYDRA = {"$ref": "#/components/schemas/HydraItemBaseSchema"}


def doc(paths: dict[str, Any] | None = None, schemas: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"openapi": "3.1.0", "paths": paths or {}, "components": {"schemas": schemas or {}}}


def test_operations_get_readable_names_from_the_mapping_and_a_derived_fallback() -> None:
    spec = doc(
        {
            "/v1/booking/reservations": {"get": {"operationId": "api_v1bookingreservations_get_collection"}},
            "/v1/ticketing/catalogs/{catalogId}/product_bases": {"get": {"operationId": "x"}},
            "/v1/ticketing/catalogs/{catalogId}/product_bases/{id}": {"get": {"operationId": "y"}},
        }
    )
    notes: list[str] = []
    pp.rename_operations(spec, {"GET /v1/booking/reservations": "reservations_list"}, notes.append)
    assert spec["paths"]["/v1/booking/reservations"]["get"]["operationId"] == "reservations_list"
    paths = spec["paths"]
    # The list/item pair gets two names: the old fallback gave both get_ticketing_catalogs_product_bases.
    assert paths["/v1/ticketing/catalogs/{catalogId}/product_bases"]["get"]["operationId"] == "product_bases_list"
    assert paths["/v1/ticketing/catalogs/{catalogId}/product_bases/{id}"]["get"]["operationId"] == "product_bases_get"
    assert len(notes) == 2
    assert "product_bases" in notes[0]


def test_the_committed_table_names_every_operation_of_the_spec() -> None:
    import yaml

    spec = yaml.safe_load((ROOT / "spec" / "openapi.yaml").read_text())
    notes: list[str] = []
    names = pp.load_names(spec, notes.append)
    assert sorted(names) == sorted(f"{m.upper()} {p}" for m, p, _ in pp.operations(spec))
    assert notes == []  # no operation without an entry, no entry without an operation
    assert len(set(names.values())) == len(names), "two operations share a Python name"


def test_one_media_type_is_kept_per_body_and_response_in_preference_order() -> None:
    schema = {"type": "object"}
    spec = doc(
        {
            "/x": {
                "patch": {
                    "requestBody": {
                        "content": {
                            "application/json": {"schema": schema},
                            "application/merge-patch+json": {"schema": schema},
                        }
                    },
                    "responses": {
                        "200": {
                            "content": {"text/html": {"schema": schema}, "application/ld+json": {"schema": schema}}
                        },
                        "404": {
                            "content": {
                                "application/json": {"schema": schema},
                                "application/problem+json": {"schema": schema},
                            }
                        },
                    },
                }
            }
        }
    )
    pp.prune_media_types(spec)
    op = spec["paths"]["/x"]["patch"]
    assert list(op["requestBody"]["content"]) == ["application/merge-patch+json"]
    assert list(op["responses"]["200"]["content"]) == ["application/ld+json"]
    assert list(op["responses"]["404"]["content"]) == ["application/problem+json"]


def test_array_twin_of_a_scalar_filter_is_dropped_and_a_lone_array_filter_kept() -> None:
    params = [
        {"name": "external_reference", "in": "query"},
        {"name": "external_reference[]", "in": "query"},
        {"name": "product[]", "in": "query"},
    ]
    spec = doc({"/o": {"get": {"parameters": params}}})
    pp.drop_array_twins(spec)
    assert [p["name"] for p in spec["paths"]["/o"]["get"]["parameters"]] == ["external_reference", "product[]"]


def test_jsonld_keys_leave_declared_properties_and_required() -> None:
    spec = doc(
        schemas={
            "HydraItemBaseSchema": {
                "type": "object",
                "required": ["@id", "@type"],
                "properties": {"@context": {}, "@id": {"type": "string"}, "@type": {"type": "string"}},
                "additionalProperties": False,
            },
            "Error": {"type": "object", "properties": {"type": {"type": "string"}}},
        }
    )
    pp.strip_jsonld_properties(spec)
    base = spec["components"]["schemas"]["HydraItemBaseSchema"]
    assert base["properties"] == {}
    assert "required" not in base
    assert "additionalProperties" not in base  # the @ keys must still be accepted, as extras
    assert spec["components"]["schemas"]["Error"]["properties"] == {"type": {"type": "string"}}


def test_collection_member_becomes_optional_for_hydra_prefixed_servers() -> None:
    envelope = {"allOf": [{"type": "object", "required": ["member"], "properties": {"member": {"type": "array"}}}]}
    spec = doc({"/c": {"get": {"responses": {"200": {"content": {"application/ld+json": {"schema": envelope}}}}}}})
    pp.relax_collection_members(spec)
    part = spec["paths"]["/c"]["get"]["responses"]["200"]["content"]["application/ld+json"]["schema"]["allOf"][0]
    assert "required" not in part


def test_nullable_enum_becomes_any_of_enum_or_null() -> None:
    spec = doc(schemas={"S": {"properties": {"title": {"type": ["string", "null"], "enum": ["mr", "mrs", None]}}}})
    pp.normalise_nullable_enums(spec)
    assert spec["components"]["schemas"]["S"]["properties"]["title"] == {
        "anyOf": [{"type": "string", "enum": ["mr", "mrs"]}, {"type": "null"}]
    }


def test_amount_strings_become_decimal_and_nothing_else_does() -> None:
    props = {
        "totalAmountInclTax": {"type": "string"},
        "amountExclTax": {"type": ["string", "null"]},
        "availableQuantity": {"type": "integer"},
        "name": {"type": "string"},
        "createdAt": {"type": "string", "format": "date-time"},
    }
    spec = doc(schemas={"S": {"properties": copy.deepcopy(props)}})
    pp.mark_money(spec)
    out = spec["components"]["schemas"]["S"]["properties"]
    assert out["totalAmountInclTax"]["format"] == "decimal"
    assert out["amountExclTax"]["format"] == "decimal"
    assert "format" not in out["availableQuantity"]
    assert "format" not in out["name"]
    assert out["createdAt"]["format"] == "date-time"


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("BookingOrder.jsonld-v1.order.read", "BookingOrder"),
        ("BookingReservation.jsonld-v1.reservation.bulk_write", "BookingReservationBulkWrite"),
        (
            "BookingOrderDocument.PatchOrderDocumentInput-v1.order_document.patch_write",
            "BookingOrderDocumentPatchWrite",
        ),
        ("Error.jsonld", "Error"),
        ("HydraItemBaseSchema", "HydraItemBaseSchema"),
    ],
)
def test_short_schema_names(name: str, short: str) -> None:
    assert pp.short_schema_name(name) == short


def test_renaming_keeps_names_unique_and_rewrites_refs() -> None:
    spec = doc(
        {
            "/p": {
                "get": {
                    "responses": {"200": {"content": {"a": {"schema": {"$ref": "#/components/schemas/Error.jsonld"}}}}}
                }
            }
        },
        {
            "Error": {"type": "object"},
            "Error.jsonld": {"allOf": [HYDRA, {"$ref": "#/components/schemas/Error"}]},
            "TicketingProduct.jsonld-v1.product.read": {"type": "object"},
            "TicketingProduct.jsonld-v1.offer.read": {"type": "object"},
            "TicketingOffer.jsonld-v1.offer.read": {
                "properties": {"product": {"$ref": "#/components/schemas/TicketingProduct.jsonld-v1.offer.read"}}
            },
        },
    )
    pp.shorten_schema_names(spec)
    names = list(spec["components"]["schemas"])
    # Error.jsonld would collide with Error: it keeps its long name.
    assert names == ["Error", "Error.jsonld", "TicketingProduct", "TicketingProductInOffer", "TicketingOffer"]
    ref = spec["paths"]["/p"]["get"]["responses"]["200"]["content"]["a"]["schema"]["$ref"]
    assert ref == "#/components/schemas/Error.jsonld"
    offer = spec["components"]["schemas"]["TicketingOffer"]
    assert offer["properties"]["product"]["$ref"] == "#/components/schemas/TicketingProductInOffer"


def test_preprocess_is_pure_and_deterministic() -> None:
    import yaml

    spec = yaml.safe_load((ROOT / "spec" / "openapi.yaml").read_text())
    before = copy.deepcopy(spec)
    first = pp.preprocess(spec, pp.load_names(spec), report=lambda _: None)
    second = pp.preprocess(spec, pp.load_names(spec), report=lambda _: None)
    assert spec == before
    assert first == second
    assert list(first["paths"]) == list(spec["paths"])  # key order preserved (model field order)


def test_generated_package_imports_and_has_every_operation() -> None:
    import korusticket_api
    import yaml

    spec = yaml.safe_load((ROOT / "spec" / "openapi.yaml").read_text())
    names = pp.load_names(spec)
    expected = sorted(names[f"{m.upper()} {p}"] for m, p, _ in pp.operations(spec))
    api = Path(korusticket_api.__file__).parent / "api"
    modules = sorted(p.stem for p in api.glob("*/*.py") if p.stem != "__init__")
    assert len(modules) == len(list(pp.operations(spec)))
    assert modules == expected
    assert (api.parent / "py.typed").exists()  # typed for users' mypy (PEP 561)
    assert (ROOT / "overrides" / "korusticket" / "py.typed").exists()
    for tag in api.iterdir():
        for module in tag.glob("*.py"):
            name = f"korusticket_api.api.{tag.name}.{module.stem}"
            assert importlib.util.find_spec(name) is not None


def test_the_names_lock_keeps_every_shipped_name_with_its_schema() -> None:
    product, in_offer = "TicketingProduct.jsonld-v1.product.read", "TicketingProduct.jsonld-v1.offer.read"
    lock = {product: "TicketingProduct", in_offer: "TicketingProductInOffer"}
    # The product's own view is removed: its sibling would now be the only view and take the short name.
    names, notes = pp.schema_names({in_offer: {}}, lock)
    assert names == {in_offer: "TicketingProductInOffer"}
    assert notes == []
    assert pp.schema_names({in_offer: {}})[0] == {in_offer: "TicketingProduct"}  # what an unlocked run would do
    # A new schema never takes a shipped name, even one whose schema is gone.
    names, notes = pp.schema_names({in_offer: {}, "TicketingProduct.jsonld-v1.widget.read": {}}, lock)
    assert names["TicketingProduct.jsonld-v1.widget.read"] != "TicketingProduct"
    names, notes = pp.schema_names({in_offer: {}, "TicketingProduct": {}}, lock)
    assert names == {in_offer: "TicketingProductInOffer", "TicketingProduct": "TicketingProduct"}  # its own name
    names, notes = pp.schema_names({"Other.jsonld-v1.x.read": {}}, {**lock, "Other.jsonld-v1.x.read": "Other"})
    assert names == {"Other.jsonld-v1.x.read": "Other"}
    names, notes = pp.schema_names({"TicketingProduct.jsonld-v1.thing.read": {}}, lock)
    assert names == {"TicketingProduct.jsonld-v1.thing.read": "TicketingProduct.jsonld-v1.thing.read"}
    assert "a name shipped for TicketingProduct.jsonld-v1.product.read" in notes[0]
    # A rename happens only through models.yaml.
    names, _ = pp.schema_names({in_offer: {}}, lock, {in_offer: "TicketingOfferProduct"})
    assert names == {in_offer: "TicketingOfferProduct"}


def test_the_committed_lock_names_every_schema_of_the_spec_as_generated() -> None:
    import yaml

    spec = yaml.safe_load((ROOT / "spec" / "openapi.yaml").read_text())
    lock = pp.load_lock()
    names, notes = pp.schema_names(spec["components"]["schemas"], lock, pp.load_renames())
    assert notes == []
    assert all(lock[schema] == name for schema, name in names.items())
