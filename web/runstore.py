"""Reading and writing runs: a run with its answers, an answer stored once.

The database refuses a second answer to the same question, and a class's
answer is stored only while its session is open (web/runrules.py has the
rules, web/runpages.py the pages).
"""

from __future__ import annotations

import json
import secrets
from typing import Any

from flask import abort
from sqlalchemy import Connection, and_, bindparam, exists, insert, select
from sqlalchemy.exc import IntegrityError

from quizgen.grading import FULL, grade
from quizgen.model import AnyQuestion

from . import regrade
from .catalog import catalog
from .db import answer, attempt, get_engine, quiz_session, utcnow, writing
from .runrules import LIVE, Run, Stored


def new_token() -> str:
    return secrets.token_urlsafe(24)


# Built once: every student page runs one of these (SQLAlchemy caches their
# compiled form). A question page reads the run and its answers in one query
# (one row per answer, or one row with NULL answer columns): it needs both,
# and a second round trip cost as much as the first. Sending an answer needs
# only the run (the database refuses a second answer), and each answer's row
# costs about as much as the run's.
_RUN_COLUMNS = (attempt.c.id, attempt.c.token, attempt.c.bank_id, attempt.c.question_ids,
                attempt.c.session_id, attempt.c.nickname, attempt.c.created_at, quiz_session.c.code,
                quiz_session.c.status, quiz_session.c.feedback, quiz_session.c.time_limit,
                quiz_session.c.opened_at)
_RUN_BY_TOKEN = (
    select(*_RUN_COLUMNS)
    .select_from(attempt.outerjoin(quiz_session, attempt.c.session_id == quiz_session.c.id))
    .where(attempt.c.token == bindparam("token"))
)
_RUN_AND_ANSWERS_BY_TOKEN = (
    select(*_RUN_COLUMNS, answer.c.question_id.label("answer_question_id"),
           answer.c.response.label("answer_response"), answer.c.label.label("answer_label"),
           answer.c.score.label("answer_score"))
    .select_from(attempt.outerjoin(quiz_session, attempt.c.session_id == quiz_session.c.id)
                 .outerjoin(answer, answer.c.attempt_id == attempt.c.id))
    .where(attempt.c.token == bindparam("token"))
)
_ANSWERED = (
    select(answer.c.id).where(answer.c.attempt_id == bindparam("attempt_id"),
                              answer.c.question_id == bindparam("question_id")))
_ANSWER_COLUMNS = ("attempt_id", "question_id", "response", "label", "score", "created_at")
_INSERT_ANSWER = insert(answer).values({c: bindparam(c) for c in _ANSWER_COLUMNS})
#: A class's answer is stored only if its session is still open when the row
#: is written: the check and the insert are one statement, so a close that
#: lands while the answer is on its way wins (no answer after closed_at).
_INSERT_ANSWER_IF_OPEN = insert(answer).from_select(
    list(_ANSWER_COLUMNS),
    select(*(bindparam(c, type_=answer.c[c].type) for c in _ANSWER_COLUMNS))
    .where(exists().where(quiz_session.c.id == bindparam("session_id"),
                          quiz_session.c.status == bindparam("open_status")))
).returning(answer.c.id)  # a row back when stored: rowcount is -1 for INSERT … SELECT on psycopg


class AnswersClosed(Exception):
    """The session stopped taking answers before this one was stored."""


def load_run(token: str, *, answers: bool = True) -> Run | None:
    """The run with this token, with its answers unless answers=False; None if there is none."""
    if not token or len(token) > 64:
        return None
    with get_engine().connect() as conn:
        rows = conn.execute(_RUN_AND_ANSWERS_BY_TOKEN if answers else _RUN_BY_TOKEN, {"token": token}).all()
    if not rows:
        return None
    row = rows[0]
    entry = catalog().get(row.bank_id)
    if entry is None:
        abort(410)  # the bank is no longer served
    loaded = None
    if answers:
        loaded = {r.answer_question_id: Stored(r.answer_question_id, r.answer_response, r.answer_label,
                                               r.answer_score)
                  for r in rows if r.answer_question_id is not None}
    return Run(attempt=row, session=row if row.session_id is not None else None, entry=entry,
               question_ids=json.loads(row.question_ids), loaded_answers=loaded)


def has_answered(run: Run, question_id: str) -> bool:
    """Whether the run has an answer to this question (read now if the run came without its answers)."""
    if run.loaded_answers is not None:
        return question_id in run.loaded_answers
    with get_engine().connect() as conn:
        found = conn.execute(_ANSWERED, {"attempt_id": run.attempt.id, "question_id": question_id}).first()
    return found is not None


def record(run: Run, q: AnyQuestion, response: Any) -> bool:
    """Store the graded answer; False if this question was already answered,
    AnswersClosed if the run's session is no longer open."""
    g = grade(q, response)
    values = {"attempt_id": run.attempt.id, "question_id": q.id,
              "response": json.dumps(response, ensure_ascii=False), "label": g.label, "score": g.score,
              "created_at": utcnow()}
    if run.session is not None:
        values.update(session_id=run.attempt.session_id, open_status="open")
    try:
        with writing(), get_engine().begin() as conn:
            if run.session is None:
                conn.execute(_INSERT_ANSWER, values)
                stored = True
            else:
                stored = conn.execute(_INSERT_ANSWER_IF_OPEN, values).first() is not None
    except IntegrityError:
        return False
    if not stored:
        raise AnswersClosed
    if run.session is not None and g.score < FULL:  # the teacher may have accepted it (web/regrade.py)
        regrade.after_record(run.attempt.id, run.attempt.session_id, q, response, g.score)
    return True


def create_practice(bank_id: str, question_ids: list[str]) -> str:
    token = new_token()
    with get_engine().begin() as conn:
        conn.execute(insert(attempt).values(
            token=token, bank_id=bank_id, question_ids=json.dumps(question_ids), created_at=utcnow()))
    return token


def bank_in_live_session(conn: Connection, bank_id: str) -> bool:
    """While a class takes a bank, practice on it would show them the answers."""
    return conn.execute(
        select(quiz_session.c.id).where(and_(quiz_session.c.bank_id == bank_id,
                                             quiz_session.c.status.in_(LIVE))).limit(1)
    ).first() is not None
