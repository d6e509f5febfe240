"""Every error is a page in the interface's language, never a traceback."""

from __future__ import annotations

import logging

from flask import Flask, render_template
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from . import logs

log = logging.getLogger(__name__)


def _messages() -> dict[int, tuple[str, str]]:
    return {
        400: (_("Bad request"), _("The page could not understand what was sent.")),
        403: (_("Not allowed"), _("You cannot do this here.")),
        404: (_("Page not found"), _("There is nothing at this address: check the link or the code.")),
        405: (_("Not allowed"), _("This page cannot be used that way.")),
        410: (_("No longer available"), _("This was removed since you started.")),
        413: (_("Too large"), _("What was sent is too large.")),
        429: (_("Too many attempts"), _("Too many attempts from here: wait a few minutes, then try again.")),
        500: (_("Something went wrong"), _("The error was recorded. Try again in a moment.")),
        503: (_("Busy"), _("The server is busy: try again in a moment.")),
    }


def _page(error: HTTPException, detail: str | None = None):
    code = error.code or 500
    title, text = _messages().get(code, (error.name, error.description or ""))
    # abort(403, "message") passes a message meant for the user; the defaults are Werkzeug's English.
    custom = error.description if error.description != type(error).description else None
    # The exception's own headers (Retry-After of a 429, Allow of a 405), not its HTML type.
    headers = [(k, v) for k, v in error.get_headers() if k.lower() != "content-type"]
    return render_template("error.html", code=code, title=title, text=detail or custom or text), code, headers


def _csrf(error: CSRFError):
    return _page(error, _("This form has expired. Go back, reload the page and try again."))


def _http(error: HTTPException):
    return _page(error)


def _crash(error: Exception):
    # Which request failed, never what it carried (passwords, cookies, answers).
    where = logs.context()
    log.error("unhandled error on %(method)s %(path)s (request %(request_id)s)", where,
              exc_info=error, extra=where)
    return _page(InternalServerError())


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, _csrf)
    app.register_error_handler(HTTPException, _http)
    app.register_error_handler(Exception, _crash)
