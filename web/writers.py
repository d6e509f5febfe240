"""Writers of a SQLite database take turns before they ask SQLite.

SQLite lets one writer in at a time, and a writer it turns away sleeps in its
busy handler for 1, 2, 5, 10… ms before it tries again: under a class's
answers those sleeps, not the writes, made the slowest answers, and the
writer that sleeps keeps its own process's other writers waiting behind it.

A `WriterTurns` hands the turn over as soon as the previous writer commits:
the threads of one process queue on a `threading.Lock`, the processes of one
server (gunicorn's workers) on a POSIX record lock (`fcntl.lockf`) of a file
beside the database, which the kernel passes to the next waiting process at
once. Record locks belong to a process, not to a file descriptor, so a lock
file opened before `gunicorn --preload` forks still tells the workers apart;
the file is opened again in each process anyway. Where `fcntl` is missing
(Windows: waitress, one process) only the thread lock is taken.

A writer that does not take its turn here (a `quizgen` command, another
program) still meets SQLite's own lock and its busy timeout: correctness never
depends on this module, only the waiting time does.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class WriterTurns:
    """One writer at a time among the threads and processes using `path` as lock file."""

    def __init__(self, path: Path | None) -> None:
        self.path = path if fcntl is not None else None
        self._threads = threading.Lock()
        self._fd: int | None = None
        self._pid = 0

    def _file(self) -> int | None:
        if self.path is None:
            return None
        if self._fd is None or self._pid != os.getpid():
            # 0600 like the database: the lock file says nothing, but nobody else needs it.
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            self._pid = os.getpid()
        return self._fd

    @contextlib.contextmanager
    def turn(self) -> Iterator[None]:
        """Wait for this writer's turn; it ends when the block does."""
        with self._threads:
            try:
                fd = self._file()
            except OSError:  # a read-only instance folder: the thread lock alone, as on Windows
                fd = None
            if fd is None:
                yield
                return
            fcntl.lockf(fd, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.lockf(fd, fcntl.LOCK_UN)
