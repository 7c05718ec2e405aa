"""api_diff on real KorusTicket history, from the reduced specs in fixtures/.

korusticket-1.0.7-min.yaml and korusticket-release-min.yaml are reconstructed from the version facts in
shared/korusticket-api (see their header comments). The ticket's `status` and `seating` were already in
1.0.7 according to those facts (booking-forms.yaml, ticket_status_seating_added: between 1.0.4 and 1.0.7),
so their addition is checked against korusticket-1.0.4-tickets-min.yaml, which holds only the ticket
operations, the only 1.0.4 pages seen.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import apidiff as api_diff
import pytest
import yaml

FIXTURES = Path(__file__).resolve().parent / "fixtures"

CATALOG = "/v1/ticketing/catalogs/{catalogId}"
TICKET = "/v1/booking/orders/{orderId}/items/{orderItemId}/tickets/{id}"


def load(name: str) -> dict[str, Any]:
    with (FIXTURES / name).open(encoding="utf-8") as fh:
        doc = yaml.safe_load(fh)
    assert isinstance(doc, dict)
    return doc


@pytest.fixture(scope="module")
def release_changes() -> set[tuple[str, bool, str]]:
    changes = api_diff.diff_specs(load("korusticket-1.0.7-min.yaml"), load("korusticket-release-min.yaml"))
    return {(c.kind, c.breaking, c.path) for c in changes}


@pytest.mark.parametrize(
    "path",
    [
        f"GET {CATALOG}/events",
        f"GET {CATALOG}/events/{{id}}",
        f"GET {CATALOG}/events/{{eventId}}/sessions",
        f"GET {CATALOG}/events/{{eventId}}/sessions/{{id}}",
        f"GET {CATALOG}/events/{{eventId}}/sessions/{{id}}/availability",
    ],
)
def test_events_and_sessions_removed(release_changes: set[tuple[str, bool, str]], path: str) -> None:
    assert ("operation-removed", True, path) in release_changes


@pytest.mark.parametrize(
    "path",
    [
        f"GET {CATALOG}/product_bases",
        f"GET {CATALOG}/product_bases/{{id}}",
        f"GET {CATALOG}/product_bases/{{productBaseId}}/options",
        f"GET {CATALOG}/product_bases/{{productBaseId}}/options/{{code}}/values",
        f"GET {CATALOG}/product_bases/{{productBaseId}}/products",
        f"GET {CATALOG}/offers/{{offerId}}/tickets/{{ticketId}}/sessions",
        f"GET {CATALOG}/offers/{{offerId}}/tickets/{{ticketId}}/sessions/{{id}}",
        "GET /v1/booking/orders/{orderId}/documents",
        "GET /v1/booking/orders/{orderId}/documents/{id}",
    ],
)
def test_new_operations_added(release_changes: set[tuple[str, bool, str]], path: str) -> None:
    assert ("operation-added", False, path) in release_changes


@pytest.mark.parametrize("method", ["GET", "PATCH"])
def test_ticket_event_removed(release_changes: set[tuple[str, bool, str]], method: str) -> None:
    assert ("response-property-removed", True, f"{method} {TICKET} response 200: event") in release_changes


def test_order_bulk_notes_added(release_changes: set[tuple[str, bool, str]]) -> None:
    assert (
        "request-property-added",
        False,
        "POST /v1/booking/orders/_bulk request body: notes",
    ) in release_changes


@pytest.mark.parametrize(
    "path",
    [
        f"GET {TICKET} response 200",
        "GET /v1/booking/orders response 200: member[]",
        "GET /v1/booking/orders response 200: member[].customer",
        "POST /v1/booking/orders/_bulk response 200: orders[]",
        f"GET {CATALOG}/offers/{{id}}/price response 404",
    ],
)
@pytest.mark.parametrize("key", ["@id", "@type"])
def test_jsonld_keys_made_required(release_changes: set[tuple[str, bool, str]], path: str, key: str) -> None:
    sep = "." if path.endswith(("]", "customer")) else ": "
    assert ("response-property-made-required", False, f"{path}{sep}{key}") in release_changes


def test_other_release_facts(release_changes: set[tuple[str, bool, str]]) -> None:
    expected = {
        ("response-property-added", False, "GET /v1/ticketing/catalogs response 200: member[].lastSyncedAt"),
        ("parameter-added", False, f"GET {CATALOG}/offers query parameter: productBaseId"),
        ("parameter-added", False, f"GET {CATALOG}/offers query parameter: optionValuesContext[]"),
        (
            "response-property-added",
            False,
            f"GET {CATALOG}/offers/{{offerId}}/tickets/{{id}} response 200: description",
        ),
        ("schema-removed", True, "#/components/schemas/TicketingEvent.jsonld-v1.event.read"),
        ("schema-added", False, "#/components/schemas/TicketingProductBase.jsonld-v1.product_base.read"),
    }
    assert expected <= release_changes


def test_nothing_unexpected_is_breaking(release_changes: set[tuple[str, bool, str]]) -> None:
    breaking = {(k, p) for k, b, p in release_changes if b}
    allowed_kinds = {"operation-removed", "schema-removed", "response-property-removed"}
    assert {k for k, _ in breaking} <= allowed_kinds
    removed_props = {p for k, p in breaking if k == "response-property-removed"}
    assert removed_props == {f"GET {TICKET} response 200: event", f"PATCH {TICKET} response 200: event"}
    assert "version-not-bumped" not in {k for k, _, _ in release_changes}


def test_ticket_status_and_seating_added_after_1_0_4() -> None:
    changes = api_diff.diff_specs(load("korusticket-1.0.4-tickets-min.yaml"), load("korusticket-1.0.7-min.yaml"))
    ticket = {(c.kind, c.breaking, c.path) for c in changes if TICKET in c.path}
    assert ticket == {
        ("response-property-added", False, f"{method} {TICKET} response 200: {prop}")
        for method in ("GET", "PATCH")
        for prop in ("status", "seating")
    }


def test_report_heading_and_exit(capsys: pytest.CaptureFixture[str]) -> None:
    code = api_diff.main(
        [
            "--base",
            str(FIXTURES / "korusticket-1.0.7-min.yaml"),
            "--head",
            str(FIXTURES / "korusticket-release-min.yaml"),
        ]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert out.startswith("# API changes: 1.0.7 → release\n")
    assert f"- **operation-removed** `GET {CATALOG}/events`" in out
