"""The database behind the web tests: SQLite, and a real PostgreSQL.

Every test that builds the site through `make_app` (and so `app`, `client`,
`teacher`…) runs once per backend: `[sqlite]`, then `[postgresql]` (marked
slow and postgres). QUIZGEN_TEST_DATABASES chooses them (default
"sqlite,postgresql"; "sqlite" alone skips the PostgreSQL runs). Each pytest
process starts one throwaway cluster (tests/pgcluster.py), migrates a template
database once, and gives each test a fresh copy of it (CREATE DATABASE …
TEMPLATE, a file copy), dropped afterwards.
"""

from __future__ import annotations

import gc
import itertools
import os
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine

from tests.pgcluster import Cluster, missing_reason

TEMPLATE = "quizgen_template"
_CHOSEN = [b.strip() for b in os.environ.get("QUIZGEN_TEST_DATABASES", "sqlite,postgresql").split(",")
           if b.strip()]
BACKENDS = [
    pytest.param(name, id=name,
                 marks=[pytest.mark.slow, pytest.mark.postgres] if name == "postgresql" else [])
    for name in ("sqlite", "postgresql") if name in _CHOSEN
]
_numbers = itertools.count()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """One cluster per pytest process, with a migrated template database."""
    reason = missing_reason()
    if reason:
        pytest.skip(f"PostgreSQL tests skipped: {reason}")
    from web.migrate import upgrade

    cluster = Cluster()
    try:
        cluster.execute(f"CREATE DATABASE {TEMPLATE}")
        engine = create_engine(cluster.url(TEMPLATE))
        upgrade(engine)
        engine.dispose()
        yield cluster
    finally:
        cluster.stop()


def fresh_database(cluster: Cluster) -> tuple[str, str]:
    """A new database copied from the migrated template: (name, URL)."""
    name = f"t{os.getpid()}_{next(_numbers)}"
    cluster.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")
    return name, cluster.url(name)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def database_url(backend: str, request: pytest.FixtureRequest) -> Iterator[str | None]:
    """None for SQLite (the app's own file in its instance folder), else a fresh PostgreSQL database."""
    if backend == "sqlite":
        yield None
        return
    cluster: Cluster = request.getfixturevalue("pg_cluster")
    name, url = fresh_database(cluster)
    yield url
    drop_database(cluster, name)


def drop_database(cluster: Cluster, name: str) -> None:
    """Drop a test's database once every connection the test left behind is
    collected: a pooled connection the garbage collector met later, its
    database gone, would log a traceback in the middle of another test, and on
    Python 3.11.7 that traceback's ast.parse, run inside another ast.parse,
    fails that test (python/cpython#106905)."""
    gc.collect()
    cluster.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
