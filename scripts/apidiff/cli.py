"""The command line: build_report loads both sides and compares them, main renders and sets the exit status."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import surface as surface_mod
import yaml

from . import pypaths
from .client import client_surface_diff
from .model import (
    CLIENT_PACKAGE,
    DEFAULT_SPEC,
    LAST_RELEASE,
    RELEASES,
    Change,
    ClientChange,
    DiffError,
    Report,
    git,
)
from .releases import (
    MANIFEST,
    _tree_surface,
    acknowledgements,
    last_release,
    operation_checks,
    release_order,
    surface_file,
)
from .report import render_markdown
from .rules import iter_rules
from .spec import _version, diff_specs

DESCRIPTION = "Compare spec/openapi.yaml with a base and report what changed for API callers."


def _load_yaml(text: str, origin: str) -> dict[str, Any]:
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DiffError(f"{origin}: not valid YAML: {exc}") from exc
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise DiffError(f"{origin}: not an OpenAPI document (top level is not a mapping)")
    return doc


def _repo_root(start: Path) -> Path | None:
    proc = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=start, capture_output=True, check=False)
    return Path(proc.stdout.decode().strip()) if proc.returncode == 0 else None


def _released_spec_unchanged(repo: Path, head_doc: dict[str, Any], version: str | None) -> list[str]:
    """A recorded release never changes: the head spec under a released version must be that release."""
    if version is None or version not in release_order(repo):
        return []
    archived = repo / RELEASES / f"{version}.yaml"
    if _load_yaml(archived.read_text(encoding="utf-8"), str(archived)) == head_doc:
        return []
    return [
        f"the spec differs from {RELEASES}/{version}.yaml but keeps its info.version {version}: a release never "
        "changes; bump info.version and run make release"
    ]


@dataclass
class _Base:
    """The side compared against: its spec, the git ref it was read from (None for a file or a
    release) and the file of its recorded Python surface (a release's or a file's neighbour)."""

    doc: dict[str, Any]
    ref: str | None = None
    surface_file: Path | None = None


def build_report(base: str, head: Path, *, client: bool = True, ack: Path | None = None) -> Report:
    """Load both specs (the base from a file, a git ref or the last release) and compare them."""
    notes: list[str] = []
    failures: list[str] = []
    head = head.resolve() if head.exists() else head.absolute()
    if head.is_file():
        head_doc = _load_yaml(head.read_text(encoding="utf-8"), str(head))
    else:
        head_doc = {}
        notes.append(f"{head} does not exist: compared as an empty spec")
    repo = _repo_root(head.parent if head.parent.is_dir() else Path.cwd())
    if base == LAST_RELEASE:
        loaded = _last_release_base(repo, head, head_doc, notes, failures)
    elif Path(base).is_file():
        loaded = _Base(_load_yaml(Path(base).read_text(encoding="utf-8"), base), surface_file=surface_file(Path(base)))
    else:
        loaded = _git_base(base, repo, head, notes)
    changes = diff_specs(loaded.doc, head_doc)
    failures += [
        f"{c.message}: a spec that changes must bump info.version (a release never changes)"
        for c in changes
        if c.kind == "version-not-bumped"
    ]
    client_changes: list[ClientChange] = []
    if client and loaded.ref is not None and repo is not None:
        client_changes, client_notes = client_surface_diff(repo, loaded.ref)
        notes += client_notes
    surface_changes: list[surface_mod.SurfaceChange] = []
    python_paths: dict[str, str] = {}
    has_package = repo is not None and (repo / "overrides" / CLIENT_PACKAGE).is_dir() and (repo / "generated").is_dir()
    if client and has_package and repo is not None:
        surface_changes, python_paths = _compare_surfaces(repo, head, head_doc, loaded, changes, notes, failures)
    if client and loaded.ref is None and not has_package:
        notes.append("the base is a spec file and no client package is here: client comparison skipped")
    report = Report(changes, client_changes, _version(loaded.doc), _version(head_doc), notes, surface_changes, failures)
    report.griffe = client and loaded.ref is not None
    report.python_paths = python_paths
    if ack is not None:
        ids, ack_failures = acknowledgements(ack, report.head_version)
        report.acknowledged = ids
        report.failures += ack_failures
    return report


def _last_release_base(
    repo: Path | None, head: Path, head_doc: dict[str, Any], notes: list[str], failures: list[str]
) -> _Base:
    """The release the head replaces (spec/releases/manifest.txt), or an empty base before the first
    one; a head that keeps a released version must be that release."""
    if repo is None:
        raise DiffError(f"{LAST_RELEASE}: {head} is not inside a git repository")
    head_version = _version(head_doc)
    release = last_release(repo, head_version)
    if release is None:
        loaded = _Base({})
        notes.append(f"no release archived in {RELEASES}/: the base is empty, everything is new")
    else:
        loaded = _Base(
            _load_yaml(release.read_text(encoding="utf-8"), str(release)), surface_file=surface_file(release)
        )
        shown = release.relative_to(repo).as_posix()
        notes.append(
            f"compared with {shown}, the release before {head_version} in {RELEASES}/{MANIFEST}"
            if head_version in release_order(repo)
            else f"compared with {shown}, the newest release in {RELEASES}/{MANIFEST}"
        )
    failures += _released_spec_unchanged(repo, head_doc, head_version)
    return loaded


def _git_base(ref: str, repo: Path | None, head: Path, notes: list[str]) -> _Base:
    """The head's spec file as it was at a git revision (empty where the revision has none)."""
    if repo is None:
        raise DiffError(f"{ref} is not a file, and {head} is not inside a git repository")
    if git(repo, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False).returncode:
        raise DiffError(f"{ref} is neither a spec file nor a git revision")
    rel = head.relative_to(repo).as_posix() if head.is_relative_to(repo) else DEFAULT_SPEC
    shown = git(repo, "show", f"{ref}:{rel}", check=False)
    if shown.returncode:
        notes.append(f"`{ref}` has no {rel}: the base is empty, everything is new")
        return _Base({}, ref=ref)
    return _Base(_load_yaml(shown.stdout.decode("utf-8"), f"{ref}:{rel}"), ref=ref)


def _compare_surfaces(
    repo: Path,
    head: Path,
    head_doc: dict[str, Any],
    base: _Base,
    changes: list[Change],
    notes: list[str],
    failures: list[str],
) -> tuple[list[surface_mod.SurfaceChange], dict[str, str]]:
    """The Python surface of this checkout against the base's (recorded, or read at its git ref),
    and the Python path of each spec change. A package that does not import is a failure."""
    try:
        head_surface = surface_mod.snapshot(repo / "overrides", repo / "generated")
    except surface_mod.SurfaceError as exc:
        failures.append(f"import smoke check: {exc}")
        return [], {}
    # The operations table is checked against the spec it was written for only.
    if head.is_relative_to(repo) and head.relative_to(repo).as_posix() == DEFAULT_SPEC:
        failures += operation_checks(repo, head_doc, head_surface)
    base_surface = None
    if base.surface_file is not None and base.surface_file.is_file():
        base_surface = json.loads(base.surface_file.read_text(encoding="utf-8"))
    elif base.ref is not None:
        try:
            base_surface = _tree_surface(repo, base.ref)
        except (surface_mod.SurfaceError, DiffError) as exc:
            notes.append(f"the Python surface at `{base.ref}` could not be read ({exc}): not compared")
    else:
        notes.append("the base has no recorded Python surface: only the spec is compared")
    surface_changes = surface_mod.diff_surfaces(base_surface, head_surface) if base_surface is not None else []
    return surface_changes, pypaths.python_paths(changes, base.doc, head_doc, base_surface, head_surface)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit status."""
    parser = argparse.ArgumentParser(description=DESCRIPTION)
    parser.add_argument("--base", help=f"git ref, path to a base spec file, or {LAST_RELEASE} (spec/releases/)")
    parser.add_argument("--head", default=DEFAULT_SPEC, help=f"head spec file (default {DEFAULT_SPEC})")
    parser.add_argument(
        "--allow-breaking",
        action="store_true",
        default=os.environ.get("API_DIFF_ALLOW_BREAKING", "") not in ("", "0", "false", "no"),
        help="exit 0 even with breaking changes (also API_DIFF_ALLOW_BREAKING=1)",
    )
    parser.add_argument("--no-client", action="store_true", help="skip the Python client surface check")
    parser.add_argument(
        "--ack", type=Path, help="changelog whose entry for the head's API version acknowledges breaking changes"
    )
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument("--list-rules", action="store_true", help="print the rule ids and exit")
    args = parser.parse_args(argv)
    if args.list_rules:
        print("\n".join(iter_rules()))
        return 0
    if not args.base:
        parser.error("--base is required")
    try:
        report = build_report(args.base, Path(args.head), client=not args.no_client, ack=args.ack)
    except DiffError as exc:
        print(f"api-diff: {exc}", file=sys.stderr)
        return 2
    text = render_markdown(
        report.changes,
        report.client_changes,
        base_version=report.base_version,
        head_version=report.head_version,
        notes=report.notes,
        surface_changes=report.surface_changes,
        failures=report.failures,
        acknowledged=report.acknowledged,
        griffe=report.griffe,
        python_paths=report.python_paths,
    )
    if text == "no changes\n":
        # Keep the "no changes" output clean; notes still reach whoever reads stderr.
        for note in report.notes:
            print(f"api-diff: {note}", file=sys.stderr)
    sys.stdout.write(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    if report.failures:
        print("api-diff: " + "; ".join(report.failures), file=sys.stderr)
        return 1
    if report.breaking and not args.allow_breaking:
        if args.ack is not None:
            print(
                f"api-diff: {len(report.unacknowledged)} breaking change(s) not acknowledged in {args.ack}: list each "
                f"in the entry of API {report.head_version} (`make release` drafts it): "
                + ", ".join(report.unacknowledged[:8])
                + ("..." if len(report.unacknowledged) > 8 else ""),
                file=sys.stderr,
            )
        else:
            print("api-diff: breaking changes found (use --allow-breaking to accept them)", file=sys.stderr)
        return 1
    return 0
