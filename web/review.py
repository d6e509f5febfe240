"""The review page's content: the article with the current evidence marked,
and one card per question (shared by drafts and by the editing of a bank)."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from flask import url_for

from quizgen.text import normalize_with_map

from . import qforms
from .bankfiles import slug


@dataclass
class Highlight:
    """The article in three parts: before the evidence, the evidence, after it."""

    before: str
    marked: str = ""
    after: str = ""


def highlight(article: str, evidence: str | None) -> Highlight:
    if not evidence:
        return Highlight(article)
    haystack, index = normalize_with_map(article)
    needle = normalize_with_map(evidence)[0].strip()
    at = haystack.find(needle) if needle else -1
    if at < 0:
        return Highlight(article)
    first, last = index[at], index[at + len(needle) - 1] + 1
    return Highlight(article[:first], article[first:last], article[last:])


@dataclass
class Card:
    id: str
    type: str
    type_label: str
    headline: str
    state: str
    review: bool
    current: bool
    values: dict[str, str] = field(default_factory=dict)
    fields: list[tuple[str, str, Any]] = field(default_factory=list)  # (key, kind, label)
    errors: dict[str, list[str]] = field(default_factory=dict)
    several_sources: bool = False  # edited in the YAML file, not in the browser

    @property
    def general_errors(self) -> list[str]:
        shown = {key for key, _kind, _label in self.fields}
        return [m for key, msgs in self.errors.items() if key not in shown for m in msgs]


def card(q: Mapping[str, Any], state: str, current: bool, *, values: dict[str, str] | None = None,
         errors: dict[str, list[str]] | None = None) -> Card:
    qtype = q["type"]
    fields = [(k, kind, qforms.LABELS[k]) for k, kind in qforms.fields_of(qtype)]
    return Card(q["id"], qtype, str(qforms.TYPE_LABELS.get(qtype, qtype)), qforms.headline(q), state,
                bool(q.get("review")), current, values if values is not None else qforms.to_form(q),
                fields, errors or {}, qforms.several_sources(q))


def next_pending(order: Sequence[str], states: Callable[[str], str], after: str | None) -> str | None:
    """The next question still to review after `after` (wrapping), or None."""
    if after in order:
        i = order.index(after)
        rotated = [*order[i + 1:], *order[:i + 1]]
    else:
        rotated = list(order)
    return next((qid for qid in rotated if states(qid) == "pending"), None)


def neighbours(order: Sequence[str], current: str | None) -> tuple[str | None, str | None]:
    """(previous, next) question ids around `current` in the page's order."""
    if current not in order:
        return None, (order[0] if order else None)
    i = order.index(current)
    return (order[i - 1] if i > 0 else None), (order[i + 1] if i + 1 < len(order) else None)


def in_review_order(questions: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Questions marked `review` first, then the others, each group in the bank's order."""
    return [q for q in questions if q.get("review")] + [q for q in questions if not q.get("review")]


@dataclass
class Links:
    """The review page's addresses: the same endpoint names in the drafts and bank blueprints."""

    blueprint: str
    args: dict[str, Any]

    def view(self, qid: str | None = None, **extra: Any) -> str:
        return url_for(f"{self.blueprint}.review_page", **self.args, q=qid, **extra)

    def state(self, qid: str, action: str) -> str:
        return url_for(f"{self.blueprint}.set_state", **self.args, qid=qid, action=action)

    def save(self, qid: str) -> str:
        return url_for(f"{self.blueprint}.save_question", **self.args, qid=qid)

    def add(self) -> str:
        return url_for(f"{self.blueprint}.add_question", **self.args)


def page(questions: Sequence[Mapping[str, Any]], state_of: Callable[[str], str], current: str | None,
         article_of: Callable[[Mapping[str, Any] | None], str], edited: dict[str, Any] | None = None
         ) -> dict[str, Any]:
    """What review.html shows, for a draft or a bank: cards, the marked article, neighbours."""
    ordered = in_review_order(questions)
    order = [q["id"] for q in ordered]
    if current not in order:
        current = next_pending(order, state_of, None) or (order[0] if order else None)
    new_q = edited if edited and edited.get("new") else None
    if new_q:
        current = None
    cards = []
    for q in ordered:
        mine = q["id"] == current
        cards.append(card(q, state_of(q["id"]), mine,
                          values=edited["values"] if edited and mine else None,
                          errors=edited["errors"] if edited and mine else None))
    shown = next((q for q in ordered if q["id"] == current), None)
    evidence = new_q["values"].get("evidence") if new_q else qforms.first_passage(shown or {})[1]
    prev_id, next_id = neighbours(order, current)
    counts = {s: sum(1 for q in order if state_of(q) == s) for s in ("pending", "accepted", "dropped")}
    return {"cards": cards, "current": current, "new_q": new_q, "prev_id": prev_id, "next_id": next_id,
            "article": highlight(article_of(new_q.get("source_q") if new_q else shown), evidence),
            "counts": counts, "new_types": list(qforms.TYPE_FIELDS), "type_labels": qforms.TYPE_LABELS}


def slug_of(title: str) -> str:
    """A bank id from a title."""
    return slug(title) or "article"


def new_question_id(form: Any, qtype: str, taken: set[str]) -> str:
    """A slug of the question's first words, unique in the bank."""
    words = next((form.get(k) for k in qforms.HEADLINE if form.get(k)), "") or qtype
    base = slug(" ".join(str(words).split()[:6]))[:40].strip("-") or qtype
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def new_edit(blank: dict[str, Any]) -> dict[str, Any]:
    """The form of a question not yet written (type, source and evidence chosen)."""
    values = qforms.to_form(blank)
    return {"new": True, "type": blank["type"], "values": values, "errors": {}, "source_q": blank,
            "card": card(blank, "pending", True, values=values)}
