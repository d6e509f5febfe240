"""Roles as the model helps read them, on short invented texts (slow: model)."""

from __future__ import annotations

import pytest

from quizgen.draft.pipeline import analyse
from quizgen.draft.writtenroles import written_roles

pytestmark = [pytest.mark.slow, pytest.mark.nlp]


def test_a_long_written_role_is_not_cut_inside_a_hyphenated_name(entities):
    text = (
        "L'alerte vient aussi de Julie Fabre, directrice du centre régional de recherche médicale "
        "de l'AP-HM, selon qui « la saison sera rude »."
    )
    a = analyse(text, entities)
    found = written_roles(a.article.text, a.tokens, a.ner, a.registry)
    expected = "directrice du centre régional de recherche médicale de l'AP-HM"
    assert [role for _pos, _key, role, _app, _det in found] == [expected]


def _roles(text: str, entities) -> set[tuple[str, str]]:
    return {(r.person, r.role) for r in analyse(text, entities).roles}


def test_et_joining_two_complements_of_one_role_keeps_the_whole_role(entities):
    text = (
        "Le glacier fond plus vite que prévu, a expliqué Marc Vasseur, conseiller pour la "
        "recherche et l'innovation au Parc national des Écrins."
    )
    role = "conseiller pour la recherche et l'innovation au Parc national des Écrins"
    assert _roles(text, entities) == {("Marc Vasseur", role)}


def test_et_before_a_second_function_still_makes_two_roles(entities):
    text = "Le glacier fond, a expliqué Nora Vasseur, médecin et directrice du Parc national des Écrins."
    assert _roles(text, entities) == {
        ("Nora Vasseur", "médecin"),
        ("Nora Vasseur", "directrice du Parc national des Écrins"),
    }


def test_the_comma_closing_a_relative_of_speech_is_no_incise(entities):
    text = "Lucie Garnier, qui dénonce « un abandon des vergers », a quitté la réunion."
    atts = analyse(text, entities).attributions
    assert [(a.speaker.name if a.speaker else None) for a in atts] == ["Lucie Garnier"]
