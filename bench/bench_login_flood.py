"""A flood of wrong teacher logins against a student page:
`python bench/bench_login_flood.py [--seconds 8] [--flooders 8]`.

The site runs under waitress (8 threads) on loopback, with the test bank and
a teacher in a temporary instance folder. One client opens a student page
(the join page of an open session) again and again while `--flooders`
threads post wrong passwords as fast as they can. Printed for each setting:
the student page's p50/p90 latency, and how the logins were answered.

Settings compared in one run:
- quiet: no flood;
- uncapped: no rate limit, no cap on password checks (as before issue 9);
- capped: no rate limit, at most 2 password checks at once (the others 503);
- defaults: the shipped limits (all from one address: 429 after 10 failures).
"""

from __future__ import annotations

import argparse
import http.client
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HUGE = "1000000 per minute"
UNLIMITED = {"QUIZGEN_LOGIN_LIMIT": HUGE, "QUIZGEN_LOGIN_ACCOUNT_LIMIT": HUGE}
SETTINGS = {
    "quiet": None,
    "uncapped": {**UNLIMITED, "QUIZGEN_PASSWORD_CHECKS": 1000},
    "capped": {**UNLIMITED, "QUIZGEN_PASSWORD_CHECKS": 2},
    "defaults": {},
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prepare(instance: Path) -> str:
    """The teacher and an open session; the session's code."""
    os.environ["QUIZGEN_INSTANCE"] = str(instance)
    from web import create_app
    from web.accounts import add_teacher
    from web.classroom import create_session

    app = create_app({"QUIZGEN_BANKS": [str(ROOT / "tests" / "web" / "data")]})
    with app.app_context():
        add_teacher("prof", "right password")
        return create_session(teacher_id=1, bank_id="sommet-classe", question_ids=["agence"],
                              feedback="immediate", time_limit=None, open_now=True)


def serve(instance: Path, port: int, config: dict[str, object]) -> subprocess.Popen[bytes]:
    # The form token is left out: an attacker gets one from the login page anyway.
    settings = {"WTF_CSRF_ENABLED": False, **config}
    (instance / "config.py").write_text("".join(f"{k} = {v!r}\n" for k, v in settings.items()))
    env = dict(os.environ, QUIZGEN_INSTANCE=str(instance), QUIZGEN_BANKS=str(ROOT / "tests" / "web" / "data"),
               PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "waitress", "--threads=8", f"--listen=127.0.0.1:{port}",
                             "--call", "web:create_app"], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    for _ in range(300):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


def flood(port: int, stop: threading.Event, answers: Counter[int]) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    body = urlencode({"name": "prof", "password": "wrong password"})
    while not stop.is_set():
        conn.request("POST", "/teacher/login", body=body,
                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        response = conn.getresponse()
        response.read()
        answers[response.status] += 1


def student(port: int, code: str, seconds: float) -> list[float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    times = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        start = time.perf_counter()
        conn.request("GET", f"/j/{code}")
        response = conn.getresponse()
        response.read()
        assert response.status == 200, response.status
        times.append(time.perf_counter() - start)
        time.sleep(0.01)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--flooders", type=int, default=8)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        instance = Path(tmp) / "instance"
        code = prepare(instance)
        for name, config in SETTINGS.items():
            port = free_port()
            proc = serve(instance, port, config or {})
            try:
                stop = threading.Event()
                answers: Counter[int] = Counter()
                threads = [threading.Thread(target=flood, args=(port, stop, answers))
                           for _ in range(args.flooders if config is not None else 0)]
                for t in threads:
                    t.start()
                times = student(port, code, args.seconds)
                stop.set()
                for t in threads:
                    t.join()
            finally:
                proc.terminate()
                proc.wait()
            q = statistics.quantiles(times, n=10)
            logins = ", ".join(f"{status}: {n}" for status, n in sorted(answers.items())) or "none"
            print(f"{name:9} student page p50 {statistics.median(times) * 1000:7.1f} ms, "
                  f"p90 {q[8] * 1000:7.1f} ms ({len(times)} requests); logins answered {logins}")


if __name__ == "__main__":
    main()
