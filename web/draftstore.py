"""Drafts in progress, kept in the site's database (table bank_draft) until published."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update

from .db import bank_draft, get_engine, utcnow, writing

#: A drafted question's review state.
PENDING, ACCEPTED, DROPPED = "pending", "accepted", "dropped"
STATES = (PENDING, ACCEPTED, DROPPED)


@dataclass
class StoredDraft:
    id: int
    teacher_id: int
    bank_id: str
    article: str
    bank: dict[str, Any]
    states: dict[str, str]
    notes: list[str] = field(default_factory=list)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    published_at: datetime | None = None

    def state(self, question_id: str) -> str:
        return self.states.get(question_id, PENDING)

    def question(self, question_id: str) -> dict[str, Any] | None:
        for q in self.bank["questions"]:
            if q["id"] == question_id:
                return q
        return None

    def counts(self) -> dict[str, int]:
        out = dict.fromkeys(STATES, 0)
        for q in self.bank["questions"]:
            out[self.state(q["id"])] += 1
        return out

    def payload(self) -> str:
        return json.dumps({"bank": self.bank, "states": self.states, "notes": self.notes},
                          ensure_ascii=False, default=str)


def _from_row(row: Any) -> StoredDraft:
    data = json.loads(row.data)
    return StoredDraft(row.id, row.teacher_id, row.bank_id, row.article, data["bank"],
                       data.get("states", {}), data.get("notes", []),
                       row.created_at, row.updated_at, row.published_at)


def create(teacher_id: int, bank_id: str, article: str, bank: dict[str, Any], notes: list[str]) -> int:
    draft = StoredDraft(0, teacher_id, bank_id, article, bank, {}, notes)
    now = utcnow()
    with writing(), get_engine().begin() as conn:
        result = conn.execute(insert(bank_draft).values(
            teacher_id=teacher_id, bank_id=bank_id, article=article, data=draft.payload(),
            created_at=now, updated_at=now))
        return int(result.inserted_primary_key[0])


def get(draft_id: int, teacher_id: int) -> StoredDraft | None:
    """The teacher's own draft, or None (someone else's is as good as missing)."""
    with get_engine().connect() as conn:
        row = conn.execute(select(bank_draft).where(bank_draft.c.id == draft_id,
                                                    bank_draft.c.teacher_id == teacher_id)).first()
    return _from_row(row) if row is not None else None


def save(draft: StoredDraft, *, published: bool = False) -> None:
    values: dict[str, Any] = {"bank_id": draft.bank_id, "data": draft.payload(), "updated_at": utcnow()}
    if published:
        values["published_at"] = values["updated_at"]
    with writing(), get_engine().begin() as conn:
        conn.execute(update(bank_draft).where(bank_draft.c.id == draft.id).values(**values))


def unpublished(teacher_id: int) -> list[Any]:
    """(id, bank_id, updated_at) of the teacher's drafts not yet published, latest first."""
    with get_engine().connect() as conn:
        return list(conn.execute(
            select(bank_draft.c.id, bank_draft.c.bank_id, bank_draft.c.updated_at)
            .where(bank_draft.c.teacher_id == teacher_id, bank_draft.c.published_at.is_(None))
            .order_by(bank_draft.c.updated_at.desc())))
