"""One base error; a problem knows its file, line, column and message."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a teacher's file, 1-based line and column."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class QuizgenError(Exception):
    """An error meant for the user: the CLI prints it as a message, never a traceback."""


class BankError(QuizgenError):
    """One or more banks are invalid; `problems` lists every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
