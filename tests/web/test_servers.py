"""Several app servers over one database, and the server database itself (PostgreSQL).

Two apps with their own instance folders (as on two machines) share only the
database URL and the secret key: a student's requests may reach either, and
each server sees what the other stored.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import create_engine, func, select

from quizgen import Bank
from quizgen.cli import cli
from quizgen.errors import QuizgenError
from tests.pgcluster import Cluster
from tests.web.conftest import PASSWORD, create_session, join, login
from tests.web.test_sessions import answer_all, questions_in_order
from web import create_app
from web.accounts import add_teacher
from web.db import answer, get_engine, metadata
from web.migrate import SchemaOutOfDate, head


class Browser:
    """One browser whose requests a load balancer sends to each server in turn
    (its cookies go along)."""

    COOKIE = "quizgen"

    def __init__(self, *apps: Flask):
        self.clients = [a.test_client() for a in apps]
        self.turn = 0

    def _next(self) -> FlaskClient:
        previous = self.clients[self.turn % len(self.clients)]
        self.turn += 1
        client = self.clients[self.turn % len(self.clients)]
        cookie = previous.get_cookie(self.COOKIE)
        if cookie is not None:
            client.set_cookie(self.COOKIE, cookie.value)
        return client

    def on(self, app: Flask) -> FlaskClient:
        """A client of `app` alone, with this browser's cookie."""
        client = app.test_client()
        cookie = self.clients[self.turn % len(self.clients)].get_cookie(self.COOKIE)
        if cookie is not None:
            client.set_cookie(self.COOKIE, cookie.value)
        return client

    def get(self, *args: Any, **kwargs: Any) -> Any:
        return self._next().get(*args, **kwargs)

    def post(self, *args: Any, **kwargs: Any) -> Any:
        return self._next().post(*args, **kwargs)


def _twins(make_app: Callable[..., Flask], bank_dir: Path, tmp_path: Path,
           database_url: str | None) -> tuple[Flask, Flask]:
    url = database_url or f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    a = make_app(bank_dir, INSTANCE_PATH=str(tmp_path / "server-a"), QUIZGEN_DATABASE_URL=url)
    b = make_app(bank_dir, INSTANCE_PATH=str(tmp_path / "server-b"), QUIZGEN_DATABASE_URL=url)
    return a, b


def test_one_class_on_two_servers(make_app: Callable[..., Flask], bank_dir: Path, tmp_path: Path,
                                  database_url: str | None, bank: Bank) -> None:
    a, b = _twins(make_app, bank_dir, tmp_path, database_url)
    with a.app_context():
        add_teacher("prof", PASSWORD)
    teacher = Browser(a, b)
    login(teacher)  # type: ignore[arg-type]
    code = create_session(teacher)  # type: ignore[arg-type]
    lea = Browser(b, a)
    assert lea.post(f"/j/{code}", data={"nickname": "Léa"}).status_code == 303
    questions = questions_in_order(a, lea, code, bank)  # type: ignore[arg-type]
    assert len(questions) == len(bank.questions)
    answer_all(lea, code, questions)  # type: ignore[arg-type]
    late = join(a, code, "Tom")  # on server a only

    for _server in (a, b):  # each server's dashboard sees every answer (the teacher's requests alternate)
        results = teacher.get(f"/teacher/s/{code}/results.json").get_json()
        assert {s["nickname"]: (s["answered"], s["score"]) for s in results["students"]} == {
            "Léa": (9, 9), "Tom": (0, 0)}
    for _server in (a, b):
        live = teacher.get(f"/teacher/s/{code}/live").get_data(as_text=True)
        assert "Léa" in live and "9 / 9" in live

    assert 'id="answer-form"' in late.get(f"/j/{code}/1").get_data(as_text=True)  # server a caches the page
    closed = teacher.on(b).post(f"/teacher/s/{code}/close", data={"confirm": "yes"})  # on server b…
    assert closed.status_code == 303
    assert 'id="answer-form"' not in late.get(f"/j/{code}/1").get_data(as_text=True)  # …closed on a
    too_late = late.post(f"/j/{code}/1", data={"choice": "0"})
    assert too_late.status_code == 303 and too_late.headers["Location"] == f"/j/{code}/too-late"
    with a.app_context(), get_engine().connect() as conn:
        assert conn.execute(select(func.count()).select_from(answer)).scalar_one() == 9


def test_a_server_database_needs_a_shared_secret_key(bank_dir: Path, tmp_path: Path) -> None:
    config = {"INSTANCE_PATH": str(tmp_path / "i"), "QUIZGEN_BANKS": [str(bank_dir)],
              "QUIZGEN_DATABASE_URL": "postgresql+psycopg://quiz@db.example/quizgen"}
    with pytest.raises(QuizgenError, match="needs QUIZGEN_SECRET_KEY, the same on every app server"):
        create_app(config)
    assert not (tmp_path / "i" / "secret_key").exists()


def test_an_unreachable_database_is_a_message(bank_dir: Path, tmp_path: Path) -> None:
    pytest.importorskip("psycopg")
    url = f"postgresql+psycopg://quiz:s3cret@/quizgen?host={tmp_path / 'nowhere'}"
    config = {"INSTANCE_PATH": str(tmp_path / "i"), "QUIZGEN_BANKS": [str(bank_dir)], "SECRET_KEY": "k",
              "QUIZGEN_DATABASE_URL": url}
    with pytest.raises(QuizgenError, match="cannot reach the database postgresql") as err:
        create_app(config)
    assert "s3cret" not in str(err.value)
    config["QUIZGEN_DATABASE_URL"] = "postgresql+nosuchdriver://quiz@/quizgen"
    with pytest.raises(QuizgenError, match=r"cannot be used: .*pip install 'quizgen\[postgres\]'"):
        create_app(config)


@pytest.mark.slow
@pytest.mark.postgres
def test_quizgen_db_upgrade_on_postgresql(pg_cluster: Cluster, bank_dir: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    name = f"empty_{tmp_path.name[-20:].replace('-', '_').lower()}"
    pg_cluster.execute(f"CREATE DATABASE {name}")
    url = pg_cluster.url(name)
    config = {"INSTANCE_PATH": str(tmp_path / "i"), "QUIZGEN_BANKS": [str(bank_dir)], "SECRET_KEY": "k",
              "QUIZGEN_DATABASE_URL": url, "QUIZGEN_COMPILE_TEMPLATES": False}
    with pytest.raises(SchemaOutOfDate, match="run `quizgen db upgrade`"):
        create_app(config)  # never migrated behind the teachers' back

    monkeypatch.setenv("QUIZGEN_INSTANCE", str(tmp_path / "i"))
    monkeypatch.setenv("QUIZGEN_DATABASE_URL", url)
    runner = CliRunner()
    assert f"database at none; this quizgen needs {head()}" in runner.invoke(cli, ["db", "current"]).output
    first = runner.invoke(cli, ["db", "upgrade"])
    assert first.exit_code == 0 and f"from revision none to {head()}" in first.output, first.output
    again = runner.invoke(cli, ["db", "upgrade"])
    assert again.exit_code == 0 and f"already at revision {head()}" in again.output

    engine = create_engine(url)
    with engine.connect() as conn:  # the migrations make exactly the code's tables on PostgreSQL too
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
    engine.dispose()
    app = create_app(config)
    assert app.test_client().get("/healthz").get_json()["database"] == "ok"
    app.extensions["quizgen_db"].dispose()
    pg_cluster.execute(f"DROP DATABASE {name} WITH (FORCE)")


def test_forwarded_headers_count_only_behind_a_configured_proxy(make_app: Callable[..., Flask],
                                                                bank_dir: Path) -> None:
    forwarded = {"X-Forwarded-Proto": "https", "X-Forwarded-Host": "quiz.example.org",
                 "X-Forwarded-For": "203.0.113.7"}
    for proxies, expected in ((0, "http://localhost/j/"), (1, "https://quiz.example.org/j/")):
        app = make_app(bank_dir, QUIZGEN_PROXIES=proxies)
        with app.app_context():
            if proxies == 0:
                add_teacher("prof", PASSWORD)
        teacher = app.test_client()
        login(teacher)
        code = create_session(teacher)
        page = teacher.get(f"/teacher/s/{code}", headers=forwarded).get_data(as_text=True)
        assert expected + code in page
    with pytest.raises(QuizgenError, match="QUIZGEN_PROXIES must be a number of proxies from 0 to 5"):
        make_app(bank_dir, QUIZGEN_PROXIES="nginx")


def test_without_the_server_binaries_the_postgresql_tests_say_why(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests import pgcluster

    monkeypatch.setattr(pgcluster, "find_bin", lambda: None)
    assert pgcluster.missing_reason() == (
        "PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql")
    with pytest.raises(RuntimeError, match="apt-get install postgresql"):
        pgcluster.Cluster()
