"""Students in a class session: join by link, code or QR code, then answer.

A participant is known by a token kept in the signed session cookie: a
refresh, a dropped connection or a closed tab brings the student back to
where they were.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from . import classroom, prg, ratelimit
from .catalog import catalog
from .db import get_engine
from .ratelimit import join_code_guesses
from .runpages import end_page, question_page, submit
from .runrules import RESUME_KEY, Run, next_unanswered
from .runstore import bank_in_live_session, load_run

bp = Blueprint("join", __name__)
COOKIE_KEY = "p"  # in the session cookie: {code: participant token}; RESUME_KEY: {code: her return code}
MAX_REMEMBERED = 10


def _no_session() -> str:
    # One answer for a code that was never given and one whose session is
    # over: a guesser cannot tell which codes exist.
    return _("No open session has this code: check it with your teacher.")


def _code_or_404(code: str) -> str:
    """The code as stored, from its form alone (no lookup: the join page does it, rate-limited)."""
    clean = classroom.normalize_code(code)
    if clean is None:
        ratelimit.missed()
        abort(404, _no_session())
    return clean


def _live_session_or_404(code: str) -> Any:
    """The session with this (clean) code, unless it is over: then the same 404 as for no session."""
    with get_engine().connect() as conn:
        row = classroom.find_session(conn, code)
    if row is None or row.status == "closed":
        ratelimit.missed()
        abort(404, _no_session())
    return row


def _token(code: str) -> str | None:
    tokens = session.get(COOKIE_KEY)
    return tokens.get(code) if isinstance(tokens, dict) else None


def _remember(code: str, token: str, resume_code: str | None = None) -> None:
    for key, value in ((COOKIE_KEY, token), (RESUME_KEY, resume_code)):
        kept = dict(session.get(key) or {})
        kept.pop(code, None)
        if value:
            kept[code] = value
        while len(kept) > MAX_REMEMBERED:
            kept.pop(next(iter(kept)))
        session[key] = kept
    session.permanent = True


def _participant(code: str, *, answers: bool = True) -> Run | None:
    token = _token(code)
    if not token:
        return None
    run = load_run(token, answers=answers)
    if run is None or run.session is None or run.session.code != code:
        return None
    return run


@bp.route("/j", methods=["GET", "POST"])
@join_code_guesses
def enter_code():
    if request.method == "POST":
        code = classroom.normalize_code(request.form.get("code", ""))
        found = None
        if code:
            with get_engine().connect() as conn:
                found = classroom.find_session(conn, code)
        if found is not None and found.status == "closed" and _token(found.code) is None:
            found = None  # over, and not this browser's: as if it never was
        if found is None:
            ratelimit.missed()
            return prg.refuse(_no_session(), form=request.form)
        return redirect(url_for("join.join", code=code), code=303)
    kept = prg.take()
    if kept:
        return render_template("code.html", error=kept.error, code=kept.form.get("code", "")[:20]), 404
    return render_template("code.html")


@bp.route("/j/<code>", methods=["GET", "POST"])
@join_code_guesses
def join(code: str):
    clean = _code_or_404(code)
    if clean != code:
        return redirect(url_for("join.join", code=clean), code=301)
    if _participant(code) is not None:
        return redirect(url_for("join.resume", code=code), code=303)
    row = _live_session_or_404(code)
    entry = catalog().get(row.bank_id)
    if entry is None:
        abort(410)
    if request.method == "GET":
        kept = prg.take()
        return render_template("join.html", row=row, bank=entry.bank, kept=kept,
                               nickname=kept.form.get("nickname") if kept else None), 400 if kept else 200
    try:
        nickname = classroom.clean_nickname(request.form.get("nickname", ""))
        token, resume_code = classroom.join(row, nickname)
    except classroom.BadNickname:
        return prg.refuse(_("Choose a nickname of 1 to %(n)d letters.", n=classroom.NICKNAME_MAX),
                          form=request.form)
    except classroom.NicknameTaken:
        return prg.refuse(_("This nickname is taken in this session: choose another, or, if it is yours, "
                            "come back with your return code below."), form=request.form)
    _remember(row.code, token, resume_code)
    return redirect(url_for("join.resume", code=row.code), code=303)


@bp.post("/j/<code>/back")
@join_code_guesses
def come_back(code: str):
    """A student who joined on another device (or lost her cookie): her nickname and return code."""
    clean = _code_or_404(code)
    row = _live_session_or_404(clean)
    to = url_for("join.join", code=row.code)
    nickname = request.form.get("nickname", "")
    try:
        token = classroom.come_back(row, nickname, request.form.get("resume", ""))
    except classroom.TooManyTries:
        return prg.refuse(
            _("Too many wrong codes for this nickname: ask your teacher for a new return code."),
            form=request.form, notice="back", to=to)
    if token is None:
        ratelimit.missed()
        return prg.refuse(_("This nickname and this return code do not match."), form=request.form,
                          notice="back", to=to)
    _remember(row.code, token, classroom.clean_resume_code(request.form.get("resume", "")))
    return redirect(url_for("join.resume", code=row.code), code=303)


def _run(code: str, *, answers: bool = True) -> Run:
    """The student of this session on this browser, or a redirect to join it."""
    run = _participant(code, answers=answers)  # one query when the cookie knows the student
    if run is None:
        abort(redirect(url_for("join.join", code=_code_or_404(code)), code=303))
    if run.closed:
        _withhold_corrections(run.attempt.bank_id)
    return run


def _withhold_corrections(bank_id: str) -> None:
    """A closed session's pages show every correction: not while another class
    takes the same bank (its students could have joined this one before)."""
    with get_engine().connect() as conn:
        if bank_in_live_session(conn, bank_id):
            abort(403, _("A class is taking this quiz right now: the corrections come back when "
                         "its session ends."))


@bp.get("/j/<code>/go")
def resume(code: str):
    run = _run(code)
    if run.waiting:
        return render_template("waiting.html", **run.page_context())
    n = next_unanswered(run, set(run.answers))
    if n is None or not run.can_answer():
        return redirect(run.url("end"), code=303)
    return redirect(run.url("question", n=n), code=303)


@bp.route("/j/<code>/<int:n>", methods=["GET", "POST"])
def question(code: str, n: int):
    run = _run(code, answers=request.method == "GET")
    if run.waiting:
        if request.method == "POST":
            abort(403, _("The session has not started yet."))
        return render_template("waiting.html", **run.page_context())
    if request.method == "POST":
        return submit(run, n)
    return question_page(run, n)


@bp.get("/j/<code>/too-late")
def too_late(code: str):
    """Where an answer sent after the time limit or the close lands: what happened, and her results."""
    run = _run(code, answers=False)
    if run.can_answer() or run.waiting:
        return redirect(url_for("join.resume", code=run.session.code), code=303)
    return render_template("too_late.html", **run.page_context(), time_up=not run.closed)


@bp.get("/j/<code>/end")
def end(code: str):
    run = _run(code)
    if run.waiting:
        return render_template("waiting.html", **run.page_context())
    return end_page(run)


@bp.post("/j/<code>/leave")
def leave(code: str):
    """On a shared device: forget this participant so another student can join."""
    clean = _code_or_404(code)
    for key in (COOKIE_KEY, RESUME_KEY):
        kept = dict(session.get(key) or {})
        kept.pop(clean, None)
        session[key] = kept
    return redirect(url_for("join.join", code=clean), code=303)
