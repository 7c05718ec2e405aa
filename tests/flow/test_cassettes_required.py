"""Replay never falls back to the network: a missing cassette, or a request a cassette lacks, fails.

The cassette tests run in a copy of tests/ (a separate pytest) with one cassette deleted and one
cut short, while a live stand-in listens where the cassettes point: it must receive nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from korusticket.testing import FakeClock, StandIn, StandInServer

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def test_missing_or_short_cassettes_fail_without_touching_the_network(tmp_path: Path) -> None:
    flow, cassettes = tmp_path / "tests" / "flow", tmp_path / "tests" / "cassettes"
    flow.mkdir(parents=True)
    for name in ("conftest.py", "test_booking_flow_cassettes.py"):  # tests.support comes from ROOT
        shutil.copy(HERE / name, flow / name)
    shutil.copytree(ROOT / "tests" / "cassettes", cassettes)
    (cassettes / "test_unknown_catalog_is_404.yaml").unlink()

    stand_in = StandIn(clock=FakeClock())
    with StandInServer(stand_in) as server:
        short = cassettes / "test_booking_flow.yaml"
        data = yaml.safe_load(short.read_text(encoding="utf-8"))
        data["interactions"] = data["interactions"][:-1]  # the last document URL was never recorded
        data["metadata"]["base_url"] = server.base_url  # a server is there: replay must not use it
        data["metadata"]["token_url"] = server.base_url + stand_in.token_path
        short.write_text(yaml.safe_dump(data), encoding="utf-8")

        env = {k: v for k, v in os.environ.items() if not k.startswith("KORUSTICKET_")}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # only pytest-recording: starts faster
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "pytest_recording.plugin", "-p", "no:cacheprovider", "-q", "-rfE",
             "tests/flow"],
            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
    out = run.stdout + run.stderr
    assert run.returncode == 1, out
    assert "1 failed, 5 passed, 1 error" in out, out  # the untouched cassettes still replay
    assert "FAILED tests/flow/test_booking_flow_cassettes.py::test_booking_flow" in out, out
    assert "no cassette" in out, out
    assert "test_unknown_catalog_is_404.yaml: record it" in out, out
    assert "CannotOverwriteExistingCassetteException" in out, out
    assert stand_in.requests == [], [f"{r.method} {r.path}" for r in stand_in.requests]
