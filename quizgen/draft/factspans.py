"""The facts a sentence names, for the key-fact questions: people, places, negations.

Shared by the key-fact makers (keyfacts.py) and the true/false statements
(statements.py): entity spans outside quotations, the people a sentence names,
the places the article names after a preposition.
"""

from __future__ import annotations

import re

from .questions import Builder
from .textbits import collapse, display

# "à Lorient", "près de Nantes", and a place named after its kind: "la commune de Duingt".
IN_PLACE = re.compile(
    r"(?:\b(?:à|en|au|aux|dans|vers|depuis)|près\s+d[e']|\bd'"
    r"|\b(?:village|ville|commune|bourg|quartier|région|département)\s+d(?:e\s|['’]))\s*$",
    re.IGNORECASE,
)
NOT_PLACES = frozenset({"france", "europe", "terre", "la terre", "monde"})  # too broad for "where?"


def spans_of(b: Builder, si: int, label: str) -> list[tuple[int, int]]:
    """Entity spans of `label` inside sentence si, outside quotations (people: also the
    names of the people the rules found, when there is no model)."""
    s = b.a.sentences[si]
    return [(x, y) for x, y in all_spans_of(b, label) if s.start <= x and y <= s.end]


def all_spans_of(b: Builder, label: str) -> list[tuple[int, int]]:
    """Every span of `label` outside quotations, the longest of nested ones (computed once)."""
    key = f"spans:{label}"
    if key in b.cache:
        return b.cache[key]
    spans = {(x, y) for x, y, lab in b.a.ner if lab == label}
    if label == "PER" and not b.a.ner:
        for person in b.a.registry.persons():
            for form in [*person.forms, *person.surnames]:
                rx = rf"(?<![\w-]){re.escape(form)}(?![\w-])"
                spans |= {(m.start(), m.end()) for m in re.finditer(rx, b.text)}
    inside = [(q.open, q.close) for q in b.a.quotes]
    kept = sorted(sp for sp in spans if not any(o <= sp[0] < c for o, c in inside))
    out = [
        (x, y)
        for i, (x, y) in enumerate(kept)
        if not any(a <= x and y <= c and (a, c) != (x, y) for a, c in kept[max(0, i - 3) : i + 4])
    ]
    b.cache[key] = out
    return out


def in_sentence(b: Builder, si: int) -> list[str]:
    """The people sentence si names: never a wrong answer about it."""
    out = []
    for x, y in spans_of(b, si, "PER"):
        person = b.a.registry.person(b.text[x:y])
        out.append(display(person.name) if person else collapse(b.text[x:y]))
    return out


# "n'est pas", "ne sera plus", "n'a jamais": a true/false on a negative stem reads as a double negative.
NEGATION = re.compile(
    r"\b(n(?:e\s+|['’]))((?:\S+\s+){0,3}?)(pas|plus|jamais|rien|guère|point|aucune?|personne)\b",
    re.IGNORECASE,
)


def emphasised(text: str) -> str:
    """The negation in capitals ("N'a PAS"), as teachers write it so that students see it."""
    return NEGATION.sub(lambda m: m.group(1).upper() + m.group(2) + m.group(3).upper(), text)


def preposition(text: str, x: int) -> str | None:
    m = IN_PLACE.search(text[max(0, x - 16) : x])
    return m.group().strip().lower() if m else None


def capitalised(name: str) -> bool:
    """ "l'Elysée", "la Sarthe", "Paris": a name with its capital after any article."""
    return re.sub(r"^(?:l['’]\s*|la\s+|le\s+|les\s+)", "", name, flags=re.IGNORECASE)[:1].isupper()


def places_of(b: Builder) -> list[tuple[str, str]]:
    """Places the article names after a preposition ('à Lamballe'), with that preposition (read
    once per draft)."""
    if "places" not in b.cache:
        b.cache["places"] = _places_of(b)
    return b.cache["places"]


def _places_of(b: Builder) -> list[tuple[str, str]]:
    out = []
    for x, y, lab in b.a.ner:
        prep = preposition(b.text, x) if lab == "LOC" else None
        place = collapse(b.text[x:y])
        if not capitalised(place):
            continue  # "à franceinfo": a place's name has its capital, a medium's may not
        if prep and place.lower() not in NOT_PLACES and (place, prep) not in out:
            out.append((place, prep))
    return out


# "faute de personnel", "à cause du gel", "en raison d'une grève", "grâce aux dons": why it happened.
_CAUSE = re.compile(
    r"\b(?:(?:par\s+la\s+)?faute\s+d(?:e\s+|['’])|(?:à\s+cause|en\s+raison|du\s+fait|à\s+la\s+suite|sous\s+l['’]effet)"
    r"\s+(?:d(?:e\s+|['’])|du\s+|des\s+)|grâce\s+(?:à\s+|aux?\s+)|suite\s+(?:à\s+|aux?\s+))"
    r"(?:(?:la|le|les|l['’]|une?|des|ses|son|sa|leurs?)\s*)?(?=\w)",
    re.IGNORECASE,
)
_CAUSE_END = re.compile(r"[,.;:!?()«»\"“”]|\s(?:qui|que|qu['’]|dont|où|selon|mais)\s|$")
_NOT_CAUSES = frozenset(
    {"cela", "ça", "ceci", "elle", "elles", "lui", "eux", "celle", "celui", "ceux", "quoi"}
)
MAX_CAUSE_WORDS = 6


# What a protest is for: "pour protester contre la [fermeture]", "pour réclamer une [hausse]".
_PURPOSE = re.compile(
    r"\bpour\s+(?:protester\s+contre|dénoncer|réclamer|demander|exiger|obtenir|défendre|"
    r"s['’]opposer\s+(?:à|au|aux))\s+(?:(?:la|le|les|l['’]|une?|des|du|ses|son|sa|leurs?)\s*)?(?=\w)",
    re.IGNORECASE,
)


def causes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the cause a sentence gives, after "faute de", "à cause de", "en raison de",
    "grâce à" (its determiner outside): "faute de [personnel]", "en raison d'une [grève]"; and
    what a protest is for ("pour protester contre la [hausse des loyers]")."""
    out = []
    for m in [*_CAUSE.finditer(text, start, end), *_PURPOSE.finditer(text, start, end)]:
        stop = _CAUSE_END.search(text, m.end(), end)
        y = stop.start() if stop else end
        words = text[m.end() : y].split()
        if not words or len(words) > MAX_CAUSE_WORDS or words[0].lower() in _NOT_CAUSES:
            continue
        if len(words) == 1 and m.group().lower().startswith("grâce"):
            continue  # "connu grâce à la [sculpture]": a means named in a word, not why it happened
        out.append((m.end(), m.end() + len(text[m.end() : y].rstrip())))
    return out


# "parce que la chaudière a lâché", "car les élus ont refusé", "après que le maire a démissionné":
# a cause told as a clause (its subject and verb follow the connector).
_CAUSE_CLAUSE = re.compile(
    r"(?:\bparce\s+qu(?:e\s+|['’])|(?<=,\s)car\s+|\bpuisqu(?:e\s+|['’])|\baprès\s+qu(?:e\s+|['’]))",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[,.;:!?()«»\"“”]|\s(?:mais|selon|tandis)\s|$")
MAX_CLAUSE_WORDS = 16
# "car il y a un mois, …": "il y a" + a quantity of time says when; "il y a une pénurie" is a cause.
_AGO = re.compile(
    r"il\s+y\s+a\s+(?:une?|\d+|quelques|plusieurs|deux|trois|quatre|cinq|six|dix|vingt|cent)\s+"
    r"(?:\w+\s+)?(?:secondes?|minutes?|heures?|jours?|semaines?|mois|ans|années?|décennies?|siècles?)\b",
    re.IGNORECASE,
)


def cause_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the causes text[start:end] gives as a clause ("parce qu'[il manquait trois
    infirmières]"), then as a noun phrase ("faute de [personnel]"): what a "why?" asks. A clause
    has three words at least (a subject and a verb: "car [elle pleut]" is no cause)."""
    out = []
    for m in _CAUSE_CLAUSE.finditer(text, start, end):
        stop = _CLAUSE_END.search(text, m.end(), end)
        y = stop.start() if stop else end
        words = text[m.end() : y].split()
        if _AGO.match(text, m.end()):
            continue  # ", car il y a un mois, …": when, not why
        if 3 <= len(words) <= MAX_CLAUSE_WORDS:
            out.append((m.end(), m.end() + len(text[m.end() : y].rstrip())))
    return out + causes(text, start, end)


# "une tournée intitulée Farewell Yellow Brick Road", "le module, baptisé Crew Dragon": the name
# a thing is given ("nommé" is left out: "nommé Premier ministre" names a post, not a thing).
_GIVEN_NAME = re.compile(
    r"(?:\b(?:intitulée?s?|baptisée?s?|surnommée?s?|dénommée?s?|appelée?s?)|\bs['’]appelle(?:nt)?"
    r"|\bse\s+nomme(?:nt)?|\bporte(?:nt)?\s+le\s+nom\s+d[e'’])\s*"  # "elle s'appelle C/2014 Un271"
    r"(?:[«“\"]\s*(?P<quoted>[^»”\"]{1,60}?)\s*[»”\"]"
    r"|(?P<name>[A-ZÀ-Ý0-9][\w'’/-]*(?:\s+(?:(?:de|du|des|d['’]|la|le|les|of|the|and|et)\s+)?[A-ZÀ-Ý0-9][\w'’/-]*)*))"
)


def given_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the names things are given in text[start:end] ("baptisé Crew Dragon")."""
    return [m.span("quoted" if m.group("quoted") else "name") for m in _GIVEN_NAME.finditer(text, start, end)]
