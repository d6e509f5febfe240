"""CSRF on every form and the security headers on every response."""

from __future__ import annotations

from typing import Any

from flask import Flask, Response, request
from flask.sessions import SecureCookieSessionInterface
from flask_wtf.csrf import CSRFProtect, generate_csrf
from itsdangerous import URLSafeTimedSerializer

csrf = CSRFProtect()

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
    """The form token of this request's session (Flask-WTF's generate_csrf)."""
    return generate_csrf()


class CookieSessions(SecureCookieSessionInterface):
    """Flask's signed session cookie, with its serializer made once per set of
    keys instead of on every request (get_signing_serializer is the
    interface's documented hook)."""

    def __init__(self) -> None:
        self._serializers: dict[tuple[Any, ...], URLSafeTimedSerializer] = {}

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        keys = (app.secret_key, *(app.config["SECRET_KEY_FALLBACKS"] or ()))
        serializer = self._serializers.get(keys)
        if serializer is None:
            serializer = super().get_signing_serializer(app)
            if serializer is not None:
                self._serializers[keys] = serializer
        return serializer


def init_app(app: Flask) -> None:
    app.session_interface = CookieSessions()
    csrf.init_app(app)
    app.after_request(_headers)
    # Templates call csrf_token() in every form.
    app.jinja_env.globals["csrf_token"] = csrf_token
