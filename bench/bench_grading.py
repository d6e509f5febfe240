"""Typed-answer grading and the lint, timed on the summit bank (run by hand).

    python bench/bench_grading.py [--rounds N]

Prints microseconds per graded answer for the exact comparison quizgen used
before (folded text among the folded accepted spellings) and for the
tolerant matcher (quizgen.typed), their ratio in the same run, and the time
`lint_bank` takes on the bank.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from quizgen import load_bank
from quizgen.grading import score
from quizgen.lint import lint_bank
from quizgen.model import Cloze, Short
from quizgen.text import fold_answer

BANK = Path(__file__).resolve().parent.parent / "questions" / "sommet-biden-poutine-2021.yaml"
TYPED = ["Youri Ushakov", "à Genève", "accords de Minsk 2", "le gazoduc Nord Stream 2", "Biden", "Genèse",
         "Tadjikistn", "de nouveau", "économiques", "missions"]


def exact(question: Short | Cloze, given: str) -> bool:
    answers = question.accepted if isinstance(question, Short) else [a for _n, a, _h in question.gaps]
    folded = fold_answer(given)
    return bool(folded) and folded in {fold_answer(a) for a in answers}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    bank = load_bank(BANK)
    typed_questions = [q for q in bank.questions if isinstance(q, Short | Cloze)]
    calls = args.rounds * len(typed_questions) * len(TYPED)

    start = time.perf_counter()
    for _ in range(args.rounds):
        for q in typed_questions:
            for t in TYPED:
                exact(q, t)
    before = time.perf_counter() - start

    start = time.perf_counter()
    for _ in range(args.rounds):
        for q in typed_questions:
            for t in TYPED:
                score(q, t if isinstance(q, Short) else [t] * len(q.gaps))
    after = time.perf_counter() - start

    start = time.perf_counter()
    for _ in range(10):
        findings = lint_bank(bank)
    lint = (time.perf_counter() - start) / 10
    print(f"{len(typed_questions)} typed questions × {len(TYPED)} answers × {args.rounds} rounds")
    print(f"exact comparison: {before / calls * 1e6:.1f} µs per answer")
    print(f"tolerant matcher: {after / calls * 1e6:.1f} µs per answer (ratio {after / before:.2f})")
    print(f"lint_bank: {lint * 1000:.0f} ms for {len(bank.questions)} questions, {len(findings)} findings")


if __name__ == "__main__":
    main()
