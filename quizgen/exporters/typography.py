"""Non-breaking spaces for cards read on a narrow screen.

A phone must not break « 125 / minutes » or « 7 / décembre 2021 » across two
lines. The bank keeps the teacher's plain spaces; the card rendering ties a
figure to the word it counts, a month to its year, and the groups of a long
number (« 175 000 »).
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
#: French typography separates the groups of a number with a narrow no-break space.
NNBSP = "\u202f"

_MONTHS = frozenset("""janvier février fevrier mars avril mai juin juillet août aout septembre octobre
novembre décembre decembre january february march april may june july august september october november
december""".split())
#: A figure (with its ordinal or decimal part) before a space, then what comes next.
_FIGURE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)?(?:er|re|e|st|nd|rd|th)?) (?=([^\W\d_]+|[%‰€$£]))")
#: A word before a figure: a month before its year or its day ("décembre 2021", "December 7").
_WORD_FIGURE = re.compile(r"\b([^\W\d_]{3,9}) (?=\d)")
#: "175 000": a space between digit groups.
_GROUPS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
_DIGIT = re.compile(r"\d")
#: A four-digit year is not tied to the word after it ("en 2014 la Crimée").
_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")


def _tie_figure(m: re.Match[str]) -> str:
    if _YEAR.match(m[1]):
        return m[0]
    return f"{m[1]}{NBSP}"


def _tie_month(m: re.Match[str]) -> str:
    return f"{m[1]}{NBSP}" if m[1].lower() in _MONTHS else m[0]


def tie(text: str) -> str:
    """`text` with no-break spaces between a figure and its unit, inside dates and
    between the digit groups of a number; text without digits is returned as is."""
    if not _DIGIT.search(text):
        return text
    text = _GROUPS.sub(NNBSP, text)
    text = _FIGURE.sub(_tie_figure, text)
    return _WORD_FIGURE.sub(_tie_month, text)
