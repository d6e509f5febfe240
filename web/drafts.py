"""Teachers draft a bank from an article, review it and publish it (issue 12).

/teacher/drafts/new runs `quizgen draft` on a pasted article (web/drafter.py);
the draft is kept in the database (web/draftstore.py) while the teacher
accepts, edits or drops each question beside the article; publishing writes
`<first QUIZGEN_BANKS folder>/<id>.yaml` and its article with quizgen
draft's writer and adds the bank to the site at once. Every page works
without JavaScript; drafts.js adds keyboard shortcuts and selection.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, abort, g, redirect, render_template, request, url_for
from flask_babel import gettext as _

from quizgen import BankError
from quizgen.errors import QuizgenError

from . import bankfiles, draftstore, qforms, review
from .accounts import login_required
from .catalog import catalog
from .drafter import SourceInfo, clean_article, current_drafter
from .draftforms import MAX_ARTICLE_BYTES, ArticleForm, DetailsForm

bp = Blueprint("drafts", __name__, url_prefix="/teacher/drafts")

#: The article form's request limit: 200 KB of text, URL-encoded or multipart.
UPLOAD_BYTES = 4 * MAX_ARTICLE_BYTES


@bp.url_value_preprocessor
def _limits(endpoint: str | None, _values: Any) -> None:
    # Runs before every before_request hook (CSRF reads the form there).
    if endpoint == "drafts.new":
        request.max_content_length = UPLOAD_BYTES
        request.max_form_memory_size = UPLOAD_BYTES


bp.before_request(bankfiles.refuse_writes_if_read_only)


@bp.errorhandler(413)
def _too_large(_error: Any):
    if request.endpoint != "drafts.new":
        return render_template("error.html", code=413, title=_("Too large"),
                               text=_("What was sent is too large.")), 413
    return _new_page(ArticleForm(formdata=None), _("The article is too large: at most 200 KB of text."), 413)


def _new_page(form: ArticleForm, error: str | None = None, status: int = 200):
    return render_template("teacher/drafts/new.html", form=form, error=error,
                           unavailable=current_drafter().unavailable(),
                           read_only=bankfiles.read_only(), max_kb=MAX_ARTICLE_BYTES // 1024), status


@bp.get("/")
@login_required
def index():
    editable = [e for e in catalog() if e.bank.path is not None]
    return render_template("teacher/drafts/index.html", drafts=draftstore.unpublished(g.teacher.id),
                           entries=editable, read_only=bankfiles.read_only())


def _article_text(form: ArticleForm) -> str:
    upload = form.upload.data
    if upload is not None and getattr(upload, "filename", ""):
        raw = upload.read(MAX_ARTICLE_BYTES + 1)
        if len(raw) > MAX_ARTICLE_BYTES:
            raise QuizgenError(_("The article is too large: at most 200 KB of text."))
        try:
            return raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise QuizgenError(_("The file is not UTF-8 text: save it as UTF-8 plain text.")) from exc
    text = form.article.data or ""
    if len(text.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise QuizgenError(_("The article is too large: at most 200 KB of text."))
    if not text.strip():
        raise QuizgenError(_("Paste the article, or choose a .txt file."))
    return text


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new():
    form = ArticleForm()
    if request.method == "GET" and hasattr(current_drafter(), "warm_up"):
        current_drafter().warm_up()  # type: ignore[attr-defined]
    if not form.validate_on_submit():
        return _new_page(form, status=400 if form.errors else 200)
    unavailable = current_drafter().unavailable()
    if unavailable:
        return _new_page(form, status=503)
    try:
        text = clean_article(_article_text(form))
        info = SourceInfo(title=form.title.data or None, outlet=form.outlet.data or None,
                          published=form.published.data, url=form.url.data or None)
        drafted = current_drafter().draft(text, info)
    except QuizgenError as exc:
        return _new_page(form, str(exc), 400)
    bank = drafted.bank
    bank["id"] = _free_id(review.slug_of(bank.get("title", "")))
    draft_id = draftstore.create(g.teacher.id, bank["id"], drafted.article, bank, drafted.notes)
    return redirect(url_for("drafts.review_page", draft_id=draft_id), code=303)


def _free_id(base: str) -> str:
    """`base`, or base-2, base-3…: an id no bank on the site or in the folder uses."""
    folder = bankfiles.banks_folder()
    candidate, n = base, 1
    while catalog().get(candidate) is not None or (folder and (folder / f"{candidate}.yaml").exists()):
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _own(draft_id: int) -> draftstore.StoredDraft:
    draft = draftstore.get(draft_id, g.teacher.id)
    if draft is None:
        abort(404)
    return draft


def _question(draft: draftstore.StoredDraft, qid: str) -> dict[str, Any]:
    q = draft.question(qid)
    if q is None:
        abort(404)
    return q


def _order(draft: draftstore.StoredDraft) -> list[str]:
    return [q["id"] for q in review.in_review_order(draft.bank["questions"])]


def render_review(draft: draftstore.StoredDraft, current: str | None = None, *,
                  edited: dict[str, Any] | None = None, details: DetailsForm | None = None,
                  message: str | None = None, status: int = 200):
    """The review page; `edited` is a question form sent back with its errors."""
    context = review.page(draft.bank["questions"], draft.state, current, lambda _q: draft.article, edited)
    return render_template(
        "teacher/drafts/review.html", draft=draft, details=details or _details_form(draft),
        message=message, links=review.Links("drafts", {"draft_id": draft.id}), hidden={},
        sources=[s["id"] for s in draft.bank["sources"]], read_only=bankfiles.read_only(),
        title=draft.bank.get("title", ""), **context), status


def _details_form(draft: draftstore.StoredDraft) -> DetailsForm:
    source = draft.bank["sources"][0]
    form = DetailsForm(formdata=None, data={
        "bank_id": draft.bank_id, "title": draft.bank.get("title"), "outlet": source.get("outlet"),
        "url": source.get("url"), "summary": source.get("summary")})
    form.published.data = _date(source.get("published"))
    return form


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


@bp.get("/<int:draft_id>")
@login_required
def review_page(draft_id: int):
    draft = _own(draft_id)
    current = request.args.get("q")
    if current is not None and draft.question(current) is None:
        current = None
    new_type = request.args.get("type")
    if new_type in qforms.TYPE_FIELDS:  # a new question, from a passage of the article
        blank = {"id": "", "type": new_type, "source": draft.bank["sources"][0]["id"],
                 "evidence": request.args.get("evidence", "")[: qforms.MAX_FIELD]}
        return render_review(draft, None, edited=review.new_edit(blank))
    return render_review(draft, current)


def _after(draft: draftstore.StoredDraft, qid: str):
    nxt = review.next_pending(_order(draft), draft.state, qid)
    target = url_for("drafts.review_page", draft_id=draft.id, q=nxt or qid)
    return redirect(target + "#current", code=303)


@bp.post("/<int:draft_id>/q/<qid>/<any(accept, drop, restore):action>")
@login_required
def set_state(draft_id: int, qid: str, action: str):
    draft = _own(draft_id)
    _question(draft, qid)
    draft.states[qid] = {"accept": draftstore.ACCEPTED, "drop": draftstore.DROPPED}.get(
        action, draftstore.PENDING)
    draftstore.save(draft)
    return _after(draft, qid)


def _checked_edit(draft: draftstore.StoredDraft, q: dict[str, Any], index: int, *, new: bool):
    """(the question as sent, or None when it is invalid; the edit to show back)."""
    values = {key: request.form.get(key, "") for key, _kind in qforms.fields_of(q["type"])}
    edited, errors = qforms.from_form(values, q)
    questions = list(draft.bank["questions"])
    if new:
        questions.append(edited)
    else:
        questions[index] = edited
    if not errors:
        checked = bankfiles.check_draft({**draft.bank, "questions": questions}, draft.article)
        if checked.bank is None and checked.positions is not None:
            errors, _others = qforms.field_problems(checked.problems, checked.positions, index)
            errors = errors or {"_": [p.message for p in checked.problems]}
        elif checked.bank is None:
            errors = {"_": [p.message for p in checked.problems]}
    view = {"values": values, "errors": errors, "new": new, "type": q["type"], "source_q": q,
            "card": review.card(q, "pending", True, values=values, errors=errors)}
    return (None if errors else edited), view


@bp.post("/<int:draft_id>/q/<qid>")
@login_required
def save_question(draft_id: int, qid: str):
    draft = _own(draft_id)
    q = _question(draft, qid)
    index = draft.bank["questions"].index(q)
    edited, view = _checked_edit(draft, q, index, new=False)
    if edited is None:
        return render_review(draft, qid, edited=view, status=400)
    draft.bank["questions"][index] = edited
    if request.form.get("then") == "accept":
        draft.states[qid] = draftstore.ACCEPTED
    draftstore.save(draft)
    return _after(draft, qid) if request.form.get("then") == "accept" else redirect(
        url_for("drafts.review_page", draft_id=draft.id, q=qid) + "#current", code=303)


@bp.post("/<int:draft_id>/new-question")
@login_required
def add_question(draft_id: int):
    draft = _own(draft_id)
    qtype = request.form.get("type", "")
    if qtype not in qforms.TYPE_FIELDS:
        abort(400)
    taken = {q["id"] for q in draft.bank["questions"]}
    base = {"id": review.new_question_id(request.form, qtype, taken), "type": qtype, "draft": True}
    edited, view = _checked_edit(draft, base, len(draft.bank["questions"]), new=True)
    if edited is None:
        return render_review(draft, None, edited=view, status=400)
    draft.bank["questions"].append(edited)
    draft.states[edited["id"]] = draftstore.ACCEPTED
    draftstore.save(draft)
    return redirect(url_for("drafts.review_page", draft_id=draft.id, q=edited["id"]) + "#current", code=303)


def _apply_details(draft: draftstore.StoredDraft, form: DetailsForm) -> None:
    draft.bank_id = draft.bank["id"] = form.bank_id.data.strip()
    draft.bank["title"] = form.title.data.strip()
    source = draft.bank["sources"][0]
    source.update(title=form.title.data.strip(), outlet=form.outlet.data.strip(),
                  published=form.published.data.isoformat(), summary=" ".join(form.summary.data.split()))
    draft.bank["as_of"] = form.published.data.isoformat()
    if form.url.data:
        source["url"] = form.url.data.strip()
    else:
        source.pop("url", None)


@bp.post("/<int:draft_id>/details")
@login_required
def details(draft_id: int):
    draft = _own(draft_id)
    form = DetailsForm()
    if not form.validate_on_submit():
        return render_review(draft, details=form, status=400)
    _apply_details(draft, form)
    draftstore.save(draft)
    if "publish" not in request.form:
        return redirect(url_for("drafts.review_page", draft_id=draft.id) + "#details", code=303)
    return _publish(draft, form)


def published_data(draft: draftstore.StoredDraft) -> tuple[dict[str, Any], int, int]:
    """The bank to write: accepted questions reviewed, pending ones still drafts, dropped ones out."""
    questions, accepted, pending = [], 0, 0
    for q in draft.bank["questions"]:
        state = draft.state(q["id"])
        if state == draftstore.DROPPED:
            continue
        q = dict(q)
        if state == draftstore.ACCEPTED:
            q.pop("draft", None)
            q.pop("review", None)
            accepted += 1
        else:
            q["draft"] = True
            pending += 1
        questions.append(q)
    return {**draft.bank, "questions": questions}, accepted, pending


def _publish(draft: draftstore.StoredDraft, form: DetailsForm):
    data, accepted, pending = published_data(draft)
    if not accepted:
        return render_review(draft, details=form, status=400,
                             message=_("Accept at least one question before publishing."))
    if catalog().get(draft.bank_id) is not None:
        form.bank_id.errors = [_("A bank with this id is already on the site.")]
        return render_review(draft, details=form, status=409)
    folder = bankfiles.banks_folder()
    if folder is None:
        abort(503, _("No banks folder is configured (QUIZGEN_BANKS)."))
    # The file's header notes, in French like the rest of quizgen draft's header.
    notes = [f"relu dans l’espace enseignant : {accepted} question(s) acceptée(s)"]
    if pending:
        notes.append(f"{pending} question(s) encore à relire (draft: true)")
    try:
        bank = bankfiles.publish_new(data, draft.article, notes, folder)
    except bankfiles.Conflict as exc:
        form.bank_id.errors = [str(exc)]
        return render_review(draft, details=form, status=409)
    except OSError as exc:  # a folder the site may not write to, a full disk…
        return render_review(draft, details=form, status=500, message=_(
            "The bank file cannot be written on the server: %(error)s", error=exc.strerror or str(exc)))
    except BankError as exc:
        return render_review(draft, details=form, status=400,
                             message=_("The bank is not valid: %(problems)s",
                                       problems="; ".join(p.message for p in exc.problems)))
    catalog().put(bank)
    draftstore.save(draft, published=True)
    return redirect(url_for("drafts.published", draft_id=draft.id), code=303)


@bp.get("/<int:draft_id>/published")
@login_required
def published(draft_id: int):
    draft = _own(draft_id)
    entry = catalog().get(draft.bank_id)
    if draft.published_at is None or entry is None:
        abort(404)
    return render_template("teacher/drafts/published.html", draft=draft, entry=entry)
