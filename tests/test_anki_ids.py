"""Stable Anki ids: students' collections match decks, note types and notes by them."""

from __future__ import annotations

import itertools

from quizgen.exporters.anki_notetypes import note_type
from quizgen.ids import deck_id, note_guid, notetype_id, notetype_key
from quizgen.model import QUESTION_TYPES
from quizgen.present import languages


def test_ids_are_pinned() -> None:
    # Changing any of these orphans every deck already handed out to students.
    assert deck_id("sommet-biden-poutine-2021") == 1106945325622705
    assert notetype_id("single-fr") == 1740447522586308
    assert notetype_id("cloze-en") == 914546335077879
    assert note_guid("sommet-biden-poutine-2021", "duree-sommet", "numeric-fr") == "J&B{r^P^RD"


def test_note_type_ids_are_distinct_and_safe_for_javascript() -> None:
    keys = [notetype_key(t, lang) for t, lang in itertools.product(QUESTION_TYPES, languages())]
    ids = [notetype_id(k) for k in keys]
    assert len(set(ids)) == len(keys) == 18
    assert all((1 << 31) <= i < (1 << 53) for i in ids)
    assert all(note_type(t, lang).id == notetype_id(notetype_key(t, lang))
               for t, lang in itertools.product(QUESTION_TYPES, languages()))


def test_guid_depends_on_bank_question_and_note_type_only() -> None:
    base = note_guid("bank-a", "q1", "single-fr")
    assert base == note_guid("bank-a", "q1", "single-fr")
    others = {note_guid("bank-b", "q1", "single-fr"), note_guid("bank-a", "q2", "single-fr"),
              note_guid("bank-a", "q1", "multi-fr")}
    assert base not in others and len(others) == 3
    assert deck_id("bank-a") != deck_id("bank-b")


def test_unknown_language_gets_the_english_note_type() -> None:
    assert note_type("single", "de").key == "single-en"
    assert note_type("single", "de").id == note_type("single", "en").id
