"""Reads answered from seed documents: any GET operation of the spec, no handler needed."""

from __future__ import annotations

import pytest
from korusticket import KorusTicket
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, StandIn
from korusticket.testing._core import Request
from korusticket.testing._documents import DocumentError, Documents

CATALOG = "/v1/ticketing/catalogs/0194abdc-3a71-72b0-a9b9-89d4be0cd73e"


def catalog(n: int, name: str, created: str = "2025-01-28T07:42:04+00:00") -> dict[str, object]:
    ident = f"0194abdc-3a71-72b0-a9b9-89d4be0cd7{n:02d}"
    return {
        "@id": f"/v1/ticketing/catalogs/{ident}",
        "@type": "TicketingCatalog",
        "id": ident,
        "createdAt": created,
        "name": name,
    }


def get(path: str, *query: tuple[str, str]) -> Request:
    return Request(method="GET", path=path, query=tuple(query))


def test_item_and_collection_reads_come_from_the_documents() -> None:
    docs = Documents([catalog(1, "b", "2025-02-01T00:00:00+00:00"), catalog(2, "a", "2025-01-01T00:00:00+00:00")])
    one = docs.read(get(catalog(1, "b")["@id"]))  # type: ignore[arg-type]
    assert one.status == 200
    listed = docs.read(get("/v1/ticketing/catalogs", ("order[createdAt]", "asc")))
    body = listed.json()
    assert [m["name"] for m in body["member"]] == ["a", "b"]
    assert body["totalItems"] == 2
    filtered = docs.read(get("/v1/ticketing/catalogs", ("name", "b"))).json()
    assert [m["name"] for m in filtered["member"]] == ["b"]
    paged = docs.read(get("/v1/ticketing/catalogs", ("itemsPerPage", "1"), ("page", "2"))).json()
    assert len(paged["member"]) == 1
    assert paged["view"]["previous"]


def test_an_unknown_item_is_404() -> None:
    from korusticket.testing._core import ApiError

    with pytest.raises(ApiError):
        Documents().read(get(f"{CATALOG[:-2]}ff"))


def test_a_document_that_does_not_fit_the_spec_is_refused() -> None:
    with pytest.raises(DocumentError, match="createdAt"):
        Documents([catalog(3, "x", created="yesterday")])
    with pytest.raises(DocumentError, match="no GET operation"):
        Documents([{"@id": "/v1/nowhere/1", "@type": "X"}])


def test_the_stand_in_serves_documents_for_reads_without_a_handler(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every 1.0.7 read has a handler; a later release's new read only needs documents. Simulated
    here by taking the catalog handlers away."""
    from korusticket.testing import _app

    kept = tuple(r for r in _app.ROUTES if "catalogs" not in r[1].pattern or "offers" in r[1].pattern)
    monkeypatch.setattr(_app, "ROUTES", kept)
    stand_in = StandIn(documents=[catalog(4, "seeded")])
    kt = KorusTicket(
        client_id=DEMO_CLIENT_ID,
        client_secret=DEMO_CLIENT_SECRET,
        transport=stand_in.transport(),
        validate_responses=True,
    )
    assert [c.name for c in kt.catalogs.list()] == ["seeded"]
    assert kt.catalogs.get(catalog(4, "seeded")["id"]).name == "seeded"  # type: ignore[arg-type]
