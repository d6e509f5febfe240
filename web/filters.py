"""Template filters: dates, numbers and texts in the interface's language."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from flask import Flask
from flask_babel import format_date, format_datetime, format_decimal, format_percent, format_time
from flask_babel import gettext as _

from quizgen.model import CLOZE_GAP, AnyQuestion
from quizgen.text import fold_answer

from .i18n import ui_language


def longdate(value: date) -> str:
    return format_date(value, "long")


def short_datetime(value: datetime) -> str:
    return format_datetime(value, "short")  # naive values are UTC, shown in the configured zone


def clock(value: datetime) -> str:
    return format_time(value, "short")


def number(value: float) -> str:
    return format_decimal(value, format="#,##0.##")


def percent(value: float | None) -> str:
    """A share as the interface's language writes it: "50 %" (no-break space) in French, "50%" in English."""
    return "—" if value is None else format_percent(value)


def http_url(value: str | None) -> str | None:
    """Only web links: a bank's `url: javascript:…` must not become a link."""
    if not value:
        return None
    return value if urlsplit(value.strip()).scheme.lower() in ("http", "https") else None


def question_prompt(q: AnyQuestion) -> str:
    """One line saying what was asked (for the teacher's item analysis)."""
    match q.type:
        case "true_false":
            return q.statement
        case "quote":
            return f"« {q.quote} »"
        case "cloze":
            return CLOZE_GAP.sub(lambda m: f"[{m[3] or '…'}]", q.text)
    return getattr(q, "prompt", "")


def answer_label(label: str, q: AnyQuestion | None) -> str:
    if q is not None and q.type == "true_false":
        return _("True") if label == "true" else _("False")
    return label or "—"


def init_app(app: Flask) -> None:
    app.add_template_filter(longdate)
    app.add_template_filter(short_datetime, "datetime")
    app.add_template_filter(clock)
    app.add_template_filter(number)
    app.add_template_filter(percent)
    app.add_template_filter(fold_answer, "fold")
    app.add_template_filter(http_url)
    app.add_template_filter(question_prompt)
    app.add_template_filter(answer_label)

    @app.context_processor
    def _lang() -> dict[str, Any]:
        return {"current_lang": ui_language()}
