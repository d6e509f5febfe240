"""Teachers fix a bank already on the site, in the browser (issue 12, point 4).

The same review page as a draft: accept (the question loses draft/review),
edit every key, drop, or add a question from a passage. The file is changed
in place (web/bankedit.py keeps its comments and layout); question ids never
change. Every form carries the sha256 of the file as the page showed it: if
the file changed on disk since, the change is refused with a clear message.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _

from quizgen import Bank, BankError, load_bank
from quizgen.errors import QuizgenError
from quizgen.model import question_to_data

from . import bankfiles, qforms, review
from .accounts import login_required
from .bankedit import RoundTrip
from .catalog import catalog
from .config import bank_paths

log = logging.getLogger(__name__)

bp = Blueprint("bankedit", __name__, url_prefix="/teacher/banks")


bp.before_request(bankfiles.refuse_writes_if_read_only)


def bank_file(bank_id: str) -> Path:
    """The file of a bank the site serves, inside one of the QUIZGEN_BANKS paths (404 otherwise)."""
    entry = catalog().get(bank_id) if bankfiles.valid_id(bank_id) else None
    if entry is None or entry.bank.path is None:
        abort(404)
    path = entry.bank.path.resolve()
    roots = [Path(p).resolve() for p in bank_paths(current_app.config["QUIZGEN_BANKS"])]
    if not any(path == r or path.is_relative_to(r) for r in roots):
        abort(404)
    return path


def _state(bank: Bank):
    drafts = {q.id for q in bank.questions if q.draft}
    return lambda qid: "pending" if qid in drafts else "accepted"


def _article_of(bank: Bank):
    def article(q: Any) -> str:
        source = qforms.first_passage(q)[0] if isinstance(q, dict) else None
        try:
            return bank.source(source).text if source else bank.sources[0].text
        except KeyError:
            return bank.sources[0].text
    return article


def render_bank(bank_id: str, current: str | None = None, *, edited: dict[str, Any] | None = None,
                message: str | None = None, status: int = 200):
    path = bank_file(bank_id)
    sha = bankfiles.sha256_of(path)
    try:
        bank = load_bank(path)
    except BankError as exc:
        return render_template("teacher/drafts/broken.html", bank_id=bank_id,
                               problems=exc.problems), 409
    questions = [question_to_data(q) for q in bank.questions]
    context = review.page(questions, _state(bank), current, _article_of(bank), edited)
    return render_template(
        "teacher/drafts/review.html", draft=None, bank=bank, details=None, message=message,
        links=review.Links("bankedit", {"bank_id": bank_id}), hidden={"sha256": sha},
        sources=[s.id for s in bank.sources], read_only=bankfiles.read_only(), title=bank.title,
        **context), status


@bp.get("/<bank_id>/edit")
@login_required
def review_page(bank_id: str):
    new_type = request.args.get("type")
    if new_type in qforms.TYPE_FIELDS:
        entry = catalog().get(bank_id)
        source = entry.bank.sources[0].id if entry else ""
        blank = {"id": "", "type": new_type, "source": request.args.get("source") or source,
                 "evidence": request.args.get("evidence", "")[: qforms.MAX_FIELD]}
        return render_bank(bank_id, edited=review.new_edit(blank))
    return render_bank(bank_id, request.args.get("q"))


def _conflict(bank_id: str, current: str | None):
    return render_bank(bank_id, current, message=_(
        "The file changed on disk since you opened this page (someone edited it): nothing was "
        "written. The page now shows the file as it is; make your change again."), status=409)


def _write(bank_id: str, change: Any, qid: str | None, edited: dict[str, Any] | None = None):
    """Apply `change` to the file's round-trip document and write it if valid."""
    path = bank_file(bank_id)
    sha = request.form.get("sha256", "")
    if bankfiles.sha256_of(path) != sha:
        return _conflict(bank_id, qid)
    try:
        doc = RoundTrip(path.read_text(encoding="utf-8-sig"))
        index = change(doc)
        checked = bankfiles.replace_bank(path, doc.dump(), sha)
    except bankfiles.Conflict:
        return _conflict(bank_id, qid)
    except (KeyError, QuizgenError):
        abort(404)
    except OSError as exc:  # a folder the site may not write to, a full disk…
        log.warning("cannot write %s: %s", path, exc)
        return render_bank(bank_id, qid, status=500, message=_(
            "The bank file cannot be written on the server: %(error)s", error=exc.strerror or str(exc)))
    if checked.bank is None:
        errors: dict[str, list[str]] = {"_": [p.message for p in checked.problems]}
        if checked.positions is not None and index is not None:
            by_field, _others = qforms.field_problems(checked.problems, checked.positions, index)
            errors = by_field or errors
        if edited is not None:
            edited["errors"] = errors
            edited["card"].errors = errors
            return render_bank(bank_id, qid, edited=edited, status=400)
        return render_bank(bank_id, qid, message="; ".join(m for ms in errors.values() for m in ms),
                           status=400)
    catalog().put(checked.bank)
    return None


@bp.post("/<bank_id>/q/<qid>/<any(accept, drop):action>")
@login_required
def set_state(bank_id: str, qid: str, action: str):
    def change(doc: RoundTrip) -> None:
        doc.accept(qid) if action == "accept" else doc.drop(qid)
    failed = _write(bank_id, change, qid)
    return failed or redirect(url_for("bankedit.review_page", bank_id=bank_id) + "#current", code=303)


@bp.post("/<bank_id>/q/<qid>")
@login_required
def save_question(bank_id: str, qid: str):
    entry = catalog().get(bank_id)
    if entry is None:
        abort(404)
    try:
        q = question_to_data(entry.bank.question(qid))
    except KeyError:
        abort(404)
    if qforms.several_sources(q):
        abort(409, _("This question cites several articles: edit it in the bank's YAML file."))
    values = {key: request.form.get(key, "") for key, _kind in qforms.fields_of(q["type"])}
    data, errors = qforms.from_form(values, q)
    edited = {"values": values, "errors": errors, "type": q["type"], "source_q": q,
              "card": review.card(q, "pending", True, values=values, errors=errors)}
    if errors:
        return render_bank(bank_id, qid, edited=edited, status=400)
    keys = {k for k, _kind in qforms.fields_of(q["type"])}
    then_accept = request.form.get("then") == "accept"

    def change(doc: RoundTrip) -> int:
        doc.update(qid, data, keys)
        if then_accept:
            doc.accept(qid)
        return doc.index(qid)
    failed = _write(bank_id, change, qid, edited)
    return failed or redirect(url_for("bankedit.review_page", bank_id=bank_id, q=qid) + "#current", code=303)


@bp.post("/<bank_id>/new-question")
@login_required
def add_question(bank_id: str):
    entry = catalog().get(bank_id)
    qtype = request.form.get("type", "")
    if entry is None or qtype not in qforms.TYPE_FIELDS:
        abort(400 if entry else 404)
    taken = {q.id for q in entry.bank.questions}
    base = {"id": review.new_question_id(request.form, qtype, taken), "type": qtype}
    values = {key: request.form.get(key, "") for key, _kind in qforms.fields_of(qtype)}
    data, errors = qforms.from_form(values, base)
    edited = {"new": True, "values": values, "errors": errors, "type": qtype, "source_q": data,
              "card": review.card(base, "pending", True, values=values, errors=errors)}
    if errors:
        return render_bank(bank_id, edited=edited, status=400)

    def change(doc: RoundTrip) -> int:
        doc.append(data)
        return len(doc.data["questions"]) - 1
    failed = _write(bank_id, change, None, edited)
    return failed or redirect(url_for("bankedit.review_page", bank_id=bank_id, q=data["id"]) + "#current",
                              code=303)
