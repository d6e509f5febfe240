"""The French spaCy pipeline, loaded lazily: the rest of quizgen never needs spaCy.

The model gives the named entities (people, organisations, places) and, for
reported speech, each token's part of speech, lemma and dependency: a verb
whose clause holds a quotation and whose subject names someone is a speech
verb, whatever the verb (énonce, tranche, s'agace…).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter
from typing import Any

from ..errors import QuizgenError

MODEL = "fr_core_news_sm"
INSTALL_HINT = "pip install 'quizgen[draft]'"


class NlpUnavailable(QuizgenError):
    """spaCy or its French model is not installed."""


@dataclass(frozen=True)
class Token:
    """One parsed token: offsets into the text given, and the index of its head."""

    start: int
    end: int
    pos: str
    lemma: str
    dep: str
    head: int


def token_span(tokens: Sequence[Token], start: int, end: int) -> range:
    """Indices of the tokens that start in [start, end). The parse lists tokens in the text's
    order: two binary searches, not a scan of the whole article for each sentence or phrase."""
    key = attrgetter("start")
    return range(bisect_left(tokens, start, key=key), bisect_left(tokens, end, key=key))


def starting_in(tokens: Sequence[Token], start: int, end: int) -> list[Token]:
    """The tokens that start in [start, end)."""
    span = token_span(tokens, start, end)
    return list(tokens[span.start : span.stop])


def within(tokens: Sequence[Token], start: int, end: int) -> list[Token]:
    """The tokens wholly inside [start, end)."""
    return [t for t in starting_in(tokens, start, end) if t.end <= end]


@dataclass
class Parsed:
    """One text as the model reads it: entity spans (start, end, label) and tokens."""

    ents: list[tuple[int, int, str]] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)


def load_entity_finder() -> SpacyFinder:
    """Load fr_core_news_sm once (from the installed package, never from the network)."""
    try:
        import spacy
    except ImportError as exc:
        raise NlpUnavailable(
            f"quizgen draft needs spaCy and its French model ({MODEL}); install them with: {INSTALL_HINT}"
        ) from exc
    try:
        nlp = spacy.load(MODEL, exclude=["senter"])
    except OSError as exc:
        raise NlpUnavailable(
            f"the French spaCy model {MODEL} is not installed; install it with: {INSTALL_HINT}"
        ) from exc
    return SpacyFinder(nlp)


class SpacyFinder:
    """Entities (`finder(texts)`) or entities with the parse (`finder.parse(texts)`)."""

    def __init__(self, nlp: Any):
        self.nlp = nlp

    def __call__(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        return [p.ents for p in self.parse(texts)]

    def parse(self, texts: Sequence[str], full: Sequence[bool] | None = None) -> list[Parsed]:
        """Entities of every text; tokens with their parse only where `full` is true (the
        paragraphs that hold a quotation: the parser costs most of the time)."""
        full = list(full) if full is not None else [True] * len(texts)
        out: list[Parsed] = [Parsed() for _ in texts]
        for want_parse in (True, False):
            chosen = [i for i, f in enumerate(full) if f == want_parse]
            if not chosen:
                continue
            names = (
                self.nlp.pipe_names
                if want_parse
                else [p for p in ("tok2vec", "ner") if p in self.nlp.pipe_names]
            )
            with self.nlp.select_pipes(enable=names):
                for i, doc in zip(
                    chosen, self.nlp.pipe([texts[i] for i in chosen], batch_size=64), strict=True
                ):
                    out[i].ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
                    if want_parse:
                        out[i].tokens = [
                            Token(t.idx, t.idx + len(t.text), t.pos_, t.lemma_.lower(), t.dep_, t.head.i)
                            for t in doc
                        ]
        return out


@cache
def _zipf() -> Callable[[str, str], float]:
    """wordfreq's Zipf frequency (part of the `draft` extra, loaded on first use)."""
    try:
        from wordfreq import zipf_frequency
    except ImportError as exc:
        raise NlpUnavailable(f"quizgen draft needs wordfreq; install it with: {INSTALL_HINT}") from exc
    return zipf_frequency


def word_frequency(word: str, lang: str = "fr") -> float:
    """How everyday `word` is: its Zipf frequency in `lang` (wordfreq; 7 for "le", 0 if unseen)."""
    return _zipf()(word, lang)
