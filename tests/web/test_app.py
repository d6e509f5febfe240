"""The app factory, its settings and database, languages, the deck, the commands."""

from __future__ import annotations

import io
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select, text

import web
from quizgen import BankError
from quizgen.cli import cli
from tests.web.conftest import PASSWORD, create_session, login, refused
from web import create_app
from web.db import get_engine, teacher

BAD = Path(__file__).parents[1] / "data" / "bad"
#: Templates compiled on demand (test_fast_paths checks the compiling at start).
QUICK = {"QUIZGEN_COMPILE_TEMPLATES": False}


def test_healthz(client: FlaskClient) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.get_json()["status"] == "ok" and r.get_json()["banks"] == 1


@pytest.mark.parametrize("backend", ["sqlite"])
def test_sqlite_runs_in_wal_mode(app: Flask) -> None:
    with app.app_context(), get_engine().connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
    assert Path(app.instance_path, "quizgen.sqlite3").exists()


def test_one_pooled_engine_per_app(app: Flask, client: FlaskClient) -> None:
    engine = app.extensions["quizgen_db"]
    for _ in range(20):
        client.get("/healthz")
    assert engine.pool.checkedout() == 0
    assert engine.pool.size() >= 1
    # Connections are reused, not opened per request.
    assert engine.pool.checkedin() <= 2


def test_database_url_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                       bank_dir: Path) -> None:
    url = f"sqlite:///{tmp_path / 'elsewhere.db'}"
    monkeypatch.setenv("QUIZGEN_DATABASE_URL", url)
    monkeypatch.setenv("QUIZGEN_BANKS", str(bank_dir))
    app = create_app({**QUICK, "INSTANCE_PATH": str(tmp_path / "inst"), "TESTING": True})
    assert app.config["QUIZGEN_DATABASE_URL"] == url
    assert (tmp_path / "elsewhere.db").exists()
    assert len(app.extensions["quizgen_catalog"]) == 1


def test_instance_config_file_then_environment_then_mapping(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                           bank_dir: Path) -> None:
    inst = tmp_path / "inst"
    inst.mkdir()
    (inst / "config.py").write_text(f"QUIZGEN_BANKS = {str(bank_dir)!r}\nQUIZGEN_PUBLIC_URL = 'http://file'\n"
                                    "SECRET_KEY = 'from file'\n")
    app = create_app({**QUICK, "INSTANCE_PATH": str(inst)})
    assert app.config["QUIZGEN_PUBLIC_URL"] == "http://file" and app.secret_key == "from file"
    monkeypatch.setenv("QUIZGEN_PUBLIC_URL", "http://env")
    monkeypatch.setenv("QUIZGEN_SECRET_KEY", "from env")
    app = create_app({**QUICK, "INSTANCE_PATH": str(inst)})
    assert app.config["QUIZGEN_PUBLIC_URL"] == "http://env" and app.secret_key == "from env"
    app = create_app({**QUICK, "INSTANCE_PATH": str(inst), "QUIZGEN_PUBLIC_URL": "http://test"})
    assert app.config["QUIZGEN_PUBLIC_URL"] == "http://test"


def test_secret_key_generated_once_private(tmp_path: Path, bank_dir: Path) -> None:
    inst = tmp_path / "inst"
    first = create_app({**QUICK, "INSTANCE_PATH": str(inst), "QUIZGEN_BANKS": [str(bank_dir)]})
    second = create_app({**QUICK, "INSTANCE_PATH": str(inst), "QUIZGEN_BANKS": [str(bank_dir)]})
    assert first.secret_key == second.secret_key and len(first.secret_key) >= 40
    mode = stat.S_IMODE(os.stat(inst / "secret_key").st_mode)
    assert mode == 0o600
    assert [p.name for p in inst.iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_banks_from_pathsep_separated_setting(tmp_path: Path, bank_dir: Path) -> None:
    other = Path(__file__).parents[1] / "data" / "good"
    app = create_app({**QUICK, "INSTANCE_PATH": str(tmp_path / "i"),
                      "QUIZGEN_BANKS": os.pathsep.join([str(bank_dir), str(other)])})
    assert len(app.extensions["quizgen_catalog"]) == 2


def test_invalid_bank_stops_the_app(tmp_path: Path) -> None:
    with pytest.raises(BankError) as info:
        create_app({**QUICK, "INSTANCE_PATH": str(tmp_path / "i"),
                    "QUIZGEN_BANKS": [str(BAD / "evidence_typo.yaml")]})
    assert "evidence" in str(info.value)
    assert not (tmp_path / "i").exists()  # nothing created for a site that did not start


# -- languages


def test_french_by_default_english_by_browser_and_switch(client: FlaskClient) -> None:
    assert 'lang="fr"' in client.get("/").get_data(as_text=True)
    assert "Rejoindre" in client.get("/", headers={"Accept-Language": "de"}).get_data(as_text=True)
    page = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_data(as_text=True)
    assert '<html lang="en">' in page and "Join your class" in page
    r = client.get("/lang/fr?next=/b/sommet-classe", headers={"Accept-Language": "en"})
    assert r.status_code == 303 and r.headers["Location"] == "/b/sommet-classe"
    page = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="fr">' in page and "Rejoindre votre classe" in page  # the switch wins
    client.get("/lang/en")
    assert '<html lang="en">' in client.get("/").get_data(as_text=True)
    assert client.get("/lang/en?next=//evil.example").headers["Location"] == "/"
    # The switch's links are the same on every page: it returns to the page it was clicked on.
    r = client.get("/lang/fr", headers={"Referer": "http://localhost/b/sommet-classe?x=1"})
    assert r.headers["Location"] == "/b/sommet-classe?x=1"
    r = client.get("/lang/fr", headers={"Referer": "http://evil.example/b/sommet-classe"})
    assert r.headers["Location"] == "/"


def test_questions_stay_in_the_bank_language(client: FlaskClient) -> None:
    client.get("/lang/en")
    base = client.post("/b/sommet-classe/practice", data={}).headers["Location"].rsplit("/", 1)[0]
    page = client.get(f"{base}/1").get_data(as_text=True)
    assert '<html lang="en">' in page and 'class="card question' in page and 'lang="fr" id="question"' in page
    assert "Answer" in page


def test_translations_are_complete_and_compiled() -> None:
    from babel.messages.extract import extract_from_dir
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po

    root = Path(__file__).parents[2] / "web"
    method_map = [("**/templates/**.html", "jinja2"), ("**.py", "python")]
    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "lazy_gettext": None, "_l": None}
    used = {msg[2] if isinstance(msg[2], str) else msg[2][0]
            for msg in extract_from_dir(str(root), method_map, keywords=keywords)}
    po_path = root / "translations" / "fr" / "LC_MESSAGES" / "messages.po"
    with po_path.open("rb") as fh:
        po = read_po(fh)
    with (po_path.with_suffix(".mo")).open("rb") as fh:
        mo = read_mo(fh)
    def forms(string: str | tuple[str, ...] | list[str] | None) -> tuple[str, ...]:
        return tuple(string) if isinstance(string, list | tuple) else (string or "",)

    missing = sorted(m for m in used if po.get(m) is None or not all(forms(po.get(m).string)))
    assert missing == [], "untranslated: see web/babel.cfg to extract, update and compile"
    for message in po:
        if message.id:
            assert not message.fuzzy, message.id
            compiled = mo.get(message.id)
            assert compiled is not None and forms(compiled.string) == forms(message.string), (
                f"{message.id!r}: messages.mo is stale, run pybabel compile -d web/translations")


# -- the Anki deck


def test_anki_deck_download(client: FlaskClient, app: Flask) -> None:
    r = client.get("/b/sommet-classe/deck.apkg")
    assert r.status_code == 200
    assert r.headers["Content-Disposition"].startswith("attachment")
    assert "sommet-classe.apkg" in r.headers["Content-Disposition"]
    assert r.data[:2] == b"PK"  # a zip, as .apkg files are
    cached = list(Path(app.config["QUIZGEN_DECK_CACHE"]).glob("sommet-classe-*.apkg"))
    assert len(cached) == 1
    mtime = cached[0].stat().st_mtime_ns
    assert client.get("/b/sommet-classe/deck.apkg").data == r.data
    assert cached[0].stat().st_mtime_ns == mtime  # served from the cache
    assert 'id="deck"' in client.get("/b/sommet-classe").get_data(as_text=True)


def test_served_deck_keeps_the_note_times_of_the_lock_file(
        make_app: Callable[..., Flask], bank_dir: Path, tmp_path: Path) -> None:
    """A deck from the site must be able to update students' notes exactly as a
    `quizgen build` deck does: same notes, same times, lock file left alone."""
    import sqlite3
    import zipfile

    from quizgen.build import build

    built = build([bank_dir / "classe.yaml"], tmp_path / "decks", clock=lambda: 1_700_000_000)[0]
    lock = built.state.read_bytes()

    def note_times(data: bytes) -> dict[str, int]:
        db = tmp_path / "collection.anki2"
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            db.write_bytes(zf.read("collection.anki2"))
        with sqlite3.connect(db) as conn:
            return dict(conn.execute("select guid, mod from notes"))

    served = make_app(bank_dir).test_client().get("/b/sommet-classe/deck.apkg")
    assert served.status_code == 200
    expected = note_times(built.deck.read_bytes())
    assert set(expected.values()) == {1_700_000_000}
    assert note_times(served.data) == expected
    assert built.state.read_bytes() == lock


def test_no_anki_exporter_gives_a_clear_404(client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import web.practice
    monkeypatch.setattr(web.decks, "anki_exporter", lambda: None)
    monkeypatch.setattr(web.practice, "anki_exporter", lambda: None)
    r = client.get("/b/sommet-classe/deck.apkg", headers={"Accept-Language": "en"})
    assert r.status_code == 404 and "Anki deck cannot be made" in r.get_data(as_text=True)
    assert 'id="deck"' not in client.get("/b/sommet-classe").get_data(as_text=True)


# -- commands


def test_teacher_add_reads_password_from_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               make_app: Callable[..., Flask], bank_dir: Path,
                                               database_url: str | None) -> None:
    monkeypatch.setenv("QUIZGEN_INSTANCE", str(tmp_path / "instance"))
    if database_url:
        monkeypatch.setenv("QUIZGEN_DATABASE_URL", database_url)
    runner = CliRunner()
    r = runner.invoke(cli, ["teacher", "add", "Mme Martin"], input=PASSWORD + "\n")
    assert r.exit_code == 0, r.output
    r = runner.invoke(cli, ["teacher", "add", "Mme Martin"], input=PASSWORD + "\n")
    assert r.exit_code == 1 and "exists" in r.output
    r = runner.invoke(cli, ["teacher", "add", "M Short"], input="short\n")
    assert r.exit_code == 1 and "at least 8" in r.output
    r = runner.invoke(cli, ["teacher", "add", "Mme Martin", "--replace"], input="another password\n")
    assert r.exit_code == 0
    app = make_app(bank_dir)  # the same instance folder
    with app.app_context():
        names = get_engine().connect().execute(select(teacher.c.name)).scalars().all()
    assert names == ["Mme Martin"]
    c = app.test_client()
    refused(c, c.post("/teacher/login", data={"name": "Mme Martin", "password": PASSWORD}), 401)
    login(c, "Mme Martin", "another password")
    create_session(c)


def test_serve_refuses_an_invalid_bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZGEN_INSTANCE", str(tmp_path / "instance"))
    r = CliRunner().invoke(cli, ["serve", str(BAD / "evidence_typo.yaml")])
    assert r.exit_code == 1
    assert "evidence_typo.yaml:" in r.output and "not started" in r.output
    assert "Traceback" not in r.output


def test_serve_starts_waitress(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bank_dir: Path) -> None:
    import waitress

    started = {}

    class FakeServer:
        def run(self) -> None:
            started["ran"] = True

        def close(self) -> None:
            started["closed"] = True

    def fake_create_server(app, **kw):
        started.update(kw, app=app)
        return FakeServer()

    monkeypatch.setenv("QUIZGEN_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.setattr(waitress, "create_server", fake_create_server)
    monkeypatch.setattr(web, "compile_templates", lambda app: None)  # test_fast_paths checks it
    r = CliRunner().invoke(cli, ["serve", str(bank_dir), "--host", "0.0.0.0", "--port", "8123"])
    assert r.exit_code == 0, r.output
    assert started["host"] == "0.0.0.0" and started["port"] == 8123 and started["ran"] and started["closed"]
    assert "http://0.0.0.0:8123/" in r.output
    assert started["app"].test_client().get("/healthz").status_code == 200


def test_flask_cli_finds_the_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, bank_dir: Path) -> None:
    from flask.cli import ScriptInfo

    monkeypatch.setenv("QUIZGEN_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.setenv("QUIZGEN_BANKS", str(bank_dir))
    monkeypatch.setattr(web, "compile_templates", lambda app: None)  # test_fast_paths checks it
    app = ScriptInfo(app_import_path="web").load_app()  # what `flask --app web run` does
    assert app.test_client().get("/healthz").status_code == 200
