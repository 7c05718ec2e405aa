"""Forward compatibility: what a newer server may send parses; what breaks the spec is named."""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable
from importlib import resources
from typing import Any

import pytest
from korusticket import KorusTicket, OutcomeUnknownError, ResponseDecodeError

from tests.support.bodies import RESERVATIONS_BULK, reservation_bulk_body
from tests.support.mock_api import MockAPI, jsonld
from tests.support.numbered_bodies import (
    CATALOG,
    offer_body,
    order_body,
    reservation_body,
    reservation_item,
    uid,
)

NEW_ENUM = "x-synthetic-status-never-in-the-spec"  # not a plausible future value: a release may add any real one
EXTRA = "brandNewField"
EXTRA_VALUE = {"nested": [1, {"deep": True}], "note": "sent by a newer server"}

RID, OID, OFFER = uid(301), uid(401), uid(101)


@functools.cache
def spec() -> dict[str, Any]:
    text = resources.files("korusticket_api").joinpath("openapi.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = spec()["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def nullable(schema: dict[str, Any]) -> bool:
    schema = resolve(schema)
    kinds = schema.get("type")
    if kinds == "null" or (isinstance(kinds, list) and "null" in kinds):
        return True
    return any(nullable(option) for option in schema.get("anyOf", []) + schema.get("oneOf", []))


def shape(schema: dict[str, Any]) -> dict[str, Any]:
    """Properties, enum and items of a schema, through $ref, allOf and nullable anyOf/oneOf."""
    schema = resolve(schema)
    merged: dict[str, Any] = {"properties": dict(schema.get("properties", {}))}
    for key in ("enum", "items"):
        if key in schema:
            merged[key] = schema[key]
    parts = schema.get("allOf", []) + [
        option for option in schema.get("anyOf", []) + schema.get("oneOf", []) if resolve(option).get("type") != "null"
    ]
    for part in parts:
        sub = shape(part)
        merged["properties"].update(sub["properties"])
        merged.update({k: v for k, v in sub.items() if k != "properties"})
    return merged


def mutate(value: Any, schema: dict[str, Any], *, nulls: bool) -> Any:
    """Add EXTRA to every object, replace every enum value, and (nulls) null every nullable field."""
    described = shape(schema)
    if isinstance(value, dict):
        out: dict[str, Any] = {}
        for key, item in value.items():
            sub = described["properties"].get(key)
            if sub is None or key.startswith("@"):
                out[key] = copy.deepcopy(item)
            elif nulls and nullable(sub):
                out[key] = None
            elif "enum" in shape(sub) and isinstance(item, str):
                out[key] = NEW_ENUM
            else:
                out[key] = mutate(item, sub, nulls=nulls)
        out[EXTRA] = copy.deepcopy(EXTRA_VALUE)
        return out
    if isinstance(value, list) and isinstance(described.get("items"), dict):
        return [mutate(item, described["items"], nulls=nulls) for item in value]
    return value


def response_schema(path: str) -> dict[str, Any]:
    for template, item in spec()["paths"].items():
        parts, wanted = template.strip("/").split("/"), path.strip("/").split("/")
        if len(parts) == len(wanted) and all(p == w or p.startswith("{") for p, w in zip(parts, wanted, strict=True)):
            for method in ("get", "post"):
                if method in item:
                    content = item[method]["responses"]["200"]["content"]
                    schema: dict[str, Any] = next(iter(content.values()))["schema"]
                    return schema
    raise LookupError(path)


def paths_where(value: Any, test: Callable[[dict[str, Any], str], bool], path: str = "") -> set[str]:
    """Paths of every object key satisfying test(obj, key), EXTRA's own contents left out."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            here = f"{path}.{key}" if path else key
            if test(value, key):
                found.add(here)
            if key != EXTRA:
                found |= paths_where(item, test, here)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found |= paths_where(item, test, f"{path}[{index}]")
    return found


def has_extra(obj: dict[str, Any], key: str) -> bool:
    return key == EXTRA and obj[key] == EXTRA_VALUE


def is_null(obj: dict[str, Any], key: str) -> bool:
    return obj[key] is None


def is_new_enum(obj: dict[str, Any], key: str) -> bool:
    return obj[key] == NEW_ENUM


# (name, request path, documented body, how the client fetches it)
Fetch = Callable[[KorusTicket], Any]
CASES: list[tuple[str, str, Callable[[], dict[str, Any]], Fetch]] = [
    ("reservation", f"/v1/booking/reservations/{RID}", reservation_body, lambda kt: kt.reservations.get(RID)),
    ("order", f"/v1/booking/orders/{OID}", order_body, lambda kt: kt.orders.get(OID)),
    ("offer", f"/v1/ticketing/catalogs/{CATALOG}/offers/{OFFER}", offer_body, lambda kt: kt.offers.get(CATALOG, OFFER)),
]


@pytest.mark.parametrize("nulls", [False, True], ids=["extra+enums", "extra+enums+nulls"])
@pytest.mark.parametrize(("name", "path", "body", "fetch"), CASES, ids=[c[0] for c in CASES])
def test_mutated_documented_payloads_parse_and_keep_everything(
    script: MockAPI,
    make_client: Callable[..., KorusTicket],
    name: str,
    path: str,
    body: Callable[[], dict[str, Any]],
    fetch: Fetch,
    nulls: bool,
) -> None:
    mutated = mutate(body(), response_schema(path), nulls=nulls)
    script.add("GET", path, jsonld(mutated))

    model = fetch(make_client())
    echoed = model.to_dict()

    extras = paths_where(mutated, has_extra)
    assert len(extras) >= 3, f"{name}: the mutation should reach nested objects"
    assert paths_where(echoed, has_extra) == extras  # unknown fields kept at every level
    assert paths_where(echoed, is_null) == paths_where(mutated, is_null)  # nulls kept as null
    assert paths_where(echoed, is_new_enum) == paths_where(mutated, is_new_enum)  # raw strings kept
    if nulls:
        assert paths_where(mutated, is_null), f"{name}: nullable fields should have been nulled"
    assert paths_where(mutated, is_new_enum), f"{name}: enum values should have been replaced"


def test_unknown_enum_values_come_through_with_an_unknown_marker(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    path = f"/v1/booking/orders/{OID}"
    script.add("GET", path, jsonld(mutate(order_body(), response_schema(path), nulls=False)))
    reservation_path = f"/v1/booking/reservations/{RID}"
    script.add("GET", reservation_path, jsonld(mutate(reservation_body(), response_schema(reservation_path), nulls=False)))  # fmt: skip
    kt = make_client()

    order = kt.orders.get(OID)
    reservation = kt.reservations.get(RID)

    ticket = order.items[0].tickets[0]
    for value in (order.status, ticket.status, reservation.status, reservation.seats_arrangement):
        assert value == NEW_ENUM
        assert isinstance(value, str)
        assert value.is_unknown  # type: ignore[attr-defined]  # an UnknownEnum str subclass


def test_known_enum_values_are_not_marked_unknown(script: MockAPI, make_client: Callable[..., KorusTicket]) -> None:
    script.add("GET", f"/v1/booking/reservations/{RID}", jsonld(reservation_body()))

    reservation = make_client().reservations.get(RID)

    assert reservation.status == "reserved"
    assert not reservation.status.is_unknown


def test_unknown_fields_are_reachable_on_the_models(script: MockAPI, make_client: Callable[..., KorusTicket]) -> None:
    path = f"/v1/booking/orders/{OID}"
    script.add("GET", path, jsonld(mutate(order_body(), response_schema(path), nulls=False)))

    order = make_client().orders.get(OID)

    assert order[EXTRA] == EXTRA_VALUE
    assert order.customer[EXTRA] == EXTRA_VALUE
    assert order.items[0][EXTRA] == EXTRA_VALUE
    assert order.items[0].tickets[0].beneficiary[EXTRA] == EXTRA_VALUE
    assert order["reservation"].startswith("/v1/booking/reservations/")  # documented later than 1.0.7


def test_mutated_bulk_result_parses(script: MockAPI, make_client: Callable[..., KorusTicket]) -> None:
    body = reservation_bulk_body([reservation_body(1)], [{"offer": "x", "message": "no", "extra": {"a": None}}])
    script.add("POST", RESERVATIONS_BULK, jsonld(mutate(body, response_schema(RESERVATIONS_BULK), nulls=True)))

    result = make_client().reservations.create([reservation_item(1), reservation_item(2)])

    (reservation,) = result.succeeded
    assert reservation.status.is_unknown
    assert reservation.total_amount_excl_tax is None
    assert reservation[EXTRA] == EXTRA_VALUE
    (failure,) = result.failed
    assert failure.raw["extra"] == {"a": None}
    assert failure.reason == "no"


# --- what does not fit the spec ------------------------------------------------------------------


def put(body: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """Set body at a dotted path with [i] indexes, e.g. items[0].tickets[0].occursAt."""
    target: Any = body
    steps = path.replace("[", ".[").split(".")
    for step in steps[:-1]:
        target = target[int(step[1:-1])] if step.startswith("[") else target[step]
    last = steps[-1]
    if last.startswith("["):
        target[int(last[1:-1])] = value
    else:
        target[last] = value
    return body


WRONG: list[tuple[str, str, Any]] = [
    ("reservation", "expiresAt", 12),
    ("reservation", "expiresAt", None),
    ("reservation", "expiresAt", "next tuesday"),
    ("reservation", "totalAmountInclTax", {}),
    ("reservation", "totalAmountInclTax", "lots"),
    ("reservation", "items", "x"),
    ("reservation", "items[0].offerTickets", 7),
    ("reservation", "status", 3),
    ("order", "createdAt", 12),
    ("order", "customer", "john"),
    ("order", "items[0].tickets[0].status", 4),
    ("order", "items[0]", 1),
    ("offer", "price", None),
    ("order", "items[0].tickets[0]", "ticket"),
    ("order", "items[0].amountInclTax", {"value": 1}),
    ("offer", "price.amountInclTax", []),
    ("offer", "tickets", {"a": 1}),
]


@pytest.mark.parametrize(("name", "field", "value"), WRONG, ids=[f"{n}.{f}={v!r}" for n, f, v in WRONG])
def test_a_wrong_type_raises_response_decode_error_naming_the_field(
    script: MockAPI, make_client: Callable[..., KorusTicket], name: str, field: str, value: Any
) -> None:
    _, path, body, fetch = next(case for case in CASES if case[0] == name)
    script.add("GET", path, jsonld(put(body(), field, value)))

    with pytest.raises(ResponseDecodeError) as info:
        fetch(make_client())

    error = info.value
    assert error.path == field
    assert field in str(error)
    assert path in str(error)
    assert error.response.status_code == 200


def test_wrong_type_inside_a_bulk_result_names_the_nested_field(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    body = reservation_bulk_body([reservation_body(1), reservation_body(2, expiresAt=12)], [])
    script.add("POST", RESERVATIONS_BULK, jsonld(body))

    with pytest.raises(OutcomeUnknownError) as info:  # the POST was processed, its answer unreadable
        make_client(validate_responses="strict").reservations.create([reservation_item(1), reservation_item(2)])

    assert isinstance(info.value.__cause__, ResponseDecodeError)
    assert info.value.__cause__.path == "reservations[1].expiresAt"


def test_a_body_that_is_not_json_raises_response_decode_error(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    import httpx

    script.add("GET", f"/v1/booking/reservations/{RID}", httpx.Response(200, text="<html>maintenance</html>"))

    with pytest.raises(ResponseDecodeError) as info:
        make_client().reservations.get(RID)

    assert "not JSON" in str(info.value)


PLAIN_FIELDS = [
    ("reservation", "id", 5),
    ("reservation", "expired", "yes"),
    ("offer", "availableQuantity", "lots"),
    # Nullable unions: the generated parser alone would keep the raw value.
    ("reservation", "totalAmountExclTax", 80),
    ("reservation", "items[0].date", "2025-13-45"),
    ("order", "items[0].tickets[0].occursAt", 12),
    ("order", "items[0].tickets[0].voucher", []),
    ("order", "items[0].tickets[0].beneficiary", "john"),
    ("order", "cancelledAt", 4),
]


@pytest.mark.parametrize(("name", "field", "value"), PLAIN_FIELDS, ids=[f"{n}.{f}={v!r}" for n, f, v in PLAIN_FIELDS])
def test_wrong_type_in_a_plain_field_raises_naming_the_field(
    script: MockAPI, make_client: Callable[..., KorusTicket], name: str, field: str, value: Any
) -> None:
    """The generated models do not check plain field types; the client's spec check does."""
    _, path, body, fetch = next(case for case in CASES if case[0] == name)
    script.add("GET", path, jsonld(put(body(), field, value)))

    with pytest.raises(ResponseDecodeError) as info:
        fetch(make_client())

    assert info.value.path == field
    assert field in str(info.value)


def test_validation_can_be_turned_off_for_trusted_bulk_syncs(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    _, path, body, fetch = next(case for case in CASES if case[0] == "reservation")
    script.add("GET", path, jsonld(put(body(), "id", 5)))

    assert fetch(make_client(validate_responses=False)).id == 5


def test_a_datetime_without_offset_is_refused_so_every_datetime_is_aware(
    script: MockAPI, make_client: Callable[..., KorusTicket]
) -> None:
    _, path, body, fetch = next(case for case in CASES if case[0] == "reservation")
    script.add("GET", path, jsonld(put(body(), "expiresAt", "2025-01-27T15:15:20")))

    with pytest.raises(ResponseDecodeError) as info:
        fetch(make_client())

    assert info.value.path == "expiresAt"
