"""The bank's Anki deck, as `quizgen build` would make it, cached.

The deck is rendered with the bank's committed lock file (read, never
written: that file is the teacher's), so notes keep the times students'
Anki already has and a fixed question reaches them as an update.
"""

from __future__ import annotations

import logging
import re
import time
from pathlib import Path

from flask import current_app

from quizgen import Bank, QuizgenError, get_exporter
from quizgen.build import build_deck, deck_fingerprint
from quizgen.deckstate import DeckState, load_state, state_path
from quizgen.exporters import Exporter
from quizgen.fsutil import atomic_write_bytes

log = logging.getLogger(__name__)

EXTENSION = ".apkg"


def anki_exporter() -> type[Exporter] | None:
    """The Anki exporter, or None in an install without it."""
    try:
        return get_exporter("anki")
    except QuizgenError:
        return None


def _state_file(bank: Bank) -> Path | None:
    return state_path(bank.path, bank.id) if bank.path is not None else None


def _state_bytes(bank: Bank) -> bytes:
    state = _state_file(bank)
    return state.read_bytes() if state is not None and state.is_file() else b""


def fingerprint(bank: Bank) -> str:
    """Changes whenever anything that goes into the deck does (bank, articles,
    lock file, the code that renders cards: quizgen.build.code_digest, which
    `quizgen build`'s stamp carries too)."""
    return deck_fingerprint(bank, _state_bytes(bank))


def _state(bank: Bank) -> DeckState | None:
    path = _state_file(bank)
    if path is None:
        return None
    try:
        return load_state(path, bank.id)
    except QuizgenError as exc:
        log.warning("ignoring the deck state of %s: %s", bank.id, exc)
        return None


def deck_path(bank: Bank) -> Path | None:
    """The cached .apkg of `bank`, built if needed; None without an Anki exporter."""
    if anki_exporter() is None:
        return None
    cache = Path(current_app.config["QUIZGEN_DECK_CACHE"])
    path = cache / f"{bank.id}-{fingerprint(bank)}{EXTENSION}"
    if not path.exists():
        # Notes the lock file doesn't know yet are dated now, as `quizgen build` would.
        atomic_write_bytes(path, build_deck(bank, _state(bank), int(time.time())).data)
        # Older builds of this bank (not of "bank-2", whose name also starts with "bank-").
        mine = re.compile(re.escape(bank.id) + r"-[0-9a-f]{16}" + re.escape(EXTENSION))
        for old in cache.iterdir():
            if old != path and mine.fullmatch(old.name):
                old.unlink(missing_ok=True)
    return path
