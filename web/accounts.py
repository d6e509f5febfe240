"""Teacher accounts: passwords, logging in and out, and the pages that need a login.

A login lasts a school day and ends everywhere at once: the session cookie
carries the account's epoch, which a logout or a new password moves on.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from flask import current_app, g, redirect, request, session, url_for
from sqlalchemy import insert, select
from werkzeug.security import check_password_hash, generate_password_hash

from .db import get_engine, teacher, utcnow
from .ratelimit import password_slot

#: A login lasts a school day: a shared classroom computer forgets it.
LOGIN_SECONDS = 12 * 3600
#: In the session cookie: who is logged in, since when, and with which epoch.
_LOGIN_KEYS = ("teacher_id", "teacher_at", "teacher_epoch")
#: Kept across a login: the class sessions this browser's student joined (web/join.py).
_STUDENT_KEY = "p"


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


def logged_in() -> bool:
    """Whether this browser's session cookie carries a teacher's login (not yet checked)."""
    return session.get("teacher_id") is not None


def start_login(teacher_id: int) -> None:
    """A fresh session cookie for the teacher; a student's sessions on this browser stay."""
    with get_engine().connect() as conn:
        epoch = conn.execute(select(teacher.c.session_epoch).where(teacher.c.id == teacher_id)).scalar()
    students = session.get(_STUDENT_KEY)
    session.clear()  # a fresh session for the new identity
    if students:
        session[_STUDENT_KEY] = students
    session["teacher_id"] = teacher_id
    session["teacher_at"] = int(time.time())
    session["teacher_epoch"] = epoch
    session.permanent = True


def end_login() -> None:
    """Ends this login everywhere: the teacher's epoch moves on, so this cookie
    (or a copy of it) no longer opens a teacher's page."""
    teacher_id, epoch = session.get("teacher_id"), session.get("teacher_epoch")
    if isinstance(teacher_id, int) and isinstance(epoch, int):
        with get_engine().begin() as conn:
            conn.execute(teacher.update()
                         .where(teacher.c.id == teacher_id, teacher.c.session_epoch == epoch)
                         .values(session_epoch=epoch + 1))
    _forget_login()


def _forget_login() -> None:
    for key in _LOGIN_KEYS:
        session.pop(key, None)


def _to_login() -> Any:
    return redirect(url_for("teacher.login", next=request.full_path.rstrip("?")), code=303)


def login_required(view: Callable[..., Any]) -> Callable[..., Any]:
    """The view for a logged-in teacher (then in g.teacher), else a redirect to the login page."""
    @functools.wraps(view)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        teacher_id = session.get("teacher_id")
        since = session.get("teacher_at", 0)
        if not isinstance(teacher_id, int) or not isinstance(since, int | float) \
                or time.time() - since > LOGIN_SECONDS:
            return _to_login()
        with get_engine().connect() as conn:
            row = conn.execute(select(teacher.c.id, teacher.c.name, teacher.c.session_epoch)
                               .where(teacher.c.id == teacher_id)).first()
        if row is None or session.get("teacher_epoch") != row.session_epoch:
            # The account was removed, or this login ended (logout, new password).
            _forget_login()
            return _to_login()
        g.teacher = row
        return view(*args, **kwargs)
    return wrapper
