"""quizgen.present: the texts, figures and labels a question is shown with,
the same for the site, the cards and the platform exports."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po
from pydantic import TypeAdapter

from quizgen import present
from quizgen.exporters.anki_notetypes import labels
from quizgen.grading import grade, key
from quizgen.model import Bank, Numeric, Question
from quizgen.validate import load_bank
from tests.web.pages import wrong_response

ROOT = Path(__file__).resolve().parent.parent
CATALOGUE = ROOT / "quizgen" / "translations"


def numeric(**fields: Any) -> Numeric:
    data = {"type": "numeric", "id": "q", "source": "s", "prompt": "Combien ?", "answer": 2.125,
            "evidence": "e", "explanation": "x", **fields}
    q = TypeAdapter(Question).validate_python(data)
    assert isinstance(q, Numeric)
    return q


@pytest.mark.parametrize(("value", "language", "text"), [
    (0.005, "fr", "0,005"),
    (0.005, "en", "0.005"),
    (3.14159, "fr", "3,14159"),  # every decimal kept
    (175000, "fr", "175\u202f000"),  # French groups with a narrow no-break space
    (125, "xx", "125"),  # a language Babel does not know: English
])
def test_a_figure_keeps_its_decimals_in_the_languages_way(value: float, language: str, text: str) -> None:
    assert present.figure(value, language) == text


def test_the_right_answer_of_a_figure_says_its_tolerance() -> None:
    q = numeric(tolerance=0.005, unit="heures")
    assert present.key_text(q, "fr") == "2,125 heures (à 0,005 heures près)"
    assert present.key_text(q, "en") == "2.125 heures (within 0.005 heures)"
    assert present.key_text(numeric(), "fr") == "2,125"


def test_labels_come_from_the_catalogue_with_french_typography() -> None:
    assert present.quoted("Bonjour", "fr") == "«\u00a0Bonjour\u00a0»"
    assert present.quoted("Hello", "en") == "“Hello”"
    assert present.with_colon("Source", "fr") == "Source\u00a0:"
    assert present.boolean_text(True, "fr") == "Vrai" and present.boolean_text(False, "en") == "False"
    assert labels("fr")["deck_root"] == "Actualité"
    assert labels("de") == labels("en")  # a language without a catalogue gets English
    assert present.languages() == ("en", "fr")


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank(ROOT / "tests" / "web" / "data" / "classe.yaml")


def test_a_prompt_never_holds_the_answer_of_a_gap(bank: Bank) -> None:
    q = bank.question("chars")
    assert present.prompt_text(q) == "La Russie renforce sa base au […] avec [nombre] nouveaux chars."


def test_every_part_shown_has_its_mark(bank: Bank) -> None:
    """The page zips response_parts with grade().marks: one mark per part shown, for every type."""
    for q in bank.questions:
        for response in (key(q), wrong_response(q)):
            parts = present.response_parts(response, bank.language)
            g = grade(q, response)
            assert len(g.marks) == len(parts), q.id
            assert all(g.marks) == (g.score == 1), q.id


def test_the_catalogue_is_complete_compiled_and_extracted() -> None:
    found = extract_from_dir(str(ROOT / "quizgen"), [("**.py", "python")], keywords={"N_": None})
    used = {m[2] for m in found}
    with (CATALOGUE / "quizgen.pot").open("rb") as fh:
        template = {m.id for m in read_po(fh) if m.id}
    assert used == template, "run the pybabel commands in quizgen/present/catalog.py"
    po_path = CATALOGUE / "fr" / "LC_MESSAGES" / "quizgen.po"
    with po_path.open("rb") as fh:
        po = read_po(fh)
    with po_path.with_suffix(".mo").open("rb") as fh:
        mo = read_mo(fh)
    assert sorted(m for m in used if po.get(m) is None or not po.get(m).string) == []
    for message in po:
        if message.id:
            assert not message.fuzzy, message.id
            compiled = mo.get(message.id)
            assert compiled is not None and compiled.string == message.string, (
                f"{message.id!r}: quizgen.mo is stale (see quizgen/present/catalog.py)")


def test_the_card_and_the_platform_exports_cite_an_article_alike(bank: Bank) -> None:
    from quizgen.exporters.anki import plan_deck
    from quizgen.exporters.lms import feedback_parts

    q = next(q for q in bank.questions if len(q.sources) == 1)
    s = bank.source(q.sources[0])
    cited = present.source_text(s.title, s.outlet, s.published, bank.language)
    assert cited.endswith(f", {present.long_date(s.published, bank.language)}")
    card = next(note for note, _ in plan_deck(bank, None, 0).notes if note.question_id == q.id)
    names = list(card.notetype.fields)
    # The card ties words with no-break spaces (French typography); the words are the same.
    assert html.unescape(card.fields[names.index("Source")]).replace("\xa0", " ") == cited
    assert cited in feedback_parts(bank, q)[-1]
