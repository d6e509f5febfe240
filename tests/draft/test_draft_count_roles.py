"""Roles of the lead asked as roles; a person asked in a role question not hidden again."""

from __future__ import annotations

import pytest

from quizgen.draft.bank import draft_questions
from quizgen.draft.pipeline import analyse

pytestmark = [pytest.mark.slow, pytest.mark.nlp]  # the French model


def test_a_role_written_in_the_lead_is_asked_even_when_its_sentence_opens_on_the_role(entities):
    text = (
        "Le conseil municipal de Landerneau a voté jeudi la rénovation complète du vieux lavoir. "
        "La directrice de la crèche municipale, Odile Perrin, a salué un chantier attendu depuis des années. "
        "Les travaux commenceront en septembre pour une durée de six mois."
    )
    qs = draft_questions(analyse(text, entities), "a").questions
    roles = [q for q in qs if "fonctions" in q["tags"]]
    assert roles and roles[0]["answer"] == "Odile Perrin", qs


def test_a_person_asked_in_a_role_question_is_not_hidden_in_a_cloze(entities):
    text = (
        "Le club de voile de Paimpol a inauguré samedi son nouveau ponton. "
        "Le président du club, Yannick Le Bihan, a coupé le ruban sous les applaudissements. "
        "Yannick Le Bihan a ensuite présenté le programme des régates de l'été à la presse locale. "
        "La trésorière Gaëlle Morvan a détaillé le budget de la saison devant les adhérents."
    )
    qs = draft_questions(analyse(text, entities), "a").questions
    hidden = [q["text"].split("{{c1::")[1].split("}}")[0] for q in qs if q["type"] == "cloze"]
    roles = [q for q in qs if "fonctions" in q["tags"]]
    asked = [q.get("answer") for q in roles] + [p for q in roles for p in q.get("pairs") or ()]
    assert asked and not set(asked) & set(hidden), (asked, hidden)


def test_a_role_does_not_take_the_sentence_of_a_figure_worth_asking(entities):
    text = (
        "Le club de voile de Paimpol a inauguré samedi son ponton tout neuf. "
        "Le président du club, Yannick Le Bihan, a coupé le ruban devant deux cents adhérents. "
        "La trésorière Gaëlle Morvan a détaillé le budget de la saison devant la presse."
    )
    qs = draft_questions(analyse(text, entities), "a").questions
    assert any(q["type"] == "numeric" and q["answer"] == 200 for q in qs), qs


def test_no_blank_cuts_a_role_short(entities):
    text = (
        "RENNES (Reuters) - Le cycliste du Stade rennais Yves Tréguer a été condamné lundi à une amende "
        "par le tribunal correctionnel de Rennes pour outrage. Son avocate Maëlle Cornic a annoncé un appel. "
        "L'entraîneur du club, Loïc Penven, a refusé de commenter. "
        "Le procureur, Marc Quéré, a salué la décision."
    )
    qs = draft_questions(analyse(text, entities), "a").questions
    hidden = [q["text"].split("{{c1::")[1].split("}}")[0] for q in qs if q["type"] == "cloze"]
    assert "cycliste du Stade" not in hidden, hidden
