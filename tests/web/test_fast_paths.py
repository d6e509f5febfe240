"""What a class relies on from its busiest pages: each student sees their
own page, the session cookie and the CSRF token stay bound to their
student, and every answer is stored once, even when many arrive at once or
the session closes meanwhile.

The page of an unanswered question is served from cached shells with slots
(web/fragments.py, the one speed shortcut kept): it must be exactly what
Jinja renders from the templates."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask, render_template
from flask.testing import FlaskClient
from sqlalchemy import select
from werkzeug.datastructures import ImmutableMultiDict

from quizgen.grading import key
from tests.web.conftest import PASSWORD, create_session, join
from tests.web.pages import asks, form_data, parse, without_csrf, wrong_response
from web import fragments, runstore
from web.accounts import add_teacher
from web.db import attempt, get_engine


def plain_question_page(app: Flask, url: str, cookie: str | None, language: str, token: str, n: int) -> str:
    """The page of an unanswered question as the templates render it, without
    any cached fragment: the context runpages.question_page gives question.html."""
    headers = {"Accept-Language": language, **({"Cookie": cookie} if cookie else {})}
    with app.test_request_context(url, headers=headers):
        run = runstore.load_run(token)
        assert run is not None
        q = run.question(n)
        view = run.view(q)
        form_html = app.jinja_env.get_template("_question.html").module.question_form(
            view, ImmutableMultiDict(), None, language, "CSRF")
        return render_template(
            "question.html", **run.page_context(), n=n, total=len(run.question_ids), view=view, error=None,
            form=ImmutableMultiDict(), answered=False, given=None, locked=False, end_url=run.url("end"),
            form_html=form_html)


def cookie_of(client: FlaskClient) -> str:
    cookie = client.get_cookie("quizgen")
    assert cookie is not None
    return f"quizgen={cookie.value}"


def token_of(app: Flask, nickname: str) -> str:
    with app.app_context(), get_engine().connect() as conn:
        return conn.execute(select(attempt.c.token).where(attempt.c.nickname == nickname)).scalar_one()


@pytest.mark.parametrize("language", ["fr", "en"])
@pytest.mark.parametrize("time_limit", ["", "30"])
def test_cached_class_pages_are_what_the_templates_render(app: Flask, teacher: FlaskClient, language: str,
                                                          time_limit: str) -> None:
    code = create_session(teacher, time_limit=time_limit)
    # Several students: their own order of questions and their own shuffles,
    # served from the same cached shells.
    for nickname in ("Léa", "Tom <b>", "Zoé & co"):
        student = join(app, code, nickname)
        for n in range(1, 10):
            url = f"/j/{code}/{n}"
            served = student.get(url, headers={"Accept-Language": language}).get_data(as_text=True)
            plain = plain_question_page(app, url, cookie_of(student), language, token_of(app, nickname), n)
            # (The countdown's "now" is the second each page was made.)
            assert re.sub(r'data-now="[^"]*"', "", without_csrf(served)) == \
                re.sub(r'data-now="[^"]*"', "", without_csrf(plain)), (nickname, n)
            assert ("id=\"deadline\"" in served) == bool(time_limit)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_cached_practice_pages_are_what_the_templates_render(app: Flask, language: str) -> None:
    for _student in range(3):
        client = app.test_client()
        base = client.post("/b/sommet-classe/practice", data={}).headers["Location"].rsplit("/", 1)[0]
        token = base.rsplit("/", 1)[1]
        for n in range(1, 10):
            url = f"{base}/{n}"
            served = client.get(url, headers={"Accept-Language": language}).get_data(as_text=True)
            plain = plain_question_page(app, url, None, language, token, n)
            assert without_csrf(served) == without_csrf(plain), n
            assert f'href="{base}/end"' in served  # each student's own results page


def test_each_student_sees_their_own_page(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher, time_limit="30")
    pages = {nickname: join(app, code, nickname).get(f"/j/{code}/1").get_data(as_text=True)
             for nickname in ("Léa", "Tom")}
    assert '<span id="nickname">Léa</span>' in pages["Léa"] and "Tom" not in pages["Léa"]
    assert '<span id="nickname">Tom</span>' in pages["Tom"] and "Léa" not in pages["Tom"]
    tokens = {n: parse(page)[0][-1].hidden["csrf_token"] for n, page in pages.items()}
    assert tokens["Léa"] != tokens["Tom"]
    assert all('id="deadline"' in page for page in pages.values())


def test_a_teachers_header_is_never_shared(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher)
    teacher.post(f"/j/{code}", data={"nickname": "Prof"})  # the teacher tries the quiz on their browser
    own = teacher.get(f"/j/{code}/1").get_data(as_text=True)
    assert 'id="logout"' in own
    forms, _links = parse(own)
    teachers_token = next(f.hidden["csrf_token"] for f in forms if "csrf_token" in f.hidden)
    student = join(app, code, "Léa")
    for n in range(1, 10):
        page = student.get(f"/j/{code}/{n}").get_data(as_text=True)
        assert 'id="logout"' not in page and teachers_token not in page


def test_nicknames_are_escaped(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher)
    student = join(app, code, '"><script>x</script>')
    page = student.get(f"/j/{code}/1").get_data(as_text=True)
    assert "<script>x" not in page and "&#34;&gt;&lt;script&gt;x&lt;/script&gt;" in page


def test_slots_cannot_be_forged_by_a_bank(app: Flask) -> None:
    """A slot's mark holds a random name chosen when the process starts."""
    mark = str(fragments.slot("nickname"))
    assert mark.startswith("\x00") and len(mark) > len("\x00nickname\x00") + 8
    shell = fragments.Shell(f"<p>{mark}</p><p>\x00nickname\x00</p>")
    assert shell.slots == {"nickname"}
    assert shell.fill({"nickname": fragments.escape("<Léa>")}) == "<p>&lt;Léa&gt;</p><p>\x00nickname\x00</p>"


def test_a_session_cookie_expires(app: Flask, teacher: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    code = create_session(teacher)
    student = join(app, code, "Léa")
    assert student.get(f"/j/{code}/1").status_code == 200
    assert student.get(f"/j/{code}/1").status_code == 200
    later = time.time() + app.permanent_session_lifetime.total_seconds() + 60
    monkeypatch.setattr(time, "time", lambda: later)
    response = student.get(f"/j/{code}/1")
    assert response.status_code == 303 and response.headers["Location"] == f"/j/{code}"


def test_a_tampered_session_cookie_is_no_session(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher)
    student = join(app, code, "Léa")
    assert student.get(f"/j/{code}/1").status_code == 200
    cookie = student.get_cookie("quizgen")
    assert cookie is not None
    head, sig = cookie.value.rsplit(".", 1)
    student.set_cookie("quizgen", f"{head}.{'A' if sig[0] != 'A' else 'B'}{sig[1:]}")
    response = student.get(f"/j/{code}/1")
    assert response.status_code == 303 and response.headers["Location"] == f"/j/{code}"


def test_a_csrf_token_is_good_for_its_own_session_only(make_app: Callable[..., Flask],
                                                              bank_dir: Path) -> None:
    app = make_app(bank_dir, WTF_CSRF_ENABLED=True)
    with app.app_context():
        add_teacher("prof", PASSWORD)
    teacher = app.test_client()
    token = parse(teacher.get("/teacher/login").get_data(as_text=True))[0][-1].hidden["csrf_token"]
    teacher.post("/teacher/login", data={"name": "prof", "password": PASSWORD, "csrf_token": token})
    page = teacher.get("/teacher/new/sommet-classe").get_data(as_text=True)
    token = next(f.hidden["csrf_token"] for f in parse(page)[0] if f.id != "")
    code = teacher.post("/teacher/new/sommet-classe", data={"feedback": "immediate", "open_now": "y",
                                                            "csrf_token": token}).headers["Location"][-6:]
    bank = app.extensions["quizgen_catalog"].get("sommet-classe").bank

    def joined(nickname: str) -> FlaskClient:
        student = app.test_client()
        hidden = parse(student.get(f"/j/{code}").get_data(as_text=True))[0][-1].hidden
        assert student.post(f"/j/{code}", data={"nickname": nickname, **hidden}).status_code == 303
        return student

    def answer(student: FlaskClient, n: int, csrf: str | None = None) -> int:
        page = student.get(f"/j/{code}/{n}").get_data(as_text=True)
        q = next(q for q in bank.questions if f"q-{q.type}" in page and asks(page, q))
        data = form_data(q, page)
        if csrf is not None:
            data["csrf_token"] = csrf
        else:
            data["csrf_token"] = parse(page)[0][-1].hidden["csrf_token"]
        return student.post(f"/j/{code}/{n}", data=data).status_code

    lea, tom = joined("Léa"), joined("Tom")
    leas_token = parse(lea.get(f"/j/{code}/1").get_data(as_text=True))[0][-1].hidden["csrf_token"]
    assert answer(lea, 1) == 303
    assert answer(lea, 2, leas_token) == 303  # the same token serves all of a session's forms
    assert answer(tom, 1, leas_token) == 400  # …but only for Léa's session
    # A forged signature: change its first character (the last one is partly
    # base64 padding, so changing it may leave the signature valid).
    head, sig = leas_token.rsplit(".", 1)
    forged = f"{head}.{'A' if sig[0] != 'A' else 'B'}{sig[1:]}"
    assert answer(lea, 3, forged) == 400
    assert answer(tom, 1) == 303


def test_an_answer_sent_twice_counts_once_and_shows_the_first(app: Flask, teacher: FlaskClient,
                                                               bank) -> None:
    """Sending an answer reads the run without its answers: the database's
    refusal of a second answer is what keeps the first."""
    code = create_session(teacher, feedback="deferred")
    student = join(app, code, "Léa")
    page = student.get(f"/j/{code}/1").get_data(as_text=True)
    q = next(q for q in bank.questions if asks(page, q))
    sent = student.post(f"/j/{code}/1", data=form_data(q, page, wrong_response(q)))
    assert sent.status_code == 303 and sent.headers["Location"] == f"/j/{code}/1"
    # Under a prefix (a reverse proxy's SCRIPT_NAME), back to the prefixed address.
    mounted = student.post(f"/j/{code}/1", data=form_data(q, page),
                           environ_overrides={"SCRIPT_NAME": "/quiz"})
    assert mounted.status_code == 303 and mounted.headers["Location"] == f"/quiz/j/{code}/1"
    # The second answer is refused, and the page says the first one stands.
    refused = without_csrf(student.get(f"/j/{code}/1").get_data(as_text=True))
    assert 'id="first-stands"' in refused and 'id="recorded"' not in refused
    recorded = without_csrf(student.get(f"/j/{code}/1").get_data(as_text=True))  # said once
    assert 'id="recorded"' in recorded and 'id="first-stands"' not in recorded
    assert student.post(f"/j/{code}/1", data=form_data(q, page)).status_code == 303  # now the right one
    assert without_csrf(student.get(f"/j/{code}/1").get_data(as_text=True)) == refused
    data = teacher.get(f"/teacher/s/{code}/results.json").get_json()
    assert [(s["answered"], s["score"]) for s in data["students"]] == [(1, 0)]


def test_students_answering_at_once_from_many_threads(app: Flask, teacher: FlaskClient, bank) -> None:
    """Each thread reads and writes SQLite on its own connection, writers in turn:
    every answer is stored once, whatever the interleaving."""
    code = create_session(teacher)
    students = [join(app, code, f"élève-{i}") for i in range(8)]
    errors: list[str] = []

    def answer_all(student: FlaskClient) -> None:
        try:
            for n in range(1, 10):
                page = student.get(f"/j/{code}/{n}").get_data(as_text=True)
                q = next(q for q in bank.questions if asks(page, q))
                for _twice in range(2):  # the second is refused by the database, quietly
                    status = student.post(f"/j/{code}/{n}", data=form_data(q, page)).status_code
                    if status != 303:
                        errors.append(f"{n}: {status}")
                if 'id="verdict"' not in student.get(f"/j/{code}/{n}").get_data(as_text=True):
                    errors.append(f"{n}: no feedback")
        except Exception as exc:  # reported below, with the other threads' errors
            errors.append(repr(exc))

    threads = [threading.Thread(target=answer_all, args=(s,)) for s in students]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    data = teacher.get(f"/teacher/s/{code}/results.json").get_json()
    assert [(s["answered"], s["score"]) for s in data["students"]] == [(9, 9)] * 8


def test_templates_are_compiled_when_the_app_is_made(make_app: Callable[..., Flask], bank_dir: Path) -> None:
    def compiled(app: Flask) -> set[str]:
        return {name for _loader, name in app.jinja_env.cache}

    app = make_app(bank_dir, QUIZGEN_COMPILE_TEMPLATES=True)
    assert {"question.html", "_question.html", "base.html", "end.html", "teacher/_live.html"} <= compiled(app)
    assert compiled(make_app(bank_dir)) == set()  # the tests' apps compile on demand


def test_an_answer_sent_as_the_session_closes_is_not_stored(app: Flask, teacher: FlaskClient) -> None:
    """The run was read while its session was open; the teacher closes the
    session before the answer is written: the close wins, nothing is stored."""
    code = create_session(teacher)
    join(app, code, "Léa")
    with app.test_request_context(f"/j/{code}/1"):
        with get_engine().connect() as conn:
            token = conn.execute(select(attempt.c.token).where(attempt.c.nickname == "Léa")).scalar_one()
        run = runstore.load_run(token)
        assert run is not None and run.can_answer()
        closed = teacher.post(f"/teacher/s/{code}/close", data={"confirm": "yes"})
        assert closed.status_code == 303
        q = run.question(1)
        with pytest.raises(runstore.AnswersClosed):
            runstore.record(run, q, key(q))
    data = teacher.get(f"/teacher/s/{code}/results.json").get_json()
    assert [s["answered"] for s in data["students"]] == [0]
