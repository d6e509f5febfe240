"""Flaws in the wording of one question: negative stems, quotes, cloze gaps
and evidence that does not show the answer."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import CLOZE_GAP, AnyQuestion, Cloze, Match, Numeric, Order, Quote, Short
from ..text import normalize
from .core import Finding, answer_texts, question_rule, stem_of
from .french import (
    ABSOLUTE_WORDS,
    DATE,
    FUNCTION_WORDS,
    GENDER_ARTICLES,
    NEGATION,
    content_stems,
    ends_with_elision,
    family_words,
    fold,
    last_word,
    related,
    words,
)

_EMPHASIS = re.compile(r"\b(?:NE|N['’]|PAS|SAUF|JAMAIS|AUCUNE?|RIEN|PLUS|EXCEPTÉE?|FAUX|FAUSSE)\b")
_NUMBER_WORDS = frozenset("""zero un une deux trois quatre cinq six sept huit neuf dix onze douze treize
quatorze quinze seize vingt trente quarante cinquante soixante cent cents mille million millions
milliard milliards dizaine douzaine quinzaine vingtaine trentaine centaine moitie tiers quart""".split())
#: A clause about the speaker in a quote's context: « dont il a menacé de… », « qu’elle dit… ».
_PRONOUN_CLAUSE = re.compile(r"\b(?:il|elle|ils|elles|lui|son|sa|ses)\b(?:\s+\S+){1,4}")
#: A quote needs this many words of its own (not function words) to be attributed from its content.
MIN_QUOTE_WORDS = 3


@question_rule("ST01", "negative-stem")
def negative_stem(q: AnyQuestion) -> Iterator[Finding]:
    """A negative stem (ne … pas, sauf, n’est pas) without emphasis."""
    if isinstance(q, Quote | Cloze):
        return
    name, text = stem_of(q)
    found = NEGATION.search(fold(text))
    if found and not _EMPHASIS.search(text):
        hint = ("a false answer to a negative statement is a double negative"
                if q.type == "true_false" else "students miss the negation")
        yield Finding("ST01", q.id, f"negative stem (« {found[0]} ») without emphasis: {hint}; "
                      "ask it positively, or write the negation in capitals (NE … PAS)", (name,))


@question_rule("QU01", "quote-too-short")
def quote_too_short(q: AnyQuestion) -> Iterator[Finding]:
    """A quote too short to say who said it."""
    if not isinstance(q, Quote):
        return
    own = [w for w in words(q.quote) if w.rstrip("'") not in FUNCTION_WORDS]
    if len(own) < MIN_QUOTE_WORDS:
        yield Finding("QU01", q.id, f"the quote has {len(own)} word{'s' if len(own) != 1 else ''} of its "
                      f"own (« {q.quote} »): too short to attribute from what it says; quote a full "
                      "sentence", ("quote",))


def _speaker_names(speaker: str) -> set[str]:
    """The distinctive words of a speaker: names and institutions, not « un haut responsable »."""
    return {fold(w) for w in re.findall(r"\w[\w-]+", speaker)
            if w[:1].isupper() and fold(w) not in FUNCTION_WORDS and len(w) > 2}


@question_rule("QU02", "context-names-speaker")
def context_names_speaker(q: AnyQuestion) -> Iterator[Finding]:
    """The context of a quote names its speaker, or retells what the article says of him."""
    if not isinstance(q, Quote) or not q.context:
        return
    named = _speaker_names(q.speaker) & set(words(q.context))
    role = content_stems(q.speaker) - {"un", "une"}
    if not named and len(role) >= 2 and len(role & content_stems(q.context)) >= 2:
        named = {w for w in words(q.context) if any(w.startswith(s) for s in role)}
    if named:
        yield Finding("QU02", q.id, f"the context names the speaker ({', '.join(sorted(named))}): "
                      "the question answers itself", ("context",))
        return
    described = _PRONOUN_CLAUSE.search(fold(q.context))
    around = content_stems(_outside_quote(q.evidence, q.quote)) - content_stems(q.quote)
    shared = (content_stems(q.context) & around) - {"propos"}
    if described and shared:
        yield Finding("QU02", q.id, f"the context describes the speaker with what the article says of "
                      f"him (« {q.context} »): it points to '{q.speaker}'", ("context",))


def _outside_quote(evidence: str, quote: str) -> str:
    """The evidence without the quoted words (what the article says around them)."""
    ev, qt = fold(evidence), fold(quote)
    return ev.replace(qt, " ") if qt and qt in ev else " ".join(
        w for w in ev.split() if w not in set(qt.split()))


def _shows(evidence: str, answer: str) -> bool:
    wanted = content_stems(answer)
    return bool(wanted & content_stems(evidence)) or (not wanted and fold(answer) in fold(evidence))


@question_rule("EV01", "evidence-without-answer")
def evidence_without_answer(q: AnyQuestion) -> Iterator[Finding]:
    """The evidence contains neither the quote nor the answer."""
    if isinstance(q, Match | Order) or q.type == "true_false":
        return
    if isinstance(q, Quote):
        quoted = _common_run(fold(q.quote), fold(q.evidence))
        if quoted < min(15, len(fold(q.quote))) and not (_speaker_names(q.speaker) & set(words(q.evidence))):
            yield Finding("EV01", q.id, "the evidence contains neither the quote nor the speaker: "
                          "it proves nothing about who said it", ("evidence",))
        return
    if isinstance(q, Numeric):
        has_figure = re.search(r"\d", q.evidence) or _NUMBER_WORDS & set(words(q.evidence))
        if not has_figure:
            yield Finding("EV01", q.id, "the evidence contains no figure: it cannot prove the answer",
                          ("evidence",))
        return
    answers = answer_texts(q)
    if q.type == "short":
        missing = [] if any(_shows(q.evidence, a) for a in answers) else answers[:1]
    else:
        missing = [a for a in answers if not _shows(q.evidence, a)]
    for answer in missing:
        yield Finding("EV01", q.id, f"the evidence does not show the answer '{answer}': quote the "
                      "passage that proves it", ("evidence",))


def _common_run(a: str, b: str) -> int:
    """Length of the longest run of characters `a` and `b` share."""
    from difflib import SequenceMatcher
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size


@question_rule("CZ01", "gap-on-function-word")
def gap_on_function_word(q: AnyQuestion) -> Iterator[Finding]:
    """A cloze gap on a function word (le, la, de, et, à…)."""
    if not isinstance(q, Cloze):
        return
    for number, answer, _hint in q.gaps:
        gap = [w.rstrip("'") for w in words(answer)]
        if gap and all(w in FUNCTION_WORDS for w in gap):
            yield Finding("CZ01", q.id, f"gap c{number} hides a function word (« {answer} »): it tests "
                          "grammar, not the story; hide a word that carries a fact", ("text",))


@question_rule("GR02", "grammar-cue-gap")
def grammar_cue_gap(q: AnyQuestion) -> Iterator[Finding]:
    """An elided word (d’, l’, qu’) or a gendered article right before a cloze gap."""
    if not isinstance(q, Cloze):
        return
    for m in CLOZE_GAP.finditer(q.text):
        before = CLOZE_GAP.sub(lambda g: g[2], q.text[:m.start()])
        elided = ends_with_elision(before)
        if elided:
            yield Finding("GR02", q.id, f"« {elided} » before gap c{m[1]} says its answer starts with a "
                          f"vowel: put « {elided} » inside the gap or reword", ("text",))
            continue
        if before[-1:].isspace() and last_word(before) in GENDER_ARTICLES and normalize(before).endswith(
                f" {last_word(before)}"):
            article = last_word(before)
            yield Finding("GR02", q.id, f"« {article} » before gap c{m[1]} gives away that the answer is "
                          f"{GENDER_ARTICLES[article]}: put the article inside the gap", ("text",))


@question_rule("ST02", "absolute-in-false-statement")
def absolute_in_false_statement(q: AnyQuestion) -> Iterator[Finding]:
    """A false statement made false by an absolute term (toujours, jamais, tous…)."""
    if q.type != "true_false" or q.answer:  # type: ignore[union-attr]
        return
    absolute = ABSOLUTE_WORDS & set(words(q.statement))  # type: ignore[union-attr]
    if absolute:
        yield Finding("ST02", q.id, f"a false statement with « {', '.join(sorted(absolute))} »: absolute "
                      "terms tell that it is false; make it false by its facts", ("statement",))


@question_rule("AN01", "answer-in-own-question")
def answer_in_own_question(q: AnyQuestion) -> Iterator[Finding]:
    """The answer is printed in the question itself (prompt, text outside the gap, quote)."""
    if isinstance(q, Short):
        seen = [a for a in q.accepted if _phrase(a) and _phrase(a) in f" {fold(q.prompt)} "]
        if seen:
            yield Finding("AN01", q.id, f"the prompt contains the answer '{seen[0]}'", ("prompt",))
    elif isinstance(q, Cloze):
        visible = f" {fold(CLOZE_GAP.sub(' ', q.text))} "
        for number, answer, hint in q.gaps:
            own = [w for w in words(answer) if w.rstrip("'") not in FUNCTION_WORDS]
            if own and (_phrase(answer) in visible or (hint and _phrase(answer) in f" {fold(hint)} ")):
                yield Finding("AN01", q.id, f"the answer of gap c{number} (« {answer} ») is printed "
                              "elsewhere in the text or in its hint", ("text",))
    elif isinstance(q, Numeric) and float(q.answer).is_integer() and abs(q.answer) >= 10:
        if re.search(rf"(?<![\d.,]){int(q.answer)}(?![\d]|[.,]\d)", q.prompt):
            yield Finding("AN01", q.id, f"the prompt contains the answer {int(q.answer)}", ("prompt",))
    elif isinstance(q, Quote):
        named = _speaker_names(q.speaker) & set(words(q.quote))
        if named:
            yield Finding("AN01", q.id, f"the quote names its speaker ({', '.join(sorted(named))})",
                          ("quote",))


def _phrase(text: str) -> str:
    """` folded text ` with spaces around, for whole-word search; empty for function words."""
    folded = fold(text)
    return f" {folded} " if set(words(folded)) - FUNCTION_WORDS else ""


@question_rule("OR01", "dated-order-items")
def dated_order_items(q: AnyQuestion) -> Iterator[Finding]:
    """Items to put in order that carry their own dates: the order is given."""
    if not isinstance(q, Order):
        return
    dated = [i for i, item in enumerate(q.items) if DATE.search(fold(item))]
    if len(dated) >= 2:
        yield Finding("OR01", q.id, f"{len(dated)} of the {len(q.items)} items carry a date: sorting them "
                      "needs no knowledge; take the dates out", ("items", dated[0]))


@question_rule("MA01", "match-pair-shares-words")
def match_pair_shares_words(q: AnyQuestion) -> Iterator[Finding]:
    """A right item repeats a word of its own left item, and of no other: the pair matches by sight."""
    if not isinstance(q, Match) or len(q.pairs) < 2:
        return
    lefts = {left: family_words(left) for left in q.pairs}
    for left, right in q.pairs.items():
        own = [w for w in family_words(right) if any(related(w, x) for x in lefts[left])]
        elsewhere = [w for w in own for other, ws in lefts.items() if other != left
                     and any(related(w, x) for x in ws)]
        if own and not elsewhere:
            yield Finding("MA01", q.id, f"'{right}' repeats a word of '{left}' ({own[0]}) and of no other "
                          "item: the pair can be matched by sight", ("pairs", left))
