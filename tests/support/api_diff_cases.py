"""One small base/head spec pair per api_diff rule, with the changes expected of it
(tests/api_diff/test_api_diff_rules.py), and the builders of such specs."""

from __future__ import annotations

from typing import Any

LD = "application/ld+json"
THINGS = "/v1/things"


def spec(
    paths: dict[str, Any] | None = None,
    schemas: dict[str, Any] | None = None,
    *,
    version: str = "1.0.0",
    **extra: Any,
) -> dict[str, Any]:
    doc: dict[str, Any] = {
        "openapi": "3.1.0",
        "info": {"title": "t", "version": version},
        "paths": paths or {},
    }
    if schemas is not None:
        doc["components"] = {"schemas": schemas}
    doc.update(extra)
    return doc


def ok(schema: Any = None, media: str = LD) -> dict[str, Any]:
    body: dict[str, Any] = {"description": "ok"}
    if schema is not None:
        body["content"] = {media: {"schema": schema}}
    return body


def get(schema: Any = None, *, params: list[Any] | None = None, **op: Any) -> dict[str, Any]:
    operation: dict[str, Any] = {"responses": {"200": ok(schema)}, **op}
    if params is not None:
        operation["parameters"] = params
    return {THINGS: {"get": operation}}


def post(schema: Any, *, required: bool = True, media: tuple[str, ...] = (LD,)) -> dict[str, Any]:
    body = {"required": required, "content": {m: {"schema": schema} for m in media}}
    return {THINGS: {"post": {"requestBody": body, "responses": {"200": ok()}}}}


def obj(props: dict[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "object", "properties": props}
    if required:
        schema["required"] = list(required)
    return schema


def qparam(name: str = "page", required: bool = False, **schema: Any) -> dict[str, Any]:
    return {"name": name, "in": "query", "required": required, "schema": schema or {"type": "integer"}}


S = {"type": "string"}
INT = {"type": "integer"}
NS = {"type": ["string", "null"]}
OP = "GET /v1/things"
PQ = "GET /v1/things query parameter: page"
RQ = "POST /v1/things request body"
RS = "GET /v1/things response 200"
C = "#/components/schemas/Thing"
two_media = {
    THINGS: {
        "get": {
            "responses": {"200": {"description": "ok", "content": {LD: {"schema": obj({})}, "text/csv": {"schema": S}}}}
        }
    }
}

# (rule, base, head, [(kind, breaking, path), ...]) - the expected changes, exactly.
CASES: list[tuple[str, dict[str, Any], dict[str, Any], list[tuple[str, bool, str]]]] = [
    ("operation-added", spec(), spec(get()), [("operation-added", False, OP)]),
    ("operation-removed", spec(get()), spec(), [("operation-removed", True, OP)]),
    (
        "operation-deprecated",
        spec(get()),
        spec(get(deprecated=True)),
        [("operation-deprecated", False, OP)],
    ),
    # ----------------------------------------------------------------- parameters
    ("parameter-added", spec(get(params=[])), spec(get(params=[qparam()])), [("parameter-added", False, PQ)]),
    (
        "parameter-added-required",
        spec(get(params=[])),
        spec(get(params=[qparam(required=True)])),
        [("parameter-added-required", True, PQ)],
    ),
    ("parameter-removed", spec(get(params=[qparam()])), spec(get(params=[])), [("parameter-removed", True, PQ)]),
    (
        "parameter-made-required",
        spec(get(params=[qparam()])),
        spec(get(params=[qparam(required=True)])),
        [("parameter-made-required", True, PQ)],
    ),
    (
        "parameter-made-optional",
        spec(get(params=[qparam(required=True)])),
        spec(get(params=[qparam()])),
        [("parameter-made-optional", False, PQ)],
    ),
    (
        "parameter-type-changed",
        spec(get(params=[qparam(type="integer")])),
        spec(get(params=[qparam(type="string")])),
        [("parameter-type-changed", True, PQ)],
    ),
    (
        "parameter-became-nullable",
        spec(get(params=[qparam(type="string")])),
        spec(get(params=[qparam(type=["string", "null"])])),
        [("parameter-became-nullable", False, PQ)],
    ),
    (
        "parameter-became-non-nullable",
        spec(get(params=[qparam(type=["string", "null"])])),
        spec(get(params=[qparam(type="string")])),
        [("parameter-became-non-nullable", True, PQ)],
    ),
    (
        "parameter-enum-value-added",
        spec(get(params=[qparam(type="string", enum=["asc"])])),
        spec(get(params=[qparam(type="string", enum=["asc", "desc"])])),
        [("parameter-enum-value-added", False, PQ)],
    ),
    (
        "parameter-enum-value-removed",
        spec(get(params=[qparam(type="string", enum=["asc", "desc"])])),
        spec(get(params=[qparam(type="string", enum=["asc"])])),
        [("parameter-enum-value-removed", True, PQ)],
    ),
    (
        "parameter-enum-added",
        spec(get(params=[qparam(type="string")])),
        spec(get(params=[qparam(type="string", enum=["asc"])])),
        [("parameter-enum-added", True, PQ)],
    ),
    (
        "parameter-enum-removed",
        spec(get(params=[qparam(type="string", enum=["asc"])])),
        spec(get(params=[qparam(type="string")])),
        [("parameter-enum-removed", False, PQ)],
    ),
    # --------------------------------------------------------------- request body
    (
        "request-body-added",
        spec({THINGS: {"post": {"responses": {"200": ok()}}}}),
        spec(post(obj({}), required=False)),
        [("request-body-added", False, RQ)],
    ),
    (
        "request-body-added-required",
        spec({THINGS: {"post": {"responses": {"200": ok()}}}}),
        spec(post(obj({}))),
        [("request-body-added-required", True, RQ)],
    ),
    (
        "request-body-removed",
        spec(post(obj({}))),
        spec({THINGS: {"post": {"responses": {"200": ok()}}}}),
        [("request-body-removed", True, RQ)],
    ),
    (
        "request-body-made-required",
        spec(post(obj({}), required=False)),
        spec(post(obj({}))),
        [("request-body-made-required", True, RQ)],
    ),
    (
        "request-media-type-added",
        spec(post(obj({}))),
        spec(post(obj({}), media=(LD, "application/json"))),
        [("request-media-type-added", False, RQ)],
    ),
    (
        "request-media-type-removed",
        spec(post(obj({}), media=(LD, "application/json"))),
        spec(post(obj({}))),
        [("request-media-type-removed", True, RQ)],
    ),
    (
        "request-property-added",
        spec(post(obj({}))),
        spec(post(obj({"notes": NS}))),
        [("request-property-added", False, f"{RQ}: notes")],
    ),
    (
        "request-property-added-required",
        spec(post(obj({}))),
        spec(post(obj({"name": S}, ("name",)))),
        [("request-property-added-required", True, f"{RQ}: name")],
    ),
    (
        "request-property-removed",
        spec(post(obj({"name": S}))),
        spec(post(obj({}))),
        [("request-property-removed", True, f"{RQ}: name")],
    ),
    (
        "request-property-made-required",
        spec(post(obj({"name": S}))),
        spec(post(obj({"name": S}, ("name",)))),
        [("request-property-made-required", True, f"{RQ}: name")],
    ),
    (
        "request-property-made-optional",
        spec(post(obj({"name": S}, ("name",)))),
        spec(post(obj({"name": S}))),
        [("request-property-made-optional", False, f"{RQ}: name")],
    ),
    (
        "request-property-type-changed",
        spec(post(obj({"qty": INT}))),
        spec(post(obj({"qty": S}))),
        [("request-property-type-changed", True, f"{RQ}: qty")],
    ),
    (
        "request-property-type-changed (widened)",
        spec(post(obj({"qty": INT}))),
        spec(post(obj({"qty": {"type": "number"}}))),
        [("request-property-type-changed", False, f"{RQ}: qty")],
    ),
    (
        "request-property-type-changed (format)",
        spec(post(obj({"at": S}))),
        spec(post(obj({"at": {"type": "string", "format": "date-time"}}))),
        [("request-property-type-changed", True, f"{RQ}: at")],
    ),
    (
        "request-property-became-nullable",
        spec(post(obj({"name": S}))),
        spec(post(obj({"name": NS}))),
        [("request-property-became-nullable", False, f"{RQ}: name")],
    ),
    (
        "request-property-became-non-nullable",
        spec(post(obj({"name": NS}))),
        spec(post(obj({"name": S}))),
        [("request-property-became-non-nullable", True, f"{RQ}: name")],
    ),
    (
        "request-enum-value-added",
        spec(post(obj({"title": {"type": "string", "enum": ["mr", "mrs"]}}))),
        spec(post(obj({"title": {"type": "string", "enum": ["mr", "mrs", "mx"]}}))),
        [("request-enum-value-added", False, f"{RQ}: title")],
    ),
    (
        "request-enum-value-removed",
        spec(post(obj({"title": {"type": "string", "enum": ["mr", "mrs", "mx"]}}))),
        spec(post(obj({"title": {"type": "string", "enum": ["mr", "mrs"]}}))),
        [("request-enum-value-removed", True, f"{RQ}: title")],
    ),
    (
        "request-enum-added",
        spec(post(obj({"title": S}))),
        spec(post(obj({"title": {"type": "string", "enum": ["mr"]}}))),
        [("request-enum-added", True, f"{RQ}: title")],
    ),
    (
        "request-enum-removed",
        spec(post(obj({"title": {"type": "string", "enum": ["mr"]}}))),
        spec(post(obj({"title": S}))),
        [("request-enum-removed", False, f"{RQ}: title")],
    ),
    # ------------------------------------------------------------------ responses
    (
        "response-status-added",
        spec(get()),
        spec({THINGS: {"get": {"responses": {"200": ok(), "404": ok()}}}}),
        [("response-status-added", False, "GET /v1/things response 404")],
    ),
    (
        "response-status-removed (success)",
        spec({THINGS: {"get": {"responses": {"200": ok(), "201": ok()}}}}),
        spec(get()),
        [("response-status-removed", True, "GET /v1/things response 201")],
    ),
    (
        "response-status-removed (error)",
        spec({THINGS: {"get": {"responses": {"200": ok(), "404": ok()}}}}),
        spec(get()),
        [("response-status-removed", False, "GET /v1/things response 404")],
    ),
    (
        "response-media-type-added",
        spec(get(obj({}))),
        spec(two_media),
        [("response-media-type-added", False, RS)],
    ),
    (
        "response-media-type-removed",
        spec(two_media),
        spec(get(obj({}))),
        [("response-media-type-removed", True, RS)],
    ),
    (
        "response-property-added",
        spec(get(obj({}))),
        spec(get(obj({"status": S}))),
        [("response-property-added", False, f"{RS}: status")],
    ),
    (
        "response-property-removed",
        spec(get(obj({"event": NS}))),
        spec(get(obj({}))),
        [("response-property-removed", True, f"{RS}: event")],
    ),
    (
        "response-property-made-required",
        spec(get(obj({"@id": S}))),
        spec(get(obj({"@id": S}, ("@id",)))),
        [("response-property-made-required", False, f"{RS}: @id")],
    ),
    (
        "response-property-made-optional",
        spec(get(obj({"@id": S}, ("@id",)))),
        spec(get(obj({"@id": S}))),
        [("response-property-made-optional", True, f"{RS}: @id")],
    ),
    (
        "response-property-type-changed",
        spec(get(obj({"qty": INT}))),
        spec(get(obj({"qty": S}))),
        [("response-property-type-changed", True, f"{RS}: qty")],
    ),
    (
        "response-property-type-changed (narrowed)",
        spec(get(obj({"ctx": {"oneOf": [S, {"type": "object"}]}}))),
        spec(get(obj({"ctx": S}))),
        [("response-property-type-changed", False, f"{RS}: ctx")],
    ),
    (
        "response-property-became-nullable",
        spec(get(obj({"name": S}))),
        spec(get(obj({"name": NS}))),
        [("response-property-became-nullable", True, f"{RS}: name")],
    ),
    (
        "response-property-became-non-nullable",
        spec(get(obj({"name": NS}))),
        spec(get(obj({"name": S}))),
        [("response-property-became-non-nullable", False, f"{RS}: name")],
    ),
    (
        "response-enum-value-added",
        spec(get(obj({"status": {"type": "string", "enum": ["validated"]}}))),
        spec(get(obj({"status": {"type": "string", "enum": ["validated", "waiting_beneficiary_data"]}}))),
        [("response-enum-value-added", False, f"{RS}: status")],
    ),
    (
        "response-enum-value-removed",
        spec(get(obj({"status": {"type": "string", "enum": ["a", "b"]}}))),
        spec(get(obj({"status": {"type": "string", "enum": ["a"]}}))),
        [("response-enum-value-removed", False, f"{RS}: status")],
    ),
    (
        "response-enum-added",
        spec(get(obj({"status": S}))),
        spec(get(obj({"status": {"type": "string", "enum": ["a"]}}))),
        [("response-enum-added", False, f"{RS}: status")],
    ),
    (
        "response-enum-removed",
        spec(get(obj({"status": {"type": "string", "enum": ["a"]}}))),
        spec(get(obj({"status": S}))),
        [("response-enum-removed", False, f"{RS}: status")],
    ),
    # ----------------------------------------------------------------- components
    ("schema-added", spec(schemas={}), spec(schemas={"Thing": obj({})}), [("schema-added", False, C)]),
    ("schema-removed", spec(schemas={"Thing": obj({})}), spec(schemas={}), [("schema-removed", True, C)]),
    (
        "schema-property-added",
        spec(schemas={"Thing": obj({})}),
        spec(schemas={"Thing": obj({"a": S})}),
        [("schema-property-added", False, f"{C}/properties/a")],
    ),
    (
        "schema-property-added (required)",
        spec(schemas={"Thing": obj({})}),
        spec(schemas={"Thing": obj({"a": S}, ("a",))}),
        [("schema-property-added", True, f"{C}/properties/a")],
    ),
    (
        "schema-property-removed",
        spec(schemas={"Thing": obj({"a": {"type": "array", "items": obj({"b": S})}})}),
        spec(schemas={"Thing": obj({"a": {"type": "array", "items": obj({})}})}),
        [("schema-property-removed", True, f"{C}/properties/a/items/properties/b")],
    ),
    (
        "schema-property-made-required",
        spec(schemas={"Thing": obj({"a": S})}),
        spec(schemas={"Thing": obj({"a": S}, ("a",))}),
        [("schema-property-made-required", True, f"{C}/properties/a")],
    ),
    (
        "schema-property-made-optional",
        spec(schemas={"Thing": obj({"a": S}, ("a",))}),
        spec(schemas={"Thing": obj({"a": S})}),
        [("schema-property-made-optional", True, f"{C}/properties/a")],
    ),
    (
        "schema-property-type-changed",
        spec(schemas={"Thing": obj({"a": S})}),
        spec(schemas={"Thing": obj({"a": INT})}),
        [("schema-property-type-changed", True, f"{C}/properties/a")],
    ),
    (
        "schema-property-became-nullable",
        spec(schemas={"Thing": obj({"a": S})}),
        spec(schemas={"Thing": obj({"a": NS})}),
        [("schema-property-became-nullable", True, f"{C}/properties/a")],
    ),
    (
        "schema-property-became-non-nullable",
        spec(schemas={"Thing": obj({"a": NS})}),
        spec(schemas={"Thing": obj({"a": S})}),
        [("schema-property-became-non-nullable", True, f"{C}/properties/a")],
    ),
    (
        "schema-enum-value-added",
        spec(schemas={"Thing": obj({"a": {"type": "string", "enum": ["x"]}})}),
        spec(schemas={"Thing": obj({"a": {"type": "string", "enum": ["x", "y"]}})}),
        [("schema-enum-value-added", False, f"{C}/properties/a")],
    ),
    (
        "schema-enum-value-removed",
        spec(schemas={"Thing": obj({"a": {"type": "string", "enum": ["x", "y"]}})}),
        spec(schemas={"Thing": obj({"a": {"type": "string", "enum": ["x"]}})}),
        [("schema-enum-value-removed", True, f"{C}/properties/a")],
    ),
    (
        "schema-enum-added",
        spec(schemas={"Thing": obj({"a": S})}),
        spec(schemas={"Thing": obj({"a": {"type": "string", "enum": ["x"]}})}),
        [("schema-enum-added", True, f"{C}/properties/a")],
    ),
    (
        "schema-enum-removed",
        spec(schemas={"Thing": obj({"a": {"type": "string", "enum": ["x"]}})}),
        spec(schemas={"Thing": obj({"a": S})}),
        [("schema-enum-removed", False, f"{C}/properties/a")],
    ),
    # ------------------------------------------------------------------- security
    (
        "security-changed",
        spec(get(security=[])),
        spec(get(security=[{"JWT": []}])),
        [("security-changed", True, OP)],
    ),
    (
        "security-changed (global)",
        spec(get(), security=[{"JWT": []}]),
        spec(get(), security=[{"OAuth": ["read"]}]),
        [("security-changed", True, OP)],
    ),
    (
        "security-scheme-added",
        spec(components={"securitySchemes": {}}),
        spec(components={"securitySchemes": {"JWT": {"type": "apiKey", "in": "header", "name": "Authorization"}}}),
        [("security-scheme-added", False, "#/components/securitySchemes/JWT")],
    ),
    (
        "security-scheme-removed",
        spec(components={"securitySchemes": {"JWT": {"type": "apiKey", "in": "header", "name": "Authorization"}}}),
        spec(components={"securitySchemes": {}}),
        [("security-scheme-removed", True, "#/components/securitySchemes/JWT")],
    ),
    (
        "security-scheme-changed",
        spec(components={"securitySchemes": {"JWT": {"type": "apiKey", "in": "header", "name": "Authorization"}}}),
        spec(components={"securitySchemes": {"JWT": {"type": "http", "scheme": "bearer"}}}),
        [("security-scheme-changed", True, "#/components/securitySchemes/JWT")],
    ),
    (
        "security scheme: extensions are documentation, not a change",
        spec(components={"securitySchemes": {"JWT": {"type": "apiKey", "in": "header", "name": "Authorization"}}}),
        spec(
            components={
                "securitySchemes": {
                    "JWT": {"type": "apiKey", "in": "header", "name": "Authorization", "x-token-url": "https://a/t"}
                }
            }
        ),
        [],
    ),
    (
        "description-changed (operation)",
        spec(get(description="A session of an event.")),
        spec(get(description="A time slot of an offer ticket.")),
        [("description-changed", False, OP)],
    ),
    (
        "description-changed (property)",
        spec(get(obj({"session": {"type": "string", "description": "Event session IRI"}}))),
        spec(get(obj({"session": {"type": "string", "description": "Offer-ticket session IRI"}}))),
        [("description-changed", False, f"{RS}: session")],
    ),
    (
        "pattern-changed",
        spec(get(params=[qparam(type="string", pattern="^.{1,50}$")])),
        spec(get(params=[qparam(type="string", pattern="^.{1,20}$")])),
        [("pattern-changed", False, PQ)],
    ),
    (
        "example-changed",
        spec(get(obj({"session": {"type": "string", "example": "/v1/ticketing/catalogs/c/events/e/sessions/s"}}))),
        spec(
            get(
                obj(
                    {"session": {"type": "string", "example": "/v1/ticketing/catalogs/c/offers/o/tickets/t/sessions/s"}}
                )
            )
        ),
        [("example-changed", False, f"{RS}: session")],
    ),
    (
        "format-changed",
        spec(get(obj({"n": {"type": "integer", "format": "int32"}}))),
        spec(get(obj({"n": {"type": "integer", "format": "int64"}}))),
        [("format-changed", False, f"{RS}: n")],
    ),
]
