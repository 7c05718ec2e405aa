"""The spec's operations as the operations table (scripts/codegen/operations.yaml) resolves them:
resource, method, hook and generated module of each; which of them the stand-in answers from the schema alone."""

from __future__ import annotations

import contextlib
import functools
import sys
from typing import Any

import pytest
import yaml
from korusticket.testing import StandIn
from korusticket.testing._paths import fill, template_regex
from korusticket.testing._routes import TEMPLATES

from tests.support import ROOT, SPEC

sys.path.insert(0, str(ROOT / "scripts" / "codegen"))
import optable
from optable import Operation

__all__ = ["Operation", "answered_from_schema", "operations", "warns_if_deprecated"]


def operations() -> list[Operation]:
    doc = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    table, lines = optable.load()
    return list(optable.resolve(optable.spec_operations(doc), table, lines, report=lambda _: None))


@functools.cache
def _spec() -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return doc


def warns_if_deprecated(op: Operation) -> contextlib.AbstractContextManager[object]:
    """What calling `op` must warn: a DeprecationWarning when the spec marks the operation deprecated."""
    if _spec()["paths"][op.path][op.http_method].get("deprecated"):
        return pytest.warns(DeprecationWarning, match=f"kt.{op.resource}.{op.method} .* is deprecated")
    return contextlib.nullcontext()


def answered_from_schema(stand_in: StandIn, template: str) -> bool:
    """An operation a release added that the stand-in has neither a handler nor seed documents for: it
    answers with a body built from the schema (tests/standin/test_every_operation_standin.py calls it)."""
    if any(template_regex(routed).match(fill(template, "x")) for routed in TEMPLATES):
        return False
    documents = stand_in.state.documents
    item, below = template_regex(template), template_regex(template + "/{id}")
    return not any(item.match(iri) or below.match(iri) for iri in [*documents.by_iri, *documents.links])
