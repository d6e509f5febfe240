"""A false statement that stays true, and a race time in words (a blind teacher-reader graded N
"plus de 10 kilomètres" made from "plus de 42 kilomètres", published dev13; the texts here are
invented)."""

from __future__ import annotations

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
