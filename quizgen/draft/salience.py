"""What a story is about, as opposed to its scenery: a fact the article comes back to, a person
or a place it names more than in passing, a place that is not merely the county of the one
before it.

A cloze on a phrase of common words the article never uses again ("règne une {{agitation
inhabituelle}}", "sous les {{applaudissements ironiques}}", "s'est fendu d'une {{publication
Facebook}}") asks for the writer's wording of a scene, not for a fact a student should keep; what
the story is about comes back in other sentences, in the same words or their family ("la
fermeture" … "fermer", "suppression" … "supprimer"). A person or a place named once, past the
first sentences, with no role and no words of theirs ("qui était à Harvard"), is a detail too."""

from __future__ import annotations

import re
from collections import Counter

from .nlp import starting_in, token_span
from .questions import Builder
from .trivia import a_firm

_CONTENT = frozenset({"NOUN", "ADJ", "VERB", "PROPN"})
_STEM = 5  # "fermeture" and "fermer", "suppression" and "supprimer": one family by its first letters


def _stems(b: Builder, x: int, y: int) -> set[str]:
    lemmas = (t.lemma.lower() for t in starting_in(b.a.tokens, x, y) if t.pos in _CONTENT)
    return {lemma[:_STEM] for lemma in lemmas if len(lemma) > 3}


def echoed(b: Builder, si: int, x: int, y: int) -> bool:
    """Whether a word of the phrase [x, y), or one of its family, comes back elsewhere in the
    article (the headline included). A phrase with a figure is a fact by itself, one with a name
    unless the name is given in passing; without a parse, every phrase counts as echoed."""
    phrase = b.text[x:y]
    if not b.a.tokens or re.search(r"\d", phrase):
        return True
    opening = phrase[:1].isupper() and x > b.a.sentences[si].start
    if opening or any(w[:1].isupper() for w in phrase.split()[1:]):
        return not named_in_passing(b, si, x, y)  # "{{Carlsberg}}": a name, if the story is about it
    mine = _stems(b, x, y)
    if "stems" not in b.cache:  # the stems of each sentence, and in how many sentences each stands
        per = [_stems(b, s.start, s.end) for s in b.a.sentences]
        b.cache["stems"] = (per, Counter(stem for stems in per for stem in stems))
    per, spread = b.cache["stems"]
    own = per[si] if si < len(per) else set()
    return not mine or any(spread[stem] > (stem in own) for stem in mine)


_NAMED = ("PER", "LOC")  # a body named once may still act ("l'Assemblée nationale aura le dernier mot")
_OPENING = 2  # the first sentences of the story name who and where it is about, even once
_NAME_WORD = re.compile(r"[A-ZÀ-Ý][\w'’-]{2,}")


def named_in_passing(b: Builder, si: int, x: int, y: int) -> bool:
    """A person or a place the model found in [x, y), past the story's first sentences, that no
    other sentence names (the headline included), who says nothing and is given no role: "le
    bûcher de [Jeanne d'Arc]", "qui était à [Harvard]", "venu de [Lyon]". Without a parse, nobody
    is."""
    if not any(a < y and x < c and label in _NAMED for a, c, label in b.a.ner):
        return False
    body = [i for i, s in enumerate(b.a.sentences) if not s.heading]
    if si in body[:_OPENING] or b.a.sentences[si].heading:
        return False  # "Roselyne Bachelot a répondu à l'invitation…", the story's first sentence
    person = b.a.registry.person(b.text[x:y])
    if "voices" not in b.cache:  # the people who speak in the article
        voices = (b.a.registry.person(att.speaker.name) for att in b.a.attributions if att.speaker)
        b.cache["voices"] = {v.key for v in voices if v is not None}
    if person is not None and (person.roles or person.key in b.cache["voices"]):
        return False
    s = b.a.sentences[si]
    rest = b.text[: s.start] + " " + b.text[s.end :]
    for word in _NAME_WORD.findall(b.text[x:y]):
        if re.search(rf"(?<![\w-]){re.escape(word)}", rest):
            return False  # the story comes back to it
    return True


# A place written right after another ("Mulsanne dans la Sarthe", "Rezé (Loire-Atlantique)",
# "Guéret, en Creuse"): the region or county of the place before it.
_AFTER_A_PLACE = re.compile(r"(\S+)\s*(?:\(\s*|,?\s*(?:en|dans)\s+(?:la\s+|le\s+|les\s+|l['’]\s*)?)$")


def area_of_a_place(b: Builder, x: int) -> bool:
    """The place at `x` follows another place the model found: it only says where that one is."""
    m = _AFTER_A_PLACE.search(b.text[max(0, x - 40) : x])
    if m is None:
        return False
    at = max(0, x - 40) + m.start(1)
    # "à la Maison des Vins de Cadillac en [Gironde]": after any name, the area only locates it.
    return m.group(1)[:1].isupper() or any(a <= at < c and label == "LOC" for a, c, label in b.a.ner)


_ACTING = frozenset({"nsubj", "nsubj:pass", "obj", "obl:arg", "obl:agent", "iobj"})
_SIDE_CLAUSES = frozenset({"acl", "advcl", "nmod", "obl", "obl:mod"})


def acts(b: Builder, x: int, y: int) -> bool:
    """A body the clause is about: the subject, the object, the agent of its verb ("[Le FC
    Barcelone] a officialisé", "rachetée par [Arianespace]"), not one named in passing where
    something happens or whose member someone is ("retenu à [l'Assemblée nationale]", "du
    laboratoire de [l'Université Grenoble Alpes]"). Without a parse: every body."""
    toks = starting_in(b.a.tokens, x, y)
    if not toks:
        return True
    inside = token_span(b.a.tokens, x, y)
    top = next((t for t in toks if t.head not in inside), toks[0])
    while top.dep == "conj" and b.a.tokens[top.head].head != top.head:
        top = b.a.tokens[top.head]  # "Safran ou [Arianespace]": the role of the first
    verb = b.a.tokens[top.head]
    # "le suppléant, retenu à [l'Assemblée nationale], a lu": the verb of a side clause.
    return top.dep == "ROOT" or (top.dep in _ACTING and verb.dep not in _SIDE_CLAUSES)


def _dominant(counts: Counter[str]) -> str | None:
    """The one named at least three times and at least twice as often as any other."""
    ranked = [*counts.most_common(2), ("", 0), ("", 0)]
    (top, n), second = ranked[0], ranked[1][1]
    return top if n >= 3 and n >= 2 * second else None


def main_person(b: Builder) -> str | None:
    """The key of the person the story is about (see _dominant; "Simone Biles" in a story of her
    medals). Hiding that name in a cloze asks what every reader guesses."""
    if "main person" not in b.cache:
        counts: Counter[str] = Counter()
        for p in b.a.registry.persons():
            words = {s for s in p.surnames if len(s) > 1} or {p.name}
            counts[p.key] = sum(len(re.findall(rf"(?<!\w){re.escape(w)}(?!\w)", b.text)) for w in words)
        b.cache["main person"] = _dominant(counts)
    return b.cache["main person"]


def is_main_person(b: Builder, phrase: str) -> bool:
    """The phrase names the person the story is about (not a place named after them)."""
    person = b.a.registry.person(phrase)
    return person is not None and person.key == main_person(b) and not a_firm(b.text, person.name)


def main_place(b: Builder) -> str | None:
    """The place the story is about, as the model names it (see _dominant; "Viols-le-Fort" in a
    story of its festival)."""
    if "main place" not in b.cache:
        b.cache["main place"] = _dominant(Counter(b.text[a:c] for a, c, label in b.a.ner if label == "LOC"))
    return b.cache["main place"]


def about_the_main_place(b: Builder, phrase: str) -> bool:
    """The phrase names the story's place and nothing more ("[Viols-le-Fort]", "le [village de
    Viols-le-Fort]", "la rue [commerçante d'Haguenau]" is more): every reader guesses it."""
    place = main_place(b)
    if not place or not phrase.endswith(place):
        return False
    rest = re.findall(r"[\w-]+", phrase[: -len(place)].lower())
    return all(w in _PLACE_WORDS for w in rest)


# What only says "the place" again: "le village de", "les rues de la commune de", "d'".
_PLACE_WORDS = frozenset(
    """de du des d la le les l à au aux en village villages commune communes ville villes bourg
    rue rues quartier quartiers centre centre-ville agglomération place région département""".split()
)
