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

from flask import Response, abort, current_app, render_template, request, session, url_for
from flask_babel import gettext as _
from sqlalchemy import Connection, and_, bindparam, exists, insert, select
from sqlalchemy.exc import IntegrityError
from werkzeug.datastructures import ImmutableMultiDict

from quizgen.grading import FULL, grade, key
from quizgen.model import AnyQuestion

from . import fragments, prg, quizforms, regrade
from .catalog import Entry, catalog
from .db import answer, attempt, get_engine, quiz_session, utcnow, writing
from .filters import clock

#: Answers arriving this long after the time limit still count: the student
#: pressed the button in time and the network was slow.
GRACE = timedelta(seconds=10)
LIVE = ("waiting", "open")
#: In the session cookie: {session code: the student's return code}.
RESUME_KEY = "rc"
#: The notice for a second answer to a question (another tab, a replayed form).
FIRST_STANDS = "first-stands"


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
    #: The same deadline and the server's time now, in ISO 8601 UTC, for the countdown script.
    deadline_at: str | None = None
    now_at: str | None = None
    resume_code: str | None = None  # a class session's return code, from the student's cookie


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
        if s is None or not s.time_limit or s.opened_at is None:
            return None  # not opened yet: the time starts when it opens, not known before
        start = max(self.attempt.created_at, s.opened_at)
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
        shown = deadline is not None and not self.closed
        return RunHeader(
            code=None if self.session is None else self.session.code,
            nickname=self.attempt.nickname,
            deadline=clock(deadline) if shown else None,
            deadline_at=deadline.isoformat(timespec="seconds") + "Z" if shown else None,
            now_at=utcnow().isoformat(timespec="seconds") + "Z" if shown else None,
            resume_code=self.resume_code())

    def resume_code(self) -> str | None:
        if self.session is None:
            return None
        codes = session.get(RESUME_KEY)
        code = codes.get(self.session.code) if isinstance(codes, dict) else None
        return code if isinstance(code, str) else None

    def page_context(self) -> dict[str, Any]:
        """What every page of the run needs (base.html and _run_header.html)."""
        return {"run": self, "bank": self.entry.bank, "header": self.header()}


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


# -- pages


def next_unanswered(run: Run, answered: set[str], after: int = 0) -> int | None:
    """The number of the next question not yet answered, after `after`, wrapping round."""
    n = len(run.question_ids)
    for step in range(1, n + 1):
        i = (after + step - 1) % n
        if run.question_ids[i] not in answered and run.question_ids[i] in run.entry.by_id:
            return i + 1
    return None


def question_page(run: Run, n: int, *, status: int = 200) -> tuple[str, int]:
    q = run.question(n)
    mine = run.answers.get(q.id)
    view = run.view(q)
    locked = mine is None and not run.can_answer()
    total = len(run.question_ids)
    kept = prg.take()  # a refused answer, or a second one, sent from this page
    error = kept.error if kept and mine is None and not locked else None
    if error:
        status = 400  # the page that shows a refused form says so, as the POST's own answer did
    notice = kept.notice if kept else None
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
        "form": kept.form if kept and error else _EMPTY, "answered": mine is not None, "notice": notice,
        "given": mine.response if mine else None, "locked": locked, "end_url": run.url("end"),
    }
    if mine is not None:
        nxt = next_unanswered(run, set(run.answers), after=n)
        context["next_url"] = run.url("question", n=nxt) if nxt else run.url("end")
    if mine is None and not locked:
        context["form_html"] = fragments.question_form(view, context["form"], error)
    if run.reveals(answered=mine is not None):
        context.update(reveal_context(run, q, mine))
    return render_template("question.html", **context), status


def reveal_context(run: Run, q: AnyQuestion, mine: Stored | None) -> dict[str, Any]:
    """What a page shows once the question may be revealed: the key and its proof,
    the answer stored and its parts marked as grading marked them."""
    session_id = run.attempt.session_id if run.session else None
    marks = regrade.marks(session_id, q, mine.response, mine.score) if mine else ()
    return {"reveal": True, "question": q, "key": key(q), "source": run.entry.bank.source(q.sources[0]),
            "stored": mine, "marks": marks}


def submit(run: Run, n: int) -> Response:
    """Grade and store an answer, then back to the question's page (Post/Redirect/Get)."""
    q = run.question(n)
    if not run.can_answer():
        if has_answered(run, q.id):  # a replayed POST after the close: show the first answer
            prg.keep(notice=FIRST_STANDS)
            return prg.back()
        if run.session is None:
            abort(403, _("This quiz no longer accepts answers."))
        return prg.back(run.url("too_late"))
    try:
        response = quizforms.parse(run.view(q), request.form)
    except quizforms.FormError as exc:
        prg.keep(error=str(exc), form=request.form)
        return prg.back()
    try:
        stored = record(run, q, response)
    except AnswersClosed:  # the session closed while this answer was on its way
        return prg.back(run.url("too_late"))
    if not stored:  # answered meanwhile (another tab): the first answer stands
        prg.keep(notice=FIRST_STANDS)
    return prg.back()


def end_page(run: Run, **extra: Any) -> str:
    """The results page; `extra` goes to the template (has_deck: the Anki link, for practice)."""
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
            row.update(reveal_context(run, q, mine))
        rows.append(row)
    shown = [a for a in answers.values() if a.question_id in run.entry.by_id]
    total = sum(1 for qid in run.question_ids if qid in run.entry.by_id)
    return render_template(
        "end.html", **run.page_context(), rows=rows, answered=len(shown), total=total,
        score=sum(a.score for a in shown), show_score=not run.deferred or run.closed,
        first_unanswered=next_unanswered(run, set(answers)), revealed=any(r.get("reveal") for r in rows),
        **extra)
