"""Quote questions: too short to attribute, or a context that points to the speaker."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import AnyQuestion, Quote
from .core import Finding, question_rule
from .french import FUNCTION_WORDS, content_stems, fold, words

#: A clause about the speaker in a quote's context: « dont il a menacé de… », « qu’elle dit… ».
_PRONOUN_CLAUSE = re.compile(r"\b(?:il|elle|ils|elles)\b(?:\s+\S+){1,4}")
#: A quote needs this many words of its own (not function words) to be attributed from its content.
MIN_QUOTE_WORDS = 3


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


def speaker_names(speaker: str) -> set[str]:
    """The distinctive words of a speaker: names and institutions, not « un haut responsable »."""
    return {fold(w) for w in re.findall(r"\w[\w-]+", speaker)
            if w[:1].isupper() and fold(w) not in FUNCTION_WORDS and len(w) > 2}


@question_rule("QU02", "context-names-speaker")
def context_names_speaker(q: AnyQuestion) -> Iterator[Finding]:
    """The context of a quote names its speaker, or retells what the article says of him."""
    if not isinstance(q, Quote) or not q.context:
        return
    named = speaker_names(q.speaker) & set(words(q.context))
    role = content_stems(q.speaker) - {"un", "une"}
    if not named and len(role) >= 2 and len(role & content_stems(q.context)) >= 2:
        named = {w for w in words(q.context) if any(w.startswith(s) for s in role)}
    if named:
        yield Finding("QU02", q.id, f"the context names the speaker ({', '.join(sorted(named))}): "
                      "the question answers itself", ("context",))
        return
    described = _PRONOUN_CLAUSE.search(fold(q.context))
    around = content_stems(_outside_quote(q.evidence_text, q.quote)) - content_stems(q.quote)
    shared = (content_stems(q.context) & around) - {"propos"}
    if described and shared:
        yield Finding("QU02", q.id, f"the context describes the speaker with what the article says of "
                      f"him (« {q.context} »): it points to '{q.speaker}'", ("context",))


def _outside_quote(evidence: str, quote: str) -> str:
    """The evidence without the quoted words (what the article says around them)."""
    ev, qt = fold(evidence), fold(quote)
    return ev.replace(qt, " ") if qt and qt in ev else " ".join(
        w for w in ev.split() if w not in set(qt.split()))
