"""Match and order questions that answer themselves."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import AnyQuestion, Match, Order
from .core import Finding, question_rule
from .french import DATE, family_words, fold, related


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
