"""Where the article got its facts is not asked about (invented sentences)."""

from __future__ import annotations

import pytest

from quizgen.draft.trivia import standalone
from tests.draft.test_draft_usable import questions


@pytest.mark.slow
@pytest.mark.nlp
def test_where_the_article_got_its_facts_is_not_asked(entities):
    # Invented: "selon [le Conseil départemental]" names a source, no fact to learn.
    text = (
        "Le gymnase de Villebrune a été fermé mardi, a-t-on appris auprès de la Préfecture des Landes. "
        "Les travaux de réparation dureront tout l'hiver, selon le Conseil départemental des Landes. "
        "Le club de basket de Villebrune jouera ses matchs à Dax."
    )
    said = [str(q.get("text") or q.get("prompt") or "") for q in questions(text, entities)]
    assert not [s for s in said if "{{c1::Conseil" in s or "{{c1::Préfecture" in s], said


def test_a_source_after_a_speech_verb_and_a_preposition_and_a_verb_opening_a_quotation():
    from quizgen.draft.trivia import a_source

    # Invented: "a precise" as the page typed it (no accent), "au Parisien".
    for said, name in (("a precise à l'AFP le maire", "AFP"), ("a déclaré au Courrier le maire", "Courrier")):
        x = said.index(name)
        assert a_source(said, x, x + len(name)), said
    said = "Le club a annoncé l'arrivée de Marc Dantin."
    assert not a_source(said, said.index("Marc"), said.index("Marc") + 11)
    assert not standalone("s'adresser aux habitants lors d'une réunion publique à la mairie jeudi soir")
    assert standalone("s'il le faut, nous irons jusqu'au bout pour sauver notre école du village")


def test_the_programme_a_guest_spoke_on_is_a_source():
    from quizgen.draft.trivia import a_source

    said = "Invitée mercredi de Radio Villebrune, la maire a défendu son budget."
    x = said.index("Radio")
    assert a_source(said, x, x + len("Radio Villebrune"))


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("La conférence de presse s'est tenue à Bordeaux", "Bordeaux"),
        ("Les invités ont dîné avec Emmanuel Macron", "Emmanuel Macron"),
        ("Le communiqué du groupe annonce la fermeture de l'usine de Caudry", "Caudry"),
        ("Elle a travaillé auprès des enfants malades de Lyon", "Lyon"),
        ("Il a appris le métier à Toulouse", "Toulouse"),
        ("Invitée à la cérémonie organisée à Lyon, la ministre", "Lyon"),
    ],
)
def test_a_fact_near_a_word_of_the_press_is_no_source(said: str, name: str) -> None:
    from quizgen.draft.trivia import a_source

    x = said.index(name)
    assert not a_source(said, x, x + len(name))


@pytest.mark.parametrize(
    ("said", "name"),
    [
        ("a-t-on appris auprès de la préfecture du Nord", "préfecture du Nord"),
        ("a indiqué dans un communiqué de la mairie", "mairie"),
        ("a-t-elle expliqué au micro de Radio Villebrune", "Radio Villebrune"),
        ("a-t-il expliqué lors d'une conférence de presse de la gendarmerie", "gendarmerie"),
        ("a declare à l’AFP le maire", "AFP"),  # the accent the page left out
    ],
)
def test_where_the_article_got_a_fact_is_a_source(said: str, name: str) -> None:
    from quizgen.draft.trivia import a_source

    x = said.index(name)
    assert a_source(said, x, x + len(name)), said
