"""What a story is about, as opposed to its scenery: a fact the article comes back to, a place
that is not merely the county of the one before it.

A cloze on a phrase of common words the article never uses again ("règne une {{agitation
inhabituelle}}", "sous les {{applaudissements ironiques}}", "s'est fendu d'une {{publication
Facebook}}") asks for the writer's wording of a scene, not for a fact a student should keep; what
the story is about comes back in other sentences, in the same words or their family ("la
fermeture" … "fermer", "suppression" … "supprimer")."""

from __future__ import annotations

import re

from .questions import Builder

_CONTENT = frozenset({"NOUN", "ADJ", "VERB", "PROPN"})
_STEM = 5  # "fermeture" and "fermer", "suppression" and "supprimer": one family by its first letters


def _stems(b: Builder, x: int, y: int) -> set[str]:
    lemmas = (t.lemma.lower() for t in b.a.tokens if x <= t.start < y and t.pos in _CONTENT)
    return {lemma[:_STEM] for lemma in lemmas if len(lemma) > 3}


def echoed(b: Builder, si: int, x: int, y: int) -> bool:
    """Whether a word of the phrase [x, y), or one of its family, comes back elsewhere in the
    article (the headline included). A phrase with a name or a figure in it is a fact by itself;
    without a parse, every phrase counts as echoed."""
    phrase = b.text[x:y]
    if not b.a.tokens or re.search(r"\d", phrase) or any(w[:1].isupper() for w in phrase.split()[1:]):
        return True
    if phrase[:1].isupper() and x > b.a.sentences[si].start:
        return True  # "{{Carlsberg}}": a name
    mine = _stems(b, x, y)
    s = b.a.sentences[si]
    cache = b.cache.setdefault("stems", {})
    if si not in cache:
        cache[si] = _stems(b, 0, s.start) | _stems(b, s.end, len(b.text))
    return not mine or bool(mine & cache[si])


# A place written right after another ("Mulsanne dans la Sarthe", "Rezé (Loire-Atlantique)",
# "Guéret, en Creuse"): the region or county of the place before it.
_AFTER_A_PLACE = re.compile(r"(\S+)\s*(?:\(\s*|,?\s*(?:en|dans)\s+(?:la\s+|le\s+|les\s+|l['’]\s*)?)$")


def area_of_a_place(b: Builder, x: int) -> bool:
    """The place at `x` follows another place the model found: it only says where that one is."""
    m = _AFTER_A_PLACE.search(b.text[max(0, x - 40) : x])
    if m is None:
        return False
    at = max(0, x - 40) + m.start(1)
    return any(a <= at < c and label == "LOC" for a, c, label in b.a.ner)
