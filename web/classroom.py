"""Class sessions: join codes, students joining with a nickname, open and close."""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import secrets
import unicodedata
from typing import Any

from flask import current_app
from sqlalchemy import Connection, Row, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from quizgen.text import fold_answer, normalize

from . import quizforms
from .db import attempt, get_engine, quiz_session, resume_code, utcnow
from .inputs import clean_line, too_many_marks, visible_length
from .runstore import new_token

#: No 0/O, 1/I: codes are read off a projector and typed on phones.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
NICKNAME_MAX = 30
NICKNAME_STORED = 40  # the column's size, in code points
#: A student's return code: 32⁶ ≈ 10⁹ codes, and few tries allowed per nickname.
RESUME_LENGTH = 6
MAX_RESUME_FAILURES = 10
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


def sessions_of(teacher_id: int) -> list[Row[Any]]:
    """The teacher's sessions, newest first, each with its number of students (`students`)."""
    counts = (select(attempt.c.session_id, func.count().label("n"))
              .where(attempt.c.session_id.is_not(None)).group_by(attempt.c.session_id).subquery())
    with get_engine().connect() as conn:
        return list(conn.execute(
            select(quiz_session, func.coalesce(counts.c.n, 0).label("students"))
            .outerjoin(counts, counts.c.session_id == quiz_session.c.id)
            .where(quiz_session.c.teacher_id == teacher_id)
            .order_by(quiz_session.c.created_at.desc())
        ).all())


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


def join(session: Row[Any], nickname: str) -> tuple[str, str]:
    """A new participant: her token (the student's cookie) and her return code.
    NicknameTaken if in use."""
    token = new_token()
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(RESUME_LENGTH))
    ids = json.loads(session.question_ids)
    quizforms.seeded(current_app.secret_key, token, "\x00order").shuffle(ids)
    try:
        with get_engine().begin() as conn:
            inserted = conn.execute(insert(attempt).values(
                token=token, bank_id=session.bank_id, question_ids=json.dumps(ids),
                session_id=session.id, nickname=nickname, nickname_key=nickname_key(nickname),
                created_at=utcnow()))
            conn.execute(insert(resume_code).values(
                attempt_id=inserted.inserted_primary_key[0], code_hash=_resume_hash(token, code), failures=0))
    except IntegrityError as exc:
        raise NicknameTaken(nickname) from exc
    return token, code


class TooManyTries(Exception):
    """Too many wrong return codes for this nickname: the teacher gives a new one."""


def _resume_hash(token: str, code: str) -> str:
    return hashlib.sha256(f"{token}\x1f{code}".encode()).hexdigest()


def clean_resume_code(raw: str) -> str | None:
    code = _CODE_CLEAN.sub("", raw or "").upper()
    if len(code) != RESUME_LENGTH or any(c not in CODE_ALPHABET for c in code):
        return None
    return code


def come_back(session: Row[Any], nickname: str, raw_code: str) -> str | None:
    """The token of this session's participant with this nickname and return code, or None.

    Each wrong code counts against the nickname; after MAX_RESUME_FAILURES
    only a new code from the teacher opens it (TooManyTries), so guessing
    does not pay even from many addresses.
    """
    code = clean_resume_code(raw_code)
    with get_engine().begin() as conn:
        row = conn.execute(
            select(attempt.c.id, attempt.c.token, resume_code.c.code_hash, resume_code.c.failures)
            .join(resume_code, resume_code.c.attempt_id == attempt.c.id)
            .where(attempt.c.session_id == session.id, attempt.c.nickname_key == nickname_key(nickname))
        ).first()
        if row is None:
            return None
        if row.failures >= MAX_RESUME_FAILURES:
            raise TooManyTries(nickname)
        if code is not None and hmac.compare_digest(_resume_hash(row.token, code), row.code_hash):
            if row.failures:
                conn.execute(update(resume_code).where(resume_code.c.attempt_id == row.id).values(failures=0))
            return row.token
        conn.execute(update(resume_code).where(resume_code.c.attempt_id == row.id)
                     .values(failures=resume_code.c.failures + 1))
    return None


def new_resume_code(session_id: int, nickname: str) -> str | None:
    """A new return code for a participant (the teacher gives it to her); None if no such nickname."""
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(RESUME_LENGTH))
    with get_engine().begin() as conn:
        row = conn.execute(select(attempt.c.id, attempt.c.token).where(
            attempt.c.session_id == session_id, attempt.c.nickname_key == nickname_key(nickname))).first()
        if row is None:
            return None
        values = {"code_hash": _resume_hash(row.token, code), "failures": 0}
        done = conn.execute(update(resume_code).where(resume_code.c.attempt_id == row.id).values(**values))
        if done.rowcount == 0:  # joined before return codes existed
            conn.execute(insert(resume_code).values(attempt_id=row.id, **values))
    return code
