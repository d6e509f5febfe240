"""A question whose answer another question of the draft prints is marked for review
(invented questions and article)."""

from __future__ import annotations

from types import SimpleNamespace

from quizgen.draft.leaks import gives_away, mark_leaks

HEADLINE = {
    "id": "essentiel",
    "type": "cloze",
    "text": "Huit mois de prison avec sursis pour le maire de {{c1::Vitré}}",
}
MONTHS = {
    "id": "chiffre-mois",
    "type": "numeric",
    "prompt": "D’après l’article : « Le maire a été condamné à _____ de prison. » — combien de mois ?",
    "answer": 8,
}
PLACE = {
    "id": "lieu-vitre",
    "type": "short",
    "prompt": "D’après l’article, quel lieu manque : « Le tribunal de _____ a jugé » ?",
    "answer": "Rennes",
}


def test_a_figure_with_its_unit_written_in_another_prompt_is_given_away():
    assert gives_away(MONTHS, HEADLINE)  # "Huit mois" printed: the number in words, the unit asked
    assert not gives_away(MONTHS, PLACE)
    assert not gives_away(HEADLINE, MONTHS)  # words and names: lint rule BK03's job


def test_leaks_are_marked_for_review_with_the_question_that_gives_them_away():
    questions = [dict(q) for q in (HEADLINE, MONTHS, PLACE)]
    b = SimpleNamespace(questions=questions, reasons={"chiffre-mois": "x"})
    assert mark_leaks(b) == 1
    assert [q.get("review") for q in b.questions] == [None, True, None]
    assert b.reasons["chiffre-mois"] == "x; réponse écrite dans la question « essentiel »"


def test_a_drafted_answer_another_question_prints_is_to_review(tmp_path):
    from quizgen.draft.bank import SourceInfo, build_bank
    from quizgen.draft.pipeline import analyse

    text = (
        "Le conseil municipal de Quimperlé a voté le budget\n\n"
        "Le maire, Paul Girard, a présenté lundi un budget de 12 millions d'euros. "
        "« Nous ne toucherons pas aux impôts », a assuré Paul Girard devant les élus. "
        "« Les comptes de la commune sont sains », a indiqué la préfecture du Finistère. "
        "Paul Girard a été élu en 2020.\n"
    )
    draft = build_bank(analyse(text), SourceInfo(), bank_id="t", source_path="sources/t.txt")
    printed = [q for q in draft.bank.questions if "BK03" in draft.reasons.get(q.id, "")]
    assert printed and all(q.review for q in printed)
