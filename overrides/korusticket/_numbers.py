"""The one whole-number test of the package.

Its own module (not _validate.py, which re-exports it) because the pipeline (_base.py) and
pagination need it at import time, while _validate.py pulls the generated ``korusticket_api.types``
(two attrs classes) and ``uuid``, which only the resource methods need: those load on first use.
"""

from __future__ import annotations

from typing import TypeGuard

__all__ = ["is_whole"]


def is_whole(value: object, lo: int | None = None, hi: int | None = None) -> TypeGuard[int]:
    """True for an int (never a bool) within [lo, hi]: the one whole-number test of the package."""
    return (
        isinstance(value, int)
        and not isinstance(value, bool)
        and (lo is None or value >= lo)
        and (hi is None or value <= hi)
    )
