"""The French spaCy pipeline, loaded lazily: the rest of quizgen never needs spaCy.

Only the named-entity recogniser is used (people, organisations, places);
the rules do the rest, so the tagger, parser and lemmatizer stay off.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from ..errors import QuizgenError

MODEL = "fr_core_news_sm"
INSTALL_HINT = "pip install 'quizgen[draft]'"


class NlpUnavailable(QuizgenError):
    """spaCy or its French model is not installed."""


class EntityFinder(Protocol):
    def __call__(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]: ...


def load_entity_finder() -> EntityFinder:
    """Load fr_core_news_sm once (from the installed package, never from the network)."""
    try:
        import spacy
    except ImportError as exc:
        raise NlpUnavailable(
            f"quizgen draft needs spaCy and its French model ({MODEL}); install them with: {INSTALL_HINT}"
        ) from exc
    try:
        nlp = spacy.load(
            MODEL, exclude=["parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter"]
        )
    except OSError as exc:
        raise NlpUnavailable(
            f"the French spaCy model {MODEL} is not installed; install it with: {INSTALL_HINT}"
        ) from exc
    return _SpacyFinder(nlp)


class _SpacyFinder:
    def __init__(self, nlp: Any):
        self.nlp = nlp

    def __call__(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        return [
            [(e.start_char, e.end_char, e.label_) for e in doc.ents]
            for doc in self.nlp.pipe(texts, batch_size=64)
        ]
