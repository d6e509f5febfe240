"""Cloze gaps: on a function word, or after a word that tells their form."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import CLOZE_GAP, AnyQuestion, Cloze
from ..text import normalize
from .core import Finding, question_rule
from .french import FUNCTION_WORDS, GENDER_ARTICLES, ends_with_elision, last_word, words


@question_rule("CZ01", "gap-on-function-word")
def gap_on_function_word(q: AnyQuestion) -> Iterator[Finding]:
    """A cloze gap on a function word (le, la, de, et, à…)."""
    if not isinstance(q, Cloze):
        return
    for number, answer, _hint in q.gaps:
        gap = [w.rstrip("'") for w in words(answer)]
        if gap and all(w in FUNCTION_WORDS for w in gap):
            yield Finding("CZ01", q.id, f"gap c{number} hides a function word (« {answer} »): it tests "
                          "grammar, not the story; hide a word that carries a fact", ("text",))


@question_rule("GR02", "grammar-cue-gap")
def grammar_cue_gap(q: AnyQuestion) -> Iterator[Finding]:
    """An elided word (d’, l’, qu’) or a gendered article right before a cloze gap."""
    if not isinstance(q, Cloze):
        return
    for m in CLOZE_GAP.finditer(q.text):
        before = CLOZE_GAP.sub(lambda g: g[2], q.text[:m.start()])
        elided = ends_with_elision(before)
        if elided:
            yield Finding("GR02", q.id, f"« {elided} » before gap c{m[1]} says its answer starts with a "
                          f"vowel: put « {elided} » inside the gap or reword", ("text",))
            continue
        if before[-1:].isspace() and last_word(before) in GENDER_ARTICLES and normalize(before).endswith(
                f" {last_word(before)}"):
            article = last_word(before)
            yield Finding("GR02", q.id, f"« {article} » before gap c{m[1]} gives away that the answer is "
                          f"{GENDER_ARTICLES[article]}: put the article inside the gap", ("text",))
