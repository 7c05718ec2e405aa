"""examples/typed_service.py (issue 14): a typed service written from the README, run against the
stand-in served over HTTP on loopback; mypy --strict on it runs in `make typecheck`."""

from __future__ import annotations

import ast
import asyncio
from pathlib import Path

import pytest
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, StandIn, StandInServer

from examples.typed_service import Connection, Report, main, run_async, run_sync

SOURCE = Path(__file__).resolve().parents[1] / "examples" / "typed_service.py"


@pytest.fixture
def connection() -> object:
    with StandInServer(StandIn()) as server:
        yield Connection(server.base_url, server.token_url, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET)


def check(report: Report) -> None:
    assert len(report.catalogs) == 2
    assert report.reserved == 1
    assert report.failures == [(1, "sold_out")]  # the partial failure, with its code and input index
    assert report.in_input_order == ["0:reserved", "1:failed"]
    assert len(report.orders) == 1
    assert report.orders[0].startswith("KT-ORD-")
    assert report.beneficiaries >= 1
    assert report.document_urls
    assert report.raw_status == 200
    assert any(seen.endswith("/token") for seen in report.requests_seen)  # the event hook saw the token request
    assert any(seen.startswith("POST /v1/booking/orders") for seen in report.requests_seen)


def test_sync_service(connection: Connection) -> None:
    report = run_sync(connection)
    check(report)
    assert report.errors == ["NotFoundError 404", "InputError items[0].quantity"]


def test_async_service(connection: Connection) -> None:
    report = asyncio.run(run_async(connection))
    check(report)
    assert report.errors == ["InputError reservations"]


def test_main_serves_the_stand_in_itself(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("BASE_URL", "TOKEN_URL", "CLIENT_ID", "CLIENT_SECRET"):
        monkeypatch.delenv(f"KORUSTICKET_{name}", raising=False)
    assert main() == 0
    out = capsys.readouterr().out
    assert out.count("failures [(1, 'sold_out')]") == 2


def test_no_unset_no_any_no_korusticket_api() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    tree = ast.parse(text)
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not any(m and m.startswith("korusticket_api") for m in imported)
    annotations = [
        ast.unparse(a)
        for n in ast.walk(tree)
        for a in (
            [n.annotation]
            if isinstance(n, ast.AnnAssign | ast.arg) and n.annotation is not None
            else [n.returns]
            if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef) and n.returns is not None
            else []
        )
    ]
    assert annotations
    assert not any("Any" in a.split("[")[0] or "Any]" in a or "Any," in a for a in annotations)
    assert "Unset" not in text
