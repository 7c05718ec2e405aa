"""`python -m apidiff` (from scripts/): the api_diff command line."""

from __future__ import annotations

import contextlib
import sys

from apidiff import main

with contextlib.suppress(BrokenPipeError):
    sys.exit(main())
