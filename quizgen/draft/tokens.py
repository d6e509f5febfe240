"""Tokens and name keys: the small units the speaker rules read.

`Ouchakov` and `Ushakov` share one `name_key`; `fold` compares words without
case, accents or punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..text import strip_accents
from .quotes import MASK

# ---------------------------------------------------------------- tokens

_TOKEN = re.compile(
    r"(?i:(?:qu|jusqu|lorsqu|puisqu|quoiqu|presqu|[ldjmnstc])')"
    r"|(?:M|Mme|Mlle|Dr|Pr|Me|St)\.(?=\s)"
    r"|(?:[A-ZÀ-Ý]\.-?)*[A-ZÀ-Ý]\.(?=\s+[A-ZÀ-Ý])"  # initials: José E. Feliciano, J.-C. Juncker
    r"|[\w]+(?:[-.'][\w]+)*"
    rf"|{MASK}+"
    r"|\S"
)


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


def tokenize(view: str, start: int = 0, end: int | None = None) -> list[Tok]:
    end = len(view) if end is None else end
    return [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(view, start, end)]


# ---------------------------------------------------------------- name keys

_TRANSLIT = [
    ("tch", "ch"),
    ("ch", "sh"),
    ("ou", "u"),
    ("gue", "ge"),
    ("gui", "gi"),
    ("kh", "h"),
    ("dj", "j"),
    ("ck", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("y", "i"),
    ("ï", "i"),
]


@cache
def name_key(name: str) -> str:
    """A spelling-neutral key: Ouchakov/Ushakov, Poutine/Putin, Zelensky/Zelenskyy agree."""
    s = strip_accents(name).lower()
    s = re.sub(r"[^a-z]", "", s)
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    if len(s) > 4 and s.endswith("e"):
        s = s[:-1]
    return s


@cache
def fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", strip_accents(text).lower().replace("'", " ")).split())


def singular(word: str) -> str:
    """A plural noun's singular, by its ending ('riverains' → 'riverain'); short words as they are."""
    return word[:-1] if word.endswith(("s", "x")) and len(word) > 3 else word
