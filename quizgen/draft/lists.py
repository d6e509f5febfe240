"""Lists of people in one sentence.

"…avec le président français Emmanuel Macron, la chancelière allemande Angela
Merkel et les premiers ministres Mario Draghi (Italie) et Boris Johnson" is a
list of four people (a multi-select question). Roles are in roles.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clean import Article, plain
from .people import _name_run
from .quotes import Sentence
from .speakers import Registry
from .tokens import Tok, fold, tokenize

_SEPARATOR = re.compile(
    r"^\s*(?:\([^()]{0,40}\)\s*)?(?:,\s*(?:et\s+|ainsi\s+que\s+)?|et\s+|ainsi\s+que\s+)"
    r"(?:(?:le|la|les|l'|son|sa|ses|leur|leurs)\s*(?:[\w'-]+\s+){0,5}?(?:[\w'-]+,\s+)?)?$"
)


# "Anne Hidalgo, maire de Paris, Martine Aubry": a role after a name, before the next one.
_ROLE_BETWEEN = re.compile(
    r"^\s*,\s*(?:(?:le|la|l')\s*)?(?!(?:qui|que|dont|a|ont|est|sont|avait|était)\b)"
    r"[a-zàâçéèêëîïôûùüÿœ][\w'’-]*(?:\s+[\w'’-]+){0,6}?\s*(?:\([^()]{0,40}\)\s*)?,\s*(?:et\s+)?$"
)
# The place or body of such a role: "Paris" in "maire de Paris" is no member of the list.
_ROLE_COMPLEMENT = re.compile(
    r"^\s*,\s*(?:(?:le|la|l')\s*)?[a-zàâçéèêëîïôûùüÿœ][\w'’-]*(?:\s+[\w'’-]+){0,4}?"
    r"\s+(?:de|du|des|d'|d’|à|au|aux)\s*(?:la\s+|l'|l’)?$"
)
_ROLE_BEFORE = re.compile(r"(?<![\w'])(?:le|la|les|l')\s*(?:[a-zàâçéèêëîïôûùüÿœ-]+\s+){1,5}")
_PAREN_AFTER = re.compile(r"\s*\([^()]{1,40}\)")


@dataclass(frozen=True)
class PeopleList:
    sentence: int
    start: int  # the list as written, in article offsets
    end: int
    members: tuple[str, ...]  # canonical names, in order
    written: tuple[str, ...]  # names as written


def _mentions(
    view: str, s: Sentence, registry: Registry, ner: list[tuple[int, int, str]]
) -> list[tuple[int, int, str | None]]:
    """Capitalised name runs of a sentence: (start, end, canonical name or None if unknown)."""
    toks = tokenize(view, s.start, s.end)
    toks = [Tok(t.text, t.start, t.end) for t in toks]
    out: list[tuple[int, int, str | None]] = []
    k = 0
    depth = 0
    while k < len(toks):
        t = toks[k]
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and t.cap and t.word and (k == 0 or toks[k - 1].low not in ("m.", "mme")):
            j = _name_run(toks, k)
            if k < j < len(toks) and toks[j - 1].low in ("le", "la") and toks[j].cap and toks[j].word:
                j += 1  # "Bruno Le Maire": a surname that is also a role noun
            if j > k:
                a, b = toks[k].start, toks[j - 1].end
                person = registry.person(view[a:b])
                per = any(x <= a < y and label == "PER" for x, y, label in ner)
                out.append((a, b, person.name if person else (view[a:b] if per else None)))
                k = j
                continue
        k += 1
    return out


def _is_list(view: str, s: Sentence, run: list[tuple[int, int, str | None]]) -> bool:
    """Three names or more, most of them people, ending "… et Z" or announced by a colon
    ("Gardiens : Alphonse Areola (PSG), Benjamin Lecomte (Montpellier), Hugo Lloris …")."""
    if len(run) < 3:
        return False
    known = [m for m in run if m[2] is not None]
    full_names = all(len(view[a:b].split()) >= 2 for a, b, _ in run)
    if not (len(known) >= 2 or full_names):
        return False
    last_gap = view[run[-2][1] : run[-1][0]]
    if re.search(r"\b(?:et|ainsi que)\b", last_gap):
        return True
    announced = re.search(r":\s*$", view[max(s.start, run[0][0] - 40) : run[0][0]])
    return bool(announced) and full_names


def _extent(view: str, s: Sentence, start: int, end: int) -> tuple[int, int]:
    """The whole enumeration: "le président français Emmanuel Macron, … Boris Johnson (Royaume-Uni)"."""
    roles = _ROLE_BEFORE.finditer(view, max(s.start, start - 60), start)
    role = next((m for m in roles if m.end() == start), None)
    paren = _PAREN_AFTER.match(view, end)
    return (role.start() if role else start), (paren.end() if paren else end)


def _runs(view: str, mentions: list[tuple[int, int, str | None]]) -> list[list[tuple[int, int, str | None]]]:
    """Names one after another, separated by commas, "et", "ainsi que" (and their roles)."""
    mentions = _without_role_places(view, mentions)
    out, k = [], 0
    while k < len(mentions):
        run = [mentions[k]]
        j = k + 1
        while j < len(mentions) and _separated(view[run[-1][1] : mentions[j][0]]):
            run.append(mentions[j])
            j += 1
        out.append(run)
        k = j
    return out


def _separated(gap: str) -> bool:
    return bool(_SEPARATOR.match(gap) or _ROLE_BETWEEN.match(gap))


def _without_role_places(
    view: str, mentions: list[tuple[int, int, str | None]]
) -> list[tuple[int, int, str | None]]:
    """The mentions without the places and bodies of roles written after a name ("maire de Paris")."""
    out: list[tuple[int, int, str | None]] = []
    for m in mentions:
        if out and m[2] is None and _ROLE_COMPLEMENT.match(view[out[-1][1] : m[0]]):
            after = view[m[1] : m[1] + 3]
            if re.match(r"\s*(?:,|et\b)", after):
                continue
        out.append(m)
    return out


def find_lists(
    article: Article, sentences: list[Sentence], registry: Registry, ner: list[tuple[int, int, str]]
) -> list[PeopleList]:
    """Enumerations of three or more people in one sentence (headings aside, unless a colon
    announces the enumeration: a line of a team list is no headline)."""
    view = plain(article.text)
    out: list[PeopleList] = []
    seen: list[frozenset[str]] = []
    for si, s in enumerate(sentences):
        if s.heading and ":" not in view[s.start : s.end]:
            continue
        for run in _runs(view, _mentions(view, s, registry, ner)):
            if not _is_list(view, s, run):
                continue
            members = tuple(m[2] or view[m[0] : m[1]] for m in run)
            key = frozenset(fold(x) for x in members)
            if len(key) != len(members) or any(key <= old or old <= key for old in seen):
                continue
            seen.append(key)
            for m in run:
                if m[2] is None:
                    registry.add_person(view[m[0] : m[1]].split(), m[0])
            start, end = _extent(view, s, run[0][0], run[-1][1])
            out.append(PeopleList(si, start, end, members, tuple(article.text[m[0] : m[1]] for m in run)))
    return out
