"""Load benchmark of the class quiz: `python bench/bench_web.py [--students 300]
[--concurrency 50] [--questions 20]`.

A simulated class on loopback against the site under gunicorn (2 workers,
gthread, 4 threads each; SQLite in WAL in a temporary instance folder),
compared in the same run with a bare Flask app on the same server settings
(a small HTML page and a POST that reads a form and redirects). Steps:

1. bare GET page, bare POST: students × questions requests each;
2. the class joins (join page, then the nickname form);
3. question page: every student opens each of their questions (GET);
4. answer submission: every student answers each question (POST → 303);
5. feedback page: every student opens each answered question again (GET).

Each step runs alone, `--concurrency` clients at a time, each client a
thread with one keep-alive connection, so the figures of steps 3–4 compare
directly with the bare ones of step 1. Printed for every step: requests,
errors, throughput, p50/p99 latency, and the CPU seconds the server and this
client used (on 2 cores the client takes its share of the machine, so it is
shown). Afterwards every acknowledged answer (a 303) must be in the database.

Targets (2 cores): question page ≥ 0.4 × bare GET throughput, answer
submission ≥ 0.25 × bare POST, p99 ≤ 100 ms at 50 concurrent clients,
0 errors. Exit status 1 if a target is missed or an answer is missing.
Loopback only; every step stops by itself after --time-limit seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import math
import os
import queue
import random
import resource
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.fsutil import atomic_write_text  # noqa: E402

HOST = "127.0.0.1"
TYPES = ("single", "multi", "true_false", "numeric", "short", "quote", "match", "order", "cloze")
TARGETS = {"question page": 0.4, "answer submission": 0.25}
P99_TARGET_MS = 100.0

# -- the bank


def make_bank(folder: Path, n: int) -> Path:
    """A valid bank of `n` questions cycling through every type, on one article."""
    sentences: list[str] = []
    questions: list[dict[str, Any]] = []
    for i in range(n):
        t = TYPES[i % len(TYPES)]
        q: dict[str, Any] = {"id": f"q{i:03d}", "type": t, "source": "article"}
        delegates = 100 + i
        if t == "single":
            city = ("Genève", "Vienne", "Helsinki", "Reykjavik")[i % 4]
            sentence = f"La rencontre numéro {i} s’est tenue à {city}."
            q.update(prompt=f"Où s’est tenue la rencontre numéro {i} ?",
                     choices=["Genève", "Vienne", "Helsinki", "Reykjavik"], answer=city)
        elif t == "multi":
            sentence = (f"Lors de la réunion numéro {i}, Emmanuel Macron, Angela Merkel et Mario Draghi "
                        "ont parlé.")
            q.update(prompt=f"Qui a parlé lors de la réunion numéro {i} ?",
                     choices=["Emmanuel Macron", "Angela Merkel", "Mario Draghi", "Boris Johnson",
                              "Pedro Sánchez"],
                     answers=["Emmanuel Macron", "Angela Merkel", "Mario Draghi"])
        elif t == "true_false":
            sentence = f"L’annonce numéro {i} a été faite par la Maison Blanche."
            q.update(statement=f"L’annonce numéro {i} vient de la Maison Blanche.", answer=True)
        elif t == "numeric":
            sentence = f"L’entretien numéro {i} a duré {delegates} minutes."
            q.update(prompt=f"Combien de minutes a duré l’entretien numéro {i} ?", answer=delegates,
                     tolerance=5, unit="minutes")
        elif t == "short":
            sentence = f"Au sommet numéro {i}, Vladimir Poutine a accueilli son homologue."
            q.update(prompt=f"Qui a accueilli son homologue au sommet numéro {i} ?", answer="Poutine",
                     accept=["Putin", "Vladimir Poutine"])
        elif t == "quote":
            words = f"Nous avons parlé franchement, pour la {i}e fois"
            sentence = f"« {words} », a déclaré Joe Biden."
            q.update(quote=words, speaker="Joe Biden", distractors=["Vladimir Poutine", "Emmanuel Macron"],
                     context=f"Conférence de presse numéro {i}")
        elif t == "match":
            sentence = (f"Au conseil numéro {i} siégeaient Mario Draghi (Italie), "
                        "Boris Johnson (Royaume-Uni) et Emmanuel Macron (France).")
            q.update(prompt=f"Associez chaque dirigeant du conseil numéro {i} à son pays.",
                     pairs={"Mario Draghi": "Italie", "Boris Johnson": "Royaume-Uni",
                            "Emmanuel Macron": "France"})
        elif t == "order":
            sentence = f"L’agenda numéro {i} : Washington, puis Moscou, puis Kiev, puis Berlin."
            q.update(prompt=f"Dans quel ordre l’agenda numéro {i} cite-t-il ces villes ?",
                     items=["Washington", "Moscou", "Kiev", "Berlin"])
        else:
            sentence = f"La base numéro {i} au Tadjikistan reçoit {delegates} nouveaux chars."
            q.update(text=f"La base numéro {i} au {{{{c1::Tadjikistan}}}} reçoit "
                          f"{{{{c2::{delegates}::nombre}}}} nouveaux chars.")
        sentences.append(sentence)
        q.update(evidence=sentence, explanation=f"L’article le dit en toutes lettres (fait {i}).",
                 tags=["bench", f"lot-{i % 4}"])
        questions.append(q)
    atomic_write_text(folder / "sources" / "article.txt", "\n\n".join(sentences) + "\n")
    bank = {
        "id": "bench-classe", "title": "Banc d’essai : une classe « en direct »", "language": "fr",
        "as_of": date(2021, 12, 8),
        "sources": [{"id": "article", "title": "Un article synthétique", "outlet": "Le Journal d’essai",
                     "published": date(2021, 12, 7), "path": "sources/article.txt",
                     "summary": "Un article écrit pour mesurer le site sous la charge d’une classe."}],
        "questions": questions,
    }
    path = folder / "bench.yaml"
    atomic_write_text(path, yaml.safe_dump(bank, allow_unicode=True, sort_keys=False))
    return path


BARE_APP = '''
from flask import Flask, redirect, request

app = Flask(__name__)
PAGE = """<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Question 1 sur 20</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main>
<h1>Question 1 sur 20</h1><form method="post" action="/answer">
<input type="hidden" name="csrf_token" value="0123456789abcdef">
<p><label><input type="radio" name="choice" value="0"> Genève</label></p>
<p><label><input type="radio" name="choice" value="1"> Vienne</label></p>
<p><button type="submit">Répondre</button></p></form></main></body></html>"""


@app.get("/")
def page():
    return PAGE


@app.post("/answer")
def answer():
    request.form.get("choice")
    return redirect("/", code=303)
'''

# -- the server


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

# -- the client


class FormParser(HTMLParser):
    """The fields of one form of a page (by id), with the choices of each."""

    def __init__(self, form_id: str | None):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.found = False
        self.action = ""
        self.hidden: dict[str, str] = {}
        self.radios: dict[str, list[str]] = {}
        self.checkboxes: dict[str, list[str]] = {}
        self.texts: list[str] = []
        self.selects: dict[str, list[str]] = {}
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and (self.form_id is None or a.get("id") == self.form_id) and not self.found:
            self.inside = self.found = True
            self.action = a.get("action", "")
        elif not self.inside:
            return
        elif tag == "input" and a.get("name"):
            kind, name = a.get("type", "text").lower(), a["name"]
            if kind == "hidden":
                self.hidden[name] = a.get("value", "")
            elif kind == "radio":
                self.radios.setdefault(name, []).append(a.get("value", "on"))
            elif kind == "checkbox":
                self.checkboxes.setdefault(name, []).append(a.get("value", "on"))
            elif kind not in ("submit", "button", "reset", "image"):
                self.texts.append(name)
        elif tag == "textarea" and a.get("name"):
            self.texts.append(a["name"])
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            self.selects[self._select] = []
        elif tag == "option" and self._select is not None and a.get("value", "") != "":
            self.selects[self._select].append(a["value"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.inside:
            self.inside = False
        elif tag == "select":
            self._select = None


def parse_form(html: str, form_id: str | None = None) -> FormParser:
    parser = FormParser(form_id)
    parser.feed(html)
    parser.close()
    return parser


def answer_fields(form: FormParser, rng: random.Random) -> list[tuple[str, str]]:
    """A plausible student's answer to the form: a random choice, a typed word or figure."""
    fields = list(form.hidden.items())
    for name, values in form.radios.items():
        fields.append((name, rng.choice(values)))
    for name, values in form.checkboxes.items():
        fields += [(name, v) for v in rng.sample(values, rng.randint(1, len(values)))]
    positions = sorted(n for n in form.selects if n.startswith("position-"))
    if positions:  # an order question: each place given once
        places = list(range(1, len(positions) + 1))
        rng.shuffle(places)
        fields += [(n, str(p)) for n, p in zip(positions, places, strict=True)]
    for name, values in form.selects.items():
        if name not in positions and values:
            fields.append((name, rng.choice(values)))
    for name in form.texts:
        if name == "number":
            fields.append((name, str(rng.randint(95, 130))))
        else:
            fields.append((name, rng.choice(("Poutine", "putin", "Tadjikistan", "je ne sais pas", "112"))))
    return fields


class Connection:
    """One keep-alive HTTP/1.1 connection (one client thread)."""

    def __init__(self, port: int):
        self.port = port
        self.conn: http.client.HTTPConnection | None = None
        self.reconnects = 0

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
        conn = Connection(port)
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


# -- the steps


def bare_get(questions: int) -> Task:
    def task(conn: Connection, student: Student, record: Callable[[float], None]) -> None:
        for _ in range(questions):
            timed(conn, record, "GET", "/", 200)
    return task


def bare_post(questions: int) -> Task:
    body = urlencode({"csrf_token": "x" * 91, "choice": "1"})

    def task(conn: Connection, student: Student, record: Callable[[float], None]) -> None:
        for _ in range(questions):
            timed(conn, record, "POST", "/answer", 303, body=body)
    return task


def join_task(code: str) -> Task:
    def task(conn: Connection, student: Student, record: Callable[[float], None]) -> None:
        headers, page = timed(conn, record, "GET", f"/j/{code}", 200)
        update_cookies(student.cookies, headers)
        form = parse_form(page.decode(errors="replace"))
        body = urlencode({**form.hidden, "nickname": student.nickname})
        headers, _ = timed(conn, record, "POST", f"/j/{code}", 303, body=body, cookies=student.cookies)
        update_cookies(student.cookies, headers)
        if not urlsplit(headers.get("Location", "")).path.startswith(f"/j/{code}/"):
            raise Failed(f"joining led to {headers.get('Location')!r}")
    return task


def pages_task(code: str, questions: int) -> Task:
    def task(conn: Connection, student: Student, record: Callable[[float], None]) -> None:
        for n in range(1, questions + 1):
            _, student.pages[n] = timed(conn, record, "GET", f"/j/{code}/{n}", 200, cookies=student.cookies)
    return task


def read_forms(students: list[Student]) -> list[str]:
    """Each student's answers from the pages they got (parsed after the step,
    so the client's HTML parsing does not take CPU from the server meanwhile)."""
    errors = []
    for student in students:
        for n, page in sorted(student.pages.items()):
            form = parse_form(page.decode(errors="replace"), "answer-form")
            if form.found:
                student.forms[n] = answer_fields(form, student.rng)
            else:
                errors.append(f"{student.nickname}: no answer form on question {n}")
        student.pages.clear()
    return errors


def answers_task(code: str, questions: int) -> Task:
    def task(conn: Connection, student: Student, record: Callable[[float], None]) -> None:
        for n in range(1, questions + 1):
            if n not in student.forms:
                raise Failed(f"no form read for question {n}")
            headers, _ = timed(conn, record, "POST", f"/j/{code}/{n}", 303,
                               body=urlencode(student.forms[n]), cookies=student.cookies)
            if urlsplit(headers.get("Location", "")).path != f"/j/{code}/{n}":
                raise Failed(f"answer {n} led to {headers.get('Location')!r}")
            student.acknowledged += 1
    return task


def feedback_task(code: str, questions: int) -> Task:
    def task(conn: Connection, student: Student, record: Callable[[float], None]) -> None:
        for n in range(1, questions + 1):
            _, page = timed(conn, record, "GET", f"/j/{code}/{n}", 200, cookies=student.cookies)
            if b'id="verdict"' not in page:
                raise Failed(f"no feedback on answered question {n}")
    return task


# -- setup and report


def setup_session(instance: Path, banks: Path, questions: int) -> str:
    """A teacher and an open session (all questions, immediate feedback), made
    through the site's own functions; its join code."""
    from web import create_app
    from web.accounts import add_teacher
    from web.classroom import create_session
    from web.db import get_engine

    app = create_app({"INSTANCE_PATH": str(instance), "QUIZGEN_BANKS": [str(banks)]})
    with app.app_context():
        add_teacher("bench", "correct horse battery staple")
        with get_engine().connect() as conn:
            teacher_id = conn.exec_driver_sql("SELECT id FROM teacher WHERE name = 'bench'").scalar_one()
        ids = [q.id for q in app.extensions["quizgen_catalog"].get("bench-classe").questions][:questions]
        code = create_session(teacher_id=teacher_id, bank_id="bench-classe", question_ids=ids,
                              feedback="immediate", time_limit=None, open_now=True)
        get_engine().dispose()
    return code


def stored_answers(db: Path, code: str) -> dict[str, int]:
    """Answers in the database per nickname, read directly from the SQLite file."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        rows = conn.execute(
            "SELECT a.nickname, count(r.id) FROM attempt a JOIN quiz_session s ON a.session_id = s.id "
            "LEFT JOIN answer r ON r.attempt_id = a.id WHERE s.code = ? GROUP BY a.id", (code,)).fetchall()
    return dict(rows)


def report(steps: list[Step], bare: dict[str, Step], concurrency: int) -> list[str]:
    """Print the table; return the targets missed."""
    print()
    print(f"{'step':<20} {'requests':>8} {'errors':>6} {'req/s':>8} {'p50 ms':>7} {'p99 ms':>7} "
          f"{'ratio':>6} {'server CPU s':>12} {'client CPU s':>12}  {'CPU s per worker':<16}")
    missed = []
    for s in steps:
        base = bare.get(s.name)
        ratio = s.throughput / base.throughput if base and base.throughput else None
        shown = "" if ratio is None else f"{ratio:.2f}"
        print(f"{s.name:<20} {s.requests:>8} {len(s.errors):>6} {s.throughput:>8.0f} "
              f"{s.percentile(50):>7.1f} {s.percentile(99):>7.1f} {shown:>6} {s.server_cpu:>12.1f} "
              f"{s.client_cpu:>12.1f}  {' / '.join(f'{w:.1f}' for w in s.worker_cpu)}")
        if s.name in TARGETS:
            if ratio is None or ratio < TARGETS[s.name]:
                missed.append(f"{s.name}: throughput ratio {ratio or 0:.2f} < {TARGETS[s.name]}")
            if concurrency >= 50 and s.percentile(99) > P99_TARGET_MS:
                missed.append(f"{s.name}: p99 {s.percentile(99):.0f} ms > {P99_TARGET_MS:.0f} ms")
        if s.errors:
            missed.append(f"{s.name}: {len(s.errors)} errors, e.g. {s.errors[0]}")
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=50, help="clients at a time")
    parser.add_argument("--questions", type=int, default=20, help="questions in the session (≥ 1)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker")
    parser.add_argument("--time-limit", type=float, default=300, help="seconds per step at most")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (logs, database)")
    args = parser.parse_args(argv)
    if args.students < 1 or args.concurrency < 1 or args.questions < 1:
        parser.error("--students, --concurrency and --questions must be at least 1")

    load = os.getloadavg()[0]
    if load > 0.5:
        print(f"warning: the machine is busy (load average {load:.1f}): the figures will be noisy")
    tmp = Path(tempfile.mkdtemp(prefix="quizgen-bench-web-"))
    print(f"{args.students} students × {args.questions} questions, {args.concurrency} clients at a time; "
          f"gunicorn -w {args.workers} -k gthread --threads {args.threads}; {os.cpu_count()} CPUs; {tmp}")
    banks, instance = tmp / "banks", tmp / "instance"
    banks.mkdir()
    make_bank(banks, args.questions)
    code = setup_session(instance, banks, args.questions)
    atomic_write_text(tmp / "bare.py", BARE_APP)

    def students() -> list[Student]:
        return [Student(i, f"élève-{i:04d}", random.Random(i)) for i in range(args.students)]

    common = {"workers": args.workers, "threads": args.threads}
    run = {"concurrency": args.concurrency, "time_limit": args.time_limit}
    bare: dict[str, Step] = {}
    with gunicorn("bare:app", cwd=tmp, env={}, ready_path="/", log=tmp / "bare.log", **common) as server:
        for name, task in (("bare GET page", bare_get(args.questions)),
                           ("bare POST", bare_post(args.questions))):
            print(f"… {name}", flush=True)
            bare[name] = run_step(name, students(), task, port=server.port, server=server, **run)
    env = {"QUIZGEN_INSTANCE": str(instance), "QUIZGEN_BANKS": str(banks)}
    class_ = students()
    steps: list[Step] = []
    with gunicorn("web:create_app()", cwd=ROOT, env=env, ready_path="/healthz", log=tmp / "web.log",
                  **common) as server:
        for name, task in (("join", join_task(code)),
                           ("question page", pages_task(code, args.questions)),
                           ("answer submission", answers_task(code, args.questions)),
                           ("feedback page", feedback_task(code, args.questions))):
            print(f"… {name}", flush=True)
            steps.append(run_step(name, class_, task, port=server.port, server=server, **run))
            if name == "question page":
                steps[-1].errors += read_forms(class_)
    by_name = {"question page": bare["bare GET page"], "answer submission": bare["bare POST"],
               "feedback page": bare["bare GET page"]}
    missed = report([*bare.values(), *steps], by_name, args.concurrency)

    acknowledged = sum(s.acknowledged for s in class_)
    in_db = stored_answers(instance / "quizgen.sqlite3", code)
    lost = [s.nickname for s in class_ if in_db.get(s.nickname, 0) < s.acknowledged]
    print(f"\nanswers acknowledged {acknowledged}, in the database {sum(in_db.values())}, "
          f"students missing an acknowledged answer: {len(lost)}")
    if lost:
        missed.append(f"{len(lost)} students lost acknowledged answers, e.g. {lost[0]}")
    tracebacks = (tmp / "web.log").read_text(errors="replace").count("Traceback")
    if tracebacks:
        missed.append(f"{tracebacks} tracebacks in the server log {tmp / 'web.log'}")
    reconnects = sum(s.reconnects for s in [*bare.values(), *steps])
    print(f"keep-alive reconnections: {reconnects}; load average before {load:.1f}, after "
          f"{os.getloadavg()[0]:.1f} (this run's own load included)")
    print("targets: " + ("all met" if not missed else "MISSED\n  " + "\n  ".join(missed)))

    if args.json:
        atomic_write_text(args.json, json.dumps({
            "students": args.students, "questions": args.questions, "concurrency": args.concurrency,
            "workers": args.workers, "threads": args.threads, "cpus": os.cpu_count(),
            "steps": [{"name": s.name, "requests": s.requests, "errors": len(s.errors),
                       "req_per_s": round(s.throughput, 1), "p50_ms": round(s.percentile(50), 2),
                       "p99_ms": round(s.percentile(99), 2), "server_cpu_s": round(s.server_cpu, 2),
                       "worker_cpu_s": [round(w, 2) for w in s.worker_cpu],
                       "client_cpu_s": round(s.client_cpu, 2)} for s in [*bare.values(), *steps]],
            "load_average_before": load, "answers_acknowledged": acknowledged,
            "answers_stored": sum(in_db.values()), "missed": missed,
        }, indent=2) + "\n")
    if args.keep or missed:
        print(f"kept {tmp}")
    else:
        import shutil

        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
