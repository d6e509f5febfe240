"""More questions from sentences that had none (invented sentences): a name after a verb or a
conjunction swapped for another person, a root the tagger took for a noun read as a verb, no
blank that cuts a name in two."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from quizgen.draft.blanks import splits_a_name
from quizgen.draft.pipeline import analyse

_ARTICLE = (
    "Le jeune homme qui a bousculé Julien Marchand a été condamné mardi par le tribunal de Vire. "
    "Le prévenu devra verser une amende de trois cents euros à la victime.\n\n"
    "Le marché de la ville se tient chaque samedi sur la place de l'église depuis plus d'un siècle.\n\n"
    "Mais Thomas Lebrun veut désormais renforcer la sécurité autour des étals du centre-ville. "
    "Il a annoncé l'arrivée de deux agents municipaux supplémentaires dès le mois prochain."
)


@pytest.mark.slow
@pytest.mark.nlp
def test_a_name_after_a_verb_is_swapped_for_another_person(entities):
    from quizgen.draft.questions import Builder
    from quizgen.draft.statements import person_swaps_of

    b = Builder(analyse(_ARTICLE, entities), "article")
    swaps = person_swaps_of(b, 0)
    assert [(b.text[x:y], new) for x, y, new, _why in swaps] == [("Julien Marchand", "Thomas Lebrun")]


@pytest.mark.slow
@pytest.mark.nlp
def test_a_statement_swapped_right_after_an_opening_drops_the_opening(entities):
    from quizgen.draft.questions import Builder

    b = Builder(analyse(_ARTICLE, entities), "article")
    si = next(i for i, s in enumerate(b.a.sentences) if b.text[s.start : s.end].startswith("Mais"))
    x = b.text.index("Thomas Lebrun")
    pre, mid, _post = b.window(si, x, x + len("Thomas Lebrun"), words=40)
    assert (pre, mid) == ("", "Thomas Lebrun")


def test_a_blank_never_cuts_a_name_in_two():
    text = "Interrogé au micro de Radio Nova jeudi, il a répondu. Il vit sur notre Terre."
    nova = text.index("Radio Nova")
    earth = text.index("notre Terre")
    ner = [(nova, nova + 10, "ORG"), (earth, earth + 11, "LOC")]
    b = SimpleNamespace(text=text, a=SimpleNamespace(ner=ner))
    micro = text.index("micro")
    assert splits_a_name(b, micro, nova + len("Radio"))  # "[micro de Radio] Nova"
    assert not splits_a_name(b, micro, nova + 10)  # "[micro de Radio Nova]"
    assert not splits_a_name(b, earth + 6, earth + 11)  # "notre [Terre]": the whole name hidden


@pytest.mark.slow
@pytest.mark.nlp
def test_a_root_with_a_subject_before_it_is_a_verb(entities):
    from quizgen.draft.readable import _verbless

    text = (
        "Le tribunal a rendu son jugement.\n\nLe gardien écope d'une peine de six mois de prison avec sursis."
    )
    assert not _verbless(analyse(text, entities), 1)  # "écope" tagged as a noun, "Le gardien" its subject
    text = "Le maire parle.\n\nUne ouverture très attendue après quatorze mois de travaux."
    assert _verbless(analyse(text, entities), 1)
