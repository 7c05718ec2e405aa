"""What api_diff reports (Change, ClientChange, Report), its constants and its git helper."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import surface as surface_mod

DEFAULT_SPEC = "spec/openapi.yaml"
RELEASES = "spec/releases"
LAST_RELEASE = "last-release"
DRAFT_MARK = "<!-- draft"
CLIENT_PACKAGE = "korusticket"
# Directories that may hold the importable client; overrides/ wins, as in pyproject.
CLIENT_DIRS = ("overrides", "generated")
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
MAX_DEPTH = 40

Side = Literal["request", "response", "parameter", "schema"]


class DiffError(Exception):
    """A usage or input problem (exit status 2)."""


@dataclass(frozen=True)
class Change:
    """One spec-level change.

    `kind` is a rule id from RULES, `path` says where (an operation such as
    `GET /v1/booking/orders`, a location inside it such as
    `POST /v1/booking/orders/_bulk request body: notes`, or a JSON pointer such as
    `#/components/schemas/Error`).
    """

    kind: str
    breaking: bool
    path: str
    message: str


@dataclass(frozen=True)
class ClientChange:
    """One breakage of the public Python API, as found by griffe (old/new may be empty)."""

    kind: str
    path: str
    old: str
    new: str


@dataclass
class Report:
    """Everything the CLI renders."""

    changes: list[Change]
    client_changes: list[ClientChange]
    base_version: str | None = None
    head_version: str | None = None
    notes: list[str] = field(default_factory=list)
    surface_changes: list[surface_mod.SurfaceChange] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # checks that no acknowledgement can waive
    acknowledged: frozenset[str] | None = None  # ids acknowledged in the changelog (None: no --ack)
    griffe: bool = False  # the griffe view of the client ran (a git-ref base)
    python_paths: dict[str, str] = field(default_factory=dict)  # spec path -> where callers meet it

    def _acked(self, path: str) -> bool:
        return self.acknowledged is not None and path in self.acknowledged

    @property
    def unacknowledged(self) -> list[str]:
        """Breaking items not acknowledged in the changelog entry of the head version."""
        items = [c.path for c in self.changes if c.breaking and c.kind != "version-not-bumped"]
        items += [c.path for c in self.client_changes]
        items += [c.path for c in self.surface_changes if c.breaking]
        return sorted({i for i in items if not self._acked(i)})

    @property
    def breaking(self) -> bool:
        """True when something breaking was found and not acknowledged, or a check failed (a spec
        changed without a new info.version is a failure: no acknowledgement waives it)."""
        return bool(self.failures) or bool(self.unacknowledged)


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, check=False)
    if check and proc.returncode != 0:
        raise DiffError(f"git {' '.join(args)} failed: {proc.stderr.decode(errors='replace').strip()}")
    return proc
