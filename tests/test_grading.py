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


# ── Typed answers a careful student writes (issue 13) ─────────────────────

def _typed(type_: str, **fields: object):
    from pydantic import TypeAdapter

    from quizgen.model import Question
    data = {"id": "q", "type": type_, "source": "art", "evidence": "extrait", "explanation": "x", **fields}
    return TypeAdapter(Question).validate_python(data)


GAZODUC = _typed("short", prompt="Le Congrès a retiré les sanctions visant quel gazoduc ?",
                 answer="Nord Stream 2", evidence="les sanctions contre Nord Stream 2")
MINSK = _typed("short", prompt="Poutine a accusé l’Ukraine de saboter un accord. Lequel ?",
               answer="L’accord de Minsk", accept=["Minsk II"],
               evidence="l’Ukraine sabote les règles de l’accord de Minsk")
OUCHAKOV = _typed("short", prompt="Quel conseiller de Poutine a parlé aux journalistes ?",
                  answer="Iouri Ouchakov", evidence="a déclaré Yuri Ushakov")
GENEVE = _typed("short", prompt="Dans quelle ville se sont-ils rencontrés en juin ?", answer="Genève",
                evidence="en face à face à Genève")
CLOZE = _typed("cloze", text="Les États-Unis répondraient si la Russie envahissait {{c1::à nouveau}} "
               "l’Ukraine, avec du matériel {{c2::défensif}} et des mesures {{c3::économiques}}.",
               evidence="si la Russie envahissait à nouveau l’Ukraine")


@pytest.mark.parametrize(("question", "typed"), [
    (GENEVE, "à Genève"), (GENEVE, "Geneve"), (GENEVE, "GENÈVE."), (GENEVE, "Gneève"),
    (GAZODUC, "le gazoduc Nord Stream 2"), (GAZODUC, "Nord Stream II"), (GAZODUC, "nord strem 2"),
    (MINSK, "accords de Minsk 2"), (MINSK, "Minsk 2"), (MINSK, "les accords de Minsk"), (MINSK, "Minsk"),
    (OUCHAKOV, "Youri Ushakov"), (OUCHAKOV, "Yuri Ushakov"), (OUCHAKOV, "Yury Ouchakov"),
    (OUCHAKOV, "Iouri Ouchakof"), (OUCHAKOV, "Iouri Ouhcakov"),
])
def test_defensible_typed_answers_are_right(question, typed: str) -> None:
    assert score(question, typed) == 1.0


@pytest.mark.parametrize(("question", "typed"), [
    (GENEVE, "Genèse"), (GENEVE, "Vienne"), (GENEVE, "Genf"), (GENEVE, "à"), (GENEVE, "Gen"),
    (GAZODUC, "Nord Stream 1"), (GAZODUC, "Nord Stream 3"), (GAZODUC, "gazoduc"), (GAZODUC, "TurkStream"),
    (GAZODUC, "le gazoduc Nord Stream"),
    (MINSK, "Minsk 3"), (MINSK, "Minsk III"), (MINSK, "accord"), (MINSK, "accords de Paris"),
    (MINSK, "Pinsk"),
    (OUCHAKOV, "Dmitri Peskov"), (OUCHAKOV, "Sergueï Lavrov"), (OUCHAKOV, "Iouri Ouchakova"),
    (OUCHAKOV, "Youri Ouchakine"), (OUCHAKOV, "Ouchakov Iouri Ouchakov"), (OUCHAKOV, "Iouri"),
])
def test_near_but_wrong_typed_answers_stay_wrong(question, typed: str) -> None:
    assert score(question, typed) == 0.0


def test_cloze_gaps_accept_the_same_variants() -> None:
    assert score(CLOZE, ["de nouveau", "défensif", "economiques"]) == 1.0
    assert score(CLOZE, ["à nouveau", "defenssif", "les économiques"]) == pytest.approx(1.0)
    # Another inflection, another word, a short word: wrong.
    assert score(CLOZE, ["nouvelle", "offensif", "économique"]) == 0.0


@pytest.mark.parametrize(("given", "right"), [
    ("Russe", "Russie"), ("Russies", "Russie"), ("transatlantiques", "transatlantique"),
    ("Iran", "Irak"), ("Biden", "Widen"), ("Obama", "Osama"), ("Macron", "Micron"), ("Peskov", "Pestov"),
    ("Slovénie", "Slovaquie"), ("Autriche", "Australie"), ("30", "31"), ("2016", "2061"), ("125", "12 5"),
])
def test_typo_tolerance_never_crosses_to_another_word(given: str, right: str) -> None:
    from quizgen.typed import accepted
    assert not accepted(given, [right])


def test_strict_turns_off_typos_and_transliterations() -> None:
    from quizgen.typed import accepted
    assert accepted("Youri Ushakov", ["Iouri Ouchakov"]) and not accepted(
        "Youri Ushakov", ["Iouri Ouchakov"], strict=True)
    assert accepted("Tadjikistn", ["Tadjikistan"])
    assert not accepted("Tadjikistn", ["Tadjikistan"], strict=True)
    # Articles, prepositions and numerals are spelling-neutral: still accepted.
    assert accepted("à Genève", ["Genève"], strict=True) and accepted("Minsk 2", ["Minsk II"], strict=True)


@pytest.mark.parametrize(("given", "right", "same"), [
    ("trente", "30", True), ("trente et un", "30", False), ("trente et un", "31", True),
    ("quatre-vingt-dix", "90", True), ("quatre-vingts", "80", True), ("cent vingt-cinq", "125", True),
    ("Minsk deux", "Minsk II", True), ("Minsk trois", "Minsk II", False), ("deux mille seize", "2016", True),
    ("vingt", "2", False),
])
def test_french_numerals(given: str, right: str, same: bool) -> None:
    from quizgen.typed import accepted
    assert accepted(given, [right]) is same


def test_cloze_figure_typed_in_words() -> None:
    assert score(Q["q-cloze"], ["Tadjikistan", "trente"]) == 1.0
    assert score(Q["q-cloze"], ["Tadjikistan", "trente et un"]) == 0.5


def test_roman_numerals() -> None:
    from quizgen.typed import roman_to_int
    tokens = ("ii", "iv", "ix", "xiv", "xx", "i", "v", "vi", "iiii", "ic", "mix")
    assert [roman_to_int(t) for t in tokens] == [2, 4, 9, 14, 20, None, None, 6, None, None, None]


def test_a_question_marked_strict_is_graded_strictly() -> None:
    """`strict: true` on a question turns typos and transliterations off."""
    strict = OUCHAKOV.model_copy(update={"strict": True})
    assert score(OUCHAKOV, "Youri Ushakov") == 1.0
    assert score(strict, "Youri Ushakov") == 0.0
    assert score(strict, "Iouri Ouchakov") == 1.0
