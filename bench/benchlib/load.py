"""The load generator: client threads, one keep-alive connection each, run a
step's task for every student, `concurrency` at a time, and time each request."""

from __future__ import annotations

import http.client
import math
import queue
import random
import resource
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from typing import Any

from .server import HOST, Server


class Connection:
    """One keep-alive HTTP/1.1 connection (one client thread)."""

    def __init__(self, port: int):
        self.port = port
        self.conn: http.client.HTTPConnection | None = None
        self.reconnects = 0

    def open(self) -> None:
        """Connect now (before the clock starts): the server's workers accept
        the connections while idle, so they share them evenly; a connection
        opened with the first request goes to whichever worker is free first,
        and a worker keeps the keep-alive connections it accepts."""
        self.conn = http.client.HTTPConnection(HOST, self.port, timeout=30)
        self.conn.connect()

    @classmethod
    def opened(cls, port: int) -> Connection:
        """A connection, open unless connecting failed (the first request then tries again)."""
        conn = cls(port)
        try:
            conn.open()
        except OSError:
            conn.close()
        return conn

    def request(self, method: str, path: str, *, body: str | None = None,
                cookies: dict[str, str] | None = None) -> tuple[int, http.client.HTTPMessage, bytes]:
        headers = {"Accept-Language": "fr", "Connection": "keep-alive"}
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            fresh = self.conn is None
            if self.conn is None:
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=30)
            try:
                payload = body.encode() if body is not None else None
                self.conn.request(method, path, body=payload, headers=headers)
                response = self.conn.getresponse()
                data = response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed an idle keep-alive connection: once, open a new one.
                self.close()
                if fresh or attempt == 2:
                    raise
                self.reconnects += 1
                continue
            if response.will_close:
                self.close()
            return response.status, response.msg, data
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def update_cookies(jar: dict[str, str], headers: http.client.HTTPMessage) -> None:
    for header in headers.get_all("Set-Cookie") or []:
        cookie = SimpleCookie()
        cookie.load(header)
        for name, morsel in cookie.items():
            if morsel["max-age"] == "0" or not morsel.value:
                jar.pop(name, None)
            else:
                jar[name] = morsel.value


@dataclass
class Student:
    number: int
    nickname: str
    rng: random.Random
    cookies: dict[str, str] = field(default_factory=dict)
    pages: dict[int, bytes] = field(default_factory=dict)
    forms: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    acknowledged: int = 0


@dataclass
class Step:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    wall: float = 0.0
    server_cpu: float = 0.0
    #: CPU seconds of each worker: a worker keeps the keep-alive connections it
    #: accepted, so an uneven split shows one core idle while the other queues.
    worker_cpu: list[float] = field(default_factory=list)
    client_cpu: float = 0.0
    reconnects: int = 0
    unfinished: int = 0

    @property
    def requests(self) -> int:
        return len(self.latencies) + len(self.errors)

    @property
    def throughput(self) -> float:
        return len(self.latencies) / self.wall if self.wall else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return math.nan
        ordered = sorted(self.latencies)
        return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)] * 1000


class Failed(Exception):
    pass


Task = Callable[[Connection, Student, Callable[[float], None]], None]


def run_step(name: str, students: list[Student], task: Task, *, port: int, concurrency: int,
             time_limit: float, server: Server) -> Step:
    """Run `task` for every student, `concurrency` at a time; each client thread
    takes the next student when done with one."""
    step = Step(name)
    todo: queue.SimpleQueue[Student] = queue.SimpleQueue()
    for s in students:
        todo.put(s)
    lock = threading.Lock()
    deadline = time.monotonic() + time_limit
    _deadline[0] = deadline

    def client() -> None:
        conn = Connection.opened(port)
        start.wait()
        try:
            while time.monotonic() < deadline:
                try:
                    student = todo.get_nowait()
                except queue.Empty:
                    return
                timings: list[float] = []
                try:
                    task(conn, student, timings.append)
                except (Failed, OSError, http.client.HTTPException) as exc:
                    with lock:
                        step.errors.append(f"{student.nickname}: {exc}")
                    conn.close()
                with lock:
                    step.latencies += timings
        finally:
            with lock:
                step.reconnects += conn.reconnects
            conn.close()

    clients = min(concurrency, len(students)) or 1
    start = threading.Barrier(clients + 1)  # every client thread ready before the clock starts
    threads = [threading.Thread(target=client, name=f"client-{i}", daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    cpu0, srv0 = resource.getrusage(resource.RUSAGE_SELF), server.cpu_seconds()
    start.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join()
    step.wall = time.perf_counter() - t0
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    srv1 = server.cpu_seconds()
    used = {pid: srv1[pid] - srv0.get(pid, 0.0) for pid in srv1}
    step.server_cpu = sum(used.values())
    step.worker_cpu = sorted((used[pid] for pid in used if pid != server.proc.pid), reverse=True)
    step.client_cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    while not todo.empty():
        todo.get_nowait()
        step.unfinished += 1
    if step.unfinished:
        step.errors.append(f"{step.unfinished} students not served within {time_limit:.0f} s")
    return step


#: When the running step must stop (its --time-limit), checked before every request.
_deadline = [math.inf]


def timed(conn: Connection, record: Callable[[float], None], method: str, path: str, expect: int,
          **kwargs: Any) -> tuple[http.client.HTTPMessage, bytes]:
    if time.monotonic() > _deadline[0]:
        raise Failed("stopped: the step's time limit is over")
    t0 = time.perf_counter()
    status, headers, body = conn.request(method, path, **kwargs)
    elapsed = time.perf_counter() - t0
    if status != expect:
        raise Failed(f"{method} {path}: {status} (expected {expect}) {body[:200]!r}")
    record(elapsed)
    return headers, body

