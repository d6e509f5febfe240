"""A student's run through questions, shared by practice and class sessions.

One flow for both: a page per question, the answer graded on the server and
stored once (the database refuses a second answer to the same question), then
feedback when the rules allow it. What differs is only where the run's token
lives (the URL for practice, the cookie for a class) and the session's rules
(open or closed, time limit, feedback now or at the close).
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from flask import Response, abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import Connection, Row, and_, bindparam, insert, select
from sqlalchemy.exc import IntegrityError
from werkzeug.datastructures import ImmutableMultiDict

from quizgen.grading import FULL, grade, key
from quizgen.model import AnyQuestion

from . import fragments, quizforms
from .catalog import Entry, catalog
from .db import answer, attempt, get_engine, quiz_session, utcnow

#: Answers arriving this long after the time limit still count: the student
#: pressed the button in time and the network was slow.
GRACE = timedelta(seconds=10)
LIVE = ("waiting", "open")


_EMPTY: ImmutableMultiDict[str, str] = ImmutableMultiDict()


def new_token() -> str:
    return secrets.token_urlsafe(24)


@dataclass
class Stored:
    """An answer as stored."""

    question_id: str
    response: Any
    label: str
    score: float

    @property
    def correct(self) -> bool:
        return self.score >= FULL


@dataclass
class Run:
    attempt: Row[Any]
    session: Row[Any] | None
    entry: Entry
    question_ids: list[str] = field(default_factory=list)

    # -- where its pages are
    def url(self, page: str, **values: Any) -> str:
        if self.session is None:
            return url_for(f"practice.{page}", token=self.attempt.token, **values)
        return url_for(f"join.{page}", code=self.session.code, **values)

    @property
    def is_practice(self) -> bool:
        return self.session is None

    def question(self, n: int) -> AnyQuestion:
        """The n-th (1-based) question of the run, or a 404/410 page."""
        if not 1 <= n <= len(self.question_ids):
            abort(404)
        q = self.entry.by_id.get(self.question_ids[n - 1])
        if q is None:
            abort(410)  # the bank changed since the run began
        return q

    # -- the session's rules
    @property
    def deadline(self) -> datetime | None:
        s = self.session
        if s is None or not s.time_limit:
            return None
        start = max(self.attempt.created_at, s.opened_at or self.attempt.created_at)
        return start + timedelta(minutes=s.time_limit)

    @property
    def waiting(self) -> bool:
        return self.session is not None and self.session.status == "waiting"

    @property
    def closed(self) -> bool:
        return self.session is not None and self.session.status == "closed"

    def time_is_up(self, now: datetime | None = None) -> bool:
        deadline = self.deadline
        return deadline is not None and (now or utcnow()) > deadline + GRACE

    def can_answer(self) -> bool:
        if self.session is None:
            return True
        return self.session.status == "open" and not self.time_is_up()

    @property
    def deferred(self) -> bool:
        return self.session is not None and self.session.feedback == "deferred"

    def reveals(self, answered: bool) -> bool:
        """May the page show a question's key, explanation and evidence?"""
        if self.closed:
            return True  # nobody can answer any more
        if self.deferred:
            return False
        return answered

    def seed(self, question_id: str):
        return quizforms.seeded(current_app.secret_key, self.attempt.token, question_id)

    def view(self, q: AnyQuestion) -> quizforms.QuestionView:
        return quizforms.view(q, self.seed(q.id))


# Built once: every student page runs these, and building a statement costs
# more than SQLite takes to answer it.
_RUN_BY_TOKEN = (
    select(attempt.c.id, attempt.c.token, attempt.c.bank_id, attempt.c.question_ids, attempt.c.session_id,
           attempt.c.nickname, attempt.c.created_at, quiz_session.c.code, quiz_session.c.status,
           quiz_session.c.feedback, quiz_session.c.time_limit, quiz_session.c.opened_at)
    .select_from(attempt.outerjoin(quiz_session, attempt.c.session_id == quiz_session.c.id))
    .where(attempt.c.token == bindparam("token"))
)
_ANSWERS = select(answer.c.question_id, answer.c.response, answer.c.label, answer.c.score).where(
    answer.c.attempt_id == bindparam("attempt_id"))
_ANSWER = _ANSWERS.where(answer.c.question_id == bindparam("question_id"))
_INSERT_ANSWER = insert(answer)


def load_run(conn: Connection, token: str) -> Run | None:
    if not token or len(token) > 64:
        return None
    row = conn.execute(_RUN_BY_TOKEN, {"token": token}).first()
    if row is None:
        return None
    entry = catalog().get(row.bank_id)
    if entry is None:
        abort(410)  # the bank is no longer served
    return Run(attempt=row, session=row if row.session_id is not None else None, entry=entry,
               question_ids=json.loads(row.question_ids))


def stored_answers(conn: Connection, attempt_id: int, question_id: str | None = None) -> dict[str, Stored]:
    if question_id is None:
        rows = conn.execute(_ANSWERS, {"attempt_id": attempt_id})
    else:
        rows = conn.execute(_ANSWER, {"attempt_id": attempt_id, "question_id": question_id})
    return {r.question_id: Stored(r.question_id, json.loads(r.response), r.label, r.score) for r in rows}


def record(run: Run, q: AnyQuestion, response: Any) -> bool:
    """Store the graded answer; False if this question was already answered."""
    g = grade(q, response)
    try:
        with get_engine().begin() as conn:
            conn.execute(_INSERT_ANSWER, {
                "attempt_id": run.attempt.id, "question_id": q.id,
                "response": json.dumps(response, ensure_ascii=False), "label": g.label, "score": g.score,
                "created_at": utcnow()})
    except IntegrityError:
        return False
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


# -- pages


def next_unanswered(run: Run, answered: set[str], after: int = 0) -> int | None:
    """The number of the next question not yet answered, after `after`, wrapping round."""
    n = len(run.question_ids)
    for step in range(1, n + 1):
        i = (after + step - 1) % n
        if run.question_ids[i] not in answered and run.question_ids[i] in run.entry.by_id:
            return i + 1
    return None


def question_page(run: Run, n: int, *, error: str | None = None, status: int = 200) -> tuple[str, int]:
    q = run.question(n)
    with get_engine().connect() as conn:
        mine = stored_answers(conn, run.attempt.id, q.id).get(q.id)
        answered = set(stored_answers(conn, run.attempt.id)) if mine is not None else set()
    context: dict[str, Any] = {
        "run": run, "n": n, "total": len(run.question_ids), "bank": run.entry.bank,
        "view": run.view(q), "error": error, "form": request.form if error else _EMPTY,
        "answered": mine is not None, "given": mine.response if mine else None,
    }
    if mine is not None:
        nxt = next_unanswered(run, answered, after=n)
        context["next_url"] = run.url("question", n=nxt) if nxt else run.url("end")
    context["locked"] = mine is None and not run.can_answer()
    if mine is None and not context["locked"]:
        context["form_html"] = fragments.question_form(context["view"], context["form"], error)
    if run.reveals(answered=mine is not None):
        context.update(reveal_context(run, q), stored=mine)
    return render_template("question.html", **context), status


def reveal_context(run: Run, q: AnyQuestion) -> dict[str, Any]:
    """What a page shows once the question may be revealed: the key and its proof."""
    return {"reveal": True, "question": q, "key": key(q), "source": run.entry.bank.source(q.source)}


def submit(run: Run, n: int) -> Response | tuple[str, int]:
    q = run.question(n)
    if not run.can_answer():
        with get_engine().connect() as conn:
            already = stored_answers(conn, run.attempt.id, q.id)
        if already:  # a replayed POST after the close: show the first answer
            return redirect(run.url("question", n=n), code=303)
        abort(403, _("This quiz no longer accepts answers."))
    try:
        response = quizforms.parse(run.view(q), request.form)
    except quizforms.FormError as exc:
        return question_page(run, n, error=str(exc), status=400)
    record(run, q, response)  # a second submission is refused by the database and ignored
    return redirect(run.url("question", n=n), code=303)


def end_page(run: Run) -> str:
    with get_engine().connect() as conn:
        answers = stored_answers(conn, run.attempt.id)
    rows = []
    for n, qid in enumerate(run.question_ids, start=1):
        q = run.entry.by_id.get(qid)
        if q is None:
            continue
        mine = answers.get(qid)
        row: dict[str, Any] = {"n": n, "view": run.view(q), "answered": mine is not None,
                               "given": mine.response if mine else None}
        if run.reveals(answered=mine is not None):
            row.update(reveal_context(run, q), stored=mine)
        rows.append(row)
    shown = [a for a in answers.values() if a.question_id in run.entry.by_id]
    total = sum(1 for qid in run.question_ids if qid in run.entry.by_id)
    return render_template(
        "end.html", run=run, bank=run.entry.bank, rows=rows, answered=len(shown), total=total,
        score=sum(a.score for a in shown), show_score=not run.deferred or run.closed,
        first_unanswered=next_unanswered(run, set(answers)))
