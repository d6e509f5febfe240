"""Students in a class session: join by link, code or QR code, then answer.

A participant is known by a token kept in the signed session cookie: a
refresh, a dropped connection or a closed tab brings the student back to
where they were.
"""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from . import classroom, runs
from .catalog import catalog
from .db import get_engine
from .ratelimit import join_code_guesses

bp = Blueprint("join", __name__)
COOKIE_KEY = "p"  # in the session cookie: {code: participant token}
MAX_REMEMBERED = 10


def _no_session() -> str:
    # One answer for a code that was never given and one whose session is
    # over: a guesser cannot tell which codes exist.
    return _("No open session has this code: check it with your teacher.")


def _code_or_404(code: str) -> str:
    """The code as stored, from its form alone (no lookup: the join page does it, rate-limited)."""
    clean = classroom.normalize_code(code)
    if clean is None:
        abort(404, _no_session())
    return clean


def _token(code: str) -> str | None:
    tokens = session.get(COOKIE_KEY)
    return tokens.get(code) if isinstance(tokens, dict) else None


def _remember(code: str, token: str) -> None:
    tokens = dict(session.get(COOKIE_KEY) or {})
    tokens.pop(code, None)
    tokens[code] = token
    while len(tokens) > MAX_REMEMBERED:
        tokens.pop(next(iter(tokens)))
    session[COOKIE_KEY] = tokens
    session.permanent = True


def _participant(code: str, *, answers: bool = True) -> runs.Run | None:
    token = _token(code)
    if not token:
        return None
    run = runs.load_run(token, answers=answers)
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
            return render_template("code.html", error=_no_session(),
                                   code=request.form.get("code", "")[:20]), 404
        return redirect(url_for("join.join", code=code), code=303)
    return render_template("code.html")


@bp.route("/j/<code>", methods=["GET", "POST"])
@join_code_guesses
def join(code: str):
    clean = _code_or_404(code)
    if clean != code:
        return redirect(url_for("join.join", code=clean), code=301)
    if _participant(code) is not None:
        return redirect(url_for("join.resume", code=code), code=303)
    with get_engine().connect() as conn:
        row = classroom.find_session(conn, code)
    if row is None or row.status == "closed":
        abort(404, _no_session())
    entry = catalog().get(row.bank_id)
    if entry is None:
        abort(410)
    if request.method == "GET":
        return render_template("join.html", row=row, bank=entry.bank)
    try:
        nickname = classroom.clean_nickname(request.form.get("nickname", ""))
        token = classroom.join(row, nickname)
    except classroom.BadNickname:
        return render_template(
            "join.html", row=row, bank=entry.bank,
            error=_("Choose a nickname of 1 to %(n)d letters.", n=classroom.NICKNAME_MAX)), 400
    except classroom.NicknameTaken:
        return render_template("join.html", row=row, bank=entry.bank, nickname=nickname,
                               error=_("This nickname is taken in this session: choose another.")), 409
    _remember(row.code, token)
    return redirect(url_for("join.resume", code=row.code), code=303)


def _run(code: str, *, answers: bool = True) -> runs.Run:
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
        if runs.bank_in_live_session(conn, bank_id):
            abort(403, _("A class is taking this quiz right now: the corrections come back when "
                         "its session ends."))


@bp.get("/j/<code>/go")
def resume(code: str):
    run = _run(code)
    if run.waiting:
        return render_template("waiting.html", **run.page_context())
    n = runs.next_unanswered(run, set(run.answers))
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
        return runs.submit(run, n)
    return runs.question_page(run, n)


@bp.get("/j/<code>/end")
def end(code: str):
    run = _run(code)
    if run.waiting:
        return render_template("waiting.html", **run.page_context())
    return runs.end_page(run)


@bp.post("/j/<code>/leave")
def leave(code: str):
    """On a shared device: forget this participant so another student can join."""
    clean = _code_or_404(code)
    tokens = dict(session.get(COOKIE_KEY) or {})
    tokens.pop(clean, None)
    session[COOKIE_KEY] = tokens
    return redirect(url_for("join.join", code=clean), code=303)
