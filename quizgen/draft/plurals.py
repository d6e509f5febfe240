"""'ils' and 'elles' in an incise: the group of people a sentence just before opens with
('Les parents d'élèves ont occupé l'école. « … », affirment-ils' → les parents d'élèves),
never a group of things ('Les prix ont monté. « … », disent-ils': no one) nor two people
joined by 'et' (which one?). Always to review."""

from __future__ import annotations

import re
from typing import Protocol

from .lexicon import ANONYMOUS_PERSON_NOUNS, INSTITUTION_NOUNS, ROLE_NOUNS, UNNAMED_WITNESS_NOUNS
from .nounphrase import NP
from .quotes import Sentence
from .speakers import Speaker
from .tokens import fold, singular


class Reader(Protocol):
    """What this module reads of reader.Reader (a protocol: reader.py imports this module)."""

    sentences: list[Sentence]
    view: str

    def opening_np(self, si: int) -> NP | None: ...

    def _coordinated(self, si: int, np_: NP) -> bool: ...

    def _speaker(self, np_: NP | None, si: int, *, create: bool = True) -> Speaker | None: ...


_PLURAL_DETERMINERS = frozenset(
    {"les", "des", "ces", "plusieurs", "certains", "certaines", "nombre", "leurs", "ses"}
)
_HUMAN_GROUPS = frozenset(fold(w) for w in ROLE_NOUNS | ANONYMOUS_PERSON_NOUNS | UNNAMED_WITNESS_NOUNS)
_GROUP_HEADS = _HUMAN_GROUPS | frozenset(fold(w) for w in INSTITUTION_NOUNS)


def written_plural(name: str) -> bool:
    """A speaker written with a plural article ("les Jeunes Agriculteurs", "des parents"): a
    group, never what "il" or "elle" stands for."""
    first = name.split(" ", 1)[0].lower()
    return first in ("les", "des", "aux", "ces", "plusieurs")


_PLURAL_NP = re.compile(r"\b(?:les|des|ces|aux|plusieurs)\s+(?:\w+\s+)?([\w-]+)", re.IGNORECASE)


def names_a_group(reader: Reader, si: int, start: int) -> bool:
    """Whether sentence si names a group of people after `start` ('a reçu les manifestants')."""
    return names_a_group_between(reader, start, reader.sentences[si].end)


def plural_antecedent(reader: Reader, si: int, pos: int) -> Speaker | None:
    """The group 'ils'/'elles' at `pos` of sentence si stands for, or None."""
    para = reader.sentences[si].para
    for back in range(si, max(-1, si - 3), -1):
        s = reader.sentences[back]
        if s.heading or s.para < para - 1:
            break
        np_ = reader.opening_np(back)
        if np_ is None or np_.start >= pos or np_.det not in _PLURAL_DETERMINERS:
            continue
        if reader._coordinated(back, np_) or singular(fold(np_.head or "")) not in _GROUP_HEADS:
            return None  # "Les prix ont monté": things; "X et Y": two people, which one?
        if names_a_group(reader, back, np_.end):
            return None  # "Les policiers ont interpellé les suspects. « … », assurent-ils": which?
        sp = reader._speaker(np_, back)
        if sp is None or sp.kind == "person":
            return None
        words = sp.name.split()
        if words[0].lower() in ("leurs", "ses"):
            # "Leurs supporteurs, eux, …. « … », crient-ils": the group, whoever it belongs to.
            words[0] = "les"
            sp = Speaker(" ".join(words), sp.kind, "a:" + fold(" ".join(words)), sp.gender, False, sp.role)
        name = " ".join(words)
        name = name[0].lower() + name[1:] if len(words) > 1 and words[1].islower() else name
        return Speaker(name, sp.kind, sp.key, sp.gender, False, sp.role, via_pronoun=True)
    return _one_group_before(reader, si, pos)


def _one_group_before(reader: Reader, si: int, pos: int) -> Speaker | None:
    """'… une victoire pour les supporteurs. « … », témoignent-ils': the one group of people the
    sentence just before names (not as its subject), when it names no other and the pronoun's
    sentence names none before it."""
    if si == 0:
        return None
    prev, here = reader.sentences[si - 1], reader.sentences[si]
    if prev.heading or prev.para != here.para:
        return None
    found = _PLURAL_NP.finditer(reader.view, prev.start, prev.end)
    groups = [m for m in found if singular(fold(m[1])) in _HUMAN_GROUPS]
    if len({singular(fold(m[1])) for m in groups}) != 1 or names_a_group_between(reader, here.start, pos):
        return None
    name = f"les {groups[-1][1].lower()}"  # the group as written: "les supporteurs"
    return Speaker(name, "anonymous", "a:" + fold(name), None, False, None, via_pronoun=True)


def names_a_group_between(reader: Reader, start: int, end: int) -> bool:
    """Whether the text between start and end names a group of people."""
    return any(singular(fold(m[1])) in _HUMAN_GROUPS for m in _PLURAL_NP.finditer(reader.view, start, end))
