"""The bank's Anki deck, built on demand by the "anki" exporter and cached."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from flask import current_app

from quizgen import Bank, QuizgenError, get_exporter
from quizgen.exporters import Exporter
from quizgen.fsutil import atomic_write_bytes


def anki_exporter() -> type[Exporter] | None:
    try:
        return get_exporter("anki")
    except QuizgenError:
        return None


def fingerprint(bank: Bank) -> str:
    """Changes whenever anything that goes into the deck does (bank or article texts)."""
    h = hashlib.sha256(json.dumps(bank.to_data(), sort_keys=True, ensure_ascii=False).encode())
    for s in bank.sources:
        h.update(b"\x00" + s.text.encode())
    return h.hexdigest()[:16]


def deck_path(bank: Bank) -> Path | None:
    """The cached .apkg of `bank`, built if needed; None without an Anki exporter."""
    exporter = anki_exporter()
    if exporter is None:
        return None
    cache = Path(current_app.config["QUIZGEN_DECK_CACHE"])
    path = cache / f"{bank.id}-{fingerprint(bank)}{exporter.file_extension}"
    if not path.exists():
        atomic_write_bytes(path, exporter().export([bank]))
        # Older builds of this bank (not of "bank-2", whose name also starts with "bank-").
        mine = re.compile(re.escape(bank.id) + r"-[0-9a-f]{16}" + re.escape(exporter.file_extension))
        for old in cache.iterdir():
            if old != path and mine.fullmatch(old.name):
                old.unlink(missing_ok=True)
    return path
