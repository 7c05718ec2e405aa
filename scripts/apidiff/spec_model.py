"""The spec as api_diff reads it: $ref resolution and schemas folded into what a caller sees."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .model import MAX_DEPTH, Side


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
