"""quizgen: question banks, Anki decks and class quizzes from current-affairs articles."""

from .errors import BankError, Problem, QuizgenError
from .exporters import get_exporter
from .model import QUESTION_TYPES, AnyQuestion, Bank, Question, Source
from .validate import check_banks, load_bank, load_banks

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
