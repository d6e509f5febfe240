"""Side dates and durations between events are no key fact (invented sentences)."""

from __future__ import annotations

from quizgen.draft.figures import find_figures
from quizgen.draft.trivia import between_events, side_date


def _fig(text: str, kind: str):
    return next(f for f in find_figures(text) if f.kind == kind)


def test_a_past_day_or_month_beyond_the_lead_is_a_side_date():
    s = "En octobre, la chorale avait déjà quitté la salle des fêtes."
    assert side_date(_fig(s, "date"), s, s[: _fig(s, "date").start], 1, lead=False)
    s = "Les rameurs ont repris l'entraînement le 12 avril."
    assert side_date(_fig(s, "date"), s, s[: _fig(s, "date").start], 1, lead=False)
    assert not side_date(_fig(s, "date"), s, s[: _fig(s, "date").start], 1, lead=True)


def test_a_year_alone_or_a_date_to_come_is_a_fact():
    s = "Le phare avait été repeint en 1974."
    assert not side_date(_fig(s, "date"), s, s[: _fig(s, "date").start], 1, lead=False)
    s = "La foire aux vins se tiendra le 9 octobre."
    assert not side_date(_fig(s, "date"), s, s[: _fig(s, "date").start], 1, lead=False)
    s = "Une réunion est prévue le 2 février."
    assert not side_date(_fig(s, "date"), s, s[: _fig(s, "date").start], 1, lead=False)
    s = "Un second vote pourrait avoir lieu le 2 février."
    assert not side_date(_fig(s, "date"), s, s[: _fig(s, "date").start], 1, lead=False)
    s = "Le bac à sable est fermé depuis le 2 février."
    assert not side_date(_fig(s, "date"), s, s[: _fig(s, "date").start], 1, lead=False)


def test_every_date_of_a_timeline_sentence_is_a_side_date():
    s = "Le club de voile avait gagné en 1998 puis en 2003."
    assert side_date(_fig(s, "date"), s, s[: _fig(s, "date").start], 2, lead=True)


def test_the_time_between_two_events_is_no_fact():
    s = "Une fouille du terrain a été lancée trois jours après la plainte du voisin."
    assert between_events(s, _fig(s, "duration"))
    s = "Le chantier du pont durera trois ans."
    assert not between_events(s, _fig(s, "duration"))


def test_a_state_since_a_date_is_a_fact_at_the_start_of_a_sentence_too():
    s = "Depuis le 3 mars, la piscine municipale est fermée au public."
    assert not side_date(_fig(s, "date"), s, s[: _fig(s, "date").start], 1, lead=False)


def test_a_future_word_far_from_the_date_does_not_make_it_a_fact():
    s = "Les plans, publiés dans notre numéro du 12 mai dernier, devraient changer dans trois semaines."
    assert side_date(_fig(s, "date"), s, s[: _fig(s, "date").start], 1, lead=False)
