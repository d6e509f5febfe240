"""Dates a teacher asks: what is to come, even written as the day of the news (rules and model)."""

from __future__ import annotations

from datetime import date

import pytest

from quizgen.draft.bank import SourceInfo, build_bank
from quizgen.draft.pipeline import analyse


def questions(text: str, entities=None) -> list[dict]:
    bank = build_bank(
        analyse(text, entities), SourceInfo(), bank_id="t", source_path="t.txt", today=date(2024, 1, 1)
    ).bank
    return bank.model_dump()["questions"]


@pytest.mark.slow
@pytest.mark.nlp
def test_the_date_of_what_is_to_come_is_asked_though_written_as_a_news_day(entities):
    text = (
        "Le festival de jazz de Marciac revient cet été. "
        "La première soirée aura lieu samedi 12 juillet sur la grande scène, a annoncé l'association."
    )
    asked = [q for q in questions(text, entities) if "12 juillet" in str(q.get("answer") or q.get("text"))]
    assert asked and "{{c1::samedi 12 juillet}}" in asked[0]["text"], asked
