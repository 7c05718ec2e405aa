"""The parts of a spec release that the documentation either shows or does not, and the
documented-facts list (spec/documented-facts.yaml) that says which.

Every part gets a key: an operation `GET /v1/x/{id}`, a response `GET /v1/x/{id} 404`, a media type
`GET /v1/x/{id} 404 application/json` (request bodies: `POST /v1/x body application/ld+json`), a
parameter `GET /v1/x param:itemsPerPage`, a property of a component schema `Schema.prop`
(`Schema.prop[].sub` inside arrays), and an aspect of any of them after `#`: `#pattern`, `#enum`,
`#bounds` (minimum/maximum) and `#required` (the required list of an object). The facts list
classifies keys with glob rules (first match wins) as `documented` or `guessed`; a rule may also
name `#type` (a type read off an example value), which the spec cannot reveal on its own.

A spec node is marked `x-korusticket-inferred: true` when something about it is a guess; the mark
covers the node and everything under it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tests.support import ROOT

Json = dict[str, Any]
FACTS = ROOT / "spec" / "documented-facts.yaml"
RELEASES = ROOT / "spec" / "releases"
INFERRED = "x-korusticket-inferred"
METHODS = ("get", "put", "post", "delete", "patch", "options", "head", "trace")
# The JSON-LD keys of the shared base schemas: their facts are on the base schemas themselves.
JSONLD = ("@context", "@id", "@type")


@dataclass
class Part:
    """One node of the spec: its keys (what it is, and its aspects), where it is, its mark."""

    loc: tuple[str | int, ...]  # where the node is in the document
    keys: list[str]
    marked: bool
    covered: bool  # an ancestor carries the mark

    @property
    def where(self) -> str:
        return " > ".join(str(step) for step in self.loc)


def _aspects(key: str, node: Json) -> list[str]:
    keys = [key]
    if "pattern" in node:
        keys.append(f"{key}#pattern")
    if "enum" in node:
        keys.append(f"{key}#enum")
    if "minimum" in node or "maximum" in node:
        keys.append(f"{key}#bounds")
    if isinstance(node.get("required"), list) and node["required"]:
        keys.append(f"{key}#required")
    return keys


BASE = "#/components/schemas/HydraItemBaseSchema"


def _schema_parts(
    key: str, node: Any, where: tuple[str | int, ...], covered: bool, base_required: bool, depth: int = 0
) -> Iterator[Part]:
    """The properties (and their aspects) under a schema node, allOf/anyOf/oneOf parts merged into it.
    An allOf reference to HydraItemBaseSchema is the part `#jsonld-required` once that base requires
    `@id`/`@type` (1.0.19 on): documented for resources, a guess for embedded objects."""
    if not isinstance(node, dict) or depth > 12:
        return
    marked = node.get(INFERRED) is True
    yield Part(where, _aspects(key, node), marked, covered)
    inner = covered or marked
    for combinator in ("allOf", "anyOf", "oneOf"):
        for i, part in enumerate(node.get(combinator, []) or []):
            if not isinstance(part, dict):
                continue
            if "$ref" not in part:
                yield from _schema_parts(key, part, (*where, combinator, i), inner, base_required, depth + 1)
            elif part["$ref"] == BASE and base_required:
                yield Part((*where, combinator, i), [f"{key}#jsonld-required"], part.get(INFERRED) is True, inner)
    for name, sub in (node.get("properties") or {}).items():
        yield from _schema_parts(f"{key}.{name}", sub, (*where, "properties", name), inner, base_required, depth + 1)
    if isinstance(node.get("items"), dict) and "$ref" not in node["items"]:
        yield from _schema_parts(f"{key}[]", node["items"], (*where, "items"), inner, base_required, depth + 1)


def parts(doc: Json) -> list[Part]:
    """Every classifiable part of a spec document."""
    found: list[Part] = []
    for path, item in (doc.get("paths") or {}).items():
        for method in METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            name = f"{method.upper()} {path}"
            where: tuple[str | int, ...] = ("paths", path, method)
            op_marked = op.get(INFERRED) is True
            found.append(Part(where, [name], op_marked, False))
            for i, param in enumerate(op.get("parameters", [])):
                key = f"{name} param:{param['name']}"
                keys = _aspects(key, param.get("schema") or {})
                marked = param.get(INFERRED) is True or (param.get("schema") or {}).get(INFERRED) is True
                found.append(Part((*where, "parameters", i), keys, marked, op_marked))
            body = op.get("requestBody")
            if isinstance(body, dict):
                body_marked = body.get(INFERRED) is True
                found.append(Part((*where, "requestBody"), [f"{name} body"], body_marked, op_marked))
                for media, content in (body.get("content") or {}).items():
                    found.append(
                        Part(
                            (*where, "requestBody", "content", media),
                            [f"{name} body {media}"],
                            content.get(INFERRED) is True,
                            op_marked or body_marked,
                        )
                    )
            for status, response in (op.get("responses") or {}).items():
                key = f"{name} {status}"
                resp_marked = response.get(INFERRED) is True
                found.append(Part((*where, "responses", status), [key], resp_marked, op_marked))
                for media, content in (response.get("content") or {}).items():
                    found.append(
                        Part(
                            (*where, "responses", status, "content", media),
                            [f"{key} {media}"],
                            content.get(INFERRED) is True,
                            op_marked or resp_marked,
                        )
                    )
    schemas = doc.get("components", {}).get("schemas") or {}
    base_required = bool(schemas.get("HydraItemBaseSchema", {}).get("required"))
    for name, schema in schemas.items():
        found += _schema_parts(name, schema, ("components", "schemas", name), False, base_required)
    return found


@dataclass(frozen=True)
class Rule:
    pattern: str
    status: str  # documented | guessed
    why: str
    releases: tuple[str, ...] | None


@functools.cache
def rules() -> tuple[Rule, ...]:
    doc = yaml.safe_load(FACTS.read_text(encoding="utf-8"))
    found = []
    for entry in doc["facts"]:
        status = "documented" if "documented" in entry else "guessed"
        releases = entry.get("releases")
        patterns = entry[status] if isinstance(entry[status], list) else [entry[status]]
        why = entry.get("source") or entry.get("why") or ""
        limit = tuple(str(r) for r in releases) if releases else None
        found += [Rule(str(pattern), status, str(why), limit) for pattern in patterns]
    return tuple(found)


@functools.cache
def _glob(pattern: str) -> re.Pattern[str]:
    """`*` matches anything; every other character stands for itself (keys hold `[]`)."""
    return re.compile(".*".join(re.escape(piece) for piece in pattern.split("*")))


def classify(key: str, release: str) -> Rule | None:
    """The first rule of the facts list that matches `key` in `release`."""
    for rule in rules():
        if rule.releases is not None and release not in rule.releases:
            continue
        if _glob(rule.pattern).fullmatch(key):
            return rule
    return None


def extra_guesses(key: str, release: str) -> list[Rule]:
    """Guessed aspects only the facts list can name (`#type`) for a key."""
    found = []
    for aspect in ("#type",):
        rule = classify(key + aspect, release)
        if rule is not None and rule.status == "guessed":
            found.append(rule)
    return found


INFERRED_TEXT = b"x-korusticket-inferred"


def release_specs() -> list[Path]:
    """spec/openapi.yaml and every archived release (an archive equal to the current spec once) that is
    a reconstruction: one carrying marks. A published spec (`make spec`) shows only what is documented,
    so it has no guess to mark and nothing here to check."""
    current = ROOT / "spec" / "openapi.yaml"
    files = [current]
    files += [p for p in sorted(RELEASES.glob("*.yaml")) if p.read_bytes() != current.read_bytes()]
    return [p for p in files if INFERRED_TEXT in p.read_bytes()]


def version(doc: Json) -> str:
    return str(doc["info"]["version"])


def problems(doc: Json) -> list[str]:
    """How the marks of `doc` disagree with the facts list (empty when they agree)."""
    release = version(doc)
    out = []
    for part in parts(doc):
        classified = [(key, classify(key, release)) for key in part.keys]
        unknown = [key for key, rule in classified if rule is None]
        if unknown and not part.covered:
            out.append(f"{release}: {', '.join(unknown)} is in no rule of {FACTS.name} (at {part.where})")
            continue
        guessed = [key for key, rule in classified if rule is not None and rule.status == "guessed"]
        guessed += [k for k in part.keys if extra_guesses(k, release)]
        if guessed and not (part.marked or part.covered):
            out.append(f"{release}: {', '.join(guessed)} is a guess but {part.where} is not marked {INFERRED}")
        if part.marked and not guessed:
            out.append(f"{release}: {part.where} is marked {INFERRED} but the facts list documents all of it")
    return out
