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

from .model import CLIENT_DIRS, DRAFT_MARK, RELEASES, DiffError, git

# The order of releases, oldest first, one version a line: written by `make release`, never sorted.
# Versions are labels (`release` came after 1.0.38), so only this record says which came before which.
MANIFEST = "manifest.txt"


def release_order(repo: Path) -> list[str]:
    """The archived versions in the order they were released (spec/releases/manifest.txt)."""
    folder = repo / RELEASES
    path = folder / MANIFEST
    archived = {p.stem for p in folder.glob("*.yaml")}
    if not path.is_file():
        if archived:
            raise DiffError(
                f"{RELEASES}/ holds {len(archived)} release(s) but no {MANIFEST}: list their versions in it, "
                "oldest first, one a line (`make release` keeps it)"
            )
        return []
    order = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip() and line[:1] != "#"]
    problems = [f"{v} is listed twice" for v in sorted({v for v in order if order.count(v) > 1})]
    problems += [f"{v} is listed but {RELEASES}/{v}.yaml does not exist" for v in order if v not in archived]
    problems += [f"{RELEASES}/{v}.yaml is not listed" for v in sorted(archived - set(order))]
    if problems:
        raise DiffError(f"{RELEASES}/{MANIFEST}: " + "; ".join(problems))
    return order


def record_release(repo: Path, version: str, *, after: str | None = None) -> None:
    """Append `version` to the manifest (after `after`, which must be the newest): the release it replaces."""
    path = repo / RELEASES / MANIFEST
    text = path.read_text(encoding="utf-8") if path.is_file() else (
        "# The releases archived here, oldest first: written by `make release`, never sorted.\n"
    )  # fmt: skip
    order = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    if version in order:
        return
    if after is not None and order and order[-1] != after:
        raise DiffError(f"{RELEASES}/{MANIFEST}: the newest release is {order[-1]}, not {after}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.rstrip("\n") + f"\n{version}\n", encoding="utf-8")


def release_files(repo: Path) -> list[Path]:
    """Archived release specs (spec/releases/<version>.yaml), oldest first by the manifest."""
    return [repo / RELEASES / f"{v}.yaml" for v in release_order(repo)]


def last_release(repo: Path, head_version: str | None) -> Path | None:
    """The release the head is compared with: the one before the head's version in the manifest
    when the head is a recorded release (so a release landed in several commits keeps its whole
    diff), else the newest; a first release is compared with itself."""
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
    failures = optable.stale_params(head_doc, ops)
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
