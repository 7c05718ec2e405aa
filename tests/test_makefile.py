"""`make help` lists every target the Makefile declares."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def phony_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8").replace("\\\n", " ")
    declared = re.search(r"^\.PHONY:(.*)$", text, re.M)
    assert declared is not None
    return set(declared.group(1).split())


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_help_lists_every_target() -> None:
    out = subprocess.run(["make", "--no-print-directory", "help"], cwd=ROOT, capture_output=True, text=True, check=True)
    listed = set(re.findall(r"^  make (\S+)", out.stdout, re.M))
    assert {"help", "clean", "check", "lock"} <= phony_targets()
    assert listed == phony_targets()


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize("venv", [".venv", ".venv-run"])
def test_venvs_are_made_by_the_pinned_uv_not_the_bundled_pip(venv: str) -> None:
    """The interpreter's bundled pip installs uv alone (pinned, hashed); uv makes each venv exactly its lock.

    A bundled pip that mishandles an extra under --require-hashes (pypa/pip#9644) broke every fresh clone
    the day coverage 7.18.0 was published (issue 20)."""
    out = subprocess.run(
        ["make", "--no-print-directory", "--dry-run", "--always-make", f"{venv}/.installed"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    lines = out.stdout.splitlines()
    pip = [line for line in lines if " -m pip " in line]
    assert pip == [next(line for line in lines if "requirements-uv.lock" in line)]
    assert "--require-hashes -r requirements-uv.lock" in pip[0]
    lock = "requirements-dev.lock" if venv == ".venv" else "requirements.lock"
    assert any(re.search(rf"/uv pip sync .*--require-hashes .*{lock}$", line) for line in lines)
    assert any(re.search(r"/uv venv ", line) for line in lines)
