"""A student's run through questions and the rules of its session.

One flow for practice and class sessions alike: what differs is only where
the run's pages are (the URL's token for practice, the session's code for a
class) and the session's rules (open or closed, time limit, feedback now or
at the close). This module owns those rules; web/runstore.py reads and
writes runs, web/runpages.py renders their pages.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cached_property
from typing import Any

from flask import abort, current_app, session, url_for

from quizgen.grading import FULL
from quizgen.model import AnyQuestion

from . import quizforms
from .catalog import Entry
from .db import utcnow
from .filters import clock

#: Answers arriving this long after the time limit still count: the student
#: pressed the button in time and the network was slow.
GRACE = timedelta(seconds=10)
LIVE = ("waiting", "open")
#: In the session cookie: {session code: the student's return code}.
RESUME_KEY = "rc"


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
    attempt: Any  # a row of runstore's run query: the attempt's columns…
    session: Any | None  # …and the same row when the run is a class session's (its columns), else None
    entry: Entry
    question_ids: list[str] = field(default_factory=list)
    #: The run's answers by question id, read with the run (one query per page);
    #: None when the run was read without them (see runstore.load_run).
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

    # -- what its pages show of it
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


def next_unanswered(run: Run, answered: set[str], after: int = 0) -> int | None:
    """The number of the next question not yet answered, after `after`, wrapping round."""
    n = len(run.question_ids)
    for step in range(1, n + 1):
        i = (after + step - 1) % n
        if run.question_ids[i] not in answered and run.question_ids[i] in run.entry.by_id:
            return i + 1
    return None
