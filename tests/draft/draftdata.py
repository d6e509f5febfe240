"""Paths of the labelled set (imported by the draft tests as a plain module)."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
ARTICLES = DATA / "articles"
LABELS = DATA / "labels.yaml"
HELDOUT = DATA / "heldout" / "labels.yaml"
SEEDS = ("000_e6fe87bdf2942d1d.txt", "003_fbceb1aa882e2f62.txt")
OWN = ("grenoble-canicule.txt", "kiev-electricite.txt", "marathon-paris.txt")
