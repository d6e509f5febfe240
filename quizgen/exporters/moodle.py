"""Moodle XML (Question bank → Import → Moodle XML format): all nine types.

One category per bank. Question names are ids; HTML goes in CDATA (a bank's
plain text is escaped first). Mapping: single → multichoice, multi →
multichoice with Moodle's fixed partial grades, true_false → truefalse,
numeric → numerical (tolerance, unit), short → shortanswer (case ignored),
quote → multichoice on the speakers, match → matching, order → ordering
(graded on absolute positions, like quizgen), cloze → cloze (Moodle's
multianswer, a SHORTANSWER per gap; a hint follows its gap in a marked span).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from lxml import etree

from ..grading import format_number
from ..model import (
    CLOZE_GAP,
    AnyQuestion,
    Bank,
    Cloze,
    Match,
    Multi,
    Numeric,
    Order,
    Quote,
    Short,
    Single,
    TrueFalse,
)
from .base import Exporter, register
from .lms import (
    Skips,
    category_path,
    feedback_parts,
    moodle_fraction,
    quote_prompt,
    short_answer,
    xml_safe,
)

#: The class of the span that carries a gap's hint after it in a cloze question.
HINT_CLASS = "quizgen-hint"
_TYPES = {"single": "multichoice", "multi": "multichoice", "quote": "multichoice", "true_false": "truefalse",
          "numeric": "numerical", "short": "shortanswer", "match": "matching", "order": "ordering",
          "cloze": "cloze"}
# Characters Moodle's cloze syntax reserves inside a {…} gap.
_CLOZE_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\}#~/\""})


class _Skip(Exception):
    pass


def to_html(text: str) -> str:
    """Plain text as HTML: `<`, `&` and quotes escaped, line breaks kept."""
    return html.escape(xml_safe(text)).replace("\n", "<br>")


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = xml_safe(text)
    return el


def _html_text(parent: etree._Element, tag: str, markup: str, **attrs: str) -> etree._Element:
    """`<tag format="html"><text><![CDATA[markup]]></text></tag>`."""
    el = _sub(parent, tag, format="html", **attrs)
    _sub(el, "text").text = etree.CDATA(markup) if markup else ""
    return el


def _plain_text(parent: etree._Element, tag: str, text: str, **attrs: str) -> etree._Element:
    el = _sub(parent, tag, **attrs)
    _sub(el, "text", text)
    return el


def _answer(parent: etree._Element, fraction: str, markup: str, *, fmt: str = "html") -> etree._Element:
    ans = _sub(parent, "answer", fraction=fraction, format=fmt)
    _sub(ans, "text").text = etree.CDATA(markup) if fmt == "html" else xml_safe(markup)
    _html_text(ans, "feedback", "")
    return ans


def _choices(q_el: etree._Element, choices: Sequence[str], grade: dict[str, str], *, single: bool) -> None:
    _sub(q_el, "single", "true" if single else "false")
    _sub(q_el, "shuffleanswers", "true")
    _sub(q_el, "answernumbering", "abc")
    for choice in choices:
        _answer(q_el, grade.get(choice, "0"), to_html(choice))


def _multi(q_el: etree._Element, q: Multi) -> None:
    share = moodle_fraction(len(q.answers))
    if share is None:
        raise _Skip(f"{len(q.answers)} right answers: Moodle has no grade of 1/{len(q.answers)}")
    grade = {c: (share if c in q.answers else f"-{share}") for c in q.choices}
    _choices(q_el, q.choices, grade, single=False)


def _numeric(q_el: etree._Element, q: Numeric) -> None:
    ans = _answer(q_el, "100", format_number(q.answer), fmt="moodle_auto_format")
    _sub(ans, "tolerance", format_number(q.tolerance))
    if q.unit:
        unit = _sub(_sub(q_el, "units"), "unit")
        _sub(unit, "multiplier", "1")
        _sub(unit, "unit_name", q.unit)
    # Units shown and optional: the number alone is graded, as in quizgen.
    for tag, value in (("unitgradingtype", "0"), ("unitpenalty", "0"), ("showunits", "0" if q.unit else "3"),
                       ("unitsleft", "0")):
        _sub(q_el, tag, value)


def _ordering(q_el: etree._Element, q: Order) -> None:
    for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "0"),
                       ("gradingtype", "ABSOLUTE_POSITION"), ("showgrading", "SHOW"),
                       ("numberingstyle", "none")):
        _sub(q_el, tag, value)
    for position, item in enumerate(q.items, 1):
        _answer(q_el, f"{position}.0000000", to_html(item))


def cloze_markup(q: Cloze) -> str:
    """The cloze text as Moodle multianswer HTML: `{1:SHORTANSWER:=answer}` per gap."""
    out: list[str] = []
    pos = 0
    for m in CLOZE_GAP.finditer(q.text):
        out.append(to_html(q.text[pos:m.start()]))
        answer = short_answer(xml_safe(m[2]).translate(_CLOZE_SPECIAL))
        out.append(f"{{1:SHORTANSWER:={html.escape(answer, quote=False)}}}")
        if m[3] is not None:
            out.append(f' <span class="{HINT_CLASS}">({to_html(m[3])})</span>')
        pos = m.end()
    out.append(to_html(q.text[pos:]))
    return "".join(out)


def _question_text(q: AnyQuestion, language: str) -> str:
    match q:
        case TrueFalse():
            return to_html(q.statement)
        case Quote():
            return to_html(quote_prompt(q, language))
        case Cloze():
            return cloze_markup(q)
    return to_html(q.prompt)  # type: ignore[union-attr]


def _body(q_el: etree._Element, q: AnyQuestion) -> None:
    """The type's own elements."""
    match q:
        case Single():
            _choices(q_el, q.choices, {q.answer: "100"}, single=True)
        case Quote():
            _choices(q_el, [q.speaker, *q.distractors], {q.speaker: "100"}, single=True)
        case Multi():
            _multi(q_el, q)
        case TrueFalse():
            for value in (True, False):
                grade = "100" if value == q.answer else "0"
                _answer(q_el, grade, str(value).lower(), fmt="moodle_auto_format")
        case Numeric():
            _numeric(q_el, q)
        case Short():
            _sub(q_el, "usecase", "0")
            for text in dict.fromkeys(q.accepted):
                _answer(q_el, "100", short_answer(text), fmt="moodle_auto_format")
        case Match():
            _sub(q_el, "shuffleanswers", "true")
            for left, right in q.pairs.items():
                sub = _html_text(q_el, "subquestion", to_html(left))
                _plain_text(sub, "answer", right)
        case Order():
            _ordering(q_el, q)


def question_element(bank: Bank, q: AnyQuestion) -> etree._Element:
    """One `<question>`, or _Skip when Moodle cannot grade it as the bank does."""
    q_el = etree.Element("question", type=_TYPES[q.type])
    _plain_text(q_el, "name", q.id)
    _html_text(q_el, "questiontext", _question_text(q, bank.language))
    _html_text(q_el, "generalfeedback", "".join(f"<p>{to_html(p)}</p>" for p in feedback_parts(bank, q)))
    if q.type != "cloze":  # a cloze's grade is the sum of its gaps' weights
        _sub(q_el, "defaultgrade", "1")
    _sub(q_el, "penalty", "0")
    _body(q_el, q)
    if q.tags:
        tags = _sub(q_el, "tags")
        for tag in q.tags:
            _plain_text(tags, "tag", tag)
    return q_el


def category_element(bank: Bank) -> etree._Element:
    el = etree.Element("question", type="category")
    _plain_text(el, "category", category_path(bank.title))
    _html_text(el, "info", to_html(bank.description or ""))
    return el


@register
class MoodleExporter(Exporter, Skips):
    name = "moodle"
    file_extension = ".xml"
    mimetype = "text/xml"
    description = "Moodle XML, all nine types, a category per bank"

    def __init__(self) -> None:
        Skips.__init__(self)

    def export(self, banks: Sequence[Bank]) -> bytes:
        quiz = etree.Element("quiz")
        for bank in banks:
            quiz.append(etree.Comment(f" bank: {bank.id} "))
            quiz.append(category_element(bank))
            for q in bank.questions:
                try:
                    quiz.append(question_element(bank, q))
                except _Skip as why:
                    self.skip(bank, q, str(why))
        return etree.tostring(quiz, pretty_print=True, xml_declaration=True, encoding="UTF-8")
