"""What the LMS formats (GIFT, Moodle XML, QTI 2.1, Canvas) share.

The feedback text a platform shows after a question (explanation, evidence,
source), the prompt of a quote question, Moodle's fixed grade fractions, and
the list of questions a format had to leave out (printed on stderr by the CLI).
Everything here is plain text; each format escapes it its own way.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import AnyQuestion, Bank, Quote, Source
from ..present import N_, label, quoted, source_text, with_colon

EVIDENCE, SOURCE, WHO = N_("Evidence"), N_("Source"), N_("Who said “%(quote)s”?")

#: Moodle accepts only these grades for an answer (question_bank::fraction_options_full),
#: written as Moodle writes them, in percent: 1/3 is 33.33333, never 33.3.
MOODLE_FRACTIONS = (
    "100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333", "30", "25",
    "20", "16.66667", "14.28571", "12.5", "11.11111", "10", "5", "0",
)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` without the control characters XML 1.0 cannot hold (invisible anyway)."""
    return _NOT_XML.sub("", text)


def category_path(title: str) -> str:
    """A bank's Moodle category: `$course$/top/<title>` on one line, a '/' in it written '//'."""
    return "$course$/top/" + " ".join(title.split()).replace("/", "//")


def short_answer(text: str) -> str:
    r"""An accepted spelling for Moodle's short-answer matcher, where `*` is a wildcard: `\*` is a star."""
    return text.replace("*", "\\*")


def source_line(source: Source, language: str) -> str:
    """`Title — Outlet, 7 décembre 2021` (plus the web address when there is one)."""
    line = source_text(source.title, source.outlet, source.published, language)
    if source.url and source.url.startswith(("https://", "http://")):
        line += f" {source.url}"
    return line


def feedback_parts(bank: Bank, question: AnyQuestion) -> list[str]:
    """The explanation, then each evidence passage and its source, one paragraph each."""
    lang = bank.language
    out = [question.explanation]
    for sid, passage in question.evidence_by_source.items():
        out += [f"{with_colon(label(EVIDENCE, lang), lang)} {quoted(passage, lang)}",
                f"{with_colon(label(SOURCE, lang), lang)} {source_line(bank.source(sid), lang)}"]
    return out


def quote_prompt(question: Quote, language: str) -> str:
    """A quote question asked as a single choice: `Qui a dit : « … » ?` plus its context."""
    text = label(WHO, language, quote=question.quote)
    return f"{text} ({question.context})" if question.context else text


def moodle_fraction(parts: int) -> str | None:
    """Moodle's grade for one of `parts` equal shares (percent), or None if Moodle has none."""
    if parts < 1:
        return None
    wanted = 100 / parts
    for text in MOODLE_FRACTIONS:
        if abs(float(text) - wanted) < 1e-4:
            return text
    return None


class Skips:
    """Questions a format cannot carry: each is left out and reported, never mangled."""

    def __init__(self) -> None:
        self.warnings: list[str] = []

    def skip(self, bank: Bank, question: AnyQuestion, why: str) -> None:
        self.warnings.append(f"{bank.id}/{question.id}: left out: {why}")


def speakers(question: Quote) -> Sequence[str]:
    """The speaker first, then the distractors (the exporters shuffle or not as the format does)."""
    return [question.speaker, *question.distractors]
