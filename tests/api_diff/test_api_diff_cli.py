"""api_diff CLI: exit statuses, the git-ref mode and the Python client surface view."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import apidiff as api_diff
import pytest

from tests.support.git import git

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "api_diff.py"

OLD = FIXTURES / "korusticket-1.0.7-min.yaml"
NEW = FIXTURES / "korusticket-release-min.yaml"

CLIENT_V1 = '''"""Client."""

__all__ = ["Client"]


class Client:
    """A client."""

    def list_orders(self, page: int = 1, items_per_page: int = 10, external_reference: str | None = None) -> list[str]:
        """List orders."""
        return []

    def get_event(self, event_id: str) -> str:
        """Get an event."""
        return event_id
'''

CLIENT_V2 = '''"""Client."""

__all__ = ["Client"]


class Client:
    """A client."""

    def list_orders(self, page: int = 1, items_per_page: int = 30) -> list[str]:
        """List orders."""
        return []
'''


def run_cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "API_DIFF_ALLOW_BREAKING"}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        cwd=cwd,
        env=full_env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repo whose first commit has no spec, the second 1.0.7 and client v1."""
    git(tmp_path, "init", "-q", "-b", "main")
    (tmp_path / "README").write_text("x\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first")
    (tmp_path / "spec").mkdir()
    (tmp_path / "spec" / "openapi.yaml").write_text(OLD.read_text())
    pkg = tmp_path / "overrides" / "korusticket"
    pkg.mkdir(parents=True)
    (pkg / "__init__.py").write_text(CLIENT_V1)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "spec 1.0.7")
    return tmp_path


def test_same_spec_prints_no_changes(tmp_path: Path) -> None:
    proc = run_cli("--base", str(OLD), "--head", str(OLD), "--no-client", cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stdout == "no changes\n"


def test_breaking_change_exits_1(tmp_path: Path) -> None:
    proc = run_cli("--base", str(OLD), "--head", str(NEW), "--no-client", cwd=tmp_path)
    assert proc.returncode == 1
    assert "## Breaking changes" in proc.stdout
    assert "breaking changes found" in proc.stderr


def test_allow_breaking_exits_0(tmp_path: Path) -> None:
    proc = run_cli("--base", str(OLD), "--head", str(NEW), "--no-client", "--allow-breaking", cwd=tmp_path)
    assert proc.returncode == 0
    assert "## Breaking changes" in proc.stdout


def test_allow_breaking_from_environment(tmp_path: Path) -> None:
    env = {"API_DIFF_ALLOW_BREAKING": "1"}
    proc = run_cli("--base", str(OLD), "--head", str(NEW), "--no-client", cwd=tmp_path, env=env)
    assert proc.returncode == 0


def test_non_breaking_only_exits_0(tmp_path: Path) -> None:
    proc = run_cli(
        "--base",
        str(FIXTURES / "korusticket-1.0.4-tickets-min.yaml"),
        "--head",
        str(OLD),
        "--no-client",
        cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert "None." in proc.stdout  # the empty breaking section


def test_output_file(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    proc = run_cli(
        "--base", str(OLD), "--head", str(NEW), "--no-client", "--allow-breaking", "--output", str(out), cwd=tmp_path
    )
    assert proc.returncode == 0
    assert out.read_text() == proc.stdout


def test_unknown_base_exits_2(repo: Path) -> None:
    proc = run_cli("--base", "no-such-ref", cwd=repo)
    assert proc.returncode == 2
    assert "neither a spec file nor a git revision" in proc.stderr


def test_invalid_yaml_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("- just\n- a list\n")
    proc = run_cli("--base", str(bad), "--head", str(OLD), cwd=tmp_path)
    assert proc.returncode == 2


def test_list_rules(tmp_path: Path) -> None:
    proc = run_cli("--list-rules", cwd=tmp_path)
    assert proc.returncode == 0
    assert "operation-removed: breaking" in proc.stdout
    assert len(proc.stdout.splitlines()) == len(api_diff.RULES)


def test_git_ref_unchanged_tree_prints_no_changes(repo: Path) -> None:
    proc = run_cli("--base", "HEAD", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == "no changes\n"


def test_git_ref_without_spec_is_an_empty_base(repo: Path) -> None:
    proc = run_cli("--base", "HEAD~1", "--no-client", cwd=repo)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("# API changes: (none) → 1.0.7")
    assert "has no spec/openapi.yaml: the base is empty" in proc.stdout
    assert "operation-added" in proc.stdout


def test_git_ref_spec_change(repo: Path) -> None:
    (repo / "spec" / "openapi.yaml").write_text(NEW.read_text())
    proc = run_cli("--base", "HEAD", "--no-client", cwd=repo)
    assert proc.returncode == 1
    assert "# API changes: 1.0.7 → release" in proc.stdout
    assert "`GET /v1/ticketing/catalogs/{catalogId}/events`" in proc.stdout
    git(repo, "commit", "-q", "-am", "release")
    # What CI runs: the previous commit against the new one.
    proc = run_cli("--base", "HEAD~1", "--allow-breaking", cwd=repo)
    assert proc.returncode == 0
    assert "response-property-removed" in proc.stdout


def test_client_surface_breakages(repo: Path) -> None:
    (repo / "overrides" / "korusticket" / "__init__.py").write_text(CLIENT_V2)
    changes, notes = api_diff.client_surface_diff(repo, "HEAD")
    assert notes == []
    found = {(c.kind, c.path, c.old, c.new) for c in changes}
    assert found == {
        ("Public object was removed", "korusticket.Client.get_event", "", ""),
        ("Parameter was removed", "korusticket.Client.list_orders(external_reference)", "", ""),
        ("Parameter default was changed", "korusticket.Client.list_orders(items_per_page)", "10", "30"),
    }
    proc = run_cli("--base", "HEAD", cwd=repo)
    assert proc.returncode == 1
    surface = proc.stdout[proc.stdout.index("## Python client surface") :]
    assert "`korusticket.Client.list_orders(items_per_page)`: 10 → 30" in surface


def test_client_surface_skipped_when_base_has_no_package(repo: Path) -> None:
    changes, notes = api_diff.client_surface_diff(repo, "HEAD~1")
    assert changes == []
    assert notes == ["`HEAD~1` has no overrides/korusticket: client comparison skipped"]


def test_client_surface_survives_a_broken_working_tree(repo: Path) -> None:
    (repo / "overrides" / "korusticket" / "__init__.py").write_text("def broken(:\n")
    changes, notes = api_diff.client_surface_diff(repo, "HEAD")
    assert changes == []
    assert len(notes) == 1
    assert "client comparison skipped" in notes[0]
