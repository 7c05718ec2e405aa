"""The spec's operations as the operations table (scripts/codegen/operations.yaml) resolves them:
resource, method, hook and generated module of each."""

from __future__ import annotations

import sys

import yaml

from tests.support import ROOT, SPEC

sys.path.insert(0, str(ROOT / "scripts" / "codegen"))
import optable
from optable import Operation

__all__ = ["Operation", "operations"]


def operations() -> list[Operation]:
    doc = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    table, lines = optable.load()
    return list(optable.resolve(optable.spec_operations(doc), table, lines, report=lambda _: None))
