"""``make bench``: run every benchmark, print the Markdown table, write benchmarks/RESULTS.md.

    .venv/bin/python benchmarks/run.py            # everything (about a minute on 2 cores)
    .venv/bin/python benchmarks/run.py --only drain memory --no-write

Method and caveats: benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make the repository (benchmarks, tests.support) importable
    sys.path.insert(0, str(ROOT))

from benchmarks import _drain, _memory, _overhead, _parse, _startup  # noqa: E402
from benchmarks._report import render  # noqa: E402
from benchmarks._stats import Section  # noqa: E402

BENCHMARKS = {
    "overhead": _overhead.run,
    "parse": _parse.run,
    "drain": _drain.run,
    "startup": _startup.run,
    "memory": _memory.run,
}
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="korusticket-python benchmarks")
    parser.add_argument("--only", nargs="+", choices=sorted(BENCHMARKS), help="run only these benchmarks")
    parser.add_argument("--no-write", action="store_true", help=f"print only, do not write {RESULTS.name}")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    sections: list[Section] = []
    for name, bench in BENCHMARKS.items():
        if args.only and name not in args.only:
            continue
        t0 = time.perf_counter()
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        section = bench()
        section.seconds = time.perf_counter() - t0
        print(f"bench: {name} done in {section.seconds:.1f} s", file=sys.stderr, flush=True)
        sections.append(section)
    report = render(sections, elapsed=time.perf_counter() - started)
    print(report)
    if not args.no_write:
        RESULTS.write_text(report, encoding="utf-8")
        print(f"bench: wrote {RESULTS.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
