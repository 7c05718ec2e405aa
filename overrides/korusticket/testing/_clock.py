"""Clocks: the stand-in reads time only through a ``Clock`` so tests can move it."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

__all__ = ["Clock", "FakeClock", "system_clock"]

Clock = Callable[[], datetime]
"""A function returning the current time as an aware UTC ``datetime``."""


def system_clock() -> datetime:
    """The real time, aware UTC."""
    return datetime.now(UTC)


class FakeClock:
    """A clock that only moves when told to. Call it to read the time.

    >>> clock = FakeClock(datetime(2025, 6, 1, 8, tzinfo=UTC))
    >>> clock.advance(60)
    """

    DEFAULT_START = datetime(2025, 6, 1, 8, 0, 0, tzinfo=UTC)

    def __init__(self, start: datetime | None = None) -> None:
        start = start or self.DEFAULT_START
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start.astimezone(UTC)
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        with self._lock:
            return self._now

    def advance(self, seconds: float = 0.0, /, **delta: float) -> datetime:
        """Move forward by ``seconds`` (and/or ``minutes=``, ``hours=``, ``days=``); returns the new time."""
        with self._lock:
            self._now += timedelta(seconds=seconds, **delta)
            return self._now

    def set(self, when: datetime) -> None:
        """Jump to ``when`` (aware), forwards or backwards."""
        if when.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        with self._lock:
            self._now = when.astimezone(UTC)

    def __repr__(self) -> str:
        return f"FakeClock({self().isoformat()})"
