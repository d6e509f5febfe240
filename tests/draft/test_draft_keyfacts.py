"""Key-fact questions from the parse: the phrase a sentence is about (slow: the model)."""

from __future__ import annotations

import pytest

from quizgen.draft.bank import draft_questions
from quizgen.draft.phrases import main_phrases
from quizgen.draft.pipeline import analyse

pytestmark = [pytest.mark.slow, pytest.mark.nlp]


def _phrases(text: str, entities) -> list[str]:
    a = analyse(text, entities)
    return [a.article.text[x:y] for x, y in main_phrases(a.article.text, a.tokens, 0, len(a.article.text))]


def test_the_object_and_the_subject_of_the_main_verb(entities):
    text = "Le jury a décerné la Palme d’or à Justine Triet samedi soir."
    assert _phrases(text, entities)[:2] == ["Palme d’or", "jury"]


def test_a_phrase_ends_before_a_relative_clause_and_loses_its_conjunction(entities):
    text = "Mais la réalisatrice Justine Triet, qui a reçu la Palme d’or, a dénoncé la réforme des retraites."
    assert _phrases(text, entities) == ["réforme des retraites", "réalisatrice Justine Triet"]
    assert _phrases("Mais Justine Triet a dénoncé la réforme.", entities)[1] == "Justine Triet"


def test_the_lead_gives_a_cloze_on_what_the_story_is_about(entities):
    text = (
        "Festival de Cannes : la Palme d’or pour Justine Triet\n\n"
        "Le jury du Festival de Cannes a décerné la Palme d’or au film Anatomie d’une chute samedi soir. "
        "La réalisatrice a pris la parole sur la scène du Palais."
    )
    qs = draft_questions(analyse(text, entities), "a").questions
    clozes = [q["text"] for q in qs if q["type"] == "cloze"]
    assert any("{{c1::" in c and "Palme d’or" in c for c in clozes), clozes


def test_no_lone_common_noun_and_no_question_of_the_article_is_hidden(entities):
    text = (
        "Les gendarmes ont pris la fuite. Comment seront assurés les soins des patients ? "
        "Voici la liste des 24 joueurs sélectionnés :"
    )
    qs = draft_questions(analyse(text, entities), "a").questions
    assert [q for q in qs if q["type"] == "cloze"] == []


def test_no_key_fact_from_an_interviewers_question_nor_a_who_on_a_list(entities):
    text = (
        "Q : Gardez-vous un bon souvenir de votre saison à Toulouse ?\n\n"
        "Attaquants : Hugo Ferrand (Rennes), Yanis Morel (OM), Bastien Lacroix (Lille OSC) ;\n\n"
        "Il s'agit du premier déplacement officiel d'un ministre belge depuis l'élection Lenoir."
    )
    qs = draft_questions(analyse(text, entities), "a").questions
    assert not [q for q in qs if q["type"] in ("short", "single")], qs


def test_one_person_and_one_place_are_asked_about_once(entities):
    text = (
        "Paul Durand a ouvert la séance à Lorient mardi. "
        "Anne Roy a voté contre le budget de la ville. "
        "Paul Durand a levé la séance à Lorient vers minuit. "
        "Marc Leroy a quitté la salle sans un mot. "
        "Anne Roy a ensuite parlé aux journalistes à Lorient."
    )
    qs = draft_questions(analyse(text, entities), "a").questions
    answers = [q["answer"] for q in qs if q["type"] in ("single", "short")]
    assert answers and len(answers) == len(set(answers)), answers


def test_a_person_asked_in_a_who_question_is_not_hidden_again_in_a_cloze(entities):
    text = (
        "Clara Vidal a reçu le grand prix samedi soir. Hélène Garrigue a réagi dans la soirée. "
        "Clara Vidal critique la façon dont la mairie a géré la grève des musiciens. "
        "Sophie Lenoir lui remet le trophée en cristal. Mais Clara Vidal pense que le festival est menacé."
    )
    qs = draft_questions(analyse(text, entities), "a").questions
    hidden = [q["text"].split("{{c1::")[1].split("}}")[0] for q in qs if q["type"] == "cloze"]
    answered = [q["answer"] for q in qs if q["type"] == "single"]
    assert hidden.count("Clara Vidal") + answered.count("Clara Vidal") <= 1, (hidden, answered)


def test_a_phrase_is_not_about_when_and_stops_at_a_participle(entities):
    relay = "Les animateurs se succèdent toutes les semaines dans la salle."
    assert _phrases(relay, entities)[:1] == ["animateurs"]
    evenings = "Les musiciens répètent tous les soirs au conservatoire."  # a plural time word
    assert _phrases(evenings, entities)[:1] == ["musiciens"]
    text = "Les médecins lyonnais participant à l’étude annoncent la fin du protocole."
    assert "médecins lyonnais" in _phrases(text, entities)


def test_a_negation_in_a_key_fact_is_written_in_capitals_and_never_swapped(entities):
    from quizgen.draft.factspans import emphasised

    assert emphasised("Les chercheurs annoncent ne plus avoir recours au traitement.") == (
        "Les chercheurs annoncent NE PLUS avoir recours au traitement."
    )
    assert emphasised("Cet essai n’a montré aucun effet.") == "Cet essai N’a montré AUCUN effet."
    text = (
        "Nantes : le grand prix pour Clara Vidal\n\n"
        "Clara Vidal a reçu le grand prix samedi soir. Hélène Garrigue n’est pas à Nantes. "
        "Sophie Lenoir a remis le prix sur la scène du théâtre."
    )
    qs = draft_questions(analyse(text, entities), "a").questions
    stems = [q.get("statement") or q.get("prompt") or "" for q in qs]
    assert not any(
        q["type"] == "true_false" and not q["answer"] and "pas" in q["statement"].lower() for q in qs
    )
    assert not any(" n’est pas " in s or " n'est pas " in s for s in stems), stems


def test_a_guessed_role_is_asked_with_review_and_its_evidence_names_the_person(entities):
    text = (
        "Nantes : débat autour d’un prix\n\n"
        "Clara Vidal a reçu le Prix Lambertin samedi. Le jury a salué son roman. La salle a applaudi.\n\n"
        "Mais très vite, le discours de remerciement prend un ton politique. "
        "Le commentaire de la ministre des Sports arrive sans tarder. "
        "Hélène Garrigue répond dès le lendemain sur son compte officiel."
    )
    qs = draft_questions(analyse(text, entities), "a").questions
    (q,) = [q for q in qs if q["type"] in ("single", "short") and "ministre des Sports" in q["prompt"]]
    assert q["answer"] == "Hélène Garrigue"
    assert q["review"] is True
    assert "ministre des Sports" in q["evidence"] and "Hélène Garrigue" in q["evidence"]


def test_lists_of_people_are_direct_questions_at_most_two_per_article(entities):
    text = "Voici la liste.\n\n" + "\n".join(
        f"{group} : {a} (PSG), {b} (OL), {c} (OM) ;"
        for group, a, b, c in [
            ("Gardiens", "Alphonse Areola", "Benjamin Lecomte", "Hugo Lloris"),
            ("Défenseurs", "Lucas Digne", "Léo Dubois", "Clément Lenglet"),
            ("Milieux", "Blaise Matuidi", "Paul Pogba", "Moussa Sissoko"),
        ]
    )
    multis = [q for q in draft_questions(analyse(text, entities), "a").questions if q["type"] == "multi"]
    assert len(multis) == 2
    for q in multis:
        assert "lesquelles" in q["prompt"] and "_" not in q["prompt"] and "…" not in q["prompt"]
        assert len(q["answers"]) == 3 and not set(q["answers"]) & (set(q["choices"]) - set(q["answers"]))


def test_who_did_it_in_a_passive_clause_main_or_not(entities):
    from quizgen.draft.phrases import agents

    for text, agent in [
        ("Le texte a été adopté mardi par le conseil municipal.", "conseil municipal"),
        (
            "Les secours arrivent, quand le blessé a déjà été évacué par des passants du quartier.",
            "passants du quartier",
        ),
        ("Le ministre a été reconnu et abordé par deux habitants du quartier.", "deux habitants du quartier"),
        ("La réunion, attendue par les riverains du quartier, a commencé à midi.", None),
    ]:
        a = analyse(text, entities)
        got = [a.article.text[x:y] for x, y in agents(a.article.text, a.tokens, 0, len(a.article.text))]
        assert got == ([agent] if agent else []), got


def _hidden(text: str, entities) -> list[str]:
    qs = draft_questions(analyse(text, entities), "a").questions
    return [q["text"].split("{{c1::")[1].split("}}")[0] for q in qs if q["type"] == "cloze"]


def _cloze_of(sentence: str, entities, headline: str = "Les nouvelles du jour") -> str:
    from quizgen.draft.keyfacts import _cloze
    from quizgen.draft.questions import Builder

    b = Builder(analyse(headline + "\n\n" + sentence, entities), "a")
    si = next(i for i, s in enumerate(b.a.sentences) if b.text[s.start : s.end] == sentence)
    assert _cloze(b, si), sentence
    return b.questions[-1]["text"]


def test_who_did_it_and_why_are_hidden_in_clozes(entities):
    text = "Le blessé a été évacué vers l’hôpital par des passants du quartier."
    headline = "Des passants au secours d’un blessé"  # the story is about them: its headline says so
    assert "par des {{c1::passants du quartier}}" in _cloze_of(text, entities, headline)
    text = "Faute de bénévoles, la médiathèque fermera tous les samedis de l’été."
    assert "Faute de {{c1::bénévoles}}" in _cloze_of(text, entities)


def test_a_name_the_model_cut_before_its_lowercase_words_is_not_hidden(entities):
    from quizgen.draft.keyfacts import _runs_on
    from quizgen.draft.questions import Builder

    for text, name, cut in [
        (
            "Paul Durand, ancien trésorier du parti La République en marche, attendait un vote serré.",
            "La République",
            True,
        ),
        ("Le texte a été adopté mardi par le Sénat.", "Sénat", False),
    ]:
        b = Builder(analyse(text, entities), "a")
        x = b.text.index(name)
        assert _runs_on(b, x, x + len(name)) is cut, name


def test_a_sentence_after_the_lead_with_nothing_else_to_ask_is_a_true_statement(entities):
    filler = "La séance a duré longtemps. Les élus ont parlé. Le public a écouté. La salle était pleine. "
    filler += "Le débat fut vif. Chacun a voté. La nuit est tombée. Tout le monde est rentré. "
    text = (
        "La commune change ses horaires\n\n"
        + filler
        + ("Les riverains du quartier ont toujours soutenu cette décision courageuse.")
    )
    qs = draft_questions(analyse(text, entities), "a").questions
    statements = [q["statement"] for q in qs if q["type"] == "true_false" and q["answer"]]
    assert statements == [
        "D’après l’article, les riverains du quartier ont toujours soutenu cette décision courageuse."
    ]


def test_the_first_question_asks_what_happened_even_when_the_lead_carries_figures(entities):
    # Invented: the lead's figures would take its sentence; the main point is what was voted.
    lead = (
        "Le conseil municipal de Villebrune a voté lundi la fermeture de la piscine Jean-Moulin, "
        "après 42 ans d'activité et 3 millions d'euros de travaux. "
        "La maire, Claire Fontenel, regrette « une décision prise à contrecœur »."
    )
    for text in (lead, "Villebrune ferme sa piscine après 42 ans d'activité\n\n" + lead):
        first = draft_questions(analyse(text, entities), "a").questions[0]
        assert first["type"] == "cloze" and "principal" in first["tags"], first
        assert "{{c1::fermeture de la piscine Jean-Moulin}}" in first["text"], first


def _predicates(text: str, entities) -> list[str]:
    from quizgen.draft.phrases import predicate_phrases

    a = analyse(text, entities)
    t = a.article.text
    return [t[x:y] for x, y in predicate_phrases(t, a.tokens, 0, len(t))]


def test_what_happened_is_the_object_also_of_a_governed_verb_and_keeps_a_name_after_it(entities):
    # Invented sentences.
    assert _predicates("Le Parlement a adopté jeudi le projet de loi Dupont.", entities)[0] == (
        "projet de loi Dupont"
    )
    assert _predicates("Marc Dantin est le nouvel entraîneur du club de Villebrune.", entities)[0] == (
        "Marc Dantin"
    )


def test_no_gap_hides_what_the_headline_says(entities):
    # Invented. Session 29: the headline is the bank's title, shown with every question, so
    # "Les bénévoles de Villebrune rouvrent la {{bibliothèque}}" is answered by the title; the lead
    # is asked instead, on what the headline does not say.
    text = (
        "Les bénévoles de Villebrune rouvrent la bibliothèque\n\n"
        "Fermée depuis deux ans, la bibliothèque de Villebrune a rouvert samedi "
        "grâce à une vingtaine de bénévoles."
    )
    questions = draft_questions(analyse(text, entities), "a").questions
    assert questions and all(not q.get("text", "").startswith("Les bénévoles") for q in questions)
    assert questions[0]["text"].startswith("Fermée depuis deux ans"), questions[0]


def test_no_wrong_choice_of_a_list_is_named_in_the_passage_shown(entities):
    # Invented: the passage names the coach; he cannot be a wrong answer to "who is named in it?".
    text = (
        "Le sélectionneur Marc Dantin a retenu pour le match de samedi "
        "Lucas Morel, Hugo Brun et Paul Vidal.\n\n"
        "La présidente du club, Claire Fontenel, et l'adjoint au maire Jean Roussel assisteront au match."
    )
    multis = [q for q in draft_questions(analyse(text, entities), "a").questions if q["type"] == "multi"]
    for q in multis:
        wrong = set(q["choices"]) - set(q["answers"])
        assert not [w for w in wrong if w.split()[-1] in q["prompt"]], q
    assert multis, "the list is asked about, with the people of the second sentence as wrong choices"


def test_a_main_point_about_a_person_is_a_who_question_with_choices(entities):
    # Invented: who the story is about, asked with the article's other people as choices.
    text = (
        "Marc Dantin est le nouvel entraîneur du club de Villebrune. "
        "Il remplace Paul Roux, parti à Dax, et travaillera avec la directrice sportive Claire Fontenel. "
        "Le président du club, Jean Vidal, a salué son arrivée."
    )
    first = draft_questions(analyse(text, entities), "a").questions[0]
    assert first["type"] == "single" and "principal" in first["tags"], first
    assert first["answer"] == "Marc Dantin" and len(first["choices"]) >= 3, first
