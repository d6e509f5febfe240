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
from functools import cached_property
from typing import Any

from flask import Response, abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlalchemy import Connection, and_, bindparam, insert, select
from sqlalchemy.exc import IntegrityError
from werkzeug.datastructures import ImmutableMultiDict

from quizgen.grading import FULL, grade, key
from quizgen.model import AnyQuestion

from . import fragments, quizforms
from .catalog import Entry, catalog
from .db import HotStatement, answer, attempt, get_engine, quiz_session, utcnow, writing
from .filters import clock

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
    raw_response: str  # JSON: decoded only by the pages that show it
    label: str
    score: float

    @cached_property
    def response(self) -> Any:
        return json.loads(self.raw_response)

    @property
    def correct(self) -> bool:
        return self.score >= FULL


@dataclass(frozen=True)
class RunHeader:
    """What the top of a student's pages says about their run (_run_header.html)."""

    code: str | None  # the class session's code; None in practice
    nickname: str | None
    deadline: str | None  # when answers stop being accepted, as the interface prints it


@dataclass
class Run:
    attempt: Any  # a row of _RUN_BY_TOKEN: the attempt's columns…
    session: Any | None  # …and the same row when the run is a class session's (its columns), else None
    entry: Entry
    question_ids: list[str] = field(default_factory=list)
    #: The run's answers by question id, read with the run (one query per page);
    #: None when the run was read without them (see load_run).
    loaded_answers: dict[str, Stored] | None = None

    @property
    def answers(self) -> dict[str, Stored]:
        if self.loaded_answers is None:
            raise RuntimeError("this run was loaded without its answers")
        return self.loaded_answers

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
        return quizforms.view(q, lambda: self.seed(q.id))

    def header(self) -> RunHeader:
        deadline = self.deadline
        return RunHeader(
            code=None if self.session is None else self.session.code,
            nickname=self.attempt.nickname,
            deadline=clock(deadline) if deadline is not None and not self.closed else None)

    def page_context(self) -> dict[str, Any]:
        """What every page of the run needs (base.html and _run_header.html)."""
        return {"run": self, "bank": self.entry.bank, "header": self.header()}


# Built once: every student page runs one of these, and building a statement
# costs more than SQLite takes to answer it. A question page reads the run and
# its answers in one query (one row per answer, or one row with NULL answer
# columns): it needs both, and a second round trip cost as much as the first.
# Sending an answer needs only the run (the database refuses a second answer),
# and each answer's row costs about as much as the run's.
_RUN_COLUMNS = (attempt.c.id, attempt.c.token, attempt.c.bank_id, attempt.c.question_ids,
                attempt.c.session_id, attempt.c.nickname, attempt.c.created_at, quiz_session.c.code,
                quiz_session.c.status, quiz_session.c.feedback, quiz_session.c.time_limit,
                quiz_session.c.opened_at)
_RUN_BY_TOKEN = HotStatement(
    select(*_RUN_COLUMNS)
    .select_from(attempt.outerjoin(quiz_session, attempt.c.session_id == quiz_session.c.id))
    .where(attempt.c.token == bindparam("token"))
)
_RUN_AND_ANSWERS_BY_TOKEN = HotStatement(
    select(*_RUN_COLUMNS, answer.c.question_id.label("answer_question_id"),
           answer.c.response.label("answer_response"), answer.c.label.label("answer_label"),
           answer.c.score.label("answer_score"))
    .select_from(attempt.outerjoin(quiz_session, attempt.c.session_id == quiz_session.c.id)
                 .outerjoin(answer, answer.c.attempt_id == attempt.c.id))
    .where(attempt.c.token == bindparam("token"))
)
_ANSWERED = HotStatement(
    select(answer.c.id).where(answer.c.attempt_id == bindparam("attempt_id"),
                              answer.c.question_id == bindparam("question_id")))
_INSERT_ANSWER = HotStatement(insert(answer).values(
    {c: bindparam(c) for c in ("attempt_id", "question_id", "response", "label", "score", "created_at")}))


def load_run(token: str, *, answers: bool = True) -> Run | None:
    """The run with this token, with its answers unless answers=False; None if there is none."""
    if not token or len(token) > 64:
        return None
    rows = (_RUN_AND_ANSWERS_BY_TOKEN if answers else _RUN_BY_TOKEN).rows({"token": token})
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
    return bool(_ANSWERED.rows({"attempt_id": run.attempt.id, "question_id": question_id}))


def record(run: Run, q: AnyQuestion, response: Any) -> bool:
    """Store the graded answer; False if this question was already answered."""
    g = grade(q, response)
    try:
        with writing():
            _INSERT_ANSWER.write({
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
    mine = run.answers.get(q.id)
    view = run.view(q)
    locked = mine is None and not run.can_answer()
    total = len(run.question_ids)
    if mine is None and not locked and error is None:
        # The page of every class: a cached page with this student's values put in.
        page = fragments.open_question_page(
            bank=run.entry.bank, n=n, total=total, view_type=view.type, header=run.header(),
            end_url=run.url("end") if run.is_practice else None,
            form_html=fragments.question_form(view, _EMPTY, None))
        if page is not None:
            return page, status
    context: dict[str, Any] = {
        **run.page_context(), "n": n, "total": total, "view": view, "error": error,
        "form": request.form if error else _EMPTY, "answered": mine is not None,
        "given": mine.response if mine else None, "locked": locked, "end_url": run.url("end"),
    }
    if mine is not None:
        nxt = next_unanswered(run, set(run.answers), after=n)
        context["next_url"] = run.url("question", n=nxt) if nxt else run.url("end")
    if mine is None and not locked:
        context["form_html"] = fragments.question_form(view, context["form"], error)
    if run.reveals(answered=mine is not None):
        context.update(reveal_context(run, q), stored=mine)
    return render_template("question.html", **context), status


def reveal_context(run: Run, q: AnyQuestion) -> dict[str, Any]:
    """What a page shows once the question may be revealed: the key and its proof."""
    return {"reveal": True, "question": q, "key": key(q), "source": run.entry.bank.source(q.sources[0])}


def submit(run: Run, n: int) -> Response | tuple[str, int]:
    q = run.question(n)
    # Back to the question's page: the address the form was sent to, which is
    # what run.url("question", n=n) would build again.
    back = request.script_root + request.path
    if not run.can_answer():
        if has_answered(run, q.id):  # a replayed POST after the close: show the first answer
            return redirect(back, code=303)
        abort(403, _("This quiz no longer accepts answers."))
    try:
        response = quizforms.parse(run.view(q), request.form)
    except quizforms.FormError as exc:
        with_answers = load_run(run.attempt.token) if run.loaded_answers is None else run
        return question_page(with_answers or run, n, error=str(exc), status=400)
    record(run, q, response)  # a second answer is refused by the database and ignored
    return redirect(back, code=303)


def end_page(run: Run) -> str:
    answers = run.answers
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
        "end.html", **run.page_context(), rows=rows, answered=len(shown), total=total,
        score=sum(a.score for a in shown), show_score=not run.deferred or run.closed,
        first_unanswered=next_unanswered(run, set(answers)))
