"""The one place where the site calls the drafter (quizgen.draft).

Everything the teacher area needs from `quizgen draft` goes through
`current_drafter()`: the real one runs the `quizgen draft` pipeline with the
French spaCy model, loaded once per process; the tests set QUIZGEN_DRAFTER to
a fake with the same two methods. Without the `draft` extra the site still
works, and the draft pages say how to install it.
"""

from __future__ import annotations

import contextlib
import importlib.util
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from flask import current_app

from quizgen import Bank
from quizgen.draft.bank import Draft, SourceInfo, to_yaml
from quizgen.draft.writer import draft_file, read_article, write_bank
from quizgen.errors import QuizgenError

INSTALL_HINT = "pip install 'quizgen[draft]'"
MODEL = "fr_core_news_sm"
#: The bank id the drafter is given; the teacher chooses the real one before publishing.
PLACEHOLDER_ID = "brouillon"

__all__ = ["INSTALL_HINT", "Drafted", "Drafter", "SourceInfo", "bank_document", "current_drafter",
           "write_bank"]


@dataclass
class Drafted:
    """A drafted bank: the bank as plain data, the article its evidence quotes, what to check."""

    bank: dict[str, Any]
    article: str
    notes: list[str] = field(default_factory=list)


class Drafter(Protocol):
    def unavailable(self) -> str | None:
        """Why drafting cannot run here (with how to fix it), or None."""

    def draft(self, text: str, info: SourceInfo, today: date | None = None) -> Drafted:
        """Draft a bank from an article's text (QuizgenError with a message for the teacher)."""


_finder: Any = None
_finder_lock = threading.Lock()


def entity_finder() -> Any:
    """The spaCy model, loaded on first use and kept for the life of the process."""
    global _finder
    with _finder_lock:
        if _finder is None:
            from quizgen.draft.nlp import load_entity_finder

            _finder = load_entity_finder()
        return _finder


def _load_quietly() -> None:
    with contextlib.suppress(QuizgenError):  # drafting will say what is missing
        entity_finder()


class SpacyDrafter:
    """`quizgen draft`, the pipeline with the French spaCy model."""

    def unavailable(self) -> str | None:
        if _finder is not None:
            return None
        for name in ("spacy", MODEL):
            try:
                found = importlib.util.find_spec(name)
            except (ImportError, ValueError):  # ValueError: a module whose import failed before
                found = None
            if found is None:
                return f"The draft extra is not installed (spaCy and its French model): {INSTALL_HINT}"
        return None

    def warm_up(self) -> None:
        """Load the model in the background while the teacher pastes the article."""
        if _finder is None and self.unavailable() is None:
            threading.Thread(target=_load_quietly, name="quizgen-nlp-warm-up", daemon=True).start()

    def draft(self, text: str, info: SourceInfo, today: date | None = None) -> Drafted:
        finder = entity_finder()  # NlpUnavailable (a QuizgenError) when spaCy is missing
        with tempfile.TemporaryDirectory(prefix="quizgen-draft-") as tmp:
            article = Path(tmp) / "article.txt"
            article.write_text(text, encoding="utf-8")
            written = draft_file(article, output=Path(tmp) / "out" / f"{PLACEHOLDER_ID}.yaml",
                                 info=info, entities=finder, today=today)
            cleaned = read_article(written.source_path)
        return drafted_from(written.draft, cleaned)


def drafted_from(draft: Draft, article: str) -> Drafted:
    return Drafted(draft.bank.to_data(), article, list(draft.notes))


def bank_document(bank: Bank, notes: list[str]) -> str:
    """The bank as `quizgen draft` writes it (its YAML, with the notes in the header)."""
    return to_yaml(Draft(bank, notes=notes))


def current_drafter() -> Drafter:
    """The app's drafter: QUIZGEN_DRAFTER if set (tests), else `quizgen draft` with spaCy."""
    return current_app.config.get("QUIZGEN_DRAFTER") or _DEFAULT


_DEFAULT = SpacyDrafter()


def clean_article(text: str) -> str:
    """The article as the drafter reads a file (UTF-8, NFC, \\n line ends), or QuizgenError."""
    with tempfile.TemporaryDirectory(prefix="quizgen-article-") as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(text, encoding="utf-8")
        try:
            return read_article(path)
        except QuizgenError as exc:
            raise QuizgenError(str(exc).replace(f"{path}: ", "")) from exc
