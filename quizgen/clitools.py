"""What every `quizgen` command shares: the PATH… argument and turning
errors meant for the user into messages (the CLI's edge)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import BankError, QuizgenError
from .validate import DEFAULT_SUMMARY_WORDS

DEFAULT_BANKS = "questions"
DEFAULT_DECKS = "decks"
#: Problems printed before "… and N more": the first ones are enough to start fixing.
MAX_PROBLEMS_SHOWN = 50
F = TypeVar("F", bound=Callable[..., Any])

paths_argument = click.argument("paths", nargs=-1, type=click.Path(exists=True))
summary_option = click.option(
    "--max-summary-words", type=click.IntRange(min=1), default=DEFAULT_SUMMARY_WORDS, show_default=True,
    help="Word limit for each source's summary.")


def bank_paths(paths: Sequence[str]) -> list[str]:
    """The PATH… arguments, or the default questions/ folder (a usage error
    when there is none here)."""
    if not paths and not Path(DEFAULT_BANKS).is_dir():
        raise click.UsageError(f"no {DEFAULT_BANKS}/ folder here: give bank files or folders, "
                               f"or run from the folder that holds {DEFAULT_BANKS}/")
    return list(paths) or [DEFAULT_BANKS]


@contextmanager
def user_errors(after: str = "") -> Iterator[None]:
    """Print QuizgenErrors as messages on stderr and exit 1: a BankError as its
    first `path:line:col: message` lines and a count (plus `after`), others as `error: …`."""
    try:
        yield
    except BankError as exc:
        for problem in exc.problems[:MAX_PROBLEMS_SHOWN]:
            click.echo(str(problem), err=True)
        n = len(exc.problems)
        if n > MAX_PROBLEMS_SHOWN:
            click.echo(f"… and {n - MAX_PROBLEMS_SHOWN:,} more", err=True)
        click.echo(f"{n:,} problem{'s' if n != 1 else ''} found{after}", err=True)
        sys.exit(1)
    except QuizgenError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)


def report_errors(func: F) -> F:
    """`user_errors` as a decorator."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with user_errors():
            return func(*args, **kwargs)

    return wrapper  # type: ignore[return-value]
