"""The built wheel on its own (issue 20): what a service gets from `pip install korusticket`.

The wheel is built from this tree, then installed with `--no-deps` into a clean venv that holds only the
runtime dependencies from requirements.lock (its build-only pins dropped); the venv's Python runs outside
the repository, so nothing of the checkout is importable. The pinned uv from `.venv-lock` does the work,
offline: `make venv` has just filled its cache with every locked file.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
UV = ROOT / ".venv-lock" / "bin" / "uv"
BUILD_ONLY = {"setuptools"}  # the `build` dependency group, which requirements.lock also carries


def _run(*args: str | Path, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "KORUSTICKET_", "VIRTUAL_ENV"))}
    env["UV_NO_CONFIG"] = "1"
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{args} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def runtime_requirements(lock: str) -> str:
    """requirements.lock without its build-only blocks (a block: a pin line and its indented lines)."""
    blocks = re.split(r"\n(?=[A-Za-z0-9])", lock)
    return "\n".join(b for b in blocks if re.split(r"[=\s\[]", b, maxsplit=1)[0].lower() not in BUILD_ONLY) + "\n"


def test_runtime_requirements_drop_only_the_build_pins() -> None:
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    kept = runtime_requirements(lock)
    names = {line.split("==")[0].lower() for line in kept.splitlines() if re.match(r"[A-Za-z0-9]", line)}
    assert {"httpx", "attrs", "python-dateutil"} <= names
    assert not names & BUILD_ONLY
    assert all(line.startswith(("    --hash=", "    #", "#")) or "==" in line for line in kept.splitlines() if line)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not UV.exists():
        pytest.fail(f"{UV} is missing: `make venv` installs the pinned uv there")
    # Built from a copy of what the sdist holds: setuptools writes korusticket.egg-info into the source
    # folder, and one left in the checkout would shadow the installed project's metadata (entry points).
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "LICENSE", "MANIFEST.in"):
        shutil.copy2(ROOT / name, source / name)
    for folder in ("overrides", "generated"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    out = tmp_path_factory.mktemp("dist")
    _run(UV, "build", "--quiet", "--no-build-isolation", "--python", sys.executable, "--out-dir", out, source, cwd=out)
    assert not (ROOT / "korusticket.egg-info").exists()
    return out


@pytest.fixture(scope="module")
def wheel_python(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wheel-venv")
    reqs = work / "runtime.txt"
    reqs.write_text(runtime_requirements((ROOT / "requirements.lock").read_text(encoding="utf-8")), encoding="utf-8")
    venv = work / "venv"
    python = venv / "bin" / "python"
    _run(UV, "venv", "--quiet", "--python", sys.executable, venv, cwd=work)
    _run(UV, "pip", "sync", "--quiet", "--offline", "--require-hashes", "--python", python, reqs, cwd=work)
    (wheel,) = dist.glob("korusticket-*.whl")
    _run(UV, "pip", "install", "--quiet", "--offline", "--no-deps", "--python", python, wheel, cwd=work)
    _run(UV, "pip", "check", "--quiet", "--python", python, cwd=work)  # the wheel's Requires-Dist all met
    return python


def test_wheel_holds_the_packages_and_their_markers_only(dist: Path) -> None:
    (wheel,) = dist.glob("korusticket-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/", 1)[0] for n in names}
    dist_info = wheel.name.split("-py3")[0] + ".dist-info"
    assert tops == {"korusticket", "korusticket_api", "pytest_korusticket", dist_info}  # the last: the pytest plugin
    assert {"korusticket/py.typed", "korusticket_api/py.typed", "korusticket_api/openapi.json"} <= set(names)
    assert "korusticket/testing/__main__.py" in names
    assert not [n for n in names if "/tests/" in n or n.startswith(("tests/", "scripts/")) or "conftest" in n]
    (sdist,) = dist.glob("korusticket-*.tar.gz")
    with tarfile.open(sdist) as tar:
        members = [m.split("/", 1)[1] for m in tar.getnames() if "/" in m]
    assert {"pyproject.toml", "LICENSE"} <= set(members)
    assert not [m for m in members if m.startswith(("tests/", "scripts/"))]


def test_import_outside_the_checkout(wheel_python: Path) -> None:
    out = _run(
        wheel_python,
        "-c",
        "import korusticket, korusticket_api; print(korusticket.__file__)",
        cwd=wheel_python.parents[2],
    )
    assert Path(out.strip()).is_relative_to(wheel_python.parents[1])  # the installed copy, not overrides/


CALL = """
from korusticket import KorusTicket
from korusticket.testing import DEMO_CLIENT_ID, DEMO_CLIENT_SECRET, StandIn, StandInServer

with StandInServer(StandIn()) as server, KorusTicket(
    base_url=server.base_url, token_url=server.token_url, client_id=DEMO_CLIENT_ID, client_secret=DEMO_CLIENT_SECRET
) as kt:
    print(len(list(kt.catalogs.list())))
"""


def test_a_call_against_the_stand_in(wheel_python: Path) -> None:
    assert int(_run(wheel_python, "-c", CALL, cwd=wheel_python.parents[2])) >= 1


def test_stand_in_cli_help(wheel_python: Path) -> None:
    out = _run(wheel_python, "-m", "korusticket.testing", "serve", "--help", cwd=wheel_python.parents[2])
    assert "--port" in out


def test_console_script(wheel_python: Path) -> None:
    out = _run(wheel_python.parent / "korusticket", "--help", cwd=wheel_python.parents[2])
    assert "catalogs" in out
