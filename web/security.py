"""CSRF on every form and the security headers on every response."""

from __future__ import annotations

from flask import Flask, Response, current_app, request, session
from flask_wtf.csrf import CSRFProtect, generate_csrf

csrf = CSRFProtect()
#: Signed form tokens by the session's raw token: signing costs more than the
#: rest of a question page's form, and the signature of a raw token never
#: changes while WTF_CSRF_TIME_LIMIT is None (the default here).
_SIGNED: dict[tuple[object, str], str] = {}
_SIGNED_MAX = 10_000

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


def _headers(response: Response) -> Response:
    h = response.headers
    h.update(_HEADERS)
    if request.endpoint != "static":
        # Pages hold a student's answers and a teacher's results: a shared
        # classroom computer's cache or back button must not show them.
        h["Cache-Control"] = "no-store"
    return response


def csrf_token() -> str:
    """The form token, as Flask-WTF's csrf_token(), signed once per session token."""
    raw = session.get("csrf_token")
    key = (current_app.secret_key, raw)
    signed = _SIGNED.get(key) if isinstance(raw, str) else None
    if signed is None:
        signed = generate_csrf()
        raw = session.get("csrf_token")
        if isinstance(raw, str) and not _time_limited():
            if len(_SIGNED) >= _SIGNED_MAX:
                _SIGNED.clear()
            _SIGNED[(current_app.secret_key, raw)] = signed
    return signed


def _time_limited() -> bool:
    return current_app.config.get("WTF_CSRF_TIME_LIMIT") is not None


def init_app(app: Flask) -> None:
    csrf.init_app(app)
    app.after_request(_headers)
    # Templates call csrf_token() in every form.
    app.jinja_env.globals["csrf_token"] = csrf_token
