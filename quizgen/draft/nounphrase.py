"""Noun phrases as French news writes them: 'le président américain Joe Biden',
"l'un des internautes", 'M. Biden', 'la position de la Maison Blanche'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import INSTITUTION_NOUNS, NATIONALITIES, NOT_NAMES, NP_STOP_WORDS, ROLE_NOUNS, TITLES
from .quotes import MASK
from .tokens import Tok

# ---------------------------------------------------------------- noun phrases

DETERMINERS = frozenset(
    {
        "le",
        "la",
        "l'",
        "les",
        "un",
        "une",
        "des",
        "ce",
        "cet",
        "cette",
        "ces",
        "son",
        "sa",
        "ses",
        "leur",
        "leurs",
        "notre",
        "nos",
        "mon",
        "ma",
        "mes",
        "votre",
        "vos",
        "plusieurs",
        "deux",
        "trois",
        "certains",
        "certaines",
        "quelques",
        "d'autres",
    }
)
_PRE_ADJECTIVES = frozenset(
    {
        "haut",
        "haute",
        "hauts",
        "hautes",
        "ancien",
        "ancienne",
        "anciens",
        "nouveau",
        "nouvelle",
        "nouvel",
        "premier",
        "première",
        "premiers",
        "autre",
        "autres",
        "jeune",
        "grand",
        "grande",
        "principal",
        "principale",
        "ex",
        "seul",
        "petit",
        "futur",
        "future",
        "vieux",
        "vieil",
        "proche",
        "éminent",
        "éminente",
        "simple",
        "même",
        "vice",
    }
)
_ADJECTIVE_SUFFIX = re.compile(
    r"(?:ien|ienne|iens|iennes|ais|aise|aises|ain|aine|ains|aines|ique|iques|al|ale|aux|ales|el|elle|els|"
    r"elles|if|ive|ifs|ives|eux|euse|euses|aire|aires|oire|oires|é|ée|és|ées|iste|istes|ier|ière|iers|"
    r"ère|ères|ieur|ieure|ieurs|ieures|"
    r"ières|ional|ionale|in|ine|ins|ines|ois|oise|oises)$"  # -ois: demonyms ('le coach duchérois')
)
_NOT_ADJECTIVES = frozenset(
    {
        "est",
        "été",
        "a",
        "ont",
        "va",
        "vont",
        "sera",
        "serait",
        "fait",
        "dit",
        "mais",
        "fois",
        "mois",
        "bois",
        "trois",
        "parfois",
        "toutefois",
        "autrefois",
        "entre",
        "contre",
        "pendant",
        "après",
        "avant",
        "selon",
        "ainsi",
        "aussi",
        "déclaré",
        "affirmé",
        "indiqué",
        "estimé",
        "ajouté",
        "expliqué",
        "précisé",
        "souligné",
        "rappelé",
        "noté",
        "annoncé",
        "assuré",
        "confirmé",
        "jugé",
        "qualifié",
        "commenté",
        "lancé",
        "répliqué",
        "insisté",
        "demandé",
        "martelé",
        "raconté",
        "regretté",
        "déploré",
        "dénoncé",
        "reconnu",
        "répondu",
        "averti",
        "tweeté",
        "observé",
        "confié",
        "réitéré",
        "résumé",
        "tranché",
        "poursuivi",
        "fin",
        "loin",
        "soin",
        "besoin",
        "main",
        "demain",
        "matin",
        "certain",
        "lendemain",
        "bien",
        "rien",
        "sien",
        "lien",
        "tel",
        "quel",
        "chez",
    }
)
_COMPLEMENT = frozenset({"de", "du", "des", "d'"})
PRONOUNS = {"il": "m", "elle": "f", "ils": "m", "elles": "f", "lui": "m", "on": None}


_SIDES = frozenset({"gauche", "droit", "droite"})  # "l'ailière gauche", "l'arrière droit"
# "le milieu de terrain X", "le demi de mêlée X": a position on the field before a name.
_POSITIONS = frozenset({"milieu", "meneur", "meneuse", "demi"})


def _is_adjective(tok: Tok) -> bool:
    w = tok.low
    if w in NATIONALITIES or w in _SIDES:
        return True
    if w in _NOT_ADJECTIVES or w in NP_STOP_WORDS or not tok.word or tok.cap:
        return False
    return bool(_ADJECTIVE_SUFFIX.search(w)) and len(w) > 3


@dataclass
class NP:
    """A noun phrase as written: tokens [i, j), its head noun and an appositive name."""

    toks: list[Tok]
    i: int
    j: int
    det: str | None
    head: str | None
    apposition: tuple[int, int] | None = None  # token range of ", Name," after the NP

    @property
    def start(self) -> int:
        return self.toks[self.i].start

    @property
    def end(self) -> int:
        if self.apposition:
            return self.toks[self.apposition[1] - 1].end
        return self.toks[self.j - 1].end

    def text(self, source: str) -> str:
        return source[self.start : self.toks[self.j - 1].end]

    def _bare_complement(self, a: int) -> bool:
        """'le milieu de terrain Paul Roy', 'la cheffe de projet Anne Roux', 'le ministre de la
        santé Aurélien Rousseau': a noun after 'de' (and its article) completes the title before
        the name at a."""
        before = self.toks[a - 1]
        if not before.word or before.cap or before.low in INSTITUTION_NOUNS:
            return False  # "le directeur de l'hôpital Jean Bernard": maybe the hospital's name
        de = a - 2 if self.toks[a - 2].low in ("de", "d'") else a - 3
        article = de == a - 3 and self.toks[a - 2].low in ("la", "l'")
        if de < 1 or self.toks[de].low not in ("de", "d'") or (de == a - 3 and not article):
            return False
        return is_role_head(self.toks[de - 1].low) or self.toks[de - 1].low in _POSITIONS

    def names(self) -> list[tuple[int, int]]:
        """Runs of capitalised tokens inside the NP (not after 'de'): candidate names."""
        out: list[tuple[int, int]] = []
        k = self.i
        after_de = False
        while k < self.j:
            t = self.toks[k]
            if (
                t.low in _COMPLEMENT
                or t.low in ("à", "au", "aux")
                or (t.low in ("la", "l'", "le", "les") and after_de)
            ):
                after_de = True
                k += 1
                continue
            if (
                t.cap
                and t.word
                and not _is_title(t)
                and t.low not in NOT_NAMES_OR_ROLES
                and t.low not in NATIONALITIES
                and not (len(t.text) > 1 and t.text.isupper())
            ):
                a = k
                while k < self.j and ((self.toks[k].cap and self.toks[k].word) or is_particle(self.toks, k)):
                    k += 1
                if not after_de:
                    out.append((a, k))
                elif k == self.j and (k - a >= 3 or (k - a == 2 and a > 0 and self.toks[a - 1].cap)):
                    # "la ministre de la Culture Jeanne Martin", "le secrétaire général de l'ONU
                    # Ban Ki-moon": the body's name, then a first name and a surname ending the phrase.
                    first = k - 3 if k - 3 >= a and is_particle(self.toks, k - 2) else k - 2
                    if (first > a and self.toks[a - 1].low in _BEFORE_BODY_NAME) or self.toks[a - 1].cap:
                        # "… l'Économie Bruno Le Maire": the particle's first name too; but in
                        # "le procureur de la République de Pau" no body's name is left before it.
                        out.append((first, k))
                elif k == self.j and k - a >= 2 and a >= 2 and self._bare_complement(a):
                    out.append((a, k))
                continue
            if after_de and t.word and not t.cap and _is_adjective(t) and self.toks[k - 1].cap:
                after_de = False  # "le chef de l'État sénégalais Abdoulaye Wade": the adjective ends it
            k += 1
        return out


NOT_NAMES_OR_ROLES = NOT_NAMES | ROLE_NOUNS | INSTITUTION_NOUNS
# "de la Culture Jeanne Martin": the body's name right after 'de (la)'; after "de l'hôpital"
# the capitalised words may all be the hospital's name ("l'hôpital Pierre Paul Riquet").
_BEFORE_BODY_NAME = frozenset({"de", "du", "des", "d'", "la", "l'", "le", "les"})


def _balanced(text: str) -> str:
    """Close a quotation mark the noun phrase opened: 'le quotidien “L'Équipe”'."""
    for a, b in (("“", "”"), ("«", "»")):
        if text.count(a) > text.count(b):
            text += ("\u00a0" if a == "«" else "") + b
    return text


def is_role_head(word: str, capitalised: bool = False) -> bool:
    """A function ('ministre') or, written with a capital, a demonym ('l'Éthiopienne')."""
    w = word.lower()
    return w in ROLE_NOUNS or (capitalised and w in NATIONALITIES)


def _is_title(t: Tok) -> bool:
    return t.low in TITLES


NAME_PARTICLES = ("de", "von", "van", "der", "den", "al", "ben", "bin", "da", "di", "del", "du", "le", "la")


def is_particle(toks: list[Tok], k: int) -> bool:
    """'de' in 'Charles de Gaulle'; 'von der' in 'Ursula von der Leyen', 'de la' in 'Anne Morel de
    la Tour' (two particles in a row; 'la' only after 'de')."""
    t = toks[k]
    if t.low not in NAME_PARTICLES or k == 0 or k + 1 >= len(toks):
        return False
    if t.low == "la" and toks[k - 1].low != "de":
        return False
    before = toks[k - 1].cap or (toks[k - 1].low in NAME_PARTICLES and k > 1 and toks[k - 2].cap)
    after = (toks[k + 1].cap and toks[k + 1].word) or (
        toks[k + 1].low in NAME_PARTICLES and k + 2 < len(toks) and toks[k + 2].cap
    )
    return before and after


def _determiner(toks: list[Tok], i: int) -> tuple[str | None, int]:
    """The determiner (or title) opening the noun phrase at i, and where the rest starts."""
    n = len(toks)
    low = toks[i].low
    if (
        low == "l'"
        and i + 2 < n
        and toks[i + 1].low in ("un", "une")
        and toks[i + 2].low in ("des", "d'entre")
    ):
        return f"l'{toks[i + 1].low} des", i + 3
    if (
        low in ("un", "une")
        and i + 2 < n
        and toks[i + 1].low in ("de", "d'entre")
        and toks[i + 2].low in ("ses", "leurs", "nos", "vos", "mes", "ces", "eux", "elles")
    ):
        return f"{low} {toks[i + 1].low} {toks[i + 2].low}", i + 3  # "un de ses collègues"
    if low in ("un", "une") and i + 1 < n and toks[i + 1].low == "autre":
        return f"{low} autre", i + 2
    if low in DETERMINERS:
        return low, i + 1
    if low in TITLES:
        return low.rstrip("."), i + 1
    return None, i


def parse_np(toks: list[Tok], i: int, *, role_mode: bool = False, bare_role: bool = False) -> NP | None:
    """The noun phrase starting at token i, or None: 'le président américain Joe Biden',
    "l'un des internautes", 'M. Biden', 'la position de la Maison Blanche', 'Ouchakov'.

    `role_mode` reads roles ('conseiller à la sécurité nationale'); `bare_role`
    accepts a role without determiner ('porte-parole du ministère')."""
    n = len(toks)
    if i >= n:
        return None
    det, j = _determiner(toks, i)
    another = det in ("un autre", "une autre")
    # Adjectives before the head.
    while j < n and toks[j].low in _PRE_ADJECTIVES and j + 1 < n and toks[j + 1].word:
        j += 1
    if j >= n or not toks[j].word or toks[j].text.startswith(MASK):
        return NP(toks, i, j, det, None) if another else None
    head_tok = toks[j]
    if another and head_tok.low in _COMPLEMENT:
        return NP(toks, i, j, det, None)  # "Et un autre de rétorquer": no head noun, no "de"
    if head_tok.low in NP_STOP_WORDS and not head_tok.cap:
        return NP(toks, i, j, det, None) if another else None
    if head_tok.low in PRONOUNS and det is None:
        return NP(toks, i, j + 1, None, head_tok.low)
    if det is None and not head_tok.cap and not (bare_role and head_tok.low in ROLE_NOUNS):
        return None
    head = head_tok.low
    j = _head_end(toks, j + 1, head in INSTITUTION_NOUNS, role_mode)
    after = party_label(toks, j)
    if det is not None and after < n and (toks[after].low in _COMPLEMENT or toks[after].cap):
        # "la maire (PS) de Vierzon", "le député (LR) Julien Dive": a party label inside the role.
        j = _head_end(toks, after, head in INSTITUTION_NOUNS, role_mode)
    np_ = NP(toks, i, j, det, head)
    np_.apposition = _apposition(toks, j)
    return np_


def party_label(toks: list[Tok], j: int) -> int:
    """After '(PS)', '(Les Républicains)' at token j: where the words after it start (j if none)."""
    if j >= len(toks) or toks[j].text != "(":
        return j
    k = j + 1
    while k < len(toks) and k <= j + 3 and toks[k].cap and toks[k].word:
        k += 1
    return k + 1 if k > j + 1 and k < len(toks) and toks[k].text == ")" else j


def _head_end(toks: list[Tok], j: int, in_name_of_body: bool, role_mode: bool) -> int:
    """Where a head written in several words ends: "chef de l'État", "président Joe Biden".

    Inside the name of a body ("l'association Droit au logement", "à l'Institut de recherche
    pour le développement") lower-case words may follow 'pour', 'au'…; after a person's name
    they start something else ("Joe Biden pour la première fois")."""
    n = len(toks)
    while j < n:
        t = toks[j]
        if t.cap and t.word and (t.low not in NOT_NAMES or _is_title(t)):
            if toks[j - 1].low in ("l'", "du", "de", "des", "d'", "à", "au", "aux"):
                in_name_of_body = True  # "chercheuse à l'Institut…", "du Kremlin"
            j += 1  # names and name parts: 'le président Joe Biden'
        elif (
            (t.low == "l'" or (in_name_of_body and t.low in ("le", "la", "les")))
            and t.cap
            and j + 1 < n
            and toks[j + 1].cap
            and toks[j + 1].word
        ):
            # a name with its article: 'le quotidien L'Équipe', "l'association Les Amis du Parc"
            # (not 'la députée La France insoumise X': the party's name, then the person's)
            j += 2
        elif (
            is_particle(toks, j)
            or _is_adjective(t)
            or (t.low in ("à", "aux", "au") and role_mode and j + 1 < n)
        ):
            j += 1
        elif t.low in _COMPLEMENT and j + 1 < n:
            k = j + 1
            if toks[k].low in ("la", "l'", "le", "les"):
                k += 1
            if not (k < n and toks[k].word and (toks[k].cap or toks[k].low not in NP_STOP_WORDS)):
                break
            j = k + 1
        elif t.low in ("la", "l'", "le", "les") and role_mode and toks[j - 1].low in ("à", "aux", "au"):
            j += 1
        elif t.low == "-" and j + 1 < n and toks[j + 1].cap:
            j += 2
        elif t.low == "et" and _second_role(toks, j):
            j += 2  # "le maire et président de l'agglomération Paul Girard": one person, two roles
        elif (
            in_name_of_body
            and t.low in ("au", "aux", "sans", "pour")
            and j + 1 < n
            and toks[j + 1].word
            and not toks[j + 1].cap
        ):
            # "l'association Droit au logement", "l'Institut de recherche pour le développement"
            j += 2
            if toks[j - 1].low in ("le", "la", "les", "l'") and j < n and toks[j].word and not toks[j].cap:
                j += 1
        else:
            break
    return j


def _second_role(toks: list[Tok], j: int) -> bool:
    """'et' then a role noun in lower case, before any name: the same person's second role
    ('la chanteuse et comédienne', 'le maire et président de …'), not a second person."""
    nxt = toks[j + 1] if j + 1 < len(toks) else None
    if nxt is None or nxt.cap or nxt.low not in ROLE_NOUNS:
        return False
    k = j - 1
    while k >= 0 and toks[k].word and not toks[k].cap and toks[k].low not in ("le", "la", "l'", "les"):
        k -= 1
    return k >= 0 and toks[k].low in ("le", "la", "l'") and toks[k + 1].low in ROLE_NOUNS


def _apposition(toks: list[Tok], j: int) -> tuple[int, int] | None:
    """ ", Yuri Ushakov," after "l'assistant du Kremlin": the name in apposition."""
    n = len(toks)
    if not (j + 1 < n and toks[j].text == "," and toks[j + 1].cap and toks[j + 1].word):
        return None
    if toks[j + 1].low in NOT_NAMES:
        return None
    k = j + 1
    while k < n and ((toks[k].cap and toks[k].word) or is_particle(toks, k) or toks[k].text == "-"):
        k += 1
    if k == n or toks[k].text in (",", ".", ";", ")", "!", "?") or toks[k].low in NP_STOP_WORDS:
        return (j + 1, k)
    return None
