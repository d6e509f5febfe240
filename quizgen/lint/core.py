"""What a lint rule is and what it reports.

A rule is one function with a code: a question rule takes one question and
yields findings on it; a bank rule takes the whole bank. Rules register
themselves with the `question_rule` and `bank_rule` decorators, grouped by
theme in the modules beside this one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..model import AnyQuestion, Bank, Cloze, Match, Multi, Numeric, Order, Quote, Short, Single, TrueFalse

#: Where in a question a finding points: ("choices", 2), ("prompt",), () for the whole question.
FieldPath = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Finding:
    """One item-writing flaw. `question_id` is None for a finding on the whole bank."""

    code: str
    question_id: str | None
    message: str
    field: FieldPath = ()

    def __str__(self) -> str:
        """`CODE question-id: message` (the bank's findings say `bank`)."""
        return f"{self.code} {self.question_id or 'bank'}: {self.message}"


QuestionCheck = Callable[[AnyQuestion], Iterable[Finding]]
BankCheck = Callable[[Bank], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    check: Callable[..., Iterable[Finding]]
    scope: str  # "question" or "bank"


RULES: dict[str, Rule] = {}


def matches(code: str, patterns: Iterable[str]) -> bool:
    """Is `code` one of `patterns`, or does it start with one (a prefix: CH, BK0)?"""
    return any(code.startswith(p.upper()) for p in patterns)


def _register(code: str, name: str, scope: str) -> Callable[[Callable[..., Iterable[Finding]]], Callable]:
    def wrap(func: Callable[..., Iterable[Finding]]) -> Callable[..., Iterable[Finding]]:
        if code in RULES:
            raise ValueError(f"lint code {code} registered twice")
        summary = (func.__doc__ or name).strip().splitlines()[0]
        RULES[code] = Rule(code, name, summary, func, scope)
        return func
    return wrap


def question_rule(code: str, name: str) -> Callable[[QuestionCheck], QuestionCheck]:
    """Register a rule run on every question (it yields Findings)."""
    return _register(code, name, "question")


def bank_rule(code: str, name: str) -> Callable[[BankCheck], BankCheck]:
    """Register a rule run once on a bank."""
    return _register(code, name, "bank")


def choices_of(q: AnyQuestion) -> tuple[list[str], set[int]] | None:
    """The options shown with a choice question (single, multi, quote) and
    the positions of the right ones."""
    if isinstance(q, Single):
        return list(q.choices), {i for i, c in enumerate(q.choices) if c == q.answer}
    if isinstance(q, Multi):
        return list(q.choices), {i for i, c in enumerate(q.choices) if c in q.answers}
    if isinstance(q, Quote):
        return [q.speaker, *q.distractors], {0}
    return None


def stem_of(q: AnyQuestion) -> tuple[str, str]:
    """(field name, text) of what the question asks."""
    if isinstance(q, TrueFalse):
        return "statement", q.statement
    if isinstance(q, Quote):
        return "quote", q.quote
    if isinstance(q, Cloze):
        return "text", q.text
    return "prompt", q.prompt  # type: ignore[union-attr]


def front_texts(q: AnyQuestion) -> Iterator[tuple[FieldPath, str]]:
    """Every text a student sees before answering `q`, with its field."""
    name, text = stem_of(q)
    if isinstance(q, Cloze):
        from ..model import CLOZE_GAP
        text = CLOZE_GAP.sub(lambda m: m[3] or "…", text)
    yield (name,), text
    if isinstance(q, Single | Multi):
        yield from ((("choices", i), c) for i, c in enumerate(q.choices))
    elif isinstance(q, Quote):
        if q.context:
            yield ("context",), q.context
        yield ("speaker",), q.speaker
        yield from ((("distractors", i), d) for i, d in enumerate(q.distractors))
    elif isinstance(q, Match):
        for left, right in q.pairs.items():
            yield ("pairs", left), left
            yield ("pairs", left), right
    elif isinstance(q, Order):
        yield from ((("items", i), t) for i, t in enumerate(q.items))


def answer_texts(q: AnyQuestion) -> list[str]:
    """The texts that make the answer (what the evidence should show)."""
    if isinstance(q, Single):
        return [q.answer]
    if isinstance(q, Multi):
        return list(q.answers)
    if isinstance(q, Short):
        return list(q.accepted)
    if isinstance(q, Quote):
        return [q.speaker]
    if isinstance(q, Cloze):
        return [answer for _n, answer, _h in q.gaps]
    if isinstance(q, Numeric):
        return [str(q.answer)]
    return []
