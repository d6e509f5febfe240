"""Is a typed answer (short answer, cloze gap) one the bank accepts?

Beyond case, accents and punctuation (`fold_answer`), a careful student's
defensible variants are accepted, the same way on both sides:

- articles and prepositions at the start (« à Genève », « les accords »),
  and a leading common noun the question itself uses (« le gazoduc Nord
  Stream 2 » when the prompt asks « quel gazoduc ? »);
- roman, arabic and French numerals (Minsk II, Minsk 2, Minsk deux; 30, trente);
- the common transliterations of Russian and Ukrainian names, for the words
  the bank writes with a capital (Iouri, Youri, Yuri, Yury; Ouchakov,
  Ushakov; Sergueï, Sergey; Zelensky, Zelenskyy; Poutine, Putin);
- a small typo in a long word: one slip (two in words of ten letters or
  more), never in a word under six letters or in a figure, never on the
  first letter, no letter added or dropped at the end (where French
  inflects: Russe/Russie), a substitution only between neighbouring keys
  (Genève/Genèse stay apart).

`strict` keeps only the first two (no typos, exact spelling of names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rapidfuzz.distance import OSA, Levenshtein

from .text import fold_answer

#: Words dropped at the start of an answer: articles and prepositions.
EDGE_WORDS = frozenset("le la les l un une des du de d a au aux en dans par pour sur chez".split())
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_ROMAN_TOKEN = re.compile(r"^(?=[ivxlc]{2,}$)c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
#: Folding rules, in order: (pattern, replacement) on one word.
_TRANSLIT = [(re.compile(p), r) for p, r in (
    (r"chtch|shch|sch|tch|ch|sh", "S"), (r"kh", "h"), (r"ck", "k"), (r"w", "v"), (r"ph", "f"),
    (r"gu(?=[eiy])", "g"), (r"(?:iou|you|yu|iu)", "yu"), (r"ou", "u"), (r"y", "i"),
    (r"(\w)\1", r"\1"), (r"(?<=[^aeiou])e$", ""), (r"i[ij]$", "i"),
)]
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize".split())}
_NUMBER_WORDS |= {"une": 1, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50,
                  "soixante": 60, "cent": 100, "cents": 100, "mille": 1000}
_ROWS = ("azertyuiop", "qsdfghjklm", "wxcvbn", "qwertyuiop", "asdfghjkl", "zxcvbnm")
MIN_TYPO_LENGTH = 6
#: Letters French adds or drops at a word's end to inflect it.
_INFLECTION = frozenset("eisxt")


def _neighbours() -> dict[str, set[str]]:
    near: dict[str, set[str]] = {}
    for row in _ROWS:
        for i, ch in enumerate(row):
            near.setdefault(ch, set()).update(row[max(0, i - 1):i] + row[i + 1:i + 2])
    # Keys above and below, on AZERTY and QWERTY.
    for upper, lower in zip(_ROWS[:2] + _ROWS[3:5], _ROWS[1:3] + _ROWS[4:], strict=True):
        for i, ch in enumerate(lower):
            for other in upper[i:i + 2]:
                near.setdefault(ch, set()).add(other)
                near.setdefault(other, set()).add(ch)
    return near


_NEAR = _neighbours()


def roman_to_int(token: str) -> int | None:
    """ii → 2, xiv → 14; None for anything else (a single letter is a word, not a numeral)."""
    if not _ROMAN_TOKEN.match(token):
        return None
    total = 0
    for i, ch in enumerate(token):
        value = _ROMAN[ch]
        total += -value if i + 1 < len(token) and _ROMAN[token[i + 1]] > value else value
    return total


@lru_cache(maxsize=4096)
def transliterate(word: str) -> str:
    """One spelling for the French, English and German transliterations of a name."""
    for pattern, replacement in _TRANSLIT:
        word = pattern.sub(replacement, word)
    return word


def _numbers(words: list[str]) -> list[str]:
    """Runs of French number words as figures: « trente et un » → 31, « quatre vingt dix » → 90."""
    out: list[str] = []
    run: list[str] = []
    for word in [*words, ""]:
        if word in _NUMBER_WORDS or (word == "et" and run):
            run.append(word)
            continue
        if run and run[-1] == "et":
            run.pop()
            word_et = ["et"]
        else:
            word_et = []
        if run:
            out.append(str(_number_value(run)))
        out.extend(word_et)
        run = []
        if word:
            out.append(word)
    return out


def _number_value(run: list[str]) -> int:
    total = current = 0
    for i, word in enumerate(run):
        if word == "et":
            continue
        value = _NUMBER_WORDS[word]
        if value == 1000:
            total += max(current, 1) * 1000
            current = 0
        elif value == 100:
            current = max(current, 1) * 100
        elif value == 20 and i and run[i - 1] == "quatre":
            current += 80 - 4
        else:
            current += value
    return total + current


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word[-1] in "sx" else word


def common_nouns(texts: Iterable[str]) -> frozenset[str]:
    """The lower-case words of the question's own texts, in singular: nouns a
    student may put before the answer (« gazoduc », « accord »)."""
    out = set()
    for text in texts:
        for word in re.findall(r"\w+", text):
            if word.islower() and len(word) > 3:
                out.add(_singular(fold_answer(word)))
    return frozenset(out)


def tokens(text: str, nouns: frozenset[str] = frozenset()) -> list[str]:
    """The words of a typed answer, folded, without the leading article,
    preposition or common noun, roman numerals as figures."""
    words = fold_answer(text).split()
    while len(words) > 1 and (words[0] in EDGE_WORDS or _singular(words[0]) in nouns):
        words = words[1:]
    out: list[str] = []
    for word in _numbers(words):
        number = roman_to_int(word) if out else None
        out.append(str(number) if number is not None else word)
    return out


def _slip(right: str, given: str) -> bool:
    """Is `given` `right` with one or two typing slips?"""
    if right == given:
        return True
    if (any(c.isdigit() for c in right + given) or len(right) < MIN_TYPO_LENGTH
            or right[0] != given[0]):
        return False
    allowed = 1 if len(right) < 10 else 2
    if OSA.distance(right, given) > allowed:
        return False
    transposed = OSA.distance(right, given) < Levenshtein.distance(right, given)
    for op in Levenshtein.editops(right, given):
        if op.tag == "replace":
            if not transposed and given[op.dest_pos] not in _NEAR.get(right[op.src_pos], set()):
                return False
            continue
        # A letter added or dropped at the end is how French inflects (Russe, Russie).
        letter = right[op.src_pos] if op.tag == "delete" else given[op.dest_pos]
        from_end = (len(right) if op.tag == "delete" else len(given)) - (
            op.src_pos if op.tag == "delete" else op.dest_pos)
        if from_end <= 1 or (from_end == 2 and letter in _INFLECTION):
            return False
    return True


def _same_word(right: str, given: str, *, name: bool, strict: bool) -> bool:
    if strict or right.isdigit() or given.isdigit():
        return right == given
    if not name:
        return _slip(right, given)
    r, g = transliterate(right), transliterate(given)
    return r == g or _slip(right, given) or _slip(r, g)


def _names(text: str) -> frozenset[str]:
    """The folded words of `text` written with a capital: names, transliterated."""
    return frozenset(fold_answer(w) for w in re.findall(r"\w+", text) if w[:1].isupper())


def _matches(given: list[str], right: tuple[str, ...], names: frozenset[str], strict: bool) -> bool:
    if not given or not right or len(given) != len(right):
        return False
    return all(_same_word(r, g, name=r in names, strict=strict) for r, g in zip(right, given, strict=True))


@lru_cache(maxsize=1024)
def _prepared(answers: tuple[str, ...], context: tuple[str, ...]
              ) -> tuple[frozenset[str], tuple[tuple[tuple[str, ...], frozenset[str]], ...]]:
    """A question's accepted answers, tokenised once (a class grades the same question often)."""
    nouns = common_nouns(context)
    return nouns, tuple((tuple(tokens(a, nouns)), _names(a)) for a in answers)


def accepted(given: str, answers: Sequence[str], context: Iterable[str] = (), *,
             strict: bool = False) -> bool:
    """Is `given` any of `answers`, read against the question's own words `context`?"""
    if not fold_answer(given):
        return False
    nouns, rights = _prepared(tuple(answers), tuple(context))
    typed = tokens(given, nouns)
    return any(_matches(typed, right, names, strict) for right, names in rights)
