"""A question across several articles: its correction shows every passage with its own source."""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from flask import Flask

from quizgen import load_bank
from tests.web.pages import form_data

SECOND_SOURCE = """\
  - id: revue
    title: "Poutine 1 – Biden 0"
    outlet: "La Revue"
    published: 2021-12-08
    path: sources/revue.txt
    summary: Une revue de presse qui relaie la version du Kremlin.
"""
QUESTION = """\
  - id: deux-articles
    type: true_false
    source: [direct, revue]
    statement: "Les deux articles parlent de l’agence RIA et du Kremlin."
    answer: true
    evidence:
      direct: "a rapporté l’agence de presse russe RIA"
      revue: "selon le communiqué du Kremlin"
    explanation: "Chaque article cite sa source."
    tags: [comparaison]
"""


def test_feedback_shows_each_passage_with_its_source(make_app: Callable[..., Flask], bank_dir: Path) -> None:
    (bank_dir / "sources" / "revue.txt").write_text("Tout va bien, selon le communiqué du Kremlin.\n",
                                                     encoding="utf-8")
    path = bank_dir / "classe.yaml"
    text = path.read_text(encoding="utf-8").replace("questions:\n", SECOND_SOURCE + "questions:\n", 1)
    path.write_text(text + QUESTION, encoding="utf-8")
    q = load_bank(path).question("deux-articles")
    client = make_app(bank_dir).test_client()

    response = client.post("/b/sommet-classe/practice", data={"tag": ["comparaison"]})
    base = response.headers["Location"].rsplit("/", 1)[0]
    page = client.get(f"{base}/1").get_data(as_text=True)
    assert client.post(f"{base}/1", data=form_data(q, page)).status_code == 303
    feedback = html.unescape(client.get(f"{base}/1").get_data(as_text=True))
    first, second = feedback.index("a rapporté l’agence de presse russe RIA"), \
        feedback.index("selon le communiqué du Kremlin")
    # Each passage, then the source it comes from.
    assert first < feedback.index("Le Direct", first) < second < feedback.index("La Revue", second)
