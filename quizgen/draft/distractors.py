"""Wrong answers of the same kind as the right one, taken from the article only.

A person for a person, an institution for an institution: the article's other
speakers first, then the other people it names, those sharing the answer's
role or field first. There is no stock list: a short article gets fewer
choices, and the caller marks the question for review when it had to fall
back on another kind. Every name of one person is one candidate (same key or
same surname), so the answer's other name is never offered as a wrong answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .firstnames import given_name_gender
from .lexicon import TITLES
from .tokens import fold, name_key

if TYPE_CHECKING:
    from .speakers import Registry


@dataclass(frozen=True)
class Candidate:
    """Someone the article names: `key` is shared by every name of one speaker."""

    name: str
    kind: str  # person | institution | anonymous
    key: str
    role: str | None = None


# When the article lacks candidates of the answer's kind, which kinds may stand in (review).
_FALLBACK = {"person": (), "institution": ("person",), "anonymous": ("person",)}


def same_speaker(a: str, b: str) -> bool:
    """One speaker written twice: same words, same surname ('Joe Biden', 'M. Biden'), or a first
    name alone ('Clément', 'Clément Lenglet')."""
    if fold(a) == fold(b):
        return True
    wa, wb = a.replace("’", "'").split(), b.replace("’", "'").split()
    if not (wa and wb):
        return False
    if _particle_cut(wa, wb):
        return True
    if wa[-1][:1].isupper() and wb[-1][:1].isupper():
        if min(len(wa), len(wb)) == 1 and name_key(wa[0]) == name_key(wb[0]):
            return True  # "Clément", "Clément Lenglet": the article's first-name mention
        return name_key(wa[-1]) == name_key(wb[-1]) or _one_name_of(wa, wb)
    return fold(wa[-1]) == fold(wb[-1])  # "un internaute", "un autre internaute"


def _bare(words: list[str]) -> list[str]:
    return [w for w in words if w.lower() not in TITLES]


def _one_name_of(wa: list[str], wb: list[str]) -> bool:
    """ "M. Ban" and "Ban Ki-moon", "Mme Nguyen" and "Nguyen Thi Lan": a title and one name, that
    name any word of the other's (a surname written first)."""
    a, b = _bare(wa), _bare(wb)
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) != 1 or len(long_) < 2 or len(short) == len(wa if short is a else wb):
        return False  # "Ban" alone is the first-name case above; only "M. Ban" is read here
    return any(name_key(short[0]) == name_key(w) for w in long_)


_PARTICLES = frozenset({"de", "du", "des", "d'", "von", "van", "del", "della", "da"})


def _particle_cut(wa: list[str], wb: list[str]) -> bool:
    """ "Anne Dumas" and "Anne Dumas de la Roche": a name cut before its particle (the same person,
    never a wrong choice for the other)."""
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if len(short) < 2 or len(long_) <= len(short) or long_[: len(short)] != short:
        return False
    nxt = long_[len(short)].lower()
    return nxt in _PARTICLES or nxt.startswith(("d'", "l'"))


def _named_in(name: str, folded_role: str) -> bool:
    words = fold(name).split()
    return bool(words) and f" {' '.join(words)} " in f" {folded_role} "


def _field(role: str | None) -> set[str]:
    return {w for w in fold(role or "").split() if len(w) > 3}


@dataclass
class Picked:
    names: list[str]
    fallback: bool  # some choices are of another kind than the answer


def other_gender(registry: Registry, name: str, other: str) -> bool:
    """Whether two people of the article are of different genders (both known, from the text or
    the given name): "Fabrice Verdier" as a wrong choice for "la vice-présidente, _____" is
    ruled out by any word that agrees with the answer."""
    mine, theirs = _gender_of(registry, name), _gender_of(registry, other)
    return mine is not None and theirs is not None and mine != theirs


def _gender_of(registry: Registry, name: str) -> str | None:
    person = registry.person(name)
    return (person.gender if person is not None else None) or given_name_gender(name)


def pick(
    answer: Candidate, candidates: Iterable[Candidate], n: int = 3, exclude: Iterable[str] = ()
) -> Picked:
    """Up to `n` distractors for `answer` from the article's `candidates` (in order of
    preference); never the answer under any of its names, nor one of `exclude`."""
    # "Paul Roy, président des Jeunes Agriculteurs": the body his role names is his own side,
    # not another voice a student could have heard (whatever kind the model read it as).
    own = fold(answer.role or "")
    pool = [c for c in candidates if c.key != answer.key and not (own and _named_in(c.name, own))]
    if answer.kind == "person" and len(answer.name.split()) >= 2:
        # A one-word "person" beside a full name is a first name, a firm or a place the model
        # misread ("Vencorex"): a wrong choice a student rules out at a glance, or a wrong kind.
        pool = [c for c in pool if c.kind != "person" or len(c.name.split()) >= 2]
    field = _field(answer.role)
    same = [c for c in pool if c.kind == answer.kind]
    # People of the same field first ("ministre", "maire", "chercheuse"…), then of the answer's
    # gender (a quotation saying "je suis prête" gives the one woman away), keeping article order.
    gender = given_name_gender(answer.name) if answer.kind == "person" else None
    same.sort(
        key=lambda c: (
            0 if field and field & _field(c.role) else 1,
            1 if gender and given_name_gender(c.name) not in (None, gender) else 0,
        )
    )
    other = [c for k in _FALLBACK.get(answer.kind, ()) for c in pool if c.kind == k]
    taken = [answer.name, *exclude]
    out: list[str] = []
    fallback = False
    for c in [*same, *other]:
        if len(out) >= n:
            break
        if not any(same_speaker(c.name, t) for t in [*taken, *out]):
            out.append(c.name)
            fallback = fallback or c.kind != answer.kind
    return Picked(out, fallback)


def named_in(candidates: list[Candidate], shown: str) -> list[str]:
    """The candidates whose surname `shown` writes."""
    return [c.name for c in candidates if re.search(rf"\b{re.escape(c.name.split()[-1])}\b", shown)]

