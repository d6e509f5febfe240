"""Over-reaching rules narrowed: future verbs, credit lines, caption roles, document nouns
(invented sentences)."""

from __future__ import annotations

import pytest

from quizgen.draft.figures import find_figures
from quizgen.draft.pipeline import analyse
from quizgen.draft.trivia import side_date, to_come


def _date(text: str):
    """The last date of `text`."""
    return [f for f in find_figures(text) if f.kind == "date"][-1]


def test_a_name_or_a_noun_in_ra_is_no_future_verb():
    s = "Sandra Vidal, la gérante du café, a fermé son commerce samedi 7 décembre."
    assert not to_come(s, _date(s))
    s = "La gérante Sandra Vidal a fermé son commerce samedi 7 décembre."
    assert not to_come(s, _date(s))
    s = "Un affront pour le maire samedi 7 décembre."
    assert not to_come(s, _date(s))
    s = "La première soirée aura lieu samedi 12 juillet."
    assert to_come(s, _date(s))


def test_a_future_verb_of_another_clause_does_not_make_a_date_to_come():
    s = "Paul Roy, qui sera candidat en mars, a annoncé samedi 7 décembre sa démission."
    assert not to_come(s, _date(s))
    s = "Le concert, qui aura lieu samedi 12 juillet, est gratuit."
    assert to_come(s, _date(s))
    s = "Paul Roy, qui sera candidat, a quitté le conseil le 12 avril."
    assert side_date(_date(s), s, s[: _date(s).start], 1, lead=False)


def _said(text: str, entities=None) -> list[tuple[str, str | None]]:
    return [
        (a.text[:12], a.speaker.name if a.speaker else None)
        for a in analyse(text, entities).attributions
        if not a.name_or_title
    ]


_QUOTE_THEN = "« Le chantier reprendra dès que la rivière aura baissé. Nous y veillerons. »\n\n"


@pytest.mark.slow
@pytest.mark.nlp
def test_a_line_with_a_verb_the_tagger_reads_is_no_credit_line(entities):
    text = _QUOTE_THEN + "Paul Roy, le voisin du chantier, connaît bien le dossier depuis 2015.\n"
    assert _said(text, entities) == [("Le chantier ", None)]


@pytest.mark.slow
@pytest.mark.nlp
def test_a_verbless_line_under_a_quotation_is_still_its_credit(entities):
    text = _QUOTE_THEN + "Hélène Marchal la maire de Vienne, au sujet du pont qui a été fermé lundi.\n"
    assert _said(text, entities) == [("Le chantier ", "Hélène Marchal")]


def test_a_long_line_under_a_quotation_is_no_credit_line():
    text = _QUOTE_THEN + (
        "Hélène Marchal la maire de Vienne depuis l’automne dernier et aussi vice-présidente du "
        "syndicat intercommunal des eaux de la vallée du Rhône.\n"
    )
    assert _said(text) == [("Le chantier ", None)]


def _roles(text: str) -> set[tuple[str, str]]:
    return {(r.person, r.role) for r in analyse(text).roles}


def test_a_name_then_la_and_a_verb_is_no_caption():
    assert _roles("Le tarif a encore augmenté. Marc Dufour la juge, trop chère. Il veut partir.") == set()
    assert _roles("Marc Dufour la juge, trop chère.\n") == set()


def test_a_caption_line_under_a_quotation_still_gives_the_role():
    text = "« Nous jouerons tout l'été. »\n\nClaire Moreau la directrice du théâtre\n"
    assert _roles(text) == {("Claire Moreau", "directrice du théâtre")}


def test_words_read_from_a_document_are_not_those_of_the_reader():
    text = (
        "Il a rencontré Paul Roy, qui a lu la déclaration du syndicat : "
        "« Nous refusons le plan de la direction. »"
    )
    assert _said(text) == [("Nous refuson", None)]
    text = "Il a rencontré Paul Roy, qui portait une banderole : « Non au plan de la direction. »"
    assert _said(text) == [("Non au plan ", None)]
