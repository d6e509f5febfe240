"""bench_web.py's figures: the table of steps against their targets, and the
same figures as JSON."""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import Any

from quizgen.fsutil import atomic_write_text

from .load import Step

#: Throughput of a step at least this share of its bare counterpart's.
TARGETS = {"question page": 0.4, "answer submission": 0.25}
P99_TARGET_MS = 100.0


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


def write_json(path: Path, args: argparse.Namespace, steps: list[Step], extra: dict[str, Any]) -> None:
    """The run's settings, every step's figures and `extra` (answers, targets missed) as JSON."""
    atomic_write_text(path, json.dumps({
        "students": args.students, "questions": args.questions, "concurrency": args.concurrency,
        "workers": args.workers, "threads": args.threads, "cpus": os.cpu_count(),
        "steps": [{"name": s.name, "requests": s.requests, "errors": len(s.errors),
                   "req_per_s": round(s.throughput, 1), "p50_ms": round(s.percentile(50), 2),
                   "p99_ms": round(s.percentile(99), 2), "server_cpu_s": round(s.server_cpu, 2),
                   "worker_cpu_s": [round(w, 2) for w in s.worker_cpu],
                   "client_cpu_s": round(s.client_cpu, 2)} for s in steps],
        **extra,
    }, indent=2) + "\n")
