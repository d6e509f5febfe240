"""Scoring a student's response to a question, on the server only.

A *response* is what the student gave, in the bank's own terms (choice
texts, not positions on a page), so it can be stored, graded again and
compared across students whose pages were shuffled differently:

==========  =======================================================
single      the chosen choice text
multi       the chosen choice texts (a list; order does not matter)
true_false  True or False
numeric     a number
short       the typed text
quote       the chosen speaker
match       {left item: chosen right item}
order       the items in the order the student put them
cloze       one typed text per gap, in reading order
==========  =======================================================

Scores are in [0, 1]; speed never counts. A response of the wrong shape for
its question raises ResponseError. A grade also marks each part of the
response right or wrong (`marks`): the site's correction shows those marks,
it never compares answers itself.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeAlias

from .model import (
    CLOZE_GAP,
    AnyQuestion,
    Cloze,
    Match,
    Multi,
    Numeric,
    Order,
    Quote,
    Short,
    Single,
    TrueFalse,
)
from .text import fold_answer, normalize
from .typed import accepted as typed_accepted

Response: TypeAlias = str | bool | int | float | list[str] | dict[str, str]

#: A score at or above this counts as right (floats from partial credit).
FULL = 1.0 - 1e-9


class ResponseError(ValueError):
    """The response does not have the shape its question type expects."""


@dataclass(frozen=True)
class Grade:
    score: float
    #: The normalised answer given, for item analysis: two students who gave
    #: the same answer (however typed or ordered on their page) get the same label.
    label: str
    #: Each part of the response right or wrong, in the response's own order:
    #: a mark per choice given (multi), per pair given (match, in the order of
    #: the mapping), per place (order), per gap (cloze); one mark otherwise.
    marks: tuple[bool, ...] = ()

    @property
    def correct(self) -> bool:
        return self.score >= FULL


#: Answers accepted after the fact (the site's regrade), by part: 0 for a
#: short or numeric question (a figure as format_number writes it), the gap's
#: position in reading order for a cloze. They count as the bank's `accept` does.
Extra: TypeAlias = Mapping[int, Sequence[str]]


def grade(question: AnyQuestion, response: Response, extra: Extra | None = None) -> Grade:
    """The score, label and per-part marks of `response` (`extra`: see Extra)."""
    return Grade(score(question, response, extra), answer_label(question, response),
                 marks(question, response, extra))


def marks(question: AnyQuestion, response: Response, extra: Extra | None = None) -> tuple[bool, ...]:
    """Each part of `response` right or wrong (see Grade.marks)."""
    match question:
        case Multi():
            answers = {normalize(a) for a in question.answers}
            return tuple(normalize(t) in answers for t in _texts(response))
        case Match():
            pairs = question.pairs
            return tuple(left in pairs and _same_text(right, pairs[left])
                         for left, right in _mapping(response).items())
        case Order():
            items = question.items
            return tuple(i < len(items) and _same_text(t, items[i]) for i, t in enumerate(_texts(response)))
        case Cloze():
            return tuple(gap_marks(question, _texts(response), extra))
    return (score(question, response, extra) >= FULL,)


def score(question: AnyQuestion, response: Response, extra: Extra | None = None) -> float:
    """The credit for `response`, between 0 and 1 (`extra`: see Extra)."""
    more = extra or {}
    match question:
        case Single() | Quote():
            right = question.answer if isinstance(question, Single) else question.speaker
            return 1.0 if _same_text(_text(response), right) else 0.0
        case Multi():
            return _multi_score(question, _texts(response))
        case TrueFalse():
            if not isinstance(response, bool):
                raise ResponseError("expected true or false")
            return 1.0 if response is question.answer else 0.0
        case Numeric():
            value = _number(response)
            return 1.0 if math.isfinite(value) and (
                question.accepts(value) or format_number(value) in more.get(0, ())) else 0.0
        case Short():
            accepted = [*question.accepted, *more.get(0, ())]
            return 1.0 if _typed_right(question, _text(response), accepted) else 0.0
        case Match() | Order():
            parts = len(question.pairs) if isinstance(question, Match) else len(question.items)
            return sum(marks(question, response)) / parts if parts else 0.0
        case Cloze():
            right = gap_marks(question, _texts(response), extra)
            return sum(right) / len(right) if right else 0.0
    raise ResponseError(f"unknown question type {question.type!r}")


def gap_marks(question: Cloze, given: Sequence[str], extra: Extra | None = None) -> list[bool]:
    """Whether each gap of a cloze is filled right, in reading order (a missing text is wrong)."""
    more = extra or {}
    return [i < len(given) and _typed_right(question, given[i], [answer, *more.get(i, ())])
            for i, (_n, answer, _hint) in enumerate(question.gaps)]


def key(question: AnyQuestion) -> Response:
    """The response that scores 1 (what a review shows as the right answer)."""
    match question:
        case Single() | Short():
            return question.answer
        case Multi():
            return [c for c in question.choices if c in question.answers]
        case TrueFalse():
            return question.answer
        case Numeric():
            return question.answer
        case Quote():
            return question.speaker
        case Match():
            return dict(question.pairs)
        case Order():
            return list(question.items)
        case Cloze():
            return [answer for _n, answer, _hint in question.gaps]
    raise ResponseError(f"unknown question type {question.type!r}")


def answer_label(question: AnyQuestion, response: Response) -> str:
    """A short, canonical text for the answer given (see Grade.label)."""
    match question:
        case Single() | Quote():
            return normalize_spaces(_text(response))
        case Multi():
            chosen = {normalize(t) for t in _texts(response)}
            # The bank's order, so the same selection always reads the same.
            picked = [c for c in question.choices if normalize(c) in chosen]
            return "; ".join(picked)
        case TrueFalse():
            if not isinstance(response, bool):
                raise ResponseError("expected true or false")
            return "true" if response else "false"
        case Numeric():
            return format_number(_number(response))
        case Short():
            return fold_answer(_text(response))
        case Match():
            given = _mapping(response)
            return "; ".join(f"{left} → {normalize_spaces(given.get(left, ''))}" for left in question.pairs)
        case Order():
            return " > ".join(normalize_spaces(t) for t in _texts(response))
        case Cloze():
            return " | ".join(fold_answer(t) for t in _texts(response))
    raise ResponseError(f"unknown question type {question.type!r}")


def format_number(value: float) -> str:
    """125.0 → "125", 2.50 → "2.5": no spurious decimals in labels."""
    if not math.isfinite(value):
        return str(value)
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    return repr(float(value))


def normalize_spaces(text: str) -> str:
    return " ".join(text.split())


def _same_text(given: str, right: str) -> bool:
    return normalize(given) == normalize(right)


def _typed_right(question: Short | Cloze, given: str, answers: Sequence[str]) -> bool:
    """A typed answer against the accepted ones (see quizgen.typed): read with
    the question's own words, strictly if the question says `strict: true`."""
    if isinstance(question, Short):
        context = (question.prompt, question.evidence_text)
    else:
        context = (CLOZE_GAP.sub(" ", question.text), question.evidence_text)
    return typed_accepted(given, answers, context, strict=question.strict)


def _text(response: Any) -> str:
    if isinstance(response, str):
        return response
    raise ResponseError("expected text")


def _texts(response: Any) -> list[str]:
    if isinstance(response, list | tuple) and all(isinstance(t, str) for t in response):
        return list(response)
    raise ResponseError("expected a list of texts")


def _mapping(response: Any) -> Mapping[str, str]:
    if isinstance(response, Mapping) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in response.items()):
        return response
    raise ResponseError("expected a mapping of texts")


def _number(response: Any) -> float:
    if isinstance(response, bool) or not isinstance(response, int | float):
        raise ResponseError("expected a number")
    return float(response)


def _multi_score(question: Multi, given: list[str]) -> float:
    answers = {normalize(a) for a in question.answers}
    chosen = {normalize(t) for t in given}
    if not answers:
        return 1.0 if not chosen else 0.0
    right = len(chosen & answers)
    wrong = len(chosen - answers)
    return max(0.0, (right - wrong) / len(answers))
