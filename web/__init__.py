"""The class quiz site: practice, class sessions and the teachers' dashboard.

Run it with `quizgen serve`, `flask --app web run`, or under gunicorn as
`gunicorn 'web:create_app()'`.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask

# Flask and friends are imported inside the functions: `quizgen validate`
# imports this package for its commands and must stay quick.


def _configured(config: Mapping[str, Any] | None) -> Flask:
    from flask import Flask

    from .config import configure

    instance = (config or {}).get("INSTANCE_PATH") or os.environ.get("QUIZGEN_INSTANCE")
    app = Flask(__name__, instance_path=str(Path(instance).resolve()) if instance else None,
                instance_relative_config=True)
    configure(app, config)
    return app


def base_app(config: Mapping[str, Any] | None = None) -> Flask:
    """The app with its settings and database, but no banks and no pages
    (for commands such as `quizgen teacher add`)."""
    from .config import prepare_instance
    from .db import init_db

    app = _configured(config)
    prepare_instance(app)
    init_db(app)
    return app


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the site: settings, database, the banks (loaded once, through the
    CLI's loader: BankError if one is invalid) and the pages.

    `config` overrides everything else; INSTANCE_PATH in it (or the
    QUIZGEN_INSTANCE environment variable) moves the instance folder, where
    the SQLite database, the secret key and the deck cache live.
    """
    from . import (
        api,
        bankroutes,
        drafts,
        errors,
        filters,
        fragments,
        i18n,
        join,
        logs,
        practice,
        ratelimit,
        security,
        teacher,
    )
    from .catalog import Catalog
    from .config import bank_paths, prepare_instance, require_shared_key, trust_proxies
    from .db import init_db

    app = _configured(config)
    # The banks first: an invalid bank stops here, before anything is created.
    app.extensions["quizgen_catalog"] = Catalog.load(bank_paths(app.config["QUIZGEN_BANKS"]))
    require_shared_key(app)
    trust_proxies(app)
    prepare_instance(app)
    init_db(app)
    logs.init_app(app)
    security.init_app(app)
    ratelimit.init_app(app)
    i18n.init_app(app)
    errors.init_app(app)
    filters.init_app(app)
    fragments.init_app(app)
    for blueprint in (api.bp, practice.bp, join.bp, teacher.bp, i18n.bp, drafts.bp, bankroutes.bp):
        app.register_blueprint(blueprint)
    from . import regrade_views  # the teacher's regrade page (web/regrade.py)
    app.register_blueprint(regrade_views.bp)
    if app.config["QUIZGEN_COMPILE_TEMPLATES"]:
        compile_templates(app)
    return app


def compile_templates(app: Flask) -> None:
    """Compile every template now rather than on first use.

    Jinja compiles a template when a request first asks for it, in every
    worker process, and each thread that asks meanwhile compiles its own copy:
    a lesson starts with a whole class asking for the same pages at once,
    and the question form alone takes tens of milliseconds to compile.
    """
    env = app.jinja_env
    for name in env.list_templates(filter_func=lambda n: n.endswith(".html")):
        env.get_template(name)
