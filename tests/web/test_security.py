"""CSRF, escaping, headers, cookies, and error pages instead of crashes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import yaml
from flask import Flask
from flask.sessions import SecureCookieSessionInterface
from flask.testing import FlaskClient
from itsdangerous import BadSignature

from tests.web.conftest import PASSWORD, create_session, join, login, refused
from tests.web.pages import form_data, parse
from web.accounts import add_teacher

XSS = '<script>alert("x")</script>'
XSS_ATTR = '"><img src=x onerror=alert(1)>'


def csrf_of(page: str) -> str:
    forms, _ = parse(page)
    return next(f.hidden["csrf_token"] for f in forms if "csrf_token" in f.hidden)


def test_csrf_is_enforced_on_every_form(make_app: Callable[..., Flask], bank_dir: Path) -> None:
    app = make_app(bank_dir, WTF_CSRF_ENABLED=True)
    with app.app_context():
        add_teacher("prof", PASSWORD)
    c = app.test_client()
    posts = ["/b/sommet-classe/practice", "/j", "/teacher/login", "/teacher/logout"]
    for url in posts:
        r = c.post(url, data={"name": "prof", "password": PASSWORD, "code": "ABCDEF"})
        assert r.status_code == 400, url
        assert "expired" in r.get_data(as_text=True) or "expiré" in r.get_data(as_text=True)
    # With the token from the page, the same forms work.
    token = csrf_of(c.get("/teacher/login").get_data(as_text=True))
    r = c.post("/teacher/login", data={"name": "prof", "password": PASSWORD, "csrf_token": token})
    assert r.status_code == 303
    token = csrf_of(c.get("/teacher/new/sommet-classe").get_data(as_text=True))
    assert c.post("/teacher/new/sommet-classe", data={"feedback": "immediate"}).status_code == 400
    r = c.post("/teacher/new/sommet-classe",
               data={"feedback": "immediate", "open_now": "y", "csrf_token": token})
    assert r.status_code == 303
    code = r.headers["Location"].rsplit("/", 1)[1]
    for url in (f"/teacher/s/{code}/close", f"/j/{code}", f"/j/{code}/1", f"/j/{code}/leave"):
        assert c.post(url, data={"nickname": "x", "choice": "0"}).status_code == 400, url
    student = app.test_client()
    page = student.get(f"/j/{code}").get_data(as_text=True)
    r = student.post(f"/j/{code}", data={"nickname": "Léa", "csrf_token": csrf_of(page)})
    assert r.status_code == 303
    page = student.get(f"/j/{code}/1").get_data(as_text=True)
    assert student.post(f"/j/{code}/1", data={"choice": "0", "number": "1", "text": "x"}).status_code == 400
    someone_elses = csrf_of(c.get("/").get_data(as_text=True))
    forged = {"choice": "0", "number": "1", "text": "x", "csrf_token": someone_elses}
    assert student.post(f"/j/{code}/1", data=forged).status_code == 400


def xss_bank(folder: Path) -> Path:
    """A bank with markup in every text field a page shows."""
    folder.mkdir()
    (folder / "sources").mkdir()
    (folder / "sources" / "a.txt").write_text(f"Texte {XSS} et {XSS_ATTR} fin.", encoding="utf-8")
    common = {"source": "a", "evidence": XSS, "explanation": XSS_ATTR + XSS, "tags": [XSS]}
    bank = {
        "id": "xss", "title": XSS + XSS_ATTR, "language": "fr", "as_of": "2021-12-08",
        "description": XSS,
        "sources": [{"id": "a", "title": XSS, "outlet": XSS_ATTR, "published": "2021-12-07",
                     "path": "sources/a.txt", "summary": XSS, "url": "javascript:alert(1)"}],
        "questions": [
            {"id": "s", "type": "single", "prompt": XSS, "choices": [XSS, XSS_ATTR], "answer": XSS, **common},
            {"id": "m", "type": "multi", "prompt": XSS, "choices": [XSS, XSS_ATTR], "answers": [XSS],
             **common},
            {"id": "t", "type": "true_false", "statement": XSS, "answer": True, **common},
            {"id": "n", "type": "numeric", "prompt": XSS, "answer": 1, "unit": XSS, **common},
            {"id": "sh", "type": "short", "prompt": XSS, "answer": XSS, "accept": [XSS_ATTR], **common},
            {"id": "q", "type": "quote", "quote": XSS, "speaker": XSS, "distractors": [XSS_ATTR],
             "context": XSS, **common},
            {"id": "ma", "type": "match", "prompt": XSS, "pairs": {XSS: XSS_ATTR, XSS_ATTR: XSS}, **common},
            {"id": "o", "type": "order", "prompt": XSS, "items": [XSS, XSS_ATTR], **common},
            {"id": "c", "type": "cloze", "text": f"{XSS} {{{{c1::{XSS_ATTR}::{XSS}}}}}", **common},
        ],
    }
    path = folder / "xss.yaml"
    path.write_text(yaml.safe_dump(bank, allow_unicode=True), encoding="utf-8")
    return path


def assert_inert(page: str, url: str) -> None:
    assert "<script>alert" not in page, url
    assert "<img src=x" not in page, url
    assert "javascript:" not in page, url
    # Only the site's own scripts, from its static folder.
    assert not re.search(r"<script(?![^>]*src=\"/static/(?:dashboard|countdown|keep-typed)\.js\")", page), url


TYPE_IDS = {"single": "s", "multi": "m", "true_false": "t", "numeric": "n", "short": "sh", "quote": "q",
            "match": "ma", "order": "o", "cloze": "c"}


def answer_every_question(client: FlaskClient, prefix: str, bank) -> None:
    for n in range(1, 10):
        page = client.get(f"{prefix}/{n}").get_data(as_text=True)
        assert_inert(page, f"{prefix}/{n}")
        qid = TYPE_IDS[re.search(r'class="card question q-(\w+)"', page)[1]]
        client.post(f"{prefix}/{n}", data=form_data(bank.question(qid), page))
        page = client.get(f"{prefix}/{n}").get_data(as_text=True)
        assert_inert(page, f"{prefix}/{n} feedback")
        assert 'class="verdict right"' in page, qid
    assert_inert(client.get(f"{prefix}/end").get_data(as_text=True), f"{prefix}/end")


def test_markup_in_a_bank_shows_as_text(make_app: Callable[..., Flask], tmp_path: Path) -> None:
    app = make_app(xss_bank(tmp_path / "xss"))
    bank = app.extensions["quizgen_catalog"].get("xss").bank
    with app.app_context():
        add_teacher("prof", PASSWORD)
    c = app.test_client()
    for url in ("/", "/b/xss"):
        page = c.get(url).get_data(as_text=True)
        assert_inert(page, url)
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in c.get("/").get_data(as_text=True)
    base = c.post("/b/xss/practice", data={}).headers["Location"].rsplit("/", 1)[0]
    answer_every_question(c, base, bank)
    teacher = app.test_client()
    login(teacher)
    code = create_session(teacher, bank_id="xss")  # (practice is closed from now on)
    answer_every_question(join(app, code, XSS), f"/j/{code}", bank)
    for url in (f"/teacher/s/{code}", f"/teacher/s/{code}/live", "/teacher/"):
        assert_inert(teacher.get(url).get_data(as_text=True), url)


def test_security_headers(client: FlaskClient) -> None:
    for url in ("/", "/static/style.css", "/nowhere", "/healthz"):
        h = client.get(url).headers
        assert h["Content-Security-Policy"].startswith("default-src 'self'")
        assert "frame-ancestors 'none'" in h["Content-Security-Policy"]
        assert "unsafe-inline" not in h["Content-Security-Policy"]
        assert h["X-Content-Type-Options"] == "nosniff"
        assert h["X-Frame-Options"] == "DENY"
        assert h["Referrer-Policy"] == "same-origin"
    assert client.get("/").headers["Cache-Control"] == "no-store"


def test_pages_use_no_inline_script_or_style(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher)
    student = join(app, code, "Léa")
    pages = [teacher.get(u).get_data(as_text=True) for u in ("/teacher/", f"/teacher/s/{code}")]
    pages += [student.get(u).get_data(as_text=True) for u in (f"/j/{code}/1", f"/j/{code}/end", "/", "/j")]
    for page in pages:
        assert not re.search(r"<script(?![^>]*\ssrc=)", page)  # CSP would block it
        assert " style=" not in page and "<style" not in page
        assert "http://" not in page.replace("http://localhost/", "") and "https://" not in page.replace(
            "https://example.org/direct", "")


def test_session_cookie_flags(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher)
    r = app.test_client().post(f"/j/{code}", data={"nickname": "Léa"})
    cookie = r.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "quizgen=" in cookie


def test_the_cookie_holds_no_answer_key(app: Flask, teacher: FlaskClient, bank) -> None:
    import base64
    import zlib

    code = create_session(teacher)
    student = join(app, code, "Léa")
    student.get(f"/j/{code}/1")
    raw = student.get_cookie("quizgen").value
    payload = raw.split(".")[1] if raw.startswith(".") else raw.split(".")[0]
    data = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    if raw.startswith("."):
        data = zlib.decompress(data)
    text = data.decode()
    assert set(re.findall(r'"(\w+)":', text)) <= {"p", "rc", "csrf_token", "_permanent", code}
    # Random tokens may hold "125" by chance: each is checked for its shape, then looked past.
    session = json.loads(text)
    assert re.fullmatch(r"[0-9a-f]{40}", session.pop("csrf_token", "0" * 40))
    assert all(re.fullmatch(r"[\w-]{20,}", t) for t in session.pop("p", {}).values())
    assert all(re.fullmatch(r"[A-Z0-9]{6}", t) for t in session.pop("rc", {}).values())
    rest = json.dumps(session, ensure_ascii=False)
    assert "Ouchakov" not in rest and "RIA" not in rest and "125" not in rest


def test_error_pages_are_4xx_never_500(app: Flask, client: FlaskClient, teacher: FlaskClient) -> None:
    cases = {
        "/b/unknown": 404, "/p/unknown/1": 404, "/j/ZZZZZZ": 404, "/j/ZZZZZZ/1": 404, "/j/%00%00": 404,
        "/lang/de": 404, "/teacher/s/ZZZZZZ": 404, "/static/nope.css": 404,
        "/b/sommet-classe/deck.apkg/x": 404,
    }
    for url, status in cases.items():
        # A student page of an unknown code sends to its join page, which says 404.
        r = (client if not url.startswith("/teacher") else teacher).get(url, follow_redirects=True)
        assert r.status_code == status, url
        assert "<html" in r.get_data(as_text=True), url
    assert client.put("/").status_code == 405
    assert client.post("/", data={}).status_code == 405
    refused(client, client.post("/j", data={"code": "x" * 10_000}), 404)
    assert client.post("/b/sommet-classe/practice", data={"count": "x" * 100_000}).status_code == 413


def test_unexpected_errors_get_a_page_not_a_traceback(make_app: Callable[..., Flask], bank_dir: Path) -> None:
    app = make_app(bank_dir, TESTING=False)

    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internals")

    r = app.test_client().get("/boom")
    assert r.status_code == 500
    page = r.get_data(as_text=True)
    assert "secret internals" not in page and "Traceback" not in page and "<html" in page


def test_the_session_cookie_is_flasks_own_across_a_key_rotation(make_app: Callable[..., Flask],
                                                                 bank_dir: Path) -> None:
    # web.security.CookieSessions keeps Flask's serializer per set of keys: it
    # must read and refuse exactly the cookies Flask's own interface does.
    app = make_app(bank_dir)
    stock = SecureCookieSessionInterface()

    def reads(cookie: str) -> dict | None:
        ours = app.session_interface.get_signing_serializer(app)
        theirs = stock.get_signing_serializer(app)
        results = []
        for serializer in (ours, theirs):
            try:
                results.append(serializer.loads(cookie))
            except BadSignature:
                results.append(None)
        assert results[0] == results[1]
        return results[0]

    old = stock.get_signing_serializer(app).dumps({"nickname": "Léa"})
    assert reads(old) == {"nickname": "Léa"}
    app.secret_key, app.config["SECRET_KEY_FALLBACKS"] = "new secret", ["test secret"]
    assert reads(old) == {"nickname": "Léa"}  # the old key still reads, as a fallback
    new = app.session_interface.get_signing_serializer(app).dumps({"nickname": "Noé"})
    assert reads(new) == {"nickname": "Noé"}
    app.config["SECRET_KEY_FALLBACKS"] = []
    assert reads(old) is None  # the retired key no longer does
    assert reads(new) == {"nickname": "Noé"}
