"""`quizgen import gift|moodle FILE -o BANK.yaml`."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from ..clitools import report_errors
from . import READERS, read, write_bank


@click.command("import")
@click.argument("format_name", metavar="FORMAT", type=click.Choice(sorted(READERS)))
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True),
              help="The bank file to write (its id is the file name).")
@click.option("--language", type=click.Choice(["fr", "en"]), default="fr", show_default=True,
              help="The bank's language (its placeholders are written in it).")
@click.option("--force", is_flag=True, help="Replace OUTPUT if it exists.")
@report_errors
def import_command(format_name: str, file: str, output: str, language: str, force: bool) -> None:
    """Make a draft bank from a GIFT or Moodle XML file.

    Every question is marked draft and review, tied to a placeholder article
    (sources/<id>.txt beside the bank): paste the article, give each question
    a real evidence extract, and `quizgen validate` lists those still missing.
    """
    imported = read(format_name, Path(file).read_bytes(), file, language=language)
    for warning in imported.warnings:
        click.echo(f"warning: {warning}", err=True)
    article = write_bank(imported, Path(output), language=language, today=date.today(), force=force)
    n = len(imported.questions)
    click.echo(f"{output}: {n} question{'s' if n != 1 else ''} imported as drafts; "
               f"paste the article into {article}")
