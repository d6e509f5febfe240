"""Start-up benchmark: `python bench/bench_startup.py [--runs 15] [--code DIR]`.

Times whole processes, in the same run, each `--runs` times (median wall and
median CPU, user + system, from the kernel's accounting of the child):

- the interpreter alone (`python -c pass`): the floor nothing in quizgen can cut;
- quizgen's dependencies alone (click, PyYAML, pydantic, rapidfuzz imported);
- `python -m quizgen validate` on the summit bank (target ≤ 0.3 s wall on a
  quiet machine);
- `python -m quizgen --help`.

Then the modules that cost most to import in `quizgen validate`, by their own
import time (from `python -X importtime`, median of 5 runs), and the total.

The children run with the bytecode cache on (in a temporary
PYTHONPYCACHEPREFIX, warmed first), as an installed quizgen runs: with
PYTHONDONTWRITEBYTECODE set and no cache, every start compiles quizgen's
sources again, which is not what a user waits for. `--code DIR` times another
checkout; given twice, the two checkouts take turns, run by run (before/after
figures in the same run).
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchlib.process import run_child

ROOT = Path(__file__).resolve().parent.parent
SUMMIT = "questions/sommet-biden-poutine-2021.yaml"
DEPENDENCIES = "import click, yaml; from pydantic import BaseModel, TypeAdapter"
TARGET_SECONDS = 0.3


def timed(label: str, argv: list[str], envs: dict[Path, dict[str, str]], runs: int) -> dict[Path, float]:
    """Run the command `runs` times in each checkout, taking turns (so a change
    in the machine's load falls on all of them); print median wall and CPU per
    checkout and return the median wall time of each."""
    samples: dict[Path, list[tuple[float, float]]] = {code: [] for code in envs}
    for code, env in envs.items():
        run_child(argv, env, code)  # warm the bytecode cache and the file cache
    for _ in range(runs):
        for code, env in envs.items():
            samples[code].append(run_child(argv, env, code))
    walls = {}
    for code, runs_of_code in samples.items():
        wall = statistics.median(s[0] for s in runs_of_code)
        cpu = statistics.median(s[1] for s in runs_of_code)
        name = f"{label} [{code.name}]" if len(envs) > 1 else label
        print(f"{name:<52} wall {wall * 1000:6.0f} ms   cpu {cpu * 1000:6.0f} ms   "
              f"(min wall {min(s[0] for s in runs_of_code) * 1000:.0f} ms)")
        walls[code] = wall
    return walls


def import_costs(argv: list[str], env: dict[str, str], cwd: Path, top: int) -> list[tuple[str, float]]:
    """The modules that take longest to import in the command, by their own
    import time (ms, without their imports), median of 5 runs."""
    own: dict[str, list[float]] = {}
    for _ in range(5):
        done = subprocess.run([argv[0], "-X", "importtime", *argv[1:]], env=env, cwd=cwd,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for line in done.stderr.splitlines():
            m = re.match(r"import time:\s+(\d+) \|\s+\d+ \| \s*(\S+)", line)
            if m:
                own.setdefault(m[2], []).append(int(m[1]) / 1000)
    rows = [(name, statistics.median(v)) for name, v in own.items()]
    return sorted(rows, key=lambda r: -r[1])[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each command (median)")
    parser.add_argument("--code", type=Path, action="append",
                        help="a checkout to time (default: this one); give it twice to compare two")
    parser.add_argument("--top", type=int, default=15, help="imports listed")
    args = parser.parse_args()
    codes = [c.resolve() for c in args.code or [ROOT]]
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}; code: {', '.join(map(str, codes))}")
    with tempfile.TemporaryDirectory() as cache:
        envs = {}
        for i, code in enumerate(codes):
            env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
            env.update(PYTHONPATH=str(code), PYTHONPYCACHEPREFIX=f"{cache}/{i}")
            envs[code] = env
        py = sys.executable
        timed("python -c pass", [py, "-c", "pass"], envs, args.runs)
        timed("dependencies (click, yaml, pydantic)", [py, "-c", DEPENDENCIES], envs, args.runs)
        validate = [py, "-m", "quizgen", "validate", SUMMIT]
        walls = timed("quizgen validate <summit bank>", validate, envs, args.runs)
        timed("quizgen --help", [py, "-m", "quizgen", "--help"], envs, args.runs)
        for code, wall in walls.items():
            verdict = "met" if wall <= TARGET_SECONDS else "missed (on a busy machine: see the floor)"
            print(f"target: validate <= {TARGET_SECONDS:.1f} s wall [{code.name}]: {verdict}")
        for code, env in envs.items():
            print(f"slowest imports of `quizgen validate` [{code.name}] (own ms, median of 5):")
            for name, ms in import_costs(validate, env, code, args.top):
                print(f"  {ms:7.1f}  {name}")


if __name__ == "__main__":
    main()
