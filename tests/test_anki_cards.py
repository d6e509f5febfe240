"""What students see on their cards: no answer hidden in a front, reversed quote
cards only with a unique front, withdrawn questions said so, figures kept with
their units, questions across several articles (issue 13, items 5 and 6)."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest

from quizgen.exporters.anki import AnkiExporter, plan_deck, write_package
from quizgen.exporters.anki_notetypes import note_type
from quizgen.exporters.typography import tie
from quizgen.model import Bank
from tests.test_anki_export import T0, bank_data, collection, notes

NBSP = "\u00a0"


def quote(qid: str, text: str, context: str | None, speaker: str = "Iouri Ouchakov") -> dict[str, Any]:
    return {"id": qid, "type": "quote", "source": "art", "quote": text, "speaker": speaker,
            "distractors": ["Dmitri Peskov", "Sergueï Lavrov"], "context": context,
            "evidence": text, "explanation": "Un conseiller du Kremlin."}


def front_fields(note: dict[str, Any]) -> dict[str, str]:
    """The fields a card's front template shows, by name."""
    fronts = " ".join(t["qfmt"] for t in note["model"]["tmpls"])
    return {name: value for name, value in note["fields"].items() if "{{" + name + "}}" in fronts
            or "{{cloze:" + name + "}}" in fronts}


def cards_per_note(apkg: bytes) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    for nid, ord_ in collection(apkg).execute("select nid, ord from cards order by ord"):
        out.setdefault(nid, []).append(ord_)
    return out


def test_no_front_holds_a_right_choice() -> None:
    data = bank_data()
    data["questions"] += [
        {"id": "un", "type": "single", "source": "art", "prompt": "Quelle agence ?",
         "choices": ["RIA", "TASS", "AFP"], "answer": "TASS", "evidence": "TASS", "explanation": "TASS."},
        {"id": "plusieurs", "type": "multi", "source": "art", "prompt": "Qui ?",
         "choices": ["Macron", "Merkel", "Sánchez"], "answers": ["Merkel"], "evidence": "Merkel",
         "explanation": "Merkel."},
        quote("qui", "Voyons comment cette conversation se traduira", "Après le sommet."),
    ]
    by_id = notes(AnkiExporter().export([Bank.model_validate(data)]))
    for qid, answer in (("un", "TASS"), ("plusieurs", "Merkel"), ("qui", "Iouri Ouchakov")):
        shown = " ".join(front_fields(by_id[qid]).values())
        # Every choice is the same plain item: nothing marks the right one, even hidden by CSS.
        assert set(re.findall(r"<li[^>]*>", shown)) == {"<li>"}, qid
        assert f"<li>{answer}</li>" in shown and "qz-ok" not in shown, qid
    assert "qz-ok" not in note_type("single", "fr").css


def test_a_reversed_quote_card_only_when_its_front_is_unique() -> None:
    data = bank_data()
    data["questions"] += [
        quote("a", "Le président américain a parlé de sanctions possibles",
              "Après le sommet, aux journalistes."),
        quote("b", "On ne sait pas pourquoi ces sanctions devraient être giflées",
              "Après le sommet, aux journalistes."),
        quote("c", "Voyons comment cette conversation se traduira", "Sur une désescalade possible."),
        quote("d", "Il n’était pas du tout question d’une invasion", None),
    ]
    apkg = AnkiExporter().export([Bank.model_validate(data)])
    by_id = notes(apkg)
    cards = cards_per_note(apkg)
    # a and b would both ask « Qu’a dit Iouri Ouchakov ? Après le sommet, aux journalistes. »
    assert cards[by_id["a"]["id"]] == [0] and cards[by_id["b"]["id"]] == [0]
    assert cards[by_id["c"]["id"]] == [0, 1]  # a front of its own: both cards
    assert cards[by_id["d"]["id"]] == [0]  # no context: no reversed card, as before
    # The first card still shows the context.
    assert by_id["a"]["fields"]["Context"] == ""
    assert "Après le sommet, aux journalistes." in by_id["a"]["fields"]["Candidates"]
    assert by_id["c"]["fields"]["Context"] == "Sur une désescalade possible."


def test_a_retired_note_says_the_question_was_withdrawn() -> None:
    data = bank_data()
    first = plan_deck(Bank.model_validate(data), None, T0)
    later = copy.deepcopy(data)
    later["questions"].pop(0)
    second = plan_deck(Bank.model_validate(later), first.state, T0 + 60)
    by_id = notes(write_package([second]))
    assert "retired" in by_id["vf"]["tags"]
    explanation = by_id["vf"]["fields"]["Explanation"]
    assert explanation.startswith('<div class="qz-retired">Question retirée')
    assert explanation.endswith("Il fait beau.")
    assert "retirée" not in by_id["nb"]["fields"]["Explanation"]
    en = Bank.model_validate(bank_data(language="en"))
    state = plan_deck(en, None, T0).state
    en_later = Bank.model_validate({**bank_data(language="en"), "questions": bank_data()["questions"][1:]})
    assert "Withdrawn" in notes(write_package([plan_deck(en_later, state, T0 + 60)]))["vf"]["fields"][
        "Explanation"]


def test_figures_keep_their_units_and_dates_their_parts() -> None:
    data = bank_data()
    data["questions"].append({"id": "duree", "type": "numeric", "source": "art", "prompt": "Combien ?",
                              "answer": 125, "tolerance": 5, "unit": "minutes", "evidence": "125 minutes",
                              "explanation": "Le 7 décembre 2021, 125 minutes et 175 000 soldats."})
    fields = notes(AnkiExporter().export([Bank.model_validate(data)]))["duree"]["fields"]
    assert fields["Answer"] == f"125{NBSP}minutes" and fields["Tolerance"] == f"5{NBSP}minutes"
    assert f"7{NBSP}décembre{NBSP}2021" in fields["Explanation"]
    assert f"125{NBSP}minutes" in fields["Explanation"] and "175\u202f000" in fields["Explanation"]
    assert fields["Source"].endswith(f"7{NBSP}décembre{NBSP}2021")


@pytest.mark.parametrize(("text", "tied"), [
    ("le 7 décembre 2021", f"le 7{NBSP}décembre{NBSP}2021"),
    ("1er décembre", f"1er{NBSP}décembre"),
    ("10 % des voix", f"10{NBSP}% des voix"),
    ("2,5 heures", f"2,5{NBSP}heures"),
    ("December 7, 2021", f"December{NBSP}7, 2021"),
    ("en 2014 la Crimée", "en 2014 la Crimée"),  # a year is not tied to the next word
    ("le G20 la dernière fois", "le G20 la dernière fois"),
    ("sans chiffre du tout", "sans chiffre du tout"),
])
def test_tie(text: str, tied: str) -> None:
    assert tie(text) == tied


def across_bank() -> Bank:
    data = bank_data()
    data["sources"].append({"id": "revue", "title": "Une revue", "outlet": "La Revue",
                            "published": "2021-12-08", "path": "b.txt", "summary": "Résumé.", "url": "https://example.org/revue"})
    data["questions"].append({"id": "deux", "type": "true_false", "source": ["art", "revue"],
                              "statement": "Les deux articles en parlent.", "answer": True,
                              "evidence": {"revue": "La revue le dit.", "art": "Le journal le dit."},
                              "explanation": "Les deux."})
    return Bank.model_validate(data)


def test_a_question_across_articles_shows_each_passage_with_its_source() -> None:
    by_id = notes(AnkiExporter().export([across_bank()]))
    fields = by_id["deux"]["fields"]
    evidence = fields["Evidence"]
    # In the order of `source`, each passage followed by its own source line.
    assert evidence.index("Le journal le dit.") < evidence.index("Un titre — Un journal") \
        < evidence.index("La revue le dit.") < evidence.index("Une revue — La Revue")
    assert '<a href="https://example.org/revue">' in evidence
    assert fields["Source"] == fields["SourceUrl"] == ""
    assert {"source::art", "source::revue"} <= set(by_id["deux"]["tags"])
    back = by_id["deux"]["model"]["tmpls"][0]["afmt"]
    assert "{{^Source}}Dans les articles{{/Source}}" in back and "{{#Source}}" in back
    # A single-source note is as before: its passage in Evidence, its source in Source.
    assert by_id["vf"]["fields"]["Evidence"] == "Il fait beau."
    assert by_id["vf"]["fields"]["Source"].startswith("Un titre — Un journal")


def test_note_type_ids_do_not_change() -> None:
    """Existing notes must stay updatable: the field names (the schema) and ids are as before."""
    nt = note_type("single", "fr")
    assert nt.fields == ("Prompt", "Choices", "Answer", "Explanation", "Evidence", "Source", "SourceUrl",
                         "Ref")
    assert note_type("quote", "fr").fields == ("Quote", "Speaker", "Context", "Candidates", "Explanation",
                                               "Evidence", "Source", "SourceUrl", "Ref")
