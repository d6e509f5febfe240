"""The teacher's regrade page: the answers typed to one question of a session,
with a button to accept one (or withdraw the acceptance)."""

from __future__ import annotations

import json
from typing import Any

from flask import Blueprint, abort, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from wtforms import IntegerField, StringField
from wtforms.validators import InputRequired, Length, NumberRange

from quizgen.model import AnyQuestion

from . import regrade
from .accounts import login_required
from .catalog import Entry, catalog
from .db import get_engine
from .teacher import own_session

bp = Blueprint("regrade", __name__, url_prefix="/teacher")


class RegradeForm(FlaskForm):
    part = IntegerField(validators=[InputRequired(), NumberRange(min=0, max=10_000)])
    value = StringField(validators=[InputRequired(), Length(max=2000)])


def _session_question(code: str, n: int) -> tuple[Any, Entry, AnyQuestion]:
    """The teacher's own session and its n-th question (a typed one), or a 404/410 page."""
    row = own_session(code)
    question_ids: list[str] = json.loads(row.question_ids)
    if not 1 <= n <= len(question_ids):
        abort(404)
    entry = catalog().get(row.bank_id)
    q = entry.by_id.get(question_ids[n - 1]) if entry else None
    if entry is None or q is None:
        abort(410)  # the bank changed since the session began: nothing to grade with
    if not regrade.typed(q):
        abort(404)
    return row, entry, q


@bp.get("/s/<code>/q/<int:n>")
@login_required
def page(code: str, n: int):
    row, entry, q = _session_question(code, n)
    with get_engine().connect() as conn:
        parts = regrade.answers_given(conn, row.id, q)
    path = entry.bank.path
    return render_template(
        "teacher/regrade.html", row=row, bank=entry.bank, n=n, q=q, parts=parts,
        hint=regrade.bank_hint(q, parts), bank_file=path.name if path else None,
        changed=request.args.get("changed", type=int))


@bp.post("/s/<code>/q/<int:n>/<any(accept, undo):action>")
@login_required
def change(code: str, n: int, action: str):
    row, _entry, q = _session_question(code, n)
    form = RegradeForm()
    if not form.validate_on_submit():
        abort(400)
    change = regrade.accept if action == "accept" else regrade.undo
    try:
        changed = change(row.id, q, form.part.data, form.value.data, teacher_id=g.teacher.id)
    except regrade.RegradeError:
        abort(400, _("This answer was not given to this question: nothing was changed."))
    return redirect(url_for("regrade.page", code=row.code, n=n, changed=changed), code=303)
