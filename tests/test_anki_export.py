"""The Anki exporter without Anki: what the .apkg holds, read back with sqlite3."""

from __future__ import annotations

import io
import json
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from quizgen import get_exporter, load_bank
from quizgen.cli import cli
from quizgen.errors import QuizgenError
from quizgen.exporters.anki import AnkiExporter, cloze_html, esc, plan_deck, write_package
from quizgen.model import Bank, Cloze
from tests.test_anki_bank import TITLE, write_bank

T0 = 1_700_000_000


def bank_data(**changes: Any) -> dict[str, Any]:
    """A small bank as plain data (no files: rendering needs none)."""
    data: dict[str, Any] = {
        "id": "petit",
        "title": "Petit test",
        "language": "fr",
        "as_of": "2021-12-08",
        "sources": [{"id": "art", "title": "Un titre", "outlet": "Un journal", "published": "2021-12-07",
                     "path": "a.txt", "summary": "Résumé."}],
        "questions": [
            {"id": "vf", "type": "true_false", "source": "art", "statement": "Il pleut.", "answer": False,
             "evidence": "Il fait beau.", "explanation": "Il fait beau.", "tags": ["meteo"]},
            {"id": "nb", "type": "numeric", "source": "art", "prompt": "Combien ?", "answer": 2.5,
             "tolerance": 0, "evidence": "deux et demi", "explanation": "Deux et demi."},
        ],
    }
    data.update(changes)
    return data


def collection(apkg: bytes) -> sqlite3.Connection:
    with zipfile.ZipFile(io.BytesIO(apkg)) as zf:
        db = zf.read("collection.anki2")
    conn = sqlite3.connect(":memory:")
    conn.deserialize(db)
    return conn


def notes(apkg: bytes) -> dict[str, dict[str, Any]]:
    """Notes by question id: fields (by note-type field name), tags, mod, id."""
    conn = collection(apkg)
    models = json.loads(conn.execute("select models from col").fetchone()[0])
    out = {}
    for nid, mid, mod, tags, flds in conn.execute("select id, mid, mod, tags, flds from notes"):
        names = [f["name"] for f in models[str(mid)]["flds"]]
        values = flds.split("\x1f")
        assert len(values) == len(names)
        fields = dict(zip(names, values, strict=True))
        qid = fields["Ref"].split("/")[1]
        out[qid] = {"fields": fields, "tags": tags.split(), "mod": mod, "id": nid,
                    "model": models[str(mid)]}
    return out


@pytest.fixture
def bank(tmp_path: Path) -> Bank:
    return load_bank(write_bank(tmp_path / "questions"))


def test_export_is_byte_identical_with_fixed_zip_dates(bank: Bank) -> None:
    first = get_exporter("anki")().export([bank])
    assert first == AnkiExporter().export([bank])
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        assert sorted(zf.namelist()) == ["collection.anki2", "media"]
        assert {info.date_time for info in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert zf.read("media") == b"{}"


def test_deck_name_description_and_tags(bank: Bank) -> None:
    apkg = AnkiExporter().export([bank])
    decks = json.loads(collection(apkg).execute("select decks from col").fetchone()[0])
    ours = [d for d in decks.values() if d["name"] != "Default"]
    assert [d["name"] for d in ours] == [f"Actualité::{TITLE}"]
    assert ours[0]["desc"] == "Questions d’essai &amp; &lt;balises&gt;"
    by_q = notes(apkg)
    assert by_q["duree"]["tags"] == ["chiffres", "chronologie", "type::single", "source::direct"]
    assert by_q["horaire"]["tags"] == ["type::true_false", "source::direct"]


def test_title_cannot_create_sub_decks() -> None:
    bank = Bank.model_validate(bank_data(title="Ukraine::Russie  :  le sommet"))
    conn = collection(AnkiExporter().export([bank]))
    decks = json.loads(conn.execute("select decks from col").fetchone()[0])
    assert "Actualité::Ukraine:Russie : le sommet" in {d["name"] for d in decks.values()}


def test_text_is_escaped_in_every_field() -> None:
    nasty = '<script>alert("x")</script> & \'y\''
    data = bank_data()
    data["sources"][0]["title"] = nasty
    data["sources"][0]["url"] = "javascript:alert(1)"
    data["questions"] = [
        {"id": "s", "type": "single", "source": "art", "prompt": nasty, "choices": [nasty, "b < c"],
         "answer": "b < c", "evidence": nasty, "explanation": nasty, "tags": ["x"]},
        {"id": "c", "type": "cloze", "source": "art", "text": "a < b & {{c1::x & y::<indice>}} {{c2::z}}",
         "evidence": "e", "explanation": "e"},
    ]
    apkg = AnkiExporter().export([Bank.model_validate(data)])
    raw = collection(apkg).execute("select group_concat(flds, '|') from notes").fetchone()[0]
    assert "<script" not in raw
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;y&#x27;" in raw
    by_q = notes(apkg)
    assert by_q["s"]["fields"]["Answer"] == "b &lt; c"
    assert by_q["s"]["fields"]["SourceUrl"] == ""  # not a web link: no link at all
    assert by_q["c"]["fields"]["Text"] == "a &lt; b &amp; {{c1::x &amp; y::&lt;indice&gt;}} {{c2::z}}"


def test_cloze_markers_survive_escaping() -> None:
    assert cloze_html("{{c1::Poutine}} & « {{c2::Biden::qui ?}} »") == (
        "{{c1::Poutine}} &amp; « {{c2::Biden::qui ?}} »")
    assert esc("a\r\nb\x1fc\x00d\te") == "a<br>bcd\te"


def test_control_characters_cannot_shift_fields_or_nest_decks() -> None:
    data = bank_data(title="Un\x1fsommet")
    data["questions"][0]["explanation"] = "avant\x1faprès\x1e"
    apkg = AnkiExporter().export([Bank.model_validate(data)])
    assert notes(apkg)["vf"]["fields"]["Explanation"] == "avantaprès"
    decks = json.loads(collection(apkg).execute("select decks from col").fetchone()[0])
    assert "Actualité::Unsommet" in {d["name"] for d in decks.values()}


def test_numbers_and_labels_follow_the_bank_language() -> None:
    fr = notes(AnkiExporter().export([Bank.model_validate(bank_data())]))
    en = notes(AnkiExporter().export([Bank.model_validate(bank_data(language="en"))]))
    assert fr["nb"]["fields"]["Answer"] == "2,5" and en["nb"]["fields"]["Answer"] == "2.5"
    assert fr["vf"]["fields"]["Answer"] == "Faux" and en["vf"]["fields"]["Answer"] == "False"
    assert "Vrai ou faux" in fr["vf"]["model"]["tmpls"][0]["qfmt"]
    assert "True or false?" in en["vf"]["model"]["tmpls"][0]["qfmt"]
    assert fr["vf"]["model"]["id"] != en["vf"]["model"]["id"]
    # No line break inside a date on a narrow screen.
    assert fr["vf"]["fields"]["Source"].endswith("7\u00a0décembre\u00a02021")
    assert en["vf"]["fields"]["Source"].endswith("December\u00a07, 2021")


def test_a_cloze_without_gap_never_becomes_an_invisible_note() -> None:
    data = bank_data()
    data["questions"][0] = {"id": "trou", "type": "cloze", "source": "art", "text": "Aucun trou ici.",
                            "evidence": "e", "explanation": "e"}
    with pytest.raises(ValidationError, match="string_pattern_mismatch"):
        Bank.model_validate(data)  # the model itself refuses a cloze without a gap
    bank = Bank.model_validate(bank_data())
    cloze = Cloze.model_construct(**data["questions"][0], tags=[], draft=False, review=False)
    bank = bank.model_copy(update={"questions": [cloze, *bank.questions[1:]]})
    with pytest.raises(QuizgenError, match="'trou:cloze-fr' would have no card"):
        AnkiExporter().export([bank])  # even when the model's checks are bypassed


def test_drafts_stay_out_of_student_decks() -> None:
    data = bank_data()
    data["questions"][1]["draft"] = True
    plan = plan_deck(Bank.model_validate(data), None, T0)
    assert [n.question_id for n, _ in plan.notes] == ["vf"] and plan.drafts == 1


def test_each_note_carries_its_own_time_from_the_state() -> None:
    first = plan_deck(Bank.model_validate(bank_data()), None, T0)
    assert {r.mod for _, r in first.notes} == {T0}
    data = bank_data()
    data["questions"][1]["explanation"] = "Deux et demi, corrigé."
    second = plan_deck(Bank.model_validate(data), first.state, T0 + 100)
    by_q = notes(write_package([second]))
    assert by_q["vf"]["mod"] == T0 and by_q["nb"]["mod"] == T0 + 100
    assert by_q["vf"]["id"] == first.state.notes["vf:true_false-fr"].nid  # ids survive rebuilds
    models = json.loads(collection(write_package([second])).execute("select models from col").fetchone()[0])
    assert {m["mod"] for m in models.values()} == {T0}  # note types unchanged
    # A clock behind the last build still makes a changed note newer.
    data["questions"][1]["explanation"] = "Encore corrigé."
    third = plan_deck(Bank.model_validate(data), second.state, T0)
    assert third.state.notes["nb:numeric-fr"].mod == T0 + 101


def test_removed_question_is_kept_and_tagged_retired() -> None:
    first = plan_deck(Bank.model_validate(bank_data()), None, T0)
    data = bank_data()
    removed = data["questions"].pop(0)
    second = plan_deck(Bank.model_validate(data), first.state, T0 + 60)
    by_q = notes(write_package([second]))
    assert by_q["vf"]["tags"] == ["meteo", "type::true_false", "source::art", "retired"]
    assert by_q["vf"]["fields"]["Statement"] == "Il pleut."
    assert by_q["vf"]["mod"] == T0 + 60 and by_q["nb"]["mod"] == T0
    assert second.state.notes["vf:true_false-fr"].retired
    assert second.counts(first.state) == {"notes": 2, "new": 0, "changed": 1, "retired": 1, "unchanged": 1}
    # Still retired (and unchanged) next time; back to life if the teacher restores it.
    third = plan_deck(Bank.model_validate(data), second.state, T0 + 120)
    assert third.state.notes["vf:true_false-fr"].mod == T0 + 60
    data["questions"].insert(0, removed)
    fourth = plan_deck(Bank.model_validate(data), third.state, T0 + 180)
    assert not fourth.state.notes["vf:true_false-fr"].retired
    assert notes(write_package([fourth]))["vf"]["tags"] == ["meteo", "type::true_false", "source::art"]


def test_a_retired_note_keeps_showing_its_source_after_the_source_is_gone() -> None:
    data = bank_data()
    data["sources"].append({"id": "autre", "title": "Un autre article", "outlet": "Une radio",
                            "published": "2021-12-06", "path": "b.txt", "summary": "Résumé."})
    data["questions"][0]["source"] = "autre"
    first = plan_deck(Bank.model_validate(data), None, T0)
    assert sorted(first.state.sources) == ["art", "autre"]
    data["sources"].pop()
    data["questions"].pop(0)
    second = plan_deck(Bank.model_validate(data), first.state, T0 + 60)
    fields = notes(write_package([second]))["vf"]["fields"]
    assert fields["Source"] == "Un autre article — Une radio, 6\u00a0décembre\u00a02021"
    assert second.state.sources["autre"]["outlet"] == "Une radio"


def test_a_question_that_changes_type_becomes_a_new_note() -> None:
    first = plan_deck(Bank.model_validate(bank_data()), None, T0)
    data = bank_data()
    data["questions"][0] = {"id": "vf", "type": "short", "source": "art", "prompt": "Quel temps ?",
                            "answer": "beau", "evidence": "Il fait beau.", "explanation": "Il fait beau."}
    second = plan_deck(Bank.model_validate(data), first.state, T0 + 60)
    records = second.state.notes
    assert records["vf:true_false-fr"].retired and not records["vf:short-fr"].retired
    guids = [n.guid for n, _ in second.notes]
    assert len(set(guids)) == 3


def test_a_bank_that_changes_language_keeps_its_retired_notes() -> None:
    first = plan_deck(Bank.model_validate(bank_data()), None, T0)
    data = bank_data(language="en")
    data["questions"].pop(0)
    second = plan_deck(Bank.model_validate(data), first.state, T0 + 60)
    assert sorted(second.state.notes) == ["nb:numeric-en", "nb:numeric-fr", "vf:true_false-fr"]
    assert [r.retired for _, r in second.notes] == [False, True, True]
    assert sorted(second.notetypes) == ["numeric-en", "numeric-fr", "true_false-fr"]


def test_two_banks_in_one_package() -> None:
    a = Bank.model_validate(bank_data())
    b = Bank.model_validate(bank_data(id="autre", title="Autre"))
    conn = collection(AnkiExporter().export([a, b]))
    counts = conn.execute("select count(*), count(distinct id), count(distinct guid) from notes").fetchone()
    assert counts == (4, 4, 4)
    assert conn.execute("select count(distinct id) from cards").fetchone()[0] == 4
    assert conn.execute("select count(distinct did) from cards").fetchone()[0] == 2


def test_export_command_writes_an_apkg(runner, tmp_path: Path) -> None:
    bank_file = write_bank(tmp_path / "questions")
    out = tmp_path / "deck.apkg"
    result = runner.invoke(cli, ["export", "--format", "anki", "-o", str(out), str(bank_file)])
    assert result.exit_code == 0, result.output
    by_q = notes(out.read_bytes())
    assert len(by_q) == 10
    # Without a deck state, notes are dated the bank's as_of day (2021-12-08, 00:00 UTC).
    assert {n["mod"] for n in by_q.values()} == {1638921600}


def test_note_rows_are_what_genanki_itself_writes(tmp_path: Path) -> None:
    # write_package lays out notes itself (its own ids and times) through genanki's
    # public classes only: the fields, tags and sort field Anki reads must be
    # exactly what genanki's own Note writes for the same note.
    import genanki

    plan = plan_deck(Bank.model_validate(bank_data()), None, T0)
    deck = genanki.Deck(plan.deck_id, plan.deck_name)
    for note, _record in plan.notes:
        kind = genanki.Model.CLOZE if note.notetype.is_cloze else genanki.Model.FRONT_BACK
        model = genanki.Model(**note.notetype.genanki_args(), model_type=kind)
        deck.add_note(genanki.Note(model=model, fields=list(note.fields), tags=list(note.tags),
                                   guid=note.guid))
    theirs_file = tmp_path / "genanki.apkg"
    genanki.Package(deck).write_to_file(str(theirs_file))
    row = "select guid, tags, flds, sfld from notes order by guid"
    ours = collection(write_package([plan])).execute(row).fetchall()
    theirs = collection(theirs_file.read_bytes()).execute(row).fetchall()
    assert len(ours) == len(plan.notes) == 2
    assert ours == theirs
