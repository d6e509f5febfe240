"""A school's test day: `python bench/bench_scale.py [--students 1000] [--answers 20]`.

One PostgreSQL (a throwaway cluster in a temporary folder, fsync on) and two
app servers, each `gunicorn -w 2 -k gthread` on its own loopback port with its
own instance folder, sharing only the database URL and the secret key.
1,000 simulated students (asyncio, one keep-alive connection each) join one
class session, half through each server, and answer 20 questions each: open
the question's page, think, send the answer. Meanwhile a probe asks each live
server's /healthz (one query, no page) a few times a second: the bare
endpoint, measured in the same run.

When half the answers are acknowledged, one server is killed (SIGKILL to its
whole process group: master and workers, mid-request). Its students' next
request fails; they retry on the other server (bounded: a few tries, short
pauses), as a load balancer would. An answer is acknowledged by its 303; the
database refuses a second answer to a question, so a retried answer whose
first copy did land is stored once. At the end every acknowledged answer must
be in the database exactly once.

Printed: throughput, p50/p99 of question pages, answers and /healthz, CPU
seconds per server and for PostgreSQL and this client, the load average, and
the check. Goal (2 cores): 0 answers lost or doubled, answer p99 ≤ 150 ms.
Exit status 1 if an acknowledged answer is missing or doubled. Loopback only;
every wait is bounded (--time-limit).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import resource
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from benchlib.aclient import Conn, Down, cookies_from  # noqa: E402
from benchlib.bank import make_bank  # noqa: E402
from benchlib.server import HOST, Server, free_port, wait_booted  # noqa: E402

from tests.pgcluster import Cluster  # noqa: E402

P99_GOAL_MS = 150.0
#: Types whose answer form has only <input> fields (read here with regexes, not an HTML parser:
#: the client shares the two cores with the servers).
INPUT_TYPES = ("single", "multi", "true_false", "numeric", "short", "quote", "cloze")
_INPUT = re.compile(r"<input\b[^>]*>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_FORM = re.compile(r'<form[^>]*id="answer-form".*?</form>', re.S)


def answer_fields(page: str, rng: random.Random) -> list[tuple[str, str]]:
    """A student's answer from the question's form: a random choice, a typed word or figure."""
    form = _FORM.search(page)
    if form is None:
        raise ValueError("no answer form")
    fields: list[tuple[str, str]] = []
    choices: dict[str, list[str]] = {}
    boxes: dict[str, list[str]] = {}
    for tag in _INPUT.findall(form[0]):
        a = dict(_ATTR.findall(tag))
        kind, name = a.get("type", "text"), a.get("name")
        if not name:
            continue
        if kind == "hidden":
            fields.append((name, a.get("value", "")))
        elif kind == "radio":
            choices.setdefault(name, []).append(a.get("value", "on"))
        elif kind == "checkbox":
            boxes.setdefault(name, []).append(a.get("value", "on"))
        elif kind not in ("submit", "button"):
            fields.append((name, str(rng.randint(95, 130)) if name == "number" else rng.choice(
                ("Poutine", "putin", "Tadjikistan", "je ne sais pas"))))
    fields += [(n, rng.choice(v)) for n, v in choices.items()]
    for n, v in boxes.items():
        fields += [(n, x) for x in rng.sample(v, rng.randint(1, len(v)))]
    return fields


# -- the simulated class


@dataclass
class Stats:
    pages: list[float] = field(default_factory=list)
    answers: list[float] = field(default_factory=list)
    probes: list[float] = field(default_factory=list)
    failovers: int = 0
    retries: int = 0
    errors: list[str] = field(default_factory=list)
    acknowledged: dict[str, set[int]] = field(default_factory=dict)  # nickname → question numbers
    requests: int = 0


@dataclass
class Run:
    code: str
    ports: list[int]
    answers: int
    think: float
    stats: Stats
    kill_at: int  # acknowledged answers before one server is killed
    killed: asyncio.Event = field(default_factory=asyncio.Event)
    dead: set[int] = field(default_factory=set)


async def call(run: Run, student: dict[str, Any], method: str, path: str, expect: int,
               body_of: Any = None) -> tuple[dict[str, list[str]], bytes, float]:
    """One request with failover: on a dead server, the same request on the other one."""
    for attempt in range(6):
        port = student["port"]
        conn: Conn = student["conns"].setdefault(port, Conn(port))
        body = body_of() if callable(body_of) else body_of
        started = time.perf_counter()
        try:
            status, headers, payload = await conn.request(method, path, body=body, cookies=student["cookies"])
        except Down as exc:
            run.stats.retries += 1
            others = [p for p in run.ports if p != port]
            if port in run.dead or attempt >= 1:
                student["port"] = others[0]
                run.stats.failovers += 1
            await asyncio.sleep(0.05 * (attempt + 1))
            if attempt == 5:
                raise RuntimeError(f"{method} {path}: {exc}") from exc
            continue
        elapsed = time.perf_counter() - started
        run.stats.requests += 1
        if status != expect:
            raise RuntimeError(f"{method} {path}: {status}, expected {expect}: {payload[:200]!r}")
        cookies_from(student["cookies"], headers)
        return headers, payload, elapsed
    raise AssertionError("unreachable")


async def student_task(run: Run, number: int, start_at: float) -> None:
    rng = random.Random(number)
    nickname = f"élève-{number:04d}"
    student: dict[str, Any] = {"port": run.ports[number % 2], "conns": {}, "cookies": {}}
    acked = run.stats.acknowledged.setdefault(nickname, set())
    await asyncio.sleep(max(0.0, start_at - time.monotonic()))
    try:
        _, page, _ = await call(run, student, "GET", f"/j/{run.code}", 200)
        token = re.search(rb'name="csrf_token"[^>]*value="([^"]*)"', page)
        join = {"nickname": nickname, **({"csrf_token": token[1].decode()} if token else {})}
        await call(run, student, "POST", f"/j/{run.code}", 303, urlencode(join))
        for n in range(1, run.answers + 1):
            await asyncio.sleep(rng.uniform(0.2, 1.0) * run.think)
            _, page, elapsed = await call(run, student, "GET", f"/j/{run.code}/{n}", 200)
            run.stats.pages.append(elapsed)
            fields = answer_fields(page.decode(), rng)
            await asyncio.sleep(rng.uniform(0.2, 1.0) * run.think)
            headers, _, elapsed = await call(run, student, "POST", f"/j/{run.code}/{n}", 303,
                                             urlencode(fields))
            if not headers.get("location", [""])[0].endswith(f"/j/{run.code}/{n}"):
                raise RuntimeError(f"answer {n} led to {headers.get('location')}")
            run.stats.answers.append(elapsed)
            acked.add(n)
    except (RuntimeError, ValueError) as exc:
        run.stats.errors.append(f"{nickname}: {exc}")
    finally:
        for conn in student["conns"].values():
            conn.close()


async def probe(run: Run, done: asyncio.Event) -> None:
    """The bare endpoint, a few times a second on each live server, through the run."""
    conns = {p: Conn(p) for p in run.ports}
    while not done.is_set():
        for port in run.ports:
            if port in run.dead:
                continue
            started = time.perf_counter()
            with contextlib.suppress(Down):
                status, _, _ = await conns[port].request("GET", "/healthz")
                if status == 200:
                    run.stats.probes.append(time.perf_counter() - started)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(done.wait(), 0.25)
    for c in conns.values():
        c.close()


async def killer(run: Run, victim: Server, cpu: dict[int, dict[int, float]], done: asyncio.Event) -> None:
    while not done.is_set():
        cpu[victim.port] = victim.cpu_seconds() or cpu.get(victim.port, {})
        if sum(len(s) for s in run.stats.acknowledged.values()) >= run.kill_at:
            run.dead.add(victim.port)
            os.killpg(victim.proc.pid, signal.SIGKILL)
            run.killed.set()
            print(f"  killed server on port {victim.port} (SIGKILL to its process group) "
                  f"after {run.kill_at} acknowledged answers", flush=True)
            return
        await asyncio.sleep(0.2)


async def simulate(run: Run, students: int, ramp: float, victim: Server | None, time_limit: float,
                   cpu: dict[int, dict[int, float]]) -> float:
    done = asyncio.Event()
    start = time.monotonic()
    tasks = [asyncio.create_task(student_task(run, i, start + ramp * i / students)) for i in range(students)]
    helpers = [asyncio.create_task(probe(run, done))]
    if victim is not None:
        helpers.append(asyncio.create_task(killer(run, victim, cpu, done)))
    _finished, pending = await asyncio.wait(tasks, timeout=time_limit)
    for t in pending:
        t.cancel()
    if pending:
        run.stats.errors.append(f"{len(pending)} students unfinished after --time-limit {time_limit:.0f} s")
    done.set()
    await asyncio.gather(*helpers, *pending, return_exceptions=True)
    return time.monotonic() - start


# -- servers, database, check


@contextlib.contextmanager
def gunicorn_group(env: dict[str, str], workers: int, threads: int, log: Path):
    """gunicorn in a process group of its own (so that one kill takes master and workers)."""
    port = free_port()
    cmd = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-k", "gthread", "--threads", str(threads),
           "-b", f"{HOST}:{port}", "--keep-alive", "30", "--log-level", "warning", "--graceful-timeout", "5",
           "web:create_app()"]
    with open(log, "wb") as err:
        proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **env}, stdout=err, stderr=err,
                                start_new_session=True)
    server = Server(proc, port, log)
    try:
        deadline = time.monotonic() + 90
        while not _healthy(port):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"gunicorn did not start:\n{log.read_text(errors='replace')[-3000:]}")
            time.sleep(0.3)
        wait_booted(server, workers)
        yield server
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def _healthy(port: int) -> bool:
    import http.client

    try:
        conn = http.client.HTTPConnection(HOST, port, timeout=5)
        conn.request("GET", "/healthz")
        return conn.getresponse().status == 200
    except (OSError, http.client.HTTPException):
        return False


def setup(url: str, banks: Path, instance: Path, secret: str, answers: int) -> str:
    """Migrate the database, add a teacher and open a session of `answers` questions; its code."""
    from sqlalchemy import create_engine

    from web import create_app
    from web.accounts import add_teacher
    from web.classroom import create_session
    from web.db import get_engine
    from web.migrate import upgrade

    engine = create_engine(url)
    upgrade(engine)
    engine.dispose()
    app = create_app({"INSTANCE_PATH": str(instance), "QUIZGEN_BANKS": [str(banks)],
                      "QUIZGEN_DATABASE_URL": url, "SECRET_KEY": secret, "QUIZGEN_COMPILE_TEMPLATES": False})
    with app.app_context():
        add_teacher("bench", "correct horse battery staple")
        with get_engine().connect() as conn:
            teacher_id = conn.exec_driver_sql("SELECT id FROM teacher WHERE name = 'bench'").scalar_one()
        bank = app.extensions["quizgen_catalog"].get("bench-classe").bank
        ids = [q.id for q in bank.questions if q.type in INPUT_TYPES][:answers]
        if len(ids) < answers:
            raise SystemExit(f"the generated bank has only {len(ids)} questions with input fields")
        code = create_session(teacher_id=teacher_id, bank_id="bench-classe", question_ids=ids,
                              feedback="immediate", time_limit=None, open_now=True)
        get_engine().dispose()
    return code


def check(url: str, code: str, acknowledged: dict[str, set[int]]) -> dict[str, int]:
    """Acknowledged answers vs the database: lost, doubled, stored without an acknowledgement."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text(
            "SELECT a.nickname, a.question_ids, r.question_id FROM attempt a "
            "JOIN quiz_session s ON a.session_id = s.id JOIN answer r ON r.attempt_id = a.id "
            "WHERE s.code = :code"), {"code": code}).all()
        attempts = conn.execute(text(
            "SELECT count(*) FROM attempt a JOIN quiz_session s ON a.session_id = s.id WHERE s.code = :code"),
            {"code": code}).scalar_one()
    engine.dispose()
    stored: Counter[tuple[str, int]] = Counter()
    for nickname, question_ids, qid in rows:
        stored[nickname, json.loads(question_ids).index(qid) + 1] += 1
    acked = {(nick, n) for nick, ns in acknowledged.items() for n in ns}
    return {"acknowledged": len(acked), "stored": sum(stored.values()), "attempts": attempts,
            "lost": len(acked - set(stored)), "doubled": sum(1 for c in stored.values() if c > 1),
            "stored, not acknowledged": len(set(stored) - acked)}


def postgres_cpu(cluster: Cluster) -> float:
    pid = int((cluster.data / "postmaster.pid").read_text().split()[0])
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(stat.parent.name) == pid or int(fields[1]) == pid:
                total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def ms(values: list[float], p: float) -> str:
    if not values:
        return "—"
    ordered = sorted(values)
    return f"{1000 * ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]:.0f} ms"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--students", type=int, default=1000)
    ap.add_argument("--answers", type=int, default=20, help="questions answered by each student")
    ap.add_argument("--think", type=float, default=15.0,
                    help="seconds: a student waits 0.2–1 × this before opening a page and before answering")
    ap.add_argument("--ramp", type=float, default=60.0, help="seconds over which the students arrive")
    ap.add_argument("--workers", type=int, default=2, help="gunicorn workers per server")
    ap.add_argument("--threads", type=int, default=8, help="threads per worker")
    ap.add_argument("--no-kill", action="store_true", help="do not kill a server mid-run")
    ap.add_argument("--time-limit", type=float, default=900.0)
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder (logs)")
    return ap.parse_args(argv)


@dataclass
class Measured:
    """What the run used: wall time, and CPU by server port (by pid), of PostgreSQL and of this client."""
    wall: float
    ports: tuple[int, int]  # server a (killed halfway unless --no-kill), server b
    cpu_start: dict[int, dict[int, float]]
    cpu_end: dict[int, dict[int, float]]
    pg_cpu: float
    client_cpu: float


def run_class(args: argparse.Namespace, work: Path, cluster: Cluster, env: dict[str, str],
              code: str) -> tuple[Stats, Measured]:
    """Two servers sharing the database; the class on them (one killed halfway
    unless --no-kill); the requests' figures and the CPU used."""
    with gunicorn_group({**env, "QUIZGEN_INSTANCE": str(work / "a")}, args.workers, args.threads,
                        work / "a.log") as a, \
            gunicorn_group({**env, "QUIZGEN_INSTANCE": str(work / "b")}, args.workers, args.threads,
                           work / "b.log") as b:
        stats = Stats()
        run = Run(code=code, ports=[a.port, b.port], answers=args.answers, think=args.think, stats=stats,
                  kill_at=args.students * args.answers // 2)
        print(f"{args.students} students × {args.answers} answers, 2 servers × {args.workers} workers × "
              f"{args.threads} threads, PostgreSQL (fsync on); think 0.2–1 × {args.think:g} s, "
              f"arrivals over {args.ramp:g} s", flush=True)
        cpu_start = {s.port: s.cpu_seconds() for s in (a, b)}
        pg_start, client_start = postgres_cpu(cluster), time.process_time()
        cpu_last: dict[int, dict[int, float]] = {}
        wall = asyncio.run(simulate(run, args.students, args.ramp, None if args.no_kill else a,
                                    args.time_limit, cpu_last))
        cpu_end = {a.port: cpu_last.get(a.port) or a.cpu_seconds(), b.port: b.cpu_seconds()}
        pg_cpu, client_cpu = postgres_cpu(cluster) - pg_start, time.process_time() - client_start
    return stats, Measured(wall, (a.port, b.port), cpu_start, cpu_end, pg_cpu, client_cpu)


def print_figures(args: argparse.Namespace, stats: Stats, m: Measured, result: dict[str, int]) -> bool:
    """Print the figures and the check; whether no acknowledged answer was lost or doubled."""
    answers = len(stats.answers)
    print(f"wall {m.wall:.1f} s; {stats.requests} requests ({stats.requests / m.wall:.0f}/s), "
          f"{answers} answers ({answers / m.wall:.1f}/s)")
    print(f"question page  p50 {ms(stats.pages, 50)}  p99 {ms(stats.pages, 99)}  ({len(stats.pages)})")
    print(f"answer (POST)  p50 {ms(stats.answers, 50)}  p99 {ms(stats.answers, 99)}  ({answers})")
    print(f"/healthz bare  p50 {ms(stats.probes, 50)}  p99 {ms(stats.probes, 99)}  ({len(stats.probes)})")
    servers = (("server a" if args.no_kill else "server a (killed)", m.ports[0]), ("server b", m.ports[1]))
    for name, port in servers:
        used = {pid: m.cpu_end[port].get(pid, 0) - m.cpu_start[port].get(pid, 0) for pid in m.cpu_end[port]}
        print(f"CPU {name}: {sum(used.values()):.1f} s ({', '.join(f'{v:.1f}' for v in used.values())} by "
              "process)")
    print(f"CPU PostgreSQL: {m.pg_cpu:.1f} s; this client: {m.client_cpu:.1f} s")
    print(f"retries {stats.retries}, switched server {stats.failovers} times; errors {len(stats.errors)}")
    for e in stats.errors[:10]:
        print(f"  {e}")
    print("check: " + ", ".join(f"{k} {v}" for k, v in result.items()))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    ok = result["lost"] == 0 and result["doubled"] == 0 and not stats.errors
    p99 = sorted(stats.answers)[int(0.99 * len(stats.answers))] * 1000 if stats.answers else float("inf")
    print(f"goal: 0 lost or doubled {'met' if ok else 'MISSED'}; answer p99 ≤ {P99_GOAL_MS:.0f} ms "
          f"{'met' if p99 <= P99_GOAL_MS else 'missed'}")
    return ok


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 4 * args.students + 256)), hard))

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    work = Path(tempfile.mkdtemp(prefix="quizgen-scale-"))
    banks = work / "banks"
    make_bank(banks, 3 * args.answers)
    cluster = Cluster(durable=True, settings={"max_connections": "300"})
    try:
        cluster.execute("CREATE DATABASE quizgen")
        url = cluster.url("quizgen")
        secret = secrets.token_urlsafe(32)
        code = setup(url, banks, work / "setup", secret, args.answers)
        env = {"QUIZGEN_DATABASE_URL": url, "QUIZGEN_SECRET_KEY": secret, "QUIZGEN_BANKS": str(banks)}
        stats, measured = run_class(args, work, cluster, env, code)
        result = check(url, code, stats.acknowledged)
    finally:
        cluster.stop()
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0 if print_figures(args, stats, measured, result) else 1


if __name__ == "__main__":
    sys.exit(main())
