"""True/false statements and choices a teacher keeps (invented sentences): a false figure of the
same order, a false date of the same tense, a swap that leaves a full clause, no speaker named
twice, no thing offered as a person."""

from __future__ import annotations

import pytest

from quizgen.draft.figures import Figure
from quizgen.draft.pipeline import analyse
from quizgen.draft.statements import MAX_SWAP_RATIO, same_kind, same_time


def _figure(text: str, words: str, kind: str, value: float | None, unit: str | None) -> Figure:
    x = text.index(words)
    return Figure(kind, x, x + len(words), words, value, unit)


def test_a_false_figure_is_of_the_same_order():
    text = "La tournée durera trois ans. Il chante depuis 50 ans. Il a vendu 4 albums en 2 ans."
    three = _figure(text, "trois ans", "duration", 3, "ans")
    fifty = _figure(text, "50 ans", "duration", 50, "ans")
    two = _figure(text, "2 ans", "duration", 2, "ans")
    assert MAX_SWAP_RATIO == 10
    assert not same_kind(three, fifty)
    assert same_kind(three, two)


def test_a_false_date_keeps_the_tense_of_the_sentence():
    text = "La comète fut repérée en 2014. Elle reviendra en 2031 prochain, selon les astronomes."
    past = _figure(text, "2014", "date", 2014, None)
    future = _figure(text, "2031", "date", 2031, None)
    assert not same_time(text, past, future)
    assert same_time(text, past, past)


@pytest.mark.slow
@pytest.mark.nlp
def test_a_true_statement_names_its_speaker_once(entities):
    from quizgen.draft.questions import Builder
    from quizgen.draft.statements import true_statement

    text = (
        "Paul Roy, guitariste du groupe Les Lames, a annoncé samedi sa dernière tournée. "
        "Il continuera toutefois de composer des ballades pour le cinéma, a-t-il précisé."
    )
    b = Builder(analyse(text, entities), "article")
    assert true_statement(b, 1)
    statement = b.questions[-1]["statement"]
    assert statement.count("Paul Roy") == 1 and "précisé" not in statement, statement
    assert statement.endswith("cinéma. »"), statement


@pytest.mark.slow
@pytest.mark.nlp
def test_a_swap_that_breaks_the_clause_is_refused(entities):
    from quizgen.draft.questions import Builder
    from quizgen.draft.statements import breaks_clause

    text = "Le festival a invité le Quatuor Ébène pour son concert de clôture à Lorient."
    b = Builder(analyse(text, entities), "article")
    x = text.index("Quatuor")
    y = x + len("Quatuor Ébène")
    assert breaks_clause(b, x, y, "la Maîtrise de Caen")
    assert not breaks_clause(b, x, y, "Quintette Moraguès")
    v = text.index("a invité")
    assert breaks_clause(b, v, v + len("a invité"), "Paris")


@pytest.mark.slow
@pytest.mark.nlp
def test_a_thing_named_like_a_person_is_no_choice(entities):
    from quizgen.draft.quotepicks import names_a_thing

    text = (
        "La romancière Léa Rios a présenté son livre, Ville de Sable, aux lecteurs de Brest. "
        "Elle a ensuite fait ses courses au Marché Dubois avec son éditeur Paul Vidal. "
        "L'astronaute Marc Ollier et le peintre Hugo Bret ont salué le roman."
    )
    a = analyse(text, entities)
    assert not names_a_thing(a, "Marc Ollier") and not names_a_thing(a, "Hugo Bret")
    assert names_a_thing(a, "Ville de Sable")
    assert names_a_thing(a, "Marché Dubois")
    assert not names_a_thing(a, "Léa Rios") and not names_a_thing(a, "Paul Vidal")


def test_a_swapped_name_keeps_french_elision():
    from quizgen.draft.statements import elision_breaks

    assert elision_breaks("Il a dit que ", "Anne Roux")  # "qu'Anne" in French
    assert elision_breaks("la maison d'", "Paul Roy")
    assert not elision_breaks("Il a dit que ", "Paul Roy")
    assert not elision_breaks("la maison d'", "Anne Roux")


@pytest.mark.slow
@pytest.mark.nlp
def test_places_the_model_reads_as_places_are_never_offered_as_speakers(entities):
    from quizgen.draft.quotepicks import candidates_of, read_as_place_or_body

    text = (
        "Trois départements sont passés en vigilance rouge : l'Aude Pyrénées-Orientales, Haute "
        "Garonne, et Tarn Aveyron. « Il faut vérifier les carnets de vaccination », insiste Claire "
        "Morin, pédiatre.\n"
    )
    a = analyse(text, entities)
    assert read_as_place_or_body(a, "Haute Garonne") and not read_as_place_or_body(a, "Claire Morin")
    assert {c.name for c in candidates_of(a)} <= {"Claire Morin"}
