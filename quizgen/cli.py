"""The `quizgen` command: one click group, thin.

Commands call the library and turn its errors into messages here, at the
edge: a user never sees a traceback for bad input.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from . import __version__
from .clitools import bank_paths, paths_argument, report_errors, summary_option
from .errors import BankError, QuizgenError
from .exporters import available, get_exporter
from .fsutil import atomic_write_bytes
from .model import Bank
from .schema import bank_schema
from .validate import DEFAULT_SUMMARY_WORDS, Options, check_banks


def load_or_fail(paths: Sequence[str], *, max_summary_words: int = DEFAULT_SUMMARY_WORDS) -> list[Bank]:
    """Every bank under `paths`, or BankError with every problem."""
    banks, problems = check_banks(bank_paths(paths), options=Options(max_summary_words))
    if problems:
        raise BankError(problems)
    if not banks:
        raise QuizgenError(f"no bank files (*.yaml) in {', '.join(bank_paths(paths))}")
    return banks


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
    text = json.dumps(bank_schema(), ensure_ascii=False, indent=2) + "\n"
    if output:
        atomic_write_bytes(output, text.encode("utf-8"))
    else:
        click.echo(text, nl=False)


@cli.command()
@paths_argument
@click.option("-f", "--format", "format_name", default="json", show_default=True,
              help=f"Output format ({', '.join(available())}).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True),
              help="Write to this file instead of stdout.")
@summary_option
@report_errors
def export(paths: tuple[str, ...], format_name: str, output: str | None, max_summary_words: int) -> None:
    """Write the banks in another format (the JSON export is the interchange format)."""
    try:
        exporter = get_exporter(format_name)()
    except QuizgenError as exc:
        if format_name in available():
            raise  # a known format that cannot load (a missing extra): not a usage error
        raise click.BadParameter(str(exc), param_hint="'-f' / '--format'") from exc
    banks = load_or_fail(paths, max_summary_words=max_summary_words)
    data = exporter.export(banks)
    if output:
        atomic_write_bytes(Path(output), data)
    elif exporter.mimetype.startswith(("text/", "application/json")):
        sys.stdout.buffer.write(data)
    else:
        raise QuizgenError(f"the {format_name} format is binary: write it to a file with -o")


# Feature commands register below (one import and one add_command each).
from web.cli import serve, teacher  # noqa: E402

cli.add_command(serve)
cli.add_command(teacher)
from .build import build_command  # noqa: E402

cli.add_command(build_command)
from .draft.cli import draft_command, draft_eval_command  # noqa: E402

cli.add_command(draft_command)
cli.add_command(draft_eval_command)


def main() -> None:
    cli(prog_name="quizgen")
