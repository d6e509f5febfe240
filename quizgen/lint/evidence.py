"""Evidence that does not show the answer, and answers printed in their own question."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import CLOZE_GAP, AnyQuestion, Cloze, Match, Numeric, Order, Quote, Short
from .core import Finding, answer_texts, question_rule
from .french import FUNCTION_WORDS, content_stems, fold, words
from .quotes import speaker_names

_NUMBER_WORDS = frozenset("""zero un une deux trois quatre cinq six sept huit neuf dix onze douze treize
quatorze quinze seize vingt trente quarante cinquante soixante cent cents mille million millions
milliard milliards dizaine douzaine quinzaine vingtaine trentaine centaine moitie tiers quart""".split())


def _shows(evidence: str, answer: str) -> bool:
    wanted = content_stems(answer)
    return bool(wanted & content_stems(evidence)) or (not wanted and fold(answer) in fold(evidence))


@question_rule("EV01", "evidence-without-answer")
def evidence_without_answer(q: AnyQuestion) -> Iterator[Finding]:
    """The evidence contains neither the quote nor the answer."""
    if isinstance(q, Match | Order) or q.type == "true_false":
        return
    if isinstance(q, Quote):
        evidence = q.evidence_text
        quoted = _common_run(fold(q.quote), fold(evidence))
        if quoted < min(15, len(fold(q.quote))) and not (speaker_names(q.speaker) & set(words(evidence))):
            yield Finding("EV01", q.id, "the evidence contains neither the quote nor the speaker: "
                          "it proves nothing about who said it", ("evidence",))
        return
    if isinstance(q, Numeric):
        has_figure = re.search(r"\d", q.evidence_text) or _NUMBER_WORDS & set(words(q.evidence_text))
        if not has_figure:
            yield Finding("EV01", q.id, "the evidence contains no figure: it cannot prove the answer",
                          ("evidence",))
        return
    answers = answer_texts(q)
    if q.type == "short":
        missing = [] if any(_shows(q.evidence_text, a) for a in answers) else answers[:1]
    else:
        missing = [a for a in answers if not _shows(q.evidence_text, a)]
    for answer in missing:
        yield Finding("EV01", q.id, f"the evidence does not show the answer '{answer}': quote the "
                      "passage that proves it", ("evidence",))


def _common_run(a: str, b: str) -> int:
    """Length of the longest run of characters `a` and `b` share."""
    from difflib import SequenceMatcher
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size


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
        named = speaker_names(q.speaker) & set(words(q.quote))
        if named:
            yield Finding("AN01", q.id, f"the quote names its speaker ({', '.join(sorted(named))})",
                          ("quote",))


def _phrase(text: str) -> str:
    """` folded text ` with spaces around, for whole-word search; empty for function words."""
    folded = fold(text)
    return f" {folded} " if set(words(folded)) - FUNCTION_WORDS else ""
