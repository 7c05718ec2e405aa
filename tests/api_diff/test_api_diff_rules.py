"""One small base/head pair per api_diff rule: kind, breaking flag and path."""

from __future__ import annotations

import copy
from typing import Any

import apidiff as api_diff
import pytest

from tests.support.api_diff_cases import CASES, OP, RS, THINGS, C, S, get, obj, ok, post, spec


def triples(changes: list[Any]) -> list[tuple[str, bool, str]]:
    return sorted((c.kind, c.breaking, c.path) for c in changes)


@pytest.mark.parametrize(("base", "head", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule(base: dict[str, Any], head: dict[str, Any], expected: list[tuple[str, bool, str]]) -> None:
    head = copy.deepcopy(head)
    head["info"]["version"] = "2.0.0"  # a bumped version keeps version-not-bumped out of the way
    changes = api_diff.diff_specs(base, head)
    assert triples(changes) == sorted(expected)
    for change in changes:
        assert change.message
        assert change.kind in api_diff.RULES


def test_every_rule_has_a_fixture() -> None:
    covered = {kind for case in CASES for kind, _, _ in case[3]} | {"version-not-bumped"}
    assert set(api_diff.RULES) == covered


def test_breaking_flags_agree_with_rules_table() -> None:
    for case in CASES:
        for kind, breaking, _ in case[3]:
            documented = api_diff.RULES[kind][0]
            assert documented is None or documented == breaking, kind


def test_version_not_bumped() -> None:
    base = spec(get(obj({"a": S})))
    head = spec(get(obj({"a": S, "b": S})))
    assert ("version-not-bumped", True, "info.version") in triples(api_diff.diff_specs(base, head))


def test_version_not_bumped_on_description_only_change() -> None:
    base = spec(get())
    head = copy.deepcopy(base)
    head["paths"][THINGS]["get"]["description"] = "reworded"
    assert sorted(triples(api_diff.diff_specs(base, head))) == [
        ("description-changed", False, OP),  # where a change of meaning hides
        ("version-not-bumped", True, "info.version"),
    ]


def test_same_spec_has_no_changes() -> None:
    doc = spec(get(obj({"a": S})), schemas={"Thing": obj({})})
    assert api_diff.diff_specs(doc, copy.deepcopy(doc)) == []


def test_empty_base_is_all_additions() -> None:
    changes = api_diff.diff_specs({}, spec(get(), schemas={"Thing": obj({})}))
    assert triples(changes) == [("operation-added", False, OP), ("schema-added", False, C)]


def test_refs_and_allof_are_resolved_per_operation() -> None:
    def doc(required: list[str], extra: dict[str, Any]) -> dict[str, Any]:
        base_schema = {"type": "object", "properties": {"@id": S}, "required": required}
        item = {"allOf": [{"$ref": "#/components/schemas/Base"}, obj({"name": S, **extra})]}
        collection = obj({"member": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}}})
        return spec(get(collection), schemas={"Base": base_schema, "Item": item})

    changes = api_diff.diff_specs(doc([], {}), doc(["@id"], {"seating": {}}) | {"info": {"version": "2"}})
    assert triples(changes) == [
        ("response-property-added", False, f"{RS}: member[].seating"),
        ("response-property-made-required", False, f"{RS}: member[].@id"),
    ]


def test_recursive_schemas_terminate() -> None:
    def doc(extra: dict[str, Any]) -> dict[str, Any]:
        node = obj({"children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}, **extra})
        return spec(get({"$ref": "#/components/schemas/Node"}), schemas={"Node": node})

    changes = api_diff.diff_specs(doc({}), doc({"name": S}) | {"info": {"version": "2"}})
    assert triples(changes) == [("response-property-added", False, f"{RS}: name")]


def test_renamed_path_parameter_keeps_the_operation() -> None:
    def doc(name: str) -> dict[str, Any]:
        par = {"name": name, "in": "path", "required": True, "schema": S}
        return spec({f"/v1/things/{{{name}}}": {"get": {"parameters": [par], "responses": {"200": ok()}}}})

    changes = api_diff.diff_specs(doc("id"), doc("thingId") | {"info": {"version": "2"}})
    assert triples(changes) == [
        ("parameter-added-required", True, "GET /v1/things/{thingId} path parameter: thingId"),
        ("parameter-removed", True, "GET /v1/things/{thingId} path parameter: id"),
    ]


def test_read_only_properties_are_ignored_in_requests() -> None:
    base = spec(post(obj({"name": S})))
    head = spec(post(obj({"name": S, "@id": {"type": "string", "readOnly": True}})), version="2")
    assert api_diff.diff_specs(base, head) == []


def test_nullable_ref_via_anyof_null() -> None:
    ref = {"$ref": "#/components/schemas/Person"}
    base = spec(get(obj({"beneficiary": ref})), schemas={"Person": obj({"name": S})})
    head = spec(
        get(obj({"beneficiary": {"anyOf": [ref, {"type": "null"}]}})),
        schemas={"Person": obj({"name": S})},
        version="2",
    )
    assert triples(api_diff.diff_specs(base, head)) == [
        ("response-property-became-nullable", True, f"{RS}: beneficiary")
    ]


def test_openapi_30_nullable_flag() -> None:
    base = spec(get(obj({"name": S})))
    head = spec(get(obj({"name": {"type": "string", "nullable": True}})), version="2")
    assert triples(api_diff.diff_specs(base, head)) == [("response-property-became-nullable", True, f"{RS}: name")]


def test_unquoted_status_codes() -> None:
    base = spec({THINGS: {"get": {"responses": {200: ok(), 404: ok()}}}})
    head = spec({THINGS: {"get": {"responses": {200: ok()}}}}, version="2")
    assert triples(api_diff.diff_specs(base, head)) == [
        ("response-status-removed", False, "GET /v1/things response 404")
    ]


def test_breaking_changes_sort_first() -> None:
    base = spec(get(obj({"a": S})))
    head = spec(get(obj({"b": S})), version="2")
    kinds = [c.kind for c in api_diff.diff_specs(base, head)]
    assert kinds == ["response-property-removed", "response-property-added"]


def test_render_markdown_sections() -> None:
    changes = [
        api_diff.Change("operation-removed", True, "GET /v1/x", "operation removed"),
        api_diff.Change("operation-added", False, "GET /v1/y", "operation added"),
    ]
    client = [api_diff.ClientChange("Parameter was removed", "korusticket.Client.get(page)", "", "")]
    text = api_diff.render_markdown(changes, client, base_version="1.0.7", head_version="1.0.19")
    assert text.startswith("# API changes: 1.0.7 → 1.0.19\n")
    breaking = text.index("## Breaking changes")
    other = text.index("## Non-breaking changes")
    surface = text.index("## Python client surface")
    assert breaking < text.index("`GET /v1/x`") < other < text.index("`GET /v1/y`") < surface
    assert "korusticket.Client.get(page)" in text[surface:]


def test_render_markdown_nothing() -> None:
    assert api_diff.render_markdown([], []) == "no changes\n"
