"""Archived releases (spec/releases/), changelog acknowledgements and the operation checks."""

from __future__ import annotations

import io
import re
import tarfile
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import surface as surface_mod

from .model import CLIENT_DIRS, DRAFT_MARK, RELEASES, git


def _version_key(version: str) -> tuple[int, tuple[int, ...], str]:
    """1.0.7 < 1.0.10 < 1.0.38 < release (a label sorts after every number)."""
    if re.fullmatch(r"\d+(\.\d+)*", version):
        return (0, tuple(int(n) for n in version.split(".")), "")
    return (1, (), version)


def release_files(repo: Path) -> list[Path]:
    """Archived release specs (spec/releases/<version>.yaml), oldest first."""
    return sorted((repo / RELEASES).glob("*.yaml"), key=lambda p: _version_key(p.stem))


def last_release(repo: Path, head_version: str | None) -> Path | None:
    """The release the head is compared with: the one before the head's version when the head
    is archived already (so a release landed in several commits keeps its whole diff), else the
    newest; a first release is compared with itself."""
    files = release_files(repo)
    versions = [p.stem for p in files]
    if head_version in versions:
        index = versions.index(head_version)
        return files[index - 1] if index > 0 else files[index]
    return files[-1] if files else None


def surface_file(release: Path) -> Path:
    return release.with_name(f"{release.stem}.surface.json")


def acknowledgements(changelog: Path, version: str | None) -> tuple[frozenset[str], list[str]]:
    """Ids in backticks in the changelog entry of `version` (a `## ... API <version>` heading),
    and the failures of that entry (a draft not reviewed yet)."""
    if version is None or not changelog.is_file():
        return frozenset(), []
    text = changelog.read_text(encoding="utf-8")
    heading = re.compile(r"^## .*\bAPI " + re.escape(version) + r"(?![\w.])", re.M)
    match = heading.search(text)
    if match is None:
        return frozenset(), []
    end = re.search(r"^## ", text[match.end() :], re.M)
    section = text[match.start() : match.end() + (end.start() if end else len(text))]
    failures = []
    if DRAFT_MARK in section:
        failures.append(
            f"the {changelog.name} entry of API {version} is a draft: review it (what callers gain, what breaks), "
            f"then delete its `{DRAFT_MARK} ...` line"
        )
    return frozenset(re.findall(r"`([^`]+)`", section)), failures


def operation_checks(repo: Path, head_doc: Mapping[str, Any], head_surface: surface_mod.Surface) -> list[str]:
    """Every spec operation has a generated module and a method on both clients."""
    import optable

    try:
        table, lines = optable.load()
        ops = optable.resolve(optable.spec_operations(head_doc), table, lines, report=lambda _: None)
    except optable.TableError as exc:
        return [f"operations table: {exc}"]
    failures = []
    api = repo / "generated" / "korusticket_api" / "api"
    for op in ops:
        if not list(api.glob(f"*/{op.module}.py")):
            failures.append(f"`{op.key}` has no generated module {op.module} (run make generate)")
        failures += [
            f"`{op.key}` has no method korusticket.{client}.{op.resource}.{op.method}"
            for client in ("KorusTicket", "AsyncKorusTicket")
            if f"korusticket.{client}.{op.resource}.{op.method}" not in head_surface
        ]
    return failures


def _tree_surface(repo: Path, ref: str) -> surface_mod.Surface:
    """The surface of the package at a git ref (its overrides/ and generated/)."""
    with tempfile.TemporaryDirectory(prefix="api-diff-surface-") as tmp:
        present = [d for d in CLIENT_DIRS if git(repo, "ls-tree", "--name-only", ref, "--", d).stdout.strip()]
        archive = git(repo, "archive", "--format=tar", ref, "--", *present).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        return surface_mod.snapshot(Path(tmp) / "overrides", Path(tmp) / "generated")


# --------------------------------------------------------------------------- CLI
