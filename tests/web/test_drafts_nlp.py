"""The teacher area's drafting with the real drafter and the French spaCy model."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask

from tests.web.drafting import teacher_client
from web import drafter as drafter_module
from web.drafter import SpacyDrafter

pytestmark = [pytest.mark.slow, pytest.mark.nlp]

ARTICLE = Path(__file__).resolve().parents[1] / "draft" / "data" / "articles" / "kiev-electricite.txt"


def test_the_real_drafter_drafts_a_reviewable_bank_and_loads_the_model_once(
        make_app: Callable[..., Flask], bank_dir: Path) -> None:
    drafter = SpacyDrafter()
    if drafter.unavailable():
        pytest.skip(drafter.unavailable())
    client = teacher_client(make_app(bank_dir))
    text = ARTICLE.read_text(encoding="utf-8")
    response = client.post("/teacher/drafts/new", data={"article": text, "outlet": "Le Quotidien"})
    assert response.status_code == 303, response.get_data(as_text=True)
    model = drafter_module.entity_finder()
    html = client.get(response.headers["Location"]).get_data(as_text=True)
    assert len(re.findall(r'data-qid="', html)) >= 10
    assert '<mark id="evidence">' in html  # the current question's sentence, found in the article
    assert 'value="Le Quotidien"' in html
    # A second article in the same process reuses the loaded model.
    assert client.post("/teacher/drafts/new", data={"article": text}).status_code == 303
    assert drafter_module.entity_finder() is model
