"""The stand-in's modules import one way: no loop, not even under ``TYPE_CHECKING`` or inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

import korusticket.testing

PACKAGE = Path(korusticket.testing.__file__).parent


def imports(path: Path) -> set[str]:
    """The stand-in modules `path` imports, wherever the import statement is."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 1 and not module:  # from . import _synth
                found.update(alias.name for alias in node.names)
            elif node.level == 1:
                found.add(module.split(".")[0])
            elif module.startswith("korusticket.testing."):
                found.add(module.split(".")[2])
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[2] for a in node.names if a.name.startswith("korusticket.testing."))
    return found


def graph() -> dict[str, set[str]]:
    return {path.stem: imports(path) for path in sorted(PACKAGE.glob("*.py"))}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Every module that can reach itself, with the path it takes."""
    found = []
    for start in edges:
        stack = [(start, [start])]
        seen: set[str] = set()
        while stack:
            node, path = stack.pop()
            for nxt in sorted(edges.get(node, ())):
                if nxt == start:
                    found.append([*path, start])
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
    return found


def test_the_stand_in_has_no_import_loop() -> None:
    edges = graph()
    assert {"_app", "_routes", "_standin", "_transport"} <= set(edges)  # the modules are read
    assert "_routes" in edges["_app"]
    assert cycles(edges) == []


def test_a_loop_is_found() -> None:
    assert cycles({"_a": {"_b"}, "_b": {"_c"}, "_c": {"_a"}, "_d": {"_a"}}) == [
        ["_a", "_b", "_c", "_a"],
        ["_b", "_c", "_a", "_b"],
        ["_c", "_a", "_b", "_c"],
    ]
