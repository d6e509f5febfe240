"""Given names, as evidence that a name the model read is a person's: "Jeanne Roux" opens on a
given name, "Bande de Français", "Ligue des champions", "Désolé Joël" do not.

The lists are Faker's (its person providers: the common given names of 86 locales, about 30,000
names once folded), read once. Without Faker installed, nothing changes: every word counts as a
given name. A name missing from the lists is no proof of a thing (many African, Asian and rare
names are missing), so it only keeps a name out of the wrong choices offered for a person; a
name found there (and no everyday word) makes a person of a name the model read as a body."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from .nlp import NlpUnavailable, word_frequency
from .tokens import fold

_ATTRS = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")


@cache
def _faker_names() -> tuple[tuple[str, str, str], ...] | None:
    """(locale, attribute, name) for every given name Faker's person providers list, read in
    one walk over them; None without Faker."""
    try:
        people = importlib.import_module("faker.providers.person")
    except ImportError:
        return None
    out: list[tuple[str, str, str]] = []
    for module in pkgutil.iter_modules(people.__path__):
        provider = getattr(importlib.import_module(f"{people.__name__}.{module.name}"), "Provider", None)
        for attr in _ATTRS:
            found = vars(provider).get(attr) if provider is not None else None
            if isinstance(found, dict | list | tuple):
                out.extend((module.name, attr, n) for n in found if isinstance(n, str))
    return tuple(out)


@cache
def given_names() -> frozenset[str] | None:
    """Every given name Faker knows, folded; None without Faker."""
    found = _faker_names()
    return None if found is None else frozenset(fold(n) for _locale, _attr, n in found)


def _one_gender(locales: str) -> dict[str, str | None]:
    """Given name → "m" or "f" for the names Faker's `locales` list under one gender only, None
    for the names they list under both."""
    seen: dict[str, set[str]] = {}
    for locale, attr, n in _faker_names() or ():
        if locale.startswith(locales) and attr in ("first_names_male", "first_names_female"):
            seen.setdefault(fold(n), set()).add("m" if attr.endswith("_male") else "f")
    return {name: next(iter(g)) if len(g) == 1 else None for name, g in seen.items()}


@cache
def _french_gendered() -> dict[str, str | None]:
    return _one_gender("fr_")


def french_name_gender(name: str) -> str | None:
    """'m' or 'f' when `name` opens on a given name that Faker's French locales list under one
    gender only ("Cédric", "Marion"): evidence that outweighs an article the text writes before
    the name. Names of other locales collide across alphabets ("Yury" is listed as a woman's)."""
    words = name.replace("’", "'").split()
    return _french_gendered().get(fold(words[0])) if words else None


@cache
def _gendered() -> dict[str, str | None]:
    """Given name → "m", "f" or None (either). French usage first: "Marion", "Jean" and "Simone"
    are listed for the other gender in some locale (English, Italian), not in a French one;
    "Camille" and "Dominique" are either in French. A name no French locale lists takes its
    gender from every locale, when they all agree."""
    return _one_gender("") | _french_gendered()


def given_name_gender(name: str) -> str | None:
    """'m' or 'f' when `name` opens on a given name of one gender ("Julie Roy" → f, "Marion" → f;
    "Camille", "Dominique" → None), or on a title (M., Mme)."""
    words = name.replace("’", "'").split()
    if not words:
        return None
    title = {"m.": "m", "mme": "f", "mlle": "f", "madame": "f", "monsieur": "m"}.get(words[0].lower())
    return title or _gendered().get(fold(words[0]))


def opens_on_a_given_name(name: str) -> bool:
    """Whether `name` starts with a given name ("Jean-Marc Calvet": "Jean-Marc", or "Jean")."""
    known = given_names()
    words = name.replace("’", "'").split()
    if known is None or not words:
        return True
    first = fold(words[0])
    return first in known or first.split(" ")[0] in known


_WORD_OF_PLACES = 5.5  # "France", "Paris", "Saint": given names too, but first of all words


def a_persons_name(name: str, *, alone: bool = False, known: bool = True) -> bool:
    """Two to four capitalised words opening on a given name that is not first of all an
    everyday French word ("Pauletta Foppa", "Coralie Lassource", not "France Info", "Saint
    Louis"): a person's name, whatever label the model gave it. `alone`: the given name alone
    ("Jade"), for a caller that has other evidence of a person (a description after it);
    `known=False`: any name that is no everyday word ("Cyprien, 19 ans": an age says a person)."""
    words = name.replace("’", "'").split()
    fewest = 1 if alone else 2
    if not fewest <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or given_names() is None:
        return False
    if known and not opens_on_a_given_name(name):
        return False
    try:
        return word_frequency(words[0].lower()) < _WORD_OF_PLACES
    except NlpUnavailable:
        return False  # no wordfreq: no everyday word told apart, so no name read anew
