"""The package layout is a pipeline: a stage imports only from itself and from earlier stages.

Stages, lowest first (README "Architecture"): structure < sources < corpus < amend < intake <
query < compare < export < cli; ``errors`` and ``i18n`` sit below them all. No module is longer
than ``MAX_LINES``. Imports inside functions (the lazy ones that keep start-up cheap) count too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lawdiff"
BASE = ("errors", "i18n")
STAGES = ("structure", "sources", "corpus", "amend", "intake", "query", "compare", "export", "cli")
MAX_LINES = 420


def _rank(module: str) -> int | None:
    """Position of ``lawdiff.<stage>…`` in the pipeline (-1 for the base modules)."""
    parts = module.split(".")
    if parts[0] != "lawdiff" or len(parts) < 2:
        return None
    if parts[1] in BASE:
        return -1
    return STAGES.index(parts[1]) if parts[1] in STAGES else None


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "_corpus" not in p.parts)


def _name(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, name: str | None = None) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = (name or _name(path)).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, a.name) for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                mod = ".".join([*base, *([node.module] if node.module else [])])
            else:
                mod = node.module or ""
            if mod == "lawdiff":  # from lawdiff import x: the stage is x
                out.extend((node.lineno, f"lawdiff.{a.name}") for a in node.names)
            else:
                out.append((node.lineno, mod))
    return out


def test_every_module_belongs_to_a_stage() -> None:
    loose = [
        _name(p)
        for p in _modules()
        if _rank(_name(p)) is None and _name(p) not in ("lawdiff", "lawdiff.__main__")
    ]
    assert loose == []


def test_data_flows_one_way() -> None:
    wrong = []
    for path in _modules():
        me = _rank(_name(path))
        if me is None:
            continue
        for line, mod in _imports(path):
            other = _rank(mod)
            if other is not None and other > me:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {mod}")
    assert wrong == []


def test_no_import_cycle_between_modules() -> None:
    graph: dict[str, set[str]] = {}
    names = {_name(p) for p in _modules()}
    for path in _modules():
        deps = set()
        for _, mod in _imports(path):
            while mod and mod not in names:
                mod = mod.rpartition(".")[0]
            if mod and mod != "lawdiff":
                deps.add(mod)
        graph[_name(path)] = deps - {_name(path)}
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, stack: list[str]) -> bool:
        state[node] = 1
        for dep in sorted(graph.get(node, ())):
            if dep.startswith(node + ".") or node.startswith(dep + "."):
                continue  # a package and its own modules
            if state.get(dep) == 1:
                cycle.extend([*stack[stack.index(dep) :], dep] if dep in stack else [node, dep])
                return True
            if state.get(dep) is None and visit(dep, [*stack, dep]):
                return True
        state[node] = 2
        return False

    for node in sorted(graph):
        if state.get(node) is None and visit(node, [node]):
            break
    assert cycle == []


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_module_size(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.name}: {lines} lines; split it by what it holds"


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    """The rank function orders the stages; an upward import is caught (the test can fail)."""
    assert _rank("lawdiff.corpus.reader") < _rank("lawdiff.amend.apply")  # type: ignore[operator]
    bad = tmp_path / "x.py"
    bad.write_text("from lawdiff.cli import main\nfrom ..export import akn\n")
    found = _imports(bad, "lawdiff.corpus.x")
    assert found == [(1, "lawdiff.cli"), (2, "lawdiff.export")]
    assert all(_rank(mod) > _rank("lawdiff.corpus.x") for _, mod in found)  # type: ignore[operator]
