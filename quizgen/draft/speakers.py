"""Who is who in an article: names, roles and one canonical name per speaker.

`M. Biden`, `le président Biden` and `Joe Biden` are one person; `Ouchakov`
and `Ushakov` are one spelling of the same name (`name_key`); `le président
russe` is the person the article introduced with that role; `le Kremlin` is
an institution; `un haut responsable` an anonymous person.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..text import strip_accents
from .lexicon import (
    ANONYMOUS_PERSON_NOUNS,
    DOCUMENT_NOUNS,
    INSTITUTION_NOUNS,
    LEADER_NOUNS,
    NATIONALITIES,
    NOT_NAMES,
    NP_STOP_WORDS,
    ROLE_NOUNS,
    TITLES,
)
from .quotes import MASK

# ---------------------------------------------------------------- tokens

_TOKEN = re.compile(
    r"(?i:(?:qu|jusqu|lorsqu|puisqu|quoiqu|presqu|[ldjmnstc])')"
    r"|(?:M|Mme|Mlle|Dr|Pr|Me|St)\.(?=\s)"
    r"|[\w]+(?:[-.'][\w]+)*"
    rf"|{MASK}+"
    r"|\S"
)


@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def word(self) -> bool:
        return self.text[:1].isalnum()


def tokenize(view: str, start: int = 0, end: int | None = None) -> list[Tok]:
    end = len(view) if end is None else end
    return [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(view, start, end)]


# ---------------------------------------------------------------- name keys

_TRANSLIT = [
    ("tch", "ch"),
    ("ch", "sh"),
    ("ou", "u"),
    ("gue", "ge"),
    ("gui", "gi"),
    ("kh", "h"),
    ("dj", "j"),
    ("ck", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("y", "i"),
    ("ï", "i"),
]


def name_key(name: str) -> str:
    """A spelling-neutral key: Ouchakov/Ushakov, Poutine/Putin, Zelensky/Zelenskyy agree."""
    s = strip_accents(name).lower()
    s = re.sub(r"[^a-z]", "", s)
    for a, b in _TRANSLIT:
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    if len(s) > 4 and s.endswith("e"):
        s = s[:-1]
    return s


def fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", strip_accents(text).lower().replace("'", " ")).split())


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
    r"ières|ional|ionale|in|ine|ins|ines)$"
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


def _is_adjective(tok: Tok) -> bool:
    w = tok.low
    if w in NATIONALITIES:
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
                while k < self.j and ((self.toks[k].cap and self.toks[k].word) or _is_particle(self.toks, k)):
                    k += 1
                if not after_de:
                    out.append((a, k))
                continue
            k += 1
        return out


NOT_NAMES_OR_ROLES = NOT_NAMES | ROLE_NOUNS | INSTITUTION_NOUNS


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


def _is_particle(toks: list[Tok], k: int) -> bool:
    t = toks[k]
    return (
        t.low in ("de", "von", "van", "der", "den", "al", "ben", "bin", "da", "di", "del", "du", "le")
        and k + 1 < len(toks)
        and toks[k + 1].cap
        and toks[k + 1].word
        and k > 0
        and toks[k - 1].cap
    )


def parse_np(toks: list[Tok], i: int, *, role_mode: bool = False, bare_role: bool = False) -> NP | None:
    """The noun phrase starting at token i, or None: 'le président américain Joe Biden',
    "l'un des internautes", 'M. Biden', 'la position de la Maison Blanche', 'Ouchakov'.

    `role_mode` reads roles ('conseiller à la sécurité nationale'); `bare_role`
    accepts a role without determiner ('porte-parole du ministère')."""
    n = len(toks)
    if i >= n:
        return None
    j = i
    det: str | None = None
    low = toks[j].low
    # Multi-word determiners.
    if (
        low == "l'"
        and j + 2 < n
        and toks[j + 1].low in ("un", "une")
        and toks[j + 2].low in ("des", "d'entre")
    ):
        det, j = f"l'{toks[j + 1].low} des", j + 3
    elif low in ("un", "une") and j + 1 < n and toks[j + 1].low == "autre":
        det, j = f"{low} autre", j + 2
    elif low in DETERMINERS:
        det, j = low, j + 1
    elif low in TITLES:
        det, j = low.rstrip("."), j + 1
    if j >= n:
        return NP(toks, i, j, det, None) if det in ("un autre", "une autre") else None
    # Adjectives before the head.
    while j < n and toks[j].low in _PRE_ADJECTIVES and j + 1 < n and toks[j + 1].word:
        j += 1
    if j >= n or not toks[j].word or toks[j].text.startswith(MASK):
        if det in ("un autre", "une autre"):
            return NP(toks, i, j, det, None)
        return None
    head_tok = toks[j]
    if head_tok.low in NP_STOP_WORDS and not head_tok.cap:
        if det in ("un autre", "une autre"):
            return NP(toks, i, j, det, None)
        return None
    if head_tok.low in PRONOUNS and det is None:
        return NP(toks, i, j + 1, None, head_tok.low)
    if det is None and not head_tok.cap and not (bare_role and head_tok.low in ROLE_NOUNS):
        return None
    head = head_tok.low
    j += 1
    # Inside the name of a body ("l'association Droit au logement", "à l'Institut de recherche
    # pour le développement") lower-case words may follow 'pour', 'au'…; after a person's name
    # they start something else ("Joe Biden pour la première fois").
    in_name_of_body = head in INSTITUTION_NOUNS
    # A head written in several words: "chef de l'État", "premier ministre".
    while j < n:
        t = toks[j]
        if t.cap and t.word and (t.low not in NOT_NAMES or _is_title(t)):
            if toks[j - 1].low in ("l'", "du", "de", "des", "d'", "à", "au", "aux"):
                in_name_of_body = True  # "chercheuse à l'Institut…", "du Kremlin"
            j += 1  # names and name parts: 'le président Joe Biden'
        elif t.low == "l'" and t.cap and j + 1 < n and toks[j + 1].cap and toks[j + 1].word:
            j += 2  # a name with its article: 'le quotidien L'Équipe'
        elif (
            _is_particle(toks, j)
            or _is_adjective(t)
            or (t.low in ("à", "aux", "au") and role_mode and j + 1 < n)
        ):
            j += 1
        elif t.low in _COMPLEMENT and j + 1 < n:
            k = j + 1
            if toks[k].low in ("la", "l'", "le", "les"):
                k += 1
            if k < n and toks[k].word and (toks[k].cap or toks[k].low not in NP_STOP_WORDS):
                j = k + 1
            else:
                break
        elif t.low in ("la", "l'", "le", "les") and role_mode and toks[j - 1].low in ("à", "aux", "au"):
            j += 1
        elif t.low == "-" and j + 1 < n and toks[j + 1].cap:
            j += 2
        elif (
            in_name_of_body
            and t.low in ("au", "aux", "sans", "pour")
            and j + 1 < n
            and toks[j + 1].word
            and not toks[j + 1].cap
        ):
            # A name goes on in lower case after its capital: "l'association Droit au logement",
            # "l'Institut de recherche pour le développement".
            j += 2
            if toks[j - 1].low in ("le", "la", "les", "l'") and j < n and toks[j].word and not toks[j].cap:
                j += 1
        else:
            break
    np_ = NP(toks, i, j, det, head)
    # Apposition: "l'assistant du Kremlin, Yuri Ushakov," / "Jake Sullivan, le conseiller…,"
    if (
        j + 1 < n
        and toks[j].text == ","
        and toks[j + 1].cap
        and toks[j + 1].word
        and toks[j + 1].low not in NOT_NAMES
    ):
        k = j + 1
        while k < n and ((toks[k].cap and toks[k].word) or _is_particle(toks, k) or toks[k].text == "-"):
            k += 1
        if k == n or toks[k].text in (",", ".", ";", ")", "!", "?") or toks[k].low in NP_STOP_WORDS:
            np_.apposition = (j + 1, k)
    return np_


# ---------------------------------------------------------------- speakers


@dataclass
class Person:
    """One person of the article, under every spelling it used."""

    key: str
    forms: Counter[str] = field(default_factory=Counter)  # full names as written
    surnames: Counter[str] = field(default_factory=Counter)
    gender: str | None = None
    roles: list[str] = field(default_factory=list)
    titled: str | None = None  # "M. Bremmer" when no first name is known
    first: int = 10**9

    @property
    def name(self) -> str:
        if self.forms:
            best = max(self.forms.values())
            return next(f for f, c in self.forms.items() if c == best)
        if self.titled:
            return self.titled
        best = max(self.surnames.values())
        return next(f for f, c in self.surnames.items() if c == best)


@dataclass
class Speaker:
    """The resolved speaker of a quotation."""

    name: str
    kind: str  # person | institution | anonymous
    key: str
    gender: str | None = None
    certain: bool = True
    role: str | None = None
    via_pronoun: bool = False


def _role_text(role: str) -> str:
    return " ".join(role.lower().replace("’", "'").split())


def _nationality(role: str) -> str | None:
    for w in fold(role).split():
        if w in {fold(n) for n in NATIONALITIES}:
            return w[:5]  # américain/américaine → 'ameri'
    return None


def _leader(role: str) -> bool:
    r = fold(role)
    return any(r.startswith(fold(n)) for n in LEADER_NOUNS)


class Registry:
    """The people and institutions an article names, with their roles."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.roles: dict[str, set[str]] = {}
        self.institutions: dict[str, str] = {}  # fold(name) -> display
        self.ner_labels: dict[str, str] = {}  # fold(text) -> PER/ORG/LOC/MISC
        self.anonymous: list[tuple[int, str, str]] = []  # (position, head, display) of "un responsable…"
        self.last_anonymous_head: str | None = None
        # (position of the name, person key, role, written as an apposition)
        self.role_mentions: list[tuple[int, str, str, bool, str | None]] = []

    # ---- building

    def add_person(
        self,
        words: list[str],
        pos: int,
        *,
        gender: str | None = None,
        role: str | None = None,
        title: str | None = None,
        apposition: bool = True,
        det: str | None = None,
    ) -> Person | None:
        """Record a person (and the role the article gives them). `apposition` is False for
        title-like roles written before the name ('le président Biden')."""
        words = [w for w in words if w]
        while words and words[0].lower() in TITLES:
            words = words[1:]  # "Me Olivier Kerbrat" is Olivier Kerbrat
        if not words or any(w.lower() in NOT_NAMES for w in words[-1:]):
            return None
        surname = words[-1]
        key = name_key(surname)
        if len(key) < 2:
            return None
        person = self.people.get(key)
        if person is None:
            person = self.people[key] = Person(key)
        person.first = min(person.first, pos)
        person.surnames[surname] += 1
        if len(words) >= 2:
            person.forms[" ".join(words)] += 1
        if gender and not person.gender:
            person.gender = gender
        if title and not person.titled:
            person.titled = f"{title} {surname}"
        if role:
            self.role_mentions.append((pos, key, role, apposition, det))
            written = " ".join(role.split())
            if _role_text(written) not in {_role_text(x) for x in person.roles}:
                person.roles.append(written)
            self.roles.setdefault(_role_text(written), set()).add(key)
        return person

    def person(self, name: str) -> Person | None:
        words = name.replace("’", "'").split()
        if not words:
            return None
        return self.people.get(name_key(words[-1]))

    def by_role(self, role: str) -> tuple[Person | None, bool]:
        """The person an article names with `role` ('président russe'); (person, certain)."""
        r = _role_text(role)
        keys = self.roles.get(r, set())
        if len(keys) == 1:
            return self.people[next(iter(keys))], True
        if keys:
            return None, False
        # "la commissaire européenne" for "la commissaire européenne à l'Énergie".
        longer = {k for rr, ks in self.roles.items() if rr.startswith(r + " ") for k in ks}
        if len(longer) == 1:
            return self.people[next(iter(longer))], False
        # "le dirigeant russe" may be "le président russe": a leader of the same country.
        nat = _nationality(r)
        if nat and _leader(r):
            found = {
                k for rr, ks in self.roles.items() if _leader(rr) and _nationality(rr) == nat for k in ks
            }
            if len(found) == 1:
                return self.people[next(iter(found))], False
        return None, False

    # ---- speakers

    def speaker_from_np(self, np_: NP, source: str, *, create: bool = True) -> Speaker | None:
        """Resolve a speaker noun phrase to one canonical speaker.

        With `create`, an unknown name becomes a new person (a speaker named
        after a speech verb is someone); without, unknown names resolve to None.
        """
        toks = np_.toks
        if np_.head in PRONOUNS and np_.det is None:
            return None  # pronouns are resolved from context by the caller
        if np_.apposition:
            a, b = np_.apposition
            words = [t.text for t in toks[a:b] if t.text != "-"]
            p = self.person(" ".join(words))
            if p is not None:
                return self._person_speaker(p, role=source[np_.start : toks[np_.j - 1].end])
        # Document nouns: "le communiqué de la Maison Blanche" → la Maison Blanche.
        if np_.head in DOCUMENT_NOUNS:
            k = np_.i
            while k < np_.j and toks[k].low not in _COMPLEMENT:
                k += 1
            if k < np_.j - 1:
                det = {"du": "le", "des": "les"}.get(toks[k].low)
                if det:
                    inner_toks = [*toks[:k], Tok(det, toks[k].start, toks[k].end), *toks[k + 1 : np_.j]]
                    inner = parse_np(inner_toks, k)
                else:
                    inner = parse_np(toks[: np_.j], k + 1)
                if inner is not None:
                    sp = self.speaker_from_np(inner, source, create=create)
                    if sp is not None and det and sp.name.lower().startswith(toks[k].low):
                        sp.name = det + sp.name[len(toks[k].low) :]
                    return sp
        names = np_.names()
        text = _balanced(np_.text(source))
        head = np_.head or ""
        head_cap = np_.i < np_.j and any(t.low == head and t.cap for t in toks[np_.i : np_.j])
        # A name in the head position: 'le président américain Joe Biden', 'M. Biden', 'Ouchakov'.
        for a, b in names:
            words = [t.text for t in toks[a:b]]
            joined = " ".join(words)
            if self._is_institution_name(joined):
                continue
            p = self.person(joined)
            if p is not None:
                p.surnames[words[-1]] += 1  # remember every spelling the article uses
                return self._person_speaker(p)
            if head in INSTITUTION_NOUNS and a > np_.i:
                break
            if self.ner_labels.get(fold(joined)) in ("ORG", "LOC", "MISC") and np_.det is None:
                return self._institution(text)
            if create and (
                np_.det is None
                or np_.det in ("m", "mme", "mlle", "monsieur", "madame")
                or is_role_head(head, head_cap)
            ):
                gender = TITLES.get("m." if np_.det == "m" else (np_.det or ""), None)
                p = self.add_person(words, toks[a].start, gender=gender)
                if p is not None:
                    return self._person_speaker(p)
        if is_role_head(head, head_cap) and np_.det:
            role = source[toks[np_.i + 1].start : toks[np_.j - 1].end] if np_.j > np_.i + 1 else head
            p, certain = self.by_role(role)
            if p is not None:
                sp = self._person_speaker(p, role=role)
                sp.certain = certain
                return sp
        if head in INSTITUTION_NOUNS or (np_.det is None and text.isupper() and len(text) > 1):
            return self._institution(text)
        if (
            head in ANONYMOUS_PERSON_NOUNS
            or is_role_head(head, head_cap)
            or (np_.det and np_.det.endswith("autre"))
        ):
            return self._anonymous(np_, text)
        if not create:
            return None
        if np_.det in ("le", "la", "l'", "un", "une", "son", "sa", "ce", "cette", "cet") and not names:
            # Someone the article describes ("la championne", "un passant"): a person, unnamed.
            return self._anonymous(np_, text, certain=False)
        if np_.det or names:
            # An unknown plural or name: an institution or a group ("les autorités").
            return self._institution(text)
        return None

    def _is_institution_name(self, name: str) -> bool:
        f = fold(name)
        return (
            f in self.institutions
            or f in INSTITUTION_NOUNS
            or any(w in INSTITUTION_NOUNS for w in f.split()[:1])
            or (name.isupper() and len(name) <= 6)
            or (
                self.ner_labels.get(f) in ("ORG", "LOC")
                and f not in {fold(n) for p in self.people.values() for n in p.surnames}
            )
        )

    def _person_speaker(self, p: Person, role: str | None = None) -> Speaker:
        best = max(p.roles, key=lambda r: len(r.split()), default=None)  # the most specific
        if role:
            role = re.sub(r"^(?:le|la|les|l['’]|un|une|son|sa)\s*", "", " ".join(role.split()), flags=re.I)
        return Speaker(p.name, "person", "p:" + p.key, p.gender, True, role or best)

    def _institution(self, text: str) -> Speaker:
        words = text.split()
        det = words[0].lower() if words else ""
        gender = {"la": "f", "le": "m", "les": None}.get(det)
        if det == "l'" or text.lower().startswith("l'"):
            gender = None
        name = text
        if det in ("le", "la", "les") or text.lower().startswith("l'"):
            name = text[0].lower() + text[1:]
        key = "i:" + fold(re.sub(r"^(?:le|la|les|l')\s*", "", text, flags=re.IGNORECASE))
        self.institutions.setdefault(fold(name), name)
        return Speaker(name, "institution", key, gender)

    def _anonymous(self, np_: NP, text: str, *, certain: bool = True) -> Speaker:
        det = np_.det or ""
        gender = (
            "f"
            if det in ("la", "une", "l'une des", "une autre", "cette")
            else ("m" if det in ("le", "un", "l'un des", "un autre", "ce", "cet") else None)
        )
        head = np_.head or ""
        name = text
        if det in ("un autre", "une autre") and not head and self.last_anonymous_head:
            # "« … », a ajouté un autre": another of the people just quoted.
            name = f"{det} {self.last_anonymous_head}"
        if det in ("l'un des", "l'une des") and head:
            # "l'un des internautes" → "un internaute"
            singular = re.sub(r"(?<=[a-zé])s$", "", head)
            self.last_anonymous_head = singular
            rest = text.split(None, 2)[2] if len(text.split()) > 2 else head
            rest = rest.replace(head, singular, 1)
            article = "un" if det.startswith("l'un ") else "une"
            name = f"{article} {rest}"
        elif det in ("le", "la", "l'") and head:
            # "le responsable" after "un haut responsable de l'administration": the same person.
            for _pos, h, display in reversed(self.anonymous):
                if h == head or (h in _OFFICIALS and head in _OFFICIALS):
                    name = display
                    break
        elif det in ("un", "une") and head:
            self.anonymous.append((np_.start, head, text))
        if head and det not in ("l'un des", "l'une des"):
            self.last_anonymous_head = head
        # "l'élue écologiste", "le diplomate": someone the article named before, but whom?
        certain = certain and not (det in ("le", "la", "l'") and name == text and head in ROLE_NOUNS)
        return Speaker(name, "anonymous", "a:" + fold(name), gender, certain)

    def persons(self) -> list[Person]:
        return sorted(self.people.values(), key=lambda p: p.first)


_OFFICIALS = frozenset({"responsable", "fonctionnaire", "officiel", "conseiller", "diplomate"})


# ---------------------------------------------------------------- collecting people


def _name_run(toks: list[Tok], k: int) -> int:
    """End of the run of capitalised name tokens starting at k."""
    j = k
    while j < len(toks) and (
        (
            toks[j].cap
            and toks[j].word
            and toks[j].low not in NOT_NAMES_OR_ROLES
            and toks[j].low not in NATIONALITIES
        )
        or (
            j > k
            and (_is_particle(toks, j) or (toks[j].text == "-" and j + 1 < len(toks) and toks[j + 1].cap))
        )
    ):
        j += 1
    return j


def collect_people(
    registry: Registry,
    source: str,
    sentences: list[tuple[int, str]],
    ner: Sequence[tuple[int, int, str]] = (),
) -> None:
    """Fill `registry` with the people the article names: after a title (M. Biden), with a
    role (le président russe Vladimir Poutine; Jake Sullivan, le conseiller…; Marta
    Nowak, chercheuse à…), or found by the NER model (`ner`: (start, end, label) spans)."""
    for start, masked_text in sentences:
        toks = [Tok(t.text, t.start + start, t.end + start) for t in tokenize(masked_text)]
        for k, t in enumerate(toks):
            if t.low in TITLES and k + 1 < len(toks) and toks[k + 1].cap:
                j = _name_run(toks, k + 1)
                if j > k + 1:
                    title = "M." if TITLES[t.low] == "m" else ("Mme" if TITLES[t.low] == "f" else t.text)
                    registry.add_person(
                        [x.text for x in toks[k + 1 : j]], t.start, gender=TITLES[t.low], title=title
                    )
                continue
            if t.low in DETERMINERS:
                np_ = parse_np(toks, k, role_mode=True)
                if np_ is None or not np_.head or not is_role_head(np_.head, toks[k + 1].cap):
                    continue
                gender = {"le": "m", "un": "m", "la": "f", "une": "f", "son": None, "sa": "f"}.get(t.low)
                plural = t.low in ("les", "des", "ces", "leurs", "nos", "deux", "trois", "plusieurs")
                runs = np_.names()
                if runs and runs[-1][1] == np_.j:
                    # "le président russe Vladimir Poutine": a title-like role, vague when one word.
                    a, b = runs[-1]
                    role = source[toks[k + 1].start : toks[a - 1].end] if a > k + 1 else np_.head
                    registry.add_person(
                        [x.text for x in toks[a:b] if x.text != "-"],
                        toks[a].start,
                        gender=None if plural else gender,
                        role=None if plural else role,
                        apposition=False,
                        det=t.low,
                    )
                elif np_.apposition and not plural:
                    a, b = np_.apposition
                    role = source[toks[k + 1].start : toks[np_.j - 1].end]
                    registry.add_person(
                        [x.text for x in toks[a:b] if x.text != "-"],
                        toks[a].start,
                        gender=gender,
                        role=role,
                        det=t.low,
                    )
                elif t.low in ("un", "une") and np_.head in ANONYMOUS_PERSON_NOUNS | _OFFICIALS:
                    registry.anonymous.append((t.start, np_.head, source[np_.start : toks[np_.j - 1].end]))
            elif t.low in ("un", "une") and k + 1 < len(toks):
                np_ = parse_np(toks, k)
                if np_ is not None and np_.head in ANONYMOUS_PERSON_NOUNS | _OFFICIALS:
                    registry.anonymous.append((t.start, np_.head, source[np_.start : toks[np_.j - 1].end]))
            elif (
                t.cap
                and t.word
                and t.low not in NOT_NAMES_OR_ROLES
                and (k == 0 or not toks[k - 1].cap or toks[k - 1].low in NOT_NAMES)
            ):
                j = _name_run(toks, k)
                # "Jake Sullivan, le conseiller à la sécurité nationale," / "Marta Nowak, chercheuse à…"
                if j - k >= 2 and j + 1 < len(toks) and toks[j].text == ",":
                    bare = toks[j + 1].low not in ("le", "la", "l'")
                    np_ = parse_np(toks, j + 1, role_mode=True, bare_role=bare)
                    closed = np_ is not None and (
                        np_.j == len(toks) or toks[np_.j].text in (",", ".", ";", ")", "(")
                    )
                    if np_ is not None and closed and np_.head in ROLE_NOUNS and not np_.names():
                        first = j + 1 if bare else j + 2
                        role = source[toks[first].start : toks[np_.j - 1].end]
                        gender = {"le": "m", "la": "f"}.get(toks[j + 1].low)
                        registry.add_person(
                            [x.text for x in toks[k:j] if x.text != "-"],
                            t.start,
                            gender=gender,
                            role=role,
                            det=None if bare else toks[j + 1].low,
                        )
    persons_seen: Counter[str] = Counter()
    for a, b, label in ner:
        words = source[a:b].replace("’", "'").split()
        registry.ner_labels.setdefault(fold(source[a:b]), label)
        if label != "PER":
            continue
        while words and (words[0].lower() in TITLES or words[0].lower() in NOT_NAMES_OR_ROLES):
            words = words[1:]
        if not words or not all(w[:1].isupper() and not any(c.isdigit() for c in w) for w in words):
            continue
        if any(len(w) > 1 and w.isupper() for w in words) or any(
            "-" in w and all(name_key(x) in registry.people for x in w.split("-")) for w in words
        ):
            continue  # "Y COMPRIS" (a shouted heading), "Biden-Poutine" (two people)
        if len(words) > 4 or any(w.lower() in NOT_NAMES_OR_ROLES for w in words):
            continue
        if len(words) >= 2 or name_key(words[-1]) in registry.people:
            registry.add_person(words, a)
        else:
            persons_seen[words[0]] += 1
    for word, count in persons_seen.items():
        if count >= 2 and fold(word) not in INSTITUTION_NOUNS:
            registry.add_person([word], source.find(word))
