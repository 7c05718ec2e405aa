"""The Markdown report: header (when, where), the table, notes."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from importlib.metadata import version
from pathlib import Path

from ._stats import Figure, Section

__all__ = ["render"]

ROOT = Path(__file__).resolve().parent.parent


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def _commit() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{head}{' + uncommitted changes' if dirty.strip() else ''}"


def _met(figure: Figure) -> str:
    return {None: "", True: "yes", False: "**no**"}[figure.met]


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def render(sections: list[Section], *, elapsed: float) -> str:
    now = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        "# korusticket-python benchmarks",
        "",
        f"- Date: {now}; commit {_commit()}",
        f"- Python {platform.python_version()} ({platform.python_implementation()}), "
        f"httpx {version('httpx')}, httpcore {version('httpcore')}, attrs {version('attrs')}",
        f"- Machine: {os.cpu_count()} CPUs (nproc), {_cpu_model()}, {platform.system()} {platform.release()}",
        f"- `make bench` took {elapsed:.0f} s. Method: [README.md](README.md).",
        "",
        "Value = median over rounds; a ratio is computed within each round (sides alternated), then summarised.",
        "",
        "| Figure | Value | min / median / max | Goal | Met? |",
        "|---|---|---|---|---|",
    ]
    for section in sections:
        for f in section.figures:
            s = f.spread
            name = f.name + (f"<br><sub>{f.detail}</sub>" if f.detail else "")
            spread = f"{f.fmt(s.min)} / {f.fmt(s.median)} / {f.fmt(s.max)}" if len(s.values) > 1 else ""
            lines.append(f"| {_cell(name)} | {f.fmt(s.median)} | {spread} | {f.goal} | {_met(f)} |")
    notes = [note for section in sections for note in section.notes]
    if notes:
        lines += ["", "## Notes", ""] + [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"
