"""Pronouns a draft replaces so a sentence reads alone (invented sentences)."""

from __future__ import annotations

import pytest

from quizgen.draft.pipeline import analyse
from quizgen.draft.textbits import leans_back
from tests.draft.test_draft_usable import _people, questions


def test_a_pronoun_opening_a_sentence_is_replaced_by_the_person_the_sentence_before_names():
    from quizgen.draft.openings import opening

    text = (
        "Paul Durand a présenté mardi le nouveau budget de la commune de Lorient. "
        "Il y annonce une hausse de 3 millions d’euros pour les écoles. "
        "Mais le conseil municipal a rejeté ce budget par 15 voix contre 14. "
        "Elle aura lieu le 9 juillet."
    )
    a = analyse(text, _people)
    fix = opening(a, 1)
    assert fix is not None and fix.text == "[Paul Durand]" and "Paul Durand" in fix.why
    assert fix.apply("Il y annonce une hausse") == "[Paul Durand] y annonce une hausse"
    assert opening(a, 2).apply("Mais le conseil municipal a rejeté") == "Le conseil municipal a rejeté"
    assert opening(a, 3) is None  # "Elle": Paul Durand is no "elle", and the sentence names no one
    numeric = [q for q in questions(text, _people) if q["type"] == "numeric" and q["answer"] == 3]
    assert numeric and numeric[0]["prompt"].startswith("D’après l’article : « [Paul Durand] y annonce")
    assert numeric[0]["review"]


def test_il_faudra_points_to_no_one():
    # Invented: "il faudra" is impersonal, like "il faut": no person stands for "il".
    assert not leans_back("Il faudra attendre la fin des travaux pour traverser le pont.")
    assert not leans_back("Il y aura des navettes gratuites tout l’été.")


@pytest.mark.slow
@pytest.mark.nlp
def test_il_or_elle_standing_for_the_thing_the_sentence_before_is_about(entities):
    from quizgen.draft.openings import opening

    # Invented: "Elle" is the footbridge, the one feminine noun phrase before, subject of its verb.
    text = (
        "La nouvelle passerelle du port de Vannes a ouvert au public samedi. "
        "Elle mesure 120 mètres et a coûté 4 millions d’euros. "
        "Le maire a inauguré le chantier du marché couvert. "
        "Elle ouvrira en mars."
    )
    a = analyse(text, entities)
    fix = opening(a, 1)
    assert fix is not None and fix.text == "[La nouvelle passerelle du port de Vannes]", fix
    assert "sujet de la phrase précédente" in fix.why
    assert opening(a, 3) is None  # "Le maire", "le chantier": no feminine subject to stand for "Elle"


@pytest.mark.slow
@pytest.mark.nlp
def test_a_pronoun_after_a_verbless_opening_phrase_is_the_sentence_s_subject(entities):
    from quizgen.draft.openings import opening

    # Invented: "elle" after "Fin mai," stands for nothing the sentence before names in the feminine
    # (the parser may take "Fin" for the root): not asked, rather than asked with "elle" unresolved.
    text = (
        "Plusieurs clichés ont été publiés par des amateurs. "
        "Début juin, elle sera à son périhélie, au plus proche du Soleil."
    )
    assert opening(analyse(text, entities), 1) is None


def test_elle_never_stands_for_a_man_of_unknown_gender():
    from quizgen.draft.openings import _may_be

    # Invented: "… ajoute Jean-Marc Collin. Lundi, elle est passée à 3 km de la Lune.": the probe.
    assert not _may_be("Jean-Marc Collin", None, "f")
    assert _may_be("Léa Collin", None, "f") and _may_be("Jean-Marc Collin", None, "m")
    assert not _may_be("Marie Dupont", "m", "f")  # a gender read from the text wins


@pytest.mark.slow
@pytest.mark.nlp
def test_ils_stands_for_the_plural_subject_named_again_as_definite(entities):
    from quizgen.draft.openings import opening

    # Invented: "Ils" is the residents; "Elle" the march, named again with "la", not "une".
    a = analyse(
        "Des habitants du quartier occupent la mairie depuis lundi. "
        "Ils réclament la réouverture du bureau de poste.",
        entities,
    )
    assert opening(a, 1).text == "[Les habitants du quartier]"
    a = analyse(
        "Une marche de soutien a été organisée dimanche à Brest. Elle a réuni 2 000 personnes.", entities
    )
    assert opening(a, 1).text == "[La marche de soutien]"
    a = analyse("Un incendie a détruit un entrepôt à Lyon. Il a été maîtrisé vers midi.", entities)
    assert opening(a, 1) is None  # the fire or the warehouse: which one?


@pytest.mark.slow
@pytest.mark.nlp
def test_a_man_named_beside_the_subject_is_no_elle(entities):
    from quizgen.draft.openings import opening

    # Invented: "Elle" is the list; Paul Girard, named in passing, cannot be "elle".
    text = (
        "La liste écologiste emmenée par Paul Girard remporte le premier tour du scrutin. "
        "Elle devance de 40 voix le candidat sortant."
    )
    assert opening(analyse(text, entities), 1).text == "[La liste écologiste]"


@pytest.mark.slow
@pytest.mark.nlp
def test_a_pronoun_before_anyone_is_named_points_to_the_first_person_named_after_it(entities):
    text = (
        "« Le chantier prendra deux ans de plus que prévu, nous l'assumons », affirme-t-elle. "
        "La directrice du port détaille ensuite le nouveau calendrier des travaux.\n\n"
        "Selon Nadège Fournel, « les premiers bateaux pourront accoster en 2028 ».\n"
    )
    first = analyse(text, entities).attributions[0]
    assert first.speaker is not None and first.speaker.name == "Nadège Fournel"
    assert first.review and "Nadège Fournel" in first.why


@pytest.mark.slow
@pytest.mark.nlp
def test_a_pronoun_after_someone_is_named_does_not_look_ahead(entities):
    text = (
        "Le port de Brest attend ses premiers bateaux. Selon Paul Girard, « rien n'est prêt ». "
        "« Nous l'assumons », affirme-t-elle. Nadège Fournel dirige le port depuis mars.\n"
    )
    atts = analyse(text, entities).attributions
    assert atts[1].speaker is None or atts[1].speaker.name != "Nadège Fournel"


@pytest.mark.slow
@pytest.mark.nlp
def test_il_after_a_sentence_that_brings_in_one_new_person_is_that_person(entities):
    text = (
        "« Le chantier nous a épuisés », confie Marc Olier, maçon depuis vingt ans. "
        "« Je veux changer de métier », ajoute-t-il.\n\n"
        "Le constat est le même pour Sylvain Roche, 52 ans, qui a connu trois patrons successifs. "
        "« On ne sait plus pour qui on travaille », soupire-t-il.\n"
    )
    last = analyse(text, entities).attributions[-1]
    assert last.speaker is not None and last.speaker.name == "Sylvain Roche" and last.review


@pytest.mark.slow
@pytest.mark.nlp
def test_il_stays_with_the_speaker_when_the_sentence_between_is_about_him(entities):
    text = (
        "« Nous sommes inquiets », a expliqué Paul Roy mardi. Il a longtemps travaillé avec Jean "
        "Martin. « On ne lâchera rien », ajoute-t-il.\n"
    )
    last = analyse(text, entities).attributions[-1]
    assert last.speaker is not None and last.speaker.name == "Paul Roy"


@pytest.mark.slow
@pytest.mark.nlp
def test_a_possessive_subject_before_a_colon_speaks_for_its_owner(entities):
    text = (
        "La mairie cherche un repreneur pour l'épicerie. Car Louis Ferrand, épicier depuis 30 ans, "
        "ferme boutique en juin. Son départ est préparé depuis longtemps : « Je veux enfin voyager "
        "avec ma femme. »\n"
    )
    (att,) = analyse(text, entities).attributions
    assert att.speaker is not None and att.speaker.name == "Louis Ferrand" and att.review
