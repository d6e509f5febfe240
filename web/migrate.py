"""The quiz site's schema, changed only through migrations (Alembic).

`quizgen db upgrade` brings a database to the schema this code expects;
`quizgen serve` does it at start. A database made before migrations existed
(by `create_all`) is recognised by its tables and stamped with the baseline
first, so its classes' results are kept. Migrations run under a lock, so two
processes starting at once do not both apply them.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import OperationalError

from quizgen.errors import QuizgenError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
#: The first revision: the schema as `create_all` made it before migrations.
BASELINE = "0001"
_BASELINE_TABLES = {"teacher", "quiz_session", "attempt", "answer"}
_PG_LOCK_KEY = 0x71756967  # any constant: one advisory lock for quizgen's migrations


class SchemaOutOfDate(QuizgenError):
    """The database is not at the revision this code expects."""


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head() -> str:
    """The revision this code expects."""
    found = ScriptDirectory.from_config(_config()).get_current_head()
    assert found is not None, "web/migrations/versions has no revision"
    return found


@contextlib.contextmanager
def _reachable(engine: Engine) -> Iterator[None]:
    """A database that cannot be reached (down, wrong password…) is a message, not a traceback."""
    try:
        yield
    except OperationalError as exc:
        shown = engine.url.render_as_string(hide_password=True)
        raise QuizgenError(f"cannot reach the database {shown}: {str(exc.orig).strip()}") from exc


def current(engine: Engine) -> str | None:
    """The database's revision (None: empty, or made before migrations)."""
    with _reachable(engine), engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@contextlib.contextmanager
def _lock(engine: Engine, conn: Connection) -> Iterator[None]:
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
        yield
        return
    database = engine.url.database
    if conn.dialect.name != "sqlite" or not database or database == ":memory:":
        yield
        return
    try:
        import fcntl
    except ImportError:  # Windows: waitress is one process, there is no one to race
        yield
        return
    fd = os.open(f"{database}.migrate-lock", os.O_RDWR | os.O_CREAT, 0o600)
    with os.fdopen(fd, "r+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Migrate the database to `revision`; (revision before, revision after)."""
    try:
        with _reachable(engine), engine.begin() as conn, _lock(engine, conn):
            config = _config(conn)
            before = MigrationContext.configure(conn).get_current_revision()
            if before is None and set(inspect(conn).get_table_names()) >= _BASELINE_TABLES:
                command.stamp(config, BASELINE)  # made by create_all before migrations: keep its data
            command.upgrade(config, revision)
            after = MigrationContext.configure(conn).get_current_revision()
    except CommandError as exc:  # an unknown revision and the like: nothing was changed
        raise QuizgenError(f"migration refused: {exc}") from exc
    return before, after


def check(engine: Engine) -> None:
    """SchemaOutOfDate unless the database is at the head revision."""
    at, wanted = current(engine), head()
    if at != wanted:
        raise SchemaOutOfDate(
            f"the database is at schema revision {at or 'none'}, this quizgen needs {wanted}: "
            "run `quizgen db upgrade` (back up the database first)")
