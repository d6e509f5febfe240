"""The parts of pages that templates call as functions: the site's head,
header and footer (base.html), and a question's answer form (_question.html),
each rendered by its Jinja macro on the request that asks for it."""

from __future__ import annotations

from typing import Any

from flask import Flask, current_app, session
from markupsafe import Markup

from .i18n import ui_language
from .quizforms import QuestionView
from .security import csrf_token


def _macro(template: str, name: str) -> Any:
    return getattr(current_app.jinja_env.get_template(template).module, name)


def site_header() -> Markup:
    # A teacher's header carries the logout form (with its CSRF token).
    return _macro("_chrome.html", "site_header")(ui_language(), session.get("teacher_id") is not None)


def site_head() -> Markup:
    return _macro("_chrome.html", "site_head")()


def site_footer() -> Markup:
    return _macro("_chrome.html", "site_footer")()


def question_form(v: QuestionView, form: Any, error: str | None) -> Markup:
    """The answer form of a question (see _question.html); `form` is what the
    student sent, shown back with the error."""
    return _macro("_question.html", "question_form")(v, form, error, ui_language(), csrf_token())


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(site_head=site_head, site_header=site_header, site_footer=site_footer)
