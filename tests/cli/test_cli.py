"""The `korusticket` command (and `python -m korusticket`): each command against the stand-in over
HTTP, credentials from the KORUSTICKET_* variables, the client's errors as one line and exit status 1."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import sysconfig
from collections.abc import Iterator
from pathlib import Path

import pytest
from korusticket._cli import main
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, StandIn, StandInServer


@pytest.fixture
def server(stand_in: StandIn, monkeypatch: pytest.MonkeyPatch) -> Iterator[StandInServer]:
    """The stand-in on loopback, and the four variables pointing at it (as an operator sets them)."""
    with StandInServer(stand_in) as server:
        for name in ("TOKEN", "ENVIRONMENT", "LANGUAGE", "LOG"):
            monkeypatch.delenv(f"KORUSTICKET_{name}", raising=False)
        monkeypatch.setenv("KORUSTICKET_BASE_URL", server.base_url)
        monkeypatch.setenv("KORUSTICKET_TOKEN_URL", server.token_url)
        monkeypatch.setenv("KORUSTICKET_CLIENT_ID", DEMO_CLIENT_ID)
        monkeypatch.setenv("KORUSTICKET_CLIENT_SECRET", DEMO_CLIENT_SECRET)
        yield server


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out=out, err=err)
    return status, out.getvalue(), err.getvalue()


def test_catalogs_as_a_table_and_as_json(server: StandInServer, stand_in: StandIn) -> None:
    status, out, err = run("catalogs")
    assert (status, err) == (0, "")
    header, *rows = out.splitlines()
    assert header.split() == ["ID", "NAME", "LAST_SYNCED_AT"]
    catalog_id = stand_in.demo.catalog.rsplit("/", 1)[-1]
    assert any(row.startswith(catalog_id) for row in rows)

    status, out, _ = run("catalogs", "--json")
    assert status == 0
    assert catalog_id in {c["id"] for c in json.loads(out)}


def test_offers_of_a_product_base(server: StandInServer, stand_in: StandIn) -> None:
    status, out, _ = run("product-bases", stand_in.demo.catalog, "--json")
    assert status == 0
    bases = json.loads(out)
    assert bases
    status, out, _ = run("offers", stand_in.demo.catalog, "--product-base", bases[0]["id"], "--json")
    assert status == 0
    offers = json.loads(out)
    assert offers
    assert all(isinstance(o["price"]["amountInclTax"], str) for o in offers if o.get("price"))  # money stays exact
    status, table, _ = run("offers", stand_in.demo.catalog, "--product-base", bases[0]["id"])
    assert status == 0
    assert table.splitlines()[0].split() == ["ID", "DATE", "PRODUCT", "PRICE", "CURRENCY", "AVAILABLE"]
    assert len(table.splitlines()) == len(offers) + 1


def test_an_order_by_reference_external_reference_or_id(server: StandInServer, stand_in: StandIn) -> None:
    stand_in.seed_orders(3, external_reference="OTHER")
    (iri,) = stand_in.seed_orders(1, external_reference="SHOP-2026-7")
    order_id = iri.rsplit("/", 1)[-1]
    reference = stand_in.state.orders[order_id].reference
    for key in (reference, "SHOP-2026-7", order_id):
        status, out, err = run("order", key, "--json")
        assert (status, err) == (0, ""), key
        (found,) = json.loads(out)
        assert found["id"] == order_id
        assert found["externalReference"] == "SHOP-2026-7"
    status, out, _ = run("order", reference)
    assert status == 0
    assert reference in out
    assert "SHOP-2026-7" in out


def test_documents_downloaded_to_a_folder(server: StandInServer, stand_in: StandIn, tmp_path: Path) -> None:
    (iri,) = stand_in.seed_orders(1, external_reference="SHOP-DOCS")
    status, out, err = run("documents", "SHOP-DOCS", "--out", str(tmp_path / "tickets"), "--json")
    assert (status, err) == (0, "")
    files = json.loads(out)
    assert len(files) == len(stand_in.document_ids(iri)) > 0
    for entry in files:
        content = Path(entry["file"]).read_bytes()
        assert content.startswith(b"%PDF")
        assert len(content) == entry["bytes"]


def test_a_raw_get(server: StandInServer, stand_in: StandIn) -> None:
    status, out, _ = run("get", "/v1/ticketing/catalogs", "-q", "itemsPerPage=1")
    assert status == 0
    body = json.loads(out)
    assert len(body["member"]) == 1


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["order", "NO-SUCH-ORDER"], "no order with id, external reference or reference 'NO-SUCH-ORDER'"),
        (["get", "/v1/ticketing/catalogs/0194abdc-3a71-72b0-a9b9-000000000000"], "404"),
        (["get", "https://elsewhere.example/steal"], "path"),
        (["get", "/v1/ticketing/catalogs", "-q", "novalue"], "expected NAME=VALUE"),
    ],
)
def test_errors_are_one_line_and_exit_status_1(server: StandInServer, argv: list[str], message: str) -> None:
    status, out, err = run(*argv)
    assert status == 1
    assert out == ""
    assert err.startswith("korusticket: error: ")
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert DEMO_CLIENT_SECRET not in err


def test_missing_credentials_and_a_bad_log_level_are_clear_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CLIENT_ID", "CLIENT_SECRET", "TOKEN", "BASE_URL", "TOKEN_URL", "ENVIRONMENT", "LOG"):
        monkeypatch.delenv(f"KORUSTICKET_{name}", raising=False)
    status, _, err = run("catalogs")
    assert status == 1
    assert "KORUSTICKET_CLIENT_ID" in err
    monkeypatch.setenv("KORUSTICKET_TOKEN", "t")
    monkeypatch.setenv("KORUSTICKET_LOG", "verbose")
    status, _, err = run("catalogs")
    assert status == 1
    assert "KORUSTICKET_LOG" in err
    assert "info or debug" in err


def test_the_console_script_and_python_m(server: StandInServer) -> None:
    env = dict(os.environ)  # the fixture set the KORUSTICKET_* variables
    script = Path(sysconfig.get_path("scripts")) / "korusticket"
    for command in ([str(script)], [sys.executable, "-m", "korusticket"]):
        done = subprocess.run(
            [*command, "catalogs", "--json"], env=env, capture_output=True, text=True, timeout=120, check=False
        )
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)
    usage = subprocess.run([sys.executable, "-m", "korusticket", "nope"], capture_output=True, text=True, check=False)
    assert usage.returncode == 2
    assert "invalid choice" in usage.stderr


def test_import_korusticket_does_not_load_the_cli() -> None:
    code = "import sys, korusticket; print('korusticket._cli' in sys.modules, 'argparse' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split()[0] == "False"
