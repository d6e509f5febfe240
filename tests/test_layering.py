"""The library stands alone: `quizgen/` never imports the site (`web/`); the
site reaches the CLI through the `quizgen.commands` entry points; and no
module of either package imports, even from inside a function, a module
that imports it back."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from click.testing import CliRunner

from quizgen.cli import cli

ROOT = Path(__file__).resolve().parent.parent


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def test_no_library_module_imports_the_site() -> None:
    offenders = {
        str(path.relative_to(ROOT)): sorted(m for m in _imported_modules(path) if m.split(".")[0] == "web")
        for path in (ROOT / "quizgen").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_cli_validates_a_bank_with_the_site_missing() -> None:
    # `web` made unimportable: the library's own commands still work, and
    # the site's commands say they cannot load instead of a traceback.
    script = (
        "import sys; sys.modules['web'] = None\n"
        "from quizgen.cli import main\n"
        "sys.argv = ['quizgen', *sys.argv[1:]]\n"
        "main()\n"
    )
    ok = subprocess.run([sys.executable, "-c", script, "validate", "questions"], cwd=ROOT,
                        capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.startswith("ok: 1 bank")
    serve = subprocess.run([sys.executable, "-c", script, "serve"], cwd=ROOT,
                           capture_output=True, text=True, timeout=120)
    assert serve.returncode == 1
    assert "the 'serve' command cannot load" in serve.stderr
    assert "Traceback" not in serve.stderr


def test_the_site_plugs_its_commands_into_the_cli() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in ("serve", "teacher", "build", "validate", "draft"):
        assert f"  {name} " in result.output
    assert CliRunner().invoke(cli, ["teacher", "--help"]).exit_code == 0


# -- no import cycles


def _module_names(root: Path, packages: Iterable[str]) -> dict[str, Path]:
    """Every module of the packages below root, by dotted name."""
    names: dict[str, Path] = {}
    for package in packages:
        for path in (root / package).rglob("*.py"):
            parts = path.relative_to(root).with_suffix("").parts
            names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


def import_graph(root: Path, packages: Iterable[str]) -> dict[str, dict[str, int]]:
    """{module: {module it imports: line}} for the packages below root, counting
    every import statement: at the top, inside functions and under TYPE_CHECKING."""
    modules = _module_names(root, packages)
    graph: dict[str, dict[str, int]] = {name: {} for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[:len(package.split(".")) - (node.level - 1)]
                    base = ".".join([*anchor, *([node.module] if node.module else [])])
                # `from a import b` imports the module a.b if there is one, else a name of a.
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base
                           for a in node.names]
            else:
                continue
            for target in targets:
                if target in modules and target != name:
                    graph[name].setdefault(target, node.lineno)
    return graph


def import_cycles(graph: dict[str, dict[str, int]]) -> list[set[str]]:
    """The groups of modules that import each other, directly or through others
    (the strongly connected components of more than one module, Tarjan's way)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[set[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = set()
            while True:
                w = stack.pop()
                group.add(w)
                if w == v:
                    break
            if len(group) > 1:
                cycles.append(group)

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return cycles


def test_no_import_cycle_in_the_library_or_the_site() -> None:
    graph = import_graph(ROOT, ("quizgen", "web"))
    assert "web.runpages" in graph and "quizgen.model" in graph  # the graph covers both packages
    cycles = [sorted(f"{a} -> {b} (line {graph[a][b]})" for a in group for b in graph[a] if b in group)
              for group in import_cycles(graph)]
    assert cycles == []


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def test_a_cycle_hidden_in_a_function_is_found(tmp_path: Path) -> None:
    _write(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/pages.py": "from . import cache\n",
        "pkg/cache.py": "def render():\n    from .pages import view\n    return view\n",
        "pkg/sub/__init__.py": "from ..pages import view\n",
        "pkg/other.py": "import pkg.sub\nfrom pkg import cache\n",
    })
    graph = import_graph(tmp_path, ["pkg"])
    assert graph["pkg.cache"] == {"pkg.pages": 2}
    assert graph["pkg.sub"] == {"pkg.pages": 1}
    assert graph["pkg.other"] == {"pkg.sub": 1, "pkg.cache": 2}
    assert import_cycles(graph) == [{"pkg.pages", "pkg.cache"}]
