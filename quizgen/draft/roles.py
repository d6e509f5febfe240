"""People with the role the article gives them, written before or after the name.

"la ministre de la Culture Jeanne Martin", "Jeanne Martin, maire de Lyon",
"Mauricio Pochettino est le nouveau coach de Chelsea": the parse links the
name and the role noun (appos, a copula); the rules of people.py add the roles
they found while collecting people. A relation ("son mari", "son homologue")
is not a function, and a one-word title before a name ("le président Biden")
is too vague to ask about.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from .clean import Article
from .lexicon import ANONYMOUS_PERSON_NOUNS, ROLE_NOUNS
from .nlp import Token, token_span, within
from .phrases import time_word
from .professions import PROFESSIONS
from .quotes import Sentence
from .speakers import Registry
from .tokens import fold
from .trivia import a_firm
from .writtenroles import MAX_ROLE_WORDS, is_function_word, written_roles

_RELATIONAL = frozenset(
    """
    homologue homologues prédécesseur successeur adversaire rival rivale allié alliée ami amie
    épouse époux mari femme compagne compagnon fils fille père mère frère sœur soeur oncle tante
    cousin cousine enfant enfants
""".split()
)
# A person's function often ends so: entraîneur, directrice, journaliste, politologue, pharmacien.
_PERSON_ENDINGS = re.compile(r"(?:eur|euse|rice|iste|logue|ien|ienne|naire|taire|cier|cière|aute)$")
_NOT_ROLES = frozenset("mardi lundi mercredi jeudi vendredi samedi dimanche an ans mois jour fois".split())
_CUT = frozenset({",", ";", ":", "qui", "que", "dont", "«", "»", "“", "”", '"'})


@dataclass(frozen=True)
class RolePair:
    sentence: int
    person: str  # canonical name
    role: str  # as written, without its determiner: "conseiller à la sécurité nationale des Etats-Unis"
    det: str | None = None  # the determiner the article used: le, la, l'…
    guess: str | None = None  # why the role is only guessed (a title alone tied to a name nearby)


def _sentence_of(sentences: list[Sentence], pos: int) -> int:
    return max((i for i, s in enumerate(sentences) if s.start <= pos), default=0)


def find_roles(
    article: Article,
    sentences: list[Sentence],
    registry: Registry,
    tokens: list[Token] | None = None,
    ner: list[tuple[int, int, str]] | None = None,
    quoted: Sequence[tuple[int, int]] = (),
) -> list[RolePair]:
    """People introduced with a role, once per (person, role), in reading order: those the
    rules found while collecting people, and those the parse links to a name. A title inside a
    quotation (`quoted`: spans) is no one's role ("« on doit rappeler le médecin »")."""
    found: list[tuple[int, str, str, bool, str | None, str | None]] = [
        (pos, key, role, apposition, det, None) for pos, key, role, apposition, det in registry.role_mentions
    ]
    if tokens and ner:
        found += [(*f, None) for f in parsed_roles(article.text, tokens, ner, registry)]
        found += [(*f, None) for f in written_roles(article.text, tokens, ner, registry)]
        named = {fold(f[2]) for f in found}
        found += [
            f
            for f in title_roles(article.text, sentences, tokens, ner, registry)
            if fold(f[2]) not in named and not any(a <= f[0] < b for a, b in quoted)
        ]
    out: list[RolePair] = []
    found = [(*f[:2], part, *f[3:]) for f in found for part in _split_joined(f[2])]
    for pos, key, role, apposition, det, guess in sorted(found, key=lambda f: f[0]):
        person = registry.people.get(key)
        name = person.name if person else key
        role = _GENITIVE.sub("", _TAIL.sub("", " ".join(role.split())).strip(" ,;:"))  # "[du] Premier…"
        if not role or (len(role.split()) < 2 and not apposition and role.lower() not in _ONE_WORD_ROLES):
            continue  # "le président Biden": too vague to ask about (president of what?)
        if fold(role).split()[0] in _RELATIONAL:
            continue  # "son homologue russe": a relation, not a function
        if _cut_or_named(role, name, registry):
            continue
        if a_firm(article.text, name):
            continue  # "la bibliothèque François Mitterrand …, cet établissement": no one's role
        # The same role once, in its longest wording: "président", "président (DVG) de la Métropole".
        same = next((i for i, r in enumerate(out) if r.person == name and _overlap(r.role, role)), None)
        if same is None:
            out.append(RolePair(_sentence_of(sentences, pos), name, role, det, guess))
        elif _better(out[same], role, guess):
            old = out[same]
            where = old.sentence if not old.guess else _sentence_of(sentences, pos)
            out[same] = RolePair(where, name, role, det or old.det, guess)
    return out


# One word that says the whole function, of the place the article is about: "la préfète Anne Colin".
_OFFICES = frozenset(
    "porte-parole maire préfet préfète sénateur sénatrice bourgmestre échevin échevine procureur "
    "procureure avocat avocate roi reine pape".split()
)
_ONE_WORD_ROLES = _OFFICES | PROFESSIONS  # a role in itself: "le maire X", "l'écrivain X"
_NO_FUNCTION = frozenset(fold(w) for w in "premier première seul seule nouveau nouvelle dernier".split())
_CUT_FROM_ITS_NOUN = re.compile(r"(?:au|aux|à)\s", re.IGNORECASE)
_GENITIVE = re.compile(r"^(?:du|des|de\s+la|de\s+l['’]|d['’])\s*(?=\S)", re.IGNORECASE)
_FULL_NAME = re.compile(r"[A-ZÀ-Ý][\w-]+\s+[A-ZÀ-Ý][\w-]+")


def _cut_or_named(role: str, name: str, registry: Registry) -> bool:
    """A role cut from its noun ("[premier adjoint] au maire"), an adjective alone ("première"),
    or one naming another person ("sénateur Alain Marc"): no function to ask about."""
    if _CUT_FROM_ITS_NOUN.match(role) or all(fold(w) in _NO_FUNCTION for w in role.split()):
        return True
    for m in _FULL_NAME.finditer(role):
        other = registry.person(m.group())
        if other is not None and other.name != name:
            return True
    return False


# What follows a role and is no part of it: an age, a cause, a time ("chanteur britannique de 70 ans",
# "coach intérimaire suite au départ de Graham Potter").
_TAIL = re.compile(
    r"\s+(?:de\s+\d+(?:\s+ans\b|\s*$)|âgée?\s+de\b|suite\s+(?:à|au|aux)\b|depuis\b|après\b|lors\s+d).*$"
)


def _split_joined(role: str) -> list[str]:
    """ "président de la métropole et maire de Pont-de-Claix": two roles."""
    parts = re.split(r"\s+et\s+(?=(?:\w+\s+)?([\w-]+))", role)
    out, k = [parts[0]], 1
    while k + 1 < len(parts):
        alone = len(out[-1].split()) == 1  # "notaire et trésorière de …": one role
        if not alone and (is_function_word(parts[k]) or is_function_word(parts[k + 1].split()[0])):
            out.append(parts[k + 1])
        else:
            out[-1] += " et " + parts[k + 1]
        k += 2
    return out


def _better(old: RolePair, role: str, guess: str | None) -> bool:
    """A role read from the article's words beats a guessed one; else the longer wording wins."""
    if bool(old.guess) != bool(guess):
        return not guess
    return len(role) > len(old.role)


def _overlap(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    return fa in fb or fb in fa


def _is_role_noun(tree: _Tree, i: int, before_name: bool) -> bool:
    """A noun that can be a person's function (before a name, only a noun that names people)."""
    tok = tree.toks[i]
    word = tree.word(i)
    low = word.lower()
    if low in _RELATIONAL or low in _NOT_ROLES or not word[:1].isalpha():
        return False
    if not all(part[:1].islower() for part in word.split("-")):
        return False  # "l'Argentin", "(OL)", "ex-PS": a name, a club, a party
    if low in ROLE_NOUNS or low in ANONYMOUS_PERSON_NOUNS:
        return True
    if before_name:
        return tok.pos == "NOUN" and bool(_PERSON_ENDINGS.search(low.split("-")[-1].rstrip("s")))
    if tok.pos not in ("NOUN", "ADP", "X"):  # "Frank Lampard, coach intérimaire" (tagged ADP)
        return False
    return not any(tree.toks[k].dep == "advmod" and k < i for k in tree.kids.get(i, ()))  # "bien conscient"


def _appos_role_noun(tree: _Tree, i: int, before_name: bool) -> bool:
    """A role noun written after a name and its comma, not a verb the tagger read as a noun: a
    role noun is followed by de, à, an adjective or a comma, never directly by a determiner
    ("Léa Morin, saluée pour son jeu, garde la coupe": "garde" is the verb)."""
    follows = tree.word(i + 1) if i + 1 < len(tree.toks) else ""
    return follows not in _DETERMINERS_AFTER and _is_role_noun(tree, i, before_name)


class _Tree:
    """The parse of an article: children of each token, and the text."""

    def __init__(self, text: str, tokens: list[Token]):
        self.text = text
        self.toks = tokens
        self.kids: dict[int, list[int]] = defaultdict(list)
        for i, t in enumerate(tokens):
            if t.head != i:
                self.kids[t.head].append(i)

    def word(self, i: int) -> str:
        return self.text[self.toks[i].start : self.toks[i].end]

    def subtree(self, i: int) -> list[int]:
        out, todo = [], [i]
        while todo:
            j = todo.pop()
            out.append(j)
            todo.extend(self.kids.get(j, ()))
        return sorted(out)

    def det(self, i: int) -> str | None:
        for k in self.kids.get(i, ()):
            if self.toks[k].dep == "det" and k < i:
                return self.word(k).lower().replace("’", "'")
        return None


def _role_text(tree: _Tree, noun: int, stop: set[int], until: int | None = None) -> str | None:
    """The role phrase around `noun`: its words from the first after the determiner, up to a
    comma, a relative pronoun, one of `stop` (the name) or position `until`."""
    span = set(tree.subtree(noun)) - stop
    start = noun
    while (
        start - 1 in span and tree.toks[start - 1].dep != "det" and tree.word(start - 1).lower() not in _CUT
    ):
        start -= 1
    words = [start]
    for k in range(start + 1, len(tree.toks)):
        if k in stop or (until is not None and k >= until):
            break
        if k not in span and not _detached_of(tree, k, words[-1], stop):
            break
        if tree.word(k).lower() in _CUT or tree.toks[k].pos == "VERB" or _when(tree, k):
            break
        words.append(k)
    if len(words) > MAX_ROLE_WORDS:
        return None
    while (
        words
        and words[-1] != noun
        and (
            tree.toks[words[-1]].pos in ("ADP", "DET", "CCONJ")
            or (tree.toks[words[-1]].pos == "PUNCT" and tree.word(words[-1]) != ")")
        )
    ):
        words.pop()
    return tree.text[tree.toks[words[0]].start : tree.toks[words[-1]].end] if words else None


_OF = frozenset({"de", "du", "des", "d'", "d’"})
_DEMONSTRATIVES = frozenset({"ce", "cet", "cette"})
# Determiners written in lower case ("des" left out: after a role noun it is "de les", "ministre
# des Sports"; "Le", "La" capitalised begin a name, "le député Le Bihan").
_DETERMINERS_AFTER = frozenset(
    "le la les l' l’ un une son sa ses leur leurs ce cet cette ces mon ma mes notre nos votre vos".split()
)


def _when(tree: _Tree, k: int) -> bool:
    """ "[directrice du conservatoire] ce lundi", "… lundi dernier": when, not the role's words."""
    low = tree.word(k).lower()
    nxt = tree.word(k + 1).lower() if k + 1 < len(tree.toks) else ""
    return low in _NOT_ROLES or (low in _DEMONSTRATIVES and time_word(nxt))



def _detached_of(tree: _Tree, k: int, last: int, stop: set[int]) -> bool:
    """ "de Chelsea", "de la Métropole de Grenoble" after the role noun, which the parser hung
    elsewhere: still the role's (a capitalised name after "de", with its article)."""
    word = tree.word(k)
    if k in stop:
        return False
    if tree.word(last).lower() in _OF or tree.toks[last].dep == "det":
        if tree.toks[k].dep == "det" and tree.word(last).lower() in _OF:
            return True
        after_det = tree.toks[last].dep == "det" and tree.toks[k].pos == "NOUN"  # "de la métropole"
        return after_det or (tree.toks[k].pos in ("PROPN", "NOUN") and word[:1].isupper())
    return word.lower() in _OF and (tree.word(last) == ")" or tree.word(last)[:1].isalpha())


def parsed_roles(
    text: str, tokens: list[Token], ner: list[tuple[int, int, str]], registry: Registry
) -> list[tuple[int, str, str, bool, str | None]]:
    """(position, person key, role, after the name?, determiner) the parse links to a PER name."""
    tree = _Tree(text, tokens)
    out: list[tuple[int, str, str, bool, str | None]] = []
    for a, b, label in ner:
        if label != "PER":
            continue
        inside = {i for i in token_span(tokens, a, b) if tokens[i].end <= b}
        heads = [i for i in sorted(inside) if tokens[i].head not in inside or tokens[i].head == i]
        if not heads or len({tokens[i].head for i in heads}) != 1:
            continue
        name = heads[0]  # "Bruno" and "Retailleau" may both hang on "chef"
        person = registry.person(text[a:b])
        key = person.key if person else (text[a:b] if len(text[a:b].split()) >= 2 else None)
        if key is None:
            continue
        for role, det, after in _roles_of(tree, name, inside):
            if det in ("les", "des", "ces", "leurs"):
                continue  # a role several people share
            out.append((a, key, role, after, det if det in ("le", "la", "l'") else None))
    return out


def _roles_of(tree: _Tree, name: int, inside: set[int]) -> list[tuple[str, str | None, bool]]:
    """(role, determiner, written after the name) of the name whose head token is `name`."""
    toks = tree.toks
    out: list[tuple[str, str | None, bool]] = []
    head = toks[name].head
    first, last = min(inside), max(inside)
    # "la ministre de la Culture Jeanne Martin": the name in apposition to the role noun before it.
    before = (
        toks[name].dep in ("appos", "flat:name", "nmod")
        and head < first
        and not any(toks[k].dep in ("case", "det") for k in tree.kids.get(name, ()))  # "de X", "un X"
        and set(range(head, first)) <= set(tree.subtree(head))  # nothing else between role and name
    )
    if before and _is_role_noun(tree, head, before_name=True):
        out.append((_role_text(tree, head, inside, until=first), tree.det(head), False))
    # "Jeanne Martin, maire de Lyon": the role noun in apposition to the name (or, misread by
    # the parser, a noun that names people right after the name and its comma).
    for k in tree.kids.get(name, ()):
        if toks[k].dep == "appos" and k > last and _appos_role_noun(tree, k, before_name=False):
            out.append((_role_text(tree, k, inside), tree.det(k), True))
    nxt = last + 2
    misread = not out and nxt < len(toks) and tree.word(last + 1) == "," and toks[nxt].pos == "NOUN"
    if misread and _appos_role_noun(tree, nxt, before_name=True):
        out.append((_role_text(tree, nxt, inside), None, True))
    # "Mauricio Pochettino est le nouveau coach de Chelsea", "Jeanne Morel est directrice de la
    # médiathèque depuis 2019". A definite role or none: "X est un grand nom" says what X is.
    copula = toks[name].dep.startswith("nsubj") and head > last and toks[head].pos == "NOUN"
    if (
        copula
        and any(toks[k].dep == "cop" for k in tree.kids.get(head, ()))
        and tree.det(head) in ("le", "la", "l'", None)
        and _is_role_noun(tree, head, before_name=False)
    ):
        verb = {k for k in tree.kids.get(head, ()) if toks[k].dep in ("cop", "aux:tense", "advmod")}
        since = {j for k in tree.kids.get(head, ()) if toks[k].dep == "obl:mod" for j in tree.subtree(k)}
        out.append((_role_text(tree, head, set(tree.subtree(name)) | verb | since), tree.det(head), True))
    out += _named_to(tree, name, inside)
    return [(role, det, after) for role, det, after in out if role]


_NAMING_LEMMAS = frozenset("nommer élire désigner promouvoir reconduire installer introniser".split())


def _named_to(tree: _Tree, name: int, inside: set[int]) -> list[tuple[str | None, str | None, bool]]:
    """ "Ronald Koeman a été nommé entraîneur du Barça", "Oscar Garcia a été nommé nouvel
    entraîneur des Verts": the role a named person was appointed to."""
    toks = tree.toks
    head = toks[name].head
    if not toks[name].dep.startswith("nsubj") or toks[head].lemma not in _NAMING_LEMMAS:
        return []
    when = {j for k in range(len(toks)) if toks[k].dep in ("obl:mod", "advmod") for j in tree.subtree(k)}
    return [
        (_role_text(tree, k, inside | when), tree.det(k), True)  # not "ce mercredi"
        for k in tree.kids.get(head, ())
        if toks[k].dep in ("xcomp", "obj", "obl:arg")
        and k > head
        and _is_role_noun(tree, k, before_name=False)
    ]


# ---------------------------------------------------------------- titles alone

_DEFINITE = ("le", "la", "l'")


def title_roles(
    text: str,
    sentences: list[Sentence],
    tokens: list[Token],
    ner: list[tuple[int, int, str]],
    registry: Registry,
) -> list[tuple[int, str, str, bool, str | None, str | None]]:
    """Roles written without a name ("la ministre de la Culture réagit"), tied to the person
    the article names as the subject of the sentence before (when the title is the subject:
    the same person goes on acting) or after (when it is not: the next sentence names them).
    Guessed: each comes with its reason, for `review: true`."""
    tree = _Tree(text, tokens)
    # People as the model tags them, or as the registry knows them (a headline's "Filippetti" read as ORG).
    per = [(a, b) for a, b, label in ner if label == "PER" or registry.person(text[a:b]) is not None]
    out: list[tuple[int, str, str, bool, str | None, str | None]] = []
    seen: dict[str, str] = {}
    for i, tok in enumerate(tokens):
        det = tree.det(i)
        if tok.pos != "NOUN" or det not in _DEFINITE or not _is_title_noun(tree, i):
            continue
        if any(a <= tokens[k].start < b for k in [*tree.subtree(i), tok.head] for a, b in per):
            continue  # a name of its own: parsed_roles reads it
        si = _sentence_of(sentences, tok.start)
        if sentences[si].heading:
            continue
        subject = tok.dep.startswith("nsubj")
        other = si - 1 if subject else si + 1
        found = (
            _subject_person(text, tokens, sentences, other, per, registry)
            if 0 <= other < len(sentences)
            else None
        )
        role = _role_text(tree, i, set())
        if found is None or role is None or _names_in(sentences[si], per, text, found[1]):
            continue
        if not subject and any(sentences[si].start <= a < sentences[si].end for a, _b in per):
            continue  # "X a parlé avec le président": the next sentence's subject may be anybody
        key, name = found
        person = registry.people.get(key)
        if (
            person is not None
            and person.gender
            and person.gender != {"le": "m", "la": "f"}.get(det, person.gender)
        ):
            continue  # "le président" is not Mme Trump
        if seen.setdefault(fold(role), key) != key:
            continue  # the same title tied to two people: no guess
        where = "précédente" if subject else "suivante"
        why = f"fonction devinée : « {det} {role} » rattachée à {name}, sujet de la phrase {where}"
        out.append((tok.start, key, role, True, det, why.replace("l' ", "l’")))
    return [f for f in out if seen.get(fold(f[2])) == f[1]]


# Endings that name people only (not "-eur": la chaleur, le secteur).
_TITLE_ENDINGS = re.compile(r"(?:rice|euse|iste|logue)$")


def _is_title_noun(tree: _Tree, i: int) -> bool:
    """A function a title alone can name ("la ministre", "la réalisatrice"), not "le jeune homme"."""
    low = tree.word(i).lower()
    if not _is_role_noun(tree, i, before_name=True):
        return False
    return low in ROLE_NOUNS or low in PROFESSIONS or bool(_TITLE_ENDINGS.search(low.rstrip("s")))


def _subject_person(
    text: str,
    tokens: list[Token],
    sentences: list[Sentence],
    si: int,
    per: list[tuple[int, int]],
    registry: Registry,
) -> tuple[str, str] | None:
    """(key, name) of the named person who is the main subject of sentence si."""
    s = sentences[si]
    for a, b in per:
        if not (s.start <= a < s.end):
            continue
        inside = within(tokens, a, b)
        inside += [tokens[t.head] for t in inside if tokens[t.head].end <= a]  # "M." that heads "Paul Martin"
        if any(t.dep.startswith("nsubj") and tokens[t.head].dep == "ROOT" for t in inside):
            person = registry.person(text[a:b])
            if person is not None:
                return person.key, person.name
            return (text[a:b], text[a:b]) if len(text[a:b].split()) >= 2 else None
    return None


def _names_in(s: Sentence, per: list[tuple[int, int]], text: str, name: str) -> bool:
    """Whether sentence s names `name` (then the title there is somebody else's)."""
    last = fold(name).split()[-1]
    return any(s.start <= a < s.end and last in fold(text[a:b]).split() for a, b in per)
