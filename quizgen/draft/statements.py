"""True/false statements on the lead: a sentence as written (true), or with one fact swapped for
another of the same kind the article names (false, its correction in the explanation).

About as many false as true statements, so that "Vrai" is no safe guess: a person for a person
of the same gender, a place after the same preposition, a figure of the same unit, a date of the
same form, always taken from the article, never from a stock list.
"""

from __future__ import annotations

import re

from ..text import fold_answer
from .dates import WEEKDAY
from .distractors import Candidate, pick
from .factspans import NEGATION, emphasised, in_sentence, places_of, preposition, spans_of
from .figures import Figure
from .lexicon import TITLES
from .nlp import starting_in
from .questions import Builder
from .salience import named_in_passing
from .textbits import LEANING_OPENERS, POINTING_PRONOUNS, collapse, display, guillemets, join
from .trivia import a_firm, to_come


def swaps_of(b: Builder, si: int) -> list[tuple[int, int, str, str]]:
    """(start, end, replacement, why) facts of sentence si that another fact of the same kind,
    taken from the article, can replace: a person, a place after the same preposition, a figure
    of the same unit."""
    out = person_swaps_of(b, si)
    places = places_of(b)
    for x, y in spans_of(b, si, "LOC"):
        prep = preposition(b.text, x)
        near = b.text[max(0, x - 600) : y + 600].lower()  # includes the place itself
        # A place named close by may be where this happened too: no sure "false".
        other = next((p for p, pp in places if pp == prep and p.lower() not in near), None)
        if prep and other:
            out.append((x, y, other, "un lieu remplacé par un autre de l’article"))
    start, end = b.sentence_span(si)
    said = b.text[start:end]
    for fig, fsi in b.a.figures:
        if fsi != si or fig.kind not in (*_FIGURE_KINDS, "date") or b.trivia(fig):
            continue
        others = (
            f
            for f, _ in b.a.figures
            if same_kind(fig, f) and f.text not in said and _fits(b, fig, f)
            and not still_true(b.text, fig, f)
        )
        other = next(others, None)  # not an age for a duration ("durera 70 ans")
        if other is None:
            continue
        if fig.kind == "date":
            new = collapse(other.text)
            new = new[:1].lower() + new[1:] if fig.start > start else new  # "Invitée mercredi 26 mars"
            out.append((fig.start, fig.end, new, "une date remplacée par une autre de l’article"))
        else:
            out.append((fig.start, fig.end, collapse(other.text), _A_FIGURE))
    out = [w for w in out if not named_in_passing(b, si, w[0], w[1])]  # "… notamment par [X]": a detail
    return [w for w in out if not breaks_clause(b, w[0], w[1], w[2])]


def _fits(b: Builder, fig: Figure, other: Figure) -> bool:
    """`other` worth asking about, and of the same time as `fig` (same_time)."""
    return not b.trivia(other) and same_time(b.text, fig, other)


_LOWER_BOUND = re.compile(r"\b(?:plus\s+d['’e]|au\s+moins|au-delà\s+d['’e]|dépassant|dépasse)\s*$", re.I)
_UPPER_BOUND = re.compile(r"\b(?:moins\s+d['’e]|au\s+plus|jusqu['’]à|pas\s+plus\s+d['’e])\s*$", re.I)


def still_true(text: str, fig: Figure, other: Figure) -> bool:
    """ "plus de 42 kilomètres" made "plus de 10 kilomètres" is still true: a lower bound takes no
    smaller figure for a false statement, an upper bound ("moins de", "jusqu'à") no larger one."""
    if fig.value is None or other.value is None:
        return False
    before = text[max(0, fig.start - 24) : fig.start]
    if _UPPER_BOUND.search(before):  # first: "pas plus de" ends on "plus de"
        return other.value >= fig.value
    if _LOWER_BOUND.search(before):
        return other.value <= fig.value
    return False


def same_time(text: str, fig: Figure, other: Figure) -> bool:
    """A date of what is to come for a date to come, a past one for a past one ("repérée en [2031]"
    for "repérée en 2014" is false by its tense alone: nothing to know from the article)."""
    return fig.kind != "date" or to_come(text, fig) == to_come(text, other)


_DETERMINER = re.compile(r"(?:le|la|les|l['’]|une?|des|du|au|aux)\b", re.IGNORECASE)


def breaks_clause(b: Builder, x: int, y: int, new: str) -> bool:
    """A swap that would leave the statement no full clause: the span holds a verb of the
    sentence (the statement would lose it), or a determiner before it belongs to the span and the
    replacement brings its own ("le [Washington National Opera]" → "le la Maison Blanche")."""
    toks = b.a.tokens
    inside = [t for t in toks if x <= t.start and t.end <= y]
    if any(t.pos in ("VERB", "AUX") for t in inside):
        return True
    if elision_breaks(b.text[max(0, x - 12) : x], new):
        return True  # "que [Paul Roy]" → "que Anne Roux": the missing "qu'" says "false"
    before = next((t for t in reversed(toks) if t.end <= x), None)
    owned = before is not None and before.pos == "DET" and x <= toks[before.head].start < y
    return owned and bool(_DETERMINER.match(new))


_UNELIDED = re.compile(r"\b(?:que|lorsque|puisque|de|le|la|je|me|te|se|ne|jusque)\s+$", re.IGNORECASE)
_ELIDED = re.compile(r"\b(?:qu|lorsqu|puisqu|d|l|j|m|t|s|n|jusqu)['’]$", re.IGNORECASE)


def elision_breaks(before: str, new: str) -> bool:
    """Whether `new` after `before` breaks French elision: "que Anne", "d'Paris"."""
    vowel = new[:1].lower() in "aeiouyàâéèêëîïôûüh"
    return bool(vowel and _UNELIDED.search(before)) or bool(not vowel and _ELIDED.search(before))


_FIGURE_KINDS = ("count", "percent", "money", "duration")
MAX_SWAP_RATIO = 10  # a false figure at most ten times the true one, or a tenth of it
_A_FIGURE = "un chiffre remplacé par un autre de l’article"
_MONTH = re.compile(
    r"\b(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b",
    re.IGNORECASE,
)


def _date_form(text: str) -> tuple[bool, bool, bool, bool, str]:
    """(weekday, day, month, year, the word that places a month) written: "mercredi 24 janvier" and
    "samedi 7 décembre" are of one form, "2014" and "30 juin 2022" are not, nor "fin mai" and
    "juin dernier"."""
    rel = re.search(r"\b(?:fin|début|mi|courant|derni|prochain)", text, re.IGNORECASE)
    return (
        bool(WEEKDAY.search(text)),
        bool(re.search(r"\b\d{1,2}(?:er)?\b", text)),
        bool(_MONTH.search(text)),
        bool(re.search(r"\b\d{4}\b", text)),
        rel[0].lower() if rel else "",
    )


def same_kind(fig: Figure, other: Figure) -> bool:
    """Another figure that can stand in for `fig`: same kind and unit (dates: same form), another
    value of the same order (not "une tournée de [50] ans" for "de trois ans", "[185] sénateurs"
    for "7 sénateurs": common sense says false, not the article), not the same words."""
    if other.kind != fig.kind or fold_answer(other.text) == fold_answer(fig.text):
        return False
    if fig.kind == "date":
        return _date_form(fig.text) == _date_form(other.text)
    if other.unit != fig.unit or other.value in (None, fig.value) or fig.value is None:
        return False
    low, high = sorted((abs(float(fig.value)), abs(float(other.value))))
    return high <= low * MAX_SWAP_RATIO


_BEFORE_NAME = re.compile(r"(?:\b(?:le|la|les|l'|d'|de|du|des|au|aux)|[a-zàâçéèêëîïôûùüÿœ]{3,})\s*$")


_PRONOUN = re.compile(r"\b(?:il|elle|ils|elles|lui|leur|eux|son|sa|ses)\b", re.IGNORECASE)
_GENDERED = re.compile(r"\b(?:il|elle|ils|elles)\b", re.IGNORECASE)  # a subject to agree with
_OF_BEFORE = re.compile(r"\b(?:de|à|par|avec|pour|contre|entre)\s+$")
_VOWEL = re.compile(r"[aeiouyàâéèêëîïôûùüœh]", re.IGNORECASE)


def person_swaps_of(b: Builder, si: int) -> list[tuple[int, int, str, str]]:
    """A full name written alone (no title, role or article before it, so that the sentence
    stays French), replaced by another person of the article of the same gender."""
    spans = spans_of(b, si, "PER")
    if len(spans) >= 3:
        return []  # a list of people: swapping one of them proves nothing
    start, end = b.sentence_span(si)
    pronoun = bool(_PRONOUN.search(b.text[start:end]))
    out = []
    for x, y in spans:
        person = b.a.registry.person(b.text[x:y])
        before = b.text[max(0, x - 30) : x].replace("’", "'")
        if person is None or len(b.text[x:y].split()) < 2 or b.text[x:y].split()[0].lower() in TITLES:
            continue  # "Mme Trump": the title would not fit the other person
        if a_firm(b.text, person.name):
            continue  # "l'usine Martin Dupuis": a firm, not a person to swap
        # "de X", "à X": another name fits if neither elides ("de Paul", not "d'Anne").
        after_of = bool(_OF_BEFORE.search(before)) and not _VOWEL.match(b.text[x:y])
        bare = re.search(r"[,;:.!?]\s*$|^\s*$|\n\s*$", before) or after_of or _after_a_verb(b, x)
        if _BEFORE_NAME.search(before) and not bare:
            continue  # "la députée X", "d'X": the swap would break gender or elision
        if re.match(r"\s*,\s*(?:l[ea]\s+|l')?[a-zàâçéèêëîïôûùüÿœ-]+", b.text[y : y + 30]):
            continue  # "X, ex-patron du groupe": the role says who it is
        answer = Candidate(display(person.name), "person", "p:" + person.key)
        picked = pick(answer, b.candidates, n=5, exclude=in_sentence(b, si))
        if picked.fallback:
            continue
        for name in picked.names:
            other = b.a.registry.person(name)
            if len(name.split()) < 2 or (pronoun and name.lower() in b.text[x - 200 : y + 200].lower()):
                continue  # a person named close by may be the one a pronoun of this sentence means
            if other and (person.gender or other.gender) and other.gender != person.gender:
                continue  # the gender of one unknown is no match
            if (other is None or not other.gender) and _GENDERED.search(b.text[start:end]):
                continue  # "Interrogé…, Marine Le Pen se dit inquiet… qu'il dirige": it would not agree
            if after_of and _VOWEL.match(name):
                continue
            out.append((x, y, name, "une personne remplacée par une autre de l’article"))
            break
    return out


_NO_TITLE_BEFORE = frozenset(("VERB", "AUX", "CCONJ", "SCONJ"))


def _after_a_verb(b: Builder, x: int) -> bool:
    """A name right after a verb or a conjunction ("l'homme qui a giflé [X]", "Mais [X] pense"):
    no title or role before it for another name to disagree with. Not the speaker a speech verb
    names after a quotation ("», a commenté [X]"): who said it is the quote question's."""
    before = next((t for t in reversed(b.a.tokens) if t.end <= x), None)
    if before is None or before.pos not in _NO_TITLE_BEFORE or b.text[before.end : x].strip():
        return False
    return not any(0 <= x - q.close <= 40 for q in b.a.quotes)


def true_false(b: Builder, si: int) -> bool:
    """A sentence with one fact swapped for another of the article (answer: false)."""
    if _the_title(b, si):
        return False
    swaps = swaps_of(b, si)
    start, end = b.sentence_span(si)
    if not swaps or NEGATION.search(b.text[start:end]):
        return False
    return _any_false_statement(b, si, swaps)


def _the_title(b: Builder, si: int) -> bool:
    """The headline, which the bank shows as its title: true or false, its statement is read there."""
    return si == 0 and b.a.sentences[si].heading and b.a.article.title is not None


def _any_false_statement(b: Builder, si: int, swaps: list[tuple[int, int, str, str]]) -> bool:
    """The first swap whose statement `Builder.add` takes (a refused one: the next fact swapped)."""
    return any(_false_statement(b, si, swap) for swap in swaps)


def _false_statement(b: Builder, si: int, swap: tuple[int, int, str, str]) -> bool:
    x, y, new, why = swap
    start, end = b.sentence_span(si)
    pre, mid, post = b.window(si, x, y, words=40)
    q = {
        "id": b.ids("vrai-faux", new),
        "type": "true_false",
        "source": b.source_id,
        "statement": f"D’après l’article : {guillemets(join(pre, new, post))}",
        "answer": False,
        "evidence": collapse(b.text[start:end]),
        "explanation": f"Faux : l’article écrit « {join(pre, mid, post)} ».",
        "tags": ["essentiel"],
    }
    return b.add("keyfact", q, review=True, why=f"affirmation fausse à relire ({why})", sentence=si)


def _balance(b: Builder) -> int:
    """True statements drafted so far minus false ones."""
    return sum(1 if q["answer"] else -1 for q in b.questions if q["type"] == "true_false")


MAX_TRUE_STATEMENTS = 2  # enough for the false statements not to give "Faux" away
# A true statement must read alone: not "Et le maire devait…", "Quand ils arrivent…", "Accompagné de…".
_LEANS_BACK = LEANING_OPENERS | frozenset((*POINTING_PRONOUNS, "ce", "on", "accompagné", "accompagnée"))


# ", a-t-il précisé." closing a sentence whose subject names the speaker already.
_LOW = "[a-zàâçéèêëîïôûùüÿœ]+"
_END_INCISE = re.compile(
    rf",\s*(?!(?:paraît|parait|semble|dit|sait)-){_LOW}-(?:t-)?(?:il|elle)(?:\s+{_LOW})?\s*([.!])$"
)  # not ", paraît-il.": hearsay stays hearsay


def true_statement(b: Builder, si: int) -> bool:
    """A sentence that states a fact, asked as it is written (answer: true), when nothing else
    fits it."""
    if _the_title(b, si):
        return False
    start, end = b.sentence_span(si)
    written = collapse(b.text[start:end])
    fix = b.opening(si)
    said = fix.apply(written) if fix else written
    if said.startswith("["):  # "[Paul Roy] chantera, a-t-il précisé.": he is named, the incise goes
        said = _END_INCISE.sub(r"\1", said)
    verbs = [t for t in starting_in(b.a.tokens, start, end) if t.pos == "VERB" and t.dep == "ROOT"]
    trues = sum(1 for q in b.questions if q["type"] == "true_false" and q["answer"])
    if trues >= MAX_TRUE_STATEMENTS or (b.a.tokens and not verbs):
        return False
    if not 8 <= len(said.split()) <= 40 or said.split()[0].lower().strip(",") in _LEANS_BACK:
        return False  # "Et le maire devait…", "Quand ils arrivent…": no fact on its own
    if any(start <= q.open < end for q in b.a.quotes):
        return False  # someone's words: a quote question asks about them
    if _points_back(b, start, end):
        return False  # "Pour pouvoir l'observer, il faudra…": what is "l'"? No fact on its own
    named = any(start <= x < end for x, _y, _l in b.a.ner) or bool(fix and fix.text)  # "[Paul Durand] a…"
    if b.a.ner and not named and not _has_figure(b, si):
        return False  # "Un alcool festif lui fera tourner la tête": no one, nothing named, no figure
    swaps = [] if NEGATION.search(said) else swaps_of(b, si)
    if swaps and _balance(b) >= 0 and _any_false_statement(b, si, swaps):
        return True  # as many false statements as true ones (all refused: the sentence as written)
    if _balance(b) > 0:
        return False  # one true statement more than false ones for now: balance() evens them out
    q = {
        "id": b.ids("vrai-faux", said[:40]),
        "type": "true_false",
        "source": b.source_id,
        "statement": f"D’après l’article : {guillemets(emphasised(said))}",
        "answer": True,
        "evidence": written,
        "explanation": "Vrai : c’est ce qu’écrit l’article.",
        "tags": ["essentiel"],
    }
    if fix and fix.why:
        b.rewritten[si] = fix.why
    return b.add("keyfact", q, review=False, sentence=si)


MIN_OTHER_QUESTIONS = 3  # a draft with fewer other questions keeps one true statement unmatched


_OBJECT_PRONOUNS = frozenset("l' l’ le la les lui leur".split())


def _points_back(b: Builder, start: int, end: int) -> bool:
    """An object pronoun standing for something named before ("l'observer", "lui a remis")."""
    return any(
        start <= t.start < end
        and t.pos == "PRON"
        and t.dep in ("obj", "iobj")
        and b.text[t.start : t.end].lower() in _OBJECT_PRONOUNS
        for t in b.a.tokens
    )


def _has_figure(b: Builder, si: int) -> bool:
    return any(fsi == si for _f, fsi in b.a.figures)


def balance(b: Builder) -> None:
    """No more true statements than false ones, so that "Vrai" is never the safe answer (one
    more in a draft with fewer than MIN_OTHER_QUESTIONS other questions). A figure asked as a
    number, when the article gives another of its unit, is asked instead as a false statement;
    past that, the last true statements go (their sentences may then be asked another way)."""
    tf = [q for q in b.questions if q["type"] == "true_false"]
    trues = sum(1 for q in tf if q["answer"])
    spare = 1 if len(b.questions) - trues < MIN_OTHER_QUESTIONS else 0
    extra = 2 * trues - len(tf) - spare
    while extra > 0 and _numeric_to_false(b):
        extra -= 1
    for q in [q for q in reversed(tf) if q["answer"]][: max(0, extra)]:
        b.drop(q)


def _numeric_to_false(b: Builder) -> bool:
    """The last numeric question whose figure another of the article can replace, asked instead
    as a false statement (kept as it was when the statement does not read well)."""
    for q in reversed([q for q in b.questions if q["type"] == "numeric"]):
        _kind, si = b.kind_of[q["id"]]
        if si is None or NEGATION.search(b.text[slice(*b.sentence_span(si))]):
            continue
        fig = next((f for f, fsi in b.a.figures if fsi == si and f.value == q["answer"]), None)
        swap = next((w for w in swaps_of(b, si) if fig is not None and w[:2] == (fig.start, fig.end)), None)
        if swap is None:
            continue
        reason = b.reasons.get(q["id"], "")
        b.drop(q)
        if _false_statement(b, si, swap):
            return True
        again = {k: v for k, v in q.items() if k not in ("draft", "review")}
        b.add("figure", again, review=bool(q.get("review")), why=reason, sentence=si)
    return False
