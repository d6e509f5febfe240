"""Stable Anki ids: students' collections match decks, note types and notes by
them, so a deck handed out again must carry the same ids. Each test reads the
ids back from the .apkg a student imports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from quizgen import load_bank
from quizgen.exporters.anki import AnkiExporter
from quizgen.model import Bank
from tests.test_anki_bank import BANK, write_bank
from tests.test_anki_export import bank_data, collection

ROOT = Path(__file__).resolve().parent.parent
SUMMIT = ROOT / "questions" / "sommet-biden-poutine-2021.yaml"


def deck_ids(banks: list[Bank]) -> dict[str, Any]:
    """What a student's Anki matches a package by: deck ids (by deck name),
    note-type ids and templates (by note-type name), note GUIDs and note types
    (by question id)."""
    conn = collection(AnkiExporter().export(banks))
    decks = json.loads(conn.execute("select decks from col").fetchone()[0])
    models = json.loads(conn.execute("select models from col").fetchone()[0])
    guids, note_type_of = {}, {}
    for guid, mid, flds in conn.execute("select guid, mid, flds from notes"):
        model = models[str(mid)]
        fields = dict(zip([f["name"] for f in model["flds"]], flds.split("\x1f"), strict=True))
        question_id = fields["Ref"].split("/")[1]
        guids[question_id], note_type_of[question_id] = guid, model["name"]
    return {
        "decks": {d["name"]: int(d["id"]) for d in decks.values() if d["name"] != "Default"},
        "note_types": {m["name"]: int(m["id"]) for m in models.values()},
        "templates": {m["name"]: [t["qfmt"] for t in m["tmpls"]] for m in models.values()},
        "guids": guids,
        "note_type_of": note_type_of,
    }


def test_the_summit_deck_keeps_the_ids_students_already_have() -> None:
    # Changing any of these orphans every deck already handed out to students:
    # their next import would add a second deck, second note types and duplicate notes.
    ids = deck_ids([load_bank(SUMMIT)])
    assert list(ids["decks"].values()) == [1106945325622705]
    assert ids["guids"]["duree-sommet"] == "J&B{r^P^RD"
    single = {ids["note_types"][ids["note_type_of"][q]] for q, t in _types(SUMMIT).items() if t == "single"}
    assert single == {1740447522586308}


def _types(bank_file: Path) -> dict[str, str]:
    return {q.id: q.type for q in load_bank(bank_file).questions}


def test_note_types_are_distinct_per_type_and_language_and_safe_for_javascript(tmp_path: Path) -> None:
    fr = deck_ids([load_bank(write_bank(tmp_path / "fr"))])
    en = deck_ids([load_bank(write_bank(tmp_path / "en", BANK.replace("language: fr", "language: en")))])
    ids = [*fr["note_types"].values(), *en["note_types"].values()]
    assert len(ids) == len(set(ids)) == 18  # nine types, two languages
    # AnkiWeb and AnkiDroid read ids as JavaScript numbers.
    assert all((1 << 31) <= i < (1 << 53) for i in ids)


def test_a_deck_built_again_after_edits_keeps_its_ids(tmp_path: Path) -> None:
    before = deck_ids([load_bank(write_bank(tmp_path / "a"))])
    # A fixed prompt and explanation: students keep their review history.
    edited = BANK.replace("Qui Joe Biden doit-il appeler", "Qui Joe Biden appelle-t-il").replace(
        "Les alliés européens sont prévenus", "Les alliés européens sont appelés")
    assert "appelle-t-il" in edited and "sont appelés" in edited
    after = deck_ids([load_bank(write_bank(tmp_path / "b", edited))])
    assert (after["decks"], after["note_types"], after["guids"]) == (
        before["decks"], before["note_types"], before["guids"])


def test_another_bank_or_question_gets_its_own_ids() -> None:
    a = deck_ids([Bank.model_validate(bank_data())])
    b = deck_ids([Bank.model_validate(bank_data(id="autre"))])
    assert set(a["decks"].values()).isdisjoint(b["decks"].values())
    assert set(a["guids"].values()).isdisjoint(b["guids"].values())
    assert a["note_types"] == b["note_types"]  # shared: no second copy in the student's collection
    renamed = bank_data()
    renamed["questions"][0]["id"] = "vf-bis"
    c = deck_ids([Bank.model_validate(renamed)])
    assert c["guids"]["vf-bis"] != a["guids"]["vf"] and c["guids"]["nb"] == a["guids"]["nb"]


def test_a_language_without_labels_gets_the_english_note_types() -> None:
    de = deck_ids([Bank.model_validate(bank_data(language="de"))])
    en = deck_ids([Bank.model_validate(bank_data(language="en"))])
    assert (de["note_types"], de["templates"]) == (en["note_types"], en["templates"])
