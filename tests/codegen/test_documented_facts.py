"""Every guess in the spec is marked, and nothing the documentation shows is: spec/openapi.yaml and each
archived release against the documented-facts list (spec/documented-facts.yaml, see tests/support/spec_facts.py).

The client's lenient response check relies on the marks (generated into korusticket_api/_response_checks.py: a
marked part never raises), and the spec's own info.description promises them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.support import spec_facts

SPECS = spec_facts.release_specs()


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.stem)
def test_marks_agree_with_the_documented_facts(path: Path) -> None:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert spec_facts.problems(doc) == []


def test_every_reconstructed_release_is_checked() -> None:
    """Only a published spec (no marks) is left out: the six reconstructed releases are all checked."""
    checked = {spec_facts.version(yaml.safe_load(p.read_text(encoding="utf-8"))) for p in SPECS}
    assert {"1.0.7", "1.0.10", "1.0.19", "1.0.29", "1.0.38", "release"} <= checked


def test_every_rule_of_the_facts_list_is_used() -> None:
    """A rule that matches nothing in any release is stale (renamed part, typo): the list says what it checks."""
    keys: set[tuple[str, str]] = set()
    for path in SPECS:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        release = spec_facts.version(doc)
        keys |= {(key, release) for part in spec_facts.parts(doc) for key in part.keys}
    used = set()
    for key, release in keys:
        for candidate in (key, f"{key}#type"):
            rule = spec_facts.classify(candidate, release)
            if rule is not None:
                used.add(rule)
    unused = [rule.pattern for rule in spec_facts.rules() if rule not in used]
    assert unused == []


def test_the_marks_reach_the_client() -> None:
    """The shipped spec (korusticket_api/openapi.json, the stand-in's) keeps the marks, and the generated
    checker's view of a field has them: lenient mode never raises for them."""
    import json
    from importlib import resources

    from korusticket_api._response_checks import field

    shipped = json.loads(resources.files("korusticket_api").joinpath("openapi.json").read_text(encoding="utf-8"))
    price = shipped["components"]["schemas"]["TicketingOfferPrice"]
    props = {name: sub for part in price.get("allOf", [price]) for name, sub in part.get("properties", {}).items()}
    assert props["currency"][spec_facts.INFERRED] is True
    assert props["amountInclTax"][spec_facts.INFERRED] is True  # the money pattern is the project's reading
    assert field("TicketingOfferPrice", ["currency"])[1] is True
    assert field("TicketingOfferPrice", ["amountInclTax"])[1] is True
