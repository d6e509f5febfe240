"""Drafting a bank from an article in the teacher area: the form, the drafter
run on the server, drafts kept in the database, and who may do it (issue 12,
points 1, 5 and 6). The drafter is a fake here (tests/web/drafting.py); the
real one runs in test_drafts_nlp.py."""

from __future__ import annotations

import builtins
import io
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from tests.web.conftest import PASSWORD
from tests.web.drafting import ARTICLE, FakeDrafter, drafting_app, start_draft, teacher_client
from web import drafter as drafter_module
from web.drafter import SpacyDrafter


def test_the_article_form_drafts_on_the_server_and_opens_the_review(make_app: Callable[..., Flask],
                                                                    bank_dir: Path) -> None:
    fake = FakeDrafter()
    app = drafting_app(make_app, bank_dir, QUIZGEN_DRAFTER=fake)
    client = teacher_client(app)
    page = client.get("/teacher/drafts/new").get_data(as_text=True)
    assert 'name="article"' in page and 'name="upload"' in page and 'enctype="multipart/form-data"' in page
    for name in ("title", "outlet", "published", "url"):
        assert f'name="{name}"' in page
    review = start_draft(client, published="2021-12-07", url="https://example.org/a")
    text, info = fake.calls[0]
    assert text == ARTICLE.replace("\r\n", "\n")
    assert info.outlet == "Le Direct" and str(info.published) == "2021-12-07" and info.url == "https://example.org/a"
    html = client.get(review).get_data(as_text=True)
    # The guesses are editable before publishing: the title from the article's first line.
    assert 'value="Sommet virtuel : Joe Biden et Vladimir Poutine se sont parlé mardi."' in html
    assert 'value="sommet-virtuel-joe-biden-vladimir-poutine"' in html  # the bank id, from the title
    assert 'value="2021-12-07"' in html and 'value="Le Direct"' in html


def test_a_txt_upload_is_read_as_the_article(make_app: Callable[..., Flask], bank_dir: Path) -> None:
    fake = FakeDrafter()
    client = teacher_client(drafting_app(make_app, bank_dir, QUIZGEN_DRAFTER=fake))
    response = client.post("/teacher/drafts/new", data={
        "article": "", "upload": (io.BytesIO(b"\xef\xbb\xbf" + ARTICLE.encode()), "article.txt")},
        content_type="multipart/form-data")
    assert response.status_code == 303
    assert fake.calls[0][0].startswith("Sommet virtuel")  # the BOM is gone


@pytest.mark.parametrize(("data", "message"), [
    ({"article": "   "}, "Paste the article, or choose a .txt file."),
    ({"article": "", "upload": (b"caf\xe9", "a.txt")}, "The file is not UTF-8 text"),
    ({"article": "Rien à voir ici."}, "found nothing to ask about"),
    ({"article": "x", "url": "javascript:alert(1)"}, "Invalid URL"),
])
def test_bad_articles_get_one_clear_message(make_app: Callable[..., Flask], bank_dir: Path,
                                            data: dict[str, Any], message: str) -> None:
    client = teacher_client(drafting_app(make_app, bank_dir))
    # A new file object for each run (each database backend): the client closes the one it sends.
    sent = {k: (io.BytesIO(v[0]), v[1]) if isinstance(v, tuple) else v for k, v in data.items()}
    response = client.post("/teacher/drafts/new", data=sent, content_type="multipart/form-data")
    assert response.status_code == 400
    assert message in response.get_data(as_text=True)


def test_pasted_text_is_limited_to_200_kb_with_a_clear_message(make_app: Callable[..., Flask],
                                                               bank_dir: Path) -> None:
    fake = FakeDrafter()
    client = teacher_client(drafting_app(make_app, bank_dir, QUIZGEN_DRAFTER=fake))
    just_under = ARTICLE + "é" * ((200 * 1024 - len(ARTICLE.encode())) // 2 - 10)
    assert client.post("/teacher/drafts/new", data={"article": just_under}).status_code == 303
    over = ARTICLE + "x" * 200 * 1024
    response = client.post("/teacher/drafts/new", data={"article": over})
    assert response.status_code == 400
    assert "too large: at most 200 KB" in response.get_data(as_text=True)
    huge = "x" * 1024 * 1024  # beyond what the route reads at all
    response = client.post("/teacher/drafts/new", data={"article": huge})
    assert response.status_code == 413 and "at most 200 KB" in response.get_data(as_text=True)
    # Elsewhere the site's own limit (64 KB) still holds.
    assert client.post("/teacher/login", data={"name": "x" * 100_000}).status_code == 413
    review = start_draft(client)
    response = client.post(f"{review}/q/agence", data={"prompt": "x" * 100_000})
    assert response.status_code == 413 and "What was sent is too large." in response.get_data(as_text=True)
    assert len(fake.calls) == 2


def test_without_the_draft_extra_the_page_says_how_to_install_it(make_app: Callable[..., Flask],
                                                                   bank_dir: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # spaCy's import fails, as on a site installed without quizgen[draft].
    monkeypatch.setitem(sys.modules, "spacy", None)
    monkeypatch.setattr(drafter_module, "_finder", None)
    real = SpacyDrafter()
    assert "pip install 'quizgen[draft]'" in (real.unavailable() or "")
    app = drafting_app(make_app, bank_dir, QUIZGEN_DRAFTER=real)
    client = teacher_client(app)
    page = client.get("/teacher/drafts/new")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "pip install 'quizgen[draft]'" in html and 'id="unavailable"' in html
    response = client.post("/teacher/drafts/new", data={"article": ARTICLE})
    assert response.status_code == 503 and 'id="unavailable"' in response.get_data(as_text=True)
    # The rest of the site works.
    assert client.get("/teacher/").status_code == 200
    assert client.get("/").status_code == 200
    assert client.get("/teacher/banks/sommet-classe/edit").status_code == 200


def test_the_real_drafter_reports_a_missing_spacy_as_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    from quizgen.errors import QuizgenError
    from web.drafter import SourceInfo

    real_import = builtins.__import__

    def no_spacy(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "spacy" or name.startswith("spacy."):
            raise ImportError("No module named 'spacy'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(drafter_module, "_finder", None)
    monkeypatch.setattr(builtins, "__import__", no_spacy)
    with pytest.raises(QuizgenError, match=r"pip install 'quizgen\[draft\]'"):
        SpacyDrafter().draft(ARTICLE, SourceInfo())


def test_drafts_survive_a_restart(make_app: Callable[..., Flask], bank_dir: Path) -> None:
    app = drafting_app(make_app, bank_dir)
    client = teacher_client(app)
    review = start_draft(client)
    assert client.post(review + "/q/agence/accept").status_code == 303
    assert client.post(review + "/q/pays/drop").status_code == 303
    app.extensions["quizgen_db"].dispose()

    again = drafting_app(make_app, bank_dir)  # a new process on the same instance folder
    client = again.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.post("/teacher/login", data={"name": "prof", "password": PASSWORD})
    listing = client.get("/teacher/drafts/").get_data(as_text=True)
    assert f'href="{review}"' in listing
    html = client.get(review).get_data(as_text=True)
    assert "1 accepted, 7 to review, 1 dropped" in html
    assert "Sommet virtuel : Joe Biden" in html


def test_drafts_are_for_teachers_only_and_each_sees_their_own(make_app: Callable[..., Flask],
                                                             bank_dir: Path) -> None:
    app = drafting_app(make_app, bank_dir)
    anonymous = app.test_client()
    for url in ("/teacher/drafts/", "/teacher/drafts/new", "/teacher/banks/sommet-classe/edit"):
        response = anonymous.get(url)
        assert response.status_code == 303 and "/teacher/login" in response.headers["Location"]
    assert anonymous.post("/teacher/drafts/new", data={"article": ARTICLE}).status_code == 303
    review = start_draft(teacher_client(app, "prof"))
    other = teacher_client(app, "autre")
    assert other.get(review).status_code == 404
    assert other.post(review + "/q/agence/accept").status_code == 404


def test_forms_need_the_csrf_token(make_app: Callable[..., Flask], bank_dir: Path) -> None:
    app = drafting_app(make_app, bank_dir, WTF_CSRF_ENABLED=True)
    client = teacher_client_csrf(app)
    response = client.post("/teacher/drafts/new", data={"article": ARTICLE})
    assert response.status_code == 400 and "This form has expired" in response.get_data(as_text=True)
    assert client.post("/teacher/banks/sommet-classe/q/agence/drop").status_code == 400


def teacher_client_csrf(app: Flask) -> Any:
    import re

    from web.accounts import add_teacher

    with app.app_context():
        add_teacher("prof", PASSWORD)
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    page = client.get("/teacher/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert token
    response = client.post("/teacher/login", data={"name": "prof", "password": PASSWORD,
                                                    "csrf_token": token[1]})
    assert response.status_code == 303
    return client


@pytest.mark.parametrize("how", ["config", "environment"])
def test_a_read_only_site_refuses_every_write(make_app: Callable[..., Flask], bank_dir: Path,
                                             monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    writable = drafting_app(make_app, bank_dir)
    review = start_draft(teacher_client(writable))
    if how == "environment":
        monkeypatch.setenv("QUIZGEN_READ_ONLY", "1")
        app = drafting_app(make_app, bank_dir)
    else:
        app = drafting_app(make_app, bank_dir, QUIZGEN_READ_ONLY=True)
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.post("/teacher/login", data={"name": "prof", "password": PASSWORD})
    before = sorted(p.name for p in bank_dir.rglob("*"))
    for url in ("/teacher/drafts/new", review):
        assert "This site is read-only" in client.get(url).get_data(as_text=True)
    for url, data in (("/teacher/drafts/new", {"article": ARTICLE}), (review + "/q/agence/accept", {}),
                      (review + "/details", {"publish": "1"}),
                      ("/teacher/banks/sommet-classe/q/agence/drop", {})):
        response = client.post(url, data=data)
        assert response.status_code == 403, url
        assert "read-only" in response.get_data(as_text=True)
    assert sorted(p.name for p in bank_dir.rglob("*")) == before
