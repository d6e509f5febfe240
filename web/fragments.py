"""Parts of pages that are the same for many requests, rendered once.

A class of students asks for the same few fragments hundreds of times: the
site's header and footer (one per language) and each question's form (one
per language and shuffle). Neither depends on who asks beyond
that key, and a form never depends on the answer key (see quizforms), so a
cached fragment can be served to anyone it fits. The CSRF token, the one
per-user part of a form, is put in after the cache.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from flask import Flask, current_app, session
from markupsafe import Markup, escape

from .i18n import ui_language
from .quizforms import QuestionView
from .security import csrf_token

_CSRF_SLOT = "\x00csrf\x00"
MAX_ENTRIES = 4096


class FragmentCache:
    def __init__(self, size: int = MAX_ENTRIES):
        self.size = size
        self._items: OrderedDict[Any, Markup] = OrderedDict()

    def get(self, key: Any) -> Markup | None:
        value = self._items.get(key)
        if value is not None:
            self._items.move_to_end(key, last=True)
        return value

    def put(self, key: Any, value: Markup) -> None:
        self._items[key] = value
        while len(self._items) > self.size:
            self._items.popitem(last=False)


def _cache() -> FragmentCache:
    return current_app.extensions["quizgen_fragments"]


def _macro(template: str, name: str) -> Any:
    return getattr(current_app.jinja_env.get_template(template).module, name)


_ui = ui_language


def site_header() -> Markup:
    teacher = session.get("teacher_id") is not None
    if teacher:  # carries a CSRF token in its logout form: not shared
        return _macro("_chrome.html", "site_header")(_ui(), True)
    key = ("header", _ui())
    html = _cache().get(key)
    if html is None:
        html = _macro("_chrome.html", "site_header")(_ui(), False)
        _cache().put(key, html)
    return html


def site_head() -> Markup:
    html = _cache().get("head")
    if html is None:
        html = _macro("_chrome.html", "site_head")()
        _cache().put("head", html)
    return html


def site_footer() -> Markup:
    key = ("footer", _ui())
    html = _cache().get(key)
    if html is None:
        html = _macro("_chrome.html", "site_footer")()
        _cache().put(key, html)
    return html


def question_form(v: QuestionView, form: Any, error: str | None) -> Markup:
    """The answer form of a question (see _question.html)."""
    macro = _macro("_question.html", "question_form")
    if error:  # shows what the student sent: never shared
        return macro(v, form, error, _ui(), csrf_token())
    key = ("form", _ui(), v.type, v.id, v.prompt, v.context, v.unit, tuple(v.options),
           tuple(v.lefts), tuple(v.rights), tuple(v.items), tuple(v.segments))
    html = _cache().get(key)
    if html is None:
        html = macro(v, form, None, _ui(), _CSRF_SLOT)
        _cache().put(key, html)
    return Markup(html.replace(_CSRF_SLOT, str(escape(csrf_token()))))


def init_app(app: Flask) -> None:
    app.extensions["quizgen_fragments"] = FragmentCache()
    app.jinja_env.globals.update(site_head=site_head, site_header=site_header, site_footer=site_footer)
