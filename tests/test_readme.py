"""The README's examples run, against the stand-in: documentation that cannot drift."""

from __future__ import annotations

import asyncio
import re
import textwrap
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, StandIn, StandInServer

README = Path(__file__).resolve().parents[1] / "README.md"
CREDENTIALS = f"client_id={DEMO_CLIENT_ID!r}, client_secret={DEMO_CLIENT_SECRET!r}"


def blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def block(marker: str) -> str:
    return next(b for b in blocks() if marker in b)


def test_service_set_up_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """The two lines of "Use it in a service": a client from the KORUSTICKET_* variables."""
    with StandInServer(StandIn()) as server:
        for name, value in {"BASE_URL": server.base_url, "TOKEN_URL": server.token_url,
                            "CLIENT_ID": DEMO_CLIENT_ID, "CLIENT_SECRET": DEMO_CLIENT_SECRET}.items():  # fmt: skip
            monkeypatch.setenv(f"KORUSTICKET_{name}", value)
        namespace: dict[str, Any] = {}
        code = block("kt = KorusTicket()  #")
        assert len(code.strip().splitlines()) == 3  # an import, a blank line, the client
        exec(compile(code, "README.md (service)", "exec"), namespace)
        with namespace["kt"] as kt:
            assert list(kt.catalogs.list())


def test_sync_booking_flow() -> None:
    stand_in = StandIn()
    code = block('client_id="...", client_secret="..."').replace(
        'client_id="...", client_secret="..."', f"{CREDENTIALS}, transport=stand_in.transport()"
    )
    namespace: dict[str, Any] = {"stand_in": stand_in}
    exec(compile(code, "README.md (sync)", "exec"), namespace)
    orders = namespace["orders"]
    assert orders.ok
    (order,) = orders.succeeded
    assert isinstance(order.total_amount_incl_tax, Decimal)  # money is never a float
    assert order.total_amount_incl_tax == Decimal("200.00")  # 2 x 100.00
    assert order.external_reference == "SHOP-2026-0042"
    assert order.reference.startswith("KT-ORD-")


def test_async_booking_flow() -> None:
    stand_in = StandIn()
    code = block("async with AsyncKorusTicket()").replace(
        "AsyncKorusTicket()", f"AsyncKorusTicket({CREDENTIALS}, transport=stand_in.async_transport())"
    )
    namespace: dict[str, Any] = {"stand_in": stand_in}
    exec(
        compile("async def main():\n" + textwrap.indent(code, "    ") + "\n    return orders", "README.md", "exec"),
        namespace,
    )
    orders = asyncio.run(namespace["main"]())
    assert orders.ok
    (order,) = orders.succeeded
    assert isinstance(order.total_amount_incl_tax, Decimal)
    assert order.external_reference == "SHOP-2026-0043"
    assert stand_in.count("POST", "/v1/booking/orders/_bulk") == 1


def test_stand_in_snippet() -> None:
    namespace: dict[str, Any] = {}
    exec(compile(block("from korusticket.testing"), "README.md (testing)", "exec"), namespace)
    assert next(iter(namespace["kt"].catalogs.list())).name


def test_raw_paths_snippet() -> None:
    from korusticket import KorusTicket

    stand_in = StandIn()
    kt = KorusTicket(client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, transport=stand_in.transport())
    namespace: dict[str, Any] = {"kt": kt}
    exec(compile(block("kt.paginate("), "README.md (raw paths)", "exec"), namespace)
    assert namespace["raw"]["member"]
    assert namespace["item"]["name"]


def test_own_http_snippet(capsys: Any) -> None:
    stand_in = StandIn()
    code = re.sub(
        r"own = httpx\.Client\(.*?\]\}\)\n",
        'own = httpx.Client(transport=stand_in.transport(), event_hooks={"request": [log_request]})\n',
        block("http_client=own"),
        flags=re.S,
    ).replace("KorusTicket(http_client=own", f"KorusTicket({CREDENTIALS}, http_client=own")
    namespace: dict[str, Any] = {"stand_in": stand_in, "catalog": stand_in.demo.catalog}
    exec(compile(code, "README.md (own HTTP)", "exec"), namespace)
    namespace["english"].catalogs.get(stand_in.demo.catalog)
    printed = capsys.readouterr().out.splitlines()
    assert printed[-1].startswith("GET /v1/ticketing/catalogs/")
    [call] = [r for r in stand_in.requests if r.query]
    assert call.headers["x-partner"] == "shop-42"
    assert ("debug", "1") in call.query


def test_raw_response_snippet(capsys: Any) -> None:
    from korusticket import KorusTicket

    stand_in = StandIn()
    kt = KorusTicket(client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, transport=stand_in.transport())
    namespace: dict[str, Any] = {"kt": kt, "catalog": stand_in.demo.catalog}
    exec(compile(block("with_raw_response.catalogs.get"), "README.md (raw)", "exec"), namespace)
    assert capsys.readouterr().out.startswith("200 ")
    assert namespace["catalog_model"].iri == stand_in.demo.catalog


def test_request_shapes_snippet() -> None:
    from datetime import date

    from korusticket import KorusTicket

    stand_in = StandIn()
    kt = KorusTicket(client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, transport=stand_in.transport())
    offer = kt.offers.get(stand_in.demo.catalog, stand_in.demo.offer_day)
    assert offer.tickets
    namespace: dict[str, Any] = {"offer": offer, "ticket": offer.tickets[0], "date": date}
    exec(compile(block("ReservationItemInput"), "README.md (shapes)", "exec"), namespace)
    held = kt.reservations.create(namespace["items"]).raise_for_failures()
    orders = kt.orders.create(held.succeeded, customer=namespace["customer"], external_reference="SHAPES-1")
    assert orders.raise_for_failures().succeeded


def test_the_booking_snippets_pass_mypy_strict(tmp_path: Path) -> None:
    """What a user copies from the README type-checks: no Unset, no cast, no generated package."""
    import subprocess
    import sys

    sync, async_ = blocks()[0], blocks()[1]
    (tmp_path / "sync_flow.py").write_text(sync, encoding="utf-8")
    body = "\n".join("    " + line if line else "" for line in async_.splitlines())
    (tmp_path / "async_flow.py").write_text("async def main() -> None:\n" + body + "\n", encoding="utf-8")
    for code in (sync, async_):
        assert "korusticket_api" not in code
        assert "Unset" not in code
        assert "cast(" not in code
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(tmp_path / ".mypy"),
         str(tmp_path / "sync_flow.py"), str(tmp_path / "async_flow.py")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout


def test_testing_your_code_section_runs_under_the_pytest_plugin(tmp_path: Path) -> None:
    from tests.support.pytest_run import NO_SLEEP_CONFTEST, run_pytest

    done = run_pytest(
        tmp_path, {"test_readme_plugin.py": block("def test_sold_out_offer"), "conftest.py": NO_SLEEP_CONFTEST}
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 passed" in done.stdout


def test_forms_snippet(capsys: Any) -> None:
    from korusticket import KorusTicket

    stand_in = StandIn()
    kt = KorusTicket(client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET, transport=stand_in.transport())
    namespace: dict[str, Any] = {"kt": kt, "form_iri": stand_in.demo.form}
    exec(compile(block("FormSpec.from_raw(form)"), "README.md (forms)", "exec"), namespace)
    printed = capsys.readouterr().out
    assert "FormField(id=" in printed
    assert "code='lastname'" in printed
    assert "type_='single_choice'" in printed
    assert namespace["answers"]["form"] == stand_in.demo.form
    assert {f.code for f in namespace["spec"].fields} >= {"lastname", "firstname", "meal"}
    assert len(namespace["answers"]["fields"]) == 3
