"""Build benchmark: `python bench/bench_build.py [--questions 10000]`.

Generates a bank of N questions of every type (with synthetic articles, so
every evidence passage validates) in a temporary folder, then times, in the
same run:

- cold build: `quizgen build` from nothing (parse → validate → render →
  write the .apkg and the state file);
- warm rebuild: the same command again, nothing changed;
- edited rebuild: one question changed;
- baseline: the fastest YAML parse (yaml.load with CSafeLoader) plus genanki
  alone writing the same notes (its own Package.write_to_file).

Then the same comparison as whole processes (interpreter start-up and imports
included, as a user waits for them): `python -m quizgen build` from nothing
against a `python` process that imports PyYAML and genanki, parses the bank
and writes the same notes (read from a pickle made beforehand, untimed).

Target: cold build within 1.5× the baseline, in-process and as whole
processes; warm rebuild much faster than a cold build. Prints the figures and
the peak memory of each step.
"""

from __future__ import annotations

import argparse
import gc
import inspect
import os
import pickle
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import genanki
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchlib.bank import SOURCES, make_build_bank  # noqa: E402
from benchlib.process import run_child  # noqa: E402

from quizgen.build import build  # noqa: E402
from quizgen.exporters.anki import AnkiExporter  # noqa: E402
from quizgen.validate import load_bank  # noqa: E402


def measure(label: str, fn: Callable[[Any], Any], setup: Callable[[], Any] = lambda: None,
            repeat: int = 1) -> float:
    """Best of `repeat` runs of fn(setup()), each in a forked child (so memory is
    its own): prints wall and CPU time and max RSS; returns the best CPU time,
    the figure least disturbed by other work on the machine."""
    best: tuple[float, float, float] | None = None
    for _ in range(repeat):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # child
            os.close(read_end)
            code = 0
            try:
                ctx = setup()
                gc.collect()
                t0, c0 = time.perf_counter(), time.process_time()
                fn(ctx)
                os.write(write_end, f"{time.perf_counter() - t0} {time.process_time() - c0}".encode())
            except BaseException:
                traceback.print_exc()
                code = 1
            finally:
                os._exit(code)
        os.close(write_end)
        with os.fdopen(read_end, "rb") as fh:
            out = fh.read().split()
        _, status, usage = os.wait4(pid, 0)
        if status != 0 or len(out) != 2:
            sys.exit(f"{label}: failed")
        run = (float(out[1]), float(out[0]), usage.ru_maxrss / 1024)
        best = run if best is None or run < best else best
    cpu, wall, rss = best
    print(f"{label:<42} cpu {cpu:6.2f} s   wall {wall:6.2f} s   max RSS {rss:5.0f} MB")
    return cpu


def render_notes(bank_file: Path, notes_file: Path) -> None:
    """The notes quizgen would write, rendered once for the baseline (not timed)."""
    plan = AnkiExporter(now=1_700_000_000).plan(load_bank(bank_file))
    types = {key: nt.genanki_args() | {"model_type": genanki.Model.CLOZE if nt.is_cloze else 0}
             for key, (nt, _mod) in plan.notetypes.items()}
    notes = [(n.notetype.key, list(n.fields), list(n.tags), n.guid) for n, _ in plan.notes]
    notes_file.write_bytes(pickle.dumps((types, notes)))


def baseline(bank_file: Path, prepared: tuple[dict, list], out: Path) -> None:
    """Fastest parse + genanki alone writing the same notes."""
    types, notes = prepared
    with open(bank_file, encoding="utf-8") as fh:
        yaml.load(fh, Loader=yaml.CSafeLoader)
    models = {key: genanki.Model(**args) for key, args in types.items()}
    deck = genanki.Deck(1234567890, "bench")
    for key, fields, tags, guid in notes:
        deck.add_note(genanki.Note(model=models[key], fields=fields, tags=tags, guid=guid))
    genanki.Package(deck).write_to_file(str(out))


def baseline_script() -> str:
    """A program that runs `baseline` alone: it imports PyYAML and genanki, not quizgen."""
    return "\n".join([
        "from __future__ import annotations",
        "import pickle, sys",
        "import genanki, yaml",
        inspect.getsource(baseline),
        "bank, notes, out = sys.argv[1:4]",
        "with open(notes, 'rb') as fh:",
        "    prepared = pickle.load(fh)",
        "baseline(bank, prepared, out)",
    ])


def measure_process(label: str, argv: list[str], setup: Callable[[], Any] = lambda: None,
                    repeat: int = 1) -> tuple[float, float]:
    """Best of `repeat` runs of a whole child process (start-up and imports
    included): prints CPU (user + system) and wall time; returns them (the run
    with the least CPU)."""
    best: tuple[float, float] | None = None
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for _ in range(repeat):
        setup()
        wall, cpu = run_child(argv, env, ROOT)
        best = (cpu, wall) if best is None or cpu < best[0] else best
    cpu, wall = best
    print(f"{label:<42} cpu {cpu:6.2f} s   wall {wall:6.2f} s")
    return cpu, wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs (default 3)")
    args = parser.parse_args()
    n = args.repeat
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        bank_file = make_build_bank(work / "questions", args.questions)
        out = work / "decks"
        state = bank_file.parent / "bench-bank.lock.json"
        print(f"bank: {args.questions} questions, {bank_file.stat().st_size / 1e6:.1f} MB of YAML, "
              f"{SOURCES} articles; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
        notes = work / "notes.pickle"
        measure("(setup: render the baseline's notes)", lambda _: render_notes(bank_file, notes))

        def build_at(at: int, force: bool = False) -> Callable[[Any], None]:
            return lambda _: build([bank_file], out, clock=lambda: at, progress=False, force=force)

        def from_scratch() -> None:
            shutil.rmtree(out, ignore_errors=True)
            state.unlink(missing_ok=True)

        t_base = measure("baseline: CSafeLoader + genanki write",
                         lambda prepared: baseline(bank_file, prepared, work / "baseline.apkg"),
                         setup=lambda: pickle.loads(notes.read_bytes()), repeat=n)
        t_cold = measure("quizgen build, cold (no state, no deck)", build_at(1_700_000_000),
                         setup=from_scratch, repeat=n)
        t_warm = measure("quizgen build, unchanged bank", build_at(1_700_000_060), repeat=n)
        t_force = measure("quizgen build --force, unchanged bank", build_at(1_700_000_120, force=True),
                          repeat=n)
        text = bank_file.read_text(encoding="utf-8")
        bank_file.write_text(text.replace("Question 7 :", "Question 7 corrigée :"), encoding="utf-8")
        t_edit = measure("quizgen build, one question edited", build_at(1_700_000_180))
        deck = out / "bench-bank.apkg"
        print(f"deck: {deck.stat().st_size / 1e6:.1f} MB deflated; genanki's own file: "
              f"{(work / 'baseline.apkg').stat().st_size / 1e6:.1f} MB stored; "
              f"state file: {state.stat().st_size / 1e6:.1f} MB")
        print("whole processes (start-up and imports included):")
        script = work / "baseline_process.py"
        script.write_text(baseline_script(), encoding="utf-8")
        p_base = measure_process("baseline process: python + CSafeLoader + genanki",
                                 [sys.executable, str(script), str(bank_file), str(notes),
                                  str(work / "baseline.apkg")], repeat=n)
        p_cold = measure_process("python -m quizgen build, cold",
                                 [sys.executable, "-m", "quizgen", "build", str(bank_file), "-o", str(out),
                                  "--no-progress"], setup=from_scratch, repeat=n)
        print("ratios of CPU time:")
        print(f"  cold build / baseline:      {t_cold / t_base:5.2f}x   (target <= 1.5x)")
        print(f"  the same, whole processes:  {p_cold[0] / p_base[0]:5.2f}x   (target <= 1.5x; "
              f"wall {p_cold[1] / p_base[1]:.2f}x)")
        print(f"  unchanged / cold build:     {t_warm / t_cold:5.3f}x")
        print(f"  --force unchanged / cold:   {t_force / t_cold:5.2f}x")
        print(f"  one edit / cold build:      {t_edit / t_cold:5.2f}x")


if __name__ == "__main__":
    main()
