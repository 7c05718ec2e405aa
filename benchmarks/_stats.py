"""Repeated measurement, A/B alternation, and the figures the report prints."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

__all__ = ["Figure", "Section", "Spread", "alternate", "median_call", "ms", "ratio", "us"]


@dataclass(frozen=True)
class Spread:
    """Values from repeated runs (rounds); the median is the headline, min/max show the spread."""

    values: tuple[float, ...]

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        if not values:
            raise ValueError("no values")
        return cls(tuple(values))

    @property
    def min(self) -> float:
        return min(self.values)

    @property
    def median(self) -> float:
        return statistics.median(self.values)

    @property
    def max(self) -> float:
        return max(self.values)


Format = Callable[[float], str]


def ratio(x: float) -> str:
    return f"{x:.2f}x"


def ms(x: float) -> str:
    return f"{x * 1e3:.0f} ms" if x >= 0.1 else f"{x * 1e3:.1f} ms"


def us(x: float) -> str:
    return f"{x * 1e6:.0f} µs"


@dataclass(frozen=True)
class Figure:
    """One row: a measured spread, how to print it, and the goal it is held to (if any)."""

    name: str
    spread: Spread
    fmt: Format
    goal: str = "—"
    check: Callable[[float], bool] | None = None
    detail: str = ""

    @property
    def met(self) -> bool | None:
        """Judged on the median; None when the figure has no goal."""
        return None if self.check is None else self.check(self.spread.median)


@dataclass
class Section:
    """What one benchmark module reports: rows, plus notes for the Notes section."""

    title: str
    figures: list[Figure] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0


def alternate(sides: Sequence[Callable[[], float]], rounds: int) -> list[list[float]]:
    """Run every side once per round and collect what each returns, per side.

    Sides run in order in even rounds and in reverse in odd rounds (ABC CBA ABC ...), so slow
    drifts of the machine (frequency, noisy neighbours, GC pressure) hit all sides alike; figures
    that compare sides are computed per round, then summarised.
    """
    results: list[list[float]] = [[] for _ in sides]
    order = list(range(len(sides)))
    for r in range(rounds):
        for i in order if r % 2 == 0 else reversed(order):
            results[i].append(sides[i]())
    return results


def median_call(fn: Callable[[], object], calls: int) -> float:
    """Median seconds of ``calls`` calls of ``fn`` (timed one by one)."""
    clock = time.perf_counter_ns
    times = []
    for _ in range(calls):
        start = clock()
        fn()
        times.append(clock() - start)
    return statistics.median(times) / 1e9


def interleaved_medians(fns: Sequence[Callable[[], object]], calls: int) -> list[float]:
    """Median seconds per call of each of ``fns``, their calls interleaved one by one (A B C, then
    C B A, ...): a pause of the machine or the server hits every side alike, not one side's block
    of calls."""
    clock = time.perf_counter_ns
    times: list[list[int]] = [[] for _ in fns]
    order = list(range(len(fns)))
    for _ in range(calls):
        for index in order:
            start = clock()
            fns[index]()
            times[index].append(clock() - start)
        order.reverse()
    return [statistics.median(side) / 1e9 for side in times]


def ratios(numerators: Sequence[float], denominators: Sequence[float]) -> Spread:
    """Round by round ratios (both sides measured in the same round), summarised."""
    return Spread.of([n / d for n, d in zip(numerators, denominators, strict=True)])
