"""Edits a teacher would otherwise make by hand on every draft (blind readers' E grades): an
editor's note is not part of someone's words, and "de son côté" gives nobody the role "côté".
Invented articles."""

import pytest

from quizgen.draft.bank import draft_questions
from quizgen.draft.pipeline import analyse

pytestmark = [pytest.mark.slow, pytest.mark.nlp]

ARTICLE = (
    "Les éleveurs réclament des aides après la sécheresse\n\n"
    "« Nous avons tout perdu cet été (la récolte de foin, NDLR), et personne ne nous écoute », "
    "explique Julien Marchetti, éleveur à Corte. "
    "« Les aides arrivent toujours trop tard pour les petites exploitations de montagne », "
    "s’étonne de son côté Sandrine Albertini, présidente de la chambre d’agriculture. "
    "« On attend une réponse claire du ministère avant la fin du mois », ajoute Julien Marchetti."
)


def drafted(entities):
    analysis = analyse(ARTICLE, entities)
    return analysis, draft_questions(analysis, "a").questions


def test_an_editors_note_is_left_out_of_the_quotation(entities):
    _analysis, questions = drafted(entities)
    shown = [str(q.get("quote") or q.get("prompt") or q.get("text") or "") for q in questions]
    marchetti = [s for s in shown if "tout perdu" in s]
    assert marchetti, shown
    assert all("NDLR" not in s and "récolte de foin" not in s for s in marchetti)
    assert any("tout perdu cet été, et personne" in s for s in marchetti)


def test_de_son_cote_gives_no_role(entities):
    analysis, questions = drafted(entities)
    person = analysis.registry.person("Sandrine Albertini")
    assert person is not None and "côté" not in " ".join(person.roles)
    said = [a.speaker for a in analysis.attributions if a.speaker and "Albertini" in a.speaker.name]
    assert said and all(sp.role != "côté" for sp in said)
    assert not [q for q in questions if "(côté)" in str(q.get("explanation", ""))]
