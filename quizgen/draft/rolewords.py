"""The words of a role: its text, its head noun, its country, whether it is a state's office,
and a given name misspelt ("Valdimir" for "Vladimir")."""

from __future__ import annotations

import re

from .lexicon import LEADER_NOUNS, NATIONALITIES
from .tokens import fold


def role_text(role: str) -> str:
    return " ".join(role.lower().replace("’", "'").split())


_FOLDED_NATIONALITIES = frozenset(fold(n) for n in NATIONALITIES)


def nationality(role: str) -> str | None:
    for w in fold(role).split():
        if w in _FOLDED_NATIONALITIES:
            return w[:5]  # américain/américaine → 'ameri'
    return None


def head_word(role: str) -> str:
    """The noun a role starts with, past its determiner: "l'entraîneur" → "entraineur"."""
    words = re.sub(r"^(?:le|la|les|l')\s*", "", fold(role)).split()
    return words[0] if words else ""


def leader(role: str) -> bool:
    r = fold(role)
    r = r.split(" ", 1)[1] if r.split(" ", 1)[0] in ("le", "la", "l", "ce", "cette") and " " in r else r
    return any(r.startswith(fold(n)) for n in LEADER_NOUNS)


def other_nation(roles: list[str], description: str) -> bool:
    """Someone of one country ('le président ivoirien', 'le chef de la diplomatie ukrainienne')
    the article gives a role of another ('président sénégalais', 'chef du département suisse')."""
    nat = nationality(description)
    if not nat or not of_a_state(description):
        return False
    return any(of_a_state(role) and nationality(role) not in (None, nat) for role in roles)


# A state's office, whose country is the holder's ("le chef de la diplomatie ukrainienne"); a
# coach's country is the team's ("le sélectionneur saoudien" may be "le technicien français").
_STATE_WORDS = frozenset(
    "ministre ministere diplomatie ambassadeur ambassadrice gouvernement chancelier etrangeres".split()
)


def of_a_state(role: str) -> bool:
    return leader(role) or any(w in _STATE_WORDS for w in fold(role).split())


def misspelt(a: str, b: str) -> bool:
    """ "Valdimir" for "Vladimir": two letters swapped side by side, in a name of five or more."""
    if len(a) != len(b) or len(a) < 5:
        return False
    diff = [k for k in range(len(a)) if a[k] != b[k]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def without_nation(role: str) -> str:
    """The role folded, its country left out: "ministre ukrainien des affaires etrangeres" →
    "ministre des affaires etrangeres" (a periphrasis names the office, whatever the country)."""
    return " ".join(w for w in fold(role).split() if w not in _FOLDED_NATIONALITIES)

