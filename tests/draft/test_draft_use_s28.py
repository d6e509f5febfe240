"""What a blind teacher-reader dropped in the drafts of the development sets (session of
2026-12-08): a body blanked where the story only names it in passing — where someone works or
is held, who made a report shown on television (invented sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from quizgen.draft.bank import SourceInfo, build_bank
from quizgen.draft.pipeline import analyse


def blanks(text: str, entities) -> list[str]:
    """What the draft's clozes hide."""
    bank = build_bank(
        analyse(text, entities), SourceInfo(), bank_id="t", source_path="t.txt", today=date(2024, 1, 1)
    ).bank
    found = []
    for q in bank.model_dump()["questions"]:
        if q["type"] == "cloze":
            found.append(q["text"].split("{{c1::", 1)[1].split("}}", 1)[0].split("::")[0])
    return found


@pytest.mark.slow
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "passing"),
    [
        (
            "Le nouveau pont de Saint-Vallier a été inauguré lundi après quatre ans de travaux.\n"
            "Le suppléant du député, retenu à l'Assemblée nationale, a lu un message de félicitations "
            "au public venu nombreux.",
            "l'Assemblée nationale",
        ),
        (
            "Des chercheurs ont mesuré la fonte des glaciers des Pyrénées depuis vingt ans.\n"
            "L'étude a été menée par une équipe du laboratoire de climatologie de l'Université de "
            "Toulouse, qui publie ses résultats cette semaine.",
            "l'Université de Toulouse",
        ),
    ],
)
def test_a_body_named_in_passing_is_not_what_a_cloze_hides(entities, text, passing):
    assert passing not in blanks(text, entities)


@pytest.mark.slow
@pytest.mark.nlp
def test_a_body_that_acts_in_the_story_may_still_be_hidden(entities):
    text = (
        "Les salariés de l'usine de Vierzon ont appris mardi la fermeture de leur site.\n"
        "Le groupe Danone a confirmé la nouvelle dans un communiqué."
    )
    assert any("Danone" in blank for blank in blanks(text, entities))
