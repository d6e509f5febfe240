"""Setting the database file up safely: a private SQLite file. (Columns
added since a database was created come through web/migrations.)"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from sqlalchemy.engine import make_url


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
