"""Benchmark of `quizgen draft`: model load time, then time per article and words per second.

Run by hand:  python bench/bench_draft.py [--repeat 5]
Targets: an article of 1,500 words drafts in under 1 s once the model is loaded (issue 6);
every real article of tests/draft/data/real/dev in under 1 s (issue 11); the 5,000- and
12,000-word articles show how the time grows with the length.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.draft.nlp import load_entity_finder  # noqa: E402
from quizgen.draft.writer import draft_file  # noqa: E402

ARTICLES = ROOT / "tests" / "draft" / "data" / "articles"
REAL = ROOT / "tests" / "draft" / "data" / "real" / "dev"


def article_of(words: int, folder: Path) -> Path:
    """A long article made of the labelled ones' paragraphs, cut at `words` words."""
    paragraphs: list[str] = []
    count = 0
    while count < words:
        for f in sorted(ARTICLES.glob("*.txt")):
            for para in f.read_text(encoding="utf-8").split("\n\n"):
                n = len(para.split())
                if count + n > words:
                    continue
                paragraphs.append(para)
                count += n
    path = folder / f"long-{words}.txt"
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    t0 = time.perf_counter()
    entities = load_entity_finder()
    load = time.perf_counter() - t0
    print(f"model load (spacy.load fr_core_news_sm: tagger, parser, lemmatizer, NER): {load:.2f} s")

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = [
            *sorted(ARTICLES.glob("*.txt")),
            *sorted(REAL.glob("*.txt")),
            article_of(1500, folder),
            article_of(5000, folder),
            article_of(12000, folder),  # a long report: the rules must scale with the text, not its square
        ]
        draft_file(files[0], output=folder / "warm", entities=entities)  # first call warms caches
        print(f"{'article':34} {'words':>6} {'median s':>9} {'max s':>7} {'words/s':>8} {'questions':>9}")
        for f in files:
            for label, finder in (("", entities), (" (rules only)", None)):
                if finder is None and "long-1500" not in f.name:
                    continue
                words = len(f.read_text(encoding="utf-8").split())
                times = []
                for i in range(args.repeat):
                    t = time.perf_counter()
                    written = draft_file(f, output=folder / f"out{i}", entities=finder, force=True)
                    times.append(time.perf_counter() - t)
                med = statistics.median(times)
                name = (f.name + label)[:34]
                print(
                    f"{name:34} {words:6d} {med:9.3f} {max(times):7.3f} {words / med:8.0f} "
                    f"{len(written.draft.bank.questions):9d}"
                )


if __name__ == "__main__":
    main()
