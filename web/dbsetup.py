"""Setting the database up safely: a private SQLite file, and the columns
added since a database was created.

Until the project has migrations, a column added to a table is added here to
an existing database too: `ALTER TABLE … ADD COLUMN` with a default, which
SQLite and PostgreSQL both run without rewriting the table. Several workers
may start at once, so a column that another one has just added is no error.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from sqlalchemy import DefaultClause, Engine, MetaData, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

#: Columns added after the first release: (table, column), each with a server default.
ADDED_COLUMNS: list[tuple[str, str]] = [("teacher", "session_epoch")]


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL, or None (another database, or in memory)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def create_private_file(path: Path) -> None:
    """Create the database file readable by its owner only (0600), before SQLite
    creates it with the umask's mode; an existing file loses any access by others."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        return
    if path.stat().st_mode & 0o077:
        path.chmod(0o600)


def add_missing_columns(engine: Engine, metadata: MetaData) -> list[str]:
    """Add to existing tables the columns of ADDED_COLUMNS they lack; the ones added."""
    added = []
    for table_name, column_name in ADDED_COLUMNS:
        present = {c["name"] for c in inspect(engine).get_columns(table_name)}
        if column_name in present:
            continue
        column = metadata.tables[table_name].c[column_name]
        default = column.server_default.arg if isinstance(column.server_default, DefaultClause) else None
        ddl = (f"ALTER TABLE {table_name} ADD COLUMN {column_name} "
               f"{column.type.compile(engine.dialect)} NOT NULL DEFAULT {default}")
        try:
            with engine.begin() as conn:
                conn.execute(text(ddl))
        except DBAPIError:
            # Another worker may have added it meanwhile: only then is it no error.
            if column_name not in {c["name"] for c in inspect(engine).get_columns(table_name)}:
                raise
            continue
        added.append(f"{table_name}.{column_name}")
    return added
