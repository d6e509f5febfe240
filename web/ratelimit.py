"""Rate limits on what an attacker would repeat: teacher logins and join-code
guesses; and a cap on the password checks running at once, so a flood of
logins cannot slow the students' pages.

Settings (config keys; the environment variables in config.ENVIRONMENT):

- RATELIMIT_STORAGE_URI (QUIZGEN_RATELIMIT_STORAGE_URI): where the counts
  live; memory:// counts per process, redis://host:6379 (or memcached://…)
  shares them between the workers and servers of one site.
- RATELIMIT_STRATEGY: fixed-window (default), moving-window or
  sliding-window-counter; RATELIMIT_KEY_PREFIX; RATELIMIT_ENABLED.
- RATELIMIT_IN_MEMORY_FALLBACK_ENABLED: when the shared storage stops
  answering, count in this process meanwhile rather than fail the page.
- QUIZGEN_LOGIN_LIMIT: failed logins per client address.
- QUIZGEN_LOGIN_ACCOUNT_LIMIT: failed logins per account name, from anywhere.
- QUIZGEN_JOIN_LIMIT: per client address, join codes that lead nowhere.
- QUIZGEN_PASSWORD_CHECKS: password checks at once per process; one more
  gets a 503 page at once instead of waiting.

The counting is the `limits` library's (its storages and window strategies,
the library Flask-Limiter is built on). Only the views decorated here are
limited and only their failed tries count, so nothing else runs through this
module: Flask-Limiter hooked every request of the app, and on a student's
question page that cost about 15 % of the page's CPU for no limit at all.

A refused request gets the site's error page (429, with Retry-After), in the
interface's language. Behind a reverse proxy the client address is the
proxy's unless the app is wrapped in werkzeug's ProxyFix (QUIZGEN_PROXIES).
"""

from __future__ import annotations

import contextlib
import functools
import logging
import math
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar, cast

from flask import Flask, current_app, g, request
from limits import RateLimitItem, parse_many
from limits.storage import MemoryStorage, storage_from_string
from limits.strategies import STRATEGIES, RateLimiter
from werkzeug.exceptions import TooManyRequests

from quizgen.errors import QuizgenError
from quizgen.text import normalize

log = logging.getLogger(__name__)

DEFAULTS = {
    "RATELIMIT_ENABLED": True,
    "RATELIMIT_STORAGE_URI": "memory://",
    "RATELIMIT_STRATEGY": "fixed-window",
    "RATELIMIT_KEY_PREFIX": "quizgen",
    "RATELIMIT_IN_MEMORY_FALLBACK_ENABLED": True,
    "QUIZGEN_LOGIN_LIMIT": "10 per minute; 50 per hour",
    "QUIZGEN_LOGIN_ACCOUNT_LIMIT": "5 per minute; 20 per hour",
    "QUIZGEN_JOIN_LIMIT": "20 per minute; 200 per hour",
    "QUIZGEN_PASSWORD_CHECKS": 2,
}
#: Flask-Limiter's settings for limits on every page: refused (see init_app).
SITE_WIDE = ("RATELIMIT_DEFAULT", "RATELIMIT_APPLICATION")
#: After the shared storage failed, count in memory this long before trying it again.
RETRY_STORAGE_AFTER = 30.0
ViewFn = TypeVar("ViewFn", bound=Callable[..., Any])


class Busy(Exception):
    """Every password-check slot is taken."""


@dataclass
class Counters:
    """An app's counting: its strategy over the configured storage, and the
    in-memory stand-in used while that storage does not answer."""

    shared: RateLimiter
    fallback: RateLimiter | None
    prefix: str
    failed_at: float | None = None

    def run(self, action: Callable[[RateLimiter], Any]) -> Any:
        if self.fallback is not None and self.failed_at is not None:
            if time.monotonic() - self.failed_at < RETRY_STORAGE_AFTER:
                return action(self.fallback)
            self.failed_at = None
        try:
            return action(self.shared)
        except Exception:  # the storage's own errors (Redis down…), whatever its client
            if self.fallback is None:
                raise
            log.warning("rate-limit storage unreachable: counting in this process for %.0f s",
                        RETRY_STORAGE_AFTER, exc_info=True)
            self.failed_at = time.monotonic()
            return action(self.fallback)


def missed() -> None:
    """Mark this request as a failed try (a wrong password, a join code or a
    return code that leads nowhere): only failed tries count against the limits.
    Failures are marked, not read off the status, since a failed form redirects
    back to itself like a success does."""
    g.quizgen_missed = True


def client_address() -> str:
    return request.remote_addr or "unknown"


def _account() -> str:
    name = request.form.get("name", "")
    return "account:" + normalize(name if isinstance(name, str) else "").casefold()[:80]


@functools.lru_cache(maxsize=32)
def _items(setting: str) -> list[RateLimitItem]:
    return parse_many(setting)


def _refuse_if_used_up(counters: Counters, items: list[RateLimitItem], ids: tuple[str, ...]) -> None:
    for item in items:
        if not counters.run(lambda s, item=item: s.test(item, *ids)):
            reset = counters.run(lambda s, item=item: s.get_window_stats(item, *ids)).reset_time
            raise TooManyRequests(retry_after=max(1, math.ceil(reset - time.time())))


def limited(setting: str, scope: str, key: Callable[[], str] = client_address,
            methods: tuple[str, ...] | None = None) -> Callable[[ViewFn], ViewFn]:
    """A view decorator: the failed tries (see `missed`) of one key in `scope`
    are limited by the config setting `setting` ("5 per minute; 20 per hour").
    Once a limit is used up the view is not run: a 429 until its window ends.
    `methods`: only these are limited (default: all, HEAD included)."""
    def decorate(view: ViewFn) -> ViewFn:
        @functools.wraps(view)
        def limited_view(*args: Any, **kwargs: Any) -> Any:
            app = current_app
            if not app.config["RATELIMIT_ENABLED"] or (methods and request.method not in methods):
                return view(*args, **kwargs)
            counters: Counters = app.extensions["quizgen_limits"]
            items = _items(app.config[setting])
            ids = (counters.prefix, scope, key())
            _refuse_if_used_up(counters, items, ids)
            try:
                return view(*args, **kwargs)
            finally:
                if g.get("quizgen_missed"):
                    for item in items:
                        counters.run(lambda s, item=item: s.hit(item, *ids))
        return cast(ViewFn, limited_view)
    return decorate


#: Failed logins per client address and per account; only POSTs.
login_per_client = limited("QUIZGEN_LOGIN_LIMIT", "login", methods=("POST",))
login_per_account = limited("QUIZGEN_LOGIN_ACCOUNT_LIMIT", "login-account", key=_account, methods=("POST",))
#: Join codes tried, per client, shared by the code form and the join links.
join_code_guesses = limited("QUIZGEN_JOIN_LIMIT", "join-code")


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


def _counters(app: Flask) -> Counters:
    strategy_name = app.config["RATELIMIT_STRATEGY"]
    strategy = STRATEGIES.get(strategy_name)
    if strategy is None:
        known = ", ".join(sorted(STRATEGIES))
        raise QuizgenError(f"RATELIMIT_STRATEGY {strategy_name!r} is not one of: {known}")
    uri = app.config["RATELIMIT_STORAGE_URI"]
    try:
        storage = storage_from_string(uri)
    except Exception as exc:  # limits' ConfigurationError, or the storage's missing client library
        raise QuizgenError(f"the rate-limit storage {uri!r} cannot be used: {exc} (for Redis: "
                           "pip install 'quizgen[redis]' and a redis://host:6379 URI)") from exc
    fallback = None
    if app.config["RATELIMIT_IN_MEMORY_FALLBACK_ENABLED"] and not isinstance(storage, MemoryStorage):
        fallback = strategy(MemoryStorage())
    return Counters(shared=strategy(storage), fallback=fallback, prefix=app.config["RATELIMIT_KEY_PREFIX"])


def init_app(app: Flask) -> None:
    for key, value in DEFAULTS.items():
        app.config.setdefault(key, value)
    for key in SITE_WIDE:
        if app.config.get(key):
            raise QuizgenError(
                f"{key} is not supported: a class answers from one school address, and a limit on "
                "every page would lock it out. quizgen limits failed tries only: set "
                + ", ".join(k for k in DEFAULTS if k.startswith("QUIZGEN_") and k.endswith("LIMIT")) + ".")
    for key in ("QUIZGEN_LOGIN_LIMIT", "QUIZGEN_LOGIN_ACCOUNT_LIMIT", "QUIZGEN_JOIN_LIMIT"):
        try:
            _items(app.config[key])
        except ValueError as exc:
            raise QuizgenError(f"{key} {app.config[key]!r} is not a limit like '5 per minute; 20 per hour': "
                               f"{exc}") from exc
    app.extensions["quizgen_password_slots"] = threading.BoundedSemaphore(
        int(app.config["QUIZGEN_PASSWORD_CHECKS"]))
    app.extensions["quizgen_limits"] = _counters(app)
