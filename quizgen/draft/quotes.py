"""Quotation marks and sentences: where the quotations are, where sentences end.

French news uses « … » (with non-breaking spaces), “ … ” and "…"; quotes nest
(« aucune allusion à une « invasion russe » »), run over several paragraphs
(closed only at the end), and are sometimes mistyped (d' »obsolète »).
Sentences never end inside a quotation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .agencies import news_agency
from .clean import Article, plain
from .lexicon import NAMING_VERBS, NAMING_WORDS, TITLE_FUNCTION_WORDS

MASK = "\u2591"  # stands for quoted words when the rules read the text around a quote

_PAIRS = {"«": "»", "“": "”", '"': '"'}
_ABBREVIATIONS = frozenset(
    """
    m mm mme mlle dr pr me st ste etc av apr j.-c cf p n° no vol art bd ch éd coll gén col lt sgt
    env hab min max prof mgr gal jr sr
""".split()
)
# After an initial ("José E. Feliciano", "J.-C. Juncker", "J.K. Rowling") a name follows, not a
# new sentence, unless the next word is one that opens sentences and never a name.
_INITIALS = re.compile(r"(?:[A-ZÀ-Ý]\.-?)*[A-ZÀ-Ý]$")
_SENTENCE_OPENERS = frozenset(
    "il elle ils elles on je nous vous puis mais cette ces ce c'est cela ceci depuis pourtant".split()
)
_MAX_CARRIED_PARAGRAPHS = 4


@dataclass
class QuoteSpan:
    """A top-level quotation: the marks at `open` and `close`, its words in between."""

    open: int
    close: int
    inner_start: int
    inner_end: int
    first_para: int
    last_para: int
    nested: list[tuple[int, int]] = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.close + 1


@dataclass
class Sentence:
    start: int
    end: int
    para: int
    heading: bool = False


def _next_opening_balance(view: str, start: int, end: int) -> int:
    """Closing minus opening guillemets in a paragraph (> 0: it closes a quote opened earlier)."""
    seg = view[start:end]
    return seg.count("»") - seg.count("«")


def _reopens(view: str, start: int, end: int) -> bool:
    """A paragraph that repeats « at its start and closes at its end: the old style of a long
    quotation, its first paragraph left open ('« Je suis fier. ¶ « Et elle ira loin. »')."""
    seg = view[start:end].strip()
    return seg.startswith("«") and seg.endswith(("»", "».", "» ")) and seg.count("«") == seg.count("»")


def find_quotes(article: Article) -> list[QuoteSpan]:
    """Every top-level quotation of the article's paragraphs, in reading order."""
    view = plain(article.text)
    paras = article.paragraphs
    out: list[QuoteSpan] = []
    stack: list[tuple[str, int, int]] = []  # (opening mark, position, paragraph)
    nested: list[tuple[int, int]] = []
    carried = 0
    for pi, p in enumerate(paras):
        seg = view[p.start : p.end]
        straight_ok = seg.count('"') % 2 == 0
        first_char = p.start + len(seg) - len(seg.lstrip())
        for pos in range(p.start, p.end):
            c = view[pos]
            if c == "«":
                if stack and stack[-1][0] == "«" and _closes_straight(view, pos, p.start, p.end):
                    _close(view, stack, nested, out, pos, pi)  # "«intacte«,": a closing mark typed as «
                elif not _repeated_opening(view, stack, pos, carried and pos == first_char):
                    stack.append(("«", pos, pi))
            elif c == "»":
                if stack and stack[-1][0] == "«":
                    _close(view, stack, nested, out, pos, pi)
                elif (
                    not stack
                    and pos + 1 < p.end
                    and view[pos + 1].isalpha()
                    and (pos == p.start or view[pos - 1] in " '")
                ):
                    stack.append(("«", pos, pi))  # a closing mark typed as the opening one
            elif c == "“":
                if stack and stack[-1][0] == "“" and _closes_straight(view, pos, p.start, p.end):
                    _close(view, stack, nested, out, pos, pi)  # "“Nous y serons“": a closing mark typed as “
                else:
                    stack.append(("“", pos, pi))
            elif c == "”":
                if stack and stack[-1][0] == "“":
                    _close(view, stack, nested, out, pos, pi)
            elif c == '"':
                _straight(view, stack, nested, out, pos, pi, (p.start, p.end), straight_ok)
        if stack:
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            if (
                stack[0][0] == "«"
                and nxt is not None
                and carried < _MAX_CARRIED_PARAGRAPHS
                and (
                    _next_opening_balance(view, nxt.start, nxt.end) > 0
                    or (len(stack) == 1 and _reopens(view, nxt.start, nxt.end))
                )
            ):
                carried += 1
                continue
            stack.clear()
            nested.clear()
        carried = 0
    return out


def _repeated_opening(view: str, stack: list[tuple[str, int, int]], pos: int, carried_start: bool) -> bool:
    """A « that opens nothing new: "««" typed twice, or the old style that repeats « at the
    start of each paragraph of a long quotation."""
    if not stack:
        return False
    if carried_start and len(stack) == 1:
        return True
    return stack[-1][0] == "«" and not view[stack[-1][1] + 1 : pos].strip()


_OPENING_CONTEXT = " \t\u00a0\u202f([{:'’«“—–-"
_CLOSING_NEXT = " \t\u00a0\u202f.,;:!?…)]}»”"


def _straight(
    view: str,
    stack: list[tuple[str, int, int]],
    nested: list[tuple[int, int]],
    out: list[QuoteSpan],
    pos: int,
    pi: int,
    bounds: tuple[int, int],
    even: bool,
) -> None:
    """A straight mark: it opens or closes by its place in a paragraph where they pair up; where
    one is missing (an odd count, a typo of the page), only by its shape — a mark glued to the
    word after it opens, one glued to the word before it closes, and a closing mark with nothing
    open is left alone ('"Nous y serons", a dit X. Il faut y aller". Ensuite, …')."""
    start, end = bounds
    open_straight = bool(stack) and stack[-1][0] == '"'
    if even:
        if open_straight and not _opens_straight(view, pos, start, end):
            _close(view, stack, nested, out, pos, pi)
        else:
            stack.append(('"', pos, pi))
    elif open_straight and _closes_straight(view, pos, start, end):
        _close(view, stack, nested, out, pos, pi)
    elif not open_straight and _opens_straight(view, pos, start, end):
        stack.append(('"', pos, pi))


def _closes_straight(view: str, pos: int, start: int, end: int) -> bool:
    """A straight mark glued to the word before it, with a space or a stop after it."""
    before = view[pos - 1] if pos > start else " "
    after = view[pos + 1] if pos + 1 < end else " "
    return not before.isspace() and after in _CLOSING_NEXT


def _opens_straight(view: str, pos: int, start: int, end: int) -> bool:
    """Whether a straight mark inside a straight quotation opens a nested one: white space or
    an opening sign before it and a word after it ('"Nous avons dit "non" à …"'); a mark
    glued to a word before it, or followed by a stop or a space, closes."""
    before = view[pos - 1] if pos > start else " "
    after = view[pos + 1] if pos + 1 < end else " "
    return before in _OPENING_CONTEXT and after not in _CLOSING_NEXT


def _close(
    view: str,
    stack: list[tuple[str, int, int]],
    nested: list[tuple[int, int]],
    out: list[QuoteSpan],
    pos: int,
    pi: int,
) -> None:
    _mark, opened, para = stack.pop()
    if stack:
        nested.append((opened, pos + 1))
        return
    inner_start, inner_end = opened + 1, pos
    while inner_start < inner_end and (view[inner_start].isspace() or view[inner_start] == "«"):
        inner_start += 1  # "««" typed twice
    while inner_end > inner_start and view[inner_end - 1].isspace():
        inner_end -= 1
    if inner_end > inner_start:
        out.append(QuoteSpan(opened, pos, inner_start, inner_end, para, pi, list(nested)))
    nested.clear()


def split_sentences(article: Article, quotes: list[QuoteSpan]) -> list[Sentence]:
    """The sentences of each paragraph; a quotation never holds a sentence end."""
    view = plain(article.text)
    inside = bytearray(len(view))
    for q in quotes:
        inside[q.open + 1 : q.close] = b"\x01" * (q.close - q.open - 1)
    closers = {q.close for q in quotes}
    out: list[Sentence] = []
    for pi, p in enumerate(article.paragraphs):
        start = p.start
        if p.heading:
            out.append(Sentence(p.start, p.end, pi, heading=True))
            continue
        i = p.start
        while i < p.end:
            c = view[i]
            cut = None
            if not inside[i] and c in ".!?…" and _ends_sentence(view, i, p.end, start):
                cut = i + 1
                while cut < p.end and view[cut] in ".!?…)":
                    cut += 1
            elif i in closers and _quote_ends_sentence(view, i, p.end):
                cut = i + 1
            if cut is not None:
                _emit(out, view, start, cut, pi)
                start = cut
                i = cut
                continue
            i += 1
        _emit(out, view, start, p.end, pi)
    return out


def _emit(out: list[Sentence], view: str, start: int, end: int, para: int) -> None:
    while start < end and view[start].isspace():
        start += 1
    while end > start and view[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end, para))


_NEXT_STARTS_SENTENCE = re.compile(r"\s+[\"«“(\[]?\s*[A-ZÀ-Ý0-9▪•«“\"]")


def _ends_sentence(view: str, i: int, end: int, sent_start: int) -> bool:
    j = i + 1
    while j < end and view[j] in ".!?…)":
        j += 1
    if j >= end:
        return False  # the paragraph end cuts anyway
    if not _NEXT_STARTS_SENTENCE.match(view, j):
        return False
    if view[i] == ".":
        word = re.search(r"([\w.°'-]+)$", view[sent_start:i])
        if word:
            written = word.group(1).replace("’", "'").split("'")[-1]
            if written.lower() in _ABBREVIATIONS:
                return False
            if _INITIALS.fullmatch(written):
                following = re.match(r"[^\w]*([\w'’]+)", view[j:])
                nxt = following.group(1).lower().replace("’", "'") if following else ""
                return nxt in _SENTENCE_OPENERS or nxt.startswith(("c'", "l'", "qu'"))
    return True


def _quote_ends_sentence(view: str, close: int, end: int) -> bool:
    """A quotation whose words end a sentence (« … ? ») and that a new sentence follows."""
    k = close - 1
    while k > 0 and view[k].isspace():
        k -= 1
    return view[k] in ".!?…" and bool(_NEXT_STARTS_SENTENCE.match(view, close + 1))


def masked(article_view: str, start: int, end: int, quotes: list[QuoteSpan]) -> str:
    """view[start:end] with every quotation's words replaced by MASK (same length)."""
    chars = list(article_view[start:end])
    for q in quotes:
        a, b = max(q.open + 1, start), min(q.close, end)
        for k in range(a, b):
            chars[k - start] = MASK
    return "".join(chars)


_REFLEXIVE_AUX = frozenset({"s'est", "s'était", "sont", "étaient", "se", "s'"})


# "« Frère d'âme » (Seuil)", "« Leurs enfants » (Actes Sud, 2018)": a work with its publisher,
# label, channel or year in brackets right after the closing mark.
# A headline's "“…” (Bernard Pivot)" ends its line: there the brackets name the speaker.
_WORK_CREDIT = re.compile(
    r"^\s*\((?:[A-ZÀ-Ý][\w'’&.-]*(?:[ -][\w'’&.-]+){0,3}(?:,\s*)?)?(?:\d{4})?\)(?![ \t]*(?:\n|$))"
)


_ADJECTIVE = re.compile(
    r"[a-zéèêëàâîïôûç]{2,}(?:ique|ien|ienne|el|elle|al|ale|aire|if|ive|eux|euse|é|ée|ier|ière|ais|aise|iste)"
)
# Words before 'pour « … »' that make the quotation the name of a charge, not anyone's words.
_CHARGE_WORDS = frozenset(
    """
    ouverte ouvert ouvertes examen poursuivi poursuivie poursuivis poursuivies condamné condamnée
    condamnés condamnées inculpé inculpée inculpés jugé jugée jugés déféré déférée écroué écrouée
    interpellé interpellée interpellés arrêté arrêtée arrêtés plainte enquête information chef chefs
""".split()
)
_SUBJECT_WORDS = frozenset("je j' tu il elle nous vous on ils elles c' ne n'".split())


def names_a_work(words: str, before: str, after: str = "") -> bool:
    """« Frère d'âme » (Seuil), son roman « Terre promise », le plan « Grenoble respire »: a
    name the words around the marks give, whatever incise follows the sentence."""
    tokens = re.findall(r"[\w'-]+", words)
    if not tokens or len(tokens) > 12:
        return False
    credit = _WORK_CREDIT.match(after)
    sentence = any(t.lower() in _SUBJECT_WORDS for t in tokens)  # "« Nous partons » (Paul Roy)"
    if credit and credit.group().strip() != "()" and not sentence and not news_agency(credit.group()[1:-1]):
        return not words.rstrip().endswith(".")  # a work's title; "« … » (AFP)" stays speech
    clause = re.split(r"[.!?;:»”]", before)[-1]
    prev = [re.sub(r"^[ld]'", "", w) for w in re.findall(r"[\w'-]+", clause.lower().replace("’", "'"))]
    if len(prev) >= 2 and prev[-1] in ("pour", "de", "d'") and prev[-2] in _CHARGE_WORDS:
        return True  # "une enquête ouverte pour « assassinat »", "mis en examen pour « vol »": a charge
    if len(tokens) > 6:
        return False
    reflexive = len(prev) >= 2 and prev[-2] in _REFLEXIVE_AUX  # "elle s'est dite « touchée »": speech
    if prev and prev[-1] in NAMING_VERBS and not reflexive:
        return True
    # 'le plan « Grenoble respire »', 'son roman autobiographique « Terre »'; but 'le plan
    # « trop cher »' is speech.
    adjective = len(prev) >= 2 and prev[-2] in NAMING_WORDS and _ADJECTIVE.fullmatch(prev[-1])
    # "Son tableau le plus célèbre, « Marée basse », est …": the work named a few words before.
    described = clause.rstrip().endswith(",") and any(w in NAMING_WORDS for w in prev[-5:-1])
    ends = words.rstrip().endswith((".", "!", "?"))
    if prev and prev[-1] in _LOWER_CASE_NAMES and len(tokens) <= 4 and not ends:
        return not any(t.lower() in _SUBJECT_WORDS for t in tokens)  # "l'opération « collège désert »"
    return tokens[0][0].isupper() and bool((prev and prev[-1] in NAMING_WORDS) or adjective or described)


# An operation, a movement, a slogan is named in lower case too ("l'opération « collège désert »").
_LOWER_CASE_NAMES = frozenset("opération mouvement slogan hashtag mot-dièse label appel".split())


def is_name_or_title(words: str, before: str, after: str = "") -> bool:
    """« Situation Room », « Le Monde »: quotation marks around a name, not speech; `after` is
    the text just after the closing mark."""
    tokens = re.findall(r"[\w'-]+", words)
    if not tokens or len(tokens) > 6:
        return names_a_work(words, before, after)
    if names_a_work(words, before, after):
        return True
    content = [t for t in tokens if t.lower() not in TITLE_FUNCTION_WORDS]
    if not content:
        return False
    capitalised = all(t[0].isupper() for t in content)
    if len(content) == 1:
        # One capitalised word is a name unless it opens a quoted sentence.
        return capitalised and not words.rstrip().endswith(("!", "?", "."))
    return capitalised
