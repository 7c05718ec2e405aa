"""The house's layering, read from the import statements (every one: module level, function
level and under TYPE_CHECKING, since a loop broken only for the interpreter is still a loop
for the reader):

- the generated models, request builders and shapes (korusticket_api outside resources/) are a
  leaf: they import nothing hand-written;
- the generated resource layer (korusticket_api/resources/) imports hand-written code only
  through its core interface (korusticket.core, names of its ``__all__``) and the public types;
- the hand-written packages have no import loop.
"""

from __future__ import annotations

import ast
import importlib.util
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "generated" / "korusticket_api"
OVERRIDES = ROOT / "overrides"
HAND_WRITTEN = ("korusticket", "pytest_korusticket")
CORE_INTERFACE = ("korusticket.core", "korusticket.types")


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, module: str) -> Iterator[tuple[str, str | None, int]]:
    """(imported module, name taken from it or None, line) for every import in the file."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, None, node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                yield base, alias.name, node.lineno


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _target(base: str, name: str | None) -> str:
    """The module an import makes this one depend on: `from pkg import sub` names the submodule."""
    if name is not None and name != "*" and _is_module(f"{base}.{name}"):
        return f"{base}.{name}"
    return base


def _hand_written(name: str) -> bool:
    return name.split(".")[0] in HAND_WRITTEN


def _generated_files() -> list[tuple[Path, str]]:
    return [(p, _module_name(p, GENERATED.parent)) for p in sorted(GENERATED.rglob("*.py"))]


def test_generated_models_and_builders_import_nothing_hand_written() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}: {base}"
        for path, module in _generated_files()
        if not module.startswith("korusticket_api.resources")
        for base, _, line in _imports(path, module)
        if _hand_written(base)
    ]
    assert found == []


def test_generated_resources_use_only_the_core_interface() -> None:
    import korusticket.core

    interface = set(korusticket.core.__all__)
    found = []
    resources = [(p, m) for p, m in _generated_files() if m.startswith("korusticket_api.resources")]
    assert len(resources) > 1
    for path, module in resources:
        for base, name, line in _imports(path, module):
            where = f"{path.relative_to(ROOT)}:{line}"
            if not _hand_written(base):
                continue
            if base not in CORE_INTERFACE:
                found.append(f"{where}: {base}")
            elif base == "korusticket.core" and name not in interface:
                found.append(f"{where}: korusticket.core.{name} is not in korusticket.core.__all__")
    assert found == []


def test_core_interface_names_exist() -> None:
    import korusticket.core

    assert all(hasattr(korusticket.core, name) for name in korusticket.core.__all__)


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted(OVERRIDES.rglob("*.py")):
        module = _module_name(path, OVERRIDES)
        if not _hand_written(module):
            continue
        edges = graph.setdefault(module, set())
        for base, name, _ in _imports(path, module):
            target = _target(base, name)
            if _hand_written(target) and target != module:
                edges.add(target)
    return graph


def _loops(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    loops: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                loops.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return loops


def test_hand_written_code_has_no_import_loop() -> None:
    graph = _graph()
    assert "korusticket._client" in graph
    assert "korusticket.testing._standin" in graph
    assert _loops(graph) == []


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ],
)
def test_loop_finder(graph: dict[str, set[str]], expected: list[list[str]]) -> None:
    assert _loops(graph) == expected
