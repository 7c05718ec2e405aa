"""CONTRIBUTING.md's map of the house stays true: every module of the package has its row, and
the files it names for "where are retries decided" and "how is a body checked" exist."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEXT = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
PACKAGE = ROOT / "overrides" / "korusticket"


def test_every_module_of_the_package_has_its_row() -> None:
    modules = sorted(p.name for folder in (PACKAGE, PACKAGE / "testing") for p in folder.glob("*.py"))
    assert [m for m in modules if f"`{m}`" not in TEXT and m != "__init__.py"] == []


def _answer(question: str) -> list[str]:
    """The hand-written files a bullet of "Two questions" names (paths in backticks ending in .py;
    a generated module it names is the output of a generator it names), each once."""
    bullet = re.search(rf"\*\*{re.escape(question)}\*\*(.*?)(?=\n- \*\*|\n\n)", TEXT, re.S)
    assert bullet is not None, question
    named = re.findall(r"`([\w/]+\.py)`", bullet.group(1))
    files = {Path(f).name: f for f in named if not f.startswith("korusticket_api/")}
    return sorted(files.values(), key=named.index)


def test_retries_are_decided_in_three_files_that_exist() -> None:
    files = _answer("Where are retries decided?")
    assert len(files) == 3
    assert all((PACKAGE / Path(f).name).exists() for f in files), files
    docstring = (PACKAGE / "_retry.py").read_text(encoding="utf-8").split('"""')[1]
    assert "Retries are decided in three files: this one" in docstring
    assert all(Path(f).name in docstring for f in files if Path(f).name != "_retry.py")


def test_a_body_is_checked_by_three_files_that_exist() -> None:
    files = _answer("How is a response body checked?")
    assert len(files) == 3
    assert all((ROOT / f).exists() for f in files), files
