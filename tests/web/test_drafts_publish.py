"""Publishing a reviewed draft (issue 12, point 3): the bank and its article
written with quizgen draft's writer into the first QUIZGEN_BANKS folder,
validated first, on the site at once, one click from a class session."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from quizgen import load_bank
from tests.web.conftest import join
from tests.web.drafting import ARTICLE, drafting_app, form_values, start_draft, teacher_client


def _details(client: Any, review: str, **changes: str) -> dict[str, str]:
    values = form_values(client.get(review).get_data(as_text=True), "details-form")
    values.update(changes)
    return values


def _review_all(client: Any, review: str, *, drop: tuple[str, ...] = ("pays", "ordre")) -> None:
    for qid in ("agence", "appels", "heure", "duree", "conseiller", "bienvenue", "chars"):
        assert client.post(f"{review}/q/{qid}/accept").status_code == 303
    for qid in drop:
        assert client.post(f"{review}/q/{qid}/drop").status_code == 303


@pytest.fixture
def site(make_app: Callable[..., Flask], bank_dir: Path, tmp_path: Path):
    """The site writing to a second, empty folder first in QUIZGEN_BANKS."""
    new_folder = tmp_path / "nouveaux"
    new_folder.mkdir()
    app = drafting_app(make_app, [new_folder, bank_dir])
    return app, teacher_client(app), new_folder


def test_publish_writes_the_bank_and_its_article_and_serves_it_at_once(site) -> None:
    app, client, folder = site
    review = start_draft(client)
    _review_all(client, review)
    assert client.post(f"{review}/q/chars/restore").status_code == 303  # one left to review
    response = client.post(f"{review}/details", data=_details(client, review, bank_id="sommet-publie",
                                                              publish="1"))
    assert response.status_code == 303, response.get_data(as_text=True)
    bank_file, source = folder / "sommet-publie.yaml", folder / "sources" / "sommet-publie.txt"
    assert source.read_text(encoding="utf-8") == ARTICLE
    bank = load_bank(bank_file)  # valid, through quizgen's own loader
    by_id = {q.id: q for q in bank.questions}
    assert set(by_id) == {"agence", "appels", "heure", "duree", "conseiller", "bienvenue", "chars"}
    assert not any(by_id[q].draft or by_id[q].review for q in by_id if q != "chars")
    assert by_id["chars"].draft
    text = bank_file.read_text(encoding="utf-8")
    assert "draft: false" not in text and len(re.findall(r"^  draft: true$", text, re.M)) == 1
    assert "path: sources/sommet-publie.txt" in text
    assert text.startswith("# Brouillon écrit par `quizgen draft`")  # the writer of quizgen draft

    page = client.get(response.headers["Location"]).get_data(as_text=True)
    deck = re.search(r'href="([^"]+)" id="download-deck"', page)
    assert deck and deck[1] == "/b/sommet-publie/deck.apkg"
    assert 'href="/teacher/new/sommet-publie" id="session-settings"' in page
    # No restart: the bank is on the site, and one click opens a class session on it.
    assert client.get("/b/sommet-publie").status_code == 200
    start = form_values(page, "start-form")
    assert re.search(r'action="/teacher/new/sommet-publie" class="actions" id="start-form"', page)
    created = client.post("/teacher/new/sommet-publie", data=start)
    assert created.status_code == 303
    code = created.headers["Location"].rsplit("/", 1)[1]
    student = join(app, code, "Zoé")
    assert student.get(f"/j/{code}/1").status_code == 200
    assert "Publish" in client.get(review).get_data(as_text=True)  # the draft says where it went
    assert client.get("/teacher/drafts/").get_data(as_text=True).count(review) == 0


def test_nothing_is_written_when_the_bank_is_not_valid(site) -> None:
    _app, client, folder = site
    review = start_draft(client)
    _review_all(client, review)
    summary = " ".join(["mot"] * 90)  # over the validator's 80 words
    response = client.post(f"{review}/details", data=_details(client, review, summary=summary, publish="1"))
    assert response.status_code == 400
    assert "summary has 90 words; the limit is 80" in response.get_data(as_text=True)
    assert list(folder.rglob("*")) == []


@pytest.mark.parametrize(("bank_id", "message"), [
    ("../../evil", "Lower-case letters, digits and hyphens only."),
    ("Sommet", "Lower-case letters, digits and hyphens only."),
    ("sommet-classe", "A bank with this id is already on the site."),
])
def test_the_bank_id_is_a_slug_and_a_new_one(site, bank_id: str, message: str) -> None:
    _app, client, folder = site
    review = start_draft(client)
    _review_all(client, review)
    response = client.post(f"{review}/details", data=_details(client, review, bank_id=bank_id, publish="1"))
    assert response.status_code in (400, 409)
    assert message in response.get_data(as_text=True)
    assert list(folder.rglob("*")) == []


def test_an_existing_file_is_never_overwritten(site) -> None:
    _app, client, folder = site
    (folder / "pris.yaml").write_text("# pas un bank chargé\n", encoding="utf-8")
    review = start_draft(client)
    _review_all(client, review)
    response = client.post(f"{review}/details", data=_details(client, review, bank_id="pris", publish="1"))
    assert response.status_code == 409 and "pris.yaml already exists" in response.get_data(as_text=True)
    assert (folder / "pris.yaml").read_text(encoding="utf-8") == "# pas un bank chargé\n"


def test_publishing_needs_an_accepted_question(site) -> None:
    _app, client, folder = site
    review = start_draft(client)
    response = client.post(f"{review}/details", data=_details(client, review, publish="1"))
    assert response.status_code == 400
    assert "Accept at least one question" in response.get_data(as_text=True)
    assert list(folder.rglob("*")) == []


def test_saving_the_details_keeps_them(site) -> None:
    _app, client, _folder = site
    review = start_draft(client)
    values = _details(client, review, title="Un autre titre", outlet="Le Monde", url="https://example.org/x",
                      save="1")
    assert client.post(f"{review}/details", data=values).status_code == 303
    again = _details(client, review)
    assert again["title"] == "Un autre titre" and again["outlet"] == "Le Monde"
    assert again["url"] == "https://example.org/x"


def test_a_folder_the_site_cannot_write_to_gets_a_message(site, monkeypatch: pytest.MonkeyPatch) -> None:
    from web import bankfiles

    def refused(*_args: Any) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(bankfiles, "write_bank", refused)
    _app, client, folder = site
    review = start_draft(client)
    _review_all(client, review)
    response = client.post(f"{review}/details", data=_details(client, review, publish="1"))
    assert response.status_code == 500
    assert "cannot be written on the server: Permission denied" in response.get_data(as_text=True)
    assert list(folder.rglob("*")) == []
    assert review in client.get("/teacher/drafts/").get_data(as_text=True)  # still a draft
