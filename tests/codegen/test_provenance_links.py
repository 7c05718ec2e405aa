"""The provenance files point only at files that exist: every repository path they name (in backticks or as a
relative link) is there, so a renamed or deleted file cannot leave a false citation behind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support import ROOT

DOCS = [ROOT / "spec" / "PROVENANCE.md", ROOT / "spec" / "PROVENANCE-releases.md"]
# A file path: relative, with a folder, ending in a file name with an extension (or a folder ending in /).
PATH = re.compile(r"^(?![/.])[\w.-]+(?:/[\w.-]+)*/(?:[\w.-]+\.[A-Za-z]{1,5}|)$")


def cited(text: str) -> set[str]:
    """Repository paths a Markdown text names: backticked ones (first word) and relative links."""
    found = set()
    for code in re.findall(r"`([^`\n]+)`", text):
        word = code.split()[0] if code.split() else ""
        if PATH.match(word):
            found.add(word)
    for target in re.findall(r"\]\(([^)#\s]+)", text):
        if "://" not in target:
            found.add(target)
    return found


def test_the_path_pattern_tells_paths_from_other_words() -> None:
    text = "`spec/openapi.yaml` `tools/x.py --flag` `spec/releases/` [a](../README.md) `application/json` `/v1/x` `Europe/Paris`"
    assert cited(text) == {"spec/openapi.yaml", "tools/x.py", "spec/releases/", "../README.md"}


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_path_a_provenance_file_cites_exists(doc: Path) -> None:
    paths = cited(doc.read_text(encoding="utf-8"))
    assert paths, f"{doc.name} cites no file: the check would prove nothing"
    missing = sorted(p for p in paths if not ((ROOT / p).exists() or (doc.parent / p).exists()))
    assert missing == []
