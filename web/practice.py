"""Students on their own: the bank list, practice runs and the Anki deck."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    send_file,
    send_from_directory,
    url_for,
)
from flask_babel import gettext as _
from flask_babel import ngettext
from werkzeug.datastructures import ImmutableMultiDict

from . import prg
from .catalog import Entry, catalog, entry_or_404
from .db import get_engine
from .decks import anki_exporter, deck_path
from .runpages import end_page, question_page, submit
from .runrules import Run, next_unanswered
from .runstore import bank_in_live_session, create_practice, load_run

bp = Blueprint("practice", __name__)


_EMPTY: ImmutableMultiDict[str, str] = ImmutableMultiDict()


def _locked(bank_id: str) -> bool:
    with get_engine().connect() as conn:
        return bank_in_live_session(conn, bank_id)


def _refuse_if_locked(bank_id: str) -> None:
    if _locked(bank_id):
        abort(403, _("A class is taking this quiz right now: practice and the deck come back when "
                     "its session ends."))


@bp.get("/")
def home():
    return render_template("home.html", entries=[e for e in catalog() if e.questions])


@bp.get("/b/<bank_id>")
def bank(bank_id: str):
    entry = entry_or_404(bank_id)
    return _bank_page(entry)


def _bank_page(entry: Entry):
    kept = prg.take()  # a refused practice form (Post/Redirect/Get)
    return render_template("bank.html", entry=entry, bank=entry.bank, locked=_locked(entry.bank.id),
                           has_deck=anki_exporter() is not None, error=kept.error if kept else None,
                           form=kept.form if kept else _EMPTY), 400 if kept and kept.error else 200


@bp.post("/b/<bank_id>/practice")
def start(bank_id: str):
    entry = entry_or_404(bank_id)
    _refuse_if_locked(bank_id)
    tags = request.form.getlist("tag")
    if any(t not in entry.tags for t in tags):
        abort(400)
    raw = request.form.get("count", "").strip()
    count = None
    page = url_for("practice.bank", bank_id=bank_id)
    if raw:
        if not raw.isascii() or not raw.isdigit() or len(raw) > 4 or not 1 <= int(raw) <= 1000:
            return prg.refuse(_("Give a number of questions from 1 to %(n)d.", n=len(entry.questions)),
                              form=request.form, to=page)
        count = int(raw)
    ids = entry.select(tags=tags)
    if not ids:
        return prg.refuse(_("No question has these tags."), form=request.form, to=page)
    if count is not None and count > len(ids):
        return prg.refuse(ngettext(
            "Only %(num)d question matches: ask for %(num)d at most, or leave the number empty for all.",
            "Only %(num)d questions match: ask for %(num)d at most, or leave the number empty for all.",
            len(ids)), form=request.form, to=page)
    ids = entry.select(tags=tags, count=count)
    token = create_practice(bank_id, ids)
    return redirect(url_for("practice.question", token=token, n=1), code=303)


@bp.get("/b/<bank_id>/deck.apkg")
def deck(bank_id: str):
    entry = entry_or_404(bank_id)
    _refuse_if_locked(bank_id)
    path = deck_path(entry.bank)
    if path is None:
        abort(404, _("The Anki deck cannot be made on this server."))
    return send_file(path, mimetype="application/apkg", as_attachment=True,
                     download_name=f"{entry.bank.id}.apkg", max_age=0)


def _run(token: str, *, answers: bool = True) -> Run:
    run = load_run(token, answers=answers)
    if run is None or not run.is_practice:
        abort(404)
    _refuse_if_locked(run.attempt.bank_id)
    return run


@bp.get("/p/<token>")
def resume(token: str):
    run = _run(token)
    n = next_unanswered(run, set(run.answers))
    return redirect(run.url("question", n=n) if n else run.url("end"), code=303)


@bp.route("/p/<token>/<int:n>", methods=["GET", "POST"])
def question(token: str, n: int):
    run = _run(token, answers=request.method == "GET")
    if request.method == "POST":
        return submit(run, n)
    return question_page(run, n)


@bp.get("/p/<token>/end")
def end(token: str):
    return end_page(_run(token), has_deck=anki_exporter() is not None)


@bp.get("/favicon.ico")
def favicon():
    """Browsers ask for it whatever the page says: the site's icon (an SVG)."""
    return send_from_directory(current_app.static_folder or "static", "favicon.svg",
                               mimetype="image/svg+xml", max_age=7 * 24 * 3600)
