"""The web quiz's tables and its one database engine per process.

SQLAlchemy Core: the pages run a handful of small queries each, and one
pooled engine per worker process keeps a connection open between requests
(opening one per request costs about 4× under load: SQLite checkpoints its
WAL on every last close). The URL comes from configuration, so a server
database can replace the SQLite file in the instance folder.
"""

from __future__ import annotations

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

metadata = MetaData()

teacher = Table(
    "teacher", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(80), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("created_at", DateTime, nullable=False),
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


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 15}, pool_size=8, max_overflow=16)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def init_db(app: Flask) -> Engine:
    """Create the engine for `app`, and the tables if they are missing."""
    engine = make_engine(app.config["QUIZGEN_DATABASE_URL"])
    metadata.create_all(engine)
    # Forget the connection used for setup: under `gunicorn --preload` the app
    # is created before the workers fork, and a SQLite connection must not
    # cross a fork. Each process then opens its own pooled connections.
    engine.dispose()
    app.extensions["quizgen_db"] = engine
    return engine


def get_engine() -> Engine:
    return current_app.extensions["quizgen_db"]
