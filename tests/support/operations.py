"""The spec's operations as the operations table (scripts/codegen/operations.yaml) resolves them:
resource, method, hook and generated module of each."""

from __future__ import annotations

import contextlib
import functools
import sys
from typing import Any

import pytest
import yaml

from tests.support import ROOT, SPEC

sys.path.insert(0, str(ROOT / "scripts" / "codegen"))
import optable
from optable import Operation

__all__ = ["Operation", "operations", "warns_if_deprecated"]


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
