"""Where a prefetched drain spends its CPU: cProfile of ``prefetch=8`` over the loopback server,
self time summed by package (ours, generated, httpx, httpcore, h11, json, asyncio, ...); time in
C built-ins and standard-library functions counts for the package that called them.

Run: ``python -m benchmarks.profile_drain [--latency 0.02] [--drains 10]``. The summary it
prints is the one in benchmarks/README.md. cProfile slows pure-Python code more than C code, so
read the shares, not the absolute times.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from korusticket import AsyncKorusTicket

from ._drain import ITEMS, PAGE_SIZE, PREFETCH
from ._server import LoopbackServer

# First match wins: file path fragment -> group shown in the summary.
GROUPS = [
    ("korusticket_api/models", "generated models (from_dict with its check)"),
    ("korusticket_api", "generated operations and resources"),
    ("overrides/korusticket", "korusticket (client, retries, pagination)"),
    ("site-packages/korusticket/", "korusticket (client, retries, pagination)"),
    ("httpcore", "httpcore (connections, HTTP/1.1)"),
    ("h11", "h11 (HTTP/1.1 parsing)"),
    ("httpx", "httpx (requests, URLs, headers, auth flow)"),
    ("anyio", "anyio (httpcore's async backend)"),
    ("json", "json (decoding)"),
    ("asyncio", "asyncio (event loop, sockets)"),
    ("ssl", "ssl"),
]


WAIT = "waiting for the network (epoll)"
OTHER = "other (standard library called from the standard library)"
BUILTINS = "built-ins called from the above (dict.get, isinstance, Decimal, ...)"


def _group(filename: str, function: str) -> str:
    if filename == "~":  # a C function: attribute it by name
        if "poll" in function:
            return WAIT
        if "json" in function or "scanstring" in function:
            return "json (decoding)"
        if any(word in function for word in ("socket", "select", "epoll", "recv", "send")):
            return "asyncio (event loop, sockets)"
        return BUILTINS
    for fragment, name in GROUPS:
        if fragment in filename.replace("\\", "/"):
            return name
    return OTHER


def profile(latency: float, drains: int) -> tuple[dict[str, float], float, int]:
    """Self time by group, total profiled seconds, pages drained."""
    stats: dict[str, float] = defaultdict(float)
    with LoopbackServer(items=ITEMS, latency=latency) as server:

        async def main() -> pstats.Stats:
            async with AsyncKorusTicket(token="bench", base_url=server.base_url) as kt:

                async def drain() -> int:
                    return sum([1 async for _ in kt.reservations.list(page_size=PAGE_SIZE, prefetch=PREFETCH)])

                assert await drain() == ITEMS  # warm up: connections, imports, checkers
                profiler = cProfile.Profile()
                profiler.enable()
                for _ in range(drains):
                    await drain()
                profiler.disable()
                return pstats.Stats(profiler)

        result = asyncio.run(main())
    raw: dict[tuple[str, int, str], tuple[int, int, float, float, Any]] = result.stats  # type: ignore[attr-defined]
    for (filename, _, function), (_, _, tottime, _, callers) in raw.items():
        group = _group(filename, function)
        if group in (BUILTINS, OTHER) and callers:
            # A C function (dict.get, isinstance, Decimal, ...) or a standard-library one
            # (urllib, re, logging, ...) counts for whoever called it.
            for (caller_file, _, caller), (_, _, caller_tt, _) in callers.items():
                stats[_group(caller_file, caller)] += caller_tt
        else:
            stats[group] += tottime
    pages = drains * -(-ITEMS // PAGE_SIZE)
    return stats, sum(seconds for name, seconds in stats.items() if name != WAIT), pages


def summary(latency: float = 0.02, drains: int = 10) -> str:
    stats, total, pages = profile(latency, drains)
    lines = [
        f"cProfile of {drains} drains ({pages} pages of {PAGE_SIZE}, `prefetch={PREFETCH}`, {latency * 1e3:.0f} ms "
        f"latency): {total / pages * 1e3:.2f} ms of profiled CPU per page, besides "
        f"{stats.get(WAIT, 0.0) / pages * 1e3:.2f} ms waiting for the network.",
        "",
        "| self time in | share | per page (profiled) |",
        "|---|---|---|",
    ]
    for name, seconds in sorted(stats.items(), key=lambda item: -item[1]):
        if name == WAIT:
            continue
        lines.append(f"| {name} | {seconds / total:.0%} | {seconds / pages * 1e3:.2f} ms |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--latency", type=float, default=0.02)
    parser.add_argument("--drains", type=int, default=10)
    args = parser.parse_args(argv)
    print(summary(args.latency, args.drains))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    sys.exit(main(sys.argv[1:]))
