"""Rate limits (Flask-Limiter) on what an attacker would repeat: teacher
logins and join-code guesses; and a cap on the password checks running at
once, so a flood of logins cannot slow the students' pages.

Settings (config keys; the environment variables in config.ENVIRONMENT):

- RATELIMIT_STORAGE_URI (QUIZGEN_RATELIMIT_STORAGE_URI): where the counts
  live; memory:// counts per process, redis://host:6379 (or memcached://…)
  shares them between the workers and servers of one site.
- QUIZGEN_LOGIN_LIMIT: failed logins per client address.
- QUIZGEN_LOGIN_ACCOUNT_LIMIT: failed logins per account name, from anywhere.
- QUIZGEN_JOIN_LIMIT: per client address, join codes that lead nowhere.
- QUIZGEN_PASSWORD_CHECKS: password checks at once per process; one more
  gets a 503 page at once instead of waiting.

A refused request gets the site's error page (429), in the interface's language.
Behind a reverse proxy the client address is the proxy's unless the app is
wrapped in werkzeug's ProxyFix.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

from flask import Flask, Response, current_app, g, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from quizgen.errors import QuizgenError
from quizgen.text import normalize

DEFAULTS = {
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_STRATEGY": "fixed-window",
    "RATELIMIT_KEY_PREFIX": "quizgen",
    "RATELIMIT_HEADERS_ENABLED": True,  # Retry-After on a 429
    # A shared storage (Redis…) that stops answering: count in this process
    # meanwhile rather than fail the students' join pages.
    "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
    "QUIZGEN_LOGIN_LIMIT": "10 per minute; 50 per hour",
    "QUIZGEN_LOGIN_ACCOUNT_LIMIT": "5 per minute; 20 per hour",
    "QUIZGEN_JOIN_LIMIT": "20 per minute; 200 per hour",
    "QUIZGEN_PASSWORD_CHECKS": 2,
}

limiter = Limiter(key_func=get_remote_address)
#: Flask-Limiter settings for limits on every page, which quizgen refuses.
SITE_WIDE = ("RATELIMIT_DEFAULT", "RATELIMIT_APPLICATION")
ViewFn = TypeVar("ViewFn", bound=Callable[..., object])


class Busy(Exception):
    """Every password-check slot is taken."""


def _setting(name: str) -> Callable[[], str]:
    """A limit read from the app's config at each request."""
    return lambda: current_app.config[name]


def missed() -> None:
    """Mark this request as a failed try (a wrong password, a join code or a
    return code that leads nowhere): only failed tries count against the limits.
    Failures are marked, not read off the status, since a failed form redirects
    back to itself like a success does."""
    g.quizgen_missed = True


def failed_try(_response: Response) -> bool:
    return bool(g.get("quizgen_missed"))


def _account() -> str:
    name = request.form.get("name", "")
    return "account:" + normalize(name if isinstance(name, str) else "").casefold()[:80]


#: The views our limits decorate (the functions the decorators return).
_LIMITED: set[Callable[..., object]] = set()


def _marked(decorator: Callable[[ViewFn], ViewFn]) -> Callable[[ViewFn], ViewFn]:
    """`decorator`, remembering the views it limits (see `_unlimited`)."""
    def mark(view: ViewFn) -> ViewFn:
        limited = decorator(view)
        _LIMITED.add(limited)
        return limited
    return mark


#: Failed logins per client address and per account; only POSTs, only failures count.
login_per_client = _marked(limiter.limit(_setting("QUIZGEN_LOGIN_LIMIT"), methods=["POST"],
                                         deduct_when=failed_try))
login_per_account = _marked(limiter.limit(_setting("QUIZGEN_LOGIN_ACCOUNT_LIMIT"), methods=["POST"],
                                          key_func=_account, deduct_when=failed_try))
#: Join codes tried, per client, shared by the code form and the join links.
join_code_guesses = _marked(limiter.shared_limit(_setting("QUIZGEN_JOIN_LIMIT"), scope="join-code",
                                                 deduct_when=failed_try))


@limiter.request_filter
def _unlimited() -> bool:
    """A request for a view none of our limits decorates: Flask-Limiter need
    not look for limits (a student's question pages and answers, the teacher
    area). There are no others: see init_app."""
    return current_app.view_functions.get(request.endpoint or "") not in _LIMITED


@contextlib.contextmanager
def password_slot() -> Iterator[None]:
    """Around a password check: Busy at once if QUIZGEN_PASSWORD_CHECKS are running."""
    slots: threading.BoundedSemaphore = current_app.extensions["quizgen_password_slots"]
    if not slots.acquire(blocking=False):
        raise Busy
    try:
        yield
    finally:
        slots.release()


def init_app(app: Flask) -> None:
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    app.extensions["quizgen_password_slots"] = threading.BoundedSemaphore(
        int(app.config["QUIZGEN_PASSWORD_CHECKS"]))
    for key in SITE_WIDE:
        if app.config.get(key):
            raise QuizgenError(
                f"{key} is not supported: a class answers from one school address, and a limit on "
                "every page would lock it out. quizgen limits failed tries only: set "
                + ", ".join(k for k in DEFAULTS if k.startswith("QUIZGEN_") and k.endswith("LIMIT")) + ".")
    limiter.init_app(app)
