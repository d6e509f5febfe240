"""Where a subject or a speaker starts around a speech verb: past a complement after the verb
('a réagi sur Twitter le président'), back over incises before it ('M. Biden, qui …, a dit')."""

from __future__ import annotations

from .lexicon import ANONYMOUS_PERSON_NOUNS, ROLE_NOUNS
from .nounphrase import NP, parse_np
from .tokens import Tok

_PREPOSITIONS = frozenset("sur dans à au aux auprès lors devant depuis en chez via".split())
_SUBJECT_STARTS = frozenset("le la l' les un une m. mme dr. pr. son sa ce cet cette".split())


def past_complement(toks: list[Tok], k: int) -> int:
    """After 'sur Twitter', 'auprès de l'AFP', 'dans un communiqué', 'lors d'une conférence de
    presse', where the subject of an incise starts (k itself when no complement is there)."""
    n = len(toks)
    if k >= n or toks[k].low not in _PREPOSITIONS:
        return k
    j = k + 1
    if j < n and toks[j].low in ("de", "d'", "du", "des") and toks[k].low in ("auprès", "lors"):
        j += 1
    if j < n and toks[j].low in ("le", "la", "l'", "les", "un", "une", "son", "sa", "ses"):
        j += 1
    if j >= n or not toks[j].word:
        return k
    first = j = j + 1
    if j < n and toks[j].text.isdigit() and toks[j - 1].cap:
        first = j = j + 1  # 'sur France 3 Anne Vidal': a channel's number
    if j < n and toks[j].low in _SUBJECT_STARTS:
        return j
    while j < n and toks[j].cap and toks[j].word:  # 'sur France Inter le ministre'
        j += 1
    if j + 1 < n and toks[j].low in ("de", "d'") and toks[j + 1].word and not toks[j + 1].cap:
        j += 2  # 'lors d'une conférence de presse le ministre'
    elif j + 1 < n and toks[j].low in ("du", "des", "de", "d'") and toks[j + 1].cap:
        j += 2  # 'dans les colonnes du Parisien Anne Vidal'
    if j < n and toks[j].low in _SUBJECT_STARTS:
        return j
    if j + 1 < n and toks[j].cap and toks[j + 1].cap and toks[j].word and toks[j + 1].word and j > first:
        return j  # 'en conférence de presse Anne Vidal': a first name and a surname after it
    if first < n and toks[first].cap and toks[first].word:
        return first  # 'auprès de l'AFP Sophie Binet'
    return k


def walk_back_incises(toks: list[Tok]) -> tuple[NP | None, int]:
    """Walk back over incises between commas ("M. Biden, qui …, a dit"): (the subject when an
    incise names it — "Le préfet de l'Isère, Antoine Roussel, a salué" —, where the clause ends)."""
    end = stop = len(toks)  # stop: just after the comma that closes the incise read next
    while stop > 0 and toks[stop - 1].text == ",":
        k = stop - 2
        while k >= 0 and toks[k].text != ",":
            k -= 1
        if k < 0:
            break
        inner = toks[k + 1 : stop - 1]
        if not inner:
            break
        if all((t.cap and t.word) or t.text == "-" or t.low in _PARTICLES for t in inner) and inner[0].cap:
            np_ = parse_np(toks[: stop - 1], k + 1)
            if np_ is not None and np_.j == stop - 1:
                return np_, stop
        first = inner[0].low
        if (
            first in _INCISE_OPENERS
            or first in ROLE_NOUNS
            or first in ANONYMOUS_PERSON_NOUNS
            or first[:1].isdigit()
        ):
            # "X, chef de la compagnie, qui était sur place, reconnaît": one incise after another.
            end, stop = k, k + 1
            continue
        break
    return None, end


_PARTICLES = frozenset({"de", "von", "van", "der", "den", "al", "ben", "bin", "da", "di", "del", "du", "le"})
_INCISE_OPENERS = frozenset(
    """
    qui que qu' dont selon d'après lui elle eux pour de quant elle-même lui-même le la l' un une en après
    avant lors dans ancien ancienne ex notamment également aussi toutefois pourtant cependant néanmoins
    enfin par sur à interrogé interrogée interrogés cité citée joint jointe contacté contactée sollicité
    sollicitée invité invitée présent présente visiblement très encore toujours
""".split()
)
