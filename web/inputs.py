"""What users type, made safe to store and show: text in NFC without control
characters, nicknames measured as they look, numbers of a sane size."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from wtforms.validators import NumberRange, StopValidation

#: Characters that move or hide text (bidirectional overrides and isolates,
#: the BOM): a nickname could reorder what a teacher reads.
_HIDDEN = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
#: NumberRange's own message, which WTForms translates.
_WTFORMS_RANGE = "Number must be between %(min)s and %(max)s."
#: Combining marks on one letter beyond this are refused ("Zalgo" text runs over the lines above).
MAX_MARKS_PER_LETTER = 3


def clean_line(text: str) -> str:
    """One line of typed text: NFC, tabs and line breaks as spaces, no NUL or
    other control or hiding character, spaces kept as typed otherwise."""
    out = []
    for c in text:
        category = unicodedata.category(c)
        if category in ("Zl", "Zp") or c in "\t\n\r\v\f\x85":
            out.append(" ")
        elif category in ("Cc", "Cs", "Co", "Cn") or _HIDDEN.match(c):
            continue
        else:
            out.append(c)
    # NFC last: a character left out may have stood between a letter and its accent.
    return unicodedata.normalize("NFC", "".join(out))


def visible_length(text: str) -> int:
    """How many characters a reader sees: combining marks and joiners do not count."""
    return sum(1 for c in text if not unicodedata.combining(c)
               and unicodedata.category(c) not in ("Mn", "Me", "Cf"))


def too_many_marks(text: str) -> bool:
    """A mark with no letter before it, or more than MAX_MARKS_PER_LETTER on one letter."""
    run = 0
    for i, c in enumerate(text):
        if unicodedata.category(c) in ("Mn", "Me"):
            run += 1
            if i == run - 1 or run > MAX_MARKS_PER_LETTER:  # leading, or stacked
                return True
        else:
            run = 0
    return False


class SizedNumber:
    """WTForms validator, before the field's NumberRange (given here): a number
    typed with more digits than the range's bounds is out of range, with
    NumberRange's message (a huge one would overflow NumberRange's comparison)."""

    def __init__(self, within: NumberRange):
        self.within = within
        self.digits = max(len(str(abs(int(b)))) for b in (within.min, within.max) if b is not None)

    def __call__(self, form: Any, field: Any) -> None:
        raw = field.raw_data[0] if field.raw_data else ""
        if isinstance(raw, str) and len(raw.strip().lstrip("+-").lstrip("0")) > self.digits:
            message = self.within.message or field.gettext(_WTFORMS_RANGE)
            raise StopValidation(message % {"min": self.within.min, "max": self.within.max})
