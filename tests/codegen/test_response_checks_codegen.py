"""scripts/codegen/responsechecks.py on a small spec: the strict and the lenient checks, the
lenient tables, and the request builders that name their operation."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "codegen"))
import fastmodels  # noqa: E402
import responsechecks  # noqa: E402

INFERRED = responsechecks.INFERRED
SPEC: dict[str, Any] = {
    "paths": {
        "/things/{id}": {
            "get": {
                "operationId": "things_get",
                "responses": {
                    "200": {"content": {"application/ld+json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
                    "404": {"content": {"application/ld+json": {"schema": {"type": "object"}}}},
                },
            }
        },
        "/things": {
            "get": {
                "operationId": "things_list",
                "responses": {
                    "200": {
                        "content": {
                            "application/ld+json": {
                                "schema": {
                                    "type": "object",
                                    "required": ["member"],
                                    "properties": {
                                        "member": {"type": "array", "items": {"$ref": "#/components/schemas/Plain"}}
                                    },
                                }
                            }
                        }
                    }
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Thing": {
                "type": "object",
                "required": ["id", "price"],
                "properties": {
                    "id": {"type": "string"},
                    "price": {"type": "string", "pattern": "^[0-9]+$", INFERRED: True},
                    "size": {"$ref": "#/components/schemas/Size"},
                    "note": {"description": "free"},
                },
            },
            "Size": {
                "type": "object",
                INFERRED: True,
                "required": ["width"],
                "properties": {"width": {"type": "integer"}, "at": {"type": "string", "format": "date"}},
            },
            "Plain": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}},
        }
    },
}


@pytest.fixture(scope="module")
def checks(tmp_path_factory: pytest.TempPathFactory) -> Any:
    package = tmp_path_factory.mktemp("checks") / "smallapi"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "_checks.py").write_text(fastmodels.SUPPORT)
    (package / "_response_checks.py").write_text(responsechecks.module(SPEC))
    sys.path.insert(0, str(package.parent))
    try:
        return importlib.import_module("smallapi._response_checks")
    finally:
        sys.path.remove(str(package.parent))


def test_one_function_per_operation_and_2xx_status(checks: Any) -> None:
    assert set(checks.CHECKS) == {("things_get", 200), ("things_list", 200)}
    answer = checks.CHECKS[("things_get", 200)]
    assert answer.operation == "GET /things/{id}"
    assert answer.strict is checks.things_get_200


def test_strict_names_the_field_and_the_problem(checks: Any) -> None:
    check = checks.things_get_200
    assert check({"id": "a", "price": "12"}) is None
    assert check({"id": 5, "price": "12"}) == ("id", "expected string, got int 5")
    assert check({"id": "a"}) == ("price", "required field missing")
    assert check({"id": "a", "price": "12\n"}) == ("price", "'12\\n' does not match ^[0-9]+\\Z")
    assert check({"id": "a", "price": "1", "size": {}}) == ("size.width", "required field missing")
    assert check({"id": "a", "price": "1", "size": {"width": 1, "at": "June"}}) == (
        "size.at",
        "'June' is not a valid date",
    )
    assert checks.things_list_200({"member": [{"id": "a"}, {}]}) == ("member[1].id", "required field missing")


def test_the_lenient_variant_never_requires_a_guess_and_exists_only_where_it_differs(checks: Any) -> None:
    thing, listed = checks.CHECKS[("things_get", 200)], checks.CHECKS[("things_list", 200)]
    assert thing.lenient is checks.things_get_200_lenient
    assert listed.lenient is listed.strict  # nothing inferred there: one function
    assert thing.lenient({"id": "a"}) is None
    assert thing.lenient({"id": "a", "size": {}}) is None
    assert thing.lenient({"id": "a", "price": "x"}) == ("price", "'x' does not match ^[0-9]+\\Z")  # still checked
    assert not hasattr(checks, "_Plain_lenient")


def test_field_says_required_and_inferred_for_lenient_mode(checks: Any) -> None:
    thing, listed = checks.CHECKS[("things_get", 200)], checks.CHECKS[("things_list", 200)]
    assert checks.field(thing.node, ["id"]) == (True, False)
    assert checks.field(thing.node, ["price"]) == (False, True)
    assert checks.field(thing.node, ["size", "width"]) == (False, True)  # inside a guess
    assert checks.field(thing.node, ["note"]) == (False, False)
    assert checks.field(listed.node, ["member", 3, "id"]) == (True, False)
    assert checks.field(listed.node, ["member", 3, "unknown"]) == (False, False)


def test_each_request_builder_names_its_operation(tmp_path: Path) -> None:
    tag = tmp_path / "tag"
    tag.mkdir()
    (tag / "__init__.py").write_text("")
    builder = 'def _get_kwargs() -> dict[str, Any]:\n    _kwargs: dict[str, Any] = {\n        "method": "get",\n    }\n'
    (tag / "things_get.py").write_text(builder)
    responsechecks.tag_builders(tmp_path, {"things_get"})
    assert '        "extensions": {"korusticket.operation": "things_get"},\n' in (tag / "things_get.py").read_text()

    with pytest.raises(responsechecks.CheckError, match="things_list"):
        responsechecks.tag_builders(tmp_path, {"things_get", "things_list"})  # no builder for it
    (tag / "odd.py").write_text("def _get_kwargs() -> dict[str, Any]:\n    return {}\n")
    with pytest.raises(responsechecks.CheckError, match=r"odd\.py"):
        responsechecks.tag_builders(tmp_path, set())
