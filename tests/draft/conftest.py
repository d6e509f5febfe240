"""Fixtures of the draft tests: the NLP model, loaded once for the slow tests."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def entities():
    """The French NER model (fr_core_news_sm), loaded once per test session."""
    from quizgen.draft.nlp import load_entity_finder

    return load_entity_finder()
