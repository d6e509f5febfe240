"""Built decks imported into a real Anki collection (the `anki` library from PyPI).

What a student sees: notes, cards, deck, tags, fields and rendered cards;
then a rebuilt deck (one question edited, one added, one removed) imported
over a collection with review history.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizgen.build import build
from quizgen.exporters import anki_notetypes
from tests.test_anki_bank import (
    BANK,
    BANK_ID,
    CARDS_PER_TYPE,
    NEW_QUESTION,
    NOTES_PER_TYPE,
    TITLE,
    write_bank,
)

pytestmark = [pytest.mark.slow, pytest.mark.anki]

T0 = 1_700_000_000  # first build (November 2023)
T1 = T0 + 86_400  # the teacher's fixes, a day later


def build_at(bank_file: Path, out: Path, at: int, force: bool = False) -> Path:
    build([bank_file], out, clock=lambda: at, progress=False, force=force)
    return out / f"{BANK_ID}.apkg"


def import_deck(col, deck: Path):
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    # Anki's default import options: update notes and note types only if newer.
    options = ImportAnkiPackageOptions(merge_notetypes=False, with_scheduling=False,
                                       with_deck_configs=False)
    return col.import_anki_package(ImportAnkiPackageRequest(package_path=str(deck), options=options)).log


def text(rendered: str) -> str:
    """What a student reads: no CSS, no tags, entities decoded, spaces collapsed."""
    rendered = re.sub(r"<style>.*?</style>", " ", rendered, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rendered)).split())


def flat(s: str) -> str:
    return " ".join(s.split())


def notes_by_question(col) -> dict[str, object]:
    out = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        bank, _, qid = html.unescape(note["Ref"]).partition("/")
        assert bank == BANK_ID
        out[qid] = note
    return out


def open_collection(folder: Path):
    """A student's empty Anki collection in `folder`/student."""
    # Anki is imported here, not with the module: `pytest -m "not slow"` still
    # imports every test module, and Anki alone takes a fifth of a second.
    from anki.collection import Collection

    (folder / "student").mkdir()
    return Collection(str(folder / "student" / "collection.anki2"))


@pytest.fixture
def col(tmp_path: Path) -> Iterator[object]:
    collection = open_collection(tmp_path)
    yield collection
    collection.close()


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    return write_bank(tmp_path / "questions")


def test_first_import_notes_cards_deck_tags_and_fields(col, bank_file: Path, tmp_path: Path) -> None:
    log = import_deck(col, build_at(bank_file, tmp_path / "decks", T0))
    assert (len(log.new), len(log.updated), len(log.duplicate), len(log.conflicting)) == (10, 0, 0, 0)

    notes = notes_by_question(col)
    per_type: dict[str, int] = {}
    cards_per_type: dict[str, int] = {}
    for note in notes.values():
        kind = note.note_type()["name"].split()[1]
        per_type[kind] = per_type.get(kind, 0) + 1
        cards_per_type[kind] = cards_per_type.get(kind, 0) + len(note.cards())
    assert per_type == NOTES_PER_TYPE
    assert cards_per_type == CARDS_PER_TYPE

    deck_names = {col.decks.name(card.did) for note in notes.values() for card in note.cards()}
    assert deck_names == {f"Actualité::{TITLE}"}

    assert sorted(notes["duree"].tags) == ["chiffres", "chronologie", "source::direct", "type::single"]
    assert sorted(notes["tadjikistan"].tags) == ["defense", "source::direct", "type::cloze"]
    assert all(" " not in tag for note in notes.values() for tag in note.tags)

    single = notes["duree"]
    assert single["Prompt"] == "D’après « RIA », combien de temps a duré l’entretien ?"
    # A figure and its unit never break apart on a phone.
    assert single["Answer"] == "Entre 2\u00a0h &amp; 3\u00a0h"
    assert "<li>Plus de 3\u00a0h &lt;environ&gt;</li>" in single["Choices"]
    assert single["Explanation"] == "Deux heures et cinq minutes : &quot;125\u00a0minutes&quot; au total."
    assert html.unescape(single["Explanation"]) == (
        'Deux heures et cinq minutes : "125\u00a0minutes" au total.')
    assert html.unescape(single["Source"]) == (
        "La discussion « cruciale » & ses suites — Le <Direct>, 7\u00a0décembre\u00a02021")
    assert single["SourceUrl"] == "https://example.org/direct?a=1&amp;b=2"
    assert html.unescape(single["Evidence"]) == (
        "après deux heures et cinq minutes, a rapporté l'agence de presse russe RIA")
    cloze = notes["tadjikistan"]
    assert cloze["Text"] == ("La Russie renforce sa base au {{c1::Tadjikistan}} avec {{c2::30::nombre}} "
                             "chars &amp; la hausse reste &lt; 3\u00a0%.")
    # Anki kept the times and ids the deck carries.
    assert {note.mod for note in notes.values()} == {T0}


class Cards:
    """The cards of the first build, imported, as a student sees them."""

    def __init__(self, col) -> None:
        self.notes = notes_by_question(col)

    def sides(self, qid: str, ord_: int = 0) -> tuple[str, str, str]:
        """The front's text, the back's text and the back's HTML of a question's card."""
        card = next(c for c in self.notes[qid].cards() if c.ord == ord_)
        return text(card.question()), text(card.answer()), card.answer()


@pytest.fixture(scope="module")
def cards(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cards]:
    """One import for all the rendering tests: they only read the collection."""
    tmp = tmp_path_factory.mktemp("rendered")
    collection = open_collection(tmp)
    import_deck(collection, build_at(write_bank(tmp / "questions"), tmp / "decks", T0))
    yield Cards(collection)
    collection.close()


def test_every_back_names_the_source_and_the_reference(cards: Cards) -> None:
    source = "Source : La discussion « cruciale » & ses suites — Le <Direct>, 7 décembre 2021"
    for qid in cards.notes:
        _, back, _ = cards.sides(qid)
        assert source in back, qid
        assert f"Réf. {BANK_ID}/{qid}" in back


def test_single_choice_card(cards: Cards) -> None:
    front, back, back_html = cards.sides("duree")
    # The right choice is nowhere in the front's HTML: every choice is a plain item.
    front_html = next(iter(cards.notes["duree"].cards())).question()
    assert "qz-ok" not in front_html and "<li>Entre 2\u00a0h &amp; 3\u00a0h</li>" in front_html
    assert "Une seule bonne réponse" in front
    assert "D’après « RIA », combien de temps a duré l’entretien ?" in flat(front)
    for choice in ("Moins de 2 h", "Entre 2 h & 3 h", "Plus de 3 h <environ>"):
        assert choice in front
    assert "Réponse" not in front.replace("Une seule bonne réponse", "")
    assert "Réponse : Entre 2 h & 3 h" in back
    assert 'Deux heures et cinq minutes : "125 minutes" au total.' in back
    assert "Dans l’article après deux heures et cinq minutes, a rapporté l'agence de presse russe RIA" in back
    assert '<a href="https://example.org/direct?a=1&amp;b=2">' in back_html
    assert "<environ>" not in back_html  # escaped, never a tag


def test_multi_true_false_numeric_and_short_cards(cards: Cards) -> None:
    front, back, _ = cards.sides("appels")
    assert "Plusieurs bonnes réponses possibles" in front and "Pedro Sánchez" in front
    assert "Réponses : Emmanuel Macron · Angela Merkel · Boris Johnson" in back

    front, back, _ = cards.sides("horaire")
    assert flat("Vrai ou faux ? Les discussions ont commencé à 18h00, heure russe.") in flat(front)
    assert "Réponse : Vrai" in back

    front, back, _ = cards.sides("minutes")
    assert "Combien de minutes a duré l’entretien ?" in front and "Réponse en minutes" in front
    assert "125" not in front
    assert "Réponse : 125 minutes (à 5 minutes près)" in back

    front, back, _ = cards.sides("accueil")
    assert "Poutine" not in front
    assert "Réponse : Poutine" in back and "Aussi accepté : Putin, Vladimir Poutine" in back


def test_quote_cards_who_said_and_what_was_said(cards: Cards) -> None:
    front, back, _ = cards.sides("bienvenue", 0)
    assert flat("Qui a dit… ? « Bonjour, Monsieur le Président, bienvenue »") in flat(front)
    assert all(name in front for name in ("Vladimir Poutine", "Joe Biden", "Emmanuel Macron"))
    assert "Au début de l’entretien vidéo du 7 décembre" in front
    assert "Réponse : Vladimir Poutine" in back
    front, back, _ = cards.sides("bienvenue", 1)
    assert flat("Qu’a dit Vladimir Poutine ?") in flat(front)
    assert "Au début de l’entretien vidéo du 7 décembre" in front and "Bonjour" not in front
    assert flat("« Bonjour, Monsieur le Président, bienvenue »") in flat(back)
    assert len(cards.notes["mesures"].cards()) == 1  # no context: no "what did he say?" card


def test_match_order_and_cloze_cards(cards: Cards) -> None:
    front, back, _ = cards.sides("pays")
    assert all(x in front for x in ("Mario Draghi", "Boris Johnson", "Italie", "Royaume-Uni"))
    assert "Mario Draghi → Italie" in back and "Boris Johnson → Royaume-Uni" in back

    front, back, _ = cards.sides("ordre")
    names = ["Emmanuel Macron", "Angela Merkel", "Mario Draghi", "Boris Johnson"]
    assert all(name in front for name in names)
    assert " ".join(names) not in front  # shuffled on the front, in order on the back
    assert " ".join(names) in back

    front, back, _ = cards.sides("tadjikistan", 0)
    assert "La Russie renforce sa base au [...] avec 30 chars & la hausse reste < 3 %." in front
    assert "Tadjikistan avec 30 chars" in back
    front, back, _ = cards.sides("tadjikistan", 1)
    assert "au Tadjikistan avec [nombre] chars" in front


def _schedule(col) -> tuple[list, list]:
    revlog = col.db.all("select id, cid, ease, ivl, lastIvl, factor, type from revlog order by id")
    cards = col.db.all("select id, nid, did, ord, type, queue, due, ivl, factor, reps, lapses "
                       "from cards order by id")
    return revlog, cards


def study(col, notes: dict) -> None:
    """The student reviews the card about to be fixed and one that stays, and
    adds a personal note to a question the teacher will not touch."""
    for qid, ease in (("minutes", 4), ("horaire", 3), ("minutes", 3)):
        card = notes[qid].cards()[0]
        card.start_timer()
        col.sched.answerCard(card, ease)
    mine = notes["accueil"]
    mine["Explanation"] = "Ma note : Poutine accueille Biden."
    col.update_note(mine)


def fix_remove_and_add(bank_file: Path) -> None:
    """The teacher fixes one question, removes one and adds one."""
    edited = BANK.replace("Deux heures et cinq minutes font 125 minutes.",
                          "Deux heures et cinq minutes font bien 125 minutes.")
    start = edited.index("  - id: ordre")
    end = edited.index("  - id: tadjikistan")
    bank_file.write_text(edited[:start] + edited[end:] + NEW_QUESTION, encoding="utf-8")


def qids(col, entries) -> set[str]:
    """The questions of the notes an import log lists."""
    return {html.unescape(col.get_note(entry.id.nid)["Ref"]).partition("/")[2] for entry in entries}


def test_reimport_updates_adds_retires_and_keeps_history(col, bank_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "decks"
    import_deck(col, build_at(bank_file, out, T0))
    study(col, notes_by_question(col))
    revlog_before, cards_before = _schedule(col)
    assert len(revlog_before) == 3
    reviewed = {c[0]: c for c in cards_before if c[9] > 0}
    assert len(reviewed) == 2

    fix_remove_and_add(bank_file)
    log = import_deck(col, build_at(bank_file, out, T1))
    assert qids(col, log.new) == {"hausse"}
    # The removed question comes back tagged `retired`: an update too.
    assert qids(col, log.updated) == {"minutes", "ordre"}
    assert len(log.conflicting) == 0
    # Anki logs notes it skipped (not newer) as "duplicate"; none was added twice.
    assert len(log.duplicate) == 8
    assert col.db.scalar("select count(*) from notes") == 11
    assert col.db.scalar("select count(distinct guid) from notes") == 11

    notes = notes_by_question(col)
    assert "retired" in notes["ordre"].tags
    assert [q for q, n in notes.items() if "retired" in n.tags] == ["ordre"]
    # ... and its back says so.
    assert "Question retirée" in notes["ordre"].cards()[0].answer()
    fixed = "Deux heures et cinq minutes font bien 125\u00a0minutes."
    assert html.unescape(notes["minutes"]["Explanation"]) == fixed
    assert notes["minutes"].mod == T1
    assert notes["accueil"]["Explanation"] == "Ma note : Poutine accueille Biden."

    revlog_after, cards_after = _schedule(col)
    assert revlog_after == revlog_before
    after = {c[0]: c for c in cards_after}
    for cid, card in reviewed.items():
        assert after[cid] == card  # due, interval, ease, reps unchanged
    assert {c[0] for c in cards_before} <= set(after)
    assert len(cards_after) == len(cards_before) + 1


def test_a_note_the_student_edited_after_the_build_keeps_her_version(col, bank_file: Path,
                                                                     tmp_path: Path) -> None:
    """What the README tells teachers: Anki updates a note only from a newer one."""
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest
    from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition

    out = tmp_path / "decks"
    import_deck(col, build_at(bank_file, out, T0))
    mine = notes_by_question(col)["minutes"]
    mine["Explanation"] = "Ma version."
    col.update_note(mine)  # now: after the teacher's next build (T1)
    bank_file.write_text(BANK.replace("Deux heures et cinq minutes font 125 minutes.",
                                      "Deux heures et cinq minutes font bien 125 minutes."), encoding="utf-8")
    deck = build_at(bank_file, out, T1)
    import_deck(col, deck)
    assert notes_by_question(col)["minutes"]["Explanation"] == "Ma version."
    # "Update notes: Always" in the import options takes the teacher's version.
    always = ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_ALWAYS
    options = ImportAnkiPackageOptions(merge_notetypes=False, with_scheduling=False, with_deck_configs=False,
                                       update_notes=always)
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(deck), options=options))
    assert "font bien 125" in notes_by_question(col)["minutes"]["Explanation"]


def test_unchanged_rebuild_imports_as_nothing_new(col, bank_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "decks"
    import_deck(col, build_at(bank_file, out, T0))
    log = import_deck(col, build_at(bank_file, out, T1, force=True))  # rendered again, a day later
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (0, 0, 10)


@pytest.fixture
def new_css() -> Iterator[str]:
    rule = ".qz-test-rule { color: red; }\n"
    original = anki_notetypes.CSS
    anki_notetypes.CSS = original + rule
    anki_notetypes.note_type.cache_clear()
    yield rule
    anki_notetypes.CSS = original
    anki_notetypes.note_type.cache_clear()


def test_new_templates_reach_students_without_touching_notes(col, bank_file: Path, tmp_path: Path,
                                                            request) -> None:
    out = tmp_path / "decks"
    import_deck(col, build_at(bank_file, out, T0))
    rule = request.getfixturevalue("new_css")
    # (--force: a real upgrade changes quizgen's files, which the build notices.)
    log = import_deck(col, build_at(bank_file, out, T1, force=True))
    assert (len(log.new), len(log.updated), len(log.conflicting)) == (0, 0, 0)
    ours = [m for m in col.models.all() if m["name"].startswith("quizgen ")]
    assert len(ours) == 9
    assert all(rule in m["css"] for m in ours)
