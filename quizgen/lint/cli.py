"""The `quizgen lint` command."""

from __future__ import annotations

import sys

import click

from ..clitools import bank_paths, paths_argument, report_errors
from ..errors import BankError, QuizgenError
from ..validate import check_banks
from . import RULES
from .report import lint_file

#: The lint's own codes (its comments), besides the rules'.
COMMENT_CODES = {"LI01": "a lint: ignore comment without a reason",
                 "LI02": "a lint: ignore comment that silences nothing"}


def _codes(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> list[str]:
    """Codes or prefixes, comma-separated or repeated, each matching a known code."""
    known = [*RULES, *COMMENT_CODES]
    out = [c.strip().upper() for v in value for c in v.split(",") if c.strip()]
    for code in out:
        if not any(k.startswith(code) for k in known):
            raise click.BadParameter(f"unknown code or prefix '{code}' (see quizgen lint --list)")
    return out


def _list_rules(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    for rule in sorted(RULES.values(), key=lambda r: r.code):
        click.echo(f"{rule.code}  {rule.name:28} {rule.summary}")
    for code, summary in COMMENT_CODES.items():
        click.echo(f"{code}  {'lint-comment':28} {summary}")
    ctx.exit(0)


@click.command("lint")
@paths_argument
@click.option("--select", callback=_codes, metavar="CODES", multiple=True,
              help="Only these codes or prefixes, comma-separated or repeated (e.g. CH,BK01).")
@click.option("--ignore", callback=_codes, metavar="CODES", multiple=True,
              help="Leave out these codes or prefixes.")
@click.option("--list", "list_rules", is_flag=True, expose_value=False, is_eager=True,
              callback=_list_rules, help="List the rules and exit.")
@report_errors
def lint_command(paths: tuple[str, ...], select: list[str], ignore: list[str]) -> None:
    """Check banks for item-writing flaws (cues, give-aways, unfair grading).

    One line per finding, path:line:col: CODE question-id: message; exit 1 when
    there are findings. Silence one on its question with a YAML comment:
    # lint: ignore[CODE] reason.
    """
    banks, problems = check_banks(bank_paths(paths))
    if problems:
        raise BankError(problems)
    if not banks:
        raise QuizgenError(f"no bank files (*.yaml) in {', '.join(bank_paths(paths))}")
    count = 0
    for bank in banks:
        for located in lint_file(bank, select=select, ignore=ignore):
            click.echo(str(located))
            count += 1
    if count:
        click.echo(f"{count} finding{'s' if count != 1 else ''}", err=True)
        sys.exit(1)
    click.echo(f"ok: no findings in {len(banks)} bank{'s' if len(banks) != 1 else ''}", err=True)
