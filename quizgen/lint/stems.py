"""Negative stems and statements that tell their own answer."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import AnyQuestion, Cloze, Quote
from .core import Finding, question_rule, stem_of
from .french import ABSOLUTE_WORDS, NEGATION, fold, words

_EMPHASIS = re.compile(r"\b(?:NE|N['’]|PAS|SAUF|JAMAIS|AUCUNE?|RIEN|PLUS|EXCEPTÉE?|FAUX|FAUSSE)\b")


@question_rule("ST01", "negative-stem")
def negative_stem(q: AnyQuestion) -> Iterator[Finding]:
    """A negative stem (ne … pas, sauf, n’est pas) without emphasis."""
    if isinstance(q, Quote | Cloze):
        return
    name, text = stem_of(q)
    found = NEGATION.search(fold(text))
    if found and not _EMPHASIS.search(text):
        hint = ("a false answer to a negative statement is a double negative"
                if q.type == "true_false" else "students miss the negation")
        yield Finding("ST01", q.id, f"negative stem (« {found[0]} ») without emphasis: {hint}; "
                      "ask it positively, or write the negation in capitals (NE … PAS)", (name,))


@question_rule("ST02", "absolute-in-false-statement")
def absolute_in_false_statement(q: AnyQuestion) -> Iterator[Finding]:
    """A false statement made false by an absolute term (toujours, jamais, tous…)."""
    if q.type != "true_false" or q.answer:  # type: ignore[union-attr]
        return
    absolute = ABSOLUTE_WORDS & set(words(q.statement))  # type: ignore[union-attr]
    if absolute:
        yield Finding("ST02", q.id, f"a false statement with « {', '.join(sorted(absolute))} »: absolute "
                      "terms tell that it is false; make it false by its facts", ("statement",))
