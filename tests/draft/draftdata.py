"""Paths of the labelled set (imported by the draft tests as a plain module)."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
ARTICLES = DATA / "articles"
LABELS = DATA / "labels.yaml"
REAL_DEV = DATA / "real" / "dev" / "labels.yaml"  # published articles, labelled before any draft
REAL_DEV2 = DATA / "real" / "dev2" / "labels.yaml"  # more of them, unseen while dev was tuned
REAL_DEV3 = DATA / "real" / "dev3" / "labels.yaml"  # validation: measured on, never tuned on
REAL_DEV4 = DATA / "real" / "dev4" / "labels.yaml"  # unseen test set, labelled before any draft of it
REAL_DEV5 = DATA / "real" / "dev5" / "labels.yaml"  # a second unseen test set, same rule
REAL_DEV6 = DATA / "real" / "dev6" / "labels.yaml"  # unseen test set, labelled before any draft of it
REAL_DEV7 = DATA / "real" / "dev7" / "labels.yaml"  # unseen test set, labelled before any draft of it
REAL_DEV8 = DATA / "real" / "dev8" / "labels.yaml"  # unseen test set, labelled before any draft of it
REAL_DEV9 = DATA / "real" / "dev9" / "labels.yaml"  # unseen test set, labelled before any draft of it
REAL_DEV10 = DATA / "real" / "dev10" / "labels.yaml"  # unseen test set, labelled before any draft of it
REAL_DEV11 = DATA / "real" / "dev11" / "labels.yaml"  # unseen test set, labelled before any draft of it
REAL_DEV12 = DATA / "real" / "dev12" / "labels.yaml"  # unseen test set, labelled before any draft of it
REAL_DEV13 = DATA / "real" / "dev13" / "labels.yaml"  # unseen first, a development set since session 29
REAL_DEV14 = DATA / "real" / "dev14" / "labels.yaml"  # unseen test set, labelled before any draft of it
# DATA / "real" / "heldout" is frozen: measured by hand with `quizgen draft-eval`, never a test.
SEEDS = ("000_e6fe87bdf2942d1d.txt", "003_fbceb1aa882e2f62.txt")
OWN = ("grenoble-canicule.txt", "kiev-electricite.txt", "marathon-paris.txt")
