"""People a story quotes and leaves unnamed: a witness, a user, a defendant ("« … », raconte
la secouriste"), one of a group named just before ("l'un d'eux" after "les usagers"), someone a
qualified description sets apart ("le vainqueur du jour"). When no one the article names may be
them, the description itself is the speaker, to review, written as it reads out of the article's
sentence ("cette jeune femme" → "une jeune femme")."""

from __future__ import annotations

import re

from .lexicon import ANONYMOUS_PERSON_NOUNS, ROLE_NOUNS, UNNAMED_WITNESS_NOUNS
from .professions import PROFESSIONS
from .reader import Attribution
from .speakers import Speaker
from .tokens import fold, singular

FOLDED_HUMAN_NOUNS = frozenset(fold(w) for w in ROLE_NOUNS | ANONYMOUS_PERSON_NOUNS)
GENERIC_FUNCTIONS = frozenset(
    "diplomate responsable dirigeant dirigeante leader representant representante expert experte "
    "specialiste chef cheffe patron patronne homologue emissaire envoye envoyee".split()
)
# Functions many people hold in one body: "le membre du bureau" names no one in particular.
SHARED_FUNCTIONS = GENERIC_FUNCTIONS | frozenset(
    "membre elu elue agent salarie salariee employe employee militant militante habitant habitante "
    "conseiller conseillere depute deputee senateur senatrice avocat avocate adjoint adjointe".split()
)
_OF = frozenset({"de", "du", "des", "d"})


# Nouns of people by their ending ("vigneron", "éleveur", "lycéen"; "retraité" is listed): '« … »,
# un vigneron' credits someone; "une première", "un record", "un an", "un instant" credit no one.
_PERSON_ENDINGS = (
    "iste", "eur", "euse", "rice", "ien", "ienne", "een", "eenne", "ier", "iere", "eron", "eronne"
)
_ORDINALS = frozenset("premier premiere dernier derniere second seconde deuxieme".split())


def someone_described(noun: str) -> bool:
    """Whether a noun names a kind of person ("habitante", "vigneron", "retraité")."""
    folded = singular(fold(noun))
    if folded in _ORDINALS:
        return False
    return folded in FOLDED_HUMAN_NOUNS or folded in _FOLDED_PROFESSIONS or folded.endswith(_PERSON_ENDINGS)


def unnamed_description(sp: Speaker, att: Attribution, rest: str) -> Speaker | None:
    """'« … », raconte la secouriste' when the article names no one who may be her: someone
    a story leaves unnamed (a witness, a defendant, a user), described so, to review; so is
    someone a qualified description sets apart ('le vainqueur du jour', 'l'attaquant
    français') when no one named nearby may be them. A bare function ('le ministre', 'le
    diplomate') belongs to someone with a name: no question rather than a label."""
    words = fold(rest).split()
    while len(words) > 1 and words[0] in _BEFORE_NOUN:
        words = words[1:]  # "la jeune villageoise", "cette autre passante"
    group = fold(sp.name).startswith("les ") and bool(words) and singular(words[0]) in FOLDED_HUMAN_NOUNS
    one = not fold(sp.name).startswith(("les ", "des ")) and _qualified([fold(w) for w in rest.split()])
    # "ce médecin" where no one named may be him: the one the article describes so.
    this_one = fold(sp.name).split()[0] in ("ce", "cet", "cette") and len(words) == 1
    this_one = this_one and singular(words[0]) in FOLDED_HUMAN_NOUNS | _FOLDED_PROFESSIONS
    if not words or not (singular(words[0]) in _WITNESSES or group or one or this_one):
        return None  # "les riverains", "les pompiers": a group, which has no one name
    att.why = f"« {sp.name} » : {'des gens' if group else 'personne'} que l’article ne nomme pas"
    name = _DEMONSTRATIVE.sub(lambda m: _AS_INDEFINITE[m[1].lower()], sp.name[0].lower() + sp.name[1:])
    return Speaker(name, "anonymous", sp.key, sp.gender, False)


# "cette jeune femme" means nothing out of the article's sentence: "une jeune femme" does.
_DEMONSTRATIVE = re.compile(r"^(ce|cet|cette)\s", re.IGNORECASE)
_AS_INDEFINITE = {"ce": "un ", "cet": "un ", "cette": "une "}


_WITNESSES = frozenset(fold(w) for w in UNNAMED_WITNESS_NOUNS)
# Adjectives written before the noun of a description: "la jeune femme", "cette autre passante".
_BEFORE_NOUN = frozenset("jeune autre vieux vieil vieille petit petite".split())
_FOLDED_PROFESSIONS = frozenset(fold(w) for w in PROFESSIONS)
# Who a sports or contest story may leave unnamed: "le vainqueur du jour", "la lauréate 2024".
_WINNERS = frozenset(fold(w) for w in "vainqueur vainqueure lauréat lauréate gagnant gagnante".split())
_QUALIFIER_STOPS = frozenset("et ou qui que dont a au aux en pour par avec sur".split())


def _qualified(words: list[str]) -> bool:
    """'vainqueur du jour', 'attaquant francais', 'chanteur canadien': a head and what sets one
    person apart (a complement or an adjective), not a function alone nor a clause."""
    if len(words) < 2 or len(words) > 5 or any(w in _QUALIFIER_STOPS for w in words):
        return False
    if words[0] in SHARED_FUNCTIONS:
        return False  # "le membre du bureau": one of many, no one in particular
    head = singular(words[0])
    if head not in FOLDED_HUMAN_NOUNS and head not in _FOLDED_PROFESSIONS and head not in _WINNERS:
        return False  # "le bilan trimestriel", "le panneau municipal": no one
    return words[1] in _OF or (len(words) == 2 and words[1].isalpha() and len(words[1]) > 3)


ONE_OF_THEM = re.compile(r"^l'? ?(?P<one>une?) d'? ?(?:entre )?(?:eux|elles)$")
_GROUP_BEFORE = re.compile(
    r"\b(?:les|des|ces|aux|plusieurs|certains|certaines|nombreux|nombreuses)\s+(?P<noun>[\w-]+)",
    re.IGNORECASE,
)


def one_of_them(sp: Speaker, att: Attribution, view: str) -> Speaker | None:
    """'« … », confie l'un d'eux' after 'pour les usagers': one of the group named just before
    ('un usager'), to review; with no group of people before it, no one."""
    one = ONE_OF_THEM.match(fold(sp.name))["one"]  # type: ignore[index]
    window = view[max(0, att.evidence[0] - 300) : att.quote.open]
    nouns = [m["noun"] for m in _GROUP_BEFORE.finditer(window)]
    for noun in reversed(nouns):
        noun_one = noun[:-1] if noun.lower().endswith(("s", "x")) else noun
        if fold(noun_one) in FOLDED_HUMAN_NOUNS | _WITNESSES:
            name = f"{one} {noun_one.lower()}"
            att.why = f"« {sp.name} » : {name}, du groupe nommé juste avant"
            return Speaker(name, "anonymous", "a:" + fold(name), sp.gender, False)
    return None
