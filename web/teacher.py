"""The teacher's pages: log in, create class sessions, follow them live, export results.

Accounts and logins are web/accounts.py's, the forms web/teacherforms.py's,
the join link and its QR code web/qr.py's.
"""

from __future__ import annotations

import gzip
from typing import Any

from flask import (
    Blueprint,
    Response,
    abort,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from . import classroom, prg, ratelimit
from .accounts import check_login, end_login, login_required, start_login
from .catalog import catalog, entry_or_404
from .db import get_engine
from .filters import answer_label
from .itemstats import session_item_stats
from .qr import is_loopback, join_url, qr_svg
from .ratelimit import Busy, login_per_account, login_per_client
from .redirects import safe_next
from .results import CsvColumns, results_csv, session_results
from .teacherforms import LoginForm, new_session_form, refused_session_form

bp = Blueprint("teacher", __name__, url_prefix="/teacher")


@bp.route("/login", methods=["GET", "POST"])
@login_per_client
@login_per_account
def login():
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        try:
            teacher_id = check_login(form.name.data.strip(), form.password.data)
        except Busy:
            abort(503)
        if teacher_id is not None:
            start_login(teacher_id)
            return redirect(safe_next(request.args.get("next"), url_for("teacher.index")), code=303)
        error = _l("Wrong name or password.")
    if request.method == "POST":  # refused: back to the form (Post/Redirect/Get), the name kept
        ratelimit.missed()  # a failed try counts against the login limits
        return prg.refuse(str(error or _l("Type your name and password.")), form=request.form,
                          to=request.script_root + request.full_path.rstrip("?"))
    kept = prg.take()
    if kept:
        form.name.data = kept.form.get("name", "")[:80]
        error = kept.error
    return render_template("teacher/login.html", form=form, error=error), 401 if error else 200


@bp.post("/logout")
def logout():
    """Ends this login everywhere: the teacher's epoch moves on, so this cookie
    (or a copy of it) no longer opens a teacher's page."""
    end_login()
    return redirect(url_for("practice.home"), code=303)


@bp.get("/")
@login_required
def index():
    return render_template("teacher/index.html", sessions=classroom.sessions_of(g.teacher.id),
                           catalog=catalog(), entries=[e for e in catalog() if e.questions])


@bp.route("/new/<bank_id>", methods=["GET", "POST"])
@login_required
def new(bank_id: str):
    entry = entry_or_404(bank_id)
    form = new_session_form(entry)
    error = None
    if form.validate_on_submit():
        ids = entry.select(tags=form.tags.data or [], count=form.count.data)
        if ids:
            code = classroom.create_session(
                teacher_id=g.teacher.id, bank_id=bank_id, question_ids=ids,
                feedback=form.feedback.data, time_limit=form.time_limit.data, open_now=form.open_now.data)
            return redirect(url_for("teacher.dashboard", code=code), code=303)
        error = _l("No question has these tags.")
    if request.method == "POST":  # refused: back to the form (Post/Redirect/Get), what was chosen kept
        return prg.refuse(str(error or _l("Correct the fields marked below.")), form=request.form)
    kept = prg.take()
    if kept:
        form = refused_session_form(entry, kept.form)
        error = kept.error
    return render_template("teacher/new.html", form=form, entry=entry, bank=entry.bank,
                           error=error), 400 if error else 200


def own_session(code: str) -> Any:
    """The logged-in teacher's session with this code, or a 404 page."""
    clean = classroom.normalize_code(code)
    if clean is None:
        abort(404)
    with get_engine().connect() as conn:
        row = classroom.find_session(conn, clean)
    if row is None or row.teacher_id != g.teacher.id:
        abort(404)
    return row


def _context(row: Any, *, analysis: bool = False) -> dict[str, Any]:
    entry = catalog().get(row.bank_id)
    with get_engine().connect() as conn:
        results = session_results(conn, row, entry)
        # The item statistics (web/itemstats.py) only for the analysis, never for the projected pages.
        stats = session_item_stats(conn, row, results, entry.by_id if entry else {}) if analysis else None
    return {"row": row, "entry": entry, "bank": entry.bank if entry else None, "results": results,
            "stats": stats}


@bp.get("/s/<code>")
@login_required
def dashboard(code: str):
    """What the teacher may project: the join code, the students; no key (see analysis)."""
    row = own_session(code)
    url = join_url(row.code)
    return render_template("teacher/session.html", **_context(row), join_url=url, qr=qr_svg(url),
                           loopback=is_loopback(url), analysis=False)


@bp.get("/s/<code>/analysis")
@login_required
def analysis(code: str):
    """The item analysis, with the right answer of each question: on its own page,
    so that projecting the dashboard never shows the key."""
    return render_template("teacher/analysis.html", **_context(own_session(code), analysis=True),
                           analysis=True)


@bp.get("/s/<code>/live")
@login_required
def live(code: str):
    """The dashboard's changing part, which its script fetches every few seconds;
    304 when it has not changed since the script's copy, compressed when the
    browser accepts it."""
    part = request.args.get("part", "students")
    if part not in ("students", "analysis", "count"):
        abort(404)
    ctx = _context(own_session(code), analysis=part == "analysis")
    html = render_template("teacher/_live.html", **ctx, analysis=part == "analysis",
                           count_only=part == "count")
    return conditional_fragment(html)


def conditional_fragment(html: str) -> Response:
    """`html` with a strong ETag; 304 if the request's If-None-Match has it; gzip if accepted."""
    body = html.encode("utf-8")
    response = Response(body, content_type="text/html; charset=utf-8")
    response.add_etag(weak=True)  # weak: the same for its gzip and plain forms
    response.vary.add("Accept-Encoding")
    response.make_conditional(request)
    if response.status_code == 200 and request.accept_encodings["gzip"] and len(body) > 500:
        response.set_data(gzip.compress(body, compresslevel=6))
        response.headers["Content-Encoding"] = "gzip"
    return response


@bp.get("/s/<code>/show")
@login_required
def show(code: str):
    """For the projector: the code, the link, the QR code and how many joined; no key."""
    row = own_session(code)
    url = join_url(row.code)
    ctx = _context(row)
    return render_template("teacher/show.html", **ctx, join_url=url, qr=qr_svg(url), count_only=True)


@bp.get("/s/<code>/results.json")
@login_required
def results_json(code: str):
    ctx = _context(own_session(code))
    data = ctx["results"].to_data()
    data.update(code=ctx["row"].code, status=ctx["row"].status, bank=ctx["row"].bank_id)
    return jsonify(data)


@bp.get("/s/<code>/results.csv")
@login_required
def results_csv_view(code: str):
    ctx = _context(own_session(code))
    columns = CsvColumns(nickname=_("Nickname"), answered=_("Answered"), score=_("Score"),
                         out_of=_("Out of"), percent=_("Percent"), question_score=_("score"),
                         question_answer=_("answer"))
    text = results_csv(ctx["results"], language=str(get_locale()),
                       columns=columns, answer_text=answer_label)
    filename = f"{ctx['row'].bank_id}-{ctx['row'].code}.csv"
    # The BOM makes spreadsheets read the accents as UTF-8.
    return Response("\ufeff" + text, content_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.post("/s/<code>/<any(open, close):action>")
@login_required
def change_status(code: str, action: str):
    row = own_session(code)
    if action == "close" and request.form.get("confirm") != "yes":
        # Closing is final: only from the confirmation page's form.
        return redirect(url_for("teacher.confirm_close", code=row.code), code=303)
    classroom.set_status(row.id, "open" if action == "open" else "closed")
    return redirect(url_for("teacher.dashboard", code=row.code), code=303)


@bp.route("/s/<code>/return-code", methods=["GET", "POST"])
@login_required
def return_code(code: str):
    """A new return code for a student who lost her access (new device, lost cookie):
    on its own page, never on the dashboard that may be projected."""
    row = own_session(code)
    if request.method == "POST":
        nickname = request.form.get("nickname", "")
        new_code = classroom.new_resume_code(row.id, nickname)
        if new_code is None:
            return prg.refuse(_("No student has this nickname in this session."), form=request.form)
        prg.keep(notice=new_code, form=request.form)
        return prg.back()
    kept = prg.take()
    ctx = _context(row)
    error = kept.error if kept else None
    return render_template("teacher/return_code.html", **ctx, error=error,
                           new_code=kept.notice if kept and not error else None,
                           nickname=kept.form.get("nickname") if kept else None), 400 if error else 200


@bp.get("/s/<code>/close")
@login_required
def confirm_close(code: str):
    """Closing is final (students see the corrections): a page to confirm it, which needs no script."""
    row = own_session(code)
    if row.status == "closed":
        return redirect(url_for("teacher.dashboard", code=row.code), code=303)
    entry = catalog().get(row.bank_id)
    return render_template("teacher/close.html", row=row, bank=entry.bank if entry else None)
