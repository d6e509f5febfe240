"""Stable Anki identifiers, derived from the bank's slugs.

A student's collection recognises a deck, a note type and a note by these
ids on every later import, so they must never depend on build time, file
order or machine. Changing a derivation here orphans every deck already
handed out: tests/test_anki_ids.py pins the values.
"""

from __future__ import annotations

import hashlib

from genanki import guid_for

# Anki ids are 64-bit, but JavaScript (AnkiDroid, AnkiWeb) reads JSON numbers
# as doubles: stay below 2**53, and above 2**31 so no id looks like a small
# built-in one.
_ID_LOW = 1 << 31
_ID_SPAN = (1 << 52) - _ID_LOW

#: Bump to give every note type a new id, needed only if a note type's field
#: or card names change: Anki refuses to update a note type whose schema
#: differs and would keep the old cards.
NOTETYPE_GENERATION = 1


def _stable_int(*parts: str) -> int:
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return _ID_LOW + int.from_bytes(digest[:8], "big") % _ID_SPAN


def deck_id(bank_id: str) -> int:
    """The Anki deck id of a bank."""
    return _stable_int("quizgen-deck", bank_id)


def notetype_key(question_type: str, language: str) -> str:
    """Name of the note type for a question type, with labels in `language`."""
    return f"{question_type}-{language}"


def notetype_id(key: str) -> int:
    """The fixed Anki note-type (model) id for `notetype_key(...)`."""
    return _stable_int("quizgen-notetype", str(NOTETYPE_GENERATION), key)


def note_guid(bank_id: str, question_id: str, key: str) -> str:
    """The GUID of a question's note, in genanki's base-91 form.

    The note type is part of it: Anki never moves a note to another note
    type on import, so a question whose type changes becomes a new note and
    the old one is retired.
    """
    return guid_for("quizgen", bank_id, question_id, key)
