"""The spec changelog: diff_specs walks two OpenAPI documents and classifies each change by RULES."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .model import HTTP_METHODS, MAX_DEPTH, Change, Side
from .spec_model import _as_map, _breaking, _Flat, _fmt_values, _short, _sort_key, _Spec, _type_label, _widens

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
    """Drop descriptions and `x-` extensions, so a reworded or annotated scheme is not a change."""
    if isinstance(value, Mapping):
        return {
            k: _strip_docs(v)
            for k, v in value.items()
            if k not in ("description", "summary") and not str(k).startswith("x-")
        }
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
