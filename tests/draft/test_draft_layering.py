"""The draft package's modules import one another one way: no cycle, even through an
import hidden inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

DRAFT = Path(__file__).resolve().parents[2] / "quizgen" / "draft"


def _relative_imports(path: Path) -> set[str]:
    """Sibling modules `path` imports when it runs (module level or inside a function;
    not the names only a type checker reads)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(n)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and ast.unparse(block.test).endswith("TYPE_CHECKING")
        for n in ast.walk(block)
    }
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return found


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt] if nxt in path else [node, nxt]
            if nxt not in state and (found := visit(nxt, [*path, nxt])):
                return found
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start, [start])):
            return found
    return None


def test_the_draft_modules_import_one_another_without_a_cycle() -> None:
    graph = {p.stem: _relative_imports(p) for p in DRAFT.glob("*.py")}
    assert _cycle(graph) is None


def test_the_cycle_finder_finds_a_hidden_cycle() -> None:
    # clean → figures (inside a function) and figures → clean: the cycle this test guards against.
    assert _cycle({"clean": {"figures"}, "figures": {"clean"}}) == ["clean", "figures", "clean"]
    assert _cycle({"clean": {"dates"}, "figures": {"clean", "dates"}, "dates": set()}) is None
