"""The 1.0.7 reconstruction (archived in spec/releases/1.0.7.yaml): valid OpenAPI 3.1 with its 25
operations; every archived release is valid and the current spec is the newest; generation from
spec/openapi.yaml is reproducible."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "openapi.yaml"
RELEASE_1_0_7 = ROOT / "spec" / "releases" / "1.0.7.yaml"

OPERATIONS_1_0_7 = {
    ("GET", "/v1/booking/reservations"),
    ("POST", "/v1/booking/reservations/_bulk"),
    ("GET", "/v1/booking/reservations/{id}"),
    ("GET", "/v1/booking/orders"),
    ("POST", "/v1/booking/orders/_bulk"),
    ("GET", "/v1/booking/orders/{id}"),
    ("PATCH", "/v1/booking/orders/{orderId}/documents/{id}"),
    ("GET", "/v1/booking/orders/{orderId}/items/{orderItemId}/tickets/{id}"),
    ("PATCH", "/v1/booking/orders/{orderId}/items/{orderItemId}/tickets/{id}"),
    ("GET", "/v1/forms/{id}"),
    ("GET", "/v1/ticketing/catalogs"),
    ("GET", "/v1/ticketing/catalogs/{id}"),
    ("GET", "/v1/ticketing/catalogs/{catalogId}/events"),
    ("GET", "/v1/ticketing/catalogs/{catalogId}/events/{id}"),
    ("GET", "/v1/ticketing/catalogs/{catalogId}/events/{eventId}/sessions"),
    ("GET", "/v1/ticketing/catalogs/{catalogId}/events/{eventId}/sessions/{id}"),
    ("GET", "/v1/ticketing/catalogs/{catalogId}/events/{eventId}/sessions/{id}/availability"),
    ("GET", "/v1/ticketing/catalogs/{catalogId}/offers"),
    ("GET", "/v1/ticketing/catalogs/{catalogId}/offers/{id}"),
    ("GET", "/v1/ticketing/catalogs/{catalogId}/offers/{id}/availability"),
    ("GET", "/v1/ticketing/catalogs/{catalogId}/offers/{id}/price"),
    ("GET", "/v1/ticketing/catalogs/{catalogId}/offers/{offerId}/tickets"),
    ("GET", "/v1/ticketing/catalogs/{catalogId}/offers/{offerId}/tickets/{id}"),
    ("GET", "/v1/ticketing/catalogs/{catalogId}/products"),
    ("GET", "/v1/ticketing/catalogs/{catalogId}/products/{id}"),
}


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(RELEASE_1_0_7.read_text())
    return loaded


def op(spec: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    result: dict[str, Any] = spec["paths"][path][method.lower()]
    return result


def query(spec: dict[str, Any], method: str, path: str) -> dict[str, dict[str, Any]]:
    return {p["name"]: p for p in op(spec, method, path).get("parameters", []) if p["in"] == "query"}


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def properties(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    schema = resolve(spec, schema)
    props = dict(schema.get("properties", {}))
    for part in schema.get("allOf", []):
        props.update(properties(spec, part))
    return props


def test_spec_is_valid_openapi_3_1(spec: dict[str, Any]) -> None:
    validate(spec)
    assert spec["openapi"].startswith("3.1")
    assert spec["info"]["version"] == "1.0.7"
    assert [s["url"] for s in spec["servers"]] == ["https://api.demo.korusticket.com", "https://api.korusticket.com"]
    jwt = spec["components"]["securitySchemes"]["JWT"]
    assert {k: v for k, v in jwt.items() if not k.startswith("x-")} == {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": "Value for the Authorization header parameter.",
    }
    # An apiKey scheme has no place for the token endpoint: extensions record it, with their source.
    assert jwt["x-korusticket-token-url"].endswith("/realms/korusticket/protocol/openid-connect/token")
    assert jwt["x-korusticket-token-lifetime"] == 1800
    assert "authentication/oidc" in jwt["x-korusticket-token-source"]


@pytest.mark.parametrize("release", sorted((ROOT / "spec" / "releases").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_archived_release_is_valid_and_named_by_its_version(release: Path) -> None:
    doc = yaml.safe_load(release.read_text(encoding="utf-8"))
    validate(doc)
    assert doc["info"]["version"] == release.stem
    assert release.with_name(f"{release.stem}.surface.json").exists() or release.read_bytes() == SPEC.read_bytes()


def test_the_current_spec_is_archived() -> None:
    version = yaml.safe_load(SPEC.read_text(encoding="utf-8"))["info"]["version"]
    assert (ROOT / "spec" / "releases" / f"{version}.yaml").read_bytes() == SPEC.read_bytes()


def test_the_25_operations_of_1_0_7(spec: dict[str, Any]) -> None:
    found = {
        (method.upper(), path)
        for path, item in spec["paths"].items()
        for method in item
        if method in ("get", "post", "patch", "put", "delete")
    }
    assert found == OPERATIONS_1_0_7


def test_documented_filters_keep_their_wire_names(spec: dict[str, Any]) -> None:
    orders = query(spec, "GET", "/v1/booking/orders")
    for name in (
        "page",
        "itemsPerPage",
        "external_reference",
        "order[createdAt]",
        "createdAt[after]",
        "createdAt[strictly_after]",
        "createdAt[before]",
        "createdAt[strictly_before]",
    ):
        assert name in orders
    assert orders["order[createdAt]"]["schema"]["enum"] == ["asc", "desc"]
    assert orders["itemsPerPage"]["schema"]["maximum"] == 50
    assert orders["external_reference"]["schema"]["pattern"] == "^.{1,50}$"
    offers = query(spec, "GET", "/v1/ticketing/catalogs/{catalogId}/offers")
    for name in ("order[date]", "date[after]", "date[strictly_after]", "date[before]", "date[strictly_before]"):
        assert name in offers
    assert offers["product[]"]["schema"]["type"] == "array"
    assert "session" in offers
    assert "order[createdAt]" in query(spec, "GET", "/v1/ticketing/catalogs")
    assert "order[createdAt]" in query(spec, "GET", "/v1/booking/reservations")


def test_bodies_media_types_and_error_responses(spec: dict[str, Any]) -> None:
    reserve = op(spec, "POST", "/v1/booking/reservations/_bulk")
    assert list(reserve["requestBody"]["content"]) == ["application/ld+json"]
    assert set(reserve["responses"]) >= {"200", "422"}
    bulk = properties(spec, reserve["responses"]["200"]["content"]["application/ld+json"]["schema"])
    assert {"reservations", "failedReservations"} <= set(bulk)
    order = op(spec, "POST", "/v1/booking/orders/_bulk")
    body = resolve(spec, order["requestBody"]["content"]["application/ld+json"]["schema"])
    assert "externalReference" in body["required"]
    assert "notes" not in properties(spec, body)  # a later release
    for path in (
        "/v1/booking/orders/{orderId}/documents/{id}",
        "/v1/booking/orders/{orderId}/items/{orderItemId}/tickets/{id}",
    ):
        patch = op(spec, "PATCH", path)
        assert list(patch["requestBody"]["content"]) == ["application/merge-patch+json"]
        assert "422" in patch["responses"]
    item = op(spec, "GET", "/v1/booking/reservations/{id}")
    assert {"403", "404"} <= set(item["responses"])
    assert "application/ld+json" in item["responses"]["404"]["content"]


def test_documented_enums(spec: dict[str, Any]) -> None:
    reservation = properties(spec, {"$ref": "#/components/schemas/BookingReservation.jsonld-v1.reservation.read"})
    assert reservation["seatsArrangement"]["enum"] == ["ADJACENT", "NON_ADJACENT", "UNKNOWN"]
    assert reservation["status"]["enum"] == ["reserved", "released"]
    order = properties(spec, {"$ref": "#/components/schemas/BookingOrder.jsonld-v1.order.read"})
    assert order["status"]["enum"] == ["confirmed", "cancelled"]
    assert "@id" in properties(spec, {"$ref": "#/components/schemas/BookingOrder.jsonld-v1.order.read"})


@pytest.mark.regenerates
def test_generation_is_reproducible_and_matches_the_committed_tree(tmp_path: Path) -> None:
    script = ROOT / "scripts" / "codegen" / "generate.py"
    for name in ("a", "b"):
        result = subprocess.run(
            [sys.executable, str(script), str(SPEC), str(tmp_path / name / "korusticket_api")],
            capture_output=True,
            text=True,
            check=False,
            cwd=tmp_path,
        )
        assert result.returncode == 0, result.stderr
        assert "warning" not in (result.stdout + result.stderr).lower()
    first, second = tmp_path / "a" / "korusticket_api", tmp_path / "b" / "korusticket_api"
    assert _same_tree(first, second)
    assert _same_tree(first, ROOT / "generated" / "korusticket_api")


def _same_tree(left: Path, right: Path) -> bool:
    files = sorted(str(p.relative_to(left)) for p in left.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    others = sorted(str(p.relative_to(right)) for p in right.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    if files != others:
        return False
    _, mismatch, errors = filecmp.cmpfiles(left, right, files, shallow=False)
    return not mismatch and not errors
