"""Parts of pages that are the same for many requests, rendered once.

A class of students asks for the same few fragments hundreds of times: the
site's header and footer (one per language), each question's form (one per
language and shuffle) and the page around an unanswered question (one per
language, session and question number). None depends on who asks beyond
that key, and neither a form nor an unanswered question's page depends on
the answer key (see quizforms), so a cached fragment can be served to
anyone it fits. What does differ per student (the CSRF token, the nickname,
the deadline, the links) is left as a named slot when the fragment is
rendered and put in, escaped, on each request: rendering a page with Jinja
costs more than everything else a question page does.

This is the one speed shortcut the site keeps (issue 10): without it the
question page of bench/bench_web.py used about 3× the server CPU and missed
its target (0.20–0.25 × bare GET against ≥ 0.4). It uses Jinja and
MarkupSafe through their public API only (a template's macros, Markup,
escape); runpages.question_page renders question.html with render_template
whenever a page cannot be shared, and tests/web/test_fast_paths.py checks
that every cached page is exactly what the templates render.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from flask import Flask, current_app, render_template, request, url_for
from markupsafe import Markup, escape
from werkzeug.datastructures import ImmutableMultiDict

from .accounts import logged_in
from .i18n import ui_language
from .quizforms import QuestionView
from .runrules import RunHeader
from .security import csrf_token

if TYPE_CHECKING:
    from quizgen import Bank

MAX_ENTRIES = 4096
# A slot is marked by a per-process random name between NUL characters: no
# bank text or student input can forge one (nicknames refuse control
# characters, and values are put in after the marks are found, never scanned).
_MARK = secrets.token_hex(8)
_SLOT = re.compile(f"\x00{_MARK}:(\\w+)\x00")


def slot(name: str) -> Markup:
    """The mark of a slot, to render in place of a per-request value."""
    return Markup(f"\x00{_MARK}:{name}\x00")


class Shell:
    """Rendered HTML with named slots, filled in one pass per request."""

    __slots__ = ("_parts",)

    def __init__(self, html: str):
        # Even items are HTML, odd ones slot names.
        self._parts = _SLOT.split(html)

    @property
    def slots(self) -> set[str]:
        return set(self._parts[1::2])

    def fill(self, values: Mapping[str, Markup]) -> Markup:
        """The HTML with each slot replaced by its (escaped) value."""
        parts = list(self._parts)
        for i in range(1, len(parts), 2):
            parts[i] = values[parts[i]]
        return Markup("".join(parts))


class FragmentCache:
    def __init__(self, size: int = MAX_ENTRIES):
        self.size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()

    def get(self, key: Any) -> Any:
        value = self._items.get(key)
        if value is not None:
            with contextlib.suppress(KeyError):  # another thread just evicted it
                self._items.move_to_end(key, last=True)
        return value

    def put(self, key: Any, value: Any) -> None:
        self._items[key] = value
        while len(self._items) > self.size:
            self._items.popitem(last=False)


def _cache() -> FragmentCache:
    return current_app.extensions["quizgen_fragments"]


# Reentrant: rendering a page renders the site's header, itself cached.
_RENDERING = threading.RLock()


def _shell(key: Any, render: Callable[[], str]) -> Shell:
    """The cached shell for `key`, rendered on the first request that needs it.

    A class asks for the same page all at once: one thread renders it while
    the others wait, instead of each worker thread rendering its own copy.
    """
    cache = _cache()
    shell = cache.get(key)
    if shell is None:
        with _RENDERING:
            shell = cache.get(key)
            if shell is None:
                shell = Shell(render())
                cache.put(key, shell)
    return shell


def _macro(template: str, name: str) -> Any:
    return getattr(current_app.jinja_env.get_template(template).module, name)


_ui = ui_language


def site_header() -> Markup:
    if logged_in():  # carries a CSRF token in its logout form: not shared
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


_NO_FORM: ImmutableMultiDict[str, str] = ImmutableMultiDict()
#: The view's lists of texts, each shown in its student's order, and the
#: prefix of their slots in a form's shell.
_SHUFFLED_TEXTS = (("options", "o"), ("lefts", "l"), ("rights", "r"), ("items", "i"))


def question_form(v: QuestionView, form: Any, error: str | None) -> Markup:
    """The answer form of a question (see _question.html); `form` is what the
    student sent, shown back with the error."""
    if error:  # shows what the student sent: never shared
        return _macro("_question.html", "question_form")(v, form, error, _ui(), csrf_token())
    # One shell for every shuffle: the texts are put in by position, so every
    # student of the class gets their form from the same rendering.
    key = ("form", _ui(), v.type, v.id, v.prompt, v.context, v.unit, len(v.options), len(v.lefts),
           len(v.rights), len(v.items), tuple(v.segments))
    shell = _shell(key, lambda: _macro("_question.html", "question_form")(
        _placeholders(v), _NO_FORM, None, _ui(), slot("csrf")))
    values = {"csrf": escape(csrf_token())}
    for name, prefix in _SHUFFLED_TEXTS:
        for i, text in enumerate(getattr(v, name)):
            values[f"{prefix}{i}"] = escape(text)
    return shell.fill(values)


def _placeholders(v: QuestionView) -> QuestionView:
    """The view with a slot in place of each shuffled text."""
    return dataclasses.replace(v, **{name: [slot(f"{prefix}{i}") for i in range(len(getattr(v, name)))]
                                     for name, prefix in _SHUFFLED_TEXTS})


class _Kind:
    """All an unanswered question's page shell may know of the question: a
    slot for its type (the rest of the view differs from student to student)."""

    __slots__ = ("type",)

    def __init__(self) -> None:
        self.type = slot("type")


def open_question_page(*, bank: Bank, n: int, total: int, view_type: str, header: RunHeader,
                       end_url: str | None, form_html: Markup) -> Markup | None:
    """question.html for a question not answered yet and open to answers, or
    None when the page cannot be shared (a teacher's header has a CSRF token).

    `end_url` is the run's results page; None for a class session's, which is
    the same for all its students and so part of the cached page.
    """
    if logged_in():
        return None
    # Each student has the session's questions in their own order: the
    # question's type is a slot, so one shell serves the n-th page of all.
    key = ("question-page", _ui(), request.script_root, bank.id, header.code, n, total,
           header.deadline is not None, end_url is None, header.resume_code is not None)

    def render() -> str:
        timed = header.deadline is not None
        slots = RunHeader(code=header.code, nickname=slot("nickname"),
                          deadline=slot("deadline") if timed else None,
                          deadline_at=slot("deadline_at") if timed else None,
                          now_at=slot("now_at") if timed else None,
                          resume_code=slot("resume_code") if header.resume_code is not None else None)
        shared_end = url_for("join.end", code=header.code) if end_url is None else slot("end_url")
        return render_template(
            "question.html", n=n, total=total, bank=bank, view=_Kind(), header=slots,
            end_url=shared_end, form_html=slot("form"), answered=False, locked=False, next_url=None)

    return _shell(key, render).fill({
        "type": escape(view_type), "nickname": escape(header.nickname or ""),
        "deadline": escape(header.deadline or ""), "deadline_at": escape(header.deadline_at or ""),
        "now_at": escape(header.now_at or ""), "resume_code": escape(header.resume_code or ""),
        "end_url": escape(end_url or ""), "form": form_html})


def init_app(app: Flask) -> None:
    app.extensions["quizgen_fragments"] = FragmentCache()
    app.jinja_env.globals.update(site_head=site_head, site_header=site_header, site_footer=site_footer)
