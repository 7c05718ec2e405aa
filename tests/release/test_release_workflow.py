"""A spec release through `make release`, end to end, on a copy of the repository.

The fixture release is made from the current spec, so it stays meaningful whatever release the
repository speaks: it removes an operation pair and its model, adds a list/item pair whose old
fallback names collided (plus a nested collection), renames a schema and an operation's path, and
changes a description. The release must generate with nothing lost, every new operation must be
callable on both clients with auth, retries, checks and pagination, `import korusticket` must
work, and the diff must name every removed method and model at its public path and fail CI until
the changelog acknowledges it.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CATALOG = "0194abdc-3a71-72b0-a9b9-89d4be0cd73e"
REMOVED = ("/v1/ticketing/catalogs/{catalogId}/products", "/v1/ticketing/catalogs/{catalogId}/products/{id}")
PRODUCT_SCHEMA = "TicketingProduct.jsonld-v1.product.read"
WIDGETS = "/v1/ticketing/catalogs/{catalogId}/widgets"
PARTS = "/v1/ticketing/catalogs/{catalogId}/widgets/{widgetId}/parts"
PRICE = "/v1/ticketing/catalogs/{catalogId}/offers/{id}/price"


def _path_param(name: str) -> dict[str, Any]:
    pattern = "^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
    return {"name": name, "in": "path", "required": True, "schema": {"type": "string", "pattern": pattern}}


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


def fixture_release(base: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(base)
    doc["info"]["version"] = "9.9.9-fixture"
    paths = doc["paths"]
    for path in REMOVED:
        del paths[path]
    # Whatever else lists products goes too (later releases list them under product bases).
    for path in [p for p, item in paths.items() if PRODUCT_SCHEMA in json.dumps(item)]:
        del paths[path]
    doc["components"]["schemas"].pop(PRODUCT_SCHEMA)
    widget_ref = "#/components/schemas/TicketingWidget.jsonld-v1.widget.read"
    doc["components"]["schemas"]["TicketingWidget.jsonld-v1.widget.read"] = {
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
    ok = {"description": "Widget resource", "content": {"application/ld+json": {"schema": {"$ref": widget_ref}}}}
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
            "responses": {"200": ok},
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
    # Renamed: the price of an offer moves to /prices (the table entry for /price goes stale).
    paths[PRICE.replace("/price", "/prices")] = paths.pop(PRICE)
    # A changed description: where a change of meaning hides.
    offers = paths["/v1/ticketing/catalogs/{catalogId}/offers"]["get"]
    offers["description"] = "Offers now filter sessions by offer-ticket session IRIs."
    doc["tags"] = [*doc.get("tags", []), {"name": "TicketingWidget", "description": "Widgets of a catalog."}]
    return doc


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


def run(repo: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("KORUSTICKET_")} | (env or {})
    return subprocess.run(
        [sys.executable, *args], cwd=repo, capture_output=True, text=True, check=False, env=environment
    )


@pytest.fixture(scope="module")
def released(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """A copy of the repository after `make release SPEC=<fixture>`."""
    repo = tmp_path_factory.mktemp("repo")
    for name in ("overrides", "scripts", "spec", "generated"):
        shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in ("CHANGELOG.md", "api.md"):
        shutil.copyfile(ROOT / name, repo / name)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "before the release")
    spec = yaml.safe_load((repo / "spec" / "openapi.yaml").read_text(encoding="utf-8"))
    new = repo / "new-release.yaml"
    new.write_text(yaml.safe_dump(fixture_release(spec), sort_keys=False), encoding="utf-8")
    return repo, run(repo, "scripts/release.py", str(new))


def test_the_release_generates_with_nothing_lost(released: tuple[Path, Any]) -> None:
    repo, proc = released
    assert proc.returncode == 0, proc.stderr
    api = (repo / "api.md").read_text(encoding="utf-8")
    spec = yaml.safe_load((repo / "spec" / "openapi.yaml").read_text(encoding="utf-8"))
    for path, item in spec["paths"].items():
        for method in item:
            assert f"`{method.upper()} {path}`" in api, f"{method} {path} has no call in api.md"
    assert "kt.widgets.list(catalog" in api
    assert "kt.widgets.get(catalog, id)" in api
    assert "kt.widget_parts.list(catalog, widget" in api
    assert "kt.offer_prices.list(catalog, id)" in api  # derived: a plural segment names a collection
    modules = {p.stem for p in (repo / "generated" / "korusticket_api" / "api").glob("*/*.py")}
    assert {"widgets_list", "widgets_get", "widget_parts_list", "offer_prices_list"} <= modules
    assert (repo / "spec" / "releases" / "9.9.9-fixture.yaml").exists()
    assert (repo / "spec" / "releases" / f"{spec_version(ROOT)}.surface.json").exists()


def spec_version(root: Path) -> str:
    return str(yaml.safe_load((root / "spec" / "openapi.yaml").read_text(encoding="utf-8"))["info"]["version"])


def test_the_release_says_what_is_left_by_hand(released: tuple[Path, Any]) -> None:
    _, proc = released
    out = proc.stdout
    assert "Left to do by hand" in out
    assert "GET /v1/ticketing/catalogs/{catalogId}/widgets: kt.widgets.list" in out
    assert "GET /v1/ticketing/catalogs/{catalogId}/widgets/{id}: kt.widgets.get" in out
    assert f"{PRICE} is not in the spec any more" in out  # the stale table entry
    assert "review the CHANGELOG.md draft" in out


CALLS = r"""
import asyncio, json, sys
import httpx
import korusticket
from korusticket import AsyncKorusTicket, KorusTicket, ResponseDecodeError
from korusticket.types import TicketingWidget

CATALOG = sys.argv[1]
WIDGET = "0194abdc-3a71-72b0-a9b9-89d4be0cd73f"
seen = []
flaky = {"left": 1}

def widget(n):
    return {"@id": f"/v1/ticketing/catalogs/{CATALOG}/widgets/{WIDGET[:-1]}{n}", "@type": "TicketingWidget",
            "id": f"{WIDGET[:-1]}{n}", "name": f"w{n}", "price": "12.50"}

def handler(request):
    seen.append((request.method, request.url.path, request.url.query.decode()))
    if request.url.path.endswith("/token"):
        return httpx.Response(200, json={"access_token": "tok", "expires_in": 300, "token_type": "Bearer"})
    assert request.headers["Authorization"] == "Bearer tok"
    if request.url.path.endswith("/widgets"):
        if flaky["left"]:
            flaky["left"] -= 1
            return httpx.Response(503, headers={"Retry-After": "0"})
        page = int(request.url.params["page"])
        body = {"member": [widget(page)], "totalItems": 2}
        if page == 1:
            body["view"] = {"@id": "x", "next": f"/v1/ticketing/catalogs/{CATALOG}/widgets?page=2"}
        return httpx.Response(200, json=body)
    if "/parts" in request.url.path:
        return httpx.Response(200, json={"member": [widget(7)], "totalItems": 1})
    if request.url.path.endswith(WIDGET):
        return httpx.Response(200, json={**widget(3), "price": 12.5})  # a number where the spec says a string
    return httpx.Response(200, json=widget(4))

def sync():
    kt = KorusTicket(client_id="c", client_secret="s", base_url="http://127.0.0.1:9", validate_responses="strict",
                     token_url="http://127.0.0.1:9/token", transport=httpx.MockTransport(handler), sleep=lambda s: None)
    widgets = list(kt.widgets.list(CATALOG, page_size=1))
    assert [w.name for w in widgets] == ["w1", "w2"], widgets
    assert all(isinstance(w, TicketingWidget) for w in widgets)
    assert str(widgets[0].price) == "12.50"
    assert [p.name for p in kt.widget_parts.list(CATALOG, WIDGET)] == ["w7"]
    assert kt.widgets.get(CATALOG, WIDGET[:-1] + "4").name == "w4"
    try:
        kt.widgets.get(CATALOG, WIDGET, )
    except ResponseDecodeError as exc:
        assert "price" in str(exc)
    else:
        raise AssertionError("a wrong type passed the response check")
    lenient = KorusTicket(client_id="c", client_secret="s", base_url="http://127.0.0.1:9",
                          token_url="http://127.0.0.1:9/token", transport=httpx.MockTransport(handler))
    assert lenient.widgets.get(CATALOG, WIDGET)["price"] == 12.5  # the default keeps the raw value

async def main():
    flaky["left"] = 1
    async def asleep(s):
        return None
    kt = AsyncKorusTicket(client_id="c", client_secret="s", base_url="http://127.0.0.1:9",
                          token_url="http://127.0.0.1:9/token", transport=httpx.MockTransport(handler), sleep=asleep)
    names = [w.name async for w in kt.widgets.list(CATALOG, page_size=1, prefetch=2)]
    assert names == ["w1", "w2"], names
    assert (await kt.widgets.get(CATALOG, WIDGET[:-1] + "4")).name == "w4"
    assert [p.name async for p in kt.widget_parts.list(CATALOG, WIDGET)] == ["w7"]

def stand_in():
    # The stand-in answers the new reads from seed documents: a new model is data, not code.
    from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, StandIn

    kt = KorusTicket(client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET,
                     transport=StandIn(documents=[widget(8), widget(9)]).transport())
    assert [w.name for w in kt.widgets.list(CATALOG)] == ["w8", "w9"]
    assert kt.widgets.get(CATALOG, WIDGET[:-1] + "9").name == "w9"

sync()
asyncio.run(main())
stand_in()
assert korusticket.API_VERSION == "9.9.9-fixture"
print(json.dumps(seen))
"""


def test_every_new_operation_is_callable_with_auth_retries_checks_and_pagination(released: tuple[Path, Any]) -> None:
    repo, _ = released
    env = {"PYTHONPATH": os.pathsep.join([str(repo / "overrides"), str(repo / "generated")])}
    proc = run(repo, "-c", CALLS, CATALOG, env=env)
    assert proc.returncode == 0, proc.stderr
    seen = json.loads(proc.stdout)
    assert sum(path.endswith("/token") for _, path, _ in seen) == 3  # one token per client (3 clients), reused
    widget_pages = [query for _, path, query in seen if path.endswith("/widgets")]
    assert widget_pages.count("page=1&itemsPerPage=1") >= 2  # the 503 was retried, sync and async


def test_the_diff_names_what_broke_at_public_paths_and_holds_ci_until_acknowledged(
    released: tuple[Path, Any],
) -> None:
    repo, _ = released
    changelog = repo / "CHANGELOG.md"
    draft = changelog.read_text(encoding="utf-8")
    for path in (
        "korusticket.KorusTicket.products",
        "korusticket.AsyncKorusTicket.products",
        # The short-name scheme gives the embedded view the freed name: the diff shows both sides.
        "korusticket.types.TicketingProductInOffer",
        "korusticket.types.TicketingProduct.id",
        "korusticket.KorusTicket.offers.price",
        f"GET {REMOVED[0]}",
    ):
        assert f"`{path}`" in draft, path
    assert "`korusticket.KorusTicket.widgets` (resource)" in draft  # what callers gain
    assert "Offers now filter sessions" in draft  # the changed meaning is shown

    ci = ("scripts/api_diff.py", "--base", "last-release", "--ack", "CHANGELOG.md")
    held = run(repo, *ci)
    assert held.returncode == 1
    assert "draft" in held.stderr

    changelog.write_text("\n".join(line for line in draft.splitlines() if "<!-- draft" not in line) + "\n")
    assert run(repo, *ci).returncode == 0  # reviewed: every break is listed

    unlisted = changelog.read_text(encoding="utf-8").replace("`korusticket.KorusTicket.products`", "products")
    changelog.write_text(unlisted, encoding="utf-8")
    proc = run(repo, *ci)
    assert proc.returncode == 1
    assert "korusticket.KorusTicket.products" in proc.stderr
    assert "- **removed** `korusticket.KorusTicket.products`" in proc.stdout


def test_a_colliding_table_fails_generation_with_the_lines_to_change(released: tuple[Path, Any]) -> None:
    repo, _ = released
    table = repo / "scripts" / "codegen" / "operations.yaml"
    original = table.read_text(encoding="utf-8")
    try:
        table.write_text(original + f"\nGET {WIDGETS}:\n  resource: reservations\n  method: list\n", encoding="utf-8")
        proc = run(repo, "scripts/codegen/generate.py", "spec/openapi.yaml", str(repo / "gen-out" / "korusticket_api"))
        assert proc.returncode == 1
        assert "kt.reservations.list is claimed by 2 entries" in proc.stderr
        assert "operations.yaml:" in proc.stderr  # the lines to change
        assert not (repo / "gen-out").exists()  # nothing written
    finally:
        table.write_text(original, encoding="utf-8")
