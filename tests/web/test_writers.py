"""Writers of a SQLite database take turns (web/writers.py): one at a time
among the threads of a process and among the processes of a server, and the
next one goes in as soon as the previous one is done."""

from __future__ import annotations

import multiprocessing
import sys
import threading
import time
from pathlib import Path

import pytest

from web.writers import WriterTurns

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX record locks")


def _hold(path: str, holding: multiprocessing.Event, release: multiprocessing.Event) -> None:
    with WriterTurns(Path(path)).turn():
        holding.set()
        release.wait(10)


def _took_turn(turns: WriterTurns, took: threading.Event) -> threading.Thread:
    def run() -> None:
        with turns.turn():
            took.set()
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def test_another_process_waits_for_the_turn_then_gets_it_at_once(tmp_path: Path) -> None:
    lock = tmp_path / "quizgen.sqlite3-writer.lock"
    ctx = multiprocessing.get_context("spawn")
    holding, release = ctx.Event(), ctx.Event()
    other = ctx.Process(target=_hold, args=(str(lock), holding, release))
    other.start()
    try:
        assert holding.wait(30)
        took = threading.Event()
        waiter = _took_turn(WriterTurns(lock), took)
        assert not took.wait(0.3)  # the other process writes
        released = time.monotonic()
        release.set()
        assert took.wait(5)
        assert time.monotonic() - released < 1  # handed over, not polled for
        waiter.join(5)
    finally:
        release.set()
        other.join(10)
    assert other.exitcode == 0


def test_threads_of_one_process_take_turns(tmp_path: Path) -> None:
    turns = WriterTurns(tmp_path / "db-writer.lock")
    inside, most = [0], [0]
    guard = threading.Lock()

    def write() -> None:
        for _ in range(50):
            with turns.turn():
                with guard:
                    inside[0] += 1
                    most[0] = max(most[0], inside[0])
                time.sleep(0.0005)
                with guard:
                    inside[0] -= 1
    threads = [threading.Thread(target=write) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert most[0] == 1


def test_no_lock_file_still_one_writer_per_process(tmp_path: Path) -> None:
    """An instance folder that cannot hold the lock file (read-only, gone): the
    turns of the process still hold, SQLite's own lock does the rest."""
    turns = WriterTurns(tmp_path / "missing" / "db-writer.lock")
    with turns.turn():
        took = threading.Event()
        waiter = _took_turn(turns, took)
        assert not took.wait(0.2)
    assert took.wait(5)
    waiter.join(5)
    assert not (tmp_path / "missing").exists()
