"""A question as one student sees it, and that student's form read back.

The page must not reveal the answer key, so everything shown is built from
data that does not depend on it: choices, speakers, items and match options
are put in a canonical order (sorted) before being shuffled, so their place
on the page says nothing about which one is right or about the right order.
The shuffle is seeded with a keyed hash of the student's token, stable
across refreshes and different for each student. Form values are positions
on this student's page, mapped back to the bank's texts on the server.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from quizgen.grading import Response
from quizgen.model import AnyQuestion, Cloze, Match, Multi, Numeric, Order, Quote, Single
from quizgen.present import Segment, cloze_segments, prompt_text
from quizgen.text import normalize

from .inputs import clean_line

MAX_TEXT = 200
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


class FormError(ValueError):
    """The submitted form is not a usable answer; the message is for the student."""


@dataclass
class QuestionView:
    """What the question page shows: nothing in it depends on the key."""

    type: str
    id: str
    prompt: str = ""
    context: str | None = None
    unit: str | None = None
    options: list[str] = field(default_factory=list)  # single, multi, quote
    lefts: list[str] = field(default_factory=list)  # match
    rights: list[str] = field(default_factory=list)  # match, the options of every select
    items: list[str] = field(default_factory=list)  # order
    segments: list[Segment] = field(default_factory=list)  # cloze
    gap_count: int = 0


def seeded(secret: str | bytes, token: str, question_id: str) -> random.Random:
    key = secret.encode() if isinstance(secret, str) else secret
    digest = hmac.new(key, f"{token}\x1f{question_id}".encode(), hashlib.sha256).digest()
    return random.Random(int.from_bytes(digest[:16], "big"))


@lru_cache(maxsize=4096)
def _canonical(texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(texts), key=lambda t: (normalize(t), t)))


def _shuffled(texts: Sequence[str], rng: random.Random) -> list[str]:
    out = list(_canonical(tuple(texts)))
    rng.shuffle(out)
    return out


#: The types whose page shows texts in a shuffled order.
SHUFFLED = frozenset({"single", "multi", "quote", "match", "order"})


def view(question: AnyQuestion, rng: random.Random | Callable[[], random.Random]) -> QuestionView:
    """The question as shown; `rng` may be a function making the generator,
    called only for the types that shuffle (seeding costs as much as the rest)."""
    if question.type in SHUFFLED and not isinstance(rng, random.Random):
        rng = rng()
    # The text asked is quizgen.present's, as on the card (a cloze shows its segments).
    v = QuestionView(type=question.type, id=question.id, prompt=prompt_text(question))
    match question:
        case Single() | Multi():
            v.options = _shuffled(question.choices, rng)
        case Numeric():
            v.unit = question.unit
        case Quote():
            v.context = question.context
            v.options = _shuffled([question.speaker, *question.distractors], rng)
        case Match():
            v.lefts = _shuffled(list(question.pairs), rng)
            v.rights = _shuffled(list(question.pairs.values()), rng)
        case Order():
            v.items = _shuffled(question.items, rng)
        case Cloze():
            v.segments = list(cloze_segments(question.text))
            v.gap_count = sum(1 for s in v.segments if s.gap is not None)
    return v


def parse(v: QuestionView, form: Mapping[str, Any]) -> Response:
    """The student's response in the bank's terms, or FormError."""
    getlist = getattr(form, "getlist", lambda k: [form[k]] if k in form else [])
    match v.type:
        case "single" | "quote":
            return v.options[_index(form.get("choice"), len(v.options), _l("Choose an answer."))]
        case "multi":
            picked = getlist("choice")
            if not picked:
                raise FormError(_("Choose at least one answer."))
            return [v.options[i] for i in sorted({_index(p, len(v.options)) for p in picked})]
        case "true_false":
            value = form.get("choice")
            if value not in ("true", "false"):
                raise FormError(_("Choose true or false."))
            return value == "true"
        case "numeric":
            return parse_number(form.get("number", ""))
        case "short":
            text = _text(form.get("text"))
            if not text.strip():
                raise FormError(_("Type an answer."))
            return text.strip()
        case "match":
            out: dict[str, str] = {}
            for i, left in enumerate(v.lefts):
                raw = form.get(f"pair-{i}", "")
                if raw == "":
                    raise FormError(_("Pair every item."))
                out[left] = v.rights[_index(raw, len(v.rights))]
            return out
        case "order":
            positions = [_index(form.get(f"position-{i}"), len(v.items), _l("Give every item a position."),
                                base=1) for i in range(len(v.items))]
            if len(set(positions)) != len(positions):
                raise FormError(_("Give each position to one item only."))
            placed = sorted(zip(positions, v.items, strict=True))
            return [item for _pos, item in placed]
        case "cloze":
            gaps = [_text(form.get(f"gap-{i}", "")).strip() for i in range(v.gap_count)]
            if not any(gaps):
                raise FormError(_("Fill in at least one gap."))
            return gaps
    raise FormError(_("This answer cannot be read."))


def parse_number(raw: Any) -> float:
    """A number as students type it: "125", "2,5", "1 000", "−3"."""
    text = _text(raw)
    for space in (" ", "\u00a0", "\u202f", "\u2009", "'", "’"):
        text = text.replace(space, "")
    text = text.replace(",", ".").replace("\u2212", "-")
    if not text:
        raise FormError(_("Type a number."))
    if not _NUMBER.fullmatch(text):
        raise FormError(_("Type a number, for example 125 or 2,5."))
    return float(text)


def _text(raw: Any) -> str:
    if raw is None:
        return ""
    if not isinstance(raw, str) or len(raw) > MAX_TEXT:
        raise FormError(_("This answer is too long."))
    return clean_line(raw)  # one line, NFC, no NUL or control character


def _index(raw: Any, size: int, missing: Any = None, *, base: int = 0) -> int:
    """A position on the page; `missing` (lazy: translated only when shown) is
    the message when none was given."""
    if raw is None or raw == "":
        raise FormError(str(missing) if missing is not None else _("This answer cannot be read."))
    if not isinstance(raw, str) or not raw.isascii() or not raw.isdigit() or len(raw) > 4:
        raise FormError(_("This answer cannot be read."))
    i = int(raw) - base
    if not 0 <= i < size:
        raise FormError(_("This answer cannot be read."))
    return i
