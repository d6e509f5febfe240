"""What a cloze may hide, beyond the facts the key-fact rules find: the phrase a cleft sentence
stresses, a name without its title; and what it may not: vague nouns, bare acronyms, a piece of
a clause with its verb."""

from __future__ import annotations

import re

from .figures import parse_number
from .lexicon import NATIONALITIES, NOT_NAMES, TITLES
from .nlp import Token, token_span, within, word_frequency
from .questions import Builder
from .tokens import fold, singular

_CLEFT = re.compile(
    r"(?:C['’]\s*est|Ce\s+sont)\s+(?:(?:à|par|pour|avec|dans|en|chez|sur)\s+)?"
    r"(?P<x>[^,;:«»\"“”()]{3,90}?)\s+(?:qui|qu['’]|que)\b"
)


def cleft(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The phrase a cleft sentence opens on ("C'est la fanfare de Lunel qui a ouvert le défilé"):
    the fact the sentence stresses, a good blank."""
    m = _CLEFT.match(text, start, end)
    if not m:
        return []
    words = m["x"].split()
    named = any(w[:1].isupper() for w in words)
    if words[0].lower() in ("ce", "ces", "cet", "cette") or not (named or len(words) >= 3):
        return []  # "C'est par [ces gestes] que", "C'est [un cycliste] qui": nothing to learn
    return [(m.start("x"), m.end("x"))]


def name_only(b: Builder, x: int, y: int) -> tuple[int, int]:
    """ "[son homologue français Emmanuel Roy]" → "son homologue français [Emmanuel Roy]": a title
    and the name after it, only the name hidden (the title is the clue)."""
    if not b.text[x : x + 1].islower():
        # "[Olivier Roy au micro de la radio]": the name, not where he said it.
        said = b.text[x:y]
        for p in b.a.registry.persons():
            if len(p.name.split()) >= 2 and said.startswith(p.name + " "):
                rest = said[len(p.name) + 1 :].split()
                if rest and rest[0].lower() in _WHERE_WORDS:
                    return x, x + len(p.name)
        return x, y
    for a, c, label in b.a.ner:
        if label == "PER" and c == y and x < a and len(b.text[a:c].split()) >= 2:
            return a, c
    person = next((p for p in b.a.registry.persons() if b.text[x:y].endswith(" " + p.name)), None)
    if person is not None and len(person.name.split()) >= 2:
        return y - len(person.name), y
    return x, y


_WHERE_WORDS = frozenset("au aux à dans sur devant lors en pour avec après avant depuis chez".split())
ACRONYM = re.compile(r"(?:(?:l['’]\s*|la\s+|le\s+|les\s+)?)[A-ZÀ-Ý]{2,}s?")
# Nouns that name nothing on their own: "[une autre manière]", "[le lieu du projet]".
_VAGUE = frozenset(
    """chose choses projet projets façon façons manière manières fait faits situation moment cas
    point points idée idées sujet affaire établissement endroit lieu lieux partie part
    côté type sorte genre niveau problème problèmes question questions démarche étape travail
    ensemble domaine aspect élément éléments système forme mode action actions""".split()
)
_FILLERS = frozenset(
    """le la les l un une des du de d au aux ce cet cette ces son sa ses leur leurs nouvelle nouveau
    nouvel nouvelles nouveaux grand grande petit petite même autre autres tout toute tous toutes
    certain certaine""".split()
)


def vague(words: str) -> bool:
    """A phrase of vague nouns only ("la chose", "une autre manière", "le lieu du
    projet"): the blank cannot be guessed, nor does it teach anything."""
    if any(w[:1].isupper() or w[:1].isdigit() for w in words.split()[1:]):
        return False
    found = [w for w in re.findall(r"[\w-]+", words.lower().replace("’", "'")) if w not in _FILLERS]
    return bool(found) and all(w in _VAGUE for w in found)


# What a French reader fills in without reading: France, the French, the State. A nationality
# is guessed only when its country is written near it ("au Sénégal, le président [sénégalais]").
# "les [Bleus]": the national team's name, which every French pupil knows.
_OBVIOUS = frozenset("france état etat gouvernement pays bleus bleues".split())


def obvious(words: str, prompt: str = "") -> bool:
    """A blank the prompt gives away ("a légué à la [France] sa collection", "qu'un [Français]
    garde le gâteau", "payé par [l'État]"): nothing learnt from the article. Not "le président
    [sénégalais]", unless Sénégal is written in `prompt`."""
    bare = re.sub(r"^(?:l['’]\s*|la\s+|le\s+|les\s+|un\s+|une\s+)", "", words.strip().lower())
    if bare in _OBVIOUS or re.fullmatch(r"fran[cç]ais(?:es?)?", bare):
        return True
    nationality = next((w for w in (bare, bare.rstrip("s")) if w in NATIONALITIES), None)
    return nationality is not None and _country_written(nationality, prompt)


def _country_written(nationality: str, prompt: str) -> bool:
    """A capitalised word of `prompt` sharing the nationality's stem ("Sénégal", "Allemagne",
    "Turquie" for "sénégalais", "allemand", "turc")."""
    stem = fold(nationality)[: min(4, len(nationality) - 1)]
    return any(fold(w).startswith(stem) for w in re.findall(r"\b[A-ZÀ-Ý][\w-]+", prompt))


def has_verb(b: Builder, x: int, y: int) -> bool:
    """A span with a conjugated verb or an infinitive in it ("[Paul niait avoir] menti"): a
    piece of a clause, not a fact; a title in quotation marks may hold one."""
    if b.text[x - 1 : x] in '«"“' and x > 0:
        return False
    words = [
        b.text[t.start : t.end]
        for t in b.a.tokens
        if x <= t.start and t.end <= y and t.pos in ("VERB", "AUX")
    ]
    return any(w.isalpha() and w.islower() for w in words)  # not "T/88", a name the tagger misread


# French prepositional locutions, without the "de" or "à" that closes them ("face à", "à cause
# de", "au sein de", "à l'égard de"): a blank that ends on one cuts it ("un [kayak près] de la
# fontaine", "un [retard à cause] de la neige"). "lieu", "cours", "suite" alone are nouns.
_LOCUTION_BODIES = (
    "face grâce près lors autour auprès loin afin quant proche jusqu hors",
    "à cause|au sein|au lieu|à côté|aux côtés|au bord|à bord|en dehors|à partir|à la suite|au travers",
    "au milieu|en vue|à l'instar|à l'égard|en raison|au-delà|au cours|à l'issue|en dépit|à l'aide",
    "en face|au nom|à l'encontre|en faveur|au profit|à l'image|au-dessus|au-dessous|en matière",
    "à propos|à l'occasion|en fonction|au moyen|à l'exception|à l'intérieur|à l'extérieur|le long",
)
_LOCUTION_END = re.compile(
    r"(?:^|[\s'’])(?:"
    + "|".join(
        w.replace(" ", r"\s+").replace("'", "['’]\\s*")
        for line in _LOCUTION_BODIES
        for w in line.split("|" if "|" in line else " ")
    )
    + r")$",
    re.IGNORECASE,
)


def cuts_a_locution(text: str, x: int, y: int) -> bool:
    quantity = re.search(
        r"\b(?:plusieurs|quelques|certaine?s|nombreu(?:x|ses))\s+$", text[max(0, x - 20) : x], re.I
    )
    if quantity and re.search(r"\s(?:par|pour|avec|sur|dans|à|en)\s", text[x:y]):
        return True  # "plusieurs [heures par grand froid]": the blank cut from its quantity, run on
    if re.match(r"\s+(?:et|ou)\s+\d", text[y:]):
        return True  # "des [4e] et 5e arrondissements": a blank cutting a pair of figures
    return bool(_LOCUTION_END.search(text[max(0, x - 20) : y])) and bool(
        re.match(r"\s+(?:à|au|aux|de|du|des|d['’])", text[y:])
    )


# A word French text uses more than about 60 times per million words ("homme", "fois", "projet",
# "public", "rencontre"): an everyday word, guessed from the words around it, teaching nothing.
COMMON_ZIPF = 4.8
_CONTENT = ("NOUN", "ADJ", "VERB", "ADV")


def everyday(word: str) -> bool:
    """A word of the everyday vocabulary (its frequency in French, from `wordfreq`)."""
    return word_frequency(word.lower().replace("’", "'"), "fr") >= COMMON_ZIPF


def span_tokens(b: Builder, x: int, y: int) -> list[Token]:
    return within(b.a.tokens, x, y)


def head_of(b: Builder, x: int, y: int) -> Token | None:
    """The word of text[x:y] the others hang on (its head outside the span), a noun first."""
    toks = b.a.tokens
    heads = [t for t in span_tokens(b, x, y) if not x <= toks[t.head].start < y or toks[t.head] is t]
    return next((t for t in heads if t.pos in ("NOUN", "PROPN")), heads[0] if heads else None)


def unelided(text: str) -> list[str]:
    """The words of `text` without their elided article or pronoun ("l'Office" → "Office")."""
    return re.sub(r"\b[ldjmnst]['’]", "", text, flags=re.I).split()


def teaches_nothing(b: Builder, x: int, y: int) -> bool:
    """A blank of everyday words only, no name and no figure in it ("un [jeune homme]", "la
    [première fois]", "le [projet de loi]", "une [drôle de recherche]", "les [habitants]"): the
    sentence gives it away, or it teaches nothing of the article."""
    toks = span_tokens(b, x, y)
    words = unelided(b.text[x:y])
    if not toks or re.search(r"\d", b.text[x:y]) or any(w[:1].isupper() for w in words[1:]):
        return False
    if any(t.pos in ("PROPN", "NUM") for t in toks) or any(a < y and x < c for a, c, _ in b.a.ner):
        return False  # a name, a figure
    if any(f.start < y and x < f.end for f, _ in b.a.figures):
        return False  # "en [novembre dernier]": a date
    content = [t for t in toks if t.pos in _CONTENT]
    return bool(content) and all(everyday(_word(b, t)) for t in content)


def _word(b: Builder, t: Token) -> str:
    return b.text[t.start : t.end]


def head_repeated(b: Builder, x: int, y: int, shown: str) -> bool:
    """A blank whose head noun the prompt writes again ("ce lieu du livre devient un [lieu du
    vivre]", "la salle … dans la [salle des fêtes]"): the word is given, the rest guessed."""
    head = head_of(b, x, y)
    if head is None or head.pos != "NOUN":
        return False
    forms = {singular(fold(_word(b, head))), fold(head.lemma)}
    return any(singular(w) in forms for w in fold(shown).split() if len(w) >= 3)


_LISTED_AFTER = re.compile(r"\s*(?:[^\s(:.,;]+\s+){0,3}?(?:\(([^()]+)\)|:\s*([^.;]+))")


def counted_after(text: str, x: int, y: int) -> bool:
    """A number the sentence lists the items of right after it ("les [cinq écrivains] (Ana Roy,
    Léo Bas, …)", "[trois] pays : la France, l'Italie et Malte"): counting them gives it away."""
    words = text[x:y].split()
    value = next((v for w in words[:2] if (v := parse_number(w)) is not None), None)
    m = _LISTED_AFTER.match(text, y)
    if value is None or m is None:
        return False
    items = [i for i in re.split(r",|\bet\b", m[1] or m[2]) if i.strip()]
    return len(items) >= 2 and len(items) == value


def splits_a_name(b: Builder, x: int, y: int) -> bool:
    """A blank that ends or starts inside a name the model found ("au [micro de France] Info"):
    half a name hidden, the other half shown ("[Terre]" in "notre Terre" hides the whole name)."""
    for a, c, _label in b.a.ner:
        shown = b.text[y:c] if a < y < c and x < a else b.text[a:x] if a < x < c and c <= y else ""
        if any(w[:1].isupper() for w in shown.split()):
            return True
    return False


def modifier_left_out(b: Builder, x: int, y: int) -> bool:
    """A blank that leaves out the adjective or adverb of its last word ("aux [éleveurs de vivre]
    décemment", "les [élus] locaux"): the phrase is cut, the gap reads wrong."""
    toks = b.a.tokens
    nxt = next((t for t in toks if t.start >= y), None)
    if nxt is None or b.text[y : nxt.start].strip() or nxt.pos not in ("ADJ", "ADV"):
        return False
    return nxt.dep in ("amod", "advmod") and x <= toks[nxt.head].start < y


MAX_PHRASE_WORDS = 8


def named_phrases(b: Builder, start: int, end: int) -> list[tuple[int, int]]:
    """Noun phrases of sentence [start, end) with a common head and a name in them, without their
    determiner ("pour les [salariés du musée de sciences naturelles d'Angers]"): a fact of the
    sentence when no verb governs it ("c'est opération porte-à-porte pour …"). The widest first."""
    span = token_span(b.a.tokens, start, end)
    toks = b.a.tokens[span.start : span.stop]
    if not toks:
        return []
    first = span.start
    below: dict[int, list[int]] = {}
    for i, t in enumerate(toks, first):
        if t.head != i:
            below.setdefault(t.head, []).append(i)
    out = []
    for i, t in enumerate(toks, first):
        if t.pos != "NOUN":
            continue
        span = _subtree(below, i)
        words = [b.a.tokens[j] for j in span]
        bare = t.dep == "obl:mod" and not any(w.pos == "ADP" for w in words)  # "ce soir", "mercredi"
        while words and words[0].pos in ("DET", "ADP"):
            words = words[1:]
        whole = span == list(range(span[0], span[-1] + 1))  # not split around other words
        if not words or bare or not whole or words[0].pos not in ("NOUN", "ADJ"):
            continue  # a phrase the parse splits, or one not opening on its noun
        lead = b.a.tokens[span[0]]
        if span[0] > 0 and lead.lemma == "de" and b.a.tokens[span[0] - 1].pos in ("NOUN", "PROPN"):
            continue  # "des parents [d'élèves de …]": the complement of a noun, cut from it
        if any(not b.text[w.start : w.start + 1].isalnum() for w in words):
            continue  # "la [présidence russe de «] mauvaise blague »"
        if any(f.start < words[-1].end and words[0].start < f.end for f, _ in b.a.figures):
            continue  # "mercredi 26 [mars de France Info]": a date, asked as one
        clause = any(w.pos in ("VERB", "AUX", "PUNCT", "PRON") for w in words)
        if not clause and 3 <= len(words) <= MAX_PHRASE_WORDS and any(w.pos == "PROPN" for w in words):
            out.append((words[0].start, words[-1].end))
    return sorted(out, key=lambda s: s[0] - s[1])


def _subtree(below: dict[int, list[int]], i: int) -> list[int]:
    out = [i]
    for j in below.get(i, []):
        out += _subtree(below, j)
    return sorted(out)


MAX_BLANK_WORDS = 6  # more is a clause to recite, not a fact to recall (names apart)
_DANGLING = re.compile(r"(?:\b(?:le|la|les|un|une|des|du|de|au|aux|à|en|et|ou|sur|par|pour)|['’])\s*$", re.I)
_REFERS_BACK = re.compile(r"\b(?:ce|cet|cette|ces)\s*$", re.I)
_CONTEXT_OPENER = re.compile(
    r"^(?:tous|toutes|tout|toute|nos|notre|vos|votre|leurs?|mes|ses|son|sa|mon|ma)\b", re.I
)


def badly_cut(text: str, x: int, y: int) -> bool:
    """A gap that ends on a determiner, a preposition or an elided word ("le [tube de l']été"),
    one a demonstrative points to ("cette [scène assez fascinante]": words for something said
    before, not a fact), one that opens on a possessive or "tous" ("[tous nos amis supporters]":
    the reader's context), or one too long to recall word for word."""
    mid = text[x:y]
    words = mid.split()
    bare = unelided(mid)
    named = any(w[:1].isupper() for w in bare) or bool(re.search(r"\d", mid))  # a name may be long
    return bool(
        _DANGLING.search(mid)
        or _REFERS_BACK.search(text[max(0, x - 8) : x])
        or _CONTEXT_OPENER.match(mid)
        or (len(words) > MAX_BLANK_WORDS and not named)
    )


_SMALL_WORDS = frozenset("les des une aux du de la le un et en au sur pour par avec dans".split())


def in_headline(b: Builder, words: str) -> bool:
    """An answer the headline writes ("Le [FC Barcelone] choisit …" under the headline "Le FC
    Barcelone choisit …", "la [fermeture de classe]" under "… fermeture de classes"): the headline
    is the bank's title, shown with every question, so it gives the answer away."""
    title = b.a.article.title
    if not title:
        return False
    shown = {singular(w) for w in re.findall(r"\w+", fold(title))}
    wanted = [singular(w) for w in re.findall(r"\w+", fold(words)) if len(w) > 2 and w not in _SMALL_WORDS]
    return bool(wanted) and all(w in shown for w in wanted)


def given_away(answer: str, pre: str, post: str) -> bool:
    """The answer written in the rest of the prompt: the same words (accents, case, hyphens
    aside: "Marcel-Sembat" and "Marcel Sembat"), or one of its names ("M. Trump" hidden,
    "Melania Trump" shown; "l'Assemblée nationale" hidden, "président de l'Assemblée" shown)."""
    shown = f" {fold(pre)} {fold(post)} "
    said = fold(answer)
    words = unelided(answer)
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        words = words[1:]  # "Emmanuel Macron": "Emmanuel Roy" shown is someone else
    names = [
        fold(w)
        for w in words
        if w[:1].isupper() and len(w) >= 3 and w.lower() not in NOT_NAMES and w.lower() not in TITLES
    ]
    return bool(said) and (f" {said} " in shown or any(f" {n} " in shown for n in names))
