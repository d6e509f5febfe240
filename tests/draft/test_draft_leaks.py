"""A question whose answer another question of the draft prints is marked for review
(invented questions)."""

from __future__ import annotations

from types import SimpleNamespace

from quizgen.draft.leaks import gives_away, mark_leaks

HEADLINE = {
    "id": "essentiel",
    "type": "cloze",
    "text": "Huit mois de prison avec sursis pour le maire de {{c1::Vitré}}",
}
MONTHS = {
    "id": "chiffre-mois",
    "type": "numeric",
    "prompt": "D’après l’article : « Le maire a été condamné à _____ de prison. » — combien de mois ?",
    "answer": 8,
}
PLACE = {
    "id": "lieu-vitre",
    "type": "short",
    "prompt": "D’après l’article, quel lieu manque : « Le tribunal de _____ a jugé » ?",
    "answer": "Rennes",
}
WHO = {
    "id": "qui-maire",
    "type": "single",
    "prompt": "Qui est le maire de Vitré ?",
    "choices": ["Paul Girard", "Anne Roux", "Rennes"],
    "answer": "Paul Girard",
}


def test_a_figure_with_its_unit_written_in_another_prompt_is_given_away():
    assert gives_away(MONTHS, HEADLINE)  # "Huit mois" printed: the number in words, the unit asked
    assert not gives_away(MONTHS, PLACE)


def test_a_hidden_word_written_in_another_prompt_is_given_away():
    assert gives_away(HEADLINE, WHO)  # the cloze hides "Vitré", the other question names it
    assert not gives_away(PLACE, WHO)  # "Rennes" among the choices states nothing


def test_leaks_are_marked_for_review_with_the_question_that_gives_them_away():
    b = SimpleNamespace(
        questions=[dict(q) for q in (HEADLINE, MONTHS, PLACE, WHO)], reasons={"chiffre-mois": "x"}
    )
    assert mark_leaks(b) == 2
    marked = {q["id"]: q.get("review") for q in b.questions}
    assert marked == {"essentiel": True, "chiffre-mois": True, "lieu-vitre": None, "qui-maire": None}
    assert b.reasons["chiffre-mois"] == "x; réponse écrite dans la question « essentiel »"
    assert "« qui-maire »" in b.reasons["essentiel"]
