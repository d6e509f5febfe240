"""Item statistics as Moodle's quiz statistics: facility index, discrimination
index, the wrong choices chosen, negative discrimination flagged."""

from __future__ import annotations

import html
import math
import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizgen import Bank
from quizgen.grading import grade
from tests.web.conftest import create_session, join
from tests.web.pages import wrong_response
from tests.web.test_regrade import answer_as
from web.itemstats import MIN_RUNS, ChoiceCount, choice_counts, item_statistics

IDS = ["q1", "q2", "q3"]
#: Five finished runs. q2 and q3 give the rest-of-test scores of q1: 2, 2, 1, 1, 0.
RUNS = [
    {"q1": 1, "q2": 1, "q3": 1},
    {"q1": 1, "q2": 1, "q3": 1},
    {"q1": 1, "q2": 1, "q3": 0},
    {"q1": 0, "q2": 0, "q3": 1},
    {"q1": 0, "q2": 0, "q3": 0},
]


def test_facility_and_discrimination_computed_by_hand() -> None:
    """q1 over the five runs: item scores x = 1 1 1 0 0, rest of test y = 2 2 1 1 0.

    Facility = mean(x) = 3/5 = 60 %.
    mean x = 0.6, mean y = 1.2; deviations dx = .4 .4 .4 -.6 -.6, dy = .8 .8 -.2 -.2 -1.2.
    Σ dx·dy = .32 + .32 - .08 + .12 + .72 = 1.4
    Σ dx²   = 3 × .16 + 2 × .36 = 1.2
    Σ dy²   = .64 + .64 + .04 + .04 + 1.44 = 2.8
    r = 1.4 / √(1.2 × 2.8) = 1.4 / √3.36 = 0.76376…, so the discrimination index is 76.38.
    """
    stats = item_statistics(IDS, RUNS)
    assert stats["q1"].runs == 5 and stats["q1"].enough
    assert stats["q1"].facility == pytest.approx(0.6)
    assert stats["q1"].discrimination == pytest.approx(76.376, abs=1e-3)
    assert not stats["q1"].negative


def test_a_question_the_weak_students_get_right_discriminates_negatively() -> None:
    """The same runs with q1 flipped (0 0 0 1 1): its rest of test is unchanged,
    so r is exactly the opposite, -76.38, and the question is flagged."""
    flipped = [{**r, "q1": 1 - r["q1"]} for r in RUNS]
    stats = item_statistics(IDS, flipped)
    assert stats["q1"].facility == pytest.approx(0.4)
    assert stats["q1"].discrimination == pytest.approx(-76.376, abs=1e-3)
    assert stats["q1"].negative


def test_an_unanswered_question_scores_zero_and_partial_credit_counts() -> None:
    runs = [{"q1": 0.5, "q2": 1}, {"q1": 1, "q2": 1}, {"q2": 0}, {"q1": 0.5}, {"q1": 1, "q2": 0.5}]
    stats = item_statistics(["q1", "q2"], runs)
    assert stats["q1"].facility == pytest.approx((0.5 + 1 + 0 + 0.5 + 1) / 5)
    x, y = [0.5, 1, 0, 0.5, 1], [1, 1, 0, 0, 0.5]  # q1 and its rest (q2)
    mx, my = sum(x) / 5, sum(y) / 5
    r = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True)) / math.sqrt(
        sum((a - mx) ** 2 for a in x) * sum((b - my) ** 2 for b in y))
    assert stats["q1"].discrimination == pytest.approx(100 * r)


def test_too_few_runs_or_no_variation_give_no_index() -> None:
    few = item_statistics(IDS, RUNS[:MIN_RUNS - 1])
    assert few["q1"].facility is None and few["q1"].discrimination is None and not few["q1"].enough
    assert few["q1"].runs == MIN_RUNS - 1
    everyone_right = [{**r, "q1": 1} for r in RUNS]
    stats = item_statistics(IDS, everyone_right)
    assert stats["q1"].facility == 1 and stats["q1"].discrimination is None and not stats["q1"].negative


def test_choice_counts(bank: Bank) -> None:
    single = bank.question("agence")  # RIA, Reuters, AFP, TASS; RIA is right
    assert choice_counts(single, ["RIA", "Reuters", "reuters ", "AFP"]) == [
        ChoiceCount("RIA", 1, True), ChoiceCount("Reuters", 2, False),
        ChoiceCount("AFP", 1, False), ChoiceCount("TASS", 0, False)]
    multi = bank.question("appels")  # Pedro Sánchez is the one wrong choice
    responses = [["Emmanuel Macron", "Pedro Sánchez"], ["Pedro Sánchez"], ["Angela Merkel"]]
    counts = choice_counts(multi, responses)
    assert {c.choice: (c.count, c.right) for c in counts} == {
        "Emmanuel Macron": (1, True), "Angela Merkel": (1, True), "Pedro Sánchez": (2, False),
        "Boris Johnson": (0, True)}
    quote = bank.question("bienvenue")
    assert [(c.choice, c.count) for c in choice_counts(quote, ["Joe Biden", "Joe Biden"]) if not c.right] == [
        ("Joe Biden", 2), ("Jake Sullivan", 0)]
    statement = bank.question("heure")  # true
    assert choice_counts(statement, [True, False, False]) == [ChoiceCount(True, 1, True),
                                                              ChoiceCount(False, 2, False)]
    assert choice_counts(bank.question("conseiller"), ["x"]) is None


def test_the_right_choices_are_those_grading_credits(bank: Bank) -> None:
    # The dashboard's ✓ beside a choice is grading's verdict on that choice alone.
    checked = 0
    for q in bank.questions:
        counts = choice_counts(q, [])
        if counts is None:
            continue
        for c in counts:
            alone = [c.choice] if q.type == "multi" else c.choice
            assert c.right == (grade(q, alone).marks == (True,)), (q.id, c.choice)
            checked += 1
    assert checked >= 10


# -- on the dashboard


def item_card(page: str, qid: str) -> str:
    card = rf'<li class="card item" id="item-\d+">\s*<h3>[^<]*<span class="hint">{qid}</span>.*?</li>'
    found = re.search(card, page, re.S)
    assert found, qid
    return found[0]


def test_the_dashboard_shows_the_indices_and_flags_a_negative_one(app: Flask, teacher: FlaskClient,
                                                                  bank: Bank) -> None:
    code = create_session(teacher)
    everything_wrong = {q.id: wrong_response(q) for q in bank.questions}
    # Three strong students miss only « agence »; two weak ones get only « agence » right.
    for name in ("a", "b", "c"):
        answer_as(app, join(app, code, name), code, bank, {"agence": "Reuters"})
    for name in ("d", "e"):
        answer_as(app, join(app, code, name), code, bank, {**everything_wrong, "agence": "RIA"})
    page = html.unescape(teacher.get(f"/teacher/s/{code}/analysis", headers={"Accept-Language": "en"})
                         .get_data(as_text=True))
    agence = item_card(page, "agence")
    assert "Facility index 40%" in agence  # 2 of 5
    assert "discrimination index -100%" in agence and "discriminates negatively" in agence
    assert re.search(r"<td[^>]*>Reuters</td><td class=\"count\">3</td>", agence)  # wrong choices chosen
    assert re.search(r"<td[^>]*>TASS</td><td class=\"count\">0</td>", agence)
    duree = item_card(page, "duree")
    assert "Facility index 60%" in duree and "discrimination index 100%" in duree
    assert "discriminates negatively" not in duree
    assert 'class="regrade-link"' in duree and 'class="regrade-link"' not in agence
    french = html.unescape(teacher.get(f"/teacher/s/{code}/live?part=analysis",
                                       headers={"Accept-Language": "fr"}).get_data(as_text=True))
    assert "Indice de facilité 40\u00a0%" in item_card(french, "agence")


def test_not_enough_finished_runs(app: Flask, teacher: FlaskClient, bank: Bank) -> None:
    code = create_session(teacher)
    for name in ("a", "b", "c", "d"):
        answer_as(app, join(app, code, name), code, bank, {})
    page = html.unescape(teacher.get(f"/teacher/s/{code}/analysis", headers={"Accept-Language": "en"})
                         .get_data(as_text=True))
    assert "not enough answers (4 finished of 5)" in item_card(page, "agence")
    assert "Facility index" not in page
