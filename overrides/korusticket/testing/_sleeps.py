"""``SleepRecorder``: the ``sleep=`` of a client under test, so retries never really wait."""

from __future__ import annotations

from ._clock import FakeClock

__all__ = ["SleepRecorder"]


class SleepRecorder:
    """Sleeps that return at once: each delay is recorded in ``calls`` and, with a ``FakeClock``,
    moves it forward (a token that expires during a backoff still expires).

        sleeps = SleepRecorder(clock)
        kt = KorusTicket(..., clock=clock, sleep=sleeps)            # async: sleep=sleeps.async_sleep
        ...
        assert sleeps.calls == [14.0]                                # the Retry-After of a 429
    """

    def __init__(self, clock: FakeClock | None = None) -> None:
        self.clock = clock
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)
        if self.clock is not None and seconds > 0:
            self.clock.advance(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self(seconds)

    @property
    def total(self) -> float:
        """Seconds the code under test would have slept."""
        return sum(self.calls)

    def clear(self) -> None:
        self.calls.clear()

    def __repr__(self) -> str:
        return f"SleepRecorder(calls={self.calls!r})"
