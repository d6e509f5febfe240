"""Regrading a session: the teacher accepts an answer the bank did not, and
every score of that question is graded again at once.

Accepted answers are kept per session and question (db.accepted_answer) and
graded by quizgen.grading exactly as the bank's own `accept` is (the `extra`
of grading.score): the dashboard, the CSV and the students' pages all read
answer.score, so recomputing it is all a regrade has to do. An answer sent
after an acceptance is graded with it too (see after_record).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

import yaml
from sqlalchemy import Connection, bindparam, delete, insert, select, text, update

from quizgen.grading import (
    FULL,
    Extra,
    ResponseError,
    format_number,
    gap_marks,
    grade,
    normalize_spaces,
    score,
)
from quizgen.model import AnyQuestion, Cloze, Numeric, Short
from quizgen.text import fold_answer

from .db import accepted_answer, answer, attempt, get_engine, utcnow, writing

#: The question types whose answers are typed, so a teacher may accept one.
TYPED = ("short", "cloze", "numeric")

_EXTRA_OF = (
    select(accepted_answer.c.part, accepted_answer.c.value)
    .where(accepted_answer.c.session_id == bindparam("session_id"),
           accepted_answer.c.question_id == bindparam("question_id")))
_RESCORE = (
    update(answer).where(answer.c.attempt_id == bindparam("of_attempt"),
                         answer.c.question_id == bindparam("of_question"))
    .values(score=bindparam("new_score")))


class RegradeError(ValueError):
    """What the teacher asked cannot be done (shown on a 400 page)."""


@dataclass
class Given:
    """One distinct answer given to a part, as grading folds it."""

    value: str
    count: int
    right: bool  # earns the part's credit now (by the bank or by an acceptance)
    accepted: bool  # accepted by the teacher in this session (can be undone)
    spelling: str  # the spelling typed most often, for the bank


@dataclass
class Part:
    index: int  # 0, or the gap's position in a cloze
    right_answer: str
    answers: list[Given] = field(default_factory=list)

    @property
    def accepted(self) -> list[Given]:
        return [g for g in self.answers if g.accepted]


def typed(q: AnyQuestion | None) -> bool:
    return q is not None and q.type in TYPED


def extra_of(conn: Connection, session_id: int, question_id: str) -> dict[int, list[str]]:
    """The answers accepted for this question of this session, by part."""
    out: dict[int, list[str]] = defaultdict(list)
    for row in conn.execute(select(accepted_answer.c.part, accepted_answer.c.value)
                            .where(accepted_answer.c.session_id == session_id,
                                   accepted_answer.c.question_id == question_id)
                            .order_by(accepted_answer.c.id)):
        out[row.part].append(row.value)
    return dict(out)


def marks(session_id: int | None, q: AnyQuestion, response: Any, stored_score: float) -> tuple[bool, ...]:
    """The parts of a stored response marked right or wrong as its score was
    given: with the answers the teacher accepted in its session, if any (read
    only when the score says some part is wrong)."""
    try:
        if stored_score >= FULL:
            return tuple(True for _ in grade(q, response).marks)
        if session_id is None or not typed(q):
            return grade(q, response).marks
        with get_engine().connect() as conn:
            return grade(q, response, extra_of(conn, session_id, q.id)).marks
    except ResponseError:  # stored before a change of the question's type: nothing to mark
        return ()


def _responses(conn: Connection, session_id: int, question_id: str) -> list[Any]:
    rows = conn.execute(select(answer.c.response).join(attempt, answer.c.attempt_id == attempt.c.id)
                        .where(attempt.c.session_id == session_id, answer.c.question_id == question_id))
    return [json.loads(r.response) for r in rows]


def _parts_given(q: AnyQuestion, responses: list[Any]) -> list[list[str]]:
    """The typed text of each part, per response (responses of the wrong shape skipped)."""
    width = len(q.gaps) if isinstance(q, Cloze) else 1
    out: list[list[str]] = [[] for _ in range(width)]
    for r in responses:
        if isinstance(q, Numeric):
            if isinstance(r, int | float) and not isinstance(r, bool):
                out[0].append(format_number(float(r)))
        elif isinstance(q, Short):
            if isinstance(r, str):
                out[0].append(r)
        elif isinstance(r, list):
            for i, t in enumerate(r[:width]):
                if isinstance(t, str):
                    out[i].append(t)
    return out


def fold(q: AnyQuestion, given: str) -> str:
    """A part's answer as grading folds it (the form of answer.label)."""
    return given if isinstance(q, Numeric) else fold_answer(given)


def part_right(q: AnyQuestion, part: int, value: str, extra: Extra) -> bool:
    """Does the folded `value` earn part `part`'s credit, with the accepted answers?"""
    try:
        if isinstance(q, Numeric):
            return score(q, float(value), extra) >= FULL
        if isinstance(q, Cloze):
            return gap_marks(q, [""] * part + [value], extra)[part]
        return score(q, value, extra) >= FULL
    except (ResponseError, ValueError):
        return False


def right_answers(q: AnyQuestion) -> list[str]:
    if isinstance(q, Cloze):
        return [normalize_spaces(a) for _n, a, _h in q.gaps]
    if isinstance(q, Numeric):
        return [format_number(q.answer)]
    return [normalize_spaces(q.answer)] if isinstance(q, Short) else []


def answers_given(conn: Connection, session_id: int, q: AnyQuestion) -> list[Part]:
    """Each part's distinct answers, most frequent first, with counts and right/wrong."""
    extra = extra_of(conn, session_id, q.id)
    parts = []
    for i, (typed_texts, right) in enumerate(zip(_parts_given(q, _responses(conn, session_id, q.id)),
                                                 right_answers(q), strict=True)):
        spellings: dict[str, Counter[str]] = defaultdict(Counter)
        for t in typed_texts:
            spellings[fold(q, t)][normalize_spaces(t)] += 1
        part = Part(i, right)
        for value, seen in sorted(spellings.items(), key=lambda kv: (-kv[1].total(), kv[0])):
            spelling = min(seen, key=lambda s: (-seen[s], s))
            part.answers.append(Given(value, seen.total(), part_right(q, i, value, extra),
                                      value in extra.get(i, ()), spelling))
        parts.append(part)
    return parts


def rescore(conn: Connection, session_id: int, q: AnyQuestion) -> int:
    """Grade every answer to `q` in the session again; how many scores changed."""
    extra = extra_of(conn, session_id, q.id)
    changed = 0
    for row in conn.execute(select(answer.c.id, answer.c.response, answer.c.score)
                            .join(attempt, answer.c.attempt_id == attempt.c.id)
                            .where(attempt.c.session_id == session_id, answer.c.question_id == q.id)).all():
        try:
            new = score(q, json.loads(row.response), extra)
        except (ResponseError, ValueError):
            continue
        if abs(new - row.score) > 1e-9:
            conn.execute(update(answer).where(answer.c.id == row.id).values(score=new))
            changed += 1
    return changed


def _change(session_id: int, q: AnyQuestion, part: int, value: str, *, teacher_id: int, add: bool) -> int:
    """Add or remove one accepted answer and regrade, in one transaction."""
    if not typed(q):
        raise RegradeError("only typed answers (short, cloze, figure) can be accepted")
    engine = get_engine()
    with writing(), engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Answers sent meanwhile wait for the regrade, then see the new
            # acceptance (after_record): none is graded on the old rules unseen.
            conn.execute(text("LOCK TABLE answer IN SHARE ROW EXCLUSIVE MODE"))
        where = (accepted_answer.c.session_id == session_id, accepted_answer.c.question_id == q.id,
                 accepted_answer.c.part == part, accepted_answer.c.value == value)
        there = conn.execute(select(accepted_answer.c.id).where(*where)).first() is not None
        if add and not there:
            given = answers_given(conn, session_id, q)
            if not 0 <= part < len(given) or value not in {g.value for g in given[part].answers}:
                raise RegradeError("this answer was not given to this question")
            conn.execute(insert(accepted_answer).values(
                session_id=session_id, question_id=q.id, part=part, value=value,
                teacher_id=teacher_id, created_at=utcnow()))
        elif not add and there:
            conn.execute(delete(accepted_answer).where(*where))
        else:
            return 0  # a second click: nothing to change
        return rescore(conn, session_id, q)


def accept(session_id: int, q: AnyQuestion, part: int, value: str, *, teacher_id: int) -> int:
    """Accept `value` for part `part` of `q` in this session; how many scores changed."""
    return _change(session_id, q, part, value, teacher_id=teacher_id, add=True)


def undo(session_id: int, q: AnyQuestion, part: int, value: str, *, teacher_id: int) -> int:
    """Withdraw an acceptance; how many scores changed."""
    return _change(session_id, q, part, value, teacher_id=teacher_id, add=False)


def after_record(attempt_id: int, session_id: int, q: AnyQuestion, response: Any, stored: float) -> None:
    """An answer just stored in a session with less than full marks: grade it
    again with the answers the teacher accepted, if any. Read after the
    insert, so an acceptance made meanwhile is seen either by the regrade
    (which then finds this answer) or here."""
    if not typed(q):
        return
    extra: dict[int, list[str]] = defaultdict(list)
    with get_engine().connect() as conn:
        for row in conn.execute(_EXTRA_OF, {"session_id": session_id, "question_id": q.id}):
            extra[row.part].append(row.value)
    if not extra:
        return
    new = score(q, response, extra)
    if abs(new - stored) > 1e-9:
        with writing(), get_engine().begin() as conn:
            conn.execute(_RESCORE, {"of_attempt": attempt_id, "of_question": q.id, "new_score": new})


def bank_hint(q: AnyQuestion, parts: list[Part]) -> str | None:
    """The YAML line that makes the bank accept what the teacher accepted
    (None when nothing is accepted, or for a cloze: a gap has one answer)."""
    accepted = [g for p in parts for g in p.accepted]
    if not accepted or isinstance(q, Cloze):
        return None
    if isinstance(q, Numeric):
        widest = max(abs(float(g.value) - q.answer) for g in accepted)
        return f"tolerance: {format_number(max(widest, q.tolerance))}"
    assert isinstance(q, Short)
    spellings = [*q.accept, *(g.spelling for g in accepted if g.spelling not in q.accept)]
    return yaml.safe_dump({"accept": spellings}, default_flow_style=None, allow_unicode=True,
                          width=10**6).strip()
