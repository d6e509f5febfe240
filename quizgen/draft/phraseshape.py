"""The shape of a speaker phrase: an inhabitant's name ("le Breton"), a body's acronym ("la CGT")."""

from __future__ import annotations

import re

from .lexicon import INSTITUTION_NOUNS, NATIONALITIES
from .nounphrase import NP
from .tokens import fold

FOLDED_INSTITUTION_NOUNS = frozenset(fold(w) for w in INSTITUTION_NOUNS)
# "le Breton", "la Nordiste", "l'Argentin", "le Savoyard": an inhabitant written with a capital.
_DEMONYM = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]+(?:ais|aise|ois|oise|ien|ienne|éen|éenne|iste|ard|arde|on|onne)")


def acronym(np_: NP) -> bool:
    """'la CGT', "l'ONU": a definite article and one word in capitals."""
    body = [t.text for t in np_.toks[np_.i + (1 if np_.det else 0) : np_.j]]
    one = len(body) == 1 and body[0].isupper() and body[0].isalpha() and len(body[0]) > 1
    return one and np_.det in ("le", "la", "l'", "les")


def demonym(np_: NP, text: str) -> bool:
    """A definite article and one capitalised word shaped like an inhabitant's name."""
    words = text.replace("’", "'").replace("l'", "l' ").split()
    # "Le Parisien" with its capital is a newspaper's title, not an inhabitant.
    lower = bool(words) and words[0] in ("le", "la", "l'")
    if not lower or len(words) != 2 or fold(words[1]) in FOLDED_INSTITUTION_NOUNS:
        return False  # "le Kremlin", "le Pentagone": a seat for its body
    return bool(_DEMONYM.fullmatch(words[1])) or words[1].lower() in NATIONALITIES
