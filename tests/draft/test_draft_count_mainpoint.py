"""The main point hides what the story is about, never a side noun a reader guesses."""

from __future__ import annotations

import pytest

from quizgen.draft.bank import draft_questions
from quizgen.draft.pipeline import analyse

pytestmark = [pytest.mark.slow, pytest.mark.nlp]  # the French model


def _hidden(text: str, entities) -> list[str]:
    qs = draft_questions(analyse(text, entities), "a").questions
    return [q["text"].split("{{c1::")[1].split("}}")[0].split("::")[0] for q in qs if q["type"] == "cloze"]


def test_the_main_point_is_not_an_adjective_and_its_noun(entities):
    text = (
        "Depuis lundi, les habitants du quartier profitent enfin d'une nouvelle piscine. "
        "Les nageurs du club local s'y entraînent trois soirs par semaine avec leur entraîneur."
    )
    assert "nouvelle piscine" not in _hidden(text, entities)


def test_the_country_a_reader_guesses_is_never_a_blank(entities):
    text = (
        "Hier soir, l'équipe de handball de Cesson a offert à la France son premier titre européen. "
        "Les joueuses ont battu les Danoises en finale à Budapest."
    )
    hidden = _hidden(text, entities)
    assert hidden and "France" not in hidden, hidden


def test_a_lone_noun_after_grace_a_is_no_cause_to_ask(entities):
    text = (
        "Yves Carro, 52 ans, s'est fait connaître grâce à la sculpture, avec une exposition en 1998. "
        "Ses statues ont été vendues à Tokyo et à Montréal. Il prépare une exposition à Vannes."
    )
    assert "sculpture" not in _hidden(text, entities)


def test_obvious_blanks():
    from quizgen.draft.blanks import obvious

    assert obvious("France") and obvious("l'État") and obvious("Français")
    assert not obvious("Budapest") and not obvious("la chorale de Vitré")


def test_the_main_point_hides_no_title_and_no_person_a_role_question_asks(entities):
    text = (
        "Il y a deux jours, le nouveau maire de Quimperlé, Armand Le Goff, a inauguré une crèche. "
        "La directrice de la crèche, Odile Perrin, a remercié les parents."
    )
    hidden = _hidden(text, entities)
    assert not any("maire" in h or h == "Armand Le Goff" for h in hidden), hidden


def test_where_never_asks_the_country_a_reader_guesses(entities):
    text = (
        "Le club de Nantes a rejoint mardi la ligue régionale. Samedi, les rameurs Paul Hervé et "
        "Marc Jaouen ont offert à la France deux médailles à Lucerne. Ils rentreront à Nantes dimanche."
    )
    qs = draft_questions(analyse(text, entities), "a").questions
    assert not any(q.get("answer") == "la France" for q in qs), qs


def test_the_main_point_hides_no_role_the_sentence_gives(entities):
    text = (
        "L'armateur du chalutier, Loïc Penven, a vendu lundi son navire à une coopérative de Concarneau. "
        "Les marins ont appris la nouvelle sur le quai. "
        "Le maire Yann Kervella et la préfète Anne Rolland ont salué la reprise."
    )
    assert not any("armateur" in h for h in _hidden(text, entities))


def test_a_role_noun_in_the_complement_leaves_the_main_point_whole(entities):
    from quizgen.draft.mainpoint import _side
    from quizgen.draft.questions import Builder

    text = "Le conseil municipal de Vierzon a accepté lundi la démission du maire après six ans de mandat."
    b = Builder(analyse(text, entities), "a")
    x = text.index("démission")
    assert not _side(b, 0, x, x + len("démission du maire"))  # the head, "démission", is no role
    text = "Le conseil municipal de Vierzon a salué lundi soir le nouveau maire de la ville."
    b = Builder(analyse(text, entities), "a")
    x = text.index("nouveau")
    assert _side(b, 0, x, x + len("nouveau maire de la ville"))  # a title alone
