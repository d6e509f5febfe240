"""GIFT, Moodle's plain-text question format (one `.gift` file for all banks).

Each bank is a `$CATEGORY:`; each question is named after its id and its
text is marked `[plain]` (a bank holds plain text, not HTML). The general
feedback (`####`) is the explanation, the evidence and its source. Partial
credit uses Moodle's fixed grades (33.33333, not 33.3). GIFT has no ordering
question, and a missing-word question holds a single gap: such questions are
left out and listed in `warnings` (the CLI prints them on stderr).
"""

from __future__ import annotations

from collections.abc import Sequence

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
from .lms import Skips, category_path, feedback_parts, moodle_fraction, quote_prompt, short_answer

_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\~=#{}:"})


def escape(text: str) -> str:
    r"""Plain text as GIFT text: `~ = # { } :` and `\` escaped, line breaks as `\n`."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_SPECIAL).replace("\n", "\\n")


def category(bank: Bank) -> str:
    return f"$CATEGORY: {category_path(bank.title)}"


class _Skip(Exception):
    """This question cannot be written in GIFT (the message says why)."""


def _choices(right: str, choices: Sequence[str]) -> list[str]:
    return [f"{'=' if c == right else '~'}{escape(c)}" for c in choices]


def _multi(q: Multi) -> list[str]:
    share = moodle_fraction(len(q.answers))
    if share is None:
        raise _Skip(f"{len(q.answers)} right answers: Moodle has no grade of 1/{len(q.answers)}")
    right = set(q.answers)
    return [f"~%{share if c in right else '-' + share}%{escape(c)}" for c in q.choices]


def _cloze(q: Cloze) -> tuple[str, str, list[str]]:
    """(text before the gap, text after it, answers): a missing-word question."""
    gaps = list(CLOZE_GAP.finditer(q.text))
    if len(gaps) != 1:
        raise _Skip(f"{len(gaps)} gaps: a GIFT missing-word question holds one (use --format moodle)")
    gap = gaps[0]
    if gap[3] is not None:
        raise _Skip("the gap has a hint, which GIFT cannot show (use --format moodle)")
    return escape(q.text[:gap.start()]), escape(q.text[gap.end():]), [f"={short_answer(escape(gap[2]))}"]


def _body(q: AnyQuestion, language: str) -> tuple[str, list[str]]:
    """(question text, answer lines) of one question."""
    match q:
        case Single():
            return escape(q.prompt), _choices(q.answer, q.choices)
        case Quote():
            return escape(quote_prompt(q, language)), _choices(q.speaker, [q.speaker, *q.distractors])
        case Multi():
            return escape(q.prompt), _multi(q)
        case TrueFalse():
            return escape(q.statement), ["TRUE" if q.answer else "FALSE"]
        case Numeric():
            prompt = f"{q.prompt} ({q.unit})" if q.unit else q.prompt
            return escape(prompt), [f"#{format_number(q.answer)}:{format_number(q.tolerance)}"]
        case Short():
            return escape(q.prompt), [f"={short_answer(escape(a))}" for a in dict.fromkeys(q.accepted)]
        case Match():
            if any("->" in left for left in q.pairs):
                raise _Skip("a left item contains '->', which GIFT cannot escape")
            return escape(q.prompt), [f"={escape(k)} -> {escape(v)}" for k, v in q.pairs.items()]
        case Order():
            raise _Skip("GIFT has no ordering question (use --format moodle or qti21)")
    raise _Skip(f"no GIFT form for type '{q.type}'")


def question_gift(bank: Bank, q: AnyQuestion) -> str:
    """One question in GIFT, or _Skip."""
    if isinstance(q, Cloze):  # a missing word: the answers stand where the gap is
        text, after, answers = _cloze(q)
    else:
        (text, answers), after = _body(q, bank.language), ""
    feedback = escape("\n".join(feedback_parts(bank, q)))
    block = "\n".join([*answers, f"####{feedback}"])
    return f"::{q.id}::[plain]{text}{{\n{block}\n}}{after}"


@register
class GiftExporter(Exporter, Skips):
    name = "gift"
    file_extension = ".gift"
    mimetype = "text/plain"
    description = "Moodle GIFT text: every type but ordering (cloze with one gap)"

    def __init__(self) -> None:
        Skips.__init__(self)

    def export(self, banks: Sequence[Bank]) -> bytes:
        blocks: list[str] = []
        for bank in banks:
            blocks.append(f"// {bank.id}\n{category(bank)}")
            for q in bank.questions:
                try:
                    blocks.append(question_gift(bank, q))
                except _Skip as why:
                    self.skip(bank, q, str(why))
        return ("\n\n".join(blocks) + "\n").encode("utf-8")
