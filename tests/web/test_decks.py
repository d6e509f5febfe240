"""The site's decks come from the same pipeline as `quizgen build`, keyed on
the same inputs, so an upgrade that changes card templates reaches students."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask.testing import FlaskClient

import quizgen.build


def _cached(app_client: FlaskClient) -> list[Path]:
    cache = Path(app_client.application.config["QUIZGEN_DECK_CACHE"])
    return sorted(cache.glob("sommet-classe-*.apkg"))


def test_a_change_of_card_code_gives_a_new_deck(client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    first = client.get("/b/sommet-classe/deck.apkg")
    assert first.status_code == 200
    before = _cached(client)
    assert len(before) == 1
    # Same bank, same lock file, new rendering code (an upgrade of quizgen or genanki).
    monkeypatch.setattr(quizgen.build, "code_digest", lambda: "0" * 64)
    second = client.get("/b/sommet-classe/deck.apkg")
    assert second.status_code == 200
    after = _cached(client)
    assert len(after) == 1 and after != before  # rebuilt, and the stale deck removed
