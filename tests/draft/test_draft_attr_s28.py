"""Genders read off given names (French usage first), and a given name alone as the subject of a
verb (published dev12 showed "« … », explique-t-elle" given to the man who spoke before, when a
woman named only by her first name had just been brought in; the texts here are invented)."""

from __future__ import annotations

from quizgen.draft.firstnames import given_name_gender
from quizgen.draft.pipeline import analyse


def said(text: str) -> list[tuple[str | None, bool]]:
    """(speaker or None, review) of each quotation."""
    return [(a.speaker.name if a.speaker else None, a.review) for a in analyse(text).attributions]


def test_the_gender_of_a_given_name_is_read_as_the_french_write_it():
    # "Marion" is listed as a man's name in English, "Jean" as a woman's, "Simone" as a man's in
    # Italian: in French they are a woman's, a man's and a woman's. Either gender: no guess.
    assert [given_name_gender(n) for n in ("Marion", "Jean", "Simone", "Cédric", "Jean-Luc Roy")] == [
        "f",
        "m",
        "f",
        "m",
        "m",
    ]
    assert [given_name_gender(n) for n in ("Camille", "Dominique", "Claude", "Zorglub")] == [None] * 4


def test_elle_is_not_the_man_who_spoke_before_but_the_woman_the_story_brings_in():
    text = (
        "« Nous avons doublé le public », se félicite Thierry Gaudin, le directeur du salon.\n"
        "Sophie a visité les trois jours du salon. "
        "« J'ai adoré l'ambiance et je reviendrai », confie-t-elle."
    )
    assert said(text) == [("Thierry Gaudin", False), ("Sophie", True)]


def test_a_given_name_of_either_gender_alone_is_not_made_a_person():
    text = (
        "« Nous avons doublé le public », se félicite Thierry Gaudin, le directeur du salon.\n"
        "Camille a visité les trois jours du salon. "
        "« J'ai adoré l'ambiance et je reviendrai », confie-t-elle."
    )
    assert "Camille" not in [s for s, _r in said(text)]


def test_a_man_named_by_his_full_name_is_not_elle_even_when_he_spoke_last():
    text = (
        "« Le chantier est fini », annonce Laurent Perrin, le maire.\n"
        "La salle applaudit longuement. "
        "« C'est un beau jour pour le village », ajoute-t-elle."
    )
    assert said(text)[1][0] != "Laurent Perrin"


def test_praise_and_an_account_are_speech_verbs_for_the_words_they_quote():
    text = (
        "Au nom du Département, Hélène Marchal a loué « l'audace de cette petite commune ». "
        "Le maire, Paul Girard, a retracé l'histoire du projet depuis « la première réunion de 2019 »."
    )
    assert [s for s, _r in said(text)] == ["Hélène Marchal", "Paul Girard"]


def test_a_sub_heading_with_the_words_of_a_quotation_in_another_order_takes_its_speaker():
    text = (
        "M. Jean Roux a parlé des secours.\n\n"
        "« Nous sommes épuisés et soulagés »\n\n"
        "Le commandant Paul Dimitri reconnaît que tout a été vite. "
        "« Nous sommes soulagés, épuisés et fiers de l'équipe », conclut-il.\n"
    )
    atts = analyse(text).attributions
    assert [a.speaker.name if a.speaker else None for a in atts] == ["Paul Dimitri", "Paul Dimitri"]
    assert atts[0].rule == "echo" and atts[0].review


def test_a_sub_heading_is_no_echo_of_words_that_deny_it():
    text = (
        "M. Jean Roux a parlé des secours.\n\n"
        "« Nous sommes épuisés et soulagés »\n\n"
        "Le commandant Paul Dimitri reconnaît que tout a été vite. "
        "« Nous ne sommes pas soulagés, épuisés et fiers », conclut-il.\n"
    )
    assert analyse(text).attributions[0].speaker is None


def test_words_a_participle_of_saying_gives_to_its_agent_are_the_agents():
    text = (
        "Le débat a tourné court. Une « attitude irresponsable » dénoncée par la sénatrice Claire "
        "Fontaine, qui a quitté la salle."
    )
    assert said(text) == [("Claire Fontaine", False)]


def test_a_participle_of_doing_before_par_gives_no_speaker():
    text = "La « maison du bonheur » construite par Paul Girard a ouvert ses portes."
    assert [s for s, _r in said(text)] == [None]


def test_before_anyone_speaks_a_quotation_takes_the_one_person_the_sentence_before_brings_in():
    text = (
        "Le festival de contes revient cette année au château de Blois.\n"
        "La ville a confié son organisation à une association présidée par Marc Lemoine, professeur "
        "de lettres. « Notre but est de faire lire les enfants. » Le festival ouvre samedi."
    )
    assert said(text) == [("Marc Lemoine", True)]


def test_a_quotation_alone_after_a_sentence_naming_two_people_takes_neither():
    text = (
        "Le festival de contes revient cette année au château de Blois.\n"
        "La ville a confié son organisation à Marc Lemoine, professeur, et à Julie Caron, professeure. "
        "« Notre but est de faire lire les enfants. » Le festival ouvre samedi."
    )
    assert said(text) == [(None, False)]


def test_a_sub_heading_that_adds_a_lead_in_to_the_words_below_takes_their_speaker():
    text = (
        "Les orages ont frappé la ville mardi soir.\n\n"
        "« Avec ces orages, nous avons dû évacuer toutes les maisons du bas de la rue »\n\n"
        "Le commandant Paul Dimitri reconnaît que tout a été vite. "
        "« Nous avons dû évacuer toutes les maisons du bas de la rue en une heure », conclut-il.\n"
    )
    atts = analyse(text).attributions
    assert [a.speaker.name if a.speaker else None for a in atts] == ["Paul Dimitri", "Paul Dimitri"]
    assert atts[0].rule == "echo" and atts[0].review


def test_a_role_with_a_lower_case_complement_before_a_name_is_the_whole_title():
    a = analyse("Le ministre de la santé Aurélien Rousseau a reçu les pharmaciens vendredi.")
    person = a.registry.person("Aurélien Rousseau")
    assert person is not None and person.gender == "m"
    assert person.roles == ["ministre de la santé"]


def test_a_french_given_name_outweighs_the_article_of_a_noun_before_it():
    from quizgen.draft.speakers import Registry

    registry = Registry()
    # "la bibliothèque François Mitterrand": the article is the library's, not his.
    registry.add_person(["François", "Mitterrand"], 0, gender="f", role="bibliothèque", apposition=False)
    # "Yury" is listed as a woman's name in some locale, not in a French one: the text decides.
    registry.add_person(["Yury", "Ushakov"], 40, gender="m", role="assistant", apposition=False)
    registry.add_person(["Marion", "Roux"], 80)
    genders = {p.name: p.gender for p in registry.persons()}
    assert genders == {"François Mitterrand": "m", "Yury Ushakov": "m", "Marion Roux": "f"}


def test_a_relative_without_a_comma_before_a_colon_speaks_for_its_antecedent():
    text = (
        "« C'était grisant », ajoute la gymnaste Léa Morin qui le reconnaît : "
        "« Ce ne sont pas mes meilleures performances. »"
    )
    assert [s for s, _r in said(text)] == ["Léa Morin", "Léa Morin"]
