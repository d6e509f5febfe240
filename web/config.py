"""Where the web quiz's settings come from, in order of precedence (last wins):

built-in defaults → instance/config.py (if present) → QUIZGEN_* environment
variables → the mapping given to create_app (tests).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from collections.abc import Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

from flask import Flask

from quizgen.errors import QuizgenError

#: Environment variable → config key.
ENVIRONMENT = {
    "QUIZGEN_DATABASE_URL": "QUIZGEN_DATABASE_URL",
    "QUIZGEN_SECRET_KEY": "SECRET_KEY",
    "QUIZGEN_BANKS": "QUIZGEN_BANKS",
    "QUIZGEN_PUBLIC_URL": "QUIZGEN_PUBLIC_URL",
    "QUIZGEN_SECURE_COOKIES": "SESSION_COOKIE_SECURE",
    "QUIZGEN_AUTO_MIGRATE": "QUIZGEN_AUTO_MIGRATE",
    # Where the rate limits count: QUIZGEN_REDIS_URL (a Redis server shared by
    # every app server), or any storage URI of the `limits` library (wins if both).
    "QUIZGEN_REDIS_URL": "RATELIMIT_STORAGE_URI",
    "QUIZGEN_RATELIMIT_STORAGE_URI": "RATELIMIT_STORAGE_URI",
    "QUIZGEN_READ_ONLY": "QUIZGEN_READ_ONLY",
    "QUIZGEN_PROXIES": "QUIZGEN_PROXIES",
    "QUIZGEN_LOG_LEVEL": "QUIZGEN_LOG_LEVEL",
}
_BOOLEANS = {"SESSION_COOKIE_SECURE", "QUIZGEN_AUTO_MIGRATE", "QUIZGEN_READ_ONLY"}


def configure(app: Flask, overrides: Mapping[str, Any] | None) -> None:
    app.config.update(
        QUIZGEN_BANKS="questions",
        QUIZGEN_DATABASE_URL=f"sqlite:///{Path(app.instance_path) / 'quizgen.sqlite3'}",
        # Migrate the database at start: None means yes on SQLite (one machine),
        # no on a server database (run `quizgen db upgrade` once per release).
        QUIZGEN_AUTO_MIGRATE=None,
        QUIZGEN_PUBLIC_URL=None,  # e.g. http://192.168.1.20:8000, for join links and QR codes
        QUIZGEN_READ_ONLY=False,  # True: the teacher area drafts and edits no bank
        # Reverse proxies in front of the app (nginx: 1) whose X-Forwarded-* headers are trusted.
        QUIZGEN_PROXIES=0,
        QUIZGEN_PASSWORD_METHOD="scrypt",  # Werkzeug's generate_password_hash method
        QUIZGEN_LOG_LEVEL="INFO",  # of the "web" loggers (web/logs.py)
        QUIZGEN_DECK_CACHE=str(Path(app.instance_path) / "decks"),
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=False,  # a school LAN is usually plain http; set it behind https
        SESSION_COOKIE_NAME="quizgen",
        # Students rejoin with this cookie after a refresh or a closed browser.
        PERMANENT_SESSION_LIFETIME=timedelta(days=30),
        SESSION_REFRESH_EACH_REQUEST=False,
        MAX_CONTENT_LENGTH=64 * 1024,
        WTF_CSRF_TIME_LIMIT=None,  # a lesson's page can stay open for hours
        # Compile the templates when the app is made (a worker starts), not
        # under the first class's requests; the tests turn it off to start faster.
        QUIZGEN_COMPILE_TEMPLATES=True,
        BABEL_DEFAULT_LOCALE="fr",
        BABEL_DEFAULT_TIMEZONE="Europe/Paris",
    )
    app.config.from_pyfile("config.py", silent=True)
    for env, key in ENVIRONMENT.items():
        value = os.environ.get(env)
        if value and key in _BOOLEANS:
            app.config[key] = value.lower() in ("1", "true", "yes")
        elif value:
            app.config[key] = value
    if overrides:
        app.config.update(overrides)


def require_shared_key(app: Flask) -> None:
    """On a server database, the site may run on several app servers, and a
    student's next page may reach any of them: all must sign cookies with the
    same key. A key generated in one server's instance folder would log every
    student out on the others, so it must be configured (QUIZGEN_SECRET_KEY
    or SECRET_KEY in instance/config.py)."""
    if not app.config.get("SECRET_KEY") and not str(app.config["QUIZGEN_DATABASE_URL"]).startswith("sqlite"):
        raise QuizgenError("a server database needs QUIZGEN_SECRET_KEY, the same on every app server "
                           "(make one with: python3 -c 'import secrets; print(secrets.token_urlsafe(48))')")


def trust_proxies(app: Flask) -> None:
    """Behind QUIZGEN_PROXIES reverse proxies, take the client's address, scheme
    and host from their X-Forwarded-* headers (Werkzeug's ProxyFix): HTTPS is
    then seen as HTTPS and each student has their own address. With 0 (the
    default) those headers are ignored, as anyone can send them."""
    raw = app.config.get("QUIZGEN_PROXIES") or 0
    try:
        count = int(raw)
    except (TypeError, ValueError):
        count = -1
    if not 0 <= count <= 5:
        raise QuizgenError(f"QUIZGEN_PROXIES must be a number of proxies from 0 to 5, not {raw!r}")
    if count:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count)  # type: ignore[method-assign]


def prepare_instance(app: Flask) -> None:
    """Create the instance folder (private: 0700), and the secret key if none is configured."""
    Path(app.instance_path).mkdir(mode=0o700, parents=True, exist_ok=True)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret_key(Path(app.instance_path))


def bank_paths(value: str | os.PathLike[str] | list[Any] | tuple[Any, ...]) -> list[str]:
    """QUIZGEN_BANKS as a list: a list already, or paths joined by os.pathsep."""
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [p for p in str(value).split(os.pathsep) if p]


def instance_secret_key(folder: Path) -> str:
    """The key in instance/secret_key, generated on first use (mode 0600).

    Several worker processes may start at once: the key is written to a
    private temporary file and linked into place, so exactly one key wins and
    every process reads that one.
    """
    path = folder / "secret_key"
    try:
        return path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        pass
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".secret_key.", dir=folder)  # created 0600
    try:
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secrets.token_urlsafe(48) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        with contextlib.suppress(FileExistsError):  # another process won: use its key
            os.link(tmp, path)
    finally:
        os.unlink(tmp)
    return path.read_text(encoding="ascii").strip()
