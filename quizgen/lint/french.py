"""French word lists and the small text tools the lint rules share.

Comparisons are made on folded words: case, accents and typography ignored
(see `quizgen.text.fold_answer`), so « Élysée » and « elysee » agree.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import normalize, strip_accents

#: Function words: articles, prepositions, conjunctions, pronouns, auxiliaries
#: and the commonest adverbs (folded: no accents). A cloze gap on one of them
#: tests grammar, not the story.
FUNCTION_WORDS = frozenset("""
le la les l un une des du de d au aux a en dans par pour sur sous avec sans chez vers entre contre
depuis pendant avant apres selon et ou mais donc or ni car que qu qui quoi dont ou si ne n pas plus
ce cet cette ces c ca cela ceci celui celle ceux celles se s sa son ses leur leurs mon ma mes ton ta
tes notre nos votre vos il ils elle elles on je j tu nous vous me m te t lui y est sont etait etaient
ete etre a ai as avons avez ont avait avaient avoir sera seront fut soit sont fait tres aussi bien
deja encore alors ainsi comme quand lorsque puis meme autre autres quel quelle quels quelles
""".split())

#: Words of absolute or exclusive meaning: in distractors only, they mark them as wrong.
ABSOLUTE_WORDS = frozenset("""
toujours jamais tous toutes aucun aucune seulement uniquement exclusivement totalement entierement
completement systematiquement absolument nul nulle personne rien forcement
""".split())

#: Hedges: qualified, cautious wording; in the key only, they mark it as the careful, right one.
HEDGE_WORDS = frozenset("""
pourrait pourraient peut parfois souvent generalement probablement notamment environ certains
certaines partiellement plutot
""".split())
_PARTICLES = frozenset("de du des d von van der al el ben bin la le".split())

#: « Toutes / aucune de ces réponses » and their kin (folded text).
ALL_OR_NONE = re.compile(
    r"\b(?:(?:toutes|aucune|tous|aucun|l'ensemble|ni l'une ni l'autre)\s+(?:de\s+)?(?:ces|des)\s+"
    r"(?:reponses|propositions|choix|options|affirmations|reponses precedentes)"
    r"|(?:toutes|aucune) (?:les )?(?:reponses|propositions) (?:ci-dessus|precedentes)"
    r"|(?:les deux|tout cela|aucune)\s*(?:reponses?)?\s*(?:ci-dessus|precedentes?)"
    r"|(?:reponses?|propositions?|choix) [a-d] et [a-d]|^[a-d] et [a-d]$"
    r"|les deux (?:premieres|dernieres) (?:reponses|propositions)"
    r"|all of the above|none of the above)\b")

#: Negative stems: ne … pas/jamais/plus/aucun/rien/personne/que, or « sauf », « excepté ».
NEGATION = re.compile(
    r"\b(?:ne|n')\s*(?:\S+\s+){0,3}?(?:pas|jamais|plus|aucun|aucune|rien|personne|nullement)\b"
    r"|\b(?:sauf|excepte|exceptee|a l'exception)\b"
    r"|\b(?:est|sont|etait) (?:fausse?s?|inexactes?|incorrecte?s?|erronee?s?)\b")

#: Elided articles and pronouns that say the next word starts with a vowel or mute h.
ELISIONS = ("l'", "d'", "qu'", "j'", "n'", "s'", "m'", "t'", "c'", "jusqu'", "lorsqu'", "puisqu'")
#: Articles that tell a gender (singular) or the number.
GENDER_ARTICLES = {"le": "masculine", "un": "masculine", "du": "masculine", "au": "masculine",
                   "la": "feminine", "une": "feminine"}
PLURAL_ARTICLES = frozenset({"les", "des", "aux", "ces", "plusieurs"})

#: Noun endings that tell a gender: enough to catch « un actrice » or « une gouvernement ».
FEMININE_ENDINGS = ("tion", "sion", "rice", "euse", "esse", "ette", "ance", "ienne", "ite")
MASCULINE_ENDINGS = ("ment", "isme", "teur", "eau", "oir", "ier", "at")

_VOWEL_START = re.compile(r"^[aeiouyhâàäéèêëîïôöûùüœæ]", re.IGNORECASE)
_MONTHS = ("janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre")
DATE = re.compile(rf"\b(?:1[5-9]\d\d|20\d\d|{'|'.join(_MONTHS.split())})\b")
NUMBER = re.compile(r"^[-+]?\d[\d\s.,]*(?:\s*(?:%|[a-z€$]{1,12}))?$")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case, accents, typography and punctuation ignored, apostrophes kept."""
    return " ".join(re.sub(r"[^\w']+", " ", strip_accents(normalize(text))).split())


def words(text: str) -> list[str]:
    """The folded words of `text` (an elided article is its own word: l', d')."""
    return re.findall(r"\w+'|\w+", fold(text))


def stem(word: str) -> str:
    """A crude French stem, enough to match « sanctions » with « sanction »."""
    w = word.rstrip("'")
    if len(w) > 4 and w[-1] in "sx":
        w = w[:-1]
    return w[:6]


def content_stems(text: str) -> set[str]:
    """Stems of the words of `text` that are not function words (names and figures kept)."""
    return {stem(w) for w in words(text) if w.rstrip("'") not in FUNCTION_WORDS and len(w) > 1}


def starts_with_vowel(text: str) -> bool:
    return bool(_VOWEL_START.match(text.lstrip(" «\"'“(")))


def ends_with_elision(text: str) -> str | None:
    """The elided word `text` ends with (« d’ »), if any."""
    folded = normalize(text).rstrip()
    for e in ELISIONS:
        if folded.endswith(e) and (len(folded) == len(e) or not folded[-len(e) - 1].isalnum()):
            return e
    return None


def last_word(text: str) -> str:
    found = words(text)
    return found[-1] if found else ""


def is_name(text: str) -> bool:
    """A proper name (« Iouri Ouchakov », « Genève »), not a phrase (« Le Kremlin »)."""
    raw = re.findall(r"[\w-]+", text)
    if not raw or len(raw) > 4 or not raw[0][:1].isupper() or fold(raw[0]) in FUNCTION_WORDS:
        return False
    return all(w[:1].isupper() or fold(w) in _PARTICLES for w in raw)


def related(a: str, b: str) -> bool:
    """Two folded words of one family (« Russie », « russe »; « Italie », « italien »)."""
    a, b = a.rstrip("'"), b.rstrip("'")
    if a == b:
        return True
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n >= 4 and n >= 0.75 * min(len(a), len(b))


def family_words(text: str) -> list[str]:
    """The words of `text` that are not function words (names and figures kept)."""
    return [w for w in words(text) if w.rstrip("'") not in FUNCTION_WORDS and len(w) > 2]
