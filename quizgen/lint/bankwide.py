"""Flaws only the whole bank shows: biased keys, answers given away by other
questions, fronts that repeat."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..model import CLOZE_GAP, AnyQuestion, Bank, Cloze, Numeric, Quote, Short, Single
from .core import Finding, bank_rule, front_texts, stem_of
from .french import FUNCTION_WORDS, fold, words

#: Below this many single-choice questions a bias is chance.
MIN_QUESTIONS = 6


def _singles(bank: Bank) -> list[Single]:
    return [q for q in bank.questions if isinstance(q, Single)]


@bank_rule("BK01", "key-length-bias")
def key_length_bias(bank: Bank) -> Iterator[Finding]:
    """Across the bank, the key is the longest (or the shortest) choice far more often than chance."""
    singles = _singles(bank)
    if len(singles) < MIN_QUESTIONS:
        return
    chance = sum(1 / len(q.choices) for q in singles)
    longest = shortest = 0
    for q in singles:
        others = [len(c) for c in q.choices if c != q.answer]
        mean = sum(others) / len(others)
        longest += len(q.answer) >= max(others) and len(q.answer) > mean
        shortest += len(q.answer) <= min(others) and len(q.answer) < mean
    for count, word in ((longest, "longest"), (shortest, "shortest")):
        if count >= 2 * chance and count >= 4:
            yield Finding("BK01", None, f"the key is the {word} choice (or tied) in {count} of "
                          f"{len(singles)} single-choice questions (chance: about {chance:.0f}): "
                          f"students learn to pick the {word}", ("questions",))


@bank_rule("BK02", "key-position-bias")
def key_position_bias(bank: Bank) -> Iterator[Finding]:
    """Across the bank, the key sits at one position far more often than chance."""
    singles = _singles(bank)
    if len(singles) < MIN_QUESTIONS:
        return
    positions = Counter(q.choices.index(q.answer) for q in singles)
    position, count = positions.most_common(1)[0]
    chance = sum(1 / len(q.choices) for q in singles if len(q.choices) > position)
    if count >= 2 * chance and count >= 4:
        yield Finding("BK02", None, f"the key is choice {position + 1} in {count} of {len(singles)} "
                      f"single-choice questions (chance: about {chance:.0f}); Anki and the JSON export "
                      "keep the bank's order: vary the key's place", ("questions",))


def _spaced(text: str) -> str:
    """Folded text as ` word word `, apostrophes split off, for whole-word `in` tests."""
    return f" {fold(text).replace(chr(39), ' ')} "


def _giveaways(q: AnyQuestion, topic: set[str]) -> list[str]:
    """Folded phrases whose sight elsewhere answers `q` (a typed answer, a gap, a figure)."""
    if isinstance(q, Short):
        if set(words(q.answer)) & topic:
            return []  # the bank's own subject: printed everywhere, and no secret
        return [fold(a) for a in q.accepted
                if len(fold(a)) >= 5 and not set(words(a)) <= FUNCTION_WORDS | {"president", "russe"}]
    if isinstance(q, Cloze):
        return [p for m in CLOZE_GAP.finditer(q.text) for p in _gap_phrases(q.text, m)]
    if isinstance(q, Numeric) and float(q.answer).is_integer() and abs(q.answer) >= 100:
        return [str(int(q.answer))]
    return []


def _gap_phrases(text: str, gap: re.Match[str]) -> list[str]:
    """A gap of two words or more as is; a one-word gap with the word before or
    after it (« missions diplomatiques », « mesures économiques »)."""
    answer = fold(gap[2])
    own = [w for w in words(answer) if w.rstrip("'") not in FUNCTION_WORDS]
    if not own:
        return []
    if len(own) >= 2:
        return [answer]
    before = words(CLOZE_GAP.sub(lambda g: g[2], text[:gap.start()]))[-1:]
    after = words(CLOZE_GAP.sub(lambda g: g[2], text[gap.end():]))[:1]
    return [" ".join(pair) for pair in ([*before, answer], [answer, *after])
            if len(pair) == 2 and not set(pair) & FUNCTION_WORDS]


@bank_rule("BK03", "answer-in-other-question")
def answer_in_other_question(bank: Bank) -> Iterator[Finding]:
    """An answer to type is printed in another question (prompt, choices, context)."""
    topic = set(words(bank.title)) - FUNCTION_WORDS
    fronts = [(q, " | ".join(_spaced(t) for _f, t in front_texts(q))) for q in bank.questions]
    for q in bank.questions:
        phrases = [_spaced(p) for p in _giveaways(q, topic)]
        if not phrases:
            continue
        where = [other.id for other, text in fronts if other is not q and any(p in text for p in phrases)]
        if where:
            more = f" and {len(where) - 3} more" if len(where) > 3 else ""
            yield Finding("BK03", q.id, f"the answer is printed in {len(where)} other question"
                          f"{'s' if len(where) != 1 else ''} ({', '.join(where[:3])}{more}): a student "
                          "who met them recognises it instead of recalling it", ())


def _front_key(q: AnyQuestion) -> str:
    _name, text = stem_of(q)
    options = sorted(fold(t) for f, t in front_texts(q) if f[0] != stem_of(q)[0])
    return " | ".join([fold(text), *options])


@bank_rule("BK04", "same-front")
def same_front(bank: Bank) -> Iterator[Finding]:
    """Two questions, or two Anki cards, with the same front."""
    seen: dict[str, str] = {}
    for q in bank.questions:
        key = _front_key(q)
        if key in seen:
            yield Finding("BK04", q.id, f"same front as question '{seen[key]}': a student cannot tell "
                          "them apart", ())
        seen.setdefault(key, q.id)
    reversed_cards: dict[str, str] = {}
    for q in bank.questions:
        if isinstance(q, Quote) and q.context:
            key = f"{fold(q.speaker)} | {fold(q.context)}"
            if key in reversed_cards:
                yield Finding("BK04", q.id, f"the Anki card « what did {q.speaker} say? » would have the "
                              f"same front as for '{reversed_cards[key]}' (same speaker and context) but "
                              "another answer, so the deck leaves both out: make the context tell them "
                              "apart", ("context",))
            reversed_cards.setdefault(key, q.id)
