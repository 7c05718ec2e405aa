"""The Markdown report."""

from __future__ import annotations

import surface as surface_mod

from .model import Change, ClientChange
from .rules import MEANING_RULES


def _md(text: str) -> str:
    return text.replace("`", "'")


def render_markdown(
    changes: list[Change],
    client_changes: list[ClientChange],
    *,
    base_version: str | None = None,
    head_version: str | None = None,
    notes: list[str] | None = None,
    surface_changes: list[surface_mod.SurfaceChange] | None = None,
    failures: list[str] | None = None,
    acknowledged: frozenset[str] | None = None,
    griffe: bool = True,
    python_paths: dict[str, str] | None = None,
) -> str:
    """Render the report; exactly "no changes" when there is nothing to say."""
    surface_changes = surface_changes or []
    failures = failures or []
    if not changes and not client_changes and not surface_changes and not failures:
        return "no changes\n"
    ack = acknowledged if acknowledged is not None else frozenset()

    def mark(path: str) -> str:
        return " (acknowledged)" if path in ack else ""

    py = python_paths or {}

    def at(path: str) -> str:
        """Where callers meet a spec change, when it has a public Python path."""
        return f" (Python: `{_md(py[path])}`)" if path in py else ""

    breaking = [c for c in changes if c.breaking]
    other = [c for c in changes if not c.breaking]
    meaning = [c for c in other if c.kind in MEANING_RULES]
    other = [c for c in other if c.kind not in MEANING_RULES]
    broken = [c for c in surface_changes if c.breaking]
    lines = [
        f"# API changes: {base_version or '(none)'} → {head_version or '(none)'}",
        "",
        f"{len(breaking)} breaking, {len(other)} non-breaking spec changes, {len(meaning)} changes of "
        f"documented meaning; {len(broken) + len(client_changes)} breaking changes of the Python client.",
        "",
    ]
    if failures:
        lines += ["## Checks that failed", ""] + [f"- {f}" for f in failures] + [""]
    if notes:
        lines += [f"> - {note}" for note in notes] + [""]
    if surface_changes:
        added = [c for c in surface_changes if c.kind == "added"]
        changed = [c for c in surface_changes if not c.breaking and c.kind != "added"]
        lines += ["## Python client: what callers see", ""]
        lines += ["### Breaking", ""] + (
            [f"- **{c.kind}** `{_md(c.path)}`{_old_new(c.old, c.new)}{mark(c.path)}" for c in broken] or ["None."]
        )
        lines += ["", "### Added", ""] + ([f"- `{_md(c.path)}` ({c.new})" for c in added] or ["None."])
        if changed:
            lines += ["", "### Changed", ""] + [
                f"- **{c.kind}** `{_md(c.path)}`{_old_new(c.old, c.new)}" for c in changed
            ]
        lines.append("")
    for title, group in (("Breaking changes", breaking), ("Non-breaking changes", other)):
        lines += [f"## {title}", ""]
        lines += [f"- **{c.kind}** `{_md(c.path)}`: {c.message}{at(c.path)}{mark(c.path)}" for c in group] or ["None."]
        lines.append("")
    if meaning:
        lines += ["## Changes of documented meaning (same structure: check them)", ""]
        lines += [f"- **{c.kind}** `{_md(c.path)}`: {c.message}{at(c.path)}" for c in meaning] + [""]
    if griffe or client_changes:
        # griffe's static view (a git-ref base); the import-based view is "Python client: what callers see".
        lines += ["## Python client surface (static check)", ""]
        lines += [
            f"- **{c.kind}** `{_md(c.path)}`" + (f": {c.old} → {c.new}" if c.old or c.new else "") + mark(c.path)
            for c in client_changes
        ]
        if not client_changes:
            lines.append(
                "The static check found nothing more."
                if broken
                else "No breaking change in the public `korusticket` API."
            )
        lines.append("")
    return "\n".join(lines)


def _old_new(old: str, new: str) -> str:
    if old and new and old not in ("method", "field", "model", "class", "resource", "enum", "member"):
        return f": {_md(old)} → {_md(new)}"
    return ""
