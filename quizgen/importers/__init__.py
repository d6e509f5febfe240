"""Turning a teacher's questions from another platform into a draft bank.

`read(format, data, path)` gives the questions; `write_bank` writes them as
a bank YAML whose questions are all `draft: true` and `review: true`.
"""

from __future__ import annotations

from collections.abc import Callable

from ..errors import QuizgenError
from .common import Imported, write_bank
from .gift import read_gift
from .moodle import read_moodle

READERS: dict[str, Callable[..., Imported]] = {"gift": read_gift, "moodle": read_moodle}

__all__ = ["READERS", "Imported", "read", "write_bank"]


def read(format_name: str, data: bytes, path: str, *, language: str = "fr") -> Imported:
    try:
        reader = READERS[format_name]
    except KeyError as exc:
        raise QuizgenError(f"unknown import format '{format_name}'; formats: {', '.join(READERS)}") from exc
    return reader(data, path, language=language)
