"""quizgen: question banks, Anki decks and class quizzes from current-affairs articles."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import BankError, Problem, QuizgenError
from .model import QUESTION_TYPES, AnyQuestion, Bank, Question, Source
from .validate import check_banks, load_bank, load_banks

if TYPE_CHECKING:
    from .exporters import get_exporter

__version__ = "0.1.0"

__all__ = [
    "QUESTION_TYPES",
    "AnyQuestion",
    "Bank",
    "BankError",
    "Problem",
    "Question",
    "QuizgenError",
    "Source",
    "__version__",
    "check_banks",
    "get_exporter",
    "load_bank",
    "load_banks",
]


def __getattr__(name: str) -> Any:
    # The exporter registry loads on first use (`quizgen validate` never needs it).
    if name == "get_exporter":
        from .exporters import get_exporter

        return get_exporter
    raise AttributeError(f"module 'quizgen' has no attribute {name!r}")
