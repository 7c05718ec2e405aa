"""Draining 1,000 reservations with 20 ms of server latency: sequential paging vs ``prefetch=8``.

The collection is 20 pages of 50. Sides, alternated every round:

- sync ``Paginator`` (``for r in kt.reservations.list(page_size=50)``), the reference;
- async sequential (``prefetch=1``), what every other SDK does;
- async ``prefetch=8``.

Primary server: the loopback server (own process, cached bytes, latency slept on asyncio timers so
concurrent requests do not queue). Reference: the stand-in itself (``StandIn(latency=0.02)`` with
``seed_reservations(1000)``) behind ``StandInServer`` threads, which also costs its own CPU per page.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import math
import time
import timeit
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import httpx
from korusticket import AsyncKorusTicket, KorusTicket
from korusticket.testing import StandIn, StandInServer

from ._server import LoopbackServer
from ._stats import Figure, Section, Spread, alternate, median_call, ms, ratio, ratios

__all__ = ["run"]

ITEMS = 1000
PAGE_SIZE = 50
LATENCY = 0.02
SLOW_LATENCY = 0.1  # the second goal: >= 4.7x at 100 ms
SLOW_ROUNDS = 3
PREFETCH = 8


def latency_rounds(pages: int, prefetch: int) -> int:
    """Round trips of a prefetched drain at zero CPU cost: page 1 alone (it tells the total; no
    page is asked for before it is known to exist), then ``prefetch`` requests in flight."""
    return 1 + math.ceil((pages - 1) / prefetch)


def best_case_speedup(pages: int, prefetch: int) -> float:
    """Latency rounds sequential / prefetched at zero CPU cost."""
    return pages / latency_rounds(pages, prefetch)


def _timed(fn: Callable[[], int]) -> float:
    start = time.perf_counter()
    count = fn()
    elapsed = time.perf_counter() - start
    if count != ITEMS:
        raise AssertionError(f"drained {count} items, expected {ITEMS}")
    return elapsed


async def _raw_drain(raw: httpx.AsyncClient, in_flight: int) -> int:
    """The same drain written by hand on httpx + json.loads: pages 1..20 with at most `in_flight`
    requests at once, read in order (the transport's own ceiling for a prefetching client)."""
    gate = asyncio.Semaphore(in_flight)

    async def page(number: int) -> int:
        async with gate:
            response = await raw.get(
                "/v1/booking/reservations",
                params={"page": number, "itemsPerPage": PAGE_SIZE},
                headers={"Authorization": "Bearer bench", "Accept": "application/ld+json"},
            )
            return len(json.loads(response.content)["member"])

    tasks = [asyncio.ensure_future(page(n)) for n in range(1, math.ceil(ITEMS / PAGE_SIZE) + 1)]
    return sum([await task for task in tasks])


def _measure(
    base_url: str, rounds: int, *, with_sync: bool = True
) -> tuple[list[float], list[float], list[float], list[float], list[float], list[float]]:
    """Per-round seconds of (sync, async sequential, async prefetch, async prefetch without the
    spec check, raw httpx sequential, raw httpx 8 in flight) drains; all but the async client
    sides are [] unless asked."""
    with asyncio.Runner() as runner, KorusTicket(token="bench", base_url=base_url) as kt:
        akt = runner.run(_make_async(base_url))
        unchecked = runner.run(_make_async(base_url, validate_responses=False))
        raw = httpx.AsyncClient(base_url=base_url)

        def sync_drain() -> int:
            return sum(1 for _ in kt.reservations.list(page_size=PAGE_SIZE))

        async def adrain(prefetch: int, client: AsyncKorusTicket = akt) -> int:
            return sum([1 async for _ in client.reservations.list(page_size=PAGE_SIZE, prefetch=prefetch)])

        sides = [
            lambda: _timed(lambda: runner.run(adrain(1))),
            lambda: _timed(lambda: runner.run(adrain(PREFETCH))),
        ]
        if with_sync:
            sides.append(lambda: _timed(sync_drain))
            sides.append(lambda: _timed(lambda: runner.run(adrain(PREFETCH, unchecked))))
            sides.append(lambda: _timed(lambda: runner.run(_raw_drain(raw, 1))))
            sides.append(lambda: _timed(lambda: runner.run(_raw_drain(raw, PREFETCH))))
        for side in sides:  # warm up: imports, and the connections prefetch opens
            side()
        results = alternate(sides, rounds)
        runner.run(akt.close())
        runner.run(unchecked.close())
        runner.run(raw.aclose())
    if not with_sync:
        return [], results[0], results[1], [], [], []
    return results[2], results[0], results[1], results[3], results[4], results[5]


def _in_process(rounds: int) -> list[float]:
    """Sequential / prefetched drain ratios on an in-process async transport that waits the same
    latency but has no sockets: the client's own cost, without httpcore's connection handling."""
    from urllib.parse import parse_qs

    from ._payloads import collection_page

    # Rendered once, as the loopback server does: the handler's own CPU must not count as the client's.
    pages = {n: collection_page(ITEMS, n, PAGE_SIZE) for n in range(1, math.ceil(ITEMS / PAGE_SIZE) + 2)}

    async def handler(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(LATENCY)
        page = int(parse_qs(request.url.query.decode())["page"][0])
        return httpx.Response(200, content=pages[page])

    async def drain(kt: AsyncKorusTicket, prefetch: int) -> float:
        start = time.perf_counter()
        count = sum([1 async for _ in kt.reservations.list(page_size=PAGE_SIZE, prefetch=prefetch)])
        assert count == ITEMS
        return time.perf_counter() - start

    async def main() -> list[float]:
        async with AsyncKorusTicket(token="bench", transport=httpx.MockTransport(handler)) as kt:
            await drain(kt, PREFETCH)
            return [await drain(kt, 1) / await drain(kt, PREFETCH) for _ in range(rounds)]

    return asyncio.run(main())


def _get_time(base_url: str, path: str, calls: int = 15) -> float:
    """Median seconds of a GET on one kept-alive connection."""
    with httpx.Client(base_url=base_url) as client:
        client.get(path)
        return median_call(lambda: client.get(path), calls)


def _stand_in_request_time() -> tuple[float, float]:
    """One GET on ``StandInServer`` as shipped, and with TCP_NODELAY on its handler."""
    stand_in = StandIn(auth=False)
    path = stand_in.seed_reservations(1)[0]
    with StandInServer(stand_in) as server:
        shipped = _get_time(server.base_url, path)
        handler = server.RequestHandlerClass
        assert isinstance(handler, type)
        server.RequestHandlerClass = type("NoDelay", (handler,), {"disable_nagle_algorithm": True})
        nodelay = _get_time(server.base_url, path)
    return shipped, nodelay


async def _make_async(base_url: str, *, validate_responses: bool = True) -> AsyncKorusTicket:
    return AsyncKorusTicket(token="bench", base_url=base_url, validate_responses=validate_responses)


@dataclass
class _Timings:
    """Per-round seconds of each side (see ``_measure``), the in-process ratios and one stand-in GET."""

    sync: list[float]
    seq: list[float]
    pre: list[float]
    unchecked: list[float]
    raw_seq: list[float]
    raw_pre: list[float]
    slow_seq: list[float]
    slow_pre: list[float]
    stand_in_seq: list[float]
    stand_in_pre: list[float]
    shipped: float
    nodelay: float
    in_process: list[float]


def _measure_all(rounds: int, stand_in_rounds: int) -> _Timings:
    """Every measurement, one server at a time (each in its own process or threads, stopped before the next)."""
    with LoopbackServer(items=ITEMS, latency=LATENCY) as server:
        sync_t, seq_t, pre_t, unchecked_t, raw_seq_t, raw_pre_t = _measure(server.base_url, rounds)

    with LoopbackServer(items=ITEMS, latency=SLOW_LATENCY) as slow_server:
        _, slow_seq_t, slow_pre_t, *_ = _measure(slow_server.base_url, SLOW_ROUNDS, with_sync=False)

    stand_in = StandIn(latency=LATENCY, auth=False, hold=timedelta(hours=1))
    stand_in.seed_reservations(ITEMS)
    with StandInServer(stand_in) as stand_in_server:
        _, si_seq_t, si_pre_t, *_ = _measure(stand_in_server.base_url, stand_in_rounds, with_sync=False)
    shipped, nodelay = _stand_in_request_time()
    in_process = _in_process(rounds)
    return _Timings(
        sync_t, seq_t, pre_t, unchecked_t, raw_seq_t, raw_pre_t, slow_seq_t, slow_pre_t, si_seq_t, si_pre_t,
        shipped, nodelay, in_process,
    )  # fmt: skip


def run(*, rounds: int = 5, stand_in_rounds: int = 2) -> Section:
    section = Section("Draining a collection")
    timings = _measure_all(rounds, stand_in_rounds)
    section.figures += _figures(timings, rounds, stand_in_rounds)
    section.notes += _notes(timings)
    return section


def _figures(t: _Timings, rounds: int, stand_in_rounds: int) -> list[Figure]:
    pages = math.ceil(ITEMS / PAGE_SIZE)
    bound = best_case_speedup(pages, PREFETCH)
    label = f"{ITEMS:,} reservations, {pages} pages, {LATENCY * 1e3:.0f} ms latency"
    return [
        Figure(
            f"Drain {label}: async sequential / `prefetch={PREFETCH}`",
            ratios(t.seq, t.pre),
            ratio,
            goal="≥ 4.5x",
            check=lambda x: x >= 4.5,
            detail=f"{rounds} rounds; best case at zero CPU cost {bound:.2f}x",
        ),
        Figure(
            f"Drain, same at {SLOW_LATENCY * 1e3:.0f} ms latency: async sequential / `prefetch={PREFETCH}`",
            ratios(t.slow_seq, t.slow_pre),
            ratio,
            goal="≥ 4.7x",
            check=lambda x: x >= 4.7,
            detail=f"{SLOW_ROUNDS} rounds; sequential {ms(Spread.of(t.slow_seq).median)}, prefetch "
            f"{ms(Spread.of(t.slow_pre).median)}; best case {bound:.2f}x",
        ),
        Figure(
            f"… the same drain by hand on raw httpx + `json.loads`: sequential / {PREFETCH} in flight",
            ratios(t.raw_seq, t.raw_pre),
            ratio,
            detail=f"the transport's own ceiling on this machine: sequential {ms(Spread.of(t.raw_seq).median)}, "
            f"{PREFETCH} in flight {ms(Spread.of(t.raw_pre).median)} (no models, no checks)",
        ),
        Figure(
            f"… client `prefetch={PREFETCH}` / raw httpx {PREFETCH} in flight (time)",
            ratios(t.pre, t.raw_pre),
            ratio,
            detail="what the client adds to a prefetched drain: models, the response check, pagination",
        ),
        Figure("… sync `Paginator` (reference)", Spread.of(t.sync), ms),
        Figure("… async sequential (`prefetch=1`)", Spread.of(t.seq), ms),
        Figure(f"… async `prefetch={PREFETCH}`", Spread.of(t.pre), ms),
        Figure(
            f"… async `prefetch={PREFETCH}`, `validate_responses=False`: sequential / this",
            ratios(t.seq, t.unchecked),
            ratio,
            detail=f"{ms(Spread.of(t.unchecked).median)}: a bulk sync that trusts the server skips the spec check",
        ),
        Figure(
            f"… same drain on an in-process async transport (no sockets): sequential / `prefetch={PREFETCH}`",
            Spread.of(t.in_process),
            ratio,
            detail="the client's own cost; the gap to the loopback figure is httpcore's socket handling",
        ),
        Figure(
            f"… same against the stand-in (`StandInServer`): sequential / `prefetch={PREFETCH}`",
            ratios(t.stand_in_seq, t.stand_in_pre),
            ratio,
            detail=f"{stand_in_rounds} rounds; sequential {ms(min(t.stand_in_seq))} to {ms(max(t.stand_in_seq))}, "
            f"prefetch {ms(min(t.stand_in_pre))} to {ms(max(t.stand_in_pre))}",
        ),
        Figure(
            "… one GET on `StandInServer` (no latency): as shipped",
            Spread.of([t.shipped]),
            ms,
            detail=f"with TCP_NODELAY on its handler: {ms(t.nodelay)}",
        ),
    ]


def _notes(t: _Timings) -> list[str]:
    """What the figures cannot say: the latency floor, and the two costs that are not the client's."""
    pages = math.ceil(ITEMS / PAGE_SIZE)
    floor = LATENCY * latency_rounds(pages, PREFETCH)
    cpu = (Spread.of(t.pre).median - floor) / pages
    notes = [
        f"Drain: {pages} pages at {LATENCY * 1e3:.0f} ms cannot take less than {floor * 1e3:.0f} ms with "
        f"`prefetch={PREFETCH}` ({PREFETCH} pages in flight from the first request on), so the "
        f"best possible speedup here is {best_case_speedup(pages, PREFETCH):.2f}x. The measured prefetched drain "
        f"spends {Spread.of(t.pre).median * 1e3:.0f} ms, i.e. about {cpu * 1e3:.1f} ms per page above the latency "
        "floor: that is client CPU (request building, JSON, models) that one event loop runs serially."
    ]
    if importlib.util.find_spec("sniffio") is None:
        cost = timeit.timeit("try:\n    import sniffio\nexcept ImportError:\n    pass", number=200) / 200
        notes.append(
            f"Drain: `sniffio` is not installed (anyio >= 4.11 no longer pulls it in), so httpcore's "
            f"`current_async_library()` runs a failed `import sniffio` ({cost * 1e6:.0f} µs here; Python does "
            "not cache failed imports) for every lock and event it creates (7 per async request in a "
            "cProfile of this drain). Upstream: encode/httpcore#1103."
        )
    if t.shipped > 10 * t.nodelay:
        notes.append(
            f"Stand-in: a GET on `StandInServer` takes {ms(t.shipped)} on a kept-alive connection, "
            f"{ms(t.nodelay)} with TCP_NODELAY: its handler sends the headers and the body in two writes "
            "and Nagle's algorithm holds the body until the client's delayed ACK. The stand-in rows "
            "measure that stall (and the stand-in serialising the whole collection for every page), "
            "not the client."
        )
    return notes
