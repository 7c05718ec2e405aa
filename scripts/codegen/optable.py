"""The operations table: how each `METHOD path` of the spec appears on the Python client.

``operations.yaml`` gives, per operation, its resource (``kt.<resource>``), its method name,
Python names for arguments and query parameters, and, only where behaviour is special, the
hand-written hook that implements it. An operation the table does not list still gets a
client method, under a name derived from its path that is unique by construction; an entry
for an operation the spec no longer has is reported and otherwise ignored, so a new spec
release always generates. Two operations claiming one (resource, method) stop generation with
the table lines to change.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
TABLE = HERE / "operations.yaml"

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Leading path segments that name the API version or its area, not a resource.
NAMESPACE_SEGMENTS = frozenset({"v1", "v2", "ticketing", "booking", "api"})
# Verbs for an operation on a collection (no trailing parameter) and on an item.
COLLECTION_VERBS = {
    "get": "list",
    "post": "create",
    "delete": "delete_all",
    "put": "replace_all",
    "patch": "update_all",
}
ITEM_VERBS = {"get": "get", "patch": "update", "put": "replace", "delete": "delete", "post": "create_in"}
IDENTIFIER = re.compile(r"^[a-z_][a-z0-9_]*$")
PYTHON_RESERVED = frozenset(keyword.kwlist)  # a resource or method may not be a keyword


class TableError(Exception):
    """The table cannot be used as is; the message names the lines to change."""


@dataclass(frozen=True)
class Param:
    """How one path or query parameter appears in Python."""

    wire: str
    name: str
    kind: str | None = None  # None: derived from the parameter's schema


@dataclass(frozen=True)
class Operation:
    key: str  # "GET /v1/booking/orders"
    http_method: str
    path: str
    resource: str
    method: str
    hook: str | None = None
    params: Mapping[str, Param] = field(default_factory=dict)
    derived: bool = False  # no table entry: names come from the path
    line: int | None = None  # line of the entry in the table, for error messages

    @property
    def module(self) -> str:
        """Name of the generated operation module (and operationId): unique as (resource, method) is."""
        return f"{self.resource}_{self.method}"


# --- names derived from a path ---------------------------------------------------------------


def snake(name: str) -> str:
    """`productBaseId` -> `product_base_id`; `order[createdAt]` -> `order_created_at`."""
    name = name.replace("[]", "")
    name = re.sub(r"[\[\].\-\s]+", "_", name)
    name = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name)
    return re.sub(r"_+", "_", name).strip("_").lower()


def singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def argument_name(wire: str) -> str:
    """Python argument for a path parameter: `catalogId` -> `catalog`, `id` -> `id`."""
    name = snake(wire)
    return name[:-3] if name.endswith("_id") and name != "id" else name


def _segments(path: str) -> list[str]:
    return [s for s in path.strip("/").split("/") if s]


def derive(http_method: str, path: str) -> tuple[str, str]:
    """(resource, method) from the path alone.

    The resource is the last collection, prefixed by its parent collections (singular) except
    the outermost one, which scopes everything below it (a catalog, an order):
    `/v1/ticketing/catalogs/{c}/product_bases/{p}/options` -> `product_base_options`.
    The method is the verb: `list`/`create` on a collection, `get`/`update`/... on an item (a
    path ending in a parameter); a static segment after an item is an action of that item
    (`/offers/{id}/price` -> `offers.price`), and `_bulk`-style segments name their variant.
    """
    segments = [s for s in _segments(path) if s.lower() not in NAMESPACE_SEGMENTS]
    collections: list[str] = []
    action: str | None = None
    item = False
    for i, segment in enumerate(segments):
        if segment.startswith("{"):
            item = True
            continue
        word = snake(segment)
        after_param = i > 0 and segments[i - 1].startswith("{")
        last = i == len(segments) - 1
        if segment.startswith("_"):
            action = word
            item = False
        elif last and after_param and (i + 1 == len(segments)) and not _looks_plural(segment):
            action = word  # /offers/{id}/availability: a view of the offer, not a collection
        else:
            collections.append(word)
            item = False
    if not collections:
        collections = [snake(segments[-1]) if segments else "root"]
    parents = [singular(c) for c in collections[1:-1]] if len(collections) > 2 else []
    resource = "_".join([*parents, collections[-1]]) if len(collections) > 1 else collections[-1]
    verb = http_method.lower()
    if action is not None:
        base = COLLECTION_VERBS.get(verb, verb) if verb != "get" else ""
        method = action if not base else f"{base}_{action}"
        method = method.lstrip("_") or verb
    else:
        method = (ITEM_VERBS if item else COLLECTION_VERBS).get(verb, verb)
    return resource, method


def _looks_plural(segment: str) -> bool:
    return segment.endswith("s") and not segment.endswith("ss")


# --- the table -------------------------------------------------------------------------------


def _line_numbers(text: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), 1):
        match = re.match(r"^([A-Z]+ /\S*):", line)
        if match:
            lines[match.group(1)] = number
    return lines


def load(path: Path = TABLE) -> tuple[dict[str, dict[str, Any]], dict[str, int]]:
    text = path.read_text(encoding="utf-8")
    raw = yaml.safe_load(text) or {}
    if not isinstance(raw, dict):
        raise TableError(f"{path.name}: expected a mapping of 'METHOD path' entries")
    return {str(k): v or {} for k, v in raw.items()}, _line_numbers(text)


def _params(entry: Mapping[str, Any], key: str, where: str) -> dict[str, Param]:
    out: dict[str, Param] = {}
    for wire, spec in (entry.get("params") or {}).items():
        if isinstance(spec, str):
            out[str(wire)] = Param(str(wire), spec)
        elif isinstance(spec, Mapping) and isinstance(spec.get("name"), str):
            out[str(wire)] = Param(str(wire), spec["name"], spec.get("kind"))
        else:
            raise TableError(f"{where}: {key}: params.{wire} must be a name or {{name, kind}}")
    return out


def resolve(
    spec_operations: Iterable[tuple[str, str]],
    table: Mapping[str, Mapping[str, Any]],
    lines: Mapping[str, int] | None = None,
    *,
    report: Callable[[str], None] = print,
    table_name: str = TABLE.name,
) -> list[Operation]:
    """Every spec operation with its Python names; raises TableError on a name collision."""
    lines = lines or {}
    ops: list[Operation] = []
    seen_keys: set[str] = set()
    for http_method, path in spec_operations:
        key = f"{http_method.upper()} {path}"
        seen_keys.add(key)
        entry = table.get(key)
        where = f"{table_name}:{lines[key]}" if key in lines else table_name
        resource, method = derive(http_method, path)
        if entry is None:
            ops.append(Operation(key, http_method.lower(), path, resource, method, derived=True))
            continue
        resource = str(entry.get("resource", resource))
        method = str(entry.get("method", method))
        for label, value in (("resource", resource), ("method", method)):
            if not IDENTIFIER.match(value) or value in PYTHON_RESERVED:
                raise TableError(f"{where}: {key}: {label} {value!r} is not a valid Python name")
        hook = entry.get("hook")
        ops.append(
            Operation(
                key,
                http_method.lower(),
                path,
                resource,
                method,
                hook=str(hook) if hook else None,
                params=_params(entry, key, where),
                line=lines.get(key),
            )
        )
    for key in table:
        if key not in seen_keys:
            line = f":{lines[key]}" if key in lines else ""
            report(f"note: {table_name}{line}: {key} is not in the spec any more; remove the entry")
    _check_unique(ops, table_name)
    for op in ops:
        if op.derived:
            report(
                f"note: {op.key} has no entry in {table_name}; it is generated as "
                f"kt.{op.resource}.{op.method}() (add an entry to choose its names)"
            )
    return ops


def _check_unique(ops: list[Operation], table_name: str) -> None:
    """Table entries win; a derived name that a table entry (or another path) took is qualified
    with its parents until it is unique, so only table entries can collide."""
    by_name: dict[tuple[str, str], list[Operation]] = {}
    for op in ops:
        by_name.setdefault((op.resource, op.method), []).append(op)
    problems = []
    for (resource, method), group in by_name.items():
        listed = [op for op in group if not op.derived]
        if len(listed) > 1:
            where = ", ".join(f"{table_name}:{op.line} ({op.key})" if op.line else op.key for op in listed)
            problems.append(f"kt.{resource}.{method} is claimed by {len(listed)} entries: {where}")
    if problems:
        raise TableError(
            "operation names collide; give each entry its own resource/method:\n  " + "\n  ".join(problems)
        )
    taken = {(op.resource, op.method) for op in ops if not op.derived}
    for i, op in enumerate(ops):
        if not op.derived:
            continue
        resource = op.resource
        qualifiers = _qualifiers(op.path)
        while (resource, op.method) in taken and qualifiers:
            resource = f"{qualifiers.pop()}_{resource}"
        if (resource, op.method) in taken:
            resource = f"{resource}_{op.http_method}"
        taken.add((resource, op.method))
        ops[i] = Operation(op.key, op.http_method, op.path, resource, op.method, derived=True)


def _qualifiers(path: str) -> list[str]:
    """Words that can lengthen a derived resource name: the collections and namespace segments
    above the resource, popped nearest first (`products` -> `catalog_products` -> ...)."""
    words = [singular(snake(s)) for s in _segments(path) if not s.startswith(("{", "_"))]
    return [w for w in words[:-1] if w]


def spec_operations(doc: Mapping[str, Any]) -> list[tuple[str, str]]:
    return [
        (method, path)
        for path, item in (doc.get("paths") or {}).items()
        for method in HTTP_METHODS
        if isinstance(item, Mapping) and method in item
    ]


def stale_params(doc: Mapping[str, Any], ops: Iterable[Operation], table_name: str = TABLE.name) -> list[str]:
    """Configured parameter keys the operation no longer has, with the line to edit and the
    parameters that took their place under derived names (a renamed wire name)."""
    problems = []
    for op in ops:
        if not op.params:
            continue
        raw = ((doc.get("paths") or {}).get(op.path) or {}).get(op.http_method) or {}
        shared = ((doc.get("paths") or {}).get(op.path) or {}).get("parameters") or []
        params = [p for p in [*shared, *(raw.get("parameters") or [])] if isinstance(p, Mapping)]
        wires = [str(p.get("name")) for p in params]
        unconfigured = [
            str(p.get("name"))
            for p in params
            if p.get("in") == "query"
            and p.get("name") not in op.params
            and p.get("name") not in ("page", "itemsPerPage")
        ]
        for wire, param in op.params.items():
            if wire in wires:
                continue
            where = f"{table_name}:{op.line}" if op.line else table_name
            instead = (
                f"; now derived: {', '.join(f'{w} -> {snake(w)}' for w in unconfigured)} (rename the key to keep "
                f"`{param.name}`{f' of kind {param.kind}' if param.kind else ''})"
                if unconfigured
                else ""
            )
            problems.append(f"{where}: {op.key}: params.{wire} ({param.name}): no such parameter any more{instead}")
    return problems
