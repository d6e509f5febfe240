"""A throwaway PostgreSQL cluster in a temporary folder, for the tests and bench/bench_scale.py.

`initdb` and `pg_ctl` from Debian's `postgresql` package (or any on PATH); no
system service, no TCP port: the server listens on a Unix socket in its own
folder only. initdb refuses to run as root, so as root the cluster belongs to
the `postgres` user (the package creates it).
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

PORT = 5432  # only names the socket file: the socket lives in the cluster's private folder


def find_bin() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, else Debian's newest /usr/lib/postgresql/N/bin."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent  # Debian links some tools onto PATH, not all
    def version(initdb: str) -> int:
        name = Path(initdb).parent.parent.name
        return int(name) if name.isdigit() else 0

    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version)
    return Path(versions[-1]).parent if versions else None


def missing_reason() -> str | None:
    """Why a cluster cannot be started here, or None."""
    if find_bin() is None:
        return "PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "running as root and there is no `postgres` user for initdb"
        if shutil.which("runuser") is None:
            return "running as root without runuser to start PostgreSQL as `postgres`"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed: pip install -r requirements.txt"
    return None


class Cluster:
    """initdb + pg_ctl start in a fresh folder; stop() removes everything."""

    def __init__(self, *, durable: bool = False, settings: dict[str, str] | None = None):
        reason = missing_reason()
        if reason:
            raise RuntimeError(reason)
        self.bin = find_bin()
        assert self.bin is not None
        self.root = Path(tempfile.mkdtemp(prefix="quizgen-pg-"))
        self.data = self.root / "data"
        self.log = self.root / "server.log"
        self._as: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.root, user.pw_uid, user.pw_gid)
            self._as = ["runuser", "-u", "postgres", "--"]
        options = {"listen_addresses": "''", "unix_socket_directories": f"'{self.root}'", "port": str(PORT),
                   "max_connections": "200"}
        if not durable:  # tests: nothing needs to survive a power cut
            options.update(fsync="off", synchronous_commit="off", full_page_writes="off")
        options.update(settings or {})
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as conf:
            conf.writelines(f"{k} = {v}\n" for k, v in options.items())
        try:
            self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "60", "start")
        except subprocess.CalledProcessError:
            log = self.log.read_text(errors="replace") if self.log.exists() else ""
            self.stop()
            raise RuntimeError(f"PostgreSQL did not start:\n{log[-2000:]}") from None

    def _run(self, tool: str, *args: str, **kwargs) -> subprocess.CompletedProcess:
        return subprocess.run([*self._as, str(self.bin / tool), *args], check=True, capture_output=True,
                              text=True, timeout=120, **kwargs)

    def tool(self, name: str, *args: str, **kwargs) -> subprocess.CompletedProcess:
        """Run a client tool (pg_dump, pg_restore, psql) against this cluster as `postgres`."""
        return subprocess.run([str(self.bin / name), "-h", str(self.root), "-p", str(PORT), "-U", "postgres",
                               *args], check=True, capture_output=True, timeout=300, **kwargs)

    def url(self, database: str = "postgres") -> str:
        """The SQLAlchemy URL of a database of this cluster (psycopg 3, over the socket)."""
        return f"postgresql+psycopg://postgres@/{database}?host={self.root}&port={PORT}"

    def execute(self, *statements: str) -> None:
        """Statements outside a transaction (CREATE/DROP DATABASE), on the maintenance database."""
        import psycopg

        with psycopg.connect(host=str(self.root), port=PORT, user="postgres", dbname="postgres",
                             autocommit=True) as conn:
            for sql in statements:
                conn.execute(sql)

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(subprocess.SubprocessError, OSError):
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.root, ignore_errors=True)
