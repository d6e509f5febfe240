"""The site's logging: one logger per module under "web", a request id per
request, and the level from QUIZGEN_LOG_LEVEL (`quizgen serve --log-level`).

Each request gets an id: the proxy's X-Request-ID header if it is a short
safe token, else a fresh one. It is in every log line written during the
request and in the response's X-Request-ID header, so a teacher's report of
an error page can be matched with its log lines. Log lines carry the method,
the path and the request id, never passwords, cookies or form contents.
"""

from __future__ import annotations

import logging
import re
import uuid
from typing import Any

from flask import Flask, Response, g, has_request_context, request
from flask.logging import default_handler, wsgi_errors_stream

from quizgen.errors import QuizgenError

HEADER = "X-Request-ID"
LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"
#: A proxy's id is kept only if it is this: letters, digits, a few separators, 64 at most.
_SAFE_ID = re.compile(r"[A-Za-z0-9._:-]{1,64}")


class RequestIdFilter(logging.Filter):
    """Gives every record a `request_id` attribute ("-" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = request_id() if has_request_context() else "-"
        return True


def _make_handler() -> logging.Handler:
    # wsgi_errors_stream: the server's error stream (gunicorn's error log), else stderr.
    handler = logging.StreamHandler(wsgi_errors_stream)  # type: ignore[arg-type]
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(RequestIdFilter())
    return handler


#: One handler for the process, on the "web" logger (every app shares it).
HANDLER = _make_handler()


def request_id() -> str:
    """This request's id, chosen on first use."""
    found = g.get("request_id")
    if found is None:
        offered = request.headers.get(HEADER, "")
        found = offered if _SAFE_ID.fullmatch(offered) else uuid.uuid4().hex
        g.request_id = found
    return found


def context() -> dict[str, Any]:
    """What a log line about this request may say: method, path and request id
    (the path without its query string; never the form, cookies or headers)."""
    return {"method": request.method, "path": request.path, "request_id": request_id()}


def log_level(value: str | int | None) -> int:
    """A level name (any case) or number as logging's number; QuizgenError if unknown."""
    if value is None or value == "":
        return logging.INFO
    if isinstance(value, int):
        return value
    name = str(value).strip().upper()
    if name not in LEVELS:
        raise QuizgenError(f"unknown log level {value!r}: use one of {', '.join(LEVELS).lower()}")
    return logging.getLevelName(name)


def _choose_id() -> None:
    request_id()


def _tag_response(response: Response) -> Response:
    response.headers[HEADER] = request_id()
    return response


def init_app(app: Flask) -> None:
    """Log through the "web" logger with the request id; tag every response with it."""
    logger = logging.getLogger("web")
    logger.setLevel(log_level(app.config.get("QUIZGEN_LOG_LEVEL")))
    logger.removeHandler(default_handler)  # Flask's own, without the request id
    if HANDLER not in logger.handlers:
        logger.addHandler(HANDLER)
    app.before_request(_choose_id)
    app.after_request(_tag_response)
