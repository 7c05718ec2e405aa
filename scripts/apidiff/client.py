"""The Python client view: griffe's breaking-change check of the public package between a git ref and the tree."""

from __future__ import annotations

import io
import logging
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from .model import CLIENT_DIRS, CLIENT_PACKAGE, ClientChange, git


def _describe(value: Any, attr: str | None = None) -> str:
    if value is None:
        return ""
    if attr is not None:
        value = getattr(value, attr, value)
    return str(getattr(value, "value", value))


def _client_change(breakage: Any) -> ClientChange | None:
    """Turn a griffe Breakage into a ClientChange (None for value-only changes)."""
    kind = breakage.kind
    name = str(kind.name)
    if name == "ATTRIBUTE_CHANGED_VALUE":
        return None  # a constant's new value (e.g. __version__) is not an API break
    path = str(breakage.obj.path)
    old, new = breakage.old_value, breakage.new_value
    if name.startswith("PARAMETER_"):
        param = new if name == "PARAMETER_ADDED_REQUIRED" else old
        path = f"{path}({getattr(param, 'name', '?')})"
        if name == "PARAMETER_CHANGED_DEFAULT":
            return ClientChange(str(kind.value), path, _describe(old, "default"), _describe(new, "default"))
        if name == "PARAMETER_CHANGED_KIND":
            return ClientChange(str(kind.value), path, _describe(old, "kind"), _describe(new, "kind"))
        return ClientChange(str(kind.value), path, "", "")
    if name == "OBJECT_REMOVED":
        return ClientChange(str(kind.value), path, "", "")
    if name == "OBJECT_CHANGED_KIND":
        return ClientChange(str(kind.value), path, _describe(old), _describe(new))
    return ClientChange(str(kind.value), path, _describe(old), _describe(new))


def _load_package(root: Path, package: str) -> Any:
    import griffe  # deferred: the spec diff must work without griffe

    search = [str(root / d) for d in CLIENT_DIRS if (root / d).is_dir()]
    # Static analysis only: importing a half-written package must not run its code.
    return griffe.load(
        package,
        search_paths=search,
        allow_inspection=False,
        resolve_aliases=True,
        resolve_external=False,
    )


def client_surface_diff(
    repo: Path, base_ref: str, package: str = CLIENT_PACKAGE
) -> tuple[list[ClientChange], list[str]]:
    """Compare the public API of `package` at `base_ref` with the working tree.

    Returns the breakages and notes (why the comparison was skipped, if it was).
    """
    notes: list[str] = []
    if not (repo / CLIENT_DIRS[0] / package).is_dir():
        return [], [f"the working tree has no {CLIENT_DIRS[0]}/{package}: client comparison skipped"]
    listed = git(repo, "ls-tree", "--name-only", base_ref, "--", f"{CLIENT_DIRS[0]}/{package}").stdout
    if not listed.strip():
        return [], [f"`{base_ref}` has no {CLIENT_DIRS[0]}/{package}: client comparison skipped"]
    try:
        import griffe
    except ImportError:
        return [], ["griffe is not installed: client comparison skipped"]
    present = [d for d in CLIENT_DIRS if git(repo, "ls-tree", "--name-only", base_ref, "--", d).stdout.strip()]
    griffe_log = logging.getLogger("griffe")
    level = griffe_log.level
    griffe_log.setLevel(logging.CRITICAL)  # griffe warns about every unresolved annotation
    try:
        with tempfile.TemporaryDirectory(prefix="api-diff-") as tmp:
            archive = git(repo, "archive", "--format=tar", base_ref, "--", *present).stdout
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(tmp, filter="data")
            try:
                old = _load_package(Path(tmp), package)
            except Exception as exc:
                return [], [f"could not load {package} at `{base_ref}` ({exc}): client comparison skipped"]
            try:
                new = _load_package(repo, package)
            except Exception as exc:
                return [], [f"could not load {package} from the working tree ({exc}): client comparison skipped"]
            try:
                found = [_client_change(b) for b in griffe.find_breaking_changes(old, new)]
            except Exception as exc:  # alias resolution errors in a package being written
                return [], [f"griffe could not compare {package} ({exc}): client comparison skipped"]
    finally:
        griffe_log.setLevel(level)
    changes = sorted({c for c in found if c is not None}, key=lambda c: (c.path, c.kind))
    return changes, notes
