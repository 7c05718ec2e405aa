"""The Python surface callers see, as data: every resource method of KorusTicket and
AsyncKorusTicket, every public name of `korusticket`, every model of `korusticket.types` with
its fields, every enum with its members, each at the public path a caller writes.

The package is imported in a fresh interpreter (generated code is only known by running it),
against a given overrides/ and generated/ pair, so any tree (a release, a git ref, the working
tree) can be described and two descriptions compared.

    python scripts/surface.py [OVERRIDES GENERATED] > surface.json
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

Surface = dict[str, dict[str, Any]]

# Runs inside the fresh interpreter; prints the surface as JSON.
_WALK = r"""
import enum, inspect, json, sys
import attrs
import korusticket
import korusticket.types as types
import korusticket_api.resources as korusticket_api_resources

out = {}

def params(fn):
    result = {}
    for p in inspect.signature(fn).parameters.values():
        if p.name == "self":
            continue
        variadic = p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
        result[p.name] = {
            "kind": p.kind.name,
            "required": p.default is p.empty and not variadic,
            "annotation": "" if p.annotation is p.empty else str(p.annotation),
        }
    return result

def method(path, fn):
    returns = inspect.signature(fn).return_annotation
    out[path] = {"kind": "method", "params": params(fn),
                 "returns": "" if returns is inspect.Signature.empty else str(returns)}
    if ".. deprecated::" in (fn.__doc__ or ""):  # the mark generated methods of deprecated operations carry
        out[path]["deprecated"] = True

def public_methods(cls):
    for name, fn in inspect.getmembers(cls, callable):
        if not name.startswith("_") and not isinstance(fn, type):
            yield name, fn

for name in korusticket.__all__:
    obj = getattr(korusticket, name)
    out[f"korusticket.{name}"] = {"kind": "class" if isinstance(obj, type) else type(obj).__name__}

for client in (korusticket.KorusTicket, korusticket.AsyncKorusTicket):
    kt = client(token="surface", base_url="https://api.demo.korusticket.com")
    resources = {}
    for base in reversed(client.__mro__):
        resources.update(getattr(base, "__annotations__", {}))
    resources.update({k: None for k in vars(kt) if not k.startswith("_")})
    # Resources composed as cached properties (issue 24) are named by the generated package.
    resources.update({k: None for k in getattr(korusticket_api_resources, "RESOURCES", ())})
    for rname in resources:
        if rname.startswith("_"):
            continue
        resource = getattr(kt, rname, None)
        if resource is None:
            continue
        out[f"korusticket.{client.__name__}.{rname}"] = {"kind": "resource"}
        for mname, fn in public_methods(type(resource)):
            method(f"korusticket.{client.__name__}.{rname}.{mname}", fn)
    for mname, fn in public_methods(client):
        if f"korusticket.{client.__name__}.{mname}" not in out:
            method(f"korusticket.{client.__name__}.{mname}", fn)

for name in types.__all__:
    obj = getattr(types, name)
    path = f"korusticket.types.{name}"
    if isinstance(obj, type) and issubclass(obj, enum.Enum):
        out[path] = {"kind": "enum"}
        for member in obj.__members__.values():
            out[f"{path}.{member.name}"] = {"kind": "member", "value": str(member.value)}
    elif isinstance(obj, type) and attrs.has(obj):
        out[path] = {"kind": "model"}
        for field in attrs.fields(obj):
            if field.name != "additional_properties" and not field.name.startswith("_"):  # _src, _extra: private
                out[f"{path}.{field.name}"] = {"kind": "field", "annotation": str(field.type)}
        for extra in ("iri", "ld_type"):
            if isinstance(getattr(obj, extra, None), property):
                out[f"{path}.{extra}"] = {"kind": "field", "annotation": "str | None"}
    else:
        out[path] = {"kind": "class" if isinstance(obj, type) else "name"}

json.dump(out, sys.stdout, indent=1, sort_keys=True)
"""


class SurfaceError(Exception):
    """The package could not be imported or walked; the message says why."""


def snapshot(overrides: Path = ROOT / "overrides", generated: Path = ROOT / "generated") -> Surface:
    """The surface of the korusticket package made of `overrides` and `generated`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("KORUSTICKET_")}
    env["PYTHONPATH"] = os.pathsep.join([str(overrides), str(generated)])
    proc = subprocess.run([sys.executable, "-c", _WALK], env=env, capture_output=True, text=True, check=False, cwd=ROOT)
    if proc.returncode != 0:
        tail = "\n".join(proc.stderr.strip().splitlines()[-4:])
        raise SurfaceError(f"`import korusticket` failed:\n{tail}")
    surface: Surface = json.loads(proc.stdout)
    return surface


@dataclass(frozen=True)
class SurfaceChange:
    kind: str  # removed, added, param-removed, ...
    path: str
    breaking: bool
    old: str = ""
    new: str = ""


def _members(annotation: str) -> set[str]:
    return {part.strip() for part in annotation.split("|") if part.strip()}


def _narrowed(old: str, new: str) -> bool:
    """A parameter's annotation accepts less than before: a member or a Literal value went (IdLike -> str,
    Literal['a', 'b'] -> Literal['a']). A mapping refined into a TypedDict of the same keys is not narrowed."""

    def split(annotation: str) -> tuple[set[str], set[str]]:
        members, values = set(), set()
        for part in (p.strip() for p in re.split(r"\|(?![^\[]*\])", annotation) if p.strip()):
            literal = re.fullmatch(r"Literal\[(.*)\]", part)
            if literal:
                values |= {v.strip() for v in literal.group(1).split(",")}
            else:
                members.add(part)
        return members, values

    old_members, old_values = split(old)
    new_members, new_values = split(new)
    lost = {m for m in old_members - new_members if not m.startswith(("Mapping[", "Sequence[Mapping["))}
    return bool(lost) or (bool(old_values - new_values) and "str" not in new_members)


def _method_changes(path: str, old: dict[str, Any], new: dict[str, Any]) -> list[SurfaceChange]:
    changes = []
    before, after = old.get("params", {}), new.get("params", {})
    for name, param in before.items():
        if name not in after:
            if param["kind"] == "VAR_KEYWORD":
                continue
            changes.append(SurfaceChange("parameter-removed", f"{path}({name})", True))
            continue
        now = after[name]
        if now["required"] and not param["required"]:
            changes.append(SurfaceChange("parameter-made-required", f"{path}({name})", True))
        if now["kind"] != param["kind"]:
            changes.append(SurfaceChange("parameter-kind-changed", f"{path}({name})", True, param["kind"], now["kind"]))
        elif now["annotation"] != param["annotation"]:
            narrowed = _narrowed(param["annotation"], now["annotation"])
            changes.append(
                SurfaceChange(
                    "parameter-narrowed" if narrowed else "parameter-type-changed",
                    f"{path}({name})",
                    narrowed,
                    param["annotation"],
                    now["annotation"],
                )
            )
    for name, param in after.items():
        if name not in before:
            kind = "parameter-added-required" if param["required"] else "parameter-added"
            changes.append(SurfaceChange(kind, f"{path}({name})", param["required"], "", param["annotation"]))
    if old.get("returns") != new.get("returns"):
        changes.append(
            SurfaceChange("return-type-changed", path, False, old.get("returns", ""), new.get("returns", ""))
        )
    return changes


def _public(path: str) -> bool:
    """No segment is private (`_src`, `_extra`; a record made before they were left out)."""
    return not any(part.startswith("_") and not part.endswith("__") for part in path.split("(")[0].split("."))


def diff_surfaces(base: Surface, head: Surface) -> list[SurfaceChange]:
    """What a caller of `base` meets in `head`: removals and narrowed signatures break them; a
    newly deprecated method is reported as `deprecated` (it will break: not breaking yet)."""
    base = {k: v for k, v in base.items() if _public(k)}
    head = {k: v for k, v in head.items() if _public(k)}
    changes: list[SurfaceChange] = []
    removed = sorted(set(base) - set(head))
    # Report a removed class or resource once, not once per member.
    gone: list[str] = []
    for path in removed:
        if any(path.startswith((g + ".", g + "(")) for g in gone):
            continue
        gone.append(path)
        changes.append(SurfaceChange("removed", path, True, base[path]["kind"], ""))
    added: list[str] = []
    for path in sorted(set(head) - set(base)):
        if any(path.startswith(a + ".") for a in added):
            continue
        added.append(path)
        changes.append(SurfaceChange("added", path, False, "", head[path]["kind"]))
    for path in sorted(set(base) & set(head)):
        old, new = base[path], head[path]
        if old["kind"] != new["kind"]:
            changes.append(SurfaceChange("kind-changed", path, True, old["kind"], new["kind"]))
        elif old["kind"] == "method":
            changes += _method_changes(path, old, new)
            if new.get("deprecated") and not old.get("deprecated"):
                changes.append(SurfaceChange("deprecated", path, False))
        elif old["kind"] == "field" and old["annotation"] != new["annotation"]:
            # A reader breaks when the field may now hold something it could not before.
            widened = bool(_members(new["annotation"]) - _members(old["annotation"]))
            changes.append(SurfaceChange("field-type-changed", path, widened, old["annotation"], new["annotation"]))
    return changes


def main(argv: list[str]) -> int:
    overrides = Path(argv[0]) if argv else ROOT / "overrides"
    generated = Path(argv[1]) if len(argv) > 1 else ROOT / "generated"
    try:
        surface = snapshot(overrides, generated)
    except SurfaceError as exc:
        print(f"surface: {exc}", file=sys.stderr)
        return 1
    json.dump(surface, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
