"""Wrong answers of the same kind, from the article only."""

from __future__ import annotations

from quizgen.draft.distractors import Candidate, pick, same_speaker


def test_a_first_name_alone_is_the_same_person():
    assert same_speaker("Clément", "Clément Lenglet")
    assert same_speaker("Léo Tessier", "Léo")
    assert not same_speaker("Léo Dubois", "Léo Tessier")  # two people who share a first name


def test_the_answer_under_another_name_is_never_a_wrong_choice():
    people = [
        Candidate("Clément Lenglet", "person", "p:lenglet"),
        Candidate("Clément", "person", "p:clement"),
        Candidate("Didier Deschamps", "person", "p:deschamps"),
    ]
    picked = pick(people[0], people)
    assert picked.names == ["Didier Deschamps"]
    assert not picked.fallback


def test_too_few_people_gives_fewer_choices_not_a_stock_list():
    answer = Candidate("Jeanne Martin", "person", "p:martin", "maire de Lyon")
    assert pick(answer, [answer]).names == []


def test_people_of_the_same_field_come_first():
    answer = Candidate("Jeanne Martin", "person", "p:martin", "maire de Lyon")
    others = [
        Candidate("Paul Durand", "person", "p:durand", "boulanger"),
        Candidate("Anne Roy", "person", "p:roy", "maire de Villeurbanne"),
    ]
    assert pick(answer, others, n=1).names == ["Anne Roy"]


def test_an_institution_stands_in_for_a_person_only_as_a_fallback():
    answer = Candidate("La mairie", "institution", "i:mairie")
    picked = pick(answer, [Candidate("Anne Roy", "person", "p:roy")])
    assert picked.names == ["Anne Roy"] and picked.fallback


def test_a_one_word_person_is_no_wrong_choice_beside_a_full_name():
    answer = Candidate("Emmanuel Grandjean", "person", "p:grandjean")
    others = [Candidate("Vencorex", "person", "p:vencorex"), Candidate("Christophe Ferrari", "person", "p:f")]
    assert pick(answer, others).names == ["Christophe Ferrari"]


def test_a_title_and_a_surname_written_first_is_the_same_person():
    # Invented: a surname written first ("Tran Van Minh"), the article then says "M. Tran".
    assert same_speaker("M. Tran", "Tran Van Minh")
    assert same_speaker("Tran Van Minh", "M. Tran")
    assert not same_speaker("M. Tran", "Lucie Vannier")
    people = [
        Candidate("Tran Van Minh", "person", "p:tran-van-minh"),
        Candidate("M. Tran", "person", "p:tran"),
        Candidate("Lucie Vannier", "person", "p:vannier"),
    ]
    assert pick(people[0], people).names == ["Lucie Vannier"]


def test_a_name_cut_before_its_particle_is_the_same_person():
    assert same_speaker("Lucie Marchal", "Lucie Marchal de la Tour")
    assert same_speaker("Hugo Brant d'Orval", "Hugo Brant")
    assert not same_speaker("Lucie Marchal", "Lucie Marchal-Petit")
    answer = Candidate("Lucie Marchal de la Tour", "person", "p:a")
    picked = pick(
        answer, [Candidate("Lucie Marchal", "person", "p:b"), Candidate("Paul Ivens", "person", "p:c")]
    )
    assert picked.names == ["Paul Ivens"]


def test_the_body_the_answer_s_role_names_is_never_a_wrong_choice():
    # The model may read a union's name as a person's: it is still the speaker's own side.
    answer = Candidate("Paul Roy", "person", "p:roy", "président des Jeunes Agriculteurs de la Creuse")
    others = [
        answer,
        Candidate("Jeunes Agriculteurs", "person", "p:agriculteurs"),
        Candidate("Anne Vidal", "person", "p:vidal", "préfète de la Creuse"),
    ]
    assert pick(answer, others).names == ["Anne Vidal"]
