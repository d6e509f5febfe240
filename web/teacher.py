"""Teachers: log in, create class sessions, follow them live, export results."""

from __future__ import annotations

import functools
import gzip
import time
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlsplit

import segno
from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    g,
    jsonify,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from sqlalchemy import func, insert, select
from werkzeug.security import check_password_hash, generate_password_hash
from wtforms import (
    BooleanField,
    IntegerField,
    PasswordField,
    RadioField,
    SelectMultipleField,
    StringField,
    widgets,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional

try:  # WTForms 3.3 deprecates (value, label) tuples
    from wtforms import SelectChoice as _Choice
except ImportError:  # older WTForms: tuples it is
    def _Choice(value: str, label: Any) -> tuple[str, Any]:  # type: ignore[no-redef]
        return (value, label)

from . import classroom, prg, ratelimit
from .catalog import catalog, entry_or_404
from .db import attempt, get_engine, quiz_session, teacher, utcnow
from .filters import answer_label
from .inputs import SizedNumber
from .itemstats import session_item_stats
from .ratelimit import Busy, login_per_account, login_per_client, password_slot
from .redirects import safe_next
from .results import CsvColumns, results_csv, session_results

bp = Blueprint("teacher", __name__, url_prefix="/teacher")

#: A login lasts a school day: a shared classroom computer forgets it.
LOGIN_SECONDS = 12 * 3600


def _method() -> str:
    """How passwords are hashed: QUIZGEN_PASSWORD_METHOD, Werkzeug's scrypt by
    default (the tests use a cheap one; a stored hash names its own method)."""
    return current_app.config.get("QUIZGEN_PASSWORD_METHOD") or "scrypt"


@functools.cache
def _dummy_hash(method: str) -> str:
    """Checked against when the name is unknown, so both cases take the same time."""
    return generate_password_hash("not a password", method)


class TeacherExists(Exception):
    pass


def add_teacher(name: str, password: str, *, replace: bool = False) -> bool:
    """Create a teacher account (or set its password with replace=True); True if created."""
    with get_engine().begin() as conn:
        found = conn.execute(select(teacher.c.id).where(teacher.c.name == name)).first()
        if found is not None and not replace:
            raise TeacherExists(name)
        pw_hash = generate_password_hash(password, _method())
        if found is None:
            conn.execute(insert(teacher).values(name=name, password_hash=pw_hash, created_at=utcnow()))
            return True
        # A new password also ends every login made with the old one.
        conn.execute(teacher.update().where(teacher.c.id == found.id).values(
            password_hash=pw_hash, session_epoch=teacher.c.session_epoch + 1))
        return False


def check_login(name: str, password: str) -> int | None:
    """The teacher's id if the password is right. ratelimit.Busy if too many
    password checks are running already."""
    with get_engine().connect() as conn:
        row = conn.execute(
            select(teacher.c.id, teacher.c.password_hash).where(teacher.c.name == name)).first()
    with password_slot():
        if row is None:
            check_password_hash(_dummy_hash(_method()), password)
            return None
        return row.id if check_password_hash(row.password_hash, password) else None


def _epoch(conn: Any, teacher_id: int) -> int | None:
    return conn.execute(select(teacher.c.session_epoch).where(teacher.c.id == teacher_id)).scalar()


def login_required(view: Callable[..., Any]) -> Callable[..., Any]:
    @wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        teacher_id = session.get("teacher_id")
        since = session.get("teacher_at", 0)
        if not isinstance(teacher_id, int) or not isinstance(since, int | float) \
                or time.time() - since > LOGIN_SECONDS:
            return redirect(url_for("teacher.login", next=request.full_path.rstrip("?")), code=303)
        with get_engine().connect() as conn:
            row = conn.execute(select(teacher.c.id, teacher.c.name, teacher.c.session_epoch)
                               .where(teacher.c.id == teacher_id)).first()
        if row is None or session.get("teacher_epoch") != row.session_epoch:
            # The account was removed, or this login ended (logout, new password).
            for key in ("teacher_id", "teacher_at", "teacher_epoch"):
                session.pop(key, None)
            return redirect(url_for("teacher.login", next=request.full_path.rstrip("?")), code=303)
        g.teacher = row
        return view(*args, **kwargs)
    return wrapper


class LoginForm(FlaskForm):
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=80)],
                       render_kw={"autocomplete": "username"})
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)],
                             render_kw={"autocomplete": "current-password"})


class MultiCheckbox(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()


def _within(low: int, high: int) -> list[Any]:
    within = NumberRange(min=low, max=high)
    return [SizedNumber(within), within]


class NewSessionForm(FlaskForm):
    tags = MultiCheckbox(_l("Only questions with these tags (none: all)"), choices=[], validate_choice=True)
    count = IntegerField(_l("Number of questions, drawn at random (empty: all)"),
                         validators=[Optional(), *_within(1, 1000)])
    feedback = RadioField(_l("Feedback"), default="immediate", choices=[
        _Choice("immediate", _l("after each answer")),
        _Choice("deferred", _l("only when I close the session")),
    ])
    time_limit = IntegerField(_l("Time limit per student, in minutes (empty: none)"),
                              validators=[Optional(), *_within(1, 600)])
    open_now = BooleanField(_l("Open now (otherwise students wait until you open it)"), default=True)


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
            with get_engine().connect() as conn:
                epoch = _epoch(conn, teacher_id)
            students = session.get("p")
            session.clear()  # a fresh session for the new identity
            if students:
                session["p"] = students
            session["teacher_id"] = teacher_id
            session["teacher_at"] = int(time.time())
            session["teacher_epoch"] = epoch
            session.permanent = True
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
    teacher_id, epoch = session.get("teacher_id"), session.get("teacher_epoch")
    if isinstance(teacher_id, int) and isinstance(epoch, int):
        with get_engine().begin() as conn:
            conn.execute(teacher.update()
                         .where(teacher.c.id == teacher_id, teacher.c.session_epoch == epoch)
                         .values(session_epoch=epoch + 1))
    for key in ("teacher_id", "teacher_at", "teacher_epoch"):
        session.pop(key, None)
    return redirect(url_for("practice.home"), code=303)


@bp.get("/")
@login_required
def index():
    with get_engine().connect() as conn:
        counts = (select(attempt.c.session_id, func.count().label("n"))
                  .where(attempt.c.session_id.is_not(None)).group_by(attempt.c.session_id).subquery())
        rows = conn.execute(
            select(quiz_session, func.coalesce(counts.c.n, 0).label("students"))
            .outerjoin(counts, counts.c.session_id == quiz_session.c.id)
            .where(quiz_session.c.teacher_id == g.teacher.id)
            .order_by(quiz_session.c.created_at.desc())
        ).all()
    return render_template("teacher/index.html", sessions=rows, catalog=catalog(),
                           entries=[e for e in catalog() if e.questions])


@bp.route("/new/<bank_id>", methods=["GET", "POST"])
@login_required
def new(bank_id: str):
    entry = entry_or_404(bank_id)
    form = NewSessionForm()
    form.tags.choices = [_Choice(t, t) for t in entry.tags]
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
        form = NewSessionForm(formdata=kept.form)
        form.tags.choices = [_Choice(t, t) for t in entry.tags]
        form.validate()  # the fields' own messages again
        token = getattr(form, "csrf_token", None)
        if token is not None:  # a kept form has no token: the page gets a fresh one
            token.errors = []
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


def join_url(code: str) -> str:
    base = current_app.config.get("QUIZGEN_PUBLIC_URL")
    path = url_for("join.join", code=code)
    return base.rstrip("/") + path if base else url_for("join.join", code=code, _external=True)


def qr_svg(url: str) -> str:
    """The join URL as an inline SVG QR code, made here (no outside service)."""
    return segno.make(url, error="m").svg_inline(scale=4, light="#fff", omitsize=True, svgclass="qr")


def _loopback(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return host in ("localhost", "::1") or host.startswith("127.")


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
                           loopback=_loopback(url), analysis=False)


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
    french = str(get_locale()) == "fr"
    columns = CsvColumns(nickname=_("Nickname"), answered=_("Answered"), score=_("Score"),
                         out_of=_("Out of"), percent=_("Percent"), question_score=_("score"),
                         question_answer=_("answer"))
    text = results_csv(ctx["results"], delimiter=";" if french else ",", decimal="," if french else ".",
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
