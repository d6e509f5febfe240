"""Roles written right after a name and its comma, read from the words when the parse hangs
them elsewhere: "le Dr Mohamed Kadi, médecin urgentiste", "Christophe Ferrari, président (DVG) de
la métropole de Grenoble et maire de Pont-de-Claix". roles.py gathers these with the others."""

from __future__ import annotations

import re

from .lexicon import ROLE_NOUNS
from .nlp import Token
from .professions import PROFESSIONS
from .speakers import Registry

MAX_ROLE_WORDS = 10
# Words written after a name and its comma end at the comma that closes the apposition, or at a
# finite verb, a pronoun or a conjunction of clauses; this count is only a safety cap on a run-on
# parse ('conseillère pour la pêche et la navigation à l'Office fluvial rhénan' is far below it).
_MAX_WRITTEN_WORDS = 20

_ROLE_AFTER_CUT = frozenset({"VERB", "AUX", "PRON", "SCONJ"})
_ROLE_ADP = frozenset({"de", "du", "des", "d'", "d’", "à", "au", "aux", "en", "pour"})


def is_function_word(word: str) -> bool:
    """A noun naming a function or a profession ("maire", "chirurgien", "vice-président")."""
    low = word.lower()
    return low in ROLE_NOUNS or low in PROFESSIONS or low.split("-")[-1] in ROLE_NOUNS


def written_roles(
    text: str, tokens: list[Token], ner: list[tuple[int, int, str]], registry: Registry
) -> list[tuple[int, str, str, bool, str | None]]:
    """Roles written right after a name and its comma, read from the words when the parse hangs
    them elsewhere: "le Dr Mohamed Kadi, médecin urgentiste", "Christophe Ferrari, président
    (DVG) de la métropole de Grenoble et maire de Pont-de-Claix"."""
    out: list[tuple[int, str, str, bool, str | None]] = []
    starts = {t.start: i for i, t in enumerate(tokens)}
    for a, b, label in ner:
        person = registry.person(text[a:b])
        if label != "PER" and person is None:
            continue  # "Dr. Mohamed Kadi" read as MISC: still a person the article names
        key = person.key if person else (text[a:b] if len(text[a:b].split()) >= 2 else None)
        m = re.match(r",\s*(?:(le|la|l')\s*)?", text[b:])
        if key is None or m is None or b + m.end() not in starts:
            continue
        det = m.group(1)
        for role in _role_words(text, tokens, starts[b + m.end()]):
            out.append((a, key, role, True, det))
    return out


def _role_words(text: str, tokens: list[Token], i: int) -> list[str]:
    """The roles (one, or several joined by "et") written from token i on."""
    out: list[str] = []
    if (
        i + 1 < len(tokens)
        and tokens[i].pos == "ADJ"
        and is_function_word(text[tokens[i + 1].start : tokens[i + 1].end])
    ):
        first, i = i, i + 1  # "principal responsable de l'essai"
    else:
        first = i
    while i < len(tokens) and is_function_word(text[tokens[i].start : tokens[i].end]):
        k = i + 1
        while k < len(tokens) and k - i < _MAX_WRITTEN_WORDS:
            word = text[tokens[k].start : tokens[k].end]
            if word in (",", ";", ":", ".", "«", "»"):
                break
            if tokens[k].pos in _ROLE_AFTER_CUT and word.lower() not in _TITLE_PARTICIPLES:
                break
            if tokens[k].pos == "ADP" and word.lower() not in _ROLE_ADP:
                break
            if (word == "et" or tokens[k].pos == "CCONJ") and not _joins_complements(text, tokens, k):
                break
            k += 1
        k = _past_hyphens(text, tokens, k)  # "de l'OPQ-VL": never cut inside a hyphenated word
        while k - 1 > i and tokens[k - 1].pos in ("ADP", "DET"):
            k -= 1
        joined = k + 1 < len(tokens) and text[tokens[k].start : tokens[k].end] == "et"
        if joined and k == first + 1:
            i = k + 1  # "notaire et trésorière de …": a one-word profession, then the office, one role
            continue
        out.append(text[tokens[first].start : tokens[k - 1].end])
        if not joined:
            break
        first = i = k + 1
    return out


def _past_hyphens(text: str, tokens: list[Token], k: int) -> int:
    """The end of the word token k-1 belongs to, past hyphens glued to it ('OPQ' of 'OPQ-VL')."""
    while 0 < k < len(tokens) and tokens[k].start == tokens[k - 1].end and "-" in (
        text[tokens[k].start : tokens[k].end],
        text[tokens[k - 1].start : tokens[k - 1].end],
    ):
        k += 1
    return k


_DETERMINERS = frozenset("le la les l' l’ un une des de du d' d’ à au aux en pour".split())
# "adjointe déléguée aux cimetières", "conseiller chargé de la navigation": part of the title.
_TITLE_PARTICIPLES = frozenset(
    "chargé chargée chargés chargées délégué déléguée délégués déléguées".split()
)


def _joins_complements(text: str, tokens: list[Token], k: int) -> bool:
    """ "conseillère pour la pêche et la navigation": 'et' joins two complements of one role
    (a common noun follows, past its determiner), not a second function ("notaire et
    trésorière") nor another person ("maire de Lyon et Anne Roy")."""
    j = k + 1
    while j < len(tokens) and text[tokens[j].start : tokens[j].end].lower() in _DETERMINERS:
        j += 1  # "et la navigation", "et aux cimetières"
    if j >= len(tokens) or j > k + 3:
        return False
    word = text[tokens[j].start : tokens[j].end]
    if word[:1].isupper():  # "et à la Pêche" (a capital after an article), never "et Anne Roy"
        return j > k + 1 and tokens[j].pos in ("NOUN", "PROPN") and not is_function_word(word.lower())
    return tokens[j].pos == "NOUN" and not is_function_word(word)

