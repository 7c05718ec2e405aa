"""Peak memory while iterating a collection: 1,000 vs 10,000 items should cost the same.

The loopback server (its own process, so only the client's allocations are traced) serves 10,000
reservations in pages of 50; ``limit=`` stops the walk at 1,000 or 10,000, each item being dropped
as soon as it is seen (a streaming consumer). A figure is what the walk adds at its peak: the
``tracemalloc`` peak during the iteration minus the memory traced when it starts (after
``gc.collect()``).

Tracing starts before the warm-up walks, which go as far as the long walk (10,000 items), so
bounded process-wide caches are already full of traced entries when a measured walk starts. The
one that matters is urllib's ``urlsplit`` LRU cache (128 entries), which httpx's cookie handling
and ``view.next`` parsing fill with one or two URLs per page: a walk that replaces entries frees
as much as it allocates. Were tracing started just before each walk, only the replacements would
count (the entries they evict were allocated untraced), so a 1,000-item walk (20 pages) would be
charged for ~40 entries and any walk of 64 pages or more for all 128: growth of a bounded cache,
not of the walk, seen as ~70 KiB more at 10,000 items.
"""

from __future__ import annotations

import asyncio
import gc
import json
import statistics
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass

import httpx
from korusticket import AsyncKorusTicket, KorusTicket

from ._payloads import RESERVATIONS_PATH
from ._server import LoopbackServer
from ._stats import Figure, Section, Spread, alternate, ratio

__all__ = ["run"]

SMALL, LARGE = 1_000, 10_000
PREFETCH = 8
PAGE_SIZE = 50


def _kib(x: float) -> str:
    return f"{x / 1024:,.0f} KiB"


LEFT_OVER = 64 * 1024
"""What a walk may leave allocated (bounded caches settling); more would be freed during the next
walk and lower its figure, so the run stops instead."""


def _peak(iterate: Callable[[], int], expected: int) -> float:
    """What `iterate` adds to the traced memory at its peak (tracing is on: see the module docstring)."""
    gc.collect()
    start = tracemalloc.get_traced_memory()[0]
    tracemalloc.reset_peak()
    count = iterate()
    peak = tracemalloc.get_traced_memory()[1]
    if count != expected:
        raise AssertionError(f"iterated {count} items, expected {expected}")
    gc.collect()
    if (left := tracemalloc.get_traced_memory()[0] - start) > LEFT_OVER:
        raise AssertionError(f"the walk left {_kib(left)} allocated after it ended")
    return float(peak - start)


def _cyclic_garbage(iterate: Callable[[], int]) -> tuple[int, float]:
    """Objects left after a walk that only the cyclic GC frees (reference cycles), and the bytes
    `gc.collect()` then frees (free lists included, so not all of it is the cycles')."""
    gc.collect()
    iterate()
    before = tracemalloc.get_traced_memory()[0]
    found = gc.collect()
    return found, float(before - tracemalloc.get_traced_memory()[0])


@dataclass
class _Peaks:
    """Per-round peaks in bytes of each walk, and what the cyclic GC found after a long sync walk."""

    sync_small: list[float]
    sync_large: list[float]
    async_small: list[float]
    async_large: list[float]
    raw_small: list[float]
    raw_large: list[float]
    cycles: int
    freed: float


def run(*, rounds: int = 3) -> Section:
    section = Section("Memory")
    peaks = _measure(rounds)
    section.figures += _figures(peaks, rounds)
    if not all(f.met for f in section.figures if f.met is not None):
        # Why a walk grows with its length: the cycles are the usual cause, so say how many there were.
        section.notes.append(
            f"Memory: at the end of a {LARGE:,}-item sync walk, `gc.collect()` found {peaks.cycles:,} objects in "
            f"reference cycles and freed {_kib(peaks.freed)} (free lists included). A page kept alive by a cycle "
            "(httpx makes every `Response` one until `_base._parse` drops its stream) lives until the cyclic "
            "GC runs, so the more pages, the higher the peak; the rest of a walk's growth is what it "
            "remembers per item (`korusticket._pagination`: about 9 bytes an item)."
        )
    return section


def _measure(rounds: int) -> _Peaks:
    """Sync, async and raw walks of SMALL and LARGE items, alternated round by round under tracemalloc."""
    with (
        LoopbackServer(items=LARGE) as server,
        KorusTicket(token="bench", base_url=server.base_url) as kt,
        httpx.Client(base_url=server.base_url) as raw,
        asyncio.Runner() as runner,
    ):
        akt = AsyncKorusTicket(token="bench", base_url=server.base_url)

        def sync_walk(n: int) -> int:
            count = 0
            for _ in kt.reservations.list(limit=n, page_size=PAGE_SIZE):
                count += 1
            return count

        async def async_walk(n: int) -> int:
            count = 0
            async for _ in akt.reservations.list(limit=n, page_size=PAGE_SIZE, prefetch=PREFETCH):
                count += 1
            return count

        def raw_walk(n: int) -> int:
            count = 0
            for page in range(1, n // PAGE_SIZE + 1):
                params = {"page": page, "itemsPerPage": PAGE_SIZE}
                for _ in json.loads(raw.get(RESERVATIONS_PATH, params=params).content)["member"]:
                    count += 1
            return count

        tracemalloc.start()  # before the warm-up: bounded caches fill with traced entries
        try:
            raw_walk(LARGE)
            sync_walk(LARGE)  # warm up: imports, connection, lazily built and bounded caches
            runner.run(async_walk(LARGE))
            sync_small, sync_large, async_small, async_large, raw_small, raw_large = alternate(
                [
                    lambda: _peak(lambda: sync_walk(SMALL), SMALL),
                    lambda: _peak(lambda: sync_walk(LARGE), LARGE),
                    lambda: _peak(lambda: runner.run(async_walk(SMALL)), SMALL),
                    lambda: _peak(lambda: runner.run(async_walk(LARGE)), LARGE),
                    lambda: _peak(lambda: raw_walk(SMALL), SMALL),
                    lambda: _peak(lambda: raw_walk(LARGE), LARGE),
                ],
                rounds,
            )
            cycles, freed = _cyclic_garbage(lambda: sync_walk(LARGE))
        finally:
            tracemalloc.stop()
        runner.run(akt.close())
    return _Peaks(sync_small, sync_large, async_small, async_large, raw_small, raw_large, cycles, freed)


def _figures(p: _Peaks, rounds: int) -> list[Figure]:
    flat = "≤ 1.20x (flat)"
    return [
        Figure(
            f"Peak memory, sync iteration: {LARGE:,} / {SMALL:,} items",
            Spread.of([b / s for b, s in zip(p.sync_large, p.sync_small, strict=True)]),
            ratio,
            goal=flat,
            check=lambda x: x <= 1.20,
            detail=f"tracemalloc peak above the start of the walk; {rounds} rounds; page_size {PAGE_SIZE}",
        ),
        Figure(f"… peak while iterating {SMALL:,} items (sync)", Spread.of(p.sync_small), _kib),
        Figure(f"… peak while iterating {LARGE:,} items (sync)", Spread.of(p.sync_large), _kib),
        Figure(
            f"Peak memory, async `prefetch={PREFETCH}`: {LARGE:,} / {SMALL:,} items",
            Spread.of([b / s for b, s in zip(p.async_large, p.async_small, strict=True)]),
            ratio,
            goal=flat,
            check=lambda x: x <= 1.20,
            detail=f"at most {PREFETCH} requests in flight and one answer waiting unparsed; the 1,000-item walk (20 pages) may end before its window is full",
        ),
        Figure(f"… peak while iterating {SMALL:,} items (async `prefetch={PREFETCH}`)", Spread.of(p.async_small), _kib),
        Figure(f"… peak while iterating {LARGE:,} items (async `prefetch={PREFETCH}`)", Spread.of(p.async_large), _kib),
        Figure(
            f"Peak memory, raw httpx + `json.loads` (reference): {LARGE:,} / {SMALL:,} items",
            Spread.of([b / s for b, s in zip(p.raw_large, p.raw_small, strict=True)]),
            ratio,
            detail=f"{_kib(statistics.median(p.raw_small))} → {_kib(statistics.median(p.raw_large))}",
        ),
    ]
