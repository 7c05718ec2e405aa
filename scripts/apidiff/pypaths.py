"""Where callers see a spec change: the public Python path of each spec-level change.

A spec change is found at a spec path (`GET /v1/booking/orders response 200: member[].customer`);
callers write `korusticket.types.OrderCustomer` or `korusticket.KorusTicket.orders.list(...)`.
The operations table names methods and arguments, the preprocessed spec names models (the
generator's class names), and the recorded surfaces say which of those paths exist.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import surface as surface_mod

from .model import Change

_REF = "#/components/schemas/"
_OP = re.compile(r"^([A-Z]+ /\S*)(?: (.*))?$")


class _Side:
    """One spec (base or head) seen as the client sees it: methods, arguments and models."""

    def __init__(self, doc: Mapping[str, Any], surface: surface_mod.Surface | None) -> None:
        import optable
        import preprocess

        self.surface = surface or {}
        self.ops: dict[str, Any] = {}
        self.doc: dict[str, Any] = {}
        if not doc.get("paths"):
            return
        table, lines = optable.load()
        try:
            ops = optable.resolve(optable.spec_operations(doc), table, lines, report=lambda _: None)
        except optable.TableError:
            return
        self.ops = {op.key: op for op in ops}
        self.doc = preprocess.preprocess(dict(doc), {op.key: op.module for op in ops}, report=lambda _: None)

    def method(self, key: str) -> str | None:
        op = self.ops.get(key)
        return None if op is None else f"korusticket.KorusTicket.{op.resource}.{op.method}"

    def argument(self, key: str, location: str, wire: str) -> str | None:
        import optable

        op = self.ops.get(key)
        if op is None:
            return None
        entry = op.params.get(wire)
        name = entry.name if entry else (optable.argument_name(wire) if location == "path" else optable.snake(wire))
        method = self.method(key) or ""
        return f"{method}({name})" if name in self.surface.get(method, {}).get("params", {}) else None

    def body_argument(self, key: str, trail: str) -> str | None:
        """`customer.phone` of a hooked method that takes `customer`; `body.x` of a plain one."""
        import optable

        method = self.method(key)
        params = self.surface.get(method or "", {}).get("params", {})
        first = re.split(r"[.\[]", trail, maxsplit=1)[0]
        if optable.snake(first) in params:
            return f"{method}({optable.snake(first)}{trail[len(first) :]})"
        if "body" in params:
            return f"{method}(body.{trail})"
        return None

    def model_field(self, key: str, status: str, trail: str) -> str | None:
        """The model field a response property is read from: `korusticket.types.Model.field`."""
        import optable

        op = self.ops.get(key)
        if op is None:
            return None
        raw = self.doc.get("paths", {}).get(op.path, {}).get(op.http_method, {})
        content: dict[str, Any] = (raw.get("responses", {}).get(status) or {}).get("content") or {}
        media: dict[str, Any] = next(iter(content.values())) if content else {}
        node: Any = media.get("schema")
        segments = [s for s in re.split(r"\.|(\[\])", trail) if s]
        owner, prop = None, None
        for segment in segments:
            if node is None:
                return None
            if segment == "[]":
                node = self._flatten(node)[0].get("items")
                continue
            props, name = self._props(node)
            if segment not in props:
                return None
            owner, prop, node = name, segment, props[segment]
        if owner is None or prop is None:
            return None
        path = f"korusticket.types.{owner}.{optable.snake(prop)}"
        return path if path in self.surface else None

    def model(self, schema: str) -> str | None:
        import preprocess

        names = {preprocess.short_schema_name(schema)}
        return next((f"korusticket.types.{n}" for n in names if f"korusticket.types.{n}" in self.surface), None)

    def _flatten(self, node: Any, depth: int = 0) -> tuple[dict[str, Any], str | None]:
        """(schema with allOf merged and refs resolved, name of the first component met)."""
        name = None
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and depth < 20:
            ref = node["$ref"]
            name = name or (ref[len(_REF) :] if ref.startswith(_REF) else None)
            node = self.doc.get("components", {}).get("schemas", {}).get(ref[len(_REF) :], {})
            depth += 1
        if not isinstance(node, Mapping):
            return {}, name
        merged: dict[str, Any] = dict(node)
        for key in ("allOf", "anyOf", "oneOf"):
            for part in node.get(key, []) or []:
                sub, sub_name = self._flatten(part, depth + 1)
                if key != "allOf" and sub.get("type") == "null":
                    continue
                merged["properties"] = {**merged.get("properties", {}), **sub.get("properties", {})}
                merged.setdefault("items", sub.get("items"))
                name = name or (sub_name if key != "allOf" else None)
        return merged, name

    def _props(self, node: Any) -> tuple[dict[str, Any], str | None]:
        flat, name = self._flatten(node)
        return flat.get("properties") or {}, name


def python_paths(
    changes: list[Change],
    base_doc: Mapping[str, Any],
    head_doc: Mapping[str, Any],
    base_surface: surface_mod.Surface | None,
    head_surface: surface_mod.Surface | None,
) -> dict[str, str]:
    """Spec path -> the public Python path where callers meet it (only where one is found)."""
    sides = (_Side(head_doc, head_surface), _Side(base_doc, base_surface))
    found: dict[str, str] = {}
    for change in changes:
        for side in sides:
            where = _locate(side, change.path)
            if where:
                found[change.path] = where
                break
    return found


def _locate(side: _Side, path: str) -> str | None:
    if path.startswith(_REF):
        return side.model(path[len(_REF) :].split("/")[0])
    match = _OP.match(path)
    if not match:
        return None
    key, rest = match.group(1), match.group(2) or ""
    if not rest:
        return side.method(key)
    param = re.fullmatch(r"(path|query|header) parameter: (.+)", rest)
    if param:
        return side.argument(key, param.group(1), param.group(2))
    body = re.fullmatch(r"request body(?: \([^)]*\))?: (.+)", rest)
    if body:
        return side.body_argument(key, body.group(1))
    response = re.fullmatch(r"response (\w+)(?: \([^)]*\))?: (.+)", rest)
    if response:
        return side.model_field(key, response.group(1), response.group(2))
    return side.method(key)
