"""Server-side grading: what a student's answer is worth, and how it is labelled."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen import load_bank
from quizgen.grading import ResponseError, answer_label, format_number, grade, key, score

BANK = load_bank(Path(__file__).parent / "data" / "good" / "sommet.yaml")
Q = {q.id: q for q in BANK.questions}


def test_every_key_scores_full_marks() -> None:
    for q in BANK.questions:
        assert score(q, key(q)) == 1.0, q.id
        assert grade(q, key(q)).correct


@pytest.mark.parametrize(("response", "expected"), [
    ("RIA", 1.0), ("AFP", 0.0), ("Reuters", 0.0), ("Nobody", 0.0), ("", 0.0),
])
def test_single_is_all_or_nothing(response: str, expected: float) -> None:
    assert score(Q["q-single"], response) == expected


@pytest.mark.parametrize(("selected", "expected"), [
    (["Emmanuel Macron", "Angela Merkel", "Mario Draghi", "Boris Johnson"], 1.0),
    (["Emmanuel Macron", "Angela Merkel"], 0.5),
    # Right minus wrong selections over the number of right ones.
    (["Emmanuel Macron", "Angela Merkel", "Pedro Sánchez"], 0.25),
    (["Emmanuel Macron", "Angela Merkel", "Mario Draghi", "Boris Johnson", "Pedro Sánchez"], 0.75),
    # Floored at zero, never negative.
    (["Pedro Sánchez"], 0.0),
    ([], 0.0),
    # Selecting the same choice twice counts once.
    (["Emmanuel Macron", "Emmanuel Macron"], 0.25),
])
def test_multi_gives_partial_credit(selected: list[str], expected: float) -> None:
    assert score(Q["q-multi"], selected) == pytest.approx(expected)


def test_true_false() -> None:
    assert score(Q["q-tf"], True) == 1.0
    assert score(Q["q-tf"], False) == 0.0
    with pytest.raises(ResponseError):
        score(Q["q-tf"], "true")


@pytest.mark.parametrize(("value", "expected"), [
    (125, 1.0), (120, 1.0), (130, 1.0), (130.5, 0.0), (119.99, 0.0), (125.0, 1.0),
    (float("nan"), 0.0), (float("inf"), 0.0),
])
def test_numeric_within_tolerance(value: float, expected: float) -> None:
    assert score(Q["q-num"], value) == expected


def test_numeric_rejects_non_numbers() -> None:
    with pytest.raises(ResponseError):
        score(Q["q-num"], "125")
    with pytest.raises(ResponseError):
        score(Q["q-num"], True)


@pytest.mark.parametrize(("typed", "expected"), [
    ("Poutine", 1.0), ("poutine", 1.0), ("POUTINE ", 1.0), ("Poutine.", 1.0),
    ("Putin", 1.0), ("vladimir poutine", 1.0), ("Vladimir  Poutine", 1.0),
    ("Poutiné", 1.0),  # accents ignored
    ("Biden", 0.0), ("", 0.0), ("...", 0.0), ("Pou tine", 0.0),
])
def test_short_ignores_case_accents_and_punctuation(typed: str, expected: float) -> None:
    assert score(Q["q-short"], typed) == expected


def test_quote() -> None:
    assert score(Q["q-quote"], "Vladimir Poutine") == 1.0
    assert score(Q["q-quote"], "Joe Biden") == 0.0


def test_match_gives_share_of_right_pairs() -> None:
    q = Q["q-match"]
    assert score(q, {"Mario Draghi": "Italie", "Boris Johnson": "Royaume-Uni"}) == 1.0
    assert score(q, {"Mario Draghi": "Royaume-Uni", "Boris Johnson": "Royaume-Uni"}) == 0.5
    assert score(q, {"Mario Draghi": "Royaume-Uni", "Boris Johnson": "Italie"}) == 0.0
    assert score(q, {"Mario Draghi": "Italie"}) == 0.5  # an unanswered pair is wrong
    with pytest.raises(ResponseError):
        score(q, ["Italie", "Royaume-Uni"])


def test_order_gives_share_of_right_positions() -> None:
    q = Q["q-order"]
    assert score(q, ["Emmanuel Macron", "Angela Merkel", "Mario Draghi", "Boris Johnson"]) == 1.0
    assert score(q, ["Angela Merkel", "Emmanuel Macron", "Mario Draghi", "Boris Johnson"]) == 0.5
    assert score(q, ["Boris Johnson", "Mario Draghi", "Angela Merkel", "Emmanuel Macron"]) == 0.0
    assert score(q, ["Emmanuel Macron"]) == 0.25


def test_cloze_gives_share_of_right_gaps_compared_like_short() -> None:
    q = Q["q-cloze"]
    assert score(q, ["Tadjikistan", "30"]) == 1.0
    assert score(q, ["tadjikistan", " 30 "]) == 1.0
    assert score(q, ["Tadjikistan", "31"]) == 0.5
    assert score(q, ["", ""]) == 0.0
    assert score(q, ["Tadjikistan"]) == 0.5


def test_labels_group_the_same_answer_however_typed() -> None:
    assert answer_label(Q["q-short"], "Poutine") == answer_label(Q["q-short"], " poutine.")
    # Multi labels follow the bank's order, not the click order.
    assert (answer_label(Q["q-multi"], ["Angela Merkel", "Emmanuel Macron"])
            == answer_label(Q["q-multi"], ["Emmanuel Macron", "Angela Merkel"])
            == "Emmanuel Macron; Angela Merkel")
    assert answer_label(Q["q-num"], 125.0) == "125"
    assert answer_label(Q["q-num"], 12.5) == "12.5"
    assert answer_label(Q["q-tf"], False) == "false"
    assert answer_label(Q["q-match"], {"Boris Johnson": "Italie", "Mario Draghi": "Italie"}) == (
        "Mario Draghi → Italie; Boris Johnson → Italie")
    assert answer_label(Q["q-order"], ["b", "a"]) == "b > a"
    assert answer_label(Q["q-cloze"], ["Tadjikistan", "30"]) == "tadjikistan | 30"


def test_format_number() -> None:
    assert format_number(3.0) == "3"
    assert format_number(-0.5) == "-0.5"
    assert format_number(1e20) == "1e+20"
