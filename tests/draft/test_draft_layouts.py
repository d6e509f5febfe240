"""Speech laid out by the page: a line naming the speaker above the quotation, a question
and its answer, a participle clause before a colon (rules only, no model)."""

from __future__ import annotations

from quizgen.draft.pipeline import analyse


def found(text: str) -> list[tuple[str | None, bool]]:
    return [
        (a.speaker.name if a.speaker else None, a.review)
        for a in analyse(text).attributions
        if not a.name_or_title
    ]


def test_a_line_naming_a_person_above_a_quotation_paragraph():
    text = (
        "Les deux entraîneurs ont commenté la rencontre.\n\n"
        "Marc Leroy (Rennes)\n\n"
        "« Nous avons manqué de réalisme. Il faudra mieux faire samedi. »\n\n"
        "Jean Petit, entraîneur de Brest :\n\n"
        "« Une victoire méritée, le groupe a beaucoup travaillé. »\n"
    )
    assert found(text) == [("Marc Leroy", True), ("Jean Petit", True)]
    (first, _) = analyse(text).attributions
    assert "ligne" in first.why


def test_a_quotation_about_the_person_the_line_names_is_not_theirs():
    text = (
        "Le sélectionneur a justifié ses choix.\n\n"
        "Léo Durand\n\n"
        "« On le suit depuis longtemps, il le mérite. »\n"
    )
    assert found(text) == [(None, False)]


def test_a_question_and_its_answer_in_one_sentence():
    text = (
        "La chercheuse Lucie Blanc a répondu à nos questions. Pourquoi ce projet ? "
        "— Réponse : « Parce que personne ne l’avait fait. »"
    )
    assert found(text) == [("Lucie Blanc", True)]


def test_a_participle_clause_before_a_colon_has_the_subject_of_the_sentence_before():
    text = (
        "Julie Martin, la nouvelle directrice, a pris ses fonctions lundi. "
        "Revenant sur son parcours : « J’ai toujours voulu travailler ici. »"
    )
    assert found(text) == [("Julie Martin", True)]


def test_a_participle_clause_with_its_own_subject_is_left_to_the_other_rules():
    text = (
        "Julie Martin a pris ses fonctions lundi. "
        "Revenant sur son parcours, un ancien collègue : « Elle a toujours voulu travailler ici. »"
    )
    assert found(text)[0][0] != "Julie Martin"


def test_a_line_with_a_role_announces_the_speaker_even_of_words_about_someone_else():
    text = (
        "Les réactions après le match.\n\n"
        "Marc Leroy (capitaine de Rennes) :\n\n"
        "« Le coach nous a demandé de rester calmes. Il avait raison. »\n"
    )
    assert found(text) == [("Marc Leroy", True)]


def test_the_answers_of_an_interview_are_the_person_named_before_the_questions():
    text = (
        "Entretien. La navigatrice Mme Lucie Blanc revient sur sa course.\n\n"
        "Vous rentrez de trois mois en mer. Comment vous sentez-vous ?\n\n"
        "« Fatiguée, mais heureuse. »\n\n"
        "Quel a été le moment le plus dur ?\n\n"
        "« La tempête au large du cap Horn. »\n"
    )
    assert found(text) == [("Lucie Blanc", True), ("Lucie Blanc", True)]


def test_a_question_to_the_reader_in_an_article_naming_two_people_is_no_interview():
    text = (
        "Le maire Paul Girard et la préfète Anne Roux ont visité le chantier.\n\n"
        "Et vous, qu’en pensez-vous ?\n\n"
        "« Un chantier de cette taille est rare. »\n"
    )
    assert found(text) == [(None, False)]


def test_a_dateline_above_a_quotation_is_no_speaker():
    assert found("Rennes\n\n« Nous ouvrirons le magasin dimanche. »\n") == [(None, False)]


def test_a_label_of_speech_then_the_name_above_a_quotation():
    text = "Le conseil a voté.\n\nRéaction du maire, Paul Girard :\n\n« Nous ne céderons rien. »\n"
    assert found(text) == [("Paul Girard", True)]


def test_pour_x_then_a_colon_ending_the_paragraph_before_the_quotation():
    text = "Pour le maire Paul Girard, la situation est claire :\n\n« Nous ne céderons rien. »\n"
    assert found(text) == [("Paul Girard", True)]


def test_a_first_person_quote_after_a_sentence_about_one_person():
    text = "Le maire Paul Girard ne cache pas sa joie. « Nous avons réussi notre pari. »"
    assert found(text) == [("Paul Girard", True)]
    two = "Le maire Paul Girard a reçu la ministre Anne Roux. « Nous avons réussi notre pari. »"
    assert found(two) == [(None, False)]
    third_person = "Le maire Paul Girard ne cache pas sa joie. « Le pari est réussi. »"
    assert found(third_person) == [(None, False)]


def test_a_label_and_a_colon_before_the_name_on_the_line_above():
    text = (
        "Les réactions après la journée de championnat.\n\n"
        "Le plus ému : Julien Marchetti (Rodez)\n\n"
        "« On a tenu jusqu'au bout. Les garçons ont montré du caractère. »\n\n"
        "Le plus amer : Hervé Dalmasso (Niort)\n\n"
        "« Nous avons laissé filer deux points bêtement. »\n"
    )
    assert found(text) == [("Julien Marchetti", True), ("Hervé Dalmasso", True)]


def test_a_sentence_with_a_verb_before_the_colon_is_no_label_line():
    text = (
        "Le club a publié la composition.\n\n"
        "Le coach a tranché : Julien Marchetti\n\n"
        "« On a tenu jusqu'au bout. Les garçons ont montré du caractère. »\n"
    )
    assert found(text) == [(None, False)]
