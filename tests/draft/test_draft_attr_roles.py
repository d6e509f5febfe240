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
