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
import os
import random
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchlib.bank import make_bank  # noqa: E402
from benchlib.forms import answer_fields, parse_form  # noqa: E402
from benchlib.load import Connection, Failed, Step, Student, Task, run_step, timed, update_cookies  # noqa: E402
from benchlib.report import report, write_json  # noqa: E402
from benchlib.server import gunicorn  # noqa: E402

from quizgen.fsutil import atomic_write_text  # noqa: E402

#: The bare app the steps compare with: a small page, a POST that reads a form and redirects.
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


# -- setup and check


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


# -- the run


def parse_args(argv: list[str] | None) -> argparse.Namespace:
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
    return args


def new_class(args: argparse.Namespace) -> list[Student]:
    """The class, the same students each time (nicknames, random answers)."""
    return [Student(i, f"élève-{i:04d}", random.Random(i)) for i in range(args.students)]


def run_steps(app_spec: str, steps: list[tuple[str, Task]], students: Callable[[], list[Student]],
              args: argparse.Namespace, *, cwd: Path, env: dict[str, str], ready_path: str, log: Path,
              after: dict[str, Callable[[], list[str]]] | None = None) -> list[Step]:
    """Serve `app_spec` under gunicorn and run each step on it in turn, on
    `students()`; `after[name]()`, run once that step is done, adds its errors."""
    done: list[Step] = []
    with gunicorn(app_spec, cwd=cwd, env=env, ready_path=ready_path, log=log, workers=args.workers,
                  threads=args.threads) as server:
        for name, task in steps:
            print(f"… {name}", flush=True)
            done.append(run_step(name, students(), task, port=server.port, server=server,
                                 concurrency=args.concurrency, time_limit=args.time_limit))
            if after and name in after:
                done[-1].errors += after[name]()
    return done


def run_bare(tmp: Path, args: argparse.Namespace) -> dict[str, Step]:
    """The bare Flask app's steps, each on a fresh class."""
    atomic_write_text(tmp / "bare.py", BARE_APP)
    steps = [("bare GET page", bare_get(args.questions)), ("bare POST", bare_post(args.questions))]
    done = run_steps("bare:app", steps, lambda: new_class(args), args, cwd=tmp, env={}, ready_path="/",
                     log=tmp / "bare.log")
    return {s.name: s for s in done}


def run_class(tmp: Path, args: argparse.Namespace, code: str, class_: list[Student]) -> list[Step]:
    """The class on the site: join, question pages, answers, feedback pages."""
    steps = [("join", join_task(code)), ("question page", pages_task(code, args.questions)),
             ("answer submission", answers_task(code, args.questions)),
             ("feedback page", feedback_task(code, args.questions))]
    env = {"QUIZGEN_INSTANCE": str(tmp / "instance"), "QUIZGEN_BANKS": str(tmp / "banks")}
    return run_steps("web:create_app()", steps, lambda: class_, args, cwd=ROOT, env=env,
                     ready_path="/healthz", log=tmp / "web.log",
                     after={"question page": lambda: read_forms(class_)})


def check_answers(tmp: Path, code: str, class_: list[Student]) -> tuple[int, int, list[str]]:
    """Every acknowledged answer in the database, no traceback in the server's
    log: the answers acknowledged and stored, and what went wrong."""
    acknowledged = sum(s.acknowledged for s in class_)
    in_db = stored_answers(tmp / "instance" / "quizgen.sqlite3", code)
    lost = [s.nickname for s in class_ if in_db.get(s.nickname, 0) < s.acknowledged]
    print(f"\nanswers acknowledged {acknowledged}, in the database {sum(in_db.values())}, "
          f"students missing an acknowledged answer: {len(lost)}")
    missed = []
    if lost:
        missed.append(f"{len(lost)} students lost acknowledged answers, e.g. {lost[0]}")
    tracebacks = (tmp / "web.log").read_text(errors="replace").count("Traceback")
    if tracebacks:
        missed.append(f"{tracebacks} tracebacks in the server log {tmp / 'web.log'}")
    return acknowledged, sum(in_db.values()), missed


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    load = os.getloadavg()[0]
    if load > 0.5:
        print(f"warning: the machine is busy (load average {load:.1f}): the figures will be noisy")
    tmp = Path(tempfile.mkdtemp(prefix="quizgen-bench-web-"))
    print(f"{args.students} students × {args.questions} questions, {args.concurrency} clients at a time; "
          f"gunicorn -w {args.workers} -k gthread --threads {args.threads}; {os.cpu_count()} CPUs; {tmp}")
    (tmp / "banks").mkdir()
    make_bank(tmp / "banks", args.questions)
    code = setup_session(tmp / "instance", tmp / "banks", args.questions)

    bare = run_bare(tmp, args)
    class_ = new_class(args)
    steps = [*bare.values(), *run_class(tmp, args, code, class_)]
    by_name = {"question page": bare["bare GET page"], "answer submission": bare["bare POST"],
               "feedback page": bare["bare GET page"]}
    missed = report(steps, by_name, args.concurrency)
    acknowledged, stored, problems = check_answers(tmp, code, class_)
    missed += problems
    print(f"keep-alive reconnections: {sum(s.reconnects for s in steps)}; load average before {load:.1f}, "
          f"after {os.getloadavg()[0]:.1f} (this run's own load included)")
    print("targets: " + ("all met" if not missed else "MISSED\n  " + "\n  ".join(missed)))

    if args.json:
        write_json(args.json, args, steps, {"load_average_before": load, "answers_acknowledged": acknowledged,
                                            "answers_stored": stored, "missed": missed})
    if args.keep or missed:
        print(f"kept {tmp}")
    else:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
