"""A false statement that stays true, and a race time in words (a blind teacher-reader graded N
"plus de 10 kilomètres" made from "plus de 42 kilomètres", published dev13; the texts here are
invented)."""

from __future__ import annotations

import pytest

from quizgen.draft.figures import Figure
from quizgen.draft.pipeline import analyse
from quizgen.draft.statements import still_true


def _fig(text: str, figure: str, value: float) -> Figure:
    at = text.index(figure)
    return Figure("count", at, at + len(figure), figure, value, "kilomètres")


def test_a_bound_made_false_takes_a_figure_that_breaks_it():
    text = "Les coureurs ont parcouru plus de 42 kilomètres, puis moins de 12 kilomètres le lendemain."
    more, less = _fig(text, "42 kilomètres", 42), _fig(text, "12 kilomètres", 12)
    ten, hundred = Figure("count", 0, 0, "10 kilomètres", 10, "kilomètres"), Figure(
        "count", 0, 0, "100 kilomètres", 100, "kilomètres"
    )
    assert still_true(text, more, ten) and not still_true(text, more, hundred)
    assert still_true(text, less, hundred) and not still_true(text, less, ten)


def test_pas_plus_de_is_an_upper_bound():
    text = "Le parcours ne fait pas plus de 12 kilomètres."
    twelve = _fig(text, "12 kilomètres", 12)
    assert still_true(text, twelve, Figure("count", 0, 0, "42 kilomètres", 42, "kilomètres"))


def test_an_exact_figure_takes_any_other():
    text = "Les coureurs ont parcouru 42 kilomètres."
    assert not still_true(text, _fig(text, "42 kilomètres", 42), Figure("count", 0, 0, "10 km", 10, "km"))


def test_a_race_time_in_words_is_one_duration():
    a = analyse("Le marathon a été remporté par Guillaume Ruel en 2h 28 minutes et 40 secondes.")
    assert [(f.kind, f.text) for f, _si in a.figures] == [("duration", "2h 28 minutes et 40 secondes")]


def _questions(text: str) -> list[dict]:
    from quizgen.draft.bank import draft_questions

    return draft_questions(analyse(text), "a").questions


def test_no_gap_hides_words_of_the_headline():
    # The headline is the bank's title, shown with every question (published dev: "Le {{FC
    # Barcelone}} choisit Ronald Koeman …" under the headline "Le FC Barcelone choisit …").
    from quizgen.draft.blanks import in_headline
    from quizgen.draft.questions import Builder

    text = "Rosny : fermeture de classes à l'école du Centre\n\nLa rectrice a annoncé la fermeture."
    b = Builder(analyse(text), "a")
    assert in_headline(b, "la fermeture de classe") and in_headline(b, "l'école du Centre")
    assert not in_headline(b, "la rectrice")


def test_no_statement_is_made_of_the_headline():
    text = (
        "Comment les résultats du FN ont secoué le milieu de la culture à Avignon\n\n"
        "Le directeur du festival, Olivier Py, a dit craindre de devoir délocaliser l'événement."
    )
    assert not [q for q in _questions(text) if q["type"] == "true_false" and "Avignon" in q["statement"]]


def test_no_figure_of_the_headline_is_asked():
    text = (
        "Le gifleur condamné à 3 mois de prison\n\n"
        "Le jeune homme qui a giflé le ministre a été condamné mardi à 3 mois de prison ferme."
    )
    assert not [q for q in _questions(text) if q["type"] == "numeric"]


@pytest.mark.slow
@pytest.mark.nlp
def test_words_woven_into_a_sentence_ask_who_with_the_name_and_role_blanked(entities):
    from quizgen.draft.bank import draft_questions

    text = (
        "Les oppositions critiquent les annonces du gouvernement\n\n"
        "« Tout ça pour ça », a déploré Damien Abad, le chef des députés LR. "
        "« Rien sur la vaccination », a regretté Fabien Roussel, le secrétaire national du PCF.\n\n"
        "Le chef de file des Insoumis Jean-Luc Mélenchon juge ces mesures comme « encore du temps perdu »."
    )
    who = [q for q in draft_questions(analyse(text, entities), "a").questions if q["id"].startswith("qui-")]
    assert [q["answer"] for q in who] == ["Jean-Luc Mélenchon"]
    assert "« _____ juge ces mesures" in who[0]["prompt"]
    assert {"Damien Abad", "Fabien Roussel"} <= set(who[0]["choices"])


def test_a_number_before_a_day_of_the_week_counts_no_days():
    # "alors que l'on était à 800 mercredi dernier" (dev3): 800 is no count of "mercredi".
    from quizgen.draft.figures import find_figures

    text = "Le taux a atteint 2 500, « alors que l’on était à 800 mercredi dernier »."
    assert not [f for f in find_figures(text) if f.unit == "mercredi"]
