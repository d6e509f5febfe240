"""Backups of a PostgreSQL deployment, as docs/deploy.md gives them: pg_dump in
the custom format, then drop, create and pg_restore; the classes' results
come back the same and the site carries on (students keep their place, new
rows get new ids)."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from quizgen import Bank
from tests.pgcluster import Cluster
from tests.web.backends import fresh_database
from tests.web.conftest import PASSWORD, create_session, join, login
from tests.web.pages import form_data
from tests.web.test_sessions import answer_all, questions_in_order
from web import create_app
from web.accounts import add_teacher

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def _app(url: str, bank_dir: Path, instance: Path) -> Flask:
    return create_app({"TESTING": True, "SECRET_KEY": "test secret", "INSTANCE_PATH": str(instance),
                       "QUIZGEN_BANKS": [str(bank_dir)], "QUIZGEN_DATABASE_URL": url,
                       "WTF_CSRF_ENABLED": False, "QUIZGEN_COMPILE_TEMPLATES": False})


def test_dump_drop_restore_gives_the_same_results(pg_cluster: Cluster, bank_dir: Path, bank: Bank,
                                                  tmp_path: Path) -> None:
    name, url = fresh_database(pg_cluster)
    app = _app(url, bank_dir, tmp_path / "instance")
    with app.app_context():
        add_teacher("prof", PASSWORD)
    teacher = app.test_client()
    login(teacher)
    code = create_session(teacher)
    lea, tom = join(app, code, "Léa"), join(app, code, "Tom")
    answer_all(lea, code, questions_in_order(app, lea, code, bank), wrong={"agence"})
    tom_questions = questions_in_order(app, tom, code, bank)
    answer_all(tom, code, tom_questions[:3])
    before = teacher.get(f"/teacher/s/{code}/results.json").get_json()
    csv_before = teacher.get(f"/teacher/s/{code}/results.csv").get_data()
    app.extensions["quizgen_db"].dispose()

    dump = tmp_path / "quizgen.dump"
    pg_cluster.tool("pg_dump", "--format=custom", f"--file={dump}", name)
    pg_cluster.execute(f"DROP DATABASE {name} WITH (FORCE)")
    pg_cluster.execute(f"CREATE DATABASE {name}")
    pg_cluster.tool("pg_restore", "--no-owner", "--exit-on-error", f"--dbname={name}", str(dump))

    restored = _app(url, bank_dir, tmp_path / "instance")
    teacher = restored.test_client()
    login(teacher)
    assert teacher.get(f"/teacher/s/{code}/results.json").get_json() == before
    assert teacher.get(f"/teacher/s/{code}/results.csv").get_data() == csv_before
    assert before["students"][0]["answered"] == 9 and before["students"][1]["answered"] == 3
    # Tom's cookie still finds his run (tokens restored); his next answer gets a new id (sequences restored).
    tom.application = restored
    page = tom.get(f"/j/{code}/4").get_data(as_text=True)
    assert tom.post(f"/j/{code}/4", data=form_data(tom_questions[3], page)).status_code == 303
    zoe = join(restored, code, "Zoé")
    answer_all(zoe, code, questions_in_order(restored, zoe, code, bank)[:1])
    after = {s["nickname"]: s["answered"] for s in
             teacher.get(f"/teacher/s/{code}/results.json").get_json()["students"]}
    assert after == {"Léa": 9, "Tom": 4, "Zoé": 1}
    restored.extensions["quizgen_db"].dispose()
    pg_cluster.execute(f"DROP DATABASE {name} WITH (FORCE)")
