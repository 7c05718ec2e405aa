"""Compare spec/openapi.yaml with a base and report what changed for API callers.

Two views end up in one Markdown report:

* the spec changelog (`diff_specs`): operations, parameters, request and response
  schemas, status codes, media types, security and `info.version`, each change
  classified as breaking or not for a client;
* the Python client surface: `griffe`'s breaking-change check of the public
  `korusticket` package (overrides/) between the base git ref and the working tree.

Usage::

    python scripts/api_diff.py --base HEAD~1            # git ref: reads REF:spec/openapi.yaml
    python scripts/api_diff.py --base old-openapi.yaml  # an existing file is read as the base spec
    python scripts/api_diff.py --base v1.0.7 --allow-breaking --output report.md

Exit status: 0 when nothing breaking was found (or breaking changes are allowed by
`--allow-breaking` / `API_DIFF_ALLOW_BREAKING=1`), 1 when something breaking was found,
2 on a usage or input error. Breaking covers breaking spec changes, the
`version-not-bumped` process finding and breakages of the Python client surface.

The rule ids, their breaking flags and the reasons are in RULES (`--list-rules` prints
them). `version-not-bumped` is a process finding, not an API change: info.version must
change whenever the spec does, and it counts as breaking so that CI notices.

A `--base` that names an existing file is read as a spec; anything else is a git ref,
read with `git show REF:<head path>`. A ref without the spec (early history) is an empty
base. The client view needs a git ref and is skipped, with a note, when the base has no
overrides/korusticket or either side cannot be loaded.

No network access; PyYAML only (griffe is optional: without it the client view is skipped).

Layout: rules.py (RULES), model.py (Change, ClientChange, Report, constants), spec_model.py and spec.py
(diff_specs), client.py (the griffe check), releases.py (last release, acknowledgements, operation checks),
report.py (Markdown), cli.py (build_report, main). `python scripts/api_diff.py` and `python -m apidiff`
(from scripts/) run main.
"""

from __future__ import annotations

import sys
from pathlib import Path

# surface.py sits in scripts/, optable.py (the operations table) in scripts/codegen/.
_SCRIPTS = Path(__file__).resolve().parent.parent
for _path in (_SCRIPTS / "codegen", _SCRIPTS):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

from .cli import build_report, main  # noqa: E402
from .client import client_surface_diff  # noqa: E402
from .model import (  # noqa: E402
    CLIENT_PACKAGE,
    DEFAULT_SPEC,
    DRAFT_MARK,
    LAST_RELEASE,
    RELEASES,
    Change,
    ClientChange,
    DiffError,
    Report,
)
from .releases import (  # noqa: E402
    MANIFEST,
    acknowledgements,
    last_release,
    operation_checks,
    record_release,
    release_files,
    release_order,
    surface_file,
)
from .report import render_markdown  # noqa: E402
from .rules import MEANING_RULES, RULES  # noqa: E402
from .spec import diff_specs  # noqa: E402

__all__ = [
    "CLIENT_PACKAGE",
    "DEFAULT_SPEC",
    "DRAFT_MARK",
    "LAST_RELEASE",
    "MANIFEST",
    "MEANING_RULES",
    "RELEASES",
    "RULES",
    "Change",
    "ClientChange",
    "DiffError",
    "Report",
    "acknowledgements",
    "build_report",
    "client_surface_diff",
    "diff_specs",
    "last_release",
    "main",
    "operation_checks",
    "record_release",
    "release_files",
    "release_order",
    "render_markdown",
    "surface_file",
]
