"""Every payload the documentation quotes (tests/support/documented_payloads.QUOTED) validates against each
release that shows it: the body of a response against that operation's 200 schema, a request body against
its requestBody schema (JSON Schema 2020-12, patterns and enums enforced)."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from tests.support import documented_payloads, spec_facts
from tests.support.documented_payloads import Quoted

SPEC_URI = "urn:korusticket:spec"


def _load(path: Path) -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return doc


RELEASES = {spec_facts.version(doc): doc for doc in map(_load, spec_facts.release_specs())}


def _cases() -> list[tuple[Quoted, str]]:
    return [
        (quoted, release)
        for quoted in documented_payloads.QUOTED
        for release in quoted.releases or tuple(RELEASES)
        if quoted.method.lower() in RELEASES[release]["paths"].get(quoted.path, {})
    ]


CASES = _cases()


def _pointer(*steps: str) -> str:
    return "#/" + "/".join(step.replace("~", "~0").replace("/", "~1") for step in steps)


def _schema_pointer(doc: dict[str, Any], quoted: Quoted) -> str:
    op = doc["paths"][quoted.path][quoted.method.lower()]
    base = ("paths", quoted.path, quoted.method.lower())
    if quoted.status is None:
        media = next(iter(op["requestBody"]["content"]))
        return _pointer(*base, "requestBody", "content", media, "schema")
    media = next(iter(op["responses"][quoted.status]["content"]))
    return _pointer(*base, "responses", quoted.status, "content", media, "schema")


def _without_stubs(body: Any, stubs: tuple[str, ...]) -> Any:
    body = copy.deepcopy(body)
    for stub in stubs:
        *parents, last = [int(i) if i else name for name, i in re.findall(r"(\w+)|\[(\d+)\]", stub)]
        node = body
        for step in parents:
            node = node[step]
        assert node[last] == {}, f"{stub} is not the renderer's empty stub"
        del node[last]
    return body


def validation_errors(doc: dict[str, Any], quoted: Quoted) -> list[str]:
    registry: Registry[Any] = Registry().with_resource(
        SPEC_URI, Resource.from_contents(doc, default_specification=DRAFT202012)
    )
    validator = Draft202012Validator({"$ref": SPEC_URI + _schema_pointer(doc, quoted)}, registry=registry)
    body = _without_stubs(quoted.body, quoted.stubs)
    return [f"{'.'.join(map(str, e.absolute_path)) or '(body)'}: {e.message}" for e in validator.iter_errors(body)]


@pytest.mark.parametrize(("quoted", "release"), CASES, ids=[f"{q.name} @ {r}" for q, r in CASES])
def test_a_documented_payload_validates_against_the_release_that_shows_it(quoted: Quoted, release: str) -> None:
    assert validation_errors(RELEASES[release], quoted) == []


def test_every_quoted_payload_is_checked_somewhere() -> None:
    assert {q.name for q, _ in CASES} == {q.name for q in documented_payloads.QUOTED}


def test_the_check_refuses_what_the_spec_refuses() -> None:
    """The validator is live: a price in dollars and a reservation without items are refused."""
    price = next(q for q in documented_payloads.QUOTED if q.path.endswith("/price"))
    dollars = Quoted(price.name, price.method, price.path, price.status, {**price.body, "currency": "usd"}, "")
    assert validation_errors(RELEASES["1.0.7"], dollars) == ["currency: 'usd' is not one of ['eur', 'EUR']"]
    reservation = next(q for q in documented_payloads.QUOTED if q.path.endswith("/reservations/_bulk"))
    empty = Quoted(reservation.name, "POST", reservation.path, None, {}, "")
    assert validation_errors(RELEASES["1.0.7"], empty) == ["(body): 'items' is a required property"]
