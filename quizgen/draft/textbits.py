"""Small text helpers of the drafted questions: ids, extracts, French articles and contractions."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from typing import Any

from ..text import strip_accents, word_count
from .clean import plain

MAX_QUOTE_WORDS = 45
WINDOW_WORDS = 40  # words shown around a fact: most news sentences whole (a cut one reads badly)
SPARE_WORDS = 4  # a sentence is not cut to save so few words
BLANK = "_____"  # what a question asks for, never mistaken for the '…' of a cut extract


def slugify(text: str, max_words: int = 8, max_len: int = 60) -> str:
    words = re.findall(r"[a-z0-9]+", strip_accents(plain(text)).lower())
    small = {"le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "a", "au", "aux", "en"}
    kept = [w for w in words if w not in small] or words
    slug = "-".join(kept[:max_words])[:max_len].strip("-")
    return slug or "article"


def display(name: str) -> str:
    """A speaker as a choice: 'la Maison Blanche' → 'La Maison Blanche'."""
    name = " ".join(name.split())
    return name[:1].upper() + name[1:]


def of(name: str) -> str:
    """'de' before a name, contracted as French writes it: du Kremlin, d’un internaute."""
    low = name[:1].lower() + name[1:]
    for det, out in (("le ", "du "), ("les ", "des ")):
        if low.startswith(det):
            return out + low[len(det) :]
    if low.startswith(("la ", "l’", "l'")):
        return "de " + low
    if low[:1] in "aâeéèêiîoôuh" or low.startswith(("un ", "une ")):
        return "d’" + (low if low.startswith(("un ", "une ")) else name)
    return "de " + name


def with_article(r: Any) -> str:
    """'le conseiller à la sécurité nationale', or the role in guillemets when its gender is unknown."""
    det = (r.det or "").lower()
    if det in ("le", "la"):
        return f"{det} {r.role}"
    if det == "l'" or r.role[:1].lower() in "aâeéèêiîoôuh":
        return f"l’{r.role}"
    return f"« {r.role} »"


def collapse(text: str) -> str:
    """An extract on one line (the evidence check ignores runs of white space)."""
    return re.sub(r"\s*\n\s*", " ", text).strip()


def window(
    text: str, start: int, end: int, a: int, b: int, words: int = WINDOW_WORDS
) -> tuple[str, str, str]:
    """(before, middle, after) of the sentence text[start:end] around [a, b), cut to about
    `words` words with '…' where it was cut."""
    before = [w for w in collapse(text[start:a]).split(" ") if w]
    after = [w for w in collapse(text[b:end]).split(" ") if w]
    room = max(words - len(collapse(text[a:b]).split()), 6)
    keep_before = min(len(before), room // 2 + max(0, room // 2 - len(after)))
    keep_after = min(len(after), room - keep_before)
    if len(before) - keep_before <= SPARE_WORDS:
        keep_before = len(before)  # "… adolescent de 14 ans": a sentence starts where it starts
    elif keep_before:
        keep_before = _clause_start(before, keep_before)
        keep_before = min(keep_before, _after_closers(before[len(before) - keep_before :]))
    if len(after) - keep_after <= SPARE_WORDS:
        keep_after = len(after)
    elif keep_after:
        keep_after = _clause_end(after, keep_after)
    pre = " ".join(before[len(before) - keep_before :]) if keep_before else ""
    post = " ".join(after[:keep_after]) if keep_after else ""
    cut_pre, cut_post = keep_before < len(before) and bool(pre), keep_after < len(after) and bool(post)
    if cut_pre:
        pre = "… " + pre
    if cut_post:
        last = post.split(" ")[-1]
        post = (post if needs_next(last.rstrip(",;:")) else post.rstrip(" ,;:")) + " …"
    return _quotes_closed(pre, collapse(text[a:b]), post, cut_pre, cut_post)


def _quotes_closed(pre: str, mid: str, post: str, cut_pre: bool, cut_post: bool) -> tuple[str, str, str]:
    """A quotation the cut opened or closed outside the extract, its mark put back at the cut:
    '… industrielle » pour la France' → '« … industrielle » pour la France'."""
    said = f"{pre} {mid} {post}"
    if said.count("«") > said.count("»") and cut_post:
        post += " »"
    elif said.count("»") > said.count("«") and cut_pre:
        pre = "« " + pre
    marks = [i for i, c in enumerate(said) if c in '"']
    if len(marks) % 2:
        closer_first = marks[0] > 0 and not said[marks[0] - 1].isspace() and said[marks[0] - 1] not in "(«“'’"
        if closer_first and cut_pre:
            pre = '"' + pre
        elif cut_post:
            post += '"'
    return pre, mid, post


def _clause_start(before: list[str], keep: int) -> int:
    """How many words to keep before a blank so that the extract opens a clause (after a comma,
    a colon, a semicolon) rather than in the middle of a phrase, when one is near the cut."""
    cut = len(before) - keep
    shifts = (*range(0, SPARE_WORDS + 1), *range(-1, -SPARE_WORDS - 1, -1))
    for shift in shifts:
        i = cut + shift
        if 0 < i < len(before) and before[i - 1].endswith((",", ";", ":")):
            return len(before) - i
    for shift in shifts:  # else at an article: "… la communauté X a accueilli", not "… éponyme X a"
        i = cut + shift
        if 0 < i < len(before) and _OPENS_PHRASE.match(before[i]):
            return len(before) - i
    return keep


_OPENS_PHRASE = re.compile(r"(?:le|la|les|un|une|des|du|au|aux|l['’]\w+)$", re.IGNORECASE)


# Words a cut extract cannot end on: they need the next word ("a …", "l'une des …", "3 …").
_NEEDS_NEXT = frozenset(
    "le la les l' un une des du de d' au aux à a en dans par pour sur sous avec sans chez vers entre "
    "contre depuis pendant avant après selon et ou mais donc ni car que qu' qui dont si ne n' pas plus "
    "ce cet cette ces c' se s' sa son ses leur leurs il ils elle elles on lui y est sont était étaient "
    "été être ai as avons avez ont avait avaient sera seront fut très l'un l'une".split()
)


_NUMBER_WORDS = frozenset(
    "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize vingt "
    "trente quarante cinquante soixante cent mille".split()
)


def needs_next(word: str) -> bool:
    """A word a cut extract cannot end on: an article, a preposition, an auxiliary, a number."""
    w = word.lower().replace("’", "'").strip('«»"“”(')
    return w in _NEEDS_NEXT or w in _NUMBER_WORDS or w.endswith("'") or bool(re.fullmatch(r"[\d.,]+", w))


def _clause_end(after: list[str], keep: int) -> int:
    """How many words to keep after a blank so that the extract ends a clause (on a comma, a
    semicolon, a colon) when one is near the cut, and never on a word that needs the next one,
    nor inside a bracket it opened."""
    for shift in (*range(0, -SPARE_WORDS - 1, -1), *range(1, SPARE_WORDS + 1)):
        i = keep + shift
        if 0 < i < len(after) and after[i - 1].endswith((",", ";", ":")):
            keep = i
            break
    while keep > 0 and (needs_next(after[keep - 1]) or _opened(after[:keep])):
        keep -= 1
    return keep


def _after_closers(words: list[str]) -> int:
    """How many of `words` (the start of an extract cut before them) follow the last bracket
    they close without opening it: "… et Cholet) et du plan social" starts after the ")"."""
    keep = len(words)
    depth = 0
    for i, w in enumerate(words):
        depth += w.count("(") - w.count(")")
        if depth < 0:
            depth, keep = 0, len(words) - i - 1
    return keep


def _opened(words: list[str]) -> bool:
    """A bracket or a quotation mark opened in `words` and not closed there."""
    said = " ".join(words)
    if said.count("(") > said.count(")") or said.count("«") > said.count("»"):
        return True
    opener = max((i for i, w in enumerate(words) if w.startswith(('"', "“"))), default=None)
    if opener is None:
        return False  # a quotation opened before the blank closes after it: no harm
    return not any(w[1:].rstrip(".,;:!?…»)").endswith(('"', "”")) for w in words[opener:])


def guillemets(extract: str) -> str:
    """The extract between « », unless it is a quotation already (an intertitle in someone's
    words): « « On nous a dit … » » reads as a typo."""
    s = extract.strip()
    if s.startswith("«") and s.endswith("»") and s.count("«") == 1:
        return s
    return f"« {s} »"


def join(before: str, middle: str, after: str) -> str:
    """before + middle + after, a space between them unless punctuation or an open quotation
    mark holds them together ('pour "Anatomie d'une chute", l'histoire')."""
    out = before
    opened = before.count('"') % 2 == 1  # a straight quotation mark left open before the middle
    if out and not out.endswith((" ", "'", "’", "(", "«\u00a0", "“")) and not (opened and out.endswith('"')):
        out += " "
    out += middle
    closing = after.startswith(("”",)) or (opened and after.startswith('"'))
    if after and not after.startswith((",", ".", " ", ")", "\u00a0»", ";", ":")) and not closing:
        out += " "
    return (out + after).strip()


def shorten_quote(words: str, limit: int = MAX_QUOTE_WORDS) -> str:
    """A long quotation cut to its first sentences, the rest marked « […] »; a single very long
    sentence is cut at a comma (or a word) instead."""
    if word_count(words) <= limit:
        return words
    out = ""
    for s in re.split(r"(?<=[.!?…])\s+", words):
        if out and word_count(out + " " + s) > limit:
            break
        out = f"{out} {s}".strip()
    if word_count(out) > limit:
        head = " ".join(out.split()[:limit])
        comma = head.rfind(",")
        out = head[:comma] if comma > len(head) // 2 else head
    return out.rstrip(" ,;:") + " […]"


def stable_order(items: list[str], seed: str) -> list[str]:
    """Choices in an order that does not give the answer away, the same on every run."""
    return sorted(items, key=lambda x: hashlib.sha256(f"{seed}:{x}".encode()).hexdigest())


class Ids:
    """Question ids from a few words, unique in the bank."""

    def __init__(self) -> None:
        self.used: Counter[str] = Counter()

    def __call__(self, *parts: str) -> str:
        base = "-".join(slugify(p, max_words=4, max_len=30) for p in parts if p)[:70].strip("-")
        self.used[base] += 1
        n = self.used[base]
        return base if n == 1 else f"{base}-{n}"


# The words that make a sentence or a quotation lean on what came before ("Mais…", "Il…"), one
# list for every rule: the connectors an opening drops (openings.py), the other openers of a
# clause that needs the sentence before (a true statement, a quotation fragment), the pronouns.
POINTING_CONNECTORS = ("mais", "et", "or", "donc", "puis", "cependant", "pourtant", "toutefois", "néanmoins")
LEANING_OPENERS = frozenset(
    (*POINTING_CONNECTORS, "alors", "car", "ensuite", "enfin", "aussi", "sauf", "quand", "si", "parce")
)
POINTING_PRONOUNS = ("il", "elle", "ils", "elles", "lui", "cela", "ça", "ceci")

# A sentence that leans on the one before: "Il affirme…", "Ce dernier…", "Mais le club…".
_DANGLING = re.compile(
    rf"(?:(?:{'|'.join(POINTING_PRONOUNS)}|celui-ci|celle-ci|ceux-ci|celles-ci|{'|'.join(POINTING_CONNECTORS)})\b"
    r"|c(?:e|es|ette)\s+derni(?:er|ère|ers|ères)\b"
    # "Pour toutes ces raisons, …", "Dans ce cadre, …", "À cette occasion, …": a pointer back.
    r"|(?:pour|dans|à|de|par|après|avant|malgré|avec|sur)\s+(?:toutes?\s+|tous\s+)?(?:ce|cet|cette|ces)\s+[^\s,]+\s*,"
    # "Soit 120 emplois.", "Soit en abrégé : MOT.": "that is", a restatement of the sentence before.
    r"|soit\s+(?:(?:en|environ|près|plus|moins|un|une|le|la|les|des)\b|\d))",
    re.IGNORECASE,
)
_IMPERSONAL = re.compile(
    r"il\s+(?:y\s+a|y\s+avait|y\s+aura|faut|fallait|faudra|faudrait|a\s+fallu|s['’]agit|s['’]agissait|reste|est\s+(?:prévu|question|temps)"
    # "il est important de voter", "il était prévu qu'…"; not "il était connu de la justice"
    r"|(?:est|était|sera|serait)\s+[a-zàâçéèêëîïôûùüÿœ]+\s+(?:(?:de\s+|d['’])[a-zàâçéèêëîïôûùüÿœ]+(?:er|ir|re|oir)|que|qu['’]))\b",
    re.IGNORECASE,
)


def leans_back(said: str) -> bool:
    """A sentence that opens on a pronoun or a connector pointing back ("Il affirme à l'audience…",
    "Ce dernier…", "Mais…"): unreadable as a question outside the article. "Il y a", "il faut"
    are no pointer."""
    s = said.lstrip(' «"“-–—')
    return bool(_DANGLING.match(s)) and not _IMPERSONAL.match(s)
