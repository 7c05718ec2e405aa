#!/usr/bin/env python3
"""Compare spec/openapi.yaml with a base and report what changed for API callers.

Two views end up in one Markdown report:

* the spec changelog (`diff_specs`): operations, parameters, request and response
  schemas, status codes, media types, security and `info.version`, each change
  classified as breaking or not for a client;
* the Python client surface: `griffe`'s breaking-change check of the public
  `korusticket` package (overrides/) between the base git ref and the working tree.

Usage::

    python scripts/api_diff.py --base HEAD~1            # git ref: reads REF:spec/openapi.yaml
    python scripts/api_diff.py --base old-openapi.yaml  # an existing file is read as the base spec
    python scripts/api_diff.py --base v1.0.7 --allow-breaking --output report.md

Exit status: 0 when nothing breaking was found (or breaking changes are allowed by
`--allow-breaking` / `API_DIFF_ALLOW_BREAKING=1`), 1 when something breaking was found,
2 on a usage or input error. Breaking covers breaking spec changes, the
`version-not-bumped` process finding and breakages of the Python client surface.

The rule ids, their breaking flags and the reasons are in RULES (`--list-rules` prints
them). `version-not-bumped` is a process finding, not an API change: info.version must
change whenever the spec does, and it counts as breaking so that CI notices.

A `--base` that names an existing file is read as a spec; anything else is a git ref,
read with `git show REF:<head path>`. A ref without the spec (early history) is an empty
base. The client view needs a git ref and is skipped, with a note, when the base has no
overrides/korusticket or either side cannot be loaded.

No network access; PyYAML only (griffe is optional: without it the client view is skipped).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent / "codegen"))
import surface as surface_mod

__all__ = [
    "RULES",
    "Change",
    "ClientChange",
    "DiffError",
    "Report",
    "client_surface_diff",
    "diff_specs",
    "main",
    "render_markdown",
]

DEFAULT_SPEC = "spec/openapi.yaml"
RELEASES = "spec/releases"
LAST_RELEASE = "last-release"
DRAFT_MARK = "<!-- draft"
CLIENT_PACKAGE = "korusticket"
# Directories that may hold the importable client; overrides/ wins, as in pyproject.
CLIENT_DIRS = ("overrides", "generated")
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
MAX_DEPTH = 40

# Every rule id diff_specs can emit, with its breaking flag and why. Rules whose flag
# depends on the change (type widened or narrowed, which status code) say "varies".
RULES: dict[str, tuple[bool | None, str]] = {
    "operation-added": (False, "a new operation"),
    "operation-removed": (True, "callers of the operation get 404/405"),
    "operation-deprecated": (False, "still served; plan the migration"),
    "parameter-added": (False, "a new optional parameter"),
    "parameter-added-required": (True, "existing calls lack the parameter"),
    "parameter-removed": (True, "the generated method loses the argument"),
    "parameter-made-required": (True, "existing calls may lack the parameter"),
    "parameter-made-optional": (False, "relaxed"),
    "parameter-type-changed": (True, "values that were valid may be refused"),
    "parameter-became-nullable": (False, "relaxed"),
    "parameter-became-non-nullable": (True, "null is refused"),
    "parameter-enum-value-added": (False, "more values accepted"),
    "parameter-enum-value-removed": (True, "a value callers send is refused"),
    "parameter-enum-added": (True, "an enum now restricts a free value"),
    "parameter-enum-removed": (False, "any value accepted"),
    "request-body-added": (False, "a new optional request body"),
    "request-body-added-required": (True, "existing calls send no body"),
    "request-body-removed": (True, "the body callers send is no longer accepted"),
    "request-body-made-required": (True, "existing calls may send no body"),
    "request-media-type-added": (False, "another accepted media type"),
    "request-media-type-removed": (True, "the media type callers send is refused"),
    "request-property-added": (False, "a new optional request property"),
    "request-property-added-required": (True, "existing payloads lack it"),
    "request-property-removed": (True, "the server no longer accepts it"),
    "request-property-made-required": (True, "existing payloads may lack it"),
    "request-property-made-optional": (False, "relaxed"),
    "request-property-type-changed": (None, "breaking unless the type was only widened"),
    "request-property-became-nullable": (False, "relaxed"),
    "request-property-became-non-nullable": (True, "null is refused"),
    "request-enum-value-added": (False, "more values accepted"),
    "request-enum-value-removed": (True, "a value callers send is refused"),
    "request-enum-added": (True, "an enum now restricts a free value"),
    "request-enum-removed": (False, "any value accepted"),
    "response-status-added": (False, "a new status code"),
    "response-status-removed": (None, "breaking for a success (2xx/default) response"),
    "response-media-type-added": (False, "another media type served"),
    "response-media-type-removed": (True, "the media type the client asks for is gone"),
    "response-property-added": (False, "clients ignore or keep unknown properties"),
    "response-property-removed": (True, "callers reading it break"),
    "response-property-made-required": (False, "always present now, e.g. @id/@type"),
    "response-property-made-optional": (True, "callers may find it missing"),
    "response-property-type-changed": (None, "breaking unless the type was only narrowed"),
    "response-property-became-nullable": (True, "callers may receive null"),
    "response-property-became-non-nullable": (False, "never null now"),
    "response-enum-value-added": (False, "the client keeps unknown enum values"),
    "response-enum-value-removed": (False, "reported: the value will no longer be served"),
    "response-enum-added": (False, "values are now restricted"),
    "response-enum-removed": (False, "the client keeps unknown values"),
    "schema-added": (False, "a new component schema (a new model class)"),
    "schema-removed": (True, "the generated model class disappears"),
    # Component schemas used by no operation have no direction: the stricter of the
    # request and response readings is used.
    "schema-property-added": (None, "breaking if added as required"),
    "schema-property-removed": (True, "unused schema lost a property"),
    "schema-property-made-required": (True, "breaking for request use"),
    "schema-property-made-optional": (True, "breaking for response use"),
    "schema-property-type-changed": (True, "breaking in one direction at least"),
    "schema-property-became-nullable": (True, "breaking for response use"),
    "schema-property-became-non-nullable": (True, "breaking for request use"),
    "schema-enum-value-added": (False, "more values"),
    "schema-enum-value-removed": (True, "breaking for request use"),
    "schema-enum-added": (True, "breaking for request use"),
    "schema-enum-removed": (False, "relaxed"),
    "security-changed": (True, "the operation needs other credentials"),
    "security-scheme-added": (False, "a new scheme"),
    "security-scheme-removed": (True, "credentials of that scheme no longer work"),
    "security-scheme-changed": (True, "the way credentials are sent changed"),
    "version-not-bumped": (True, "process: every spec change must bump info.version"),
    # Same structure, other meaning: where a change of semantics hides (never breaking by rule).
    "description-changed": (False, "the documented meaning changed: check what callers send or read"),
    "pattern-changed": (False, "the documented format of the value changed"),
    "example-changed": (False, "the documented examples changed (the values may mean something else)"),
    "format-changed": (False, "the documented format changed"),
}

MEANING_RULES = frozenset({"description-changed", "pattern-changed", "example-changed", "format-changed"})

Side = Literal["request", "response", "parameter", "schema"]


class DiffError(Exception):
    """A usage or input problem (exit status 2)."""


@dataclass(frozen=True)
class Change:
    """One spec-level change.

    `kind` is a rule id from RULES, `path` says where (an operation such as
    `GET /v1/booking/orders`, a location inside it such as
    `POST /v1/booking/orders/_bulk request body: notes`, or a JSON pointer such as
    `#/components/schemas/Error`).
    """

    kind: str
    breaking: bool
    path: str
    message: str


@dataclass(frozen=True)
class ClientChange:
    """One breakage of the public Python API, as found by griffe (old/new may be empty)."""

    kind: str
    path: str
    old: str
    new: str


@dataclass
class Report:
    """Everything the CLI renders."""

    changes: list[Change]
    client_changes: list[ClientChange]
    base_version: str | None = None
    head_version: str | None = None
    notes: list[str] = field(default_factory=list)
    surface_changes: list[surface_mod.SurfaceChange] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)  # checks that no acknowledgement can waive
    acknowledged: frozenset[str] | None = None  # ids acknowledged in the changelog (None: no --ack)

    def _acked(self, path: str) -> bool:
        return self.acknowledged is not None and path in self.acknowledged

    @property
    def unacknowledged(self) -> list[str]:
        """Breaking items not acknowledged in the changelog entry of the head version."""
        items = [c.path for c in self.changes if c.breaking and c.kind != "version-not-bumped"]
        items += [c.path for c in self.client_changes]
        items += [c.path for c in self.surface_changes if c.breaking]
        items += ["info.version" for c in self.changes if c.kind == "version-not-bumped"]
        return sorted({i for i in items if not self._acked(i)})

    @property
    def breaking(self) -> bool:
        """True when something breaking was found and not acknowledged, or a check failed."""
        return bool(self.failures) or bool(self.unacknowledged)


# --------------------------------------------------------------------------- spec model


def _as_map(value: Any) -> dict[str, Any]:
    """Return value as a dict with string keys (YAML may give int status codes)."""
    if isinstance(value, Mapping):
        return {str(k): v for k, v in value.items()}
    return {}


def _fmt_values(values: Any) -> str:
    return ", ".join(repr(v) if not isinstance(v, str) else v for v in values)


def _sort_key(value: Any) -> tuple[str, str]:
    return (type(value).__name__, str(value))


@dataclass
class _Flat:
    """A schema with $ref/allOf/oneOf/anyOf folded into what a caller sees."""

    types: frozenset[str]  # empty = any type
    nullable: bool
    properties: dict[str, Any]
    required: frozenset[str]
    items: Any
    enum: tuple[Any, ...] | None
    read_only: bool
    write_only: bool
    refs: frozenset[str]  # component refs crossed to get here, for the cycle guard
    docs: tuple[tuple[str, str], ...] = ()  # (description|pattern|example|format, text): meaning, not structure


class _Spec:
    """A loaded OpenAPI document with $ref resolution."""

    def __init__(self, doc: Mapping[str, Any]) -> None:
        self.doc = doc

    def resolve(self, node: Any) -> tuple[Any, list[str]]:
        """Follow a chain of local $refs; return the target and the refs crossed."""
        crossed: list[str] = []
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in crossed or not ref.startswith("#/"):
                # Cyclic alias or external ref: nothing more can be known.
                return {}, crossed
            crossed.append(ref)
            target: Any = self.doc
            for part in ref[2:].split("/"):
                part = part.replace("~1", "/").replace("~0", "~")
                target = target.get(part) if isinstance(target, Mapping) else None
            node = target if target is not None else {}
        return node, crossed

    def flatten(self, schema: Any, depth: int = 0) -> _Flat:
        """Fold a schema into a _Flat, merging allOf parts and oneOf/anyOf variants."""
        node, crossed = self.resolve(schema)
        if not isinstance(node, Mapping) or depth > MAX_DEPTH:
            return _Flat(frozenset(), False, {}, frozenset(), None, None, False, False, frozenset(crossed))
        docs: dict[str, str] = {k: v for k, v in _docs_of(node).items() if v}
        types: set[str] = set()
        nullable = bool(node.get("nullable", False))
        raw_type = node.get("type")
        for t in raw_type if isinstance(raw_type, list) else [raw_type] if raw_type else []:
            if t == "null":
                nullable = True
            elif t == "string" and node.get("format"):
                # The format decides the Python type (str vs datetime), so it is part of the type.
                types.add(f"string({node['format']})")
            else:
                types.add(str(t))
        props: dict[str, Any] = dict(_as_map(node.get("properties")))
        required: set[str] = {str(r) for r in node.get("required", []) or []}
        items = node.get("items")
        enum: tuple[Any, ...] | None = None
        if isinstance(node.get("enum"), list):
            enum = tuple(v for v in node["enum"] if v is not None)
            nullable = nullable or None in node["enum"]
        elif "const" in node:
            enum = (node["const"],)
        refs = set(crossed)
        for part in node.get("allOf", []) or []:
            sub = self.flatten(part, depth + 1)
            docs.update({k: v for k, v in sub.docs if k not in docs})
            types |= sub.types
            nullable = nullable or sub.nullable
            props.update({k: v for k, v in sub.properties.items() if k not in props})
            required |= sub.required
            items = items if items is not None else sub.items
            enum = enum if enum is not None else sub.enum
            refs |= sub.refs
        variants = [self.flatten(v, depth + 1) for v in (node.get("oneOf") or node.get("anyOf") or [])]
        non_null = [v for v in variants if not (v.nullable and not v.types and not v.properties)]
        if len(non_null) < len(variants) or any(v.nullable for v in non_null):
            nullable = True
        if non_null:
            types |= {t for v in non_null for t in v.types}
            for v in non_null:
                props.update({k: s for k, s in v.properties.items() if k not in props})
                items = items if items is not None else v.items
                refs |= v.refs
            if len(non_null) == 1:
                required |= non_null[0].required
                enum = enum if enum is not None else non_null[0].enum
            else:
                # A property is only guaranteed when every variant requires it.
                required |= frozenset.intersection(*(v.required for v in non_null))
        if not types and props:
            types.add("object")
        if not types and items is not None:
            types.add("array")
        return _Flat(
            frozenset(types),
            nullable,
            props,
            frozenset(required),
            items,
            enum,
            bool(node.get("readOnly", False)),
            bool(node.get("writeOnly", False)),
            frozenset(refs),
            tuple(sorted(docs.items())),
        )


def _docs_of(node: Mapping[str, Any]) -> dict[str, str]:
    """The parts of a schema or parameter that carry meaning but no structure."""
    examples = node.get("examples", node.get("example"))
    return {
        "description": str(node.get("description") or "").strip(),
        "pattern": str(node.get("pattern") or ""),
        "example": json.dumps(examples, sort_keys=True, default=str) if examples is not None else "",
        "format": str(node.get("format") or ""),
    }


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= width else text[: width - 1] + "…")


def _type_label(types: frozenset[str]) -> str:
    return " | ".join(sorted(types)) if types else "any"


def _widens(old: frozenset[str], new: frozenset[str]) -> bool:
    """True when every value of the old type is a value of the new type."""
    if not new:
        return True
    if not old:
        return False
    expanded = set(new) | ({"integer"} if "number" in new else set())
    return old <= expanded


def _breaking(side: Side, request: bool, response: bool) -> bool:
    """Pick the breaking flag for a side; unused schemas take the stricter reading."""
    if side == "response":
        return response
    if side == "schema":
        return request or response
    return request


# --------------------------------------------------------------------------- comparison


_Params = dict[tuple[str, str], Any]
# An operation: display path ("GET /v1/x"), the operation object, its parameters by (in, name).
_Op = tuple[str, dict[str, Any], _Params]
# Security requirement alternatives, each a set of (scheme, scopes).
_Security = frozenset[frozenset[tuple[str, tuple[str, ...]]]]


class _Differ:
    """Walks two specs and collects Changes."""

    def __init__(self, base: Mapping[str, Any], head: Mapping[str, Any]) -> None:
        self.old = _Spec(base)
        self.new = _Spec(head)
        self.changes: list[Change] = []

    def add(self, kind: str, breaking: bool, path: str, message: str) -> None:
        self.changes.append(Change(kind, breaking, path, message))

    # ------------------------------------------------------------------ schemas

    def compare_schema(
        self,
        old: Any,
        new: Any,
        side: Side,
        where: str,
        trail: tuple[str, ...] = (),
        stack: frozenset[tuple[frozenset[str], frozenset[str]]] = frozenset(),
    ) -> None:
        """Compare two schemas seen from `side`; `trail` is the property path inside them."""
        of, nf = self.old.flatten(old), self.new.flatten(new)
        key = (of.refs, nf.refs)
        if (key in stack and (of.refs or nf.refs)) or len(trail) > MAX_DEPTH:
            return  # a recursive schema: this pair is already being compared further up
        stack = stack | {key}
        path = _join(side, where, trail)
        what = "parameter" if side == "parameter" else f"{side}-property"
        if of.types != nf.types:
            if side == "response":
                brk = not _widens(nf.types, of.types)
            elif side == "schema":
                brk = True
            else:
                brk = not _widens(of.types, nf.types) or side == "parameter"
            self.add(
                f"{what}-type-changed",
                brk,
                path,
                f"type {_type_label(of.types)} → {_type_label(nf.types)}",
            )
        if of.nullable != nf.nullable:
            if nf.nullable:
                self.add(f"{what}-became-nullable", _breaking(side, False, True), path, "may now be null")
            else:
                self.add(f"{what}-became-non-nullable", _breaking(side, True, False), path, "no longer null")
        self._compare_enum(of, nf, side, path)
        self._compare_docs(dict(of.docs), dict(nf.docs), path, typed=of.types != nf.types)
        if of.properties or nf.properties:
            self._compare_properties(of, nf, side, where, trail, stack)
        if of.items is not None and nf.items is not None:
            self.compare_schema(of.items, nf.items, side, where, (*trail, "[]"), stack)

    def _compare_docs(self, old: Mapping[str, str], new: Mapping[str, str], path: str, *, typed: bool) -> None:
        for key in ("description", "pattern", "example", "format"):
            before, after = old.get(key, ""), new.get(key, "")
            if before == after or (key == "format" and typed):
                continue  # a string's format is part of its type: already reported as a type change
            label = {"example": "examples"}.get(key, key)
            what = f"{label} changed" if before and after else f"{label} added" if after else f"{label} removed"
            detail = f": {_short(before)} → {_short(after)}" if key != "example" else ""
            self.add(f"{key}-changed", False, path, what + detail)

    def _compare_enum(self, of: _Flat, nf: _Flat, side: Side, path: str) -> None:
        enum_side = "schema" if side == "schema" else side
        if of.enum is None and nf.enum is not None:
            self.add(
                f"{enum_side}-enum-added",
                _breaking(side, True, False),
                path,
                f"restricted to: {_fmt_values(nf.enum)}",
            )
        elif of.enum is not None and nf.enum is None:
            self.add(f"{enum_side}-enum-removed", False, path, "no longer restricted to an enum")
        elif of.enum is not None and nf.enum is not None:
            added = sorted(set(nf.enum) - set(of.enum), key=_sort_key)
            removed = sorted(set(of.enum) - set(nf.enum), key=_sort_key)
            if added:
                self.add(f"{enum_side}-enum-value-added", False, path, f"enum value added: {_fmt_values(added)}")
            if removed:
                self.add(
                    f"{enum_side}-enum-value-removed",
                    _breaking(side, True, False),
                    path,
                    f"enum value removed: {_fmt_values(removed)}",
                )

    def _compare_properties(
        self,
        of: _Flat,
        nf: _Flat,
        side: Side,
        where: str,
        trail: tuple[str, ...],
        stack: frozenset[tuple[frozenset[str], frozenset[str]]],
    ) -> None:
        prefix = "schema" if side == "schema" else side
        for name in sorted(set(of.properties) | set(nf.properties)):
            sub = (*trail, name)
            path = _join(side, where, sub)
            old_p = of.properties.get(name)
            new_p = nf.properties.get(name)
            # readOnly in a request / writeOnly in a response: not the caller's concern.
            old_seen = old_p is not None and not self._hidden(old_p, self.old, side)
            new_seen = new_p is not None and not self._hidden(new_p, self.new, side)
            if not old_seen and not new_seen:
                continue
            if not new_seen:
                self.add(f"{prefix}-property-removed", True, path, "property removed")
                continue
            new_required = name in nf.required
            if not old_seen:
                added = self.new.flatten(new_p)
                type_label = _type_label(added.types) + (" | null" if added.nullable else "")
                if new_required and side != "response":
                    self.add(
                        f"{prefix}-property-added-required" if side != "schema" else f"{prefix}-property-added",
                        True,
                        path,
                        f"required property added ({type_label})",
                    )
                else:
                    qual = "required" if new_required else "optional"
                    self.add(f"{prefix}-property-added", False, path, f"{qual} property added ({type_label})")
                continue
            old_required = name in of.required
            if new_required and not old_required:
                self.add(
                    f"{prefix}-property-made-required",
                    _breaking(side, True, False),
                    path,
                    "property is now required",
                )
            elif old_required and not new_required:
                self.add(
                    f"{prefix}-property-made-optional",
                    _breaking(side, False, True),
                    path,
                    "property is no longer required",
                )
            self.compare_schema(old_p, new_p, side, where, sub, stack)

    @staticmethod
    def _hidden(schema: Any, spec: _Spec, side: Side) -> bool:
        flat = spec.flatten(schema)
        return (side in ("request", "parameter") and flat.read_only) or (side == "response" and flat.write_only)

    # --------------------------------------------------------------- operations

    def compare(self) -> list[Change]:
        old_ops = _operations(self.old.doc)
        new_ops = _operations(self.new.doc)
        for key in sorted(set(old_ops) | set(new_ops)):
            if key not in new_ops:
                op_path = old_ops[key][0]
                self.add("operation-removed", True, op_path, "operation removed")
            elif key not in old_ops:
                op_path = new_ops[key][0]
                self.add("operation-added", False, op_path, "operation added")
            else:
                self._compare_operation(old_ops[key], new_ops[key])
        self._compare_components()
        self._compare_version()
        # Operations first, then components and info, each group by path.
        return sorted(self.changes, key=lambda c: (not c.breaking, not c.path[:1].isupper(), c.path, c.kind, c.message))

    def _compare_operation(self, old: _Op, new: _Op) -> None:
        op = new[0]
        o_op, n_op = old[1], new[1]
        for key in ("summary", "description"):
            before, after = str(o_op.get(key) or "").strip(), str(n_op.get(key) or "").strip()
            if before != after:
                self.add("description-changed", False, op, f"{key} changed: {_short(before)} → {_short(after)}")
        if n_op.get("deprecated") and not o_op.get("deprecated"):
            self.add("operation-deprecated", False, op, "operation deprecated")
        self._compare_parameters(op, old[2], new[2])
        self._compare_request_body(op, o_op.get("requestBody"), n_op.get("requestBody"))
        self._compare_responses(op, _as_map(o_op.get("responses")), _as_map(n_op.get("responses")))
        old_sec = _security(self.old.doc, o_op)
        new_sec = _security(self.new.doc, n_op)
        if old_sec != new_sec:
            self.add(
                "security-changed",
                True,
                op,
                f"security {_fmt_security(old_sec)} → {_fmt_security(new_sec)}",
            )

    def _compare_parameters(self, op: str, old: _Params, new: _Params) -> None:
        for loc, name in sorted(set(old) | set(new)):
            where = f"{op} {loc} parameter: {name}"
            o_raw, n_raw = old.get((loc, name)), new.get((loc, name))
            o_par = _as_map(self.old.resolve(o_raw)[0]) if o_raw is not None else None
            n_par = _as_map(self.new.resolve(n_raw)[0]) if n_raw is not None else None
            if n_par is None:
                self.add("parameter-removed", True, where, f"{loc} parameter removed")
                continue
            n_req = bool(n_par.get("required")) or loc == "path"
            if o_par is None:
                if n_req:
                    self.add("parameter-added-required", True, where, f"required {loc} parameter added")
                else:
                    self.add("parameter-added", False, where, f"optional {loc} parameter added")
                continue
            o_req = bool(o_par.get("required")) or loc == "path"
            if n_req and not o_req:
                self.add("parameter-made-required", True, where, "parameter is now required")
            elif o_req and not n_req:
                self.add("parameter-made-optional", False, where, "parameter is no longer required")
            o_doc, n_doc = str(o_par.get("description") or ""), str(n_par.get("description") or "")
            if o_doc.strip() != n_doc.strip():
                self.add("description-changed", False, where, f"description changed: {_short(o_doc)} → {_short(n_doc)}")
            self.compare_schema(_param_schema(o_par), _param_schema(n_par), "parameter", where)

    def _compare_request_body(self, op: str, old_raw: Any, new_raw: Any) -> None:
        old = _as_map(self.old.resolve(old_raw)[0]) if old_raw is not None else None
        new = _as_map(self.new.resolve(new_raw)[0]) if new_raw is not None else None
        where = f"{op} request body"
        if old is None and new is None:
            return
        if new is None:
            self.add("request-body-removed", True, where, "request body removed")
            return
        if old is None:
            if new.get("required"):
                self.add("request-body-added-required", True, where, "required request body added")
            else:
                self.add("request-body-added", False, where, "optional request body added")
            return
        if new.get("required") and not old.get("required"):
            self.add("request-body-made-required", True, where, "request body is now required")
        self._compare_content(where, _as_map(old.get("content")), _as_map(new.get("content")), "request", "request")

    def _compare_content(self, where: str, old: dict[str, Any], new: dict[str, Any], side: Side, rule: str) -> None:
        for media in sorted(set(old) - set(new)):
            self.add(f"{rule}-media-type-removed", True, where, f"media type {media} removed")
        for media in sorted(set(new) - set(old)):
            self.add(f"{rule}-media-type-added", False, where, f"media type {media} added")
        common = sorted(set(old) & set(new))
        for media in common:
            # Name the media type only when several are compared, to keep paths short.
            loc = where if len(common) == 1 else f"{where} ({media})"
            o_schema = _as_map(old[media]).get("schema")
            n_schema = _as_map(new[media]).get("schema")
            if o_schema is not None or n_schema is not None:
                self.compare_schema(o_schema or {}, n_schema or {}, side, loc)

    def _compare_responses(self, op: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        for status in sorted(set(old) - set(new)):
            success = status.startswith("2") or status == "default"
            self.add(
                "response-status-removed",
                success,
                f"{op} response {status}",
                f"{'success' if success else 'error'} response {status} removed",
            )
        for status in sorted(set(new) - set(old)):
            self.add("response-status-added", False, f"{op} response {status}", f"response {status} added")
        for status in sorted(set(old) & set(new)):
            o_resp = _as_map(self.old.resolve(old[status])[0])
            n_resp = _as_map(self.new.resolve(new[status])[0])
            self._compare_content(
                f"{op} response {status}",
                _as_map(o_resp.get("content")),
                _as_map(n_resp.get("content")),
                "response",
                "response",
            )

    # --------------------------------------------------------------- components

    def _compare_components(self) -> None:
        o_comp = _as_map(self.old.doc.get("components"))
        n_comp = _as_map(self.new.doc.get("components"))
        o_schemas, n_schemas = _as_map(o_comp.get("schemas")), _as_map(n_comp.get("schemas"))
        for name in sorted(set(o_schemas) - set(n_schemas)):
            self.add("schema-removed", True, f"#/components/schemas/{name}", "schema removed")
        for name in sorted(set(n_schemas) - set(o_schemas)):
            self.add("schema-added", False, f"#/components/schemas/{name}", "schema added")
        # Schemas reached from an operation were compared there, with their direction;
        # only the unused ones are compared here, to avoid reporting a change twice.
        used = _used_schemas(self.old) | _used_schemas(self.new)
        for name in sorted((set(o_schemas) & set(n_schemas)) - used):
            self.compare_schema(o_schemas[name], n_schemas[name], "schema", f"#/components/schemas/{name}")
        o_sec = _as_map(o_comp.get("securitySchemes"))
        n_sec = _as_map(n_comp.get("securitySchemes"))
        for name in sorted(set(o_sec) | set(n_sec)):
            path = f"#/components/securitySchemes/{name}"
            if name not in n_sec:
                self.add("security-scheme-removed", True, path, "security scheme removed")
            elif name not in o_sec:
                self.add("security-scheme-added", False, path, "security scheme added")
            elif _strip_docs(o_sec[name]) != _strip_docs(n_sec[name]):
                self.add(
                    "security-scheme-changed",
                    True,
                    path,
                    f"{_fmt_scheme(o_sec[name])} → {_fmt_scheme(n_sec[name])}",
                )

    def _compare_version(self) -> None:
        o_ver = _version(self.old.doc)
        n_ver = _version(self.new.doc)
        if o_ver is None or o_ver != n_ver:
            return
        if _without_version(self.old.doc) != _without_version(self.new.doc):
            self.add(
                "version-not-bumped",
                True,
                "info.version",
                f"the spec changed but info.version is still {o_ver}",
            )


def _operations(doc: Mapping[str, Any]) -> dict[tuple[str, str], _Op]:
    """Index operations by method and path template with parameter names blanked."""
    spec = _Spec(doc)
    ops: dict[tuple[str, str], _Op] = {}
    for path, item_raw in _as_map(doc.get("paths")).items():
        item = _as_map(spec.resolve(item_raw)[0])
        shared = _param_index(spec, item.get("parameters"))
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, Mapping):
                continue
            params = dict(shared)
            params.update(_param_index(spec, op.get("parameters")))
            # Renaming {id} to {orderId} is the same URL for a caller, so key on the shape.
            key = (method.upper(), re.sub(r"\{[^}]*\}", "{}", path))
            ops[key] = (f"{method.upper()} {path}", _as_map(op), params)
    return ops


def _param_index(spec: _Spec, raw: Any) -> dict[tuple[str, str], Any]:
    index: dict[tuple[str, str], Any] = {}
    for entry in raw if isinstance(raw, list) else []:
        par = _as_map(spec.resolve(entry)[0])
        if "name" in par:
            index[(str(par.get("in", "query")), str(par["name"]))] = entry
    return index


def _param_schema(par: Mapping[str, Any]) -> Any:
    if "schema" in par:
        return par["schema"]
    for media in _as_map(par.get("content")).values():
        return _as_map(media).get("schema", {})
    return {}


def _security(doc: Mapping[str, Any], op: Mapping[str, Any]) -> _Security:
    """Effective security of an operation as a set of alternatives."""
    raw = op["security"] if "security" in op else doc.get("security", [])
    alternatives = set()
    for req in raw if isinstance(raw, list) else []:
        alternatives.add(frozenset((str(k), tuple(sorted(str(s) for s in (v or [])))) for k, v in _as_map(req).items()))
    return frozenset(alternatives)


def _fmt_security(sec: _Security) -> str:
    if not sec:
        return "none"
    alts = sorted(
        " + ".join(f"{name}{'[' + ','.join(scopes) + ']' if scopes else ''}" for name, scopes in sorted(alt))
        or "anonymous"
        for alt in sec
    )
    return " or ".join(alts)


def _strip_docs(value: Any) -> Any:
    """Drop descriptions so a reworded scheme is not a change."""
    if isinstance(value, Mapping):
        return {k: _strip_docs(v) for k, v in value.items() if k not in ("description", "summary")}
    return value


def _fmt_scheme(value: Any) -> str:
    scheme = _as_map(value)
    parts = [str(scheme.get(k)) for k in ("type", "scheme", "in", "name") if scheme.get(k)]
    return "/".join(parts) or "?"


def _used_schemas(spec: _Spec) -> set[str]:
    """Names of component schemas reachable from some operation."""
    found: set[str] = set()
    todo: list[Any] = [_as_map(spec.doc.get("paths"))]
    seen: set[str] = set()
    while todo:
        node = todo.pop()
        if isinstance(node, Mapping):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref not in seen:
                seen.add(ref)
                if ref.startswith("#/components/schemas/"):
                    found.add(ref.rsplit("/", 1)[1].replace("~1", "/").replace("~0", "~"))
                todo.append(spec.resolve({"$ref": ref})[0])
            todo.extend(node.values())
        elif isinstance(node, list):
            todo.extend(node)
    return found


def _version(doc: Mapping[str, Any]) -> str | None:
    ver = _as_map(doc.get("info")).get("version")
    return None if ver is None else str(ver)


def _without_version(doc: Mapping[str, Any]) -> dict[str, Any]:
    copy = dict(doc)
    info = dict(_as_map(copy.get("info")))
    info.pop("version", None)
    copy["info"] = info
    return copy


def _join(side: Side, where: str, trail: tuple[str, ...]) -> str:
    """Format a location: `OP request body: a[].b`, or a JSON pointer for components."""
    if not trail:
        return where
    if side == "schema":
        parts = ["items" if t == "[]" else f"properties/{t}" for t in trail]
        return where + "/" + "/".join(parts)
    text = ""
    for t in trail:
        text += "[]" if t == "[]" else (f".{t}" if text else t)
    return f"{where}: {text}"


def diff_specs(base: Mapping[str, Any], head: Mapping[str, Any]) -> list[Change]:
    """Compare two OpenAPI documents; breaking changes come first, then by path."""
    return _Differ(base or {}, head or {}).compare()


# --------------------------------------------------------------------------- client view


def _git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[bytes]:
    proc = subprocess.run(["git", *args], cwd=repo, capture_output=True, check=False)
    if check and proc.returncode != 0:
        raise DiffError(f"git {' '.join(args)} failed: {proc.stderr.decode(errors='replace').strip()}")
    return proc


def _describe(value: Any, attr: str | None = None) -> str:
    if value is None:
        return ""
    if attr is not None:
        value = getattr(value, attr, value)
    return str(getattr(value, "value", value))


def _client_change(breakage: Any) -> ClientChange | None:
    """Turn a griffe Breakage into a ClientChange (None for value-only changes)."""
    kind = breakage.kind
    name = str(kind.name)
    if name == "ATTRIBUTE_CHANGED_VALUE":
        return None  # a constant's new value (e.g. __version__) is not an API break
    path = str(breakage.obj.path)
    old, new = breakage.old_value, breakage.new_value
    if name.startswith("PARAMETER_"):
        param = new if name == "PARAMETER_ADDED_REQUIRED" else old
        path = f"{path}({getattr(param, 'name', '?')})"
        if name == "PARAMETER_CHANGED_DEFAULT":
            return ClientChange(str(kind.value), path, _describe(old, "default"), _describe(new, "default"))
        if name == "PARAMETER_CHANGED_KIND":
            return ClientChange(str(kind.value), path, _describe(old, "kind"), _describe(new, "kind"))
        return ClientChange(str(kind.value), path, "", "")
    if name == "OBJECT_REMOVED":
        return ClientChange(str(kind.value), path, "", "")
    if name == "OBJECT_CHANGED_KIND":
        return ClientChange(str(kind.value), path, _describe(old), _describe(new))
    return ClientChange(str(kind.value), path, _describe(old), _describe(new))


def _load_package(root: Path, package: str) -> Any:
    import griffe  # deferred: the spec diff must work without griffe

    search = [str(root / d) for d in CLIENT_DIRS if (root / d).is_dir()]
    # Static analysis only: importing a half-written package must not run its code.
    return griffe.load(
        package,
        search_paths=search,
        allow_inspection=False,
        resolve_aliases=True,
        resolve_external=False,
    )


def client_surface_diff(
    repo: Path, base_ref: str, package: str = CLIENT_PACKAGE
) -> tuple[list[ClientChange], list[str]]:
    """Compare the public API of `package` at `base_ref` with the working tree.

    Returns the breakages and notes (why the comparison was skipped, if it was).
    """
    notes: list[str] = []
    if not (repo / CLIENT_DIRS[0] / package).is_dir():
        return [], [f"the working tree has no {CLIENT_DIRS[0]}/{package}: client comparison skipped"]
    listed = _git(repo, "ls-tree", "--name-only", base_ref, "--", f"{CLIENT_DIRS[0]}/{package}").stdout
    if not listed.strip():
        return [], [f"`{base_ref}` has no {CLIENT_DIRS[0]}/{package}: client comparison skipped"]
    try:
        import griffe
    except ImportError:
        return [], ["griffe is not installed: client comparison skipped"]
    present = [d for d in CLIENT_DIRS if _git(repo, "ls-tree", "--name-only", base_ref, "--", d).stdout.strip()]
    griffe_log = logging.getLogger("griffe")
    level = griffe_log.level
    griffe_log.setLevel(logging.CRITICAL)  # griffe warns about every unresolved annotation
    try:
        with tempfile.TemporaryDirectory(prefix="api-diff-") as tmp:
            archive = _git(repo, "archive", "--format=tar", base_ref, "--", *present).stdout
            with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
                tar.extractall(tmp, filter="data")
            try:
                old = _load_package(Path(tmp), package)
            except Exception as exc:
                return [], [f"could not load {package} at `{base_ref}` ({exc}): client comparison skipped"]
            try:
                new = _load_package(repo, package)
            except Exception as exc:
                return [], [f"could not load {package} from the working tree ({exc}): client comparison skipped"]
            try:
                found = [_client_change(b) for b in griffe.find_breaking_changes(old, new)]
            except Exception as exc:  # alias resolution errors in a package being written
                return [], [f"griffe could not compare {package} ({exc}): client comparison skipped"]
    finally:
        griffe_log.setLevel(level)
    changes = sorted({c for c in found if c is not None}, key=lambda c: (c.path, c.kind))
    return changes, notes


# --------------------------------------------------------------------------- rendering


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
) -> str:
    """Render the report; exactly "no changes" when there is nothing to say."""
    surface_changes = surface_changes or []
    failures = failures or []
    if not changes and not client_changes and not surface_changes and not failures:
        return "no changes\n"
    ack = acknowledged if acknowledged is not None else frozenset()

    def mark(path: str) -> str:
        return " (acknowledged)" if path in ack else ""

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
        lines += [f"- **{c.kind}** `{_md(c.path)}`: {c.message}{mark(c.path)}" for c in group] or ["None."]
        lines.append("")
    if meaning:
        lines += ["## Changes of documented meaning (same structure: check them)", ""]
        lines += [f"- **{c.kind}** `{_md(c.path)}`: {c.message}" for c in meaning] + [""]
    lines += ["## Python client surface", ""]
    lines += [
        f"- **{c.kind}** `{_md(c.path)}`" + (f": {c.old} → {c.new}" if c.old or c.new else "") + mark(c.path)
        for c in client_changes
    ]
    if not client_changes:
        lines.append("No breaking change in the public `korusticket` API.")
    lines.append("")
    return "\n".join(lines)


def _old_new(old: str, new: str) -> str:
    if old and new and old not in ("method", "field", "model", "class", "resource", "enum", "member"):
        return f": {_md(old)} → {_md(new)}"
    return ""


# --------------------------------------------------------------------------- releases and acknowledgements


def _version_key(version: str) -> tuple[int, tuple[int, ...], str]:
    """1.0.7 < 1.0.10 < 1.0.38 < release (a label sorts after every number)."""
    if re.fullmatch(r"\d+(\.\d+)*", version):
        return (0, tuple(int(n) for n in version.split(".")), "")
    return (1, (), version)


def release_files(repo: Path) -> list[Path]:
    """Archived release specs (spec/releases/<version>.yaml), oldest first."""
    return sorted((repo / RELEASES).glob("*.yaml"), key=lambda p: _version_key(p.stem))


def last_release(repo: Path, head_version: str | None) -> Path | None:
    """The release the head is compared with: the one before the head's version when the head
    is archived already (so a release landed in several commits keeps its whole diff), else the
    newest; a first release is compared with itself."""
    files = release_files(repo)
    versions = [p.stem for p in files]
    if head_version in versions:
        index = versions.index(head_version)
        return files[index - 1] if index > 0 else files[index]
    return files[-1] if files else None


def surface_file(release: Path) -> Path:
    return release.with_name(f"{release.stem}.surface.json")


def acknowledgements(changelog: Path, version: str | None) -> tuple[frozenset[str], list[str]]:
    """Ids in backticks in the changelog entry of `version` (a `## ... API <version>` heading),
    and the failures of that entry (a draft not reviewed yet)."""
    if version is None or not changelog.is_file():
        return frozenset(), []
    text = changelog.read_text(encoding="utf-8")
    heading = re.compile(r"^## .*\bAPI " + re.escape(version) + r"(?![\w.])", re.M)
    match = heading.search(text)
    if match is None:
        return frozenset(), []
    end = re.search(r"^## ", text[match.end() :], re.M)
    section = text[match.start() : match.end() + (end.start() if end else len(text))]
    failures = []
    if DRAFT_MARK in section:
        failures.append(
            f"the {changelog.name} entry of API {version} is a draft: review it (what callers gain, what breaks), "
            f"then delete its `{DRAFT_MARK} ...` line"
        )
    return frozenset(re.findall(r"`([^`]+)`", section)), failures


def operation_checks(repo: Path, head_doc: Mapping[str, Any], head_surface: surface_mod.Surface) -> list[str]:
    """Every spec operation has a generated module and a method on both clients."""
    import optable

    try:
        table, lines = optable.load()
        ops = optable.resolve(optable.spec_operations(head_doc), table, lines, report=lambda _: None)
    except optable.TableError as exc:
        return [f"operations table: {exc}"]
    failures = []
    api = repo / "generated" / "korusticket_api" / "api"
    for op in ops:
        if not list(api.glob(f"*/{op.module}.py")):
            failures.append(f"`{op.key}` has no generated module {op.module} (run make generate)")
        failures += [
            f"`{op.key}` has no method korusticket.{client}.{op.resource}.{op.method}"
            for client in ("KorusTicket", "AsyncKorusTicket")
            if f"korusticket.{client}.{op.resource}.{op.method}" not in head_surface
        ]
    return failures


def _tree_surface(repo: Path, ref: str) -> surface_mod.Surface:
    """The surface of the package at a git ref (its overrides/ and generated/)."""
    with tempfile.TemporaryDirectory(prefix="api-diff-surface-") as tmp:
        present = [d for d in CLIENT_DIRS if _git(repo, "ls-tree", "--name-only", ref, "--", d).stdout.strip()]
        archive = _git(repo, "archive", "--format=tar", ref, "--", *present).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(tmp, filter="data")
        return surface_mod.snapshot(Path(tmp) / "overrides", Path(tmp) / "generated")


# --------------------------------------------------------------------------- CLI


def _load_yaml(text: str, origin: str) -> dict[str, Any]:
    try:
        doc = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DiffError(f"{origin}: not valid YAML: {exc}") from exc
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise DiffError(f"{origin}: not an OpenAPI document (top level is not a mapping)")
    return doc


def _repo_root(start: Path) -> Path | None:
    proc = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=start, capture_output=True, check=False)
    return Path(proc.stdout.decode().strip()) if proc.returncode == 0 else None


def build_report(base: str, head: Path, *, client: bool = True, ack: Path | None = None) -> Report:
    """Load both specs (the base from a file, a git ref or the last release) and compare them."""
    notes: list[str] = []
    head = head.resolve() if head.exists() else head.absolute()
    if head.is_file():
        head_doc = _load_yaml(head.read_text(encoding="utf-8"), str(head))
    else:
        head_doc = {}
        notes.append(f"{head} does not exist: compared as an empty spec")
    repo = _repo_root(head.parent if head.parent.is_dir() else Path.cwd())
    ref: str | None = None
    base_surface_file: Path | None = None
    if base == LAST_RELEASE:
        if repo is None:
            raise DiffError(f"{LAST_RELEASE}: {head} is not inside a git repository")
        release = last_release(repo, _version(head_doc))
        if release is None:
            base_doc = {}
            notes.append(f"no release archived in {RELEASES}/: the base is empty, everything is new")
        else:
            base_doc = _load_yaml(release.read_text(encoding="utf-8"), str(release))
            base_surface_file = surface_file(release)
            notes.append(f"compared with the release archived in {release.relative_to(repo).as_posix()}")
    elif Path(base).is_file():
        base_doc = _load_yaml(Path(base).read_text(encoding="utf-8"), base)
        base_surface_file = surface_file(Path(base))
    else:
        if repo is None:
            raise DiffError(f"{base} is not a file, and {head} is not inside a git repository")
        if _git(repo, "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}", check=False).returncode:
            raise DiffError(f"{base} is neither a spec file nor a git revision")
        ref = base
        rel = head.relative_to(repo).as_posix() if head.is_relative_to(repo) else DEFAULT_SPEC
        shown = _git(repo, "show", f"{ref}:{rel}", check=False)
        if shown.returncode:
            base_doc = {}
            notes.append(f"`{ref}` has no {rel}: the base is empty, everything is new")
        else:
            base_doc = _load_yaml(shown.stdout.decode("utf-8"), f"{ref}:{rel}")
    changes = diff_specs(base_doc, head_doc)
    client_changes: list[ClientChange] = []
    surface_changes: list[surface_mod.SurfaceChange] = []
    failures: list[str] = []
    if client and ref is not None and repo is not None:
        client_changes, client_notes = client_surface_diff(repo, ref)
        notes += client_notes
    has_package = repo is not None and (repo / "overrides" / CLIENT_PACKAGE).is_dir() and (repo / "generated").is_dir()
    if client and has_package and repo is not None:
        try:
            head_surface = surface_mod.snapshot(repo / "overrides", repo / "generated")
        except surface_mod.SurfaceError as exc:
            failures.append(f"import smoke check: {exc}")
            head_surface = None
        if head_surface is not None:
            if head.is_relative_to(repo) and head.relative_to(repo).as_posix() == DEFAULT_SPEC:
                failures += operation_checks(repo, head_doc, head_surface)
            base_surface = None
            if base_surface_file is not None and base_surface_file.is_file():
                base_surface = json.loads(base_surface_file.read_text(encoding="utf-8"))
            elif ref is not None:
                try:
                    base_surface = _tree_surface(repo, ref)
                except (surface_mod.SurfaceError, DiffError) as exc:
                    notes.append(f"the Python surface at `{ref}` could not be read ({exc}): not compared")
            else:
                notes.append("the base has no recorded Python surface: only the spec is compared")
            if base_surface is not None:
                surface_changes = surface_mod.diff_surfaces(base_surface, head_surface)
    elif client and ref is None:
        notes.append("the base is a spec file: client comparison skipped")
    report = Report(changes, client_changes, _version(base_doc), _version(head_doc), notes, surface_changes, failures)
    if ack is not None:
        ids, ack_failures = acknowledgements(ack, report.head_version)
        report.acknowledged = ids
        report.failures += ack_failures
    return report


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--base", help=f"git ref, path to a base spec file, or {LAST_RELEASE} (spec/releases/)")
    parser.add_argument("--head", default=DEFAULT_SPEC, help=f"head spec file (default {DEFAULT_SPEC})")
    parser.add_argument(
        "--allow-breaking",
        action="store_true",
        default=os.environ.get("API_DIFF_ALLOW_BREAKING", "") not in ("", "0", "false", "no"),
        help="exit 0 even with breaking changes (also API_DIFF_ALLOW_BREAKING=1)",
    )
    parser.add_argument("--no-client", action="store_true", help="skip the Python client surface check")
    parser.add_argument(
        "--ack", type=Path, help="changelog whose entry for the head's API version acknowledges breaking changes"
    )
    parser.add_argument("--output", type=Path, help="also write the report to this file")
    parser.add_argument("--list-rules", action="store_true", help="print the rule ids and exit")
    args = parser.parse_args(argv)
    if args.list_rules:
        print("\n".join(_iter_rules()))
        return 0
    if not args.base:
        parser.error("--base is required")
    try:
        report = build_report(args.base, Path(args.head), client=not args.no_client, ack=args.ack)
    except DiffError as exc:
        print(f"api-diff: {exc}", file=sys.stderr)
        return 2
    text = render_markdown(
        report.changes,
        report.client_changes,
        base_version=report.base_version,
        head_version=report.head_version,
        notes=report.notes,
        surface_changes=report.surface_changes,
        failures=report.failures,
        acknowledged=report.acknowledged,
    )
    if text == "no changes\n":
        # Keep the "no changes" output clean; notes still reach whoever reads stderr.
        for note in report.notes:
            print(f"api-diff: {note}", file=sys.stderr)
    sys.stdout.write(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    if report.failures:
        print("api-diff: " + "; ".join(report.failures), file=sys.stderr)
        return 1
    if report.breaking and not args.allow_breaking:
        if args.ack is not None:
            print(
                f"api-diff: {len(report.unacknowledged)} breaking change(s) not acknowledged in {args.ack}: list each "
                f"in the entry of API {report.head_version} (`make release` drafts it): "
                + ", ".join(report.unacknowledged[:8])
                + ("..." if len(report.unacknowledged) > 8 else ""),
                file=sys.stderr,
            )
        else:
            print("api-diff: breaking changes found (use --allow-breaking to accept them)", file=sys.stderr)
        return 1
    return 0


def _iter_rules() -> Iterator[str]:
    """Yield one "rule: breaking - why" line per rule (for --help readers and tests)."""
    for kind, (brk, why) in RULES.items():
        yield f"{kind}: {'varies' if brk is None else 'breaking' if brk else 'non-breaking'} - {why}"


if __name__ == "__main__":
    with contextlib.suppress(BrokenPipeError):
        sys.exit(main())
