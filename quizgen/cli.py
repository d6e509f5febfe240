"""The `quizgen` command: one click group, thin.

Commands call the library and turn its errors into messages here, at the
edge: a user never sees a traceback for bad input.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from . import __version__
from .clitools import DEFAULT_DECKS, bank_paths, paths_argument, report_errors, summary_option, user_errors
from .draft.cli import draft_command, draft_eval_command
from .errors import BankError, QuizgenError
from .fsutil import atomic_write_bytes
from .validate import DEFAULT_SUMMARY_WORDS, Options, check_banks

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

    from .model import Bank

# Imported where they are used, not here: the exporter registry and the
# plug-in commands read every installed package's entry points (tens of
# milliseconds), the JSON Schema is for one command: `quizgen validate`
# starts without them.

COMMANDS_GROUP = "quizgen.commands"
#: quizgen's own commands that import much (the lint rules, the LMS readers),
#: loaded like plug-ins only when they run, so `quizgen validate` starts quickly.
_BUILTIN_LAZY = {
    "lint": "quizgen.lint.cli:lint_command",
    "import": "quizgen.importers.cli:import_command",
}


def load_or_fail(paths: Sequence[str], *, max_summary_words: int = DEFAULT_SUMMARY_WORDS) -> list[Bank]:
    """Every bank under `paths`, or BankError with every problem."""
    banks, problems = check_banks(bank_paths(paths), options=Options(max_summary_words))
    if problems:
        raise BankError(problems)
    if not banks:
        raise QuizgenError(f"no bank files (*.yaml) in {', '.join(bank_paths(paths))}")
    return banks


class PluginGroup(click.Group):
    """The `quizgen` group: its own commands, plus those other packages plug in
    through the `quizgen.commands` entry-point group (the site adds `serve`
    and `teacher` that way), each loaded only when it runs or is listed."""

    def _plugins(self) -> dict[str, EntryPoint]:
        from importlib.metadata import EntryPoint, entry_points

        found = {name: EntryPoint(name, target, COMMANDS_GROUP) for name, target in _BUILTIN_LAZY.items()}
        found.update({ep.name: ep for ep in entry_points(group=COMMANDS_GROUP)})
        return found

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._plugins()})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            return command
        plugin = self._plugins().get(cmd_name)
        if plugin is None:
            return None
        try:
            loaded = plugin.load()
        except ImportError as exc:  # a plug-in whose own dependencies are missing
            raise click.ClickException(f"the '{cmd_name}' command cannot load: {exc}") from exc
        return loaded if isinstance(loaded, click.Command) else None


@click.group(cls=PluginGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quizgen")
def cli() -> None:
    """Question banks, Anki decks and class quizzes from current-affairs articles.

    PATH arguments are bank files or folders of *.yaml; the default is questions/.
    """


@cli.command()
@paths_argument
@summary_option
@report_errors
def validate(paths: tuple[str, ...], max_summary_words: int) -> None:
    """Check banks: print every problem as path:line:col: message."""
    banks = load_or_fail(paths, max_summary_words=max_summary_words)
    questions = sum(len(b.questions) for b in banks)
    sources = sum(len(b.sources) for b in banks)
    drafts = sum(q.draft for b in banks for q in b.questions)
    note = f" ({drafts} still marked draft: left out of decks and quizzes)" if drafts else ""
    click.echo(f"ok: {_count(len(banks), 'bank')}, {_count(questions, 'question')}, "
               f"{_count(sources, 'source')}{note}")


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write to this file instead of stdout.")
@report_errors
def schema(output: str | None) -> None:
    """Print the JSON Schema of a bank (for editors with the YAML language server)."""
    import json

    from .schema import bank_schema

    text = json.dumps(bank_schema(), ensure_ascii=False, indent=2) + "\n"
    if output:
        atomic_write_bytes(output, text.encode("utf-8"))
    else:
        click.echo(text, nl=False)


class FormatOption(click.Option):
    """The --format option: its help lists the formats installed, looked up
    only when the help is shown (the lookup reads every package's entry points)."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        from .exporters import available

        record = super().get_help_record(ctx)
        if record is None:
            return None
        names, text = record
        return names, text.replace(str(self.help), f"{self.help} ({', '.join(available())}).", 1)


@cli.command()
@paths_argument
@click.option("-f", "--format", "format_name", default="json", show_default=True,
              cls=FormatOption, help="Output format")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write to this file instead of stdout.")
@summary_option
@report_errors
def export(paths: tuple[str, ...], format_name: str, output: str | None, max_summary_words: int) -> None:
    """Write the banks in another format (the JSON export is the interchange format)."""
    from .exporters import available, get_exporter

    try:
        exporter = get_exporter(format_name)()
    except QuizgenError as exc:
        if format_name in available():
            raise  # a known format that cannot load (a missing extra): not a usage error
        raise click.BadParameter(str(exc), param_hint="'-f' / '--format'") from exc
    banks = load_or_fail(paths, max_summary_words=max_summary_words)
    data = exporter.export(banks)
    for warning in getattr(exporter, "warnings", ()):  # questions a format had to leave out
        click.echo(f"warning: {warning}", err=True)
    if output:
        atomic_write_bytes(Path(output), data)
    elif exporter.mimetype.startswith(("text/", "application/json")):
        sys.stdout.buffer.write(data)
    else:
        raise QuizgenError(f"the {format_name} format is binary: write it to a file with -o")


@cli.command("build")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("-o", "--out", "out_dir", default=DEFAULT_DECKS, show_default=True,
              type=click.Path(file_okay=False, writable=True), help="Folder for the .apkg decks.")
@summary_option
@click.option("--force", is_flag=True, help="Rebuild decks even if their inputs did not change.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: only on a terminal, for big builds).")
def build_command(paths: tuple[str, ...], out_dir: str, max_summary_words: int, force: bool,
                  progress: bool | None) -> None:
    """Build an Anki deck per bank: OUT/<bank-id>.apkg, safe to re-import.

    Beside each bank, <bank-id>.lock.json records when each note last
    changed: commit it with the bank, or students' next import will not get
    the fixes.
    """
    from .build import build  # genanki and Babel load only for a build

    with user_errors():
        results = build(bank_paths(paths), out_dir, options=Options(max_summary_words),
                        progress=progress, force=force)
    for result in results:
        click.echo(result.summary())


cli.add_command(draft_command)
cli.add_command(draft_eval_command)


def main() -> None:
    cli(prog_name="quizgen")
