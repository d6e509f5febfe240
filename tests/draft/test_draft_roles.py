"""Roles read from the parse: titles before and after names, a copula; not relations (slow: model)."""

from __future__ import annotations

import pytest

from quizgen.draft.pipeline import analyse

pytestmark = [pytest.mark.slow, pytest.mark.nlp]


def _roles(text: str, entities) -> set[tuple[str, str]]:
    return {(r.person, r.role) for r in analyse(text, entities).roles}


def test_a_title_written_before_the_name(entities):
    text = "La ministre de la Culture Jeanne Martin a inauguré le musée mardi."
    assert ("Jeanne Martin", "ministre de la Culture") in _roles(text, entities)


def test_a_title_written_after_the_name(entities):
    text = "Jeanne Martin, maire de Lyon, a inauguré le musée mardi."
    assert _roles(text, entities) == {("Jeanne Martin", "maire de Lyon")}


def test_a_title_the_parser_hangs_on_the_verb(entities):
    text = "Le FC Barcelone a officialisé l’arrivée de Ronald Koeman, ancien sélectionneur des Pays-Bas."
    assert _roles(text, entities) == {("Ronald Koeman", "ancien sélectionneur des Pays-Bas")}


def test_a_role_given_by_a_copula(entities):
    text = "C’est désormais acté. Olivier Garnier est le nouveau chef de l’Opéra de Lyon."
    assert _roles(text, entities) == {("Olivier Garnier", "nouveau chef de l’Opéra de Lyon")}


def test_a_relation_and_a_count_are_not_roles(entities):
    text = (
        "Lucie Bernard voyagera avec son mari Hugo Perrin. "
        "Elle y rappelle qu’à Rouen, il n’existe pour l’instant qu’un seul Monoprix."
    )
    assert _roles(text, entities) == set()


def test_a_role_two_people_share_gives_no_question(entities):
    from quizgen.draft.questions import Builder

    text = (
        "Selon le journal, Jeanne Martin est la maire de Lyon. "
        "Pour le site, Paul Durand est le maire de Lyon."
    )
    analysis = analyse(text, entities)
    assert {r.person for r in analysis.roles} == {"Jeanne Martin", "Paul Durand"}
    b = Builder(analysis, "a")
    b.roles()
    assert b.questions == []  # "qui est le maire de Lyon ?" has two answers


def test_a_role_with_a_party_in_brackets_and_a_place(entities):
    text = "Sylvie Caron, présidente (LR) du conseil départemental du Gers, a reçu les commerçants."
    assert _roles(text, entities) == {("Sylvie Caron", "présidente (LR) du conseil départemental du Gers")}


def test_an_adjective_club_or_party_after_a_name_is_not_a_role(entities):
    text = (
        "Hatim Sbai, bien conscient du problème, a parlé. "
        "Deschamps a convoqué Léo Dubois (OL) et Jean-Jacques Bridey, ex-PS."
    )
    assert _roles(text, entities) == set()


def test_a_role_after_a_speakers_name_the_parser_hangs_on_the_verb(entities):
    text = "« On vient vous voir », explique Léo Tessier, médiateur scientifique."
    assert _roles(text, entities) == {("Léo Tessier", "médiateur scientifique")}


def _guesses(text: str, entities) -> dict[tuple[str, str], str | None]:
    return {(r.person, r.role): r.guess for r in analyse(text, entities).roles}


def test_a_title_alone_tied_to_the_subject_named_next_is_a_guess(entities):
    text = (
        "Le festival a battu son record d’entrées. Le commentaire de la ministre des Sports ne tarde pas. "
        "Hélène Garrigue n’est pas à Nantes, mais elle publie un message le soir même."
    )
    guesses = _guesses(text, entities)
    assert guesses[("Hélène Garrigue", "ministre des Sports")]  # with its reason, for review


def test_a_title_alone_as_subject_is_the_person_of_the_sentence_before(entities):
    text = (
        "Bernard Lacombe a retenu 14 rameurs jeudi. "
        "Face aux critiques, l’entraîneur de l’équipe d’aviron a défendu sa liste."
    )
    guesses = _guesses(text, entities)
    assert guesses[("Bernard Lacombe", "entraîneur de l’équipe d’aviron")]


def test_a_title_alone_beside_another_named_person_is_not_guessed(entities):
    text = (
        "M. Leblanc sera reçu jeudi et rencontrera le président du département. "
        "Mme Navarro a choisi l’Opéra de Bordeaux pour la soirée."
    )
    assert not any("président" in role for _person, role in _guesses(text, entities))


def test_roles_written_after_a_name_and_joined_by_et(entities):
    text = (
        "« Trois mois », déclare Gilles Perrot, président du syndicat des eaux "
        "et maire de Saint-Égrève, où se trouve la station. Laura Mendès, principale autrice de l’étude, "
        "a déclaré : « c’est encourageant »."
    )
    roles = _guesses(text, entities)
    assert ("Gilles Perrot", "maire de Saint-Égrève") in roles
    assert ("Laura Mendès", "principale autrice de l’étude") in roles
    assert not any(roles.values())  # written, not guessed


def test_the_role_a_person_is_appointed_to(entities):
    text = (
        "Le conseil a tranché. Nadia Berthier a officiellement été nommée directrice du conservatoire "
        "ce vendredi."
    )
    assert ("Nadia Berthier", "directrice du conservatoire") in _guesses(text, entities)


def test_a_role_loses_an_age_or_a_cause_written_after_it(entities):
    text = (
        "Le Belge succède à Marc Tessier, directeur intérimaire suite au départ de Julien Favre. "
        "Il devra redresser les comptes du théâtre."
    )
    assert ("Marc Tessier", "directeur intérimaire") in _guesses(text, entities)


def test_a_title_alone_is_not_tied_to_a_person_of_the_other_gender(entities):
    text = (
        "Mme Claire Martin a inauguré le stade samedi. "
        "Face à la presse, le président du club a ensuite annoncé un nouveau projet."
    )
    assert not any("président" in role for _person, role in _guesses(text, entities))
    text = text.replace("Mme Claire Martin", "M. Paul Martin")
    assert _guesses(text, entities).get(("Paul Martin", "président du club"))  # guessed, with its reason


def test_a_role_is_never_cut_from_its_noun_nor_another_persons_name(entities):
    # Invented sentences.
    text = (
        "Après le déplacement du Premier ministre Paul Durand à Villebrune, le premier adjoint au "
        "maire Luc Vidal a reçu mardi le sénateur Marc Dantin et la championne Léa Roux, première."
    )
    roles = _roles(text, entities)
    assert not [r for p, r in roles if r.lower().startswith(("du ", "au ", "à "))], roles
    assert not [r for p, r in roles if "Marc Dantin" in r or r == "première"], roles


def test_a_role_given_by_a_copula_without_article_and_without_its_since_when(entities):
    # Invented: French states a function with no article ("est directrice de …"); "depuis 2019"
    # says since when, not what the role is. "est un grand nom" is no function.
    text = "Jeanne Morel est directrice de la médiathèque depuis 2019. Paul Girard est un grand nom du jazz."
    assert _roles(text, entities) == {("Jeanne Morel", "directrice de la médiathèque")}


def test_a_one_word_office_before_the_name_is_a_role_but_not_a_vague_title(entities):
    # Invented: "préfète", "sénateur" say the whole function; "président" of what?
    text = (
        "La préfète Anne Colin et le sénateur Jean Bosc ont inauguré le pont de Millau-sur-Tarn. "
        "Le président Marc Vidal était absent."
    )
    assert _roles(text, entities) == {("Anne Colin", "préfète"), ("Jean Bosc", "sénateur")}
