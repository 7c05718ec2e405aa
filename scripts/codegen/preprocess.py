"""Rewrite an API Platform OpenAPI document so openapi-python-client keeps everything in it.

Each step fixes one measured generator pitfall (see shared notes, "openapi-python-client
findings"); each is a pure function over the parsed document, order-preserving, so the output
is byte-for-byte stable for a given input.

    python scripts/codegen/preprocess.py spec/openapi.yaml build/codegen/spec.json
"""

from __future__ import annotations

import copy
import json
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import optable

Json = dict[str, Any]

HERE = Path(__file__).resolve().parent

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
JSONLD_KEYS = ("@context", "@id", "@type")
# Preference when a body or response lists several media types: the generator only uses the
# first one, and a non-JSON first type (text/html) makes it emit code that cannot work (F5/F6).
REQUEST_MEDIA_ORDER = ("application/merge-patch+json", "application/ld+json", "application/json")
RESPONSE_MEDIA_ORDER = ("application/ld+json", "application/problem+json", "application/json")
# Money: API Platform serialises decimal columns as strings ("100.00"). Properties whose name
# says "amount" become format: decimal, which our generator wrapper types as decimal.Decimal.
MONEY_PROPERTY = re.compile(r"(?i)amount")


def walk_schemas(node: Any) -> Iterator[Json]:
    """Yield every dict in the document that looks like a schema (depth first, stable order)."""
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from walk_schemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from walk_schemas(value)


def operations(doc: Json) -> Iterator[tuple[str, str, Json]]:
    for path, item in doc.get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in item:
                yield method, path, item[method]


# --- step 1: readable operation names -----------------------------------------------------------


def rename_operations(doc: Json, names: dict[str, str], report: Callable[[str], None]) -> None:
    """Set each operationId to its Python name (`<resource>_<method>`, from the operations table).

    The generated module and model names follow the operationId, so they stay stable across
    releases even when API Platform renames its slugs."""
    for method, path, op in operations(doc):
        key = f"{method.upper()} {path}"
        if key in names:
            op["operationId"] = names[key]
        else:  # only reached when called without the table's names
            resource, verb = optable.derive(method, path)
            op["operationId"] = f"{resource}_{verb}"
            report(f"note: {key} has no name; using {op['operationId']}")


# --- step 2: one media type per body and response --------------------------------------------


def _keep_one(content: Json, order: tuple[str, ...]) -> Json:
    for media in order:
        if media in content:
            return {media: content[media]}
    json_like = [m for m in content if m.endswith("json")]
    return {json_like[0]: content[json_like[0]]} if json_like else content


def prune_media_types(doc: Json) -> None:
    for _, _, op in operations(doc):
        body = op.get("requestBody")
        if isinstance(body, dict) and "content" in body:
            body["content"] = _keep_one(body["content"], REQUEST_MEDIA_ORDER)
        for response in op.get("responses", {}).values():
            if isinstance(response, dict) and "content" in response:
                response["content"] = _keep_one(response["content"], RESPONSE_MEDIA_ORDER)
    for response in doc.get("components", {}).get("responses", {}).values():
        if "content" in response:
            response["content"] = _keep_one(response["content"], RESPONSE_MEDIA_ORDER)


# --- step 3: `foo` + `foo[]` query parameter twins ---------------------------------------------


def drop_array_twins(doc: Json) -> None:
    """Drop `foo[]` when `foo` exists: both map to one Python name and the endpoint vanishes (F2)."""
    for _, _, op in operations(doc):
        params = op.get("parameters", [])
        names = {p.get("name") for p in params if isinstance(p, dict)}
        op_params = [
            p
            for p in params
            if not (isinstance(p, dict) and p.get("name", "").endswith("[]") and p["name"][:-2] in names)
        ]
        if params:
            op["parameters"] = op_params


# --- step 4: JSON-LD keys next to id/type -------------------------------------------------------


def strip_jsonld_properties(doc: Json) -> None:
    """Remove @context/@id/@type from declared properties (F1: `@id` and `id` collide and the
    whole model is dropped). The values still arrive, in each model's additional_properties."""
    for schema in walk_schemas(doc.get("components", {}).get("schemas", {})):
        props = schema.get("properties")
        if not isinstance(props, dict) or not any(k in props for k in JSONLD_KEYS):
            continue
        schema["properties"] = {k: v for k, v in props.items() if k not in JSONLD_KEYS}
        if "required" in schema:
            schema["required"] = [r for r in schema["required"] if r not in JSONLD_KEYS]
            if not schema["required"]:
                del schema["required"]
        if schema.get("additionalProperties") is False:
            del schema["additionalProperties"]


# --- step 5: hydra:-prefixed envelopes -----------------------------------------------------


def relax_collection_members(doc: Json) -> None:
    """Make `member` optional in collection envelopes. API Platform 3 servers send
    `hydra:member` instead; the generated model must still parse (the value then waits in
    additional_properties, where the paginator reads it)."""
    for schema in walk_schemas(doc.get("paths", {})):
        props = schema.get("properties")
        if isinstance(props, dict) and "member" in props and "member" in schema.get("required", []):
            schema["required"] = [r for r in schema["required"] if r != "member"]
            if not schema["required"]:
                del schema["required"]


# --- step 6: nullable enums ---------------------------------------------------------------------


def normalise_nullable_enums(doc: Json) -> None:
    """`type: [T, 'null']` + enum loses nullability or triples classes (F8): use anyOf."""
    for schema in walk_schemas(doc):
        types = schema.get("type")
        if not (isinstance(types, list) and "null" in types and "enum" in schema):
            continue
        non_null = [t for t in types if t != "null"]
        enum = [v for v in schema.pop("enum") if v is not None]
        schema.pop("type")
        base: Json = {"type": non_null[0] if len(non_null) == 1 else non_null, "enum": enum}
        schema["anyOf"] = [base, {"type": "null"}]


# --- step 7: money as decimal -------------------------------------------------------------------


def _is_string_schema(schema: Json) -> bool:
    types = schema.get("type")
    if types == "string":
        return True
    return isinstance(types, list) and "string" in types and set(types) <= {"string", "null"}


def mark_money(doc: Json) -> None:
    for schema in walk_schemas(doc.get("components", {}).get("schemas", {})):
        props = schema.get("properties")
        if not isinstance(props, dict):
            continue
        for name, prop in props.items():
            if (
                MONEY_PROPERTY.search(name)
                and isinstance(prop, dict)
                and _is_string_schema(prop)
                and "format" not in prop
                and "enum" not in prop
            ):
                prop["format"] = "decimal"


# --- step 8: short model names ------------------------------------------------------------------


def _pascal(words: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[_\-]+", words) if part)


def _split(name: str) -> tuple[str, str | None, str]:
    """`Resource.format-v1.group.kind` -> (Resource, group, kind); other names -> (name, None, "")."""
    resource, _, rest = name.partition(".")
    parts = rest.split(".")
    if len(parts) == 3:
        return resource, parts[1], parts[2]
    return resource, None, parts[-1] if rest else ""


def short_schema_name(name: str) -> str:
    """`BookingOrder.jsonld-v1.order.read` -> `BookingOrder`; other kinds keep a suffix:
    `BookingOrderItemTicket.jsonMergePatch-v1.order_item_ticket.patch_write` ->
    `BookingOrderItemTicketPatchWrite`. Names without a dot are kept."""
    resource, _, kind = _split(name)
    if "." not in name:
        return name
    if kind in ("read", "jsonld", "jsonMergePatch") or "-" in kind:
        return resource
    return resource + _pascal(kind)


def _disambiguate(names: list[str]) -> dict[str, str]:
    """Several read views of one resource (its own group and an embedding one, e.g. a product
    as read alone and as embedded in an offer): the own group keeps the short name, the others
    become `<Resource>In<Group>`."""
    resource = _split(names[0])[0]

    def own(name: str) -> tuple[bool, int]:
        group = _split(name)[1] or ""
        return (_pascal(group) in resource, len(group))

    primary = max(names, key=own)
    return {n: resource if n == primary else f"{resource}In{_pascal(_split(n)[1] or '')}" for n in names}


# The names lock: every public model name ever shipped, by the schema it names. Written only by
# `make release` (scripts/release.py); read by every generation. A schema keeps its name for good, a
# name is never handed to another schema (not even after its schema is removed), and a rename
# happens only through models.yaml (`rename: {<schema>: <NewName>}`), which the release reports.
NAMES_LOCK = HERE / "names.lock.json"
MODELS_TABLE = HERE / "models.yaml"


def load_lock(path: Path = NAMES_LOCK) -> dict[str, str]:
    return dict(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else {}


def load_renames(path: Path = MODELS_TABLE) -> dict[str, str]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
    return {str(k): str(v) for k, v in ((raw or {}).get("rename") or {}).items()}


def schema_names(
    schemas: Json, lock: dict[str, str] | None = None, renames: dict[str, str] | None = None
) -> tuple[dict[str, str], list[str]]:
    """Final name of each component schema, and notes on names the lock refused to a new schema."""
    lock, renames = lock or {}, renames or {}
    by_short: dict[str, list[str]] = {}
    for name in schemas:
        by_short.setdefault(short_schema_name(name), []).append(name)
    wanted: dict[str, str] = {}
    for short, names in by_short.items():
        if len(names) == 1:
            wanted[names[0]] = short
        elif all(_split(n)[1] for n in names):
            wanted.update(_disambiguate(names))
        else:
            wanted.update({n: n for n in names})
    reserved = {v: k for k, v in lock.items()}  # a shipped name belongs to its schema for good
    notes: list[str] = []
    final: dict[str, str] = {}
    # Locked and renamed schemas first, so a new schema never takes a name that one of them holds.
    for name in sorted(schemas, key=lambda n: (n not in renames and n not in lock, list(schemas).index(n))):
        new = renames.get(name) or lock.get(name) or wanted[name]
        owner = reserved.get(new)
        if name not in renames and name not in lock and owner is not None and owner != name:
            notes.append(
                f"note: schema {name} would be named {new}, a name shipped for {owner}; it is generated as {name} "
                f"(give it a name in {MODELS_TABLE.name}: rename: {{{name!r}: NewName}})"
            )
            new = name
        clash = (new != name and new in schemas) or new in final.values()
        final[name] = name if clash else new
    return {n: final[n] for n in schemas}, notes


def shorten_schema_names(
    doc: Json, lock: dict[str, str] | None = None, renames: dict[str, str] | None = None
) -> list[str]:
    """Rename component schemas to short names (the lock's where it has one), rewriting $refs."""
    schemas: Json = doc.get("components", {}).get("schemas", {})
    final, notes = schema_names(schemas, lock, renames)
    doc["components"]["schemas"] = {final[n]: s for n, s in schemas.items()}
    prefix = "#/components/schemas/"
    for node in walk_schemas(doc):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith(prefix) and ref[len(prefix) :] in final:
            node["$ref"] = prefix + final[ref[len(prefix) :]]
    return notes


# --- pipeline -----------------------------------------------------------------------------------


def preprocess(
    doc: Json,
    names: dict[str, str],
    report: Callable[[str], None] = print,
    *,
    lock: dict[str, str] | None = None,
    renames: dict[str, str] | None = None,
) -> Json:
    """The spec as the generator should see it; `lock` and `renames` default to the committed files."""
    out = copy.deepcopy(doc)
    rename_operations(out, names, report)
    prune_media_types(out)
    drop_array_twins(out)
    strip_jsonld_properties(out)
    relax_collection_members(out)
    normalise_nullable_enums(out)
    mark_money(out)
    notes = shorten_schema_names(
        out, load_lock() if lock is None else lock, load_renames() if renames is None else renames
    )
    for note in notes:
        report(note)
    return out


def load_names(doc: Json, report: Callable[[str], None] = lambda _: None) -> dict[str, str]:
    """`METHOD path` -> operationId for every operation of `doc`, from the operations table."""
    table, lines = optable.load()
    ops = optable.resolve(optable.spec_operations(doc), table, lines, report=report)
    return {op.key: op.module for op in ops}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: preprocess.py SPEC.yaml OUT.json", file=sys.stderr)
        return 2
    src, dst = Path(argv[0]), Path(argv[1])
    doc = yaml.safe_load(src.read_text(encoding="utf-8"))
    out = preprocess(doc, load_names(doc), report=lambda m: print(m, file=sys.stderr))
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
