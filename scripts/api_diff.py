#!/usr/bin/env python3
"""Run api_diff (the package scripts/apidiff/): `python scripts/api_diff.py --base REF` (make api-diff, api-diff-ci).

The code lives in scripts/apidiff/; this launcher keeps the command that the Makefile, scripts/release.py and
the docs use.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from apidiff import main

if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        sys.exit(main())
