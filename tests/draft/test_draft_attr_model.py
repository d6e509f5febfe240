"""Roles and speakers read with the model's help, on short invented texts (slow: model)."""

from __future__ import annotations

import pytest

from quizgen.draft.pipeline import analyse
from quizgen.draft.writtenroles import written_roles

pytestmark = [pytest.mark.slow, pytest.mark.nlp]


def test_a_long_written_role_is_not_cut_inside_a_hyphenated_name(entities):
    text = (
        "L'alerte vient aussi de Julie Fabre, directrice du centre régional de recherche médicale "
        "de l'AP-HM, selon qui « la saison sera rude »."
    )
    a = analyse(text, entities)
    found = written_roles(a.article.text, a.tokens, a.ner, a.registry)
    expected = "directrice du centre régional de recherche médicale de l'AP-HM"
    assert [role for _pos, _key, role, _app, _det in found] == [expected]


def _roles(text: str, entities) -> set[tuple[str, str]]:
    return {(r.person, r.role) for r in analyse(text, entities).roles}


def test_et_joining_two_complements_of_one_role_keeps_the_whole_role(entities):
    text = (
        "Le glacier fond plus vite que prévu, a expliqué Marc Vasseur, conseiller pour la "
        "recherche et l'innovation au Parc national des Écrins."
    )
    role = "conseiller pour la recherche et l'innovation au Parc national des Écrins"
    assert _roles(text, entities) == {("Marc Vasseur", role)}


def test_a_one_word_profession_and_an_office_joined_by_et_are_one_role(entities):
    text = "Le glacier fond, a expliqué Nora Vasseur, médecin et directrice du Parc national des Écrins."
    assert _roles(text, entities) == {("Nora Vasseur", "médecin et directrice du Parc national des Écrins")}


def test_two_offices_with_their_complements_joined_by_et_stay_two_roles(entities):
    text = "Le glacier fond, a expliqué Nora Vasseur, maire de Briançon et présidente du Parc des Écrins."
    assert _roles(text, entities) == {
        ("Nora Vasseur", "maire de Briançon"),
        ("Nora Vasseur", "présidente du Parc des Écrins"),
    }


def test_a_scientist_profession_written_after_a_name(entities):
    text = "Le glacier fond, a expliqué Nora Vasseur, glaciologue à l'université de Grenoble."
    assert _roles(text, entities) == {("Nora Vasseur", "glaciologue à l'université de Grenoble")}


def test_an_age_between_the_name_and_its_role(entities):
    text = "Marc Vasseur, 52 ans, directeur de la coopérative de Cluny, a présenté le bilan."
    assert _roles(text, entities) == {("Marc Vasseur", "directeur de la coopérative de Cluny")}


def test_a_named_subject_after_the_colon_that_follows_a_quotation(entities):
    text = "« La récolte sera belle » : Lucie Garnier n'a pas caché sa joie mardi."
    (att,) = analyse(text, entities).attributions
    assert (att.speaker.name if att.speaker else None, att.review) == ("Lucie Garnier", True)
    assert "deux-points" in att.why


def test_a_title_with_chargee_de_and_two_complements(entities):
    text = "Marc Vasseur, adjoint au maire chargé de la Culture et de la Jeunesse, a présenté le bilan."
    role = "adjoint au maire chargé de la Culture et de la Jeunesse"
    assert _roles(text, entities) == {("Marc Vasseur", role)}


def test_a_role_stops_before_when_the_appointment_was_made(entities):
    text = "La mairie a choisi. Odile Ferrand a été nommée directrice de l’opéra ce lundi."
    assert _roles(text, entities) == {("Odile Ferrand", "directrice de l’opéra")}


@pytest.mark.parametrize(
    ("tag", "speaker"),
    [
        ("raconte une de ses voisines", "une de ses voisines"),  # a feminine plural kind of person
        ("assure l'un des spectateurs", "un spectateur"),
        ("assure l'une des lectrices", "une lectrice"),
    ],
)
def test_an_unnamed_person_of_a_plural_kind_is_the_speaker(entities, tag: str, speaker: str):
    text = f"La salle des fêtes de Guéret a rouvert samedi. « Elle était fermée depuis longtemps », {tag}."
    (att,) = analyse(text, entities).attributions
    assert att.speaker is not None and att.speaker.name == speaker
    assert att.review  # nobody named: to review


def test_another_of_a_plural_kind_speaks_next(entities):
    text = (
        "Le cinéma de Guéret a rouvert samedi. « La salle est superbe », assure l'un des spectateurs. "
        "« Les sièges sont trop durs », regrette un autre."
    )
    speakers = [a.speaker.name if a.speaker else None for a in analyse(text, entities).attributions]
    assert speakers == ["un spectateur", "un autre spectateur"]


def test_a_verb_the_tagger_reads_as_a_noun_after_a_name_is_no_role(entities):
    from quizgen.draft.roles import _appos_role_noun, _is_role_noun, _Tree

    text = (
        "Le prix revient à Camille Dorval, primée pour « Les Vagues », de la réalisatrice Solveig, "
        "partage sa récompense."
    )
    a = analyse(text, entities)
    tree = _Tree(a.article.text, a.tokens)
    (verb,) = [k for k in range(len(a.tokens)) if tree.word(k) == "partage"]
    assert not _appos_role_noun(tree, verb, False)  # "partage sa récompense": a verb and its object
    (noun,) = [k for k in range(len(a.tokens)) if tree.word(k) == "réalisatrice"]
    assert _is_role_noun(tree, noun, True)
