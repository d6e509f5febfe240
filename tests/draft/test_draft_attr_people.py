"""People the model finds, as the registry keeps them (a made-up NER span, no model)."""

from __future__ import annotations

from quizgen.draft.people import collect_people
from quizgen.draft.speakers import Registry


def _people(source: str, name: str) -> dict[str, str]:
    registry = Registry()
    a = source.index(name)
    collect_people(registry, source, [(0, source)], [(a, a + len(name), "PER")])
    return {key: person.name for key, person in registry.people.items()}


def test_a_name_with_a_particle_found_by_the_model_is_a_person():
    source = "Le verdict est juste, a estimé hier soir Hugues de Verneuil sur une radio."
    assert _people(source, "Hugues de Verneuil") == {"verneuil": "Hugues de Verneuil"}


def test_a_particle_cannot_open_or_close_a_name():
    source = "Le verdict est juste, a estimé la radio de Marseille hier soir."
    assert _people(source, "de Marseille") == {}


def test_a_caption_line_opening_with_a_name_then_the_role_without_a_comma():
    from quizgen.draft.pipeline import analyse

    text = "« Le pont tiendra. »\n\nHélène Marchal la ministre belge des Transports, au sujet du viaduc.\n"
    roles = {(r.person, r.role) for r in analyse(text).roles}
    assert roles == {("Hélène Marchal", "ministre belge des Transports")}


def test_a_name_then_an_object_without_a_comma_is_no_role():
    from quizgen.draft.pipeline import analyse

    text = "Hier, Hélène Marchal a vu la ministre belge des Transports au sujet du viaduc.\n"
    assert analyse(text).roles == []


def test_a_lawyer_named_after_one_word_has_a_role_worth_asking():
    # As 'le procureur X': in a trial story, one word says the whole function.
    from quizgen.draft.pipeline import analyse

    text = "Le boulanger a été relaxé. Son avocat Paul Lenoir a salué une décision juste."
    assert {(r.person, r.role) for r in analyse(text).roles} == {("Paul Lenoir", "avocat")}


def test_a_party_label_in_brackets_between_the_name_and_its_role():
    from quizgen.draft.pipeline import analyse

    text = "Hier, Lucie Garnier (EELV), conseillère régionale, a visité les vergers."
    assert {(r.person, r.role) for r in analyse(text).roles} == {("Lucie Garnier", "conseillère régionale")}


def test_an_age_between_the_name_and_its_role_without_the_model():
    from quizgen.draft.pipeline import analyse

    text = "Hier, Lucie Garnier, 52 ans, conseillère régionale, a visité les vergers."
    assert {(r.person, r.role) for r in analyse(text).roles} == {("Lucie Garnier", "conseillère régionale")}
