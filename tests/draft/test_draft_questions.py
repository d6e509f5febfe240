"""What the drafted questions ask: distractors from the article, key facts, no trivia,
one question per sentence, the reason beside every review: true (rules only)."""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from quizgen.draft.bank import SourceInfo, build_bank, draft_questions, to_yaml
from quizgen.draft.distractors import Candidate, pick
from quizgen.draft.pipeline import analyse

ARTICLE = """La ministre de la Culture Jeanne Martin inaugure la médiathèque de Lorient

La ministre de la Culture Jeanne Martin a inauguré samedi à Lorient une médiathèque de 4 000 mètres carrés, \
construite en deux ans pour 12 millions d’euros.

« C’est un lieu pour tous les habitants, et d’abord pour les enfants », a déclaré Jeanne Martin devant \
300 invités, à 11 h 30. Le maire de Lorient, M. Paul Durand, a salué « un chantier tenu dans les délais ».

Le bâtiment compte 120 000 livres, cinq (et non vingt-cinq) salles de lecture et un auditorium. \
La directrice, Mme Awa Diallo, 42 ans, a rappelé que l’entrée serait gratuite. « Nous ouvrirons aussi \
le dimanche », a-t-elle précisé.

L’architecte Marc Leroy avait remporté le concours en 2021 face à deux cabinets parisiens.
"""


def draft(text: str = ARTICLE):
    return build_bank(analyse(text), SourceInfo(), bank_id="t", source_path="t.txt", today=date(2024, 1, 1))


def questions(text: str = ARTICLE) -> list[dict]:
    return draft(text).bank.model_dump()["questions"]


def test_distractors_come_from_the_article_and_never_name_the_answer_twice():
    people = {"Jeanne Martin", "Paul Durand", "Awa Diallo", "Marc Leroy"}
    for q in questions():
        if q["type"] == "quote":
            assert set(q["distractors"]) <= people - {q["speaker"]}
            assert not any(d.split()[-1] == q["speaker"].split()[-1] for d in q["distractors"])


def test_one_name_of_a_person_is_never_a_wrong_answer_for_another():
    answer = Candidate("Joe Biden", "person", "p:biden")
    pool = [Candidate("M. Biden", "person", "p:biden"), Candidate("Le président Biden", "person", "p:x")]
    assert pick(answer, pool).names == []


def test_too_few_people_give_a_short_question_to_review_not_a_stock_list():
    text = "« Nous restons prudents sur ce dossier », a déclaré Mme Anne Roy devant le conseil municipal.\n"
    (q,) = [q for q in questions(text) if q["tags"] == ["citation"]]
    assert q["type"] == "short" and q["answer"] == "Anne Roy" and q["review"]
    yaml_text = to_yaml(draft(text))
    assert "review: true  # aucun autre locuteur à proposer" in yaml_text


def test_no_trivia_clock_times_ages_or_negated_figures():
    asked = " ".join(str(q.get("prompt") or q.get("text") or q.get("statement")) for q in questions())
    answers = [q.get("answer") for q in questions() if q["type"] == "numeric"]
    assert "{{c1::11 h 30}}" not in asked and 42 not in answers  # a clock time, an age
    assert 5 not in answers and 25 not in answers  # "cinq (et non vingt-cinq)"


def test_one_question_per_sentence():
    evidence = Counter(q["evidence"] for q in questions() if q["type"] != "match")
    assert max(evidence.values()) == 1


def test_key_facts_from_the_headline_and_lead_over_several_types():
    qs = questions()
    key = [q for q in qs if "essentiel" in (q.get("tags") or [])]
    assert key, "the lead gives key-fact questions"
    assert len({q["type"] for q in qs}) >= 4
    lead = "La ministre de la Culture Jeanne Martin a inauguré samedi à Lorient une médiathèque"
    assert any(q["evidence"].startswith(lead) for q in qs)


def test_every_review_carries_its_reason_as_a_comment():
    text = to_yaml(draft())
    flagged = [line for line in text.splitlines() if line.strip().startswith("review: true")]
    assert flagged and all("  # " in line for line in flagged)


def test_a_false_statement_swaps_one_fact_of_the_article():
    for q in questions():
        if q["type"] == "true_false" and q["answer"] is False:
            assert q["review"]  # a made-up statement is always checked
            assert q["statement"] != q["evidence"]


def _swaps(text: str, starts: str, entities=None) -> list[tuple[str, str]]:
    from quizgen.draft.questions import Builder
    from quizgen.draft.statements import swaps_of as _swaps

    b = Builder(analyse(text, entities), "a")
    si = next(i for i, s in enumerate(b.a.sentences) if b.text[s.start : s.end].startswith(starts))
    return [(b.text[x:y], new) for x, y, new, _why in _swaps(b, si)]


def test_a_figure_is_swapped_for_another_of_the_same_unit_in_the_article():
    text = (
        "Le conseil a supprimé 120 postes mardi. Le syndicat parle de 300 salariés inquiets. "
        "Plus tard, 45 postes ont été rétablis."
    )
    assert _swaps(text, "Le conseil") == [("120 postes", "45 postes")]  # not 300 salariés, not 240


def test_an_age_never_stands_in_for_a_duration_in_a_false_statement():
    # Invented: "durera 70 ans" would be false, but silly; an age is no fact to swap in.
    text = "Le chanteur de 70 ans part en tournée. La tournée durera 3 ans selon son agent."
    assert _swaps(text, "La tournée") == []


def test_a_figure_alone_of_its_unit_is_not_swapped_for_an_invented_one():
    assert _swaps("Le conseil a supprimé 120 postes mardi. Le maire a parlé.", "Le conseil") == []


def test_a_person_after_a_title_or_before_a_role_is_not_swapped():
    text = "La sénatrice Agnès Morin a conclu. Pour elle, Hugo Ferrier, ex-président du club, a échoué."
    assert _swaps(text, "La sénatrice") == []
    assert _swaps(text, "Pour elle") == []


def test_a_full_name_written_alone_is_swapped_for_someone_named_far_from_it():
    filler = "Le texte a été discuté pendant des heures dans un hémicycle presque vide. " * 4
    text = (
        f"La députée Mathilde Panot a conclu. {filler}La sénatrice Anne Roy a voté. "
        "Selon le journal, Anne Roy a tort."
    )
    assert _swaps(text, "Selon le journal") == [("Anne Roy", "Mathilde Panot")]


def test_ages_are_trivia_however_they_are_written():
    text = (
        "Le caporal Théo, âgé de seulement 21 ans, a rattrapé le voleur. "
        "Le voleur, un homme de 38 ans, a été interpellé. "
        "Le spationaute de 43 ans partira en avril pour une mission de six mois."
    )
    answers = {q.get("answer") for q in questions(text) if q["type"] == "numeric"}
    clozes = " ".join(q.get("text", "") for q in questions(text))
    assert not answers & {21, 38, 43} and "{{c1::43 ans}}" not in clozes
    assert 6 in answers  # a duration that matters stays


def test_a_figure_in_an_interviewer_question_is_not_asked():
    text = (
        "La joueuse a perdu la finale en 57 minutes samedi.\n\n"
        "Q : Qu’avez-vous fait pendant les deux heures suivant la défaite ?\n\n"
        "R : « C’était difficile. »"
    )
    answers = {q.get("answer") for q in questions(text) if q["type"] == "numeric"}
    assert 57 in answers and 2 not in answers


def _places_finder(texts):
    """A stand-in for the model: every capitalised town after 'à' is a LOC."""
    return [[(m.start(1), m.end(1), "LOC") for m in re.finditer(r"\bà ([A-Z]\w+)", t)] for t in texts]


def test_where_offers_other_places_of_the_article_as_choices():
    text = (
        "Michelin va fermer son usine à Cholet, a annoncé la direction mardi.\n\n"
        "Les salariés de Vannes ont manifesté à Vannes et ceux de Nantes à Nantes.\n"
    )
    b = draft_questions(analyse(text, _places_finder), "a")
    (q,) = [q for q in b.questions if "lieux" in q["tags"]][:1]
    assert q["type"] == "single" and q["answer"] in q["choices"]
    assert sorted(q["choices"]) == ["Cholet", "Nantes", "Vannes"]  # the article's, no stock list


def test_where_without_other_places_is_a_short_answer():
    text = "Michelin va fermer son usine à Cholet, a annoncé la direction mardi.\n"
    b = draft_questions(analyse(text, _places_finder), "a")
    (q,) = [q for q in b.questions if "lieux" in q["tags"]]
    assert q["type"] == "short" and q["answer"] == "Cholet"


def test_a_figure_asked_as_a_number_is_not_hidden_again_in_a_cloze():
    text = (
        "La fête du village réunira près de 150 invités samedi soir à la salle des fêtes. "
        "Le maire a choisi un orchestre pour que les quelque 150 invités dansent jusqu’à minuit."
    )
    qs = questions(text)
    asked = [q for q in qs if q.get("answer") == 150 or "150 invités}}" in q.get("text", "")]
    assert len(asked) == 1, qs


def test_a_role_with_nobody_else_to_offer_is_a_short_question_to_review():
    text = (
        "Il y a quelques jours, la ministre belge de la Santé, Inge Vermeulen, "
        "avait jugé la réforme européenne bien trop timide."
    )
    b = draft_questions(analyse(text), "a")
    (q,) = [q for q in b.questions if "fonctions" in q["tags"]]
    assert q["type"] == "short" and q["answer"] == "Inge Vermeulen" and q["review"]
    assert q["accept"] == ["Vermeulen"] and "question ouverte" in b.reasons[q["id"]]


def test_join_keeps_quotation_marks_against_the_words_they_hold():
    from quizgen.draft.textbits import join

    assert join('Un prix pour "', "{{c1::Les Heures claires}}", '", le récit') == (
        'Un prix pour "{{c1::Les Heures claires}}", le récit'
    )
    assert join("le très sombre “", "Blue Harbour", "”.") == "le très sombre “Blue Harbour”."
    assert join('il a dit "oui" à', "Paul", "hier") == 'il a dit "oui" à Paul hier'


def test_a_title_in_quotation_marks_is_a_key_fact_cloze():
    text = (
        "Prix Goncourt : le jury couronne Élise Marchand\n\n"
        "Un prix pour « Les Heures claires », le récit d’un marin perdu au large de l’Islande."
    )
    clozes = [q["text"] for q in questions(text) if q["type"] == "cloze"]
    assert any("{{c1::Les Heures claires}}" in c for c in clozes), clozes


def test_true_statements_from_the_lead_balance_the_false_ones_and_stand_alone():
    text = (
        "Le RC Lens a annoncé ce jeudi la venue de Paul Durand comme entraîneur de l’équipe première.\n\n"
        "Et le club devait aussi régler de nombreux autres dossiers avant la reprise.\n\n"
        "Le jeune entraîneur était attendu depuis plusieurs semaines par les supporters du club.\n\n"
        "Le président du club avait promis un changement profond après la défaite en Ligue.\n\n"
        "Les joueurs ont repris l’entraînement sur la pelouse du centre sportif de la ville.\n"
    )
    true = [q for q in questions(text) if q["type"] == "true_false" and q["answer"] is True]
    assert 1 <= len(true) <= 2
    assert not [q for q in true if "Et le club" in q["statement"]]
    # The article's sentence as a claim ("D'après l'article, le …"), not between « » (claims.py).
    said = [q["statement"].removeprefix("D’après l’article, ") for q in true]
    assert said == [q["evidence"][:1].lower() + q["evidence"][1:] for q in true]


def test_a_place_named_close_by_is_no_false_replacement():
    filler = "Le cortège a ensuite défilé dans le calme jusqu’au soir, sans incident notable. " * 9
    text = (
        "Les salariés se sont rassemblés mercredi à Paris devant le ministère. "
        "Ils venaient aussi de Michelin, qui ferme son usine à Vannes. "
        f"{filler}Une autre usine fermera à Cholet l’an prochain."
    )
    assert _swaps(text, "Les salariés", _places_finder) == [("Paris", "Cholet")]


def _people_finder(texts):
    """A stand-in for the model that keeps the title in a PER span, as fr_core_news_sm does."""
    names = r"Mme Lenoir|Marc Lenoir|Julien Faure|Louis Vautrin|Claire Lenoir"
    return [[(m.start(), m.end(), "PER") for m in re.finditer(names, t)] for t in texts]


def test_who_is_asked_on_a_full_name_only_never_on_a_title_and_surname():
    text = (
        "Le ministre belge Julien Faure est arrivé jeudi. C'est la première visite officielle "
        "sous la présidence de Marc Lenoir, dans la ville natale de Louis Vautrin.\n\n"
        "Marc Lenoir et son épouse Claire Lenoir reçoivent Julien Faure pour un déjeuner.\n\n"
        "Mme Lenoir a choisi le Grand Théâtre Municipal pour accueillir les invités après le déjeuner.\n"
    )
    qs = draft_questions(analyse(text, _people_finder), "a").questions
    assert not [q for q in qs if q["type"] == "single" and q["evidence"].startswith("Mme Lenoir")]


def test_a_body_the_model_cut_short_is_not_hidden():
    def finder(texts):
        return [[(m.start(), m.end(), "ORG") for m in re.finditer("Grand Théâtre", t)] for t in texts]

    text = "Mme Lenoir a choisi le Grand Théâtre Municipal pour accueillir les invités après le déjeuner."
    qs = draft_questions(analyse(text, finder), "a").questions
    assert not [q for q in qs if "{{c1::Grand Théâtre}}" in q.get("text", "")]


def test_who_asks_a_direct_question_when_the_name_opens_the_sentence():
    text = (
        "Marc Lenoir a reçu Julien Faure jeudi pour une visite officielle à l’hôtel de ville.\n\n"
        "Louis Vautrin fut le premier maire de la ville nouvelle.\n\n"
        "Claire Lenoir a choisi un orchestre pour accueillir les invités après le déjeuner.\n"
    )
    qs = draft_questions(analyse(text, _people_finder), "a").questions
    prompts = [q["prompt"] for q in qs if q["type"] == "single"]
    assert "D’après l’article, qui fut le premier maire de la ville nouvelle ?" in prompts
    assert not [p for p in prompts if "_____" in p]


def test_a_headline_quoting_a_speaker_asked_from_the_body_gives_one_quote_question():
    text = (
        "« Nous ouvrirons aussi le dimanche », promet la directrice Awa Diallo\n\n"
        "La médiathèque de Lorient a ouvert samedi. « Nous ouvrirons aussi le dimanche, et le soir jusqu’à "
        "vingt heures pour les lycéens », a déclaré la directrice, Mme Awa Diallo, devant les invités."
    )
    quoted = [q for q in questions(text) if q["type"] in ("quote", "short") and "dimanche" in str(q)]
    assert len(quoted) == 1, quoted
    assert "lycéens" in str(quoted[0])


def test_an_intertitle_in_a_speakers_words_gives_no_second_quote_question():
    text = (
        "Inondation : deux pompiers sauvent une famille\n\n"
        "Deux pompiers sont descendus dans la cave inondée mardi soir.\n\n"
        '"On a plongé sans attendre"\n\n'
        '"Quand on arrive, l\'eau monte déjà jusqu\'aux fenêtres. '
        'On a plongé sans attendre, sans même enlever nos bottes", '
        "raconte le caporal Jean Moreau, encore ému. Le commandant Paul Leroy a salué leur courage."
    )
    quoted = [q for q in questions(text) if q["type"] in ("quote", "short") and "plongé" in str(q)]
    assert len(quoted) == 1, quoted
    assert "fenêtres" in str(quoted[0])


def test_a_figure_refused_where_first_written_is_asked_where_the_article_writes_it_next():
    # "Leur usine …": no referent, readable.py refuses the extract; the figure is not lost for it.
    text = (
        "Usine de Vannes : la production reprend\n\n"
        "Leur usine emploie 350 salariés. "
        "La direction du site de Vannes confirme que l’usine emploie 350 salariés depuis 2010."
    )
    qs = questions(text)
    numeric = [q for q in qs if q["type"] == "numeric"]
    assert [(q["answer"], q["id"]) for q in numeric] == [(350, "chiffre-salaries")], qs
    assert numeric[0]["prompt"].startswith("D’après l’article : « La direction du site de Vannes")


def test_a_who_question_refused_in_its_direct_form_is_asked_with_a_blank(monkeypatch):
    from quizgen.draft import questions as drafted

    def refuse_direct(q, a=None, si=None):  # as readable.py would refuse a prompt it cannot read
        if q.get("prompt", "").startswith("D’après l’article, qui a remporté"):
            return None
        return drafted_readable(q, a, si)

    drafted_readable = drafted.readable
    monkeypatch.setattr(drafted, "readable", refuse_direct)
    text = (  # no headline: one would be the bank's title, which gives its words away (session 29)
        "Awa Diallo a remporté dimanche le tournoi d’échecs de Lorient devant ses proches. "
        "Elle a battu en finale Claire Martin, championne de Bretagne. "
        "« Je suis très heureuse de cette victoire », a déclaré Awa Diallo. "
        "« Elle a mérité son titre », a reconnu Claire Martin. "
        "Le maire, Paul Durand, a remis la coupe à la gagnante."
    )
    who = {q["id"]: q for q in questions(text) if q["type"] == "single"}
    assert who["qui-awa-diallo"]["prompt"] == (
        "D’après l’article, qui complète cette phrase : « _____ a remporté dimanche le tournoi d’échecs de "
        "Lorient devant ses proches. » ?"
    )
    assert who["qui-awa-diallo"]["answer"] == "Awa Diallo"


def test_the_weekday_of_the_news_is_no_date_to_ask():
    from quizgen.draft.dates import news_day as _news_day

    assert _news_day("samedi 7 décembre") and _news_day("ce mercredi 24 janvier")
    assert not _news_day("samedi 7 décembre 2019") and not _news_day("30 juin 2022")
