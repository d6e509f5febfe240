"""Wrong answers of the same kind as the right one.

A person for a person, an institution for an institution: first from the
article (its other speakers, then the other people it names), then from a
small built-in list of names French current-affairs readers know, so a
short article still gets plausible choices.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .speakers import fold, name_key

BUILTIN: dict[str, tuple[str, ...]] = {
    "person": (
        "Emmanuel Macron",
        "Ursula von der Leyen",
        "Antonio Guterres",
        "Olaf Scholz",
        "Volodymyr Zelensky",
        "Sergueï Lavrov",
        "Antony Blinken",
        "Angela Merkel",
        "Xi Jinping",
        "Giorgia Meloni",
    ),
    "institution": (
        "la Commission européenne",
        "l’ONU",
        "l’OTAN",
        "le Kremlin",
        "la Maison Blanche",
        "l’Élysée",
        "l’agence Reuters",
        "l’AFP",
        "le Pentagone",
        "le Quai d’Orsay",
    ),
    "anonymous": (
        "un diplomate européen",
        "un haut responsable américain",
        "un analyste",
        "un témoin",
        "un internaute",
    ),
}
# When the article lacks speakers of the answer's kind, which kinds may stand in.
_FALLBACK = {"person": ("person",), "institution": ("institution",), "anonymous": ("anonymous", "person")}


# Metonyms news uses for one executive: never offer one as a wrong answer for another.
_SYNONYMS = [
    {
        "maison blanche",
        "executif americain",
        "administration americaine",
        "administration biden",
        "gouvernement americain",
        "washington",
        "presidence americaine",
    },
    {"kremlin", "presidence russe", "moscou", "gouvernement russe", "partie russe"},
    {"elysee", "presidence francaise", "presidence de la republique"},
    {"quai d orsay", "diplomatie francaise", "ministere des affaires etrangeres"},
    {"departement d etat", "diplomatie americaine", "state dept", "us state dept"},
]


def _institution_key(name: str) -> str:
    return re.sub(r"^(?:le|la|les|l)\s+", "", fold(name))


def _same(a: str, b: str) -> bool:
    """One speaker written twice: same words, same surname, or same anonymous noun."""
    if fold(a) == fold(b):
        return True
    ka, kb = _institution_key(a), _institution_key(b)
    if any(ka in group and kb in group for group in _SYNONYMS):
        return True
    wa, wb = a.replace("’", "'").split(), b.replace("’", "'").split()
    if not (wa and wb):
        return False
    if wa[-1][:1].isupper() and wb[-1][:1].isupper():
        return name_key(wa[-1]) == name_key(wb[-1])
    return fold(wa[-1]) == fold(wb[-1])  # "un internaute", "un autre internaute"


def pick(
    answer: str, kind: str, candidates: Iterable[tuple[str, str]], n: int = 3, exclude: Iterable[str] = ()
) -> list[str]:
    """Up to `n` distractors for `answer` of `kind`, from (name, kind) `candidates` in
    order of preference, then the built-in list; never the answer or one of `exclude`."""
    kinds = _FALLBACK.get(kind, (kind,))
    pool = list(candidates)
    ordered = [name for k in kinds for name, ck in pool if ck == k]
    ordered += [name for k in kinds for name in BUILTIN.get(k, ())]
    taken = [answer, *exclude]
    out: list[str] = []
    for name in ordered:
        if len(out) >= n:
            break
        if not any(_same(name, t) for t in [*taken, *out]):
            out.append(name)
    return out
