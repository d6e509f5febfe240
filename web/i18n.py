"""The interface in French (default) or English: the browser's choice, or the
switch's cookie. Questions stay in their bank's language."""

from __future__ import annotations

from urllib.parse import urlsplit

from babel import Locale
from babel.support import NullTranslations
from flask import Blueprint, Flask, abort, g, has_app_context, has_request_context, redirect, request, url_for
from flask_babel import Babel, get_translations

from .redirects import safe_next

LANGUAGES = ("fr", "en")
COOKIE = "lang"

babel = Babel()
bp = Blueprint("i18n", __name__)


# flask-babel parses the selector's answer on every request unless it is a Locale already.
_LOCALES = {code: Locale.parse(code) for code in LANGUAGES}
#: The language chosen for each Accept-Language header seen: a class's
#: browsers send a handful of different headers, and parsing one costs more
#: than the rest of choosing the locale.
_BY_HEADER: dict[str, str] = {}
_BY_HEADER_MAX = 1000


def _chosen() -> str:
    # No need to parse the cookies (the session may not have) when none is the switch's.
    chosen = request.cookies.get(COOKIE) if f"{COOKIE}=" in request.environ.get("HTTP_COOKIE", "") else None
    if chosen not in LANGUAGES:
        header = request.environ.get("HTTP_ACCEPT_LANGUAGE", "")
        chosen = _BY_HEADER.get(header)
        if chosen is None:
            chosen = request.accept_languages.best_match(LANGUAGES) or LANGUAGES[0]
            if len(_BY_HEADER) >= _BY_HEADER_MAX:
                _BY_HEADER.clear()
            _BY_HEADER[header] = chosen
    return chosen


def select_locale() -> Locale:
    return _LOCALES[_chosen()]


@bp.get("/lang/<code>")
def switch(code: str):
    if code not in LANGUAGES:
        abort(404)
    # Back to the page the switch was on: its links are the same on every page
    # (so they can be cached), and the browser says where it came from.
    back = request.args.get("next")
    if back is None and request.referrer:
        came_from = urlsplit(request.referrer)
        if came_from.netloc == request.host:
            back = came_from.path + (f"?{came_from.query}" if came_from.query else "")
    response = redirect(safe_next(back, url_for("practice.home")), code=303)
    response.set_cookie(COOKIE, code, max_age=365 * 24 * 3600, samesite="Lax", httponly=True,
                            secure=request.is_secure)
    return response


def _translations() -> NullTranslations:
    """flask-babel's catalogue for this context, looked up once per context: a
    page calls gettext dozens of times. (flask-babel keeps the locale on the
    same `g`, so the two never disagree.)"""
    if not has_app_context():
        return get_translations()
    t = g.get("quizgen_translations")
    if t is None:
        t = g.quizgen_translations = get_translations()
    return t


def ui_language() -> str:
    """The interface's language code for this request ("fr" or "en"): what
    flask-babel's get_locale() answers (it asks select_locale)."""
    return _chosen() if has_request_context() else LANGUAGES[0]


def init_app(app: Flask) -> None:
    babel.init_app(app, locale_selector=select_locale)
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: _translations().ugettext(s),
        ngettext=lambda s, p, n: _translations().ungettext(s, p, n),
        newstyle=True,
    )
