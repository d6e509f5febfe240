"""CSRF on every form and the security headers on every response."""

from __future__ import annotations

import copy
import hmac
import time
from typing import Any

from flask import Flask, Response, current_app, g, request, session
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface, SessionMixin
from flask_wtf.csrf import CSRFProtect, generate_csrf
from itsdangerous import BadSignature, URLSafeTimedSerializer
from werkzeug.wrappers import Request

#: Signed form tokens by the session's raw token, as made here or as checked
#: valid on a form: signing or checking costs more than the rest of a question
#: page's form, and a signed token stays valid for its raw token while
#: WTF_CSRF_TIME_LIMIT is None (the default here).
_SIGNED: dict[tuple[object, str], str] = {}
_SIGNED_MAX = 10_000


class QuickCSRFProtect(CSRFProtect):
    """Flask-WTF's CSRF protection; a form token that this process made or
    already checked for the session's raw token is accepted as it is (the
    same text would pass the same check again). Anything else, and every
    HTTPS request (Flask-WTF also checks its Referer), gets the full check."""

    def protect(self, apply_exemptions: bool = False) -> None:
        if request.method not in current_app.config["WTF_CSRF_METHODS"]:
            return  # as Flask-WTF does, without first looking the view's exemption up
        if self._known_token():
            g.csrf_valid = True
            return
        super().protect(apply_exemptions)
        if g.get("csrf_valid"):
            raw, token = session.get(_field()), self._get_csrf_token()
            if isinstance(raw, str) and isinstance(token, str):
                _remember(raw, token)

    def _known_token(self) -> bool:
        if request.is_secure or _time_limited():
            return False
        raw = session.get(_field())
        known = _SIGNED.get((current_app.secret_key, raw)) if isinstance(raw, str) else None
        token = self._get_csrf_token() if known is not None else None
        return isinstance(token, str) and hmac.compare_digest(known.encode(), token.encode(errors="replace"))


csrf = QuickCSRFProtect()

# Everything is served by the app itself: no CDN, no inline script or style.
CSP = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")


_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}
_HEADER_ITEMS = list(_HEADERS.items())
_HEADER_NAMES = {name.lower() for name in _HEADERS}


def _headers(response: Response) -> Response:
    h = response.headers
    if any(name.lower() in _HEADER_NAMES for name, _value in h.items()):
        h.update(_HEADERS)
    else:  # the usual case: adding them is cheaper than replacing each
        for name, value in _HEADER_ITEMS:
            h.add(name, value)
    if request.endpoint != "static":
        # Pages hold a student's answers and a teacher's results: a shared
        # classroom computer's cache or back button must not show them.
        h["Cache-Control"] = "no-store"
    return response


def csrf_token() -> str:
    """The form token, as Flask-WTF's csrf_token(), signed once per session token."""
    raw = session.get(_field())
    signed = _SIGNED.get((current_app.secret_key, raw)) if isinstance(raw, str) else None
    if signed is None:
        signed = generate_csrf()
        raw = session.get(_field())
        if isinstance(raw, str):
            _remember(raw, signed)
    return signed


def _remember(raw: str, signed: str) -> None:
    if _time_limited():  # the token expires: it must be checked each time
        return
    if len(_SIGNED) >= _SIGNED_MAX:
        _SIGNED.clear()
    _SIGNED[(current_app.secret_key, raw)] = signed


def _field() -> str:
    return current_app.config["WTF_CSRF_FIELD_NAME"]


def _time_limited() -> bool:
    return current_app.config.get("WTF_CSRF_TIME_LIMIT") is not None


class CookieSessions(SecureCookieSessionInterface):
    """Flask's signed session cookie, read faster when it comes back unchanged.

    A student's browser sends the same cookies with every page of a lesson.
    Parsing them, checking the session's signature and decoding it cost more
    than the rest of choosing the page, so the result is kept by the exact
    text of the Cookie header (and the keys): the same text always holds the
    same session cookie, which always verifies to the same data. The age
    limit is still checked on every request, and each request gets its own
    copy of the data to change.
    """

    MAX_REMEMBERED = 10_000

    def __init__(self) -> None:
        self._serializers: dict[tuple[Any, ...], URLSafeTimedSerializer] = {}
        #: (keys, cookie name, Cookie header) → (signed at, in Unix seconds; data)
        self._verified: dict[tuple[Any, ...], tuple[int, dict[str, Any]]] = {}

    @staticmethod
    def _keys(app: Flask) -> tuple[Any, ...]:
        return (app.secret_key, *(app.config["SECRET_KEY_FALLBACKS"] or ()))

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        # Flask builds a new serializer (and tests its JSON) on every request.
        keys = self._keys(app)
        serializer = self._serializers.get(keys)
        if serializer is None:
            serializer = super().get_signing_serializer(app)
            if serializer is not None:
                self._serializers[keys] = serializer
        return serializer

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        if not app.secret_key:
            return None
        header = request.environ.get("HTTP_COOKIE")
        if not header:
            return self.session_class()
        name = self.get_cookie_name(app)
        max_age = int(app.permanent_session_lifetime.total_seconds())
        remembered = (self._keys(app), name, header)
        hit = self._verified.get(remembered)
        if hit is not None:
            signed_at, data = hit
            if 0 <= int(time.time()) - signed_at <= max_age:  # itsdangerous' own test of the age
                return self.session_class(copy.deepcopy(data))
        text = request.cookies.get(name)
        if not text:
            return self.session_class()
        serializer = self.get_signing_serializer(app)
        assert serializer is not None
        try:
            data, signed = serializer.loads(text, max_age=max_age, return_timestamp=True)
        except BadSignature:
            return self.session_class()
        if len(self._verified) >= self.MAX_REMEMBERED:
            self._verified.clear()
        self._verified[remembered] = (int(signed.timestamp()), copy.deepcopy(data))
        return self.session_class(data)

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        # Most pages leave the session as it was: skip working out the cookie's
        # attributes, and parsing Vary when it is not there yet.
        if session and not self.should_set_cookie(app, session):
            if session.accessed:
                if "Vary" in response.headers:
                    response.vary.add("Cookie")
                else:
                    response.headers["Vary"] = "Cookie"
            return
        super().save_session(app, session, response)


def init_app(app: Flask) -> None:
    app.session_interface = CookieSessions()
    csrf.init_app(app)
    app.after_request(_headers)
    # Templates call csrf_token() in every form.
    app.jinja_env.globals["csrf_token"] = csrf_token
