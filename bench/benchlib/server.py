"""gunicorn on loopback for the benchmarks: start it, wait until every worker
has booted, read the CPU its processes used, stop it."""

from __future__ import annotations

import contextlib
import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"

def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@dataclass
class Server:
    proc: subprocess.Popen[bytes]
    port: int
    log: Path

    def worker_pids(self) -> list[int]:
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, IndexError, ValueError):
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == self.proc.pid:
                    pids.append(int(stat.parent.name))
        return pids

    def cpu_seconds(self) -> dict[int, float]:
        """User + system CPU of the master and of each worker so far, by pid."""
        out = {}
        for pid in [self.proc.pid, *self.worker_pids()]:
            with contextlib.suppress(OSError, IndexError, ValueError):
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                out[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return out


def wait_booted(server: Server, workers: int, timeout: float = 60) -> None:
    """Wait until every worker has loaded the app (its CPU use settles).

    A worker keeps the keep-alive connections it accepts: if the clients
    connect while one worker is still loading the banks, the other takes them
    all and the run measures one core instead of two.
    """
    deadline = time.monotonic() + timeout
    before = server.cpu_seconds()
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = server.cpu_seconds()
        pids = [p for p in now if p != server.proc.pid]
        if len(pids) >= workers and all(now[p] - before.get(p, -1.0) < 0.02 for p in pids):
            return
        before = now
    raise SystemExit(f"gunicorn workers still busy booting after {timeout:.0f} s")


@contextlib.contextmanager
def gunicorn(app_spec: str, *, cwd: Path, env: dict[str, str], workers: int, threads: int,
             ready_path: str, log: Path) -> Iterator[Server]:
    port = free_port()
    cmd = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-k", "gthread", "--threads", str(threads),
           "-b", f"{HOST}:{port}", "--log-level", "warning", "--graceful-timeout", "5", app_spec]
    with open(log, "wb") as err:
        proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, **env}, stdout=err, stderr=err)
    server = Server(proc, port, log)
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"gunicorn exited ({proc.returncode}):\n{log.read_text(errors='replace')}")
            with contextlib.suppress(OSError, http.client.HTTPException):
                conn = http.client.HTTPConnection(HOST, port, timeout=5)
                conn.request("GET", ready_path)
                if conn.getresponse().status == 200:
                    conn.close()
                    break
            if time.monotonic() > deadline:
                raise SystemExit(f"gunicorn did not answer {ready_path} within 60 s")
            time.sleep(0.2)
        wait_booted(server, workers)
        yield server
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
