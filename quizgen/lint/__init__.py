"""`quizgen lint`: a rule-based checker of item-writing flaws in French banks.

Each rule is one function with a code, in a module per theme: CH choices
and GR grammar cues (choices.py, cloze.py), ST stems (stems.py), QU quotes
(quotes.py), EV evidence and AN answers printed in their own question
(evidence.py), CZ cloze gaps (cloze.py), OR/MA order and match (pairs.py),
NU figures (figures.py), BK the whole bank (bankwide.py); LI codes are the
lint's own comments (report.py). `lint_bank(bank)` returns the findings of one bank;
the CLI adds their positions in the file and honours the comments that
silence one finding on one question:

    - id: citation-trump-obsolete   # lint: ignore[QU01] the word is famous on its own
"""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Bank
from . import bankwide, choices, cloze, evidence, figures, pairs, quotes, stems  # noqa: F401  (they register rules)
from .core import RULES, Finding, Rule, matches

__all__ = ["RULES", "Finding", "Rule", "lint_bank", "matches"]


def lint_bank(bank: Bank, *, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Finding]:
    """Every finding on `bank`, in the bank's order (bank-wide ones first).

    `select` keeps only these codes or prefixes, `ignore` drops them.
    """
    select, ignore = list(select), list(ignore)
    findings: list[Finding] = []
    for rule in RULES.values():
        if (select and not matches(rule.code, select)) or matches(rule.code, ignore):
            continue
        if rule.scope == "bank":
            findings.extend(rule.check(bank))
        else:
            for q in bank.questions:
                findings.extend(rule.check(q))
    order = {q.id: i for i, q in enumerate(bank.questions)}
    return sorted(findings, key=lambda f: (-1 if f.question_id is None else order.get(f.question_id, 0),
                                           f.code))
