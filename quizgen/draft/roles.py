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
from dataclasses import dataclass

from .clean import Article
from .lexicon import ANONYMOUS_PERSON_NOUNS, ROLE_NOUNS
from .nlp import Token
from .quotes import Sentence
from .speakers import Registry
from .tokens import fold

MAX_ROLE_WORDS = 10
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


def _sentence_of(sentences: list[Sentence], pos: int) -> int:
    return max((i for i, s in enumerate(sentences) if s.start <= pos), default=0)


def find_roles(
    article: Article,
    sentences: list[Sentence],
    registry: Registry,
    tokens: list[Token] | None = None,
    ner: list[tuple[int, int, str]] | None = None,
) -> list[RolePair]:
    """People introduced with a role, once per (person, role), in reading order: those the
    rules found while collecting people, and those the parse links to a name."""
    found: list[tuple[int, str, str, bool, str | None]] = [
        (pos, key, role, apposition, det) for pos, key, role, apposition, det in registry.role_mentions
    ]
    if tokens and ner:
        found += parsed_roles(article.text, tokens, ner, registry)
    out: list[RolePair] = []
    for pos, key, role, apposition, det in sorted(found, key=lambda f: f[0]):
        person = registry.people.get(key)
        name = person.name if person else key
        role = " ".join(role.split()).strip(" ,;:")
        if not role or (len(role.split()) < 2 and not apposition and role.lower() != "porte-parole"):
            continue  # "le président Biden": too vague to ask about
        if fold(role).split()[0] in _RELATIONAL:
            continue  # "son homologue russe": a relation, not a function
        # The same role once, in its longest wording: "président", "président (DVG) de la Métropole".
        same = next((i for i, r in enumerate(out) if r.person == name and _overlap(r.role, role)), None)
        if same is None:
            out.append(RolePair(_sentence_of(sentences, pos), name, role, det))
        elif len(role) > len(out[same].role):
            out[same] = RolePair(out[same].sentence, name, role, det or out[same].det)
    return out


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
        start - 1 in span
        and tree.toks[start - 1].dep != "det"
        and tree.word(start - 1).lower() not in _CUT
    ):
        start -= 1
    words = [start]
    for k in range(start + 1, len(tree.toks)):
        if k in stop or (until is not None and k >= until):
            break
        if k not in span and not _detached_of(tree, k, words[-1], stop):
            break
        if tree.word(k).lower() in _CUT or tree.toks[k].pos == "VERB":
            break
        words.append(k)
    if len(words) > MAX_ROLE_WORDS:
        return None
    while words and words[-1] != noun and (
        tree.toks[words[-1]].pos in ("ADP", "DET", "CCONJ")
        or (tree.toks[words[-1]].pos == "PUNCT" and tree.word(words[-1]) != ")")
    ):
        words.pop()
    return tree.text[tree.toks[words[0]].start : tree.toks[words[-1]].end] if words else None


_OF = frozenset({"de", "du", "des", "d'", "d’"})


def _detached_of(tree: _Tree, k: int, last: int, stop: set[int]) -> bool:
    """"de Chelsea", "de la Métropole de Grenoble" after the role noun, which the parser hung
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
        inside = {i for i, t in enumerate(tokens) if a <= t.start and t.end <= b}
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
        if toks[k].dep == "appos" and k > last and _is_role_noun(tree, k, before_name=False):
            out.append((_role_text(tree, k, inside), tree.det(k), True))
    nxt = last + 2
    misread = not out and nxt < len(toks) and tree.word(last + 1) == "," and toks[nxt].pos == "NOUN"
    if misread and _is_role_noun(tree, nxt, before_name=True):
        out.append((_role_text(tree, nxt, inside), None, True))
    # "Mauricio Pochettino est le nouveau coach de Chelsea".
    # A definite role ("le", "la"): "X est un grand nom" says what X is, not X's function.
    copula = toks[name].dep.startswith("nsubj") and head > last and toks[head].pos == "NOUN"
    if (
        copula
        and any(toks[k].dep == "cop" for k in tree.kids.get(head, ()))
        and tree.det(head) in ("le", "la", "l'")
        and _is_role_noun(tree, head, before_name=False)
    ):
        verb = {k for k in tree.kids.get(head, ()) if toks[k].dep in ("cop", "aux:tense", "advmod")}
        out.append((_role_text(tree, head, set(tree.subtree(name)) | verb), tree.det(head), True))
    return [(role, det, after) for role, det, after in out if role]
