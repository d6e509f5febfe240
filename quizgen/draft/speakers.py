"""Who is who in an article: names, roles and one canonical name per speaker.

`M. Biden`, `le président Biden` and `Joe Biden` are one person; `Ouchakov`
and `Ushakov` are one spelling of the same name (`name_key`); `le président
russe` is the person the article introduced with that role; `le Kremlin` is
an institution; `un haut responsable` an anonymous person.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .firstnames import a_persons_name, french_name_gender, given_name_gender
from .lexicon import (
    ANONYMOUS_PERSON_NOUNS,
    DOCUMENT_NOUNS,
    INSTITUTION_NOUNS,
    NOT_NAMES,
    PERSON_KINDS,
    ROLE_NOUNS,
    ROLE_PERIPHRASES,
    TITLES,
    UNNAMED_WITNESS_NOUNS,
    role_gender,
    same_role,
)
from .nounphrase import _COMPLEMENT, NP, PRONOUNS, _balanced, is_role_head, parse_np
from .phraseshape import acronym, demonym
from .professions import PROFESSIONS
from .rolewords import head_word, leader, misspelt, nationality, other_nation, role_text, without_nation
from .tokens import Tok, fold, name_key, singular

# ---------------------------------------------------------------- speakers


@dataclass
class Person:
    """One person of the article, under every spelling it used."""

    key: str
    forms: Counter[str] = field(default_factory=Counter)  # full names as written
    surnames: Counter[str] = field(default_factory=Counter)
    gender: str | None = None
    gender_from_name: bool = False  # read off a given name of another locale, until the text says otherwise
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


_FOLDED_INSTITUTIONS = frozenset(fold(n) for n in INSTITUTION_NOUNS)
_CIRCLE_NOUNS = frozenset({"entourage", "services", "service", "bureau", "cabinet", "porte-voix"})


def _titled_article(np_: NP) -> bool:
    """'Le Parisien', 'La Croix' in mid-sentence: an article written with a capital is part of a
    title (a newspaper, a work), not a description of someone."""
    toks = np_.toks
    det = toks[np_.i]
    return (
        np_.det in ("le", "la", "les", "l'")
        and det.text[:1].isupper()
        and np_.i > 0
        and toks[np_.i - 1].word
        and np_.j - np_.i >= 2
        and all(t.cap for t in toks[np_.i + 1 : np_.j] if t.word)
    )


# Heads of roles that speak for a group ("chef de file des conservateurs", "porte-parole des
# agriculteurs" is not one of them: a spokesman is no farmer), folded.
_RELATIONS = frozenset(
    "collegue coequipier coequipiere ami amie camarade partenaire compagnon compagne voisin voisine".split()
)
_GROUP_HEADS = frozenset({"chef", "cheffe", "leader", "president", "presidente", "dirigeant", "dirigeante"})
_WRITERS = frozenset({"auteur", "auteure", "autrice"})  # "l'auteur des faits" is no writer


_LATTER_PRONOUNS = {fold("celui-ci"): "ce dernier", fold("celle-ci"): "cette dernière"}


def _latter_pronoun(text: str) -> Speaker | None:
    """'Celle-ci lui a assuré que « … »': the person named last, as 'cette dernière' is."""
    latter = _LATTER_PRONOUNS.get(fold(text))
    if latter is None:
        return None
    gender = "f" if latter.startswith("cette") else "m"
    return Speaker(latter, "anonymous", "a:" + fold(latter), gender, False)


# A plural kind of person after these is a group, not one unnamed person.
_GROUP_DETS = frozenset({"les", "des", "ces", "leurs", "nos", "vos", "mes", "tes", "ses", "aux", "plusieurs"})

class Registry:
    """The people and institutions an article names, with their roles."""

    def __init__(self) -> None:
        self.people: dict[str, Person] = {}
        self.roles: dict[str, set[str]] = {}
        self.institutions: dict[str, str] = {}  # fold(name) -> display
        self.shared_surnames: set[str] = set()  # name keys two people of the article bear
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
        if len(words) >= 2 and self._other_first_name(key, words[0]):
            # "Marie Durand" and her son "Hugo Durand": two people who share a surname.
            self.shared_surnames.add(key)
            key = f"{key}+{name_key(words[0])}"
        person = self.people.get(key)
        if person is None:
            person = self.people[key] = Person(key)
        person.first = min(person.first, pos)
        person.surnames[surname] += 1
        if len(words) >= 2:
            person.forms[" ".join(words)] += 1
        french = french_name_gender(words[0])
        if french:
            # "Cédric Chemineau" is no "elle", whatever noun the text writes before his name ("la
            # bibliothèque François Mitterrand"); a given name of either gender says nothing.
            person.gender, person.gender_from_name = french, False
        elif gender and (not person.gender or person.gender_from_name):
            person.gender, person.gender_from_name = gender, False
        elif not person.gender and (by_name := given_name_gender(words[0])):
            person.gender, person.gender_from_name = by_name, True  # until the text says otherwise
        if title and not person.titled:
            person.titled = f"{title} {surname}"
        if role:
            self.role_mentions.append((pos, key, role, apposition, det))
            written = " ".join(role.split())
            if role_text(written) not in {role_text(x) for x in person.roles}:
                person.roles.append(written)
            self.roles.setdefault(role_text(written), set()).add(key)
        return person

    def _other_first_name(self, key: str, first: str) -> bool:
        """Whether the person keyed `key` is written with another first name than `first`."""
        person = self.people.get(key)
        if person is None or not person.forms or len(first.rstrip(".")) < 2:
            return False
        firsts = {name_key(f.split()[0]) for f in person.forms}  # "Yuri" and "Iouri" are one spelling
        mine = name_key(first)
        return all(
            len(f) >= 2 and not f.startswith(mine) and not mine.startswith(f) and not misspelt(f, mine)
            for f in firsts
        )

    def person(self, name: str) -> Person | None:
        """The person a name stands for: by surname, else a first name that only one person
        of the article bears ('Léo' for 'Léo Tessier'); a surname two people share, alone, is
        no one in particular."""
        words = name.replace("’", "'").split()
        if not words:
            return None
        key = name_key(words[-1])
        if len(words) >= 2 and f"{key}+{name_key(words[0])}" in self.people:
            return self.people[f"{key}+{name_key(words[0])}"]
        if key in self.shared_surnames and len(words) == 1:
            return None
        found = self.people.get(key)
        first = next((w for w in words[:-1] if w.lower() not in TITLES), "")  # past "Dr.", "M."
        if found is not None and first and self._other_first_name(key, first):
            return None  # "Hugo Lemaire" is not the "Anna Lemaire" the article named before
        if found is not None or len(words) > 1:
            return found
        bearers = {p.key for p in self.people.values() for f in p.forms if f.split()[0] == words[0]}
        return self.people[bearers.pop()] if len(bearers) == 1 else None

    def by_role(self, role: str) -> tuple[Person | None, bool]:
        """The person an article names with `role` ('président russe'); (person, certain)."""
        r = role_text(role)
        keys = self.roles.get(r, set())
        if len(keys) == 1:
            return self.people[next(iter(keys))], True
        if keys:
            return None, False
        # "la commissaire européenne" for "la commissaire européenne à l'Énergie".
        longer = {k for rr, ks in self.roles.items() if rr.startswith(r + " ") for k in ks}
        if len(longer) == 1:
            return self.people[next(iter(longer))], False
        # "le chef du gouvernement" for the one person the article calls "Premier ministre".
        # "le chef de la diplomatie ukrainienne" for "le ministre ukrainien des Affaires étrangères".
        meant = ROLE_PERIPHRASES.get(without_nation(r), ())
        nat = nationality(r)
        by_office = {
            k
            for rr, ks in self.roles.items()
            if meant and without_nation(rr).startswith(meant) and nationality(rr) in (None, nat)
            for k in ks
        }
        if len(by_office) == 1:
            return self.people[next(iter(by_office))], False
        # "le coach duchérois" for the one person the article calls "l'entraîneur": the same head noun.
        head = head_word(r)
        heads = same_role(head) if head not in _WRITERS or len(r.split()) == 1 else {head}
        # "le président ivoirien" is not the one called "président sénégalais" (nat, above)
        abroad = {k for k in self.people if other_nation(self.people[k].roles, r)}
        by_head = {k for rr, ks in self.roles.items() if head_word(rr) in heads for k in ks} - abroad
        if len(by_head) == 1:
            return self.people[next(iter(by_head))], False
        # "le dirigeant russe" may be "le président russe": a leader of the same country.
        if nat and leader(r):
            found = {
                k for rr, ks in self.roles.items() if leader(rr) and nationality(rr) == nat for k in ks
            }
            if len(found) == 1:
                return self.people[next(iter(found))], False
        # "le chef de l'État" with no country: the one leader the article names, if only one.
        if leader(r) and not nat:
            found = {k for rr, ks in self.roles.items() if leader(rr) for k in ks}
            if len(found) == 1:
                return self.people[next(iter(found))], False
        return None, False

    def role_conflicts(self, person: Person, description: str) -> bool:
        """'le chef de l'ONU' cannot be a person the article calls its 'porte-parole'."""
        if not person.roles or all(head_word(r) in _RELATIONS for r in person.roles):
            return False  # "son collègue Paul Roy": a relation to someone, no function to conflict with
        nation = nationality(head_word(description))
        if nation:  # "l'Argentin", "le Français": a nationality, not a function
            return any(nationality(role) not in (None, nation) for role in person.roles)
        if other_nation(person.roles, description):
            return True  # "le président ivoirien" is not the one called "président sénégalais"
        head = head_word(description)
        bare = len(fold(description).split()) <= 2  # "l'auteure", not "l'auteur présumé de l'attaque"
        words = set(fold(description).split()) | (same_role(head) if bare or head not in _WRITERS else {head})
        for role in person.roles:
            role_words = set(fold(role).split())
            if head_word(role) in _GROUP_HEADS:
                # "le conservateur" is who the article calls "chef de file des conservateurs".
                role_words |= {singular(w) for w in role_words}
            if words & role_words - {"de", "la", "le", "l", "du", "des"}:
                return False
            if leader(role) and leader(description):
                return False
        return True

    # ---- speakers

    def speaker_from_np(self, np_: NP, source: str, *, create: bool = True) -> Speaker | None:
        """Resolve a speaker noun phrase to one canonical speaker.

        With `create`, an unknown name becomes a new person (a speaker named
        after a speech verb is someone); without, unknown names resolve to None.
        """
        toks = np_.toks
        if np_.head in PRONOUNS and np_.det is None:
            return None  # pronouns are resolved from context by the caller
        if (latter := _latter_pronoun(np_.text(source))) is not None:
            return latter
        if np_.apposition:
            a, b = np_.apposition
            words = [t.text for t in toks[a:b] if t.text != "-"]
            p = self.person(" ".join(words))
            if p is not None:
                return self.person_speaker(p, role=source[np_.start : toks[np_.j - 1].end])
        if np_.head in DOCUMENT_NOUNS:
            found, sp = self._document_author(np_, source, create)
            if found:
                return sp
        names = np_.names()
        text = _balanced(np_.text(source))
        head = np_.head or ""
        head_cap = np_.i < np_.j and any(t.low == head and t.cap for t in toks[np_.i : np_.j])
        named = self._named(np_, names, text, head_cap, create)
        if named is not None:
            return named
        if is_role_head(head, head_cap) and np_.det:
            role = source[toks[np_.i + 1].start : toks[np_.j - 1].end] if np_.j > np_.i + 1 else head
            p, certain = self.by_role(role)
            if p is not None:
                sp = self.person_speaker(p, role=role)
                sp.certain = certain
                return sp
        if demonym(np_, text) and self.person(text) is None:
            return self._anonymous(np_, text, certain=False)  # "a reconnu le Breton": a person described
        if _titled_article(np_):  # "selon Le Parisien", "rapporte La Croix": a title
            return self.institution(text)
        capitals = np_.det is None and text.isupper() and len(text) > 1
        if head in INSTITUTION_NOUNS or capitals or acronym(np_):
            return self.institution(text)  # "la CGT", "l'ONU": a body, not a description
        if (
            head in ANONYMOUS_PERSON_NOUNS
            or head in UNNAMED_WITNESS_NOUNS
            or (head in PERSON_KINDS and np_.det not in _GROUP_DETS)  # "l'une des lectrices"
            or (head in PROFESSIONS and np_.det in ("le", "la", "l'"))  # "le chanteur canadien"
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
            return self.institution(text)
        return None

    def _document_author(self, np_: NP, source: str, create: bool) -> tuple[bool, Speaker | None]:
        """'le communiqué de la Maison Blanche' → la Maison Blanche; (found, speaker)."""
        toks = np_.toks
        k = np_.i
        while k < np_.j and toks[k].low not in _COMPLEMENT:
            k += 1
        if k >= np_.j - 1:
            return False, None
        det = {"du": "le", "des": "les"}.get(toks[k].low)
        if det:
            inner = parse_np([*toks[:k], Tok(det, toks[k].start, toks[k].end), *toks[k + 1 : np_.j]], k)
        else:
            inner = parse_np(toks[: np_.j], k + 1)
        if inner is None:
            return False, None
        sp = self.speaker_from_np(inner, source, create=create)
        if sp is not None and np_.head in _CIRCLE_NOUNS:
            sp.certain = False  # "l'entourage de X" speaks for X, it is not X: to review
        if sp is not None and det and sp.name.lower().startswith(toks[k].low):
            sp.name = det + sp.name[len(toks[k].low) :]
        return True, sp

    def _named(
        self, np_: NP, names: list[tuple[int, int]], text: str, head_cap: bool, create: bool
    ) -> Speaker | None:
        """A name in the head position: 'le président américain Joe Biden', 'M. Biden', 'Ouchakov'."""
        toks, head = np_.toks, np_.head or ""
        for a, b in names:
            words = [t.text for t in toks[a:b]]
            joined = " ".join(words)
            given = a_persons_name(joined)  # "l'ailière gauche Coralie Lassource", read as a body
            if self._is_institution_name(joined) and not given:
                continue
            p = self.person(joined)
            if p is not None:
                p.surnames[words[-1]] += 1  # remember every spelling the article uses
                return self.person_speaker(p)
            if head in INSTITUTION_NOUNS and a > np_.i:
                return None
            if self.ner_labels.get(fold(joined)) in ("ORG", "LOC", "MISC") and np_.det is None and not given:
                return self.institution(text)
            titled = np_.det in ("m", "mme", "mlle", "monsieur", "madame")
            if create and (np_.det is None or titled or is_role_head(head, head_cap) or given):
                gender = TITLES.get("m." if np_.det == "m" else (np_.det or ""), None)
                p = self.add_person(words, toks[a].start, gender=gender)
                if p is not None:
                    return self.person_speaker(p)
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
                and self.person(name) is None  # "Ouchakov", a spelling of the person "Ushakov"
            )
        )

    def person_speaker(self, p: Person, role: str | None = None) -> Speaker:
        best = max(p.roles, key=lambda r: len(r.split()), default=None)  # the most specific
        if role:
            role = re.sub(r"^(?:le|la|les|l['’]|un|une|son|sa)\s*", "", " ".join(role.split()), flags=re.I)
        return Speaker(p.name, "person", "p:" + p.key, p.gender, True, role or best)

    def institution(self, text: str) -> Speaker:
        words = text.split()
        det = words[0].lower() if words else ""
        gender = {"la": "f", "le": "m", "les": None}.get(det)
        if det == "l'" or text.lower().startswith("l'"):
            gender = None
        name = text
        titled = len(words) == 2 and words[0][:1].isupper() and fold(words[1]) not in _FOLDED_INSTITUTIONS
        if (det in ("le", "la", "les") or text.lower().startswith("l'")) and not titled:
            name = text[0].lower() + text[1:]  # "le Kremlin"; but "Le Monde", "La Tribune" keep their capital
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
        gender = gender or role_gender(head)  # "l'échevin", "l'avocate": the noun's own form
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
                if h == head or (h in OFFICIALS and head in OFFICIALS):
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


OFFICIALS = frozenset({"responsable", "fonctionnaire", "officiel", "conseiller", "diplomate"})
