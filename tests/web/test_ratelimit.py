"""The rate limits' storage: where a class's pages stand when it fails, and
settings refused at start (the limits themselves: test_hardening.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from quizgen import Bank
from quizgen.errors import QuizgenError
from tests.web.conftest import PASSWORD, create_session, join, login, refused
from tests.web.pages import form_data
from tests.web.test_hardening import add_quick_teacher
from tests.web.test_sessions import questions_in_order

#: A Redis nobody listens on: every count fails at once (connection refused).
DEAD_REDIS = "redis://127.0.0.1:1/0"


def test_a_class_answers_while_the_limit_storage_is_down(make_app: Callable[..., Flask], bank_dir: Path,
                                                         bank: Bank) -> None:
    """Question pages and answers never ask the limits' storage: with the
    shared Redis down and no fallback, the limited pages fail, a class does not."""
    healthy = make_app(bank_dir)
    add_quick_teacher(healthy)
    teacher = healthy.test_client()
    login(teacher)
    code = create_session(teacher)
    student = join(healthy, code, "Léa")
    broken = make_app(bank_dir, RATELIMIT_STORAGE_URI=DEAD_REDIS, RATELIMIT_IN_MEMORY_FALLBACK_ENABLED=False)
    on_broken = broken.test_client()
    cookie = healthy.config["SESSION_COOKIE_NAME"]  # she joined: her run is in her cookie
    on_broken.set_cookie(cookie, student.get_cookie(cookie).value)
    order = questions_in_order(broken, on_broken, code, bank)
    assert order
    for n, q in enumerate(order[:3], start=1):
        page = on_broken.get(f"/j/{code}/{n}").get_data(as_text=True)
        r = on_broken.post(f"/j/{code}/{n}", data=form_data(q, page))
        assert r.status_code == 303 and r.headers["Location"].endswith(f"/j/{code}/{n}")
    r = broken.test_client().post("/teacher/login", data={"name": "prof", "password": PASSWORD})
    assert r.status_code == 500  # a limited page needs its storage (no fallback)


def test_limits_count_in_memory_while_the_shared_storage_is_down(make_app: Callable[..., Flask],
                                                                 bank_dir: Path) -> None:
    app = make_app(bank_dir, RATELIMIT_STORAGE_URI=DEAD_REDIS, QUIZGEN_LOGIN_LIMIT="2 per minute")
    add_quick_teacher(app)
    c = app.test_client()
    for _ in range(2):
        refused(c, c.post("/teacher/login", data={"name": "prof", "password": "wrong"}), 401)
    r = c.post("/teacher/login", data={"name": "prof", "password": PASSWORD})
    assert r.status_code == 429 and int(r.headers["Retry-After"]) >= 1


@pytest.mark.parametrize(("setting", "value", "message"), [
    ("QUIZGEN_JOIN_LIMIT", "twenty a minute", "QUIZGEN_JOIN_LIMIT 'twenty a minute' is not a limit"),
    ("RATELIMIT_STRATEGY", "leaky-bucket", "RATELIMIT_STRATEGY 'leaky-bucket' is not one of"),
    ("RATELIMIT_STORAGE_URI", "carrier-pigeon://", "rate-limit storage 'carrier-pigeon://' cannot be used"),
])
def test_a_wrong_limit_setting_is_refused_at_start(make_app: Callable[..., Flask], bank_dir: Path,
                                                   setting: str, value: str, message: str) -> None:
    with pytest.raises(QuizgenError, match=message):
        make_app(bank_dir, **{setting: value})


def test_code_guesses_by_head_requests_count_too(make_app: Callable[..., Flask], bank_dir: Path) -> None:
    """HEAD shows 200 or 404 like GET: guessing codes with it is limited alike."""
    app = make_app(bank_dir, QUIZGEN_JOIN_LIMIT="3 per minute")
    guesser = app.test_client()
    assert [guesser.head(f"/j/ZZZZZ{c}").status_code for c in "ABCD"] == [404, 404, 404, 429]
    assert guesser.get("/j/ZZZZZE").status_code == 429


def test_a_refused_method_says_which_are_allowed(client: FlaskClient) -> None:
    r = client.put("/j")
    assert r.status_code == 405 and set(r.headers["Allow"].split(", ")) >= {"GET", "POST"}
    assert "<html" in r.get_data(as_text=True)
