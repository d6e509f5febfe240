"""The class site as an attacker would try it (issue 9, security): no key
through another session, no open redirect, logout that logs out, rate
limits, no 500 on odd input, no answer after the close, a private
database, clean nicknames and answers."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, insert, select
from werkzeug.security import generate_password_hash

from quizgen import Bank
from quizgen.errors import QuizgenError
from tests.web.conftest import PASSWORD, create_session, join, login, refused
from tests.web.pages import form_data, without_csrf
from tests.web.test_sessions import questions_in_order
from web import runstore
from web.accounts import add_teacher
from web.classroom import set_status
from web.db import answer, attempt, get_engine, quiz_session, utcnow
from web.db import teacher as teacher_table
from web.migrate import upgrade


def add_quick_teacher(app: Flask, name: str = "prof", password: str = PASSWORD) -> None:
    """A teacher whose password is hashed cheaply: these tests log in many times."""
    with app.app_context():
        add_teacher(name, password)
        with get_engine().begin() as conn:
            conn.execute(teacher_table.update().where(teacher_table.c.name == name).values(
                password_hash=generate_password_hash(password, "pbkdf2:sha256:1")))


@pytest.fixture
def teacher(app: Flask) -> FlaskClient:
    """A client logged in as "prof" (as conftest's, with a cheap hash)."""
    add_quick_teacher(app)
    client = app.test_client()
    login(client)
    return client


EXPLANATION = "RIA Novosti est une agence de presse d’État russe."
EN = {"Accept-Language": "en"}


# -- 1. no corrections while a class takes the bank


def test_closed_session_shows_no_correction_while_another_class_takes_the_bank(
        app: Flask, teacher: FlaskClient) -> None:
    earlier = create_session(teacher)
    student = join(app, earlier, "Léa")
    teacher.post(f"/teacher/s/{earlier}/close", data={"confirm": "yes"})
    assert EXPLANATION in student.get(f"/j/{earlier}/end").get_data(as_text=True)

    for open_now in ("y", ""):  # a class waiting, then a class answering
        live = create_session(teacher, open_now=open_now)
        for url in (f"/j/{earlier}/end", f"/j/{earlier}/1", f"/j/{earlier}/go"):
            r = student.get(url, follow_redirects=True)
            page = r.get_data(as_text=True)
            assert r.status_code == 403, url
            assert EXPLANATION not in page and "Ouchakov" not in page, url
            assert "les corrections reviennent" in page, url  # French by default
        english = student.get(f"/j/{earlier}/end", headers=EN).get_data(as_text=True)
        assert "the corrections come back when its session ends" in english
        # Practice and the deck are refused too.
        assert student.post("/b/sommet-classe/practice", data={}).status_code == 403
        assert student.get("/b/sommet-classe/deck.apkg").status_code == 403
        # The live session's teacher still sees everything.
        assert teacher.get(f"/teacher/s/{earlier}/results.json").status_code == 200
        teacher.post(f"/teacher/s/{live}/close", data={"confirm": "yes"})
    assert EXPLANATION in student.get(f"/j/{earlier}/end").get_data(as_text=True)


# -- 2. redirects stay on the site

EVIL = ["//evil.example/x", "/%09/evil.example/x", "/\t/evil.example", "/%0d%0aLocation:%20//evil.example",
        "/\\evil.example", "\\\\evil.example", "/%5cevil.example", "/%2f%2fevil.example", "/%2F/evil.example",
        "/%252f%252fevil.example", "https://evil.example/", "http:evil.example", "javascript:alert(1)",
        "%2f%2fevil.example", "/%E2%80%AE/x", " //evil.example"]


@pytest.mark.parametrize("target", EVIL)
def test_language_switch_never_leaves_the_site(shared_client: FlaskClient, target: str) -> None:
    r = shared_client.get("/lang/en", query_string={"next": target})
    assert r.status_code == 303
    assert r.headers["Location"] == "/"


def test_language_switch_raw_query_and_good_targets(client: FlaskClient) -> None:
    for raw in ("/%09/evil.example/x", "/%0d%0aX-Evil:%201", "//evil.example", "/%5C%5Cevil.example"):
        r = client.get(f"/lang/en?next={raw}")
        assert (r.status_code, r.headers["Location"]) == (303, "/"), raw
    r = client.get("/lang/en", query_string={"next": "/b/sommet-classe?x=a%20b"})
    assert r.headers["Location"] == "/b/sommet-classe?x=a%20b"


def test_login_next_never_leaves_the_site(app: Flask, client: FlaskClient) -> None:
    add_quick_teacher(app)
    for target in EVIL[:10]:
        r = client.post("/teacher/login", query_string={"next": target},
                        data={"name": "prof", "password": PASSWORD})
        assert r.status_code == 303, target
        assert r.headers["Location"] == "/teacher/", target
    r = client.post("/teacher/login?next=/teacher/new/sommet-classe",
                    data={"name": "prof", "password": PASSWORD})
    assert r.headers["Location"] == "/teacher/new/sommet-classe"


# -- 3. logout ends the login on the server


def _copy(app: Flask, client: FlaskClient) -> FlaskClient:
    thief = app.test_client()
    thief.set_cookie("quizgen", client.get_cookie("quizgen").value)
    return thief


def test_logout_ends_the_login_everywhere(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher)
    captured = _copy(app, teacher)
    assert captured.get(f"/teacher/s/{code}/results.json").status_code == 200
    assert teacher.post("/teacher/logout").status_code == 303
    for url in (f"/teacher/s/{code}/results.json", f"/teacher/s/{code}", "/teacher/"):
        r = captured.get(url)
        assert r.status_code == 303 and r.headers["Location"].startswith("/teacher/login"), url
    login(teacher)  # a new login works
    assert teacher.get(f"/teacher/s/{code}/results.json").status_code == 200


def test_new_password_ends_older_logins(app: Flask, teacher: FlaskClient) -> None:
    captured = _copy(app, teacher)
    assert captured.get("/teacher/").status_code == 200
    with app.app_context():
        add_teacher("prof", "another password", replace=True)
    assert captured.get("/teacher/").status_code == 303
    login(teacher, password="another password")
    assert teacher.get("/teacher/").status_code == 200


@pytest.mark.parametrize("backend", ["sqlite"])  # a SQLite file
def test_existing_database_gets_the_new_column(make_app: Callable[..., Flask], bank_dir: Path,
                                               tmp_path: Path) -> None:
    db = tmp_path / "instance" / "quizgen.sqlite3"
    db.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(f"sqlite:///{db}")
    upgrade(engine, "0001")  # a database from before the column existed…
    with engine.begin() as conn:  # …with a teacher in it
        conn.execute(insert(teacher_table).values(name="prof", password_hash=generate_password_hash(
            PASSWORD, "pbkdf2:sha256:1"), created_at=utcnow()))
    engine.dispose()
    app = make_app(bank_dir)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT session_epoch FROM teacher").fetchall() == [(0,)]
    client = app.test_client()
    login(client)
    assert client.get("/teacher/").status_code == 200
    make_app(bank_dir)  # and again: nothing to add


# -- 4. rate limits


def test_wrong_passwords_then_the_right_one_is_refused(make_app: Callable[..., Flask],
                                                       bank_dir: Path) -> None:
    app = make_app(bank_dir, QUIZGEN_LOGIN_LIMIT="3 per minute", QUIZGEN_LOGIN_ACCOUNT_LIMIT="100 per minute")
    add_quick_teacher(app)
    c = app.test_client()
    for _ in range(3):
        assert "Wrong name or password" in refused(
            c, c.post("/teacher/login", data={"name": "prof", "password": "wrong"}, headers=EN), 401)
    r = c.post("/teacher/login", data={"name": "prof", "password": PASSWORD})
    assert r.status_code == 429
    assert "Trop de tentatives" in r.get_data(as_text=True)
    assert "Retry-After" in r.headers
    r = c.post("/teacher/login", data={"name": "prof", "password": PASSWORD}, headers=EN)
    assert r.status_code == 429 and "Too many attempts" in r.get_data(as_text=True)
    assert c.get("/teacher/login").status_code == 200  # the form itself is not limited
    # Another client is not concerned.
    other = app.test_client()
    r = other.post("/teacher/login", data={"name": "prof", "password": PASSWORD},
                   environ_base={"REMOTE_ADDR": "10.0.0.2"})
    assert r.status_code == 303


def test_successful_logins_do_not_count(make_app: Callable[..., Flask], bank_dir: Path) -> None:
    app = make_app(bank_dir, QUIZGEN_LOGIN_LIMIT="2 per minute", QUIZGEN_LOGIN_ACCOUNT_LIMIT="2 per minute")
    add_quick_teacher(app)
    for _ in range(4):
        login(app.test_client())


def test_wrong_passwords_on_one_account_from_many_addresses(make_app: Callable[..., Flask],
                                                            bank_dir: Path) -> None:
    app = make_app(bank_dir, QUIZGEN_LOGIN_LIMIT="100 per minute", QUIZGEN_LOGIN_ACCOUNT_LIMIT="3 per minute")
    add_quick_teacher(app)
    c = app.test_client()
    for i in range(3):
        r = c.post("/teacher/login", data={"name": " Prof", "password": "wrong"},
                   environ_base={"REMOTE_ADDR": f"10.0.1.{i}"})
        refused(c, r, 401)
    r = c.post("/teacher/login", data={"name": "prof", "password": PASSWORD},
               environ_base={"REMOTE_ADDR": "10.0.1.99"})
    assert r.status_code == 429
    # Another account is not locked out.
    add_quick_teacher(app, "autre")
    assert c.post("/teacher/login", data={"name": "autre", "password": PASSWORD}).status_code == 303


def test_join_code_guessing_is_limited(make_app: Callable[..., Flask], bank_dir: Path) -> None:
    app = make_app(bank_dir, QUIZGEN_JOIN_LIMIT="5 per minute")
    add_quick_teacher(app)
    teacher = app.test_client()
    login(teacher)
    code = create_session(teacher)
    guesser = app.test_client()
    for _ in range(12):  # the real code does not count
        assert guesser.get(f"/j/{code}").status_code == 200
    for guess in ("ZZZZZZ", "ZZZZZY", "ZZZZZX"):
        assert guesser.get(f"/j/{guess}").status_code == 404
    refused(guesser, guesser.post("/j", data={"code": "ZZZZZW"}), 404)  # back to the form, told why
    assert guesser.post("/j", data={"code": "ZZZZZV"}).status_code == 303  # the fifth miss
    assert guesser.get(f"/j/{code}").status_code == 429
    r = guesser.post("/j", data={"code": code}, headers=EN)
    assert r.status_code == 429 and "Too many attempts" in r.get_data(as_text=True)
    assert guesser.get(f"/j/{code.lower()}/1", follow_redirects=True).status_code == 429
    # A classmate on another address still joins.
    classmate = app.test_client()
    r = classmate.post(f"/j/{code}", data={"nickname": "Léa"}, environ_base={"REMOTE_ADDR": "10.0.0.7"})
    assert r.status_code == 303


@pytest.mark.parametrize("setting", ["RATELIMIT_DEFAULT", "RATELIMIT_APPLICATION"])
def test_a_limit_on_every_page_is_refused_at_start(make_app: Callable[..., Flask], bank_dir: Path,
                                                   setting: str) -> None:
    """A class shares one school address: a limit on every page would lock it
    out (quizgen used Flask-Limiter, whose settings these are)."""
    with pytest.raises(QuizgenError, match=f"{setting} is not supported.*QUIZGEN_JOIN_LIMIT"):
        make_app(bank_dir, **{setting: "3 per minute"})
    student = make_app(bank_dir).test_client()  # nothing of the refused setting stays behind
    assert {student.get("/").status_code for _ in range(10)} == {200}


def test_wrong_codes_do_not_tell_which_exist(app: Flask, teacher: FlaskClient) -> None:
    closed = create_session(teacher)
    teacher.post(f"/teacher/s/{closed}/close", data={"confirm": "yes"})
    c = app.test_client()
    never = "ZZZZZZ" if closed != "ZZZZZZ" else "ZZZZZY"
    for ask in (lambda code: c.get(f"/j/{code}"),
                lambda code: c.post("/j", data={"code": code}, follow_redirects=True),
                lambda code: c.get(f"/j/{code}/1", follow_redirects=True),
                lambda code: c.get(f"/j/{code.lower()}", follow_redirects=True)):
        a, b = ask(closed), ask(never)
        assert a.status_code == b.status_code == 404
        # The same page but for the form token (signed with the time, to the second).
        assert without_csrf(a.get_data(as_text=True)).replace(closed, never) == \
            without_csrf(b.get_data(as_text=True))
    a, b = c.post("/j", data={"code": closed}), c.post("/j", data={"code": never})
    assert a.status_code == b.status_code == 303 and a.headers["Location"] == b.headers["Location"]


def test_password_checks_are_capped(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher)
    student = join(app, code, "Léa")
    slots = app.extensions["quizgen_password_slots"]
    held = 0
    while slots.acquire(blocking=False):
        held += 1
    assert held == app.config["QUIZGEN_PASSWORD_CHECKS"]
    try:
        r = app.test_client().post("/teacher/login", data={"name": "prof", "password": PASSWORD})
        assert r.status_code == 503 and "<html" in r.get_data(as_text=True)
        assert student.get(f"/j/{code}/1").status_code == 200  # students never wait on them
    finally:
        for _ in range(held):
            slots.release()
    login(app.test_client())


def test_limit_storage_comes_from_the_environment(make_app: Callable[..., Flask], bank_dir: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    assert make_app(bank_dir).config["RATELIMIT_STORAGE_URI"] == "memory://"
    monkeypatch.setenv("QUIZGEN_RATELIMIT_STORAGE_URI", "memory://?from=env")
    assert make_app(bank_dir).config["RATELIMIT_STORAGE_URI"] == "memory://?from=env"


# -- 5. odd input is a 4xx page


def test_three_former_500s_are_handled(client: FlaskClient, teacher: FlaskClient) -> None:
    r = client.get("/lang/en?next=/%0d%0aSet-Cookie:%20x=1")
    assert r.status_code == 303 and r.headers["Location"] == "/" and "Set-Cookie: x" not in str(r.headers)
    r = client.post("/b/sommet-classe/practice", data={"count": "9" * 5000})
    assert "<html" in refused(client, r)
    r = teacher.post("/teacher/new/sommet-classe", data={"feedback": "immediate", "count": "1" + "0" * 400})
    assert "<html" in refused(teacher, r)
    r = teacher.post("/teacher/new/sommet-classe", data={"feedback": "immediate", "time_limit": "9" * 5000})
    refused(teacher, r)
    r = teacher.post("/teacher/new/sommet-classe", data={"feedback": "immediate", "count": "0005"})
    assert r.status_code == 303  # leading zeros are still a small number


# -- 6. the close wins over an answer on its way


def test_answer_in_flight_at_the_close_is_not_stored(app: Flask, teacher: FlaskClient, bank: Bank,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    code = create_session(teacher)
    student = join(app, code, "Léa")
    with app.app_context(), get_engine().connect() as conn:
        session_id = conn.execute(select(quiz_session.c.id).where(quiz_session.c.code == code)).scalar_one()
    first = questions_in_order(app, student, code, bank)[0]
    page = student.get(f"/j/{code}/1").get_data(as_text=True)
    assert 'id="answer-form"' in page
    grade = runstore.grade

    def slow_grade(*args, **kwargs):  # the request checked the session; the teacher closes it now
        set_status(session_id, "closed")
        return grade(*args, **kwargs)

    monkeypatch.setattr(runstore, "grade", slow_grade)
    r = student.post(f"/j/{code}/1", data=form_data(first, page))
    assert r.status_code == 303 and r.headers["Location"] == f"/j/{code}/too-late"
    with app.app_context(), get_engine().connect() as conn:
        stored = conn.execute(select(answer.c.id).join(attempt, attempt.c.id == answer.c.attempt_id)
                              .where(attempt.c.session_id == session_id)).all()
    assert stored == []


# -- 7. a private database


@pytest.mark.parametrize("backend", ["sqlite"])  # a SQLite file
def test_database_and_instance_folder_are_private(make_app: Callable[..., Flask], bank_dir: Path,
                                                 tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        make_app(bank_dir, template=False)  # the site makes the folder and the file
    finally:
        os.umask(old)
    instance = tmp_path / "instance"
    assert stat.S_IMODE(instance.stat().st_mode) == 0o700
    db = instance / "quizgen.sqlite3"
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    db.chmod(0o644)  # a database made by an older version
    make_app(bank_dir)
    assert stat.S_IMODE(db.stat().st_mode) == 0o600


# -- 8. nicknames and answers as they look


@pytest.mark.parametrize("nickname", ["\u0301" * 30, "e" + "\u0301" * 30, "a\u0301\u0302\u0303\u0304\u0308",
                                      "\u200d", "---", "x" * 31, "\u202e"])
def test_bad_nicknames_are_refused(app: Flask, teacher: FlaskClient, nickname: str) -> None:
    code = create_session(teacher)
    c = app.test_client()
    assert 'id="nickname-error"' in refused(c, c.post(f"/j/{code}", data={"nickname": nickname}))


def test_nicknames_are_nfc_without_controls(app: Flask, teacher: FlaskClient) -> None:
    code = create_session(teacher)
    join(app, code, "Zoe\x00\u0301\x07")  # decomposed é with a NUL inside, bell
    join(app, code, "e\u0301" * 30)  # thirty letters as seen, sixty code points
    join(app, code, "Ma\u202eël\u202c\tle")  # bidi override and tab
    c = app.test_client()
    assert "nickname is taken" in refused(c, c.post(f"/j/{code}", data={"nickname": "Zoé"}, headers=EN))
    with app.app_context(), get_engine().connect() as conn:
        names = set(conn.execute(select(attempt.c.nickname)
                                 .where(attempt.c.session_id.is_not(None))).scalars())
    assert names == {"Zoé", "é" * 30, "Maël le"}


def test_answers_are_stored_as_one_clean_line(app: Flask, teacher: FlaskClient, bank: Bank) -> None:
    code = create_session(teacher)
    student = join(app, code, "Léa")
    order = [q.id for q in questions_in_order(app, student, code, bank)]
    n = order.index("conseiller") + 1
    r = student.post(f"/j/{code}/{n}", data={"text": "Ouch\x00akov\x07\r\n"})
    assert r.status_code == 303
    page = student.get(f"/j/{code}/{n}").get_data(as_text=True)
    assert 'class="verdict right"' in page or "Bonne réponse" in page
    with app.app_context(), get_engine().connect() as conn:
        row = conn.execute(select(answer.c.response, answer.c.score)
                           .where(answer.c.question_id == "conseiller")).one()
    assert json.loads(row.response) == "Ouchakov" and row.score == 1


@pytest.fixture
def redis_url(tmp_path: Path) -> Iterator[str]:
    """A throwaway Redis server on a free loopback port (Debian's redis-server)."""
    import shutil
    import socket
    import subprocess
    import time

    server = shutil.which("redis-server")
    if server is None:
        pytest.skip("Debian's redis-server is not installed (.ci/run installs it)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no", "--dir", str(tmp_path)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.slow
def test_two_app_servers_share_the_limits_through_redis(
        make_app: Callable[..., Flask], bank_dir: Path, redis_url: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """QUIZGEN_REDIS_URL: the wrong passwords tried on one server count on the other."""
    monkeypatch.setenv("QUIZGEN_REDIS_URL", redis_url)
    limits = {"QUIZGEN_LOGIN_LIMIT": "3 per minute", "QUIZGEN_LOGIN_ACCOUNT_LIMIT": "100 per minute"}
    one, other = make_app(bank_dir, **limits), make_app(bank_dir, **limits)  # one database, two servers
    assert one.config["RATELIMIT_STORAGE_URI"] == redis_url
    add_quick_teacher(one)
    for app in (one, other, one):
        c = app.test_client()
        refused(c, c.post("/teacher/login", data={"name": "prof", "password": "wrong"}), 401)
    r = other.test_client().post("/teacher/login", data={"name": "prof", "password": PASSWORD})
    assert r.status_code == 429


def test_an_explicit_storage_wins_over_the_redis_url(make_app: Callable[..., Flask], bank_dir: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZGEN_REDIS_URL", "redis://127.0.0.1:1/0")
    monkeypatch.setenv("QUIZGEN_RATELIMIT_STORAGE_URI", "memory://")
    assert make_app(bank_dir).config["RATELIMIT_STORAGE_URI"] == "memory://"
