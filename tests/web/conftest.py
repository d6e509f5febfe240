"""Fixtures for the web quiz: an app on a test bank, clients, a teacher."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from quizgen import Bank, load_bank
from web import create_app
from web.accounts import add_teacher

from .backends import (  # noqa: F401  (fixtures)
    BACKENDS,
    backend,
    database_url,
    drop_database,
    fresh_database,
    pg_cluster,
)

DATA = Path(__file__).parent / "data"
PASSWORD = "correct horse battery"


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    target = tmp_path / "banks"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def bank(bank_dir: Path) -> Bank:
    return load_bank(bank_dir / "classe.yaml")


class SharedBytecode(BytecodeCache):
    """Jinja's compiled templates, kept in memory for every app of the test
    process: each test makes its own apps, and compiling the templates again
    for each was most of a web test's time. Jinja keys each entry by the
    template's name and the checksum of its source, so an edited template is
    compiled again."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


BYTECODE = SharedBytecode()

#: A cheap password hash: every teacher test hashes twice (account, login);
#: scrypt, the site's default, takes about 0.1 s each time (test_sessions checks it).
TEST_PASSWORD_METHOD = "pbkdf2:sha256:1"


@pytest.fixture(scope="session")
def template_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database migrated to the head revision, made once per test
    process: make_app copies it rather than running every migration again."""
    instance = tmp_path_factory.mktemp("template") / "instance"
    app = create_app({"INSTANCE_PATH": str(instance), "SECRET_KEY": "template",
                      "QUIZGEN_BANKS": [str(DATA)], "QUIZGEN_COMPILE_TEMPLATES": False})
    app.extensions["quizgen_db"].dispose()  # checkpoints the WAL into the file
    return instance / "quizgen.sqlite3"


def site_for_tests(instance: Path, banks: Path | list[Path], url: str | None, template_database: Path,
                   *, template: bool = True, **config: Any) -> Flask:
    """The site as the tests make it: on `banks`, with its instance folder at
    `instance`, a cheap password hash and no CSRF check (tests that check it
    turn it on), on the database at `url` or else SQLite in the instance folder.

    On SQLite a missing database starts as a copy of the migrated template,
    unless `template=False` (the site then makes the instance folder and the
    database itself). That app does not look for migrations to run (the copy
    is at the head revision): Alembic reads every migration script to find
    that out, about a third of the time an app takes to make. An app on a
    database that exists already migrates at start as the site does.
    """
    settings = {
        "TESTING": True,
        "SECRET_KEY": "test secret",
        "INSTANCE_PATH": str(instance),
        "QUIZGEN_BANKS": [str(b) for b in banks] if isinstance(banks, list) else [str(banks)],
        "WTF_CSRF_ENABLED": False,
        "QUIZGEN_COMPILE_TEMPLATES": False,  # each test makes its apps: compile on demand
        "QUIZGEN_PASSWORD_METHOD": TEST_PASSWORD_METHOD,
    }
    if url is not None:
        settings["QUIZGEN_DATABASE_URL"] = url
    settings.update(config)
    instance = Path(settings["INSTANCE_PATH"])
    database = instance / "quizgen.sqlite3"
    if template and "QUIZGEN_DATABASE_URL" not in settings and not database.exists():
        instance.mkdir(mode=0o700, parents=True, exist_ok=True)
        shutil.copyfile(template_database, database)
        database.chmod(0o600)
        at_head = {"QUIZGEN_AUTO_MIGRATE": False, "QUIZGEN_SKIP_SCHEMA_CHECK": True}
        settings = {**at_head, **settings}  # a test's own setting still wins
    app = create_app(settings)
    app.jinja_env.bytecode_cache = BYTECODE
    return app


@pytest.fixture
def make_app(tmp_path: Path, database_url: str | None,  # noqa: F811
             template_database: Path) -> Iterator[Callable[..., Flask]]:
    """An app factory for this test: same instance folder, database and secret each time
    (once on SQLite, once on PostgreSQL: see backends.py); see site_for_tests.

    The apps' connection pools are closed when the test ends, before its
    PostgreSQL database is dropped: a pooled connection left to the garbage
    collector would be reset later, in the middle of another test, on a
    database that no longer exists."""
    made: list[Flask] = []

    def make(banks: Path | list[Path], *, template: bool = True, **config: Any) -> Flask:
        made.append(site_for_tests(tmp_path / "instance", banks, database_url, template_database,
                                   template=template, **config))
        return made[-1]
    yield make
    for app in made:
        app.extensions["quizgen_db"].dispose()


@pytest.fixture
def app(make_app: Callable[..., Flask], bank_dir: Path) -> Flask:
    return make_app(bank_dir)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="module", params=BACKENDS)
def shared_app(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
               template_database: Path) -> Iterator[Flask]:
    """One app on the test bank for all the tests of a module that store
    nothing and change nothing (a redirect, a header): making an app is most
    of such a test's time. A test that writes to the database, edits a bank,
    changes a setting or adds a route uses `app`."""
    base = tmp_path_factory.mktemp("shared")
    shutil.copytree(DATA, base / "banks")
    url = name = None
    if request.param == "postgresql":
        name, url = fresh_database(request.getfixturevalue("pg_cluster"))
    app = site_for_tests(base / "instance", base / "banks", url, template_database)
    yield app
    app.extensions["quizgen_db"].dispose()
    if name is not None:
        drop_database(request.getfixturevalue("pg_cluster"), name)


@pytest.fixture
def shared_client(shared_app: Flask) -> FlaskClient:
    """A client of its own (its own cookies) on the module's `shared_app`."""
    return shared_app.test_client()


@pytest.fixture
def runner(app: Flask):
    return app.test_cli_runner()


def login(client: FlaskClient, name: str = "prof", password: str = PASSWORD) -> None:
    response = client.post("/teacher/login", data={"name": name, "password": password})
    assert response.status_code == 303, response.get_data(as_text=True)


@pytest.fixture
def teacher(app: Flask) -> Iterator[FlaskClient]:
    """A client logged in as the teacher "prof"."""
    with app.app_context():
        add_teacher("prof", PASSWORD)
    client = app.test_client()
    login(client)
    yield client


def create_session(teacher: FlaskClient, bank_id: str = "sommet-classe", **fields: Any) -> str:
    data: dict[str, Any] = {"feedback": "immediate", "open_now": "y"}
    data.update(fields)
    response = teacher.post(f"/teacher/new/{bank_id}", data=data)
    assert response.status_code == 303, response.get_data(as_text=True)
    match = re.search(r"/teacher/s/([A-Z0-9]+)$", response.headers["Location"])
    assert match
    return match[1]


def refused(client: FlaskClient, response: Any, status: int = 400) -> str:
    """A refused form: redirected (Post/Redirect/Get) to a page that says why
    with a 4xx status; that page's HTML."""
    assert response.status_code == 303, response.get_data(as_text=True)
    page = client.get(response.headers["Location"])
    assert page.status_code == status, page.get_data(as_text=True)
    return page.get_data(as_text=True)


def join(app: Flask, code: str, nickname: str) -> FlaskClient:
    student = app.test_client()
    response = student.post(f"/j/{code}", data={"nickname": nickname})
    assert response.status_code == 303, response.get_data(as_text=True)
    return student
