"""Negative stems and statements that tell their own answer."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import AnyQuestion, Cloze, Multi, Quote, Single
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


_BLANK = re.compile(r"_{2,}|\.{3}|…|\(\s*\)|\[\s*\]")
_INSTRUCTIONS = re.compile(
    r"^(?:associez|remettez|classez|choisissez|cochez|selectionnez|indiquez|completez|trouvez|donnez|"
    r"citez|nommez|relevez|reperez|identifiez|rangez|ordonnez)\b")


@question_rule("ST03", "blank-in-stem")
def blank_in_stem(q: AnyQuestion) -> Iterator[Finding]:
    """A choice question written as a sentence with a blank (___, …): ask a question instead."""
    if not isinstance(q, Single | Multi):
        return
    found = _BLANK.search(q.prompt)
    if found:
        yield Finding("ST03", q.id, f"the prompt has a blank (« {found[0]} ») to fill from the choices: "
                      "students must read every choice into it; ask a direct question", ("prompt",))


@question_rule("ST04", "unfocused-stem")
def unfocused_stem(q: AnyQuestion) -> Iterator[Finding]:
    """A choice question whose prompt asks nothing (a statement, no question, no instruction)."""
    if not isinstance(q, Single | Multi):
        return
    prompt = q.prompt.strip()
    if "?" in prompt or _INSTRUCTIONS.match(fold(prompt)) or not prompt.endswith((".", "!", "»")):
        return
    yield Finding("ST04", q.id, "the prompt states something but asks nothing: say what the student must "
                  "find (a question, or an instruction such as « Choisissez… »)", ("prompt",))
