"""The schema changes only through migrations, and an existing database keeps
its classes' results through an upgrade."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner
from flask import Flask
from sqlalchemy import create_engine, insert, select, text

from quizgen.cli import cli
from web import create_app
from web.db import metadata, teacher, utcnow
from web.migrate import BASELINE, SchemaOutOfDate, current, head, upgrade


def test_the_migrations_build_exactly_the_tables_the_code_uses(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'm.sqlite3'}")
    upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == [], "a table or column changed without a migration in web/migrations/versions"


@pytest.mark.parametrize("backend", ["sqlite"])  # a SQLite file made by create_all
def test_a_database_made_before_migrations_keeps_its_data(make_app: Callable[..., Flask],
                                                          bank_dir: Path, tmp_path: Path) -> None:
    db_file = tmp_path / "instance" / "quizgen.sqlite3"
    db_file.parent.mkdir(parents=True, exist_ok=True)
    legacy = create_engine(f"sqlite:///{db_file}")
    upgrade(legacy, BASELINE)  # the tables quizgen's create_all made before migrations existed…
    with legacy.begin() as conn:
        conn.execute(text("DROP TABLE alembic_version"))  # …and no revision recorded
        conn.execute(insert(teacher).values(name="prof", password_hash="x", created_at=utcnow()))
    legacy.dispose()
    app = make_app(bank_dir)
    engine = app.extensions["quizgen_db"]
    assert current(engine) == head()
    with engine.connect() as conn:
        assert conn.execute(select(teacher.c.name)).scalars().all() == ["prof"]


def test_a_server_database_is_never_migrated_behind_the_teachers_back(bank_dir: Path, tmp_path: Path) -> None:
    config = {"INSTANCE_PATH": str(tmp_path / "inst"), "QUIZGEN_BANKS": [str(bank_dir)],
              "QUIZGEN_AUTO_MIGRATE": False, "QUIZGEN_COMPILE_TEMPLATES": False}
    with pytest.raises(SchemaOutOfDate, match="run `quizgen db upgrade`"):
        create_app(config)


def test_quizgen_db_upgrade(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZGEN_INSTANCE", str(tmp_path / "inst"))
    runner = CliRunner()
    assert "needs " + head() in runner.invoke(cli, ["db", "current"]).output
    first = runner.invoke(cli, ["db", "upgrade"])
    assert first.exit_code == 0 and f"from revision none to {head()}" in first.output
    again = runner.invoke(cli, ["db", "upgrade"])
    assert again.exit_code == 0 and f"already at revision {head()}" in again.output
    bad = runner.invoke(cli, ["db", "upgrade", "--revision", "nope"])
    assert bad.exit_code == 1 and bad.exception is not None and isinstance(bad.exception, SystemExit)
    assert "error: migration refused: Can't locate revision identified by 'nope'" in bad.output
