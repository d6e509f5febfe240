"""Reported speech as French articles write it (rules only; the slow tests load the model)."""

from __future__ import annotations

from datetime import date

import pytest

from quizgen.draft.bank import SourceInfo, build_bank
from quizgen.draft.pipeline import analyse


def speakers(text: str) -> list[str | None]:
    return [a.speaker.name if a.speaker else None for a in analyse(text).attributions if not a.name_or_title]


def quote_questions(text: str) -> list[dict]:
    draft = build_bank(analyse(text), SourceInfo(), bank_id="t", source_path="t.txt", today=date(2024, 1, 1))
    return [
        q
        for q in draft.bank.model_dump()["questions"]
        if q["type"] in ("quote", "short") and q["tags"] == ["citation"]
    ]


def test_the_speaker_tag_inside_the_quotation_marks():
    text = "« Nous partirons demain, estime Thomas Pesquet, et nous reviendrons en mai. »"
    assert speakers(text) == ["Thomas Pesquet"]


def test_the_incise_is_left_out_of_the_quote_asked():
    text = (
        "Mme Claudie Haigneré a parlé avant lui. "
        "« Nous partirons demain, estime Thomas Pesquet, et nous reviendrons en mai. »"
    )
    (q,) = quote_questions(text)
    assert q["quote"] == "Nous partirons demain […] et nous reviendrons en mai."
    assert q["speaker"] == "Thomas Pesquet"


def test_an_inverted_pronoun_inside_the_marks():
    text = "Mme Anne Roy est arrivée. « Le dossier est clos, tranche-t-elle. Nous passons à autre chose. »"
    assert speakers(text) == ["Anne Roy"]


def test_a_colon_then_the_quotation_in_the_next_paragraph():
    text = "La maire, Mme Anne Roy, a déclaré :\n\n« Nous ne céderons pas sur le budget. »\n"
    (att,) = analyse(text).attributions
    assert att.speaker.name == "Anne Roy"
    assert "a déclaré" in text[att.evidence[0] : att.evidence[1]]  # the evidence shows who


def test_reponse_after_a_question_put_to_a_named_person():
    text = (
        "Nous avons demandé à M. Paul Durand s’il se représenterait en mars. "
        "Réponse : « Certainement pas, je laisse la place. »"
    )
    (att,) = analyse(text).attributions
    assert att.speaker.name == "Paul Durand" and att.review
    assert "Réponse" in att.why


def test_reponse_is_never_a_speaker_by_itself():
    assert speakers("Réponse : « Certainement pas, je laisse la place. »") == [None]


def test_a_quote_alone_after_reported_speech_continues_its_speaker():
    text = "M. Paul Durand explique alors qu’il a été reconnu par deux clients. « J’étais hilare, vraiment. »"
    assert speakers(text) == ["Paul Durand"]


def test_a_broad_set_of_speech_verbs():
    for verb in (
        "énonce",
        "glisse",
        "martèle",
        "insiste",
        "résume",
        "confie",
        "reconnaît",
        "s’agace",
        "clame",
    ):
        text = f"« Rien n’est joué pour nous », {verb} Jeanne Martin."
        assert speakers(text) == ["Jeanne Martin"], verb


def test_possessive_and_demonstrative_labels_are_resolved_or_dropped():
    # "Sa mère" is somebody's relative, not someone the article names: no speaker.
    assert speakers("M. Paul Durand a été élu. « Je suis fière de lui », confie sa mère.") == [None]
    # "Ce dernier" is the person just named, to review.
    atts = analyse("Le club a recruté M. Paul Durand. « Je suis ravi », a déclaré ce dernier.").attributions
    assert atts[0].speaker.name == "Paul Durand" and atts[0].review and "ce dernier" in atts[0].why


@pytest.mark.slow
@pytest.mark.nlp
@pytest.mark.parametrize("verb", ["a balayé", "a tenu à préciser", "a voulu rassurer", "persifle"])
def test_an_incise_after_the_quote_needs_no_verb_list(entities, verb):
    # The form of "« C'est un grand pas … », a commenté Jean-Jacques Dordain" (dev 07), any verb.
    text = f"« Nous ne lâcherons rien », {verb} la députée Clémentine Autain.\n"
    (att,) = analyse(text, entities).attributions
    assert att.speaker.name == "Clémentine Autain"


@pytest.mark.slow
@pytest.mark.nlp
def test_a_verb_before_a_colon_is_read_by_the_parser_and_flagged(entities):
    text = "La députée Clémentine Autain a pris la parole devant les élus : « Nous ne lâcherons rien. »\n"
    (att,) = analyse(text, entities).attributions
    assert att.speaker.name == "Clémentine Autain" and att.review and att.why


@pytest.mark.slow
@pytest.mark.nlp
def test_hearing_a_conversation_is_not_speaking(entities):
    # "Michel-Edouard Leclerc entend alors une conversation entre son observateur et sa compagne :
    # "Ce type là, c'est Edouard, …"" (dev 01, France Bleu)
    text = "Michel-Edouard Leclerc entend alors une conversation : « Ce type là, c’est Edouard. »\n"
    (att,) = analyse(text, entities).attributions
    assert att.speaker is None


@pytest.mark.slow
@pytest.mark.nlp
def test_the_subject_of_a_governing_verb(entities):
    text = "La députée Clémentine Autain veut croire que la réforme sera « retirée ».\n"
    (att,) = analyse(text, entities).attributions
    assert att.speaker.name == "Clémentine Autain"
