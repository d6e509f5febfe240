"""Cues hidden in the choices of single, multi and quote questions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import AnyQuestion, Multi, Single
from .core import Finding, choices_of, question_rule
from .french import (
    ABSOLUTE_WORDS,
    ALL_OR_NONE,
    DATE,
    FEMININE_ENDINGS,
    FUNCTION_WORDS,
    HEDGE_WORDS,
    MASCULINE_ENDINGS,
    NUMBER,
    PLURAL_ARTICLES,
    content_stems,
    ends_with_elision,
    fold,
    is_name,
    last_word,
    starts_with_vowel,
    words,
)

#: The key must be this much longer (or shorter) than every distractor, and
#: by at least MIN_GAP characters, to stand out.
LENGTH_RATIO = 1.15
MIN_GAP = 10


@question_rule("CH01", "key-length")
def key_length(q: AnyQuestion) -> Iterator[Finding]:
    """The key is conspicuously the longest (or shortest) choice."""
    if isinstance(q, Single):
        key = len(q.answer)
        others = [len(c) for c in q.choices if c != q.answer]
        if key >= LENGTH_RATIO * max(others) and key - max(others) >= MIN_GAP:
            yield Finding("CH01", q.id, f"the key is the longest choice ({key} characters, the longest "
                          f"distractor {max(others)}): make the choices alike in length", ("answer",))
        elif key * LENGTH_RATIO <= min(others) and min(others) - key >= MIN_GAP:
            yield Finding("CH01", q.id, f"the key is the shortest choice ({key} characters, the shortest "
                          f"distractor {min(others)}): make the choices alike in length", ("answer",))
    elif isinstance(q, Multi):
        right = [len(c) for c in q.choices if c in q.answers]
        wrong = [len(c) for c in q.choices if c not in q.answers]
        if not right or not wrong:
            return
        mean_right, mean_wrong = sum(right) / len(right), sum(wrong) / len(wrong)
        if (max(right) > max(wrong) and mean_right >= 1.3 * mean_wrong
                and mean_right - mean_wrong >= MIN_GAP):
            yield Finding("CH01", q.id, f"the right choices are the longest ({mean_right:.0f} characters on "
                          f"average, the others {mean_wrong:.0f}): make the choices alike in length",
                          ("answers",))


@question_rule("CH02", "stem-word-in-key")
def stem_word_in_key(q: AnyQuestion) -> Iterator[Finding]:
    """A word of the stem comes back in the key and in no distractor."""
    if not isinstance(q, Single | Multi):
        return
    keys = [q.answer] if isinstance(q, Single) else list(q.answers)
    wrong = [c for c in q.choices if c not in keys]
    stem = content_stems(q.prompt)
    in_wrong = set().union(*(content_stems(c) for c in wrong))
    for key in keys:
        echoed = (stem & content_stems(key)) - in_wrong
        if echoed:
            shown = ", ".join(sorted(w for w in words(key) if any(w.startswith(s) for s in echoed)))
            field = ("answer",) if isinstance(q, Single) else ("choices", q.choices.index(key))
            yield Finding("CH02", q.id, f"the key repeats words of the prompt ({shown}) that no distractor "
                          "has: it can be matched rather than known", field)


def _kind(text: str) -> str:
    folded = fold(text)
    if NUMBER.match(folded):
        return "number"
    if DATE.search(folded) and len(words(folded)) <= 4:
        return "date"
    return "name" if is_name(text) else "phrase"


@question_rule("CH03", "odd-kind")
def odd_kind(q: AnyQuestion) -> Iterator[Finding]:
    """One choice is of another kind than the rest (a figure among names, a date among places)."""
    found = choices_of(q)
    if not found or len(found[0]) < 3:
        return
    choices, _right = found
    kinds = [_kind(c) for c in choices]
    for i, kind in enumerate(kinds):
        rest = set(kinds[:i] + kinds[i + 1:])
        if len(rest) == 1 and kind not in rest:
            field = ("speaker",) if q.type == "quote" and i == 0 else (
                ("distractors", i - 1) if q.type == "quote" else ("choices", i))
            yield Finding("CH03", q.id, f"'{choices[i]}' is a {kind} among choices that are each a "
                          f"{rest.pop()}: it stands out", field)


@question_rule("CH04", "all-or-none")
def all_or_none(q: AnyQuestion) -> Iterator[Finding]:
    """« Toutes / aucune de ces réponses » as a choice."""
    found = choices_of(q)
    if not found:
        return
    for i, choice in enumerate(found[0]):
        if ALL_OR_NONE.search(fold(choice)):
            yield Finding("CH04", q.id, f"'{choice}': « toutes / aucune de ces réponses » tests "
                          "elimination, not knowledge; write a real choice", ("choices", i))


@question_rule("CH05", "absolute-in-distractors")
def absolute_in_distractors(q: AnyQuestion) -> Iterator[Finding]:
    """Absolute terms (toujours, jamais, tous, seulement…) only in distractors."""
    if not isinstance(q, Single | Multi):
        return
    keys = {q.answer} if isinstance(q, Single) else set(q.answers)
    if any(ABSOLUTE_WORDS & set(words(k)) for k in keys):
        return
    for i, choice in enumerate(q.choices):
        absolute = ABSOLUTE_WORDS & set(words(choice))
        if choice not in keys and absolute:
            yield Finding("CH05", q.id, f"'{choice}' says « {', '.join(sorted(absolute))} » and no key "
                          "does: absolute terms mark a distractor", ("choices", i))


def _fits(article: str, choice: str) -> bool:
    """Does `choice` read well after the stem's last word `article`?"""
    first = (words(choice) or [""])[0]
    if article.endswith("'"):
        return starts_with_vowel(choice)
    if (article in ("le", "la", "de", "que", "ce", "se", "ne", "je", "me", "te", "au", "du")
            and starts_with_vowel(choice) and choice[:1].lower() != "h"):
        return False
    if article in PLURAL_ARTICLES:
        return bool(first) and first[-1] in "sxz"
    if article in ("un", "le", "au", "du", "ce"):
        return not first.endswith(FEMININE_ENDINGS)
    if article in ("une", "la", "cette"):
        return not first.endswith(MASCULINE_ENDINGS)
    if article == "en" and first and not starts_with_vowel(choice):
        return first.endswith("e")  # en France, en Ukraine; au Tadjikistan
    return True


@question_rule("GR01", "grammar-cue-choices")
def grammar_cue_choices(q: AnyQuestion) -> Iterator[Finding]:
    """The stem ends with an elided or agreeing word that only some choices fit."""
    if not isinstance(q, Single | Multi):
        return
    prompt = q.prompt.rstrip()
    if prompt.endswith(("?", ".", "!", ":", "»")):
        return
    article = ends_with_elision(prompt) or last_word(prompt)
    misfits = [i for i, c in enumerate(q.choices) if not _fits(article, c)]
    if misfits and len(misfits) < len(q.choices):
        shown = ", ".join(f"'{q.choices[i]}'" for i in misfits)
        yield Finding("GR01", q.id, f"the prompt ends with « {article} », which {shown} cannot follow: "
                      "end the prompt before the article, or put it in each choice", ("choices", misfits[0]))


@question_rule("CH06", "overlapping-choices")
def overlapping_choices(q: AnyQuestion) -> Iterator[Finding]:
    """One choice contains another (« Minsk » and « les accords de Minsk »)."""
    if not isinstance(q, Single | Multi):
        return
    folded = [fold(c) for c in q.choices]
    for i, inner in enumerate(folded):
        if not set(words(inner)) - FUNCTION_WORDS:
            continue
        for j, outer in enumerate(folded):
            if i != j and inner != outer and re.search(rf"(?<!\w){re.escape(inner)}(?!\w)", outer):
                yield Finding("CH06", q.id, f"'{q.choices[j]}' contains the choice '{q.choices[i]}': "
                              "both can be defended, or one gives the other away", ("choices", j))
                break


@question_rule("CH07", "hedge-only-in-key")
def hedge_only_in_key(q: AnyQuestion) -> Iterator[Finding]:
    """Only the key is qualified (pourrait, souvent, notamment…): the careful wording marks it."""
    if not isinstance(q, Single) or len(q.choices) < 3:
        return
    hedges = HEDGE_WORDS & set(words(q.answer))
    if hedges and not any(HEDGE_WORDS & set(words(c)) for c in q.choices if c != q.answer):
        yield Finding("CH07", q.id, f"only the key is qualified (« {', '.join(sorted(hedges))} »): "
                      "qualify a distractor too, or none", ("answer",))


@question_rule("CH08", "convergence")
def convergence(q: AnyQuestion) -> Iterator[Finding]:
    """The key is the choice the others vary on: it shares words with every distractor, they less so."""
    if not isinstance(q, Single) or len(q.choices) < 4:
        return
    stems = [content_stems(c) for c in q.choices]
    shared = [sum(1 for j, other in enumerate(stems) if j != i and mine & other)
              for i, mine in enumerate(stems)]
    key = q.choices.index(q.answer)
    others = [s for i, s in enumerate(shared) if i != key]
    if shared[key] == len(q.choices) - 1 and max(others) < shared[key] and sum(others) <= len(others):
        yield Finding("CH08", q.id, "every distractor borrows words from the key and few from each other: "
                      "the key is the one they converge on; write distractors that differ from it, "
                      "not variations of it", ("answer",))


def _leading_number(text: str) -> float | None:
    found = re.match(r"\s*[-+]?\d[\d\s\u00a0\u202f]*(?:[.,]\d+)?", text)
    if not found:
        return None
    return float(re.sub(r"[\s\u00a0\u202f]", "", found[0]).replace(",", "."))


@question_rule("CH09", "figures-out-of-order")
def figures_out_of_order(q: AnyQuestion) -> Iterator[Finding]:
    """Choices that are figures or years, not in order: students look for the pattern instead."""
    if not isinstance(q, Single | Multi) or len(q.choices) < 3:
        return
    values = [_leading_number(c) for c in q.choices]
    if any(v is None for v in values):
        return
    if values != sorted(values) and values != sorted(values, reverse=True):  # type: ignore[type-var]
        yield Finding("CH09", q.id, "the choices are figures out of order: list them in increasing order "
                      "(Anki shows them as written)", ("choices",))


_PLURAL_ASK = re.compile(r"\b(?:quels|quelles|lesquels|lesquelles)\b")
_SINGULAR_ASK = re.compile(r"\b(?:quel|quelle|lequel|laquelle|qui est|quelle est|quel est)\b")


@question_rule("GR03", "number-of-the-question")
def number_of_the_question(q: AnyQuestion) -> Iterator[Finding]:
    """The question asks in the plural for one answer (not a list), or in the singular for several."""
    lists = isinstance(q, Single) and any("," in c or " et " in c for c in q.choices)
    if isinstance(q, Single) and _PLURAL_ASK.search(fold(q.prompt)) and not lists:
        yield Finding("GR03", q.id, "the prompt asks in the plural (quels, lesquelles…) for one answer: "
                      "students look for several; ask in the singular or make it a multi question",
                      ("prompt",))
    elif (isinstance(q, Multi) and len(q.answers) > 1 and _SINGULAR_ASK.search(fold(q.prompt))
            and not _PLURAL_ASK.search(fold(q.prompt))):
        yield Finding("GR03", q.id, f"the prompt asks in the singular (quel, laquelle…) for {len(q.answers)} "
                      "answers: say that several are right (« Lesquels… », « Cochez toutes… »)", ("prompt",))
