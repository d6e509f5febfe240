"""Facts a key-fact question hides, read from the words alone (fast): why, where, how many."""

from __future__ import annotations

from quizgen.draft.bank import draft_questions, question_target
from quizgen.draft.factspans import cause_clauses, causes, given_names, preposition
from quizgen.draft.pipeline import analyse


def _causes(sentence: str) -> list[str]:
    return [sentence[x:y] for x, y in causes(sentence, 0, len(sentence))]


def test_the_cause_a_sentence_gives_without_its_determiner():
    assert _causes("Faute de moyens, la bibliothèque fermera le samedi.") == ["moyens"]
    assert _causes("Le match est reporté à cause du gel.") == ["gel"]
    # Invented: "suite à", "à la suite de", "par la faute de".
    assert _causes("Les parents ont manifesté suite à la suppression de la ligne de bus.") == [
        "suppression de la ligne de bus"
    ]
    assert _causes("La route est coupée à la suite d’un éboulement.") == ["éboulement"]
    assert _causes("Le match a tourné court par la faute d’un arbitre distrait.") == ["arbitre distrait"]
    assert _causes("Le vol est annulé en raison d’une grève des contrôleurs.") == ["grève des contrôleurs"]
    assert _causes("Le club a survécu grâce aux dons des supporters, selon son président.") == [
        "dons des supporters"
    ]


def test_no_cause_from_a_pronoun_or_a_whole_clause():
    assert _causes("Il a gagné grâce à cela.") == []
    assert (
        _causes("Tout a changé à cause de la décision prise en urgence par le conseil lors de la séance.")
        == []
    )


def _clauses(sentence: str) -> list[str]:
    return [sentence[x:y] for x, y in cause_clauses(sentence, 0, len(sentence))]


def test_a_cause_told_as_a_clause_is_found_up_to_its_end():
    # Invented sentences.
    said = "Le gymnase restera fermé parce que la toiture s'est effondrée, a indiqué la mairie."
    assert _clauses(said) == ["la toiture s'est effondrée"]
    assert _clauses("Le concert est reporté, car le chanteur est malade.") == ["le chanteur est malade"]
    assert _clauses("La ligne a rouvert après qu'un arbre a été dégagé des voies.") == [
        "un arbre a été dégagé des voies"
    ]
    assert _clauses("Il a dit non parce que.") == []  # no clause after the connector
    assert _clauses("Le car part à midi.") == []  # "car" the bus, not the connector
    assert _clauses("Rien ne bouge, car il y a deux semaines la préfète a promis un vote.") == []  # when
    assert _clauses("Le service ferme le soir parce qu'il y a une pénurie de médecins.") == [
        "il y a une pénurie de médecins"
    ]


def test_the_draft_asks_why_with_a_hint_from_a_cause_clause():
    text = (
        "La médiathèque de Villebrune restera fermée tout le mois de mars. "
        "La directrice, Claire Fontenel, a annoncé mardi ce report parce que les travaux de la toiture "
        "ont pris trois semaines de retard."
    )
    clozes = [q["text"] for q in draft_questions(analyse(text), "a").questions if q["type"] == "cloze"]
    assert any(
        "parce que {{c1::les travaux de la toiture ont pris trois semaines de retard::pourquoi ?}}" in c
        for c in clozes
    ), clozes


def test_a_place_named_after_its_kind_is_a_place_to_ask_about():
    for before in ("dans la commune de ", "près du petit village d’", "dans le département de "):
        assert preposition(before + "Lorient", len(before)) is not None, before
    assert preposition("le directeur de Lorient", len("le directeur de ")) is None


def test_a_600_word_article_asks_for_at_least_15_questions_a_brief_for_10():
    assert question_target(600) >= 15
    assert question_target(250) == 10


def _given(sentence: str) -> list[str]:
    return [sentence[x:y] for x, y in given_names(sentence, 0, len(sentence))]


def test_the_name_a_thing_is_given_is_a_fact_to_hide():
    assert _given("Il part en tournée avec un spectacle intitulé Les Nuits de Paris.") == [
        "Les Nuits de Paris"
    ]
    assert _given("La mission, baptisée Artemis, partira en mai.") == ["Artemis"]
    assert _given("Son roman intitulé « La Vie devant soi », paru en mai, a plu.") == ["La Vie devant soi"]


def test_no_given_name_from_an_appointment_or_a_lowercase_word():
    assert _given("Il a été nommé Premier ministre lundi.") == []
    assert _given("Il a été appelé à témoigner devant le juge.") == []


def test_suite_a_is_a_cause_to_hide_but_no_why_question():
    from quizgen.draft.mainpoint import why
    from quizgen.draft.questions import Builder

    # Invented: "suite au départ" only says when the interim began; "faute de" is a cause.
    text = (
        "Marc Dantin succède à Paul Roux, entraîneur intérimaire suite au départ de Luc Vidal. "
        "Le match de samedi est reporté faute de terrain praticable."
    )
    b = Builder(analyse(text), "a")
    why(b)
    assert [q["text"] for q in b.questions] == [
        "Le match de samedi est reporté faute de {{c1::terrain praticable::pourquoi ?}}."
    ]


def test_a_name_given_with_s_appelle_or_se_nomme_or_porte_le_nom_de():
    # Invented sentences: the name a thing bears is a fact to ask (a cloze hides it).
    for sentence, name in (
        ("Le nouvel astéroïde s’appelle 2031/QX Ker7.", "2031/QX Ker7"),
        ("Le robot du musée se nomme Hector.", "Hector"),
        ("Le futur collège portera le nom de Simone Veil.", None),  # no present form: no given name
        ("Le ferry porte le nom d’Armorique.", "Armorique"),
    ):
        found = [sentence[x:y] for x, y in given_names(sentence, 0, len(sentence))]
        assert found == ([name] if name else []), sentence
