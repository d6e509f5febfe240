"""The text of a question and of an answer, as every place shows it.

The site's question page, its teacher's dashboard, the Anki card and the
platform exports take what was asked and what was answered from here, so a
student reads the same words on the page and on the card. Plain text: the
exporters and templates escape it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..grading import Response, key
from ..model import CLOZE_GAP, AnyQuestion, Cloze, Numeric, Order, Quote, TrueFalse
from .catalog import N_, label
from .formats import figure, long_date

TRUE, FALSE = N_("True"), N_("False")
WITHIN = N_("within %(tolerance)s")


@dataclass(frozen=True)
class Segment:
    """A run of a cloze's text, or one of its gaps (its position among the gaps, and its hint)."""

    text: str = ""
    gap: int | None = None
    hint: str | None = None


@lru_cache(maxsize=1024)
def cloze_segments(text: str) -> tuple[Segment, ...]:
    """A cloze text cut into plain runs and gaps, the answers left out."""
    out: list[Segment] = []
    pos = 0
    for i, m in enumerate(CLOZE_GAP.finditer(text)):
        if m.start() > pos:
            out.append(Segment(text=text[pos:m.start()]))
        out.append(Segment(gap=i, hint=m[3]))
        pos = m.end()
    if pos < len(text):
        out.append(Segment(text=text[pos:]))
    return tuple(out)


def prompt_text(question: AnyQuestion) -> str:
    """What the question asks, without its answer: the prompt, the statement,
    the quotation (without its quotation marks) or the cloze text with each gap
    written [hint] (or […])."""
    match question:
        case TrueFalse():
            return question.statement
        case Quote():
            return question.quote
        case Cloze():
            return "".join(s.text if s.gap is None else f"[{s.hint or '…'}]"
                           for s in cloze_segments(question.text))
    return question.prompt


def boolean_text(value: bool, language: str) -> str:
    return label(TRUE if value else FALSE, language)


def with_unit(value: float, unit: str | None, language: str) -> str:
    """A figure and its unit: "125 minutes"."""
    return f"{figure(value, language)} {unit}" if unit else figure(value, language)


def tolerance_text(question: Numeric, language: str) -> str:
    """"within 5 minutes" ("à 5 minutes près"), or "" when the answer must be exact."""
    if not question.tolerance:
        return ""
    return label(WITHIN, language, tolerance=with_unit(question.tolerance, question.unit, language))


def response_parts(response: Response, language: str, unit: str | None = None) -> list[str]:
    """A response as text, one entry per part in the order grading.marks
    follows: a choice per choice given, "left → right" per pair given, an item
    per place, a text per gap; one entry for a one-part answer (a figure with `unit`)."""
    match response:
        case bool():
            return [boolean_text(response, language)]
        case int() | float():
            return [with_unit(response, unit, language)]
        case dict():
            return [f"{left} → {right or '—'}" for left, right in response.items()]
        case list():
            return [str(t) for t in response]
    return [str(response)]


def answer_text(question: AnyQuestion, response: Response, language: str) -> str:
    """A response on one line ("Vrai", "125 minutes", "a; b", "a → b; c → d")."""
    parts = response_parts(response, language, question.unit if isinstance(question, Numeric) else None)
    sep = " > " if isinstance(question, Order) else " | " if isinstance(question, Cloze) else "; "
    return sep.join(parts)


def key_parts(question: AnyQuestion, language: str) -> list[str]:
    """The right answer, part by part (see response_parts); a match in the bank's order."""
    return response_parts(key(question), language, question.unit if isinstance(question, Numeric) else None)


def key_text(question: AnyQuestion, language: str) -> str:
    """The right answer on one line, with its tolerance: "125 minutes (within 5 minutes)"."""
    text = answer_text(question, key(question), language)
    if isinstance(question, Numeric) and question.tolerance:
        return f"{text} ({tolerance_text(question, language)})"
    return text


def source_text(title: str, outlet: str, published: date, language: str) -> str:
    """How a question cites its article: "Title — Outlet, 7 décembre 2021"."""
    return f"{title} — {outlet}, {long_date(published, language)}"
