"""Take a new KorusTicket spec release through the project's workflow, in one command.

    make release SPEC=path/to/openapi.yaml      # then, after editing operations.yaml: make redraft

1. Check the file (valid OpenAPI 3.1, a new info.version) and record the outgoing release:
   its spec in spec/releases/<version>.yaml and the Python surface callers had then
   (spec/releases/<version>.surface.json), and the order of releases (spec/releases/manifest.txt:
   versions are labels, so the record, not a sort, says which release replaced which).
2. Install the new spec (spec/openapi.yaml and spec/releases/<new>.yaml), generate generated/ and
   api.md (every operation gets a method; `import korusticket` is tried), record the model names
   it ships (scripts/codegen/names.lock.json) and re-record the stand-in cassettes offline.
3. Diff spec and Python surface against the release it replaces, and draft the changelog entry
   (what callers gain, what breaks, what is deprecated, where the documented meaning moved; each at
   the Python path callers use) in CHANGELOG.md, marked as a draft: CI fails until a person has
   reviewed it and removed the mark. `--redraft` writes the draft again while it is one.
4. Print what is left to do by hand, with the operations table lines to edit.

Nothing is lost on the way: a step that fails says why and what to do, and leaves the files of
the steps before it in place.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE / "codegen"))

import apidiff as api_diff  # noqa: E402
import optable  # noqa: E402
import surface as surface_mod  # noqa: E402

SPEC = ROOT / "spec" / "openapi.yaml"
RELEASES = ROOT / "spec" / "releases"
CHANGELOG = ROOT / "CHANGELOG.md"
VERSION_FILE = ROOT / "overrides" / "korusticket" / "_version.py"


class ReleaseError(Exception):
    pass


def _load(path: Path) -> dict[str, Any]:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(doc, dict):
        raise ReleaseError(f"{path}: not an OpenAPI document")
    return doc


def _version(doc: dict[str, Any]) -> str:
    version = str((doc.get("info") or {}).get("version") or "")
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", version):
        raise ReleaseError(f"info.version {version!r} cannot name a release file")
    return version


def validate(path: Path) -> dict[str, Any]:
    from openapi_spec_validator import validate as validate_spec

    doc = _load(path)
    try:
        validate_spec(doc)
    except Exception as exc:  # the validator's own error types vary by version
        raise ReleaseError(f"{path}: not a valid OpenAPI document: {str(exc).splitlines()[0]}") from None
    return doc


def record_outgoing(root: Path = ROOT) -> str:
    """Archive the current spec and snapshot the surface callers have today."""
    releases = root / "spec" / "releases"
    releases.mkdir(parents=True, exist_ok=True)
    current = root / "spec" / "openapi.yaml"
    version = _version(_load(current))
    archived = releases / f"{version}.yaml"
    if not archived.exists():
        shutil.copyfile(current, archived)
    surface = surface_mod.snapshot(root / "overrides", root / "generated")
    text = json.dumps(surface, indent=1, sort_keys=True) + "\n"
    (releases / f"{version}.surface.json").write_text(text, encoding="utf-8")
    return version


def bump_package_version(root: Path = ROOT) -> str:
    """The next minor version of the package (each API release is a minor release of ours)."""
    path = root / "overrides" / "korusticket" / "_version.py"
    text = path.read_text(encoding="utf-8")
    match = re.search(r'__version__ = "(\d+)\.(\d+)\.(\d+)"', text)
    if match is None:
        raise ReleaseError(f'{path}: no __version__ = "X.Y.Z"')
    new = f"{match.group(1)}.{int(match.group(2)) + 1}.0"
    path.write_text(text.replace(match.group(0), f'__version__ = "{new}"'), encoding="utf-8")
    return new


def draft_entry(report: api_diff.Report, package_version: str, api_version: str, renamed: Sequence[str] = ()) -> str:
    """A changelog entry from the diff, to be reviewed by a person: every change at the public
    Python path callers use where it has one (the spec path otherwise, or both)."""
    py = report.python_paths

    def at(c: api_diff.Change) -> str:
        return f"`{py[c.path]}` (`{c.path}`)" if c.path in py else f"`{c.path}`"

    lines = [
        f"## {package_version}: KorusTicket API {api_version}",
        "",
        f"{api_diff.DRAFT_MARK}: written by `make release` from the diff with API {report.base_version}; review it "
        "(say what callers gain and what breaks), then delete this line. CI fails while it is here. -->",
        "",
        "### What callers gain",
        "",
    ]
    added = [c for c in report.surface_changes if c.kind in ("added", "parameter-added")]
    gains = [f"- `{c.path}` ({c.new or c.kind})" for c in added]
    gains += [f"- {at(c)}: {c.message}" for c in report.changes if c.kind == "operation-added"]
    gains += [
        f"- {at(c)}: {c.message} (you may send it)"
        for c in report.changes
        if c.kind in ("request-property-added", "request-enum-value-added", "parameter-enum-value-added")
    ]
    lines += gains or ["- Nothing new at the Python surface."]
    lines += ["", "### What breaks", ""]
    broken = [f"- `{c.path}`: {c.kind}{_old_new(c.old, c.new)}" for c in report.surface_changes if c.breaking]
    broken += [f"- {at(c)}: {c.message}" for c in report.changes if c.breaking and c.kind != "version-not-bumped"]
    broken += [f"- {r}" for r in renamed]
    lines += broken or ["- Nothing."]
    deprecated = [f"- `{c.path}`: deprecated" for c in report.surface_changes if c.kind == "deprecated"]
    deprecated += [
        f"- {at(c)}: {c.message}"
        for c in report.changes
        if c.kind == "operation-deprecated" and f"- `{py.get(c.path)}`: deprecated" not in deprecated
    ]
    if deprecated:
        lines += ["", "### Deprecated (breaks in a later release; calls warn with DeprecationWarning)", ""]
        lines += deprecated
    meaning = [c for c in report.changes if c.kind in api_diff.MEANING_RULES]
    if meaning:
        lines += ["", "### Documented meaning changed (check what you send and read)", ""]
        lines += [f"- {at(c)}: {c.message}" for c in meaning]
    return "\n".join(lines) + "\n"


def _old_new(old: str, new: str) -> str:
    return f" ({old} → {new})" if old and new and old not in ("method", "field", "model", "class", "resource") else ""


def _entry_span(text: str, api_version: str) -> tuple[int, int] | None:
    """Where the changelog entry of `api_version` starts and ends (at the next entry)."""
    match = re.search(r"^## .*\bAPI " + re.escape(api_version) + r"(?![\w.])", text, re.M)
    if match is None:
        return None
    end = re.search(r"^## ", text[match.end() :], re.M)
    return match.start(), match.end() + end.start() if end else len(text)


def write_entry(changelog: Path, entry: str, api_version: str) -> bool:
    """Insert the entry above the newest one; False when an entry for this API version exists."""
    text = changelog.read_text(encoding="utf-8") if changelog.exists() else "# Changelog\n"
    if _entry_span(text, api_version) is not None:
        return False
    match = re.search(r"^## ", text, re.M)
    at = match.start() if match else len(text)
    text = text[:at] + entry + "\n" + text[at:] if match else text.rstrip() + "\n\n" + entry
    changelog.write_text(text, encoding="utf-8")
    return True


def _report(root: Path, current: Path, version: str) -> api_diff.Report:
    # The base is the release this one replaces, by record (spec/releases/manifest.txt), never by sorting labels.
    base = api_diff.last_release(root, version)
    return api_diff.build_report(str(base) if base else api_diff.LAST_RELEASE, current, ack=root / "CHANGELOG.md")


def redraft(root: Path = ROOT) -> int:
    """Write the draft entry of the current release again (after operations.yaml edits and make generate),
    as long as it is a draft: a reviewed entry is never overwritten."""
    current = root / "spec" / "openapi.yaml"
    version = _version(_load(current))
    changelog = root / "CHANGELOG.md"
    text = changelog.read_text(encoding="utf-8") if changelog.exists() else ""
    span = _entry_span(text, version)
    if span is None:
        raise ReleaseError(f"CHANGELOG.md has no entry of API {version}: run make release first")
    section = text[span[0] : span[1]]
    if api_diff.DRAFT_MARK not in section:
        raise ReleaseError(f"the CHANGELOG.md entry of API {version} is reviewed (no draft mark): edit it by hand")
    package_version = section.split(":", 1)[0].removeprefix("## ").strip()
    # A models.yaml rename made while the draft is open is recorded (and drafted) now.
    renamed = update_names_lock(root, _load(current))
    old_renames = re.findall(r"^- (`korusticket\.types\.\w+` is renamed .*)$", section, re.M)
    entry = draft_entry(_report(root, current, version), package_version, version, [*old_renames, *renamed])
    changelog.write_text(text[: span[0]] + entry + "\n" + text[span[1] :].lstrip("\n"), encoding="utf-8")
    print(f"redraft: wrote the CHANGELOG.md draft of {package_version}: KorusTicket API {version} again")
    return 0


def hand_written_type_errors(root: Path) -> str | None:
    """mypy's errors in the hand-written package and examples against the new generated code: the callers
    of removed or renamed surface that no hook list names (the CLI, the walkthrough, ...). None when clean."""
    targets = [p for p in (root / "overrides" / "korusticket", root / "examples") if p.is_dir()]
    if not targets:
        return None
    env = {**os.environ, "MYPYPATH": os.pathsep.join([str(root / "overrides"), str(root / "generated")])}
    proc = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-error-summary", *map(str, targets)],
                          cwd=root, capture_output=True, text=True, check=False, env=env)  # fmt: skip
    errors = [line for line in proc.stdout.splitlines() if ": error: " in line]
    if proc.returncode == 0 or not errors:
        return None
    shown = "\n".join(f"      {line}" for line in errors[:12])
    return shown + (f"\n      ... and {len(errors) - 12} more (make typecheck)" if len(errors) > 12 else "")


def rerecord_cassettes(root: Path) -> str | None:
    """The stand-in cassettes carry the API version: record them again, offline (None when done)."""
    script = root / "scripts" / "record_cassettes.py"
    if not script.is_file() or not (root / "tests" / "flow").is_dir():
        return None
    # This repository's package, whatever the interpreter has installed (an editable install of another checkout).
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root / "overrides"), str(root / "generated"), str(root)])}
    cassettes = root / "tests" / "cassettes"
    with tempfile.TemporaryDirectory() as kept:
        if cassettes.is_dir():
            shutil.copytree(cassettes, Path(kept) / "cassettes")
        proc = subprocess.run([sys.executable, str(script), "--stand-in", "-q"], cwd=root, capture_output=True,
                              text=True, check=False, env=env)  # fmt: skip
        if proc.returncode == 0:
            print("  re-recorded the stand-in cassettes (scripts/record_cassettes.py --stand-in)")
            return None
        if cassettes.is_dir():  # a failed recording leaves the committed cassettes as they were, not half-written
            shutil.rmtree(cassettes)
            shutil.copytree(Path(kept) / "cassettes", cassettes)
    tail = "\n".join(f"      {line}" for line in proc.stdout.strip().splitlines()[-8:])
    return (
        "the stand-in cassettes could not be recorded again (scripts/record_cassettes.py --stand-in; the old ones "
        f"are kept): fix what fails, then run it again:\n{tail}"
    )


def update_names_lock(root: Path, doc: dict[str, Any]) -> list[str]:
    """Record the model names this release ships (scripts/codegen/names.lock.json); names once
    shipped stay in the lock, so no later schema takes them. Returns the renames (models.yaml)."""
    import preprocess

    lock_path = root / "scripts" / "codegen" / preprocess.NAMES_LOCK.name
    lock = preprocess.load_lock(lock_path)
    schemas = (doc.get("components") or {}).get("schemas") or {}
    final, _ = preprocess.schema_names(schemas, lock, preprocess.load_renames(root / "scripts" / "codegen" /
                                                                            preprocess.MODELS_TABLE.name))  # fmt: skip
    renamed = [
        f"`korusticket.types.{lock[n]}` is renamed `korusticket.types.{final[n]}` (schema {n}, models.yaml)"
        for n in final
        if n in lock and lock[n] != final[n]
    ]
    lock.update(final)
    lock_path.write_text(json.dumps(dict(sorted(lock.items())), indent=1) + "\n", encoding="utf-8")
    return renamed


def release(new_spec: Path, root: Path = ROOT) -> int:
    """The whole workflow (the module docstring's steps 1-4); each step prints what it did."""
    new_doc, new_version, old_version = _check_release(new_spec, root)
    current = _install_spec(new_spec, root, new_version, old_version)
    gen = _generate(root, current)
    renamed = update_names_lock(root, new_doc)
    print("  recorded the model names it ships in scripts/codegen/names.lock.json")
    todo = _refused_names_todo(gen.stderr)
    # Bumped before the cassettes are recorded again: their stamp names the package version they belong to.
    package_version = bump_package_version(root) if new_version != old_version else "unreleased"
    todo += _hand_written_todo(root, current, gen.returncode)
    table, lines = optable.load()
    ops = optable.resolve(optable.spec_operations(new_doc), table, lines, report=lambda _: None)
    todo += _operations_table_todo(new_doc, ops, gen.stderr)
    report = _report(root, current, new_version)
    todo += _changelog_todo(root, report, package_version, new_version, renamed)
    todo += _hooks_todo(ops, report)
    breaking = [c for c in report.surface_changes if c.breaking] + [c for c in report.changes if c.breaking]
    print(
        f"  diff with {report.base_version}: {len(breaking)} breaking, "
        f"{sum(c.kind == 'added' for c in report.surface_changes)} additions at the Python surface"
    )
    todo += _ALWAYS_BY_HAND
    print("\nLeft to do by hand:")
    for i, item in enumerate(todo, 1):
        print(f"  {i}. {item}")
    if gen.returncode == 3:  # the generator's own account of why `import korusticket` fails, last so it is seen
        print("\n" + "\n".join(n for n in gen.stderr.splitlines() if n.strip()), file=sys.stderr)
    return 0


def _check_release(new_spec: Path, root: Path) -> tuple[dict[str, Any], str, str]:
    """The new spec's document and version, and the outgoing version; refuses, before anything is
    written, a spec that cannot be a release (invalid, a changed spec under the same version, a
    released version with other content) and an unreadable record of releases."""
    new_doc = validate(new_spec)
    new_version = _version(new_doc)
    current = root / "spec" / "openapi.yaml"
    old_version = _version(_load(current))
    archived = root / "spec" / "releases" / f"{new_version}.yaml"
    if new_version == old_version and current.read_bytes() != new_spec.read_bytes():
        raise ReleaseError(f"{new_spec} changes spec/openapi.yaml but keeps info.version {new_version}: bump it")
    if archived.exists() and archived.read_bytes() != new_spec.read_bytes():
        raise ReleaseError(f"{archived.relative_to(root)} is released already and differs: a release never changes")
    api_diff.release_order(root)  # the record of releases must be readable before anything is written
    print(f"release: {old_version} -> {new_version}")
    return new_doc, new_version, old_version


def _install_spec(new_spec: Path, root: Path, new_version: str, old_version: str) -> Path:
    """Step 1's record of the outgoing release, then the new spec in place; returns spec/openapi.yaml."""
    current = root / "spec" / "openapi.yaml"
    if new_version != old_version:
        record_outgoing(root)
        api_diff.record_release(root, old_version)
        print(f"  recorded the outgoing release {old_version} (spec and Python surface) in spec/releases/")
    if new_spec.resolve() != current.resolve():
        shutil.copyfile(new_spec, current)
    shutil.copyfile(current, root / "spec" / "releases" / f"{new_version}.yaml")
    api_diff.record_release(root, new_version, after=old_version if new_version != old_version else None)
    print(f"  installed spec/openapi.yaml and spec/releases/{new_version}.yaml (after {old_version} in manifest.txt)")
    return current


def _generate(root: Path, current: Path) -> subprocess.CompletedProcess[str]:
    """generated/ and api.md from the installed spec. Exit 3 (generated, but `import korusticket`
    fails) goes on: fixing overrides/ is then on the list of what is left to do."""
    gen = subprocess.run(
        [sys.executable, str(root / "scripts" / "codegen" / "generate.py"), str(current),
         str(root / "generated" / "korusticket_api"), str(root / "api.md")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if gen.returncode not in (0, 3):
        print(gen.stderr, file=sys.stderr)
        raise ReleaseError("generation failed (see above); the new spec is installed: fix and run make generate")
    print("  generated generated/ and api.md")
    return gen


def _refused_names_todo(gen_stderr: str) -> list[str]:
    """New schemas the generator kept off names an earlier release shipped (the names lock)."""
    refused = [n for n in gen_stderr.splitlines() if "a name shipped for" in n]
    if not refused:
        return []
    return ["new schemas kept off shipped model names (give them a name in scripts/codegen/models.yaml):\n"
            + "\n".join(f"      {n.removeprefix('note: ')}" for n in refused)]  # fmt: skip


def _hand_written_todo(root: Path, current: Path, gen_returncode: int) -> list[str]:
    """What the hand-written side needs: the facts of a reconstructed spec, code that no longer
    imports or type-checks against the new generated code, and cassettes that could not be re-recorded
    (recorded only when the package imports: the recorder needs it)."""
    todo: list[str] = []
    if b"x-korusticket-inferred" in current.read_bytes():
        todo.append(
            "the new spec is a reconstruction (it carries x-korusticket-inferred marks): classify the parts it adds "
            "in spec/documented-facts.yaml and mark its guesses (tests/codegen/test_documented_facts.py names "
            "them); a published spec (make spec) has no marks and needs none of this"
        )
    if gen_returncode == 3:
        todo.append("`import korusticket` fails against the new code: fix overrides/ (see the message below)")
        return todo
    untyped = hand_written_type_errors(root)
    if untyped:
        todo.append("hand-written code that uses what the release removed or renamed (mypy --strict):\n" + untyped)
    cassettes = rerecord_cassettes(root)
    if cassettes:
        todo.append(cassettes)
    return todo


def _operations_table_todo(new_doc: dict[str, Any], ops: list[optable.Operation], gen_stderr: str) -> list[str]:
    """The operations table lines to edit: new operations under derived names, configured
    parameters the spec renamed or removed, entries of operations the spec no longer has."""
    todo: list[str] = []
    derived = [op for op in ops if op.derived]
    if derived:
        todo.append(
            "name the new operations in scripts/codegen/operations.yaml (they work now under derived names):\n"
            + "\n".join(f"      {op.key}: kt.{op.resource}.{op.method}" for op in derived)
        )
    stale_params = optable.stale_params(new_doc, ops)
    if stale_params:
        todo.append(
            "configured parameters the spec renamed or removed (breaking for callers: their Python name or kind "
            "changed); edit these lines of the operations table, then make generate:\n"
            + "\n".join(f"      {n}" for n in stale_params)
        )
    notes = [line for line in gen_stderr.splitlines() if line.startswith(("note:", "generated,", "fix "))]
    stale = [n for n in notes if "not in the spec any more" in n]
    if stale:
        todo.append("remove the table entries of removed operations:\n" + "\n".join(f"      {n}" for n in stale))
    return todo


def _changelog_todo(
    root: Path, report: api_diff.Report, package_version: str, new_version: str, renamed: list[str]
) -> list[str]:
    """Step 3: the draft changelog entry, written unless the release has one already (a rerun)."""
    entry = draft_entry(report, package_version, new_version, renamed)
    if not write_entry(root / "CHANGELOG.md", entry, new_version):
        return []
    print(f"  drafted the CHANGELOG.md entry {package_version}: KorusTicket API {new_version}")
    return [
        "review the CHANGELOG.md draft (what callers gain, what breaks), then delete its draft line; after editing "
        "operations.yaml and make generate, `make redraft` writes the draft again from the new diff"
    ]


def _hooks_todo(ops: list[optable.Operation], report: api_diff.Report) -> list[str]:
    """Hand-written hooks and flows are not regenerated: name those whose operation's request or response changed."""
    hooked = {op.key: op.hook for op in ops if op.hook}
    touched = sorted({
        f"{hooked[key]} ({key})" for c in report.changes for key in hooked
        if c.path.startswith(key + " request") or c.path.startswith(key + " response") or c.path == key
    })  # fmt: skip
    if not touched:
        return []
    return [
        "hooked operations whose request or response changed: check their hook in overrides/korusticket/_hooks.py "
        "and its flow in _operations.py:\n" + "\n".join(f"      {t}" for t in touched)
    ]


# Every release, whatever its diff: what no script can do.
_ALWAYS_BY_HAND = (
    "give the stand-in (overrides/korusticket/testing) seed data for new read endpoints, and its rules for new "
    "booking behaviour",
    "make the walkthrough (examples/booking_walkthrough.py) follow the release's flow: make demo",
    "commit spec, generated code, changelog and cassettes, then make check (check-generated needs generated/ "
    "committed); re-record against the demo server with make record where credentials allow",
)


def lock_names(root: Path = ROOT) -> int:
    """A correction of the current release's spec (same info.version) that adds a schema: record its model
    name in the names lock, as a release would; names already shipped never change here."""
    renamed = update_names_lock(root, _load(root / "spec" / "openapi.yaml"))
    if renamed:
        raise ReleaseError("a models.yaml rename is a change callers see: take it through make release (" +
                           "; ".join(renamed) + ")")  # fmt: skip
    print("lock-names: scripts/codegen/names.lock.json names every schema of spec/openapi.yaml")
    return 0


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: make release SPEC=<new openapi.yaml>  |  scripts/release.py --redraft | --lock-names",
              file=sys.stderr)  # fmt: skip
        return 2
    try:
        if argv[0] == "--lock-names":
            return lock_names()
        return redraft() if argv[0] == "--redraft" else release(Path(argv[0]))
    except (ReleaseError, surface_mod.SurfaceError, optable.TableError, api_diff.DiffError) as exc:
        print(f"release: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
