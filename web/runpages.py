"""A student's run, page by page: a question's page, sending an answer, the results.

One flow for practice and class sessions: a page per question, the answer
graded on the server and stored once (web/runstore.py), then feedback when
the session's rules allow it (web/runrules.py).
"""

from __future__ import annotations

from typing import Any

from flask import Response, abort, render_template, request
from flask_babel import gettext as _
from werkzeug.datastructures import ImmutableMultiDict

from quizgen.grading import key
from quizgen.model import AnyQuestion

from . import fragments, prg, quizforms, regrade
from .runrules import Run, Stored, next_unanswered
from .runstore import AnswersClosed, has_answered, record

#: The notice for a second answer to a question (another tab, a replayed form).
FIRST_STANDS = "first-stands"

_EMPTY: ImmutableMultiDict[str, str] = ImmutableMultiDict()


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
