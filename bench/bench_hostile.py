"""Hostile bank inputs: `python bench/bench_hostile.py [--only NAME] [--code DIR]`.

Generates the bank files of issue 9 (items 9–12) in a temporary folder and
runs `python -m quizgen validate FILE` on each in its own process, printing
its exit status, wall time, peak memory (the child's maximum RSS) and the
ratio of that memory to the file size, plus the first and last line it
printed on stderr.

Inputs:
- nested: 30,000 nested `[` (a 60 KB file; libyaml's composer used to segfault);
- bigint: a 5,000-digit integer;
- tagged: a Python tag on a mapping;
- list: a 50 MB list of one-letter items;
- keys: a mapping of 1,000,000 keys;
- article: a valid bank whose 50 MB article lacks a question's evidence;
- and just under the limits: list-19mb (a 19 MB list), values (500,000
  values in 25 lists), article-1.9mb (a 1.9 MB article, missing evidence).

`--code DIR` runs another checkout of quizgen (e.g. `git worktree add
/tmp/before HEAD~3`) for before/after figures in the same run. Not a test:
run by hand on a quiet machine.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000

HEADER = """id: hostile
title: Hostile
as_of: 2021-12-08
sources:
  - id: art
    title: Article
    outlet: Exemple
    published: 2021-12-07
    path: article.txt
    summary: Un résumé.
"""
QUESTION = """questions:
  - id: q1
    type: single
    source: art
    prompt: Quelle agence ?
    choices: [RIA, Reuters]
    answer: RIA
    evidence: {evidence}
    explanation: Une agence russe.
"""


def nested(folder: Path, size: int) -> Path:
    depth = 30_000 * size // (50 * MB)
    return _write(folder / "nested.yaml", "questions: " + "[" * depth + "]" * depth + "\n")


def bigint(folder: Path, size: int) -> Path:
    return _write(folder / "bigint.yaml", HEADER + QUESTION.format(evidence="agence")
                  .replace("answer: RIA", "answer: " + "9" * 5000))


def tagged(folder: Path, size: int) -> Path:
    return _write(folder / "tagged.yaml", HEADER + "questions: !!python/object/apply:os.system [ls]\n")


def big_list(folder: Path, size: int) -> Path:
    return _write(folder / "list.yaml", "questions:\n" + "- a\n" * (size // 4))


def many_keys(folder: Path, size: int) -> Path:
    n = 1_000_000 * size // (50 * MB)
    return _write(folder / "keys.yaml", "".join(f"k{i:07d}: 1\n" for i in range(n)))


def big_article(folder: Path, size: int) -> Path:
    sentence = "Le président a parlé pendant deux heures avec son homologue, a rapporté l’agence. "
    (folder / "article.txt").write_text(sentence * (size // len(sentence.encode())), encoding="utf-8")
    return _write(folder / "article.yaml",
                  HEADER + QUESTION.format(evidence="une phrase qui ne figure nulle part dans le texte"))


def list_under_limit(folder: Path, size: int) -> Path:
    return _write(folder / "list19.yaml", "questions:\n" + "- a\n" * (19 * MB // 4))


def many_values(folder: Path, size: int) -> Path:
    row = "- [" + ", ".join(["a"] * 19_999) + "]\n"
    return _write(folder / "values.yaml", "questions:\n" + row * 25)


def article_under_limit(folder: Path, size: int) -> Path:
    return big_article(folder, 1_900_000)


def _write(path: Path, text: str) -> Path:
    article = path.parent / "article.txt"
    if not article.exists() or path.stem != "article":
        article.write_text("L’agence russe RIA a rapporté la durée de l’entretien.\n", encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    return path


INPUTS: dict[str, Callable[[Path, int], Path]] = {
    "nested": nested, "bigint": bigint, "tagged": tagged,
    "list": big_list, "keys": many_keys, "article": big_article,
    "list-19mb": list_under_limit, "values": many_values, "article-1.9mb": article_under_limit,
}
#: Runs the command, passes its stderr through, prints its peak RSS (KB) and
#: seconds: a small process to fork from, so the figure is the command's own.
_WRAPPER = """
import resource, subprocess, sys, time
start = time.perf_counter()
status = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL)
seconds = time.perf_counter() - start
print(status, seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def run(path: Path, code: Path) -> tuple[int, float, float, list[str]]:
    """(exit status, seconds, peak RSS in MB, stderr lines) of one validate."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    proc = subprocess.run([sys.executable, "-c", _WRAPPER, sys.executable, "-m", "quizgen", "validate",
                           str(path)], cwd=code, env=env, capture_output=True, check=True)
    status, seconds, peak_kb = proc.stdout.split()
    lines = proc.stderr.decode("utf-8", "replace").splitlines()
    return int(status), float(seconds), int(peak_kb) / 1024, lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", choices=sorted(INPUTS), help="run only this input")
    parser.add_argument("--size-mb", type=float, default=50, help="size of the big inputs (default 50)")
    parser.add_argument("--code", type=Path, default=ROOT, help="the quizgen checkout to run")
    args = parser.parse_args()
    size = int(args.size_mb * MB)
    with tempfile.TemporaryDirectory(prefix="quizgen-hostile-") as tmp:
        folder = Path(tmp)
        print(f"code: {args.code}")
        print(f"{'input':8} {'file MB':>8} {'exit':>5} {'seconds':>8} {'peak MB':>8} {'RSS/file':>8}  stderr")
        for name in args.only or INPUTS:
            path = INPUTS[name](folder, size)
            file_mb = path.stat().st_size / MB
            if name.startswith("article"):
                file_mb += (folder / "article.txt").stat().st_size / MB
            status, seconds, peak, lines = run(path, args.code)
            first = lines[0][:110] if lines else ""
            last = lines[-1][:60] if len(lines) > 1 else ""
            print(f"{name:8} {file_mb:8.2f} {status:5d} {seconds:8.2f} {peak:8.0f} {peak / file_mb:8.1f}"
                  f"  {first}" + (f"\n{'':57}… {len(lines)} lines, last: {last}" if last else ""),
                  flush=True)


if __name__ == "__main__":
    main()
