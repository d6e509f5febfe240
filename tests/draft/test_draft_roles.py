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
    text = "C’est désormais officiel. Mauricio Pochettino est le nouveau coach de Chelsea."
    assert _roles(text, entities) == {("Mauricio Pochettino", "nouveau coach de Chelsea")}


def test_a_relation_and_a_count_are_not_roles(entities):
    text = (
        "Elton John voyagera avec son mari David Furnish. "
        "Il y explique que dans Paris, il n’y a pour le moment qu’un seul Leclerc."
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
    text = "Christophe Ferrari, président (DVG) de la métropole de Grenoble, a reçu les salariés."
    assert _roles(text, entities) == {("Christophe Ferrari", "président (DVG) de la métropole de Grenoble")}


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
        "Le film a reçu la Palme d’or. La réaction de la ministre de la Culture ne se fait pas attendre. "
        "Rima Abdul Malak n’est pas à Cannes, mais elle réagit dans la soirée."
    )
    guesses = _guesses(text, entities)
    assert guesses[("Rima Abdul Malak", "ministre de la Culture")]  # with its reason, for review


def test_a_title_alone_as_subject_is_the_person_of_the_sentence_before(entities):
    text = (
        "Didier Deschamps a convoqué 24 joueurs mardi. "
        "Face à la concurrence, le sélectionneur de l’équipe de France a justifié ses choix."
    )
    guesses = _guesses(text, entities)
    assert guesses[("Didier Deschamps", "sélectionneur de l’équipe de France")]


def test_a_title_alone_beside_another_named_person_is_not_guessed(entities):
    text = (
        "M. Macron sera accueilli mardi et s’entretiendra avec le président américain. "
        "Mme Trump a choisi le Washington National Opera pour le dîner."
    )
    assert not any("président" in role for _person, role in _guesses(text, entities))


def test_roles_written_after_a_name_and_joined_by_et(entities):
    text = (
        "« Quarante jours », déclare Christophe Ferrari, président de la métropole de Grenoble "
        "et maire de Pont-de-Claix, où se trouve l’usine. Peter Horby, principal responsable de l’essai, "
        "a déclaré : « c’est décevant »."
    )
    roles = _guesses(text, entities)
    assert ("Christophe Ferrari", "maire de Pont-de-Claix") in roles
    assert ("Peter Horby", "principal responsable de l’essai") in roles
    assert not any(roles.values())  # written, not guessed


def test_the_role_a_person_is_appointed_to(entities):
    text = "Le club a tranché. Ronald Koeman a officiellement été nommé entraîneur du Barça ce mercredi."
    assert ("Ronald Koeman", "entraîneur du Barça") in _guesses(text, entities)


def test_a_role_loses_an_age_or_a_cause_written_after_it(entities):
    text = (
        "L’Argentin succède à Frank Lampard, coach intérimaire suite au départ de Graham Potter. "
        "Il sera en charge de relancer la machine londonienne."
    )
    assert ("Frank Lampard", "coach intérimaire") in _guesses(text, entities)


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
