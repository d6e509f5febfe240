"""The library stands alone: `quizgen/` never imports the site (`web/`); the
site reaches the CLI through the `quizgen.commands` entry points."""

from __future__ import annotations

import ast
import subprocess
import sys
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
