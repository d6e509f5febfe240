"""Class sessions: join codes, students joining with a nickname, open and close."""

from __future__ import annotations

import json
import re
import secrets
import unicodedata
from typing import Any

from flask import current_app
from sqlalchemy import Connection, Row, insert, select, update
from sqlalchemy.exc import IntegrityError

from quizgen.text import fold_answer, normalize

from . import quizforms
from .db import attempt, get_engine, quiz_session, utcnow
from .inputs import clean_line, too_many_marks, visible_length
from .runs import new_token

#: No 0/O, 1/I: codes are read off a projector and typed on phones.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
NICKNAME_MAX = 30
NICKNAME_STORED = 40  # the column's size, in code points
_CODE_CLEAN = re.compile(r"[\s-]+")


class NicknameTaken(Exception):
    pass


class BadNickname(ValueError):
    pass


def normalize_code(raw: str) -> str | None:
    """The code as stored, from what a student typed ("abc 234" → "ABC234"), or None."""
    code = _CODE_CLEAN.sub("", raw or "").upper()
    if not 4 <= len(code) <= 12 or any(c not in CODE_ALPHABET for c in code):
        return None
    return code


def find_session(conn: Connection, code: str) -> Row[Any] | None:
    return conn.execute(select(quiz_session).where(quiz_session.c.code == code)).first()


def create_session(*, teacher_id: int, bank_id: str, question_ids: list[str], feedback: str,
                   time_limit: int | None, open_now: bool) -> str:
    now = utcnow()
    for _try in range(20):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        try:
            with get_engine().begin() as conn:
                conn.execute(insert(quiz_session).values(
                    code=code, bank_id=bank_id, teacher_id=teacher_id,
                    question_ids=json.dumps(question_ids), feedback=feedback, time_limit=time_limit,
                    status="open" if open_now else "waiting", created_at=now,
                    opened_at=now if open_now else None))
            return code
        except IntegrityError:
            continue  # the code is taken: draw another
    raise RuntimeError("could not draw a free session code")


def set_status(session_id: int, status: str) -> None:
    """waiting → open → closed; closed is final."""
    values: dict[str, Any] = {"status": status}
    allowed_from = {"open": ("waiting",), "closed": ("waiting", "open")}[status]
    values["opened_at" if status == "open" else "closed_at"] = utcnow()
    with get_engine().begin() as conn:
        conn.execute(update(quiz_session)
                     .where(quiz_session.c.id == session_id, quiz_session.c.status.in_(allowed_from))
                     .values(**values))


def clean_nickname(raw: str) -> str:
    """The nickname as shown: NFC, one line, single spaces; BadNickname unless
    it has a letter or digit, at most NICKNAME_MAX characters as seen (marks
    on a letter do not count, but a pile of them is refused) and no hidden
    character."""
    nickname = " ".join(clean_line(raw or "").split())
    if not nickname:
        raise BadNickname("empty")
    if (visible_length(nickname) > NICKNAME_MAX or len(nickname) > NICKNAME_STORED
            or too_many_marks(nickname) or not any(c.isalnum() for c in nickname)
            or any(unicodedata.category(c).startswith("C") for c in nickname)):
        raise BadNickname("invalid")
    return nickname


def nickname_key(nickname: str) -> str:
    """Two nicknames a class would confuse ("Zoé", "zoe") are the same nickname."""
    return (fold_answer(nickname) or normalize(nickname))[:40]


def join(session: Row[Any], nickname: str) -> str:
    """A new participant; its token (the student's cookie). NicknameTaken if in use."""
    token = new_token()
    ids = json.loads(session.question_ids)
    quizforms.seeded(current_app.secret_key, token, "\x00order").shuffle(ids)
    try:
        with get_engine().begin() as conn:
            conn.execute(insert(attempt).values(
                token=token, bank_id=session.bank_id, question_ids=json.dumps(ids),
                session_id=session.id, nickname=nickname, nickname_key=nickname_key(nickname),
                created_at=utcnow()))
    except IntegrityError as exc:
        raise NicknameTaken(nickname) from exc
    return token
