"""Start-up costs: ``import korusticket`` in a fresh interpreter, and ``make generate``.

Import, measured cold = a new interpreter each time, with the bytecode cache warm (as after
``pip install``, which compiles .pyc files). This environment sets PYTHONDONTWRITEBYTECODE, which
would make every run compile the sources again, so the runs use a private PYTHONPYCACHEPREFIX
(filled by one untimed run) and nothing is written into the repository.

- ``-X importtime``: the cumulative time of the top-level ``korusticket`` entry (what the goal is
  judged on), median of the runs; the same with the httpx CLI extras hidden (``click`` blocked, so
  httpx skips importing click/rich/pygments, which only dev tools bring into this venv); the same
  for ``import httpx`` alone, the floor that dependency sets;
- wall time of ``python -c "import korusticket"`` minus ``python -c pass``, interleaved.

Generate: the codegen script (scripts/codegen/generate.py) into a temporary directory, with its own
scratch directory, so neither generated/ nor build/codegen (which a concurrent ``make generate``
may be using) is touched; the output is compared with generated/.
"""

from __future__ import annotations

import filecmp
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from ._stats import Figure, Section, Spread, alternate, ms

__all__ = ["run"]

ROOT = Path(__file__).resolve().parent.parent
IMPORT = "import korusticket"
STDLIB = "standard library"
HIDE_CLI = "import sys; sys.modules['click'] = None; import korusticket"
# httpx and attrs imported first: the korusticket entry is then what this package itself adds.
OWN = "import sys; sys.modules['click'] = None; import httpx, attrs; import korusticket"
# httpx alone (CLI extras hidden): korusticket imports it at module level, so this is a floor
# that no change in this package lowers.
HTTPX = "import sys; sys.modules['click'] = None; import httpx"

GENERATE = """\
import sys
from pathlib import Path
sys.path.insert(0, str(Path('scripts/codegen').resolve()))
import generate
sys.exit(generate.generate(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])))
"""


def _env(prefix: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPROFILEIMPORTTIME")}
    env["PYTHONPYCACHEPREFIX"] = prefix
    return env


def _importtime(code: str, env: dict[str, str]) -> list[tuple[int, int, str]]:
    """(self µs, cumulative µs, name with indentation) for every import of ``code``."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        own, cumulative, name = line.removeprefix("import time:").split("|")
        rows.append((int(own), int(cumulative), name.rstrip()))
    return rows


def _top_level(rows: list[tuple[int, int, str]], module: str) -> float:
    for _, cumulative, name in rows:
        if name == f" {module}":
            return cumulative / 1e6
    raise LookupError(f"{module} not in the -X importtime output")


def _group(module: str) -> str:
    top = module.split(".")[0]
    if top == "korusticket":
        return "korusticket (ours)"
    if top == "korusticket_api":
        return "korusticket_api (generated models, operations)"
    if top in ("httpx", "httpcore", "h11", "anyio", "idna", "certifi", "sniffio"):
        return "httpx stack"
    if top in ("click", "rich", "pygments", "markdown_it", "mdurl"):
        return "httpx CLI extras (click, rich, pygments)"
    if top in ("attr", "attrs"):
        return "attrs"
    if top in ("dateutil", "six"):
        return "python-dateutil"
    return STDLIB


def _breakdown(rows: list[tuple[int, int, str]]) -> dict[str, float]:
    """Self time (s) by group under the top-level ``korusticket`` import; a standard-library module
    counts for the package that imported it first (asyncio for ours, http.client for httpx, ...)."""
    # -X importtime prints children before their parent, indented two spaces per level: the
    # subtree is everything printed since the previous top-level entry, up to " korusticket".
    end = next(i for i, (_, _, name) in enumerate(rows) if name == " korusticket")
    start = end
    while start > 0 and rows[start - 1][2].startswith("  "):
        start -= 1
    groups: dict[str, float] = defaultdict(float)
    owners: list[tuple[int, str]] = []  # (depth, group) of the ancestors of the current row
    for own, _, name in reversed(rows[start : end + 1]):  # parents first
        depth = len(name) - len(name.lstrip())
        while owners and owners[-1][0] >= depth:
            owners.pop()
        group = _group(name.strip())
        if group == STDLIB and owners:
            group = owners[-1][1]
        owners.append((depth, group))
        groups[group] += own / 1e6
    return dict(groups)


def _generated_modules(env: dict[str, str]) -> int:
    code = (
        "import sys, korusticket; "
        "print(sum(m.startswith(('korusticket_api.models.', 'korusticket_api.api.')) for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    return int(done.stdout.strip())


def _wall(code: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT, check=True)
    return time.perf_counter() - start


def import_time(section: Section, *, runs: int = 7) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-pycache-") as prefix:
        env = _env(prefix)
        _wall(IMPORT, env)  # compile everything once into the private bytecode cache
        full: list[float] = []
        bare: list[float] = []
        own: list[float] = []
        floor: list[float] = []
        breakdowns: list[dict[str, float]] = []
        for _ in range(runs):
            rows = _importtime(IMPORT, env)
            full.append(_top_level(rows, "korusticket"))
            breakdowns.append(_breakdown(rows))
            bare.append(_top_level(_importtime(HIDE_CLI, env), "korusticket"))
            own.append(_top_level(_importtime(OWN, env), "korusticket"))
            floor.append(_top_level(_importtime(HTTPX, env), "httpx"))
        with_import, baseline = alternate([lambda: _wall(IMPORT, env), lambda: _wall("pass", env)], runs)
    wall = Spread.of([w - b for w, b in zip(with_import, baseline, strict=True)])
    section.figures += [
        Figure(
            "`import korusticket`, cold (`-X importtime`, cumulative)",
            Spread.of(full),
            ms,
            detail=f"{runs} fresh interpreters, bytecode cached; this venv (dev tools installed)",
        ),
        Figure(
            "… same, runtime dependencies only (httpx CLI extras hidden)",
            Spread.of(bare),
            ms,
            goal="< 100 ms",
            check=lambda x: x < 0.100,
            detail="what `pip install korusticket` alone gives (the issue 16 goal)",
        ),
        Figure(
            "… of which korusticket itself (httpx and attrs imported before it)",
            Spread.of(own),
            ms,
            detail="ours and the generated package: the part the lazy imports act on; the rest is httpx and attrs",
        ),
        Figure(
            "… `import httpx` alone, same method (a floor set by a dependency)",
            Spread.of(floor),
            ms,
            detail="korusticket imports httpx at module level: `import korusticket` cannot take less than this",
        ),
        Figure(
            "… wall time of `python -c 'import korusticket'` minus `python -c pass`",
            wall,
            ms,
            detail=f"baseline {ms(statistics.median(baseline))}; includes interpreter teardown",
        ),
    ]
    loaded = _generated_modules(env)
    section.notes.append(
        f"Import: after `import korusticket`, {loaded} generated model/operation modules are loaded "
        "(they are imported when first used: `korusticket_api.models.__getattr__`, lazy resource attributes)."
    )
    groups = sorted(breakdowns[0], key=lambda g: -statistics.median(b.get(g, 0.0) for b in breakdowns))
    parts = ", ".join(f"{g} {statistics.median(b.get(g, 0.0) for b in breakdowns) * 1e3:.0f} ms" for g in groups)
    section.notes.append(
        "Import: where `import korusticket` spends its time (`-X importtime` self time, median; standard-library "
        f"modules counted for the package that imported them first): {parts}."
    )


def generate_time(section: Section, *, runs: int = 3) -> None:
    times: list[float] = []
    identical = True
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-generate-") as tmp:
            dest, scratch = Path(tmp) / "korusticket_api", Path(tmp) / "scratch"
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-c", GENERATE, "spec/openapi.yaml", str(dest), str(scratch)],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
            times.append(time.perf_counter() - start)
            identical = identical and not _differs(dest, ROOT / "generated" / "korusticket_api")
    section.figures.append(
        Figure(
            "`make generate` wall time (spec/openapi.yaml → korusticket_api)",
            Spread.of(times),
            ms,
            detail=f"{runs} runs into a temp dir; output {'identical to' if identical else 'DIFFERS from'} generated/",
        )
    )


def _differs(a: Path, b: Path) -> bool:
    cmp = filecmp.dircmp(a, b, ignore=["__pycache__"])
    stack = [cmp]
    while stack:
        c = stack.pop()
        _, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
        if c.left_only or c.right_only or mismatch or errors:
            return True
        stack.extend(c.subdirs.values())
    return False


def run() -> Section:
    section = Section("Start-up")
    import_time(section)
    generate_time(section)
    return section
