"""Running a user's pytest files in their own pytest process (the plugin is loaded as in their project)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

# Not a user's file: proves nothing really sleeps (a real sleep fails the test).
NO_SLEEP_CONFTEST = """
import asyncio
import time

import pytest


@pytest.fixture(autouse=True)
def _no_real_sleep(monkeypatch):
    real_async_sleep = asyncio.sleep

    def forbidden(seconds):
        raise AssertionError(f"slept {seconds} s for real")

    async def forbidden_async(seconds, *args, **kwargs):
        if seconds:
            raise AssertionError(f"slept {seconds} s for real")
        return await real_async_sleep(0)

    monkeypatch.setattr(time, "sleep", forbidden)
    monkeypatch.setattr(asyncio, "sleep", forbidden_async)
"""


def run_pytest(folder: Path, files: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """pytest -q on `folder` holding `files` (name: text), in a fresh process."""
    (folder / "pytest.ini").write_text("[pytest]\nfilterwarnings = error\n", encoding="utf-8")
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly", str(folder)],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
