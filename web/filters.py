"""Template filters: dates, numbers and texts in the interface's language.

What a question asks and what was answered (its figures, true or false, the
tolerance) come from quizgen.present, in the question's language, as on the
card: `answer_parts`, `key_text`, `question_prompt`, `longdate`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from flask import Flask
from flask_babel import format_datetime, format_decimal, format_percent, format_time

from quizgen import present
from quizgen.model import AnyQuestion

from .i18n import ui_language


def longdate(value: date, language: str | None = None) -> str:
    """A date written out, as a card writes it: in `language` (default: the interface's)."""
    return present.long_date(value, language or ui_language())


def short_datetime(value: datetime) -> str:
    return format_datetime(value, "short")  # naive values are UTC, shown in the configured zone


def clock(value: datetime) -> str:
    return format_time(value, "short")


def number(value: float) -> str:
    """A score or a count, in the interface's language (at most two decimals)."""
    return format_decimal(value, format="#,##0.##")


def answer_parts(value: Any, language: str, unit: str | None = None) -> list[str]:
    """A response (or the key) as text, part by part, in the order of grade().marks."""
    return present.response_parts(value, language, unit)


def key_text(q: AnyQuestion, language: str) -> str:
    """The right answer on one line, with its tolerance, as the card says it."""
    return present.key_text(q, language)


def percent(value: float | None) -> str:
    """A share as the interface's language writes it: "50 %" (no-break space) in French, "50%" in English."""
    return "—" if value is None else format_percent(value)


def http_url(value: str | None) -> str | None:
    """Only web links: a bank's `url: javascript:…` must not become a link."""
    if not value:
        return None
    return value if urlsplit(value.strip()).scheme.lower() in ("http", "https") else None


def question_label(message: str, language: str | None = None) -> str:
    """A label of the library's catalogue (quizgen.present: "True", "Who said it?"),
    in `language` (default: the interface's): the page says it as the card does."""
    return present.label(message, language or ui_language())


def question_prompt(q: AnyQuestion, language: str | None = None) -> str:
    """One line saying what was asked (for the teacher's item analysis), a
    quotation between the marks of `language` (default: the interface's)."""
    text = present.prompt_text(q)
    return present.quoted(text, language or ui_language()) if q.type == "quote" else text


def answer_label(label: str, q: AnyQuestion | None, language: str | None = None) -> str:
    """A stored answer label as text in `language` (default: the interface's):
    true or false, a figure as the question's page writes it ("2,5")."""
    if q is not None and q.type == "true_false":
        return present.boolean_text(label == "true", language or ui_language())
    if q is not None and q.type == "numeric":
        try:
            return present.figure(float(label), language or ui_language())
        except ValueError:  # not a figure (a label stored by an older version): as it is
            return label or "—"
    return label or "—"


def init_app(app: Flask) -> None:
    app.add_template_filter(longdate)
    app.add_template_filter(short_datetime, "datetime")
    app.add_template_filter(number)
    app.add_template_filter(percent)
    app.add_template_filter(answer_parts)
    app.add_template_filter(key_text)
    app.add_template_filter(http_url)
    app.add_template_filter(question_prompt)
    app.add_template_filter(answer_label)
    app.add_template_global(question_label)

    @app.context_processor
    def _lang() -> dict[str, Any]:
        return {"current_lang": ui_language()}
