"""The bank's Anki deck, as `quizgen build` would make it, cached.

The deck is rendered with the bank's committed lock file (read, never
written: that file is the teacher's), so notes keep the times students'
Anki already has and a fixed question reaches them as an update.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path

from flask import current_app

from quizgen import Bank, QuizgenError, get_exporter
from quizgen.deckstate import DeckState, load_state, state_path
from quizgen.exporters import Exporter
from quizgen.fsutil import atomic_write_bytes


def anki_exporter() -> type[Exporter] | None:
    try:
        return get_exporter("anki")
    except QuizgenError:
        return None


def _state_file(bank: Bank) -> Path | None:
    return state_path(bank.path, bank.id) if bank.path is not None else None


def fingerprint(bank: Bank) -> str:
    """Changes whenever anything that goes into the deck does (bank, articles, lock file)."""
    h = hashlib.sha256(json.dumps(bank.to_data(), sort_keys=True, ensure_ascii=False).encode())
    for s in bank.sources:
        h.update(b"\x00" + s.text.encode())
    state = _state_file(bank)
    if state is not None and state.is_file():
        h.update(b"\x00" + state.read_bytes())
    return h.hexdigest()[:16]


def _state(bank: Bank) -> DeckState | None:
    path = _state_file(bank)
    if path is None:
        return None
    try:
        return load_state(path, bank.id)
    except QuizgenError as exc:
        current_app.logger.warning("ignoring the deck state of %s: %s", bank.id, exc)
        return None


def deck_path(bank: Bank) -> Path | None:
    """The cached .apkg of `bank`, built if needed; None without an Anki exporter."""
    exporter = anki_exporter()
    if exporter is None:
        return None
    cache = Path(current_app.config["QUIZGEN_DECK_CACHE"])
    path = cache / f"{bank.id}-{fingerprint(bank)}{exporter.file_extension}"
    if not path.exists():
        state = _state(bank)
        # Notes the lock file doesn't know yet are dated now, as `quizgen build` would.
        deck = exporter({bank.id: state} if state else {}, now=int(time.time()))  # type: ignore[call-arg]
        atomic_write_bytes(path, deck.export([bank]))
        # Older builds of this bank (not of "bank-2", whose name also starts with "bank-").
        mine = re.compile(re.escape(bank.id) + r"-[0-9a-f]{16}" + re.escape(exporter.file_extension))
        for old in cache.iterdir():
            if old != path and mine.fullmatch(old.name):
                old.unlink(missing_ok=True)
    return path
