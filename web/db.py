"""The web quiz's tables and its one database engine per process.

SQLAlchemy Core: the pages run a handful of small queries each, and one
pooled engine per worker process keeps a connection open between requests
(opening one per request costs about 4× under load: SQLite checkpoints its
WAL on every last close). The URL comes from configuration, so a server
database can replace the SQLite file in the instance folder.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from flask import Flask, current_app
from sqlalchemy import (
    Column,
    DateTime,
    Engine,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from quizgen.errors import QuizgenError

metadata = MetaData()

teacher = Table(
    "teacher", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(80), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("created_at", DateTime, nullable=False),
    # Raised by a logout or a new password: a login made before no longer counts.
    Column("session_epoch", Integer, nullable=False, server_default="0"),
)

#: A class session; `status` goes waiting → open → closed, and closed is final
#: (in deferred mode closing reveals the answers, so it cannot reopen).
quiz_session = Table(
    "quiz_session", metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(12), nullable=False, unique=True),
    Column("bank_id", String(80), nullable=False),
    Column("teacher_id", Integer, ForeignKey("teacher.id"), nullable=False),
    Column("question_ids", Text, nullable=False),  # JSON list, the session's questions
    Column("feedback", String(10), nullable=False),  # "immediate" | "deferred"
    Column("time_limit", Integer),  # minutes per student, or NULL
    Column("status", String(10), nullable=False),  # "waiting" | "open" | "closed"
    Column("created_at", DateTime, nullable=False),
    Column("opened_at", DateTime),
    Column("closed_at", DateTime),
    Index("ix_quiz_session_bank_status", "bank_id", "status"),
    Index("ix_quiz_session_teacher", "teacher_id"),
)

#: One student's run through questions: a practice run (no session) or a
#: participant of a class session. The token is the student's secret (URL for
#: practice, cookie for sessions) and seeds their shuffles.
attempt = Table(
    "attempt", metadata,
    Column("id", Integer, primary_key=True),
    Column("token", String(64), nullable=False, unique=True),
    Column("bank_id", String(80), nullable=False),
    Column("question_ids", Text, nullable=False),  # JSON list, in this student's order
    Column("session_id", Integer, ForeignKey("quiz_session.id")),
    Column("nickname", String(40)),
    Column("nickname_key", String(40)),  # folded, so "Zoé" and "zoe " are one nickname
    Column("created_at", DateTime, nullable=False),
    # NULLs are distinct, so practice runs (no session) never collide.
    UniqueConstraint("session_id", "nickname_key", name="uq_attempt_session_nickname"),
)

#: A participant's return code, hashed with her token: with it and her
#: nickname she comes back on another device, or after losing her cookie.
#: A table of its own (migration 0003): a return code per class attempt.
resume_code = Table(
    "resume_code", metadata,
    Column("attempt_id", Integer, ForeignKey("attempt.id"), primary_key=True),
    Column("code_hash", String(64), nullable=False),
    Column("failures", Integer, nullable=False),  # wrong codes tried for this nickname
)

#: One answer per attempt and question, enforced by the database: a double
#: submit or a replayed POST cannot count twice.
answer = Table(
    "answer", metadata,
    Column("id", Integer, primary_key=True),
    Column("attempt_id", Integer, ForeignKey("attempt.id"), nullable=False),
    Column("question_id", String(80), nullable=False),
    Column("response", Text, nullable=False),  # JSON, in the bank's terms (quizgen.grading)
    Column("label", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("created_at", DateTime, nullable=False),
    UniqueConstraint("attempt_id", "question_id", name="uq_answer_attempt_question"),
)


#: A bank being drafted from an article in the teacher area (web/drafts.py):
#: the drafted bank, each question's review state, and the article, kept
#: until it is published (then `published_at` and `bank_id` say where it went).
bank_draft = Table(
    "bank_draft", metadata,
    Column("id", Integer, primary_key=True),
    Column("teacher_id", Integer, ForeignKey("teacher.id"), nullable=False),
    Column("bank_id", String(80), nullable=False),
    Column("article", Text, nullable=False),
    Column("data", Text, nullable=False),  # JSON: {"bank": …, "states": {question id: state}, "notes": […]}
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("published_at", DateTime),
    Index("ix_bank_draft_teacher", "teacher_id"),
)

#: An answer the teacher accepted after the fact for one question of one
#: session (web/regrade.py): every score of that question is graded again
#: with it. `part` is 0, or the gap's position in a cloze; `value` is the
#: answer as grading folds it (the form of answer.label).
accepted_answer = Table(
    "accepted_answer", metadata,
    Column("id", Integer, primary_key=True),
    Column("session_id", Integer, ForeignKey("quiz_session.id"), nullable=False),
    Column("question_id", String(80), nullable=False),
    Column("part", Integer, nullable=False),
    Column("value", Text, nullable=False),
    Column("teacher_id", Integer, ForeignKey("teacher.id"), nullable=False),
    Column("created_at", DateTime, nullable=False),
    UniqueConstraint("session_id", "question_id", "part", "value", name="uq_accepted_answer"),
)


def utcnow() -> datetime:
    """Naive UTC: every database stores it the same way."""
    return datetime.now(UTC).replace(tzinfo=None)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets students read while another writes; NORMAL sync is safe with WAL
    # (a committed answer survives an application crash; only power loss can
    # drop the last transactions) and saves an fsync per answer.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=15000")
    cursor.close()


#: Writers of this process take turns here before they ask SQLite. SQLite lets
#: one writer in at a time, and a writer it turns away sleeps in its busy
#: handler for 1, 2, 5, 10… ms before trying again: under a class's answers
#: those sleeps, not the writes, made the slowest answers. A Python lock
#: hands over as soon as the previous writer commits. (Other processes still
#: meet at SQLite's lock; with a server database the lock is not used.)
_SQLITE_WRITER = threading.Lock()


@contextlib.contextmanager
def writing() -> Iterator[None]:
    """Around a short write transaction: one writer of this process at a time on SQLite."""
    if current_app.extensions["quizgen_db"].dialect.name != "sqlite":
        yield
        return
    with _SQLITE_WRITER:
        yield


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 15}, pool_size=8, max_overflow=16)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def init_db(app: Flask) -> Engine:
    """Create the engine for `app`; migrate its database to this code's schema
    (QUIZGEN_AUTO_MIGRATE, the default on SQLite) or check that it is there.

    The schema changes only through migrations (web/migrations), never through
    `create_all`: a server database is upgraded once with `quizgen db upgrade`
    before the new app servers start.
    """
    from .dbsetup import create_private_file, sqlite_path
    from .migrate import check, upgrade

    url = app.config["QUIZGEN_DATABASE_URL"]
    path = sqlite_path(url)
    if path is not None and path.parent.is_dir():
        create_private_file(path)  # it holds the teachers' password hashes
    try:
        engine = make_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise QuizgenError(f"QUIZGEN_DATABASE_URL {shown_url(url)} cannot be used: {exc} "
                           "(for PostgreSQL: pip install 'quizgen[postgres]' and a "
                           "postgresql+psycopg://user:password@host/database URL)") from exc
    auto = app.config.get("QUIZGEN_AUTO_MIGRATE")
    if auto is None:
        auto = engine.dialect.name == "sqlite"
    if auto:
        upgrade(engine)
    elif not app.config.get("QUIZGEN_SKIP_SCHEMA_CHECK"):  # `quizgen db …` checks itself
        check(engine)
    # Forget the connection used for setup: under `gunicorn --preload` the app
    # is created before the workers fork, and a SQLite connection must not
    # cross a fork. Each process then opens its own pooled connections.
    engine.dispose()
    app.extensions["quizgen_db"] = engine
    return engine


def shown_url(url: str) -> str:
    """The URL without its password, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return repr(url)


def get_engine() -> Engine:
    return current_app.extensions["quizgen_db"]
