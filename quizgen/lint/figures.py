"""Numeric questions: a tolerance that accepts a wrong figure or serves no purpose."""

from __future__ import annotations

import math
from collections.abc import Iterator

from ..grading import format_number
from ..model import AnyQuestion, Numeric
from .core import Finding, question_rule
from .french import fold

_YEAR_WORDS = ("annee", "an ", "en quelle", "quelle date")
#: Units of measure: a tolerance on them is a fair margin (a count of people or tanks is exact).
_MEASURES = frozenset("""minute minutes min heure heures h seconde secondes s jour jours semaine semaines mois
an ans annee annees km kilometre kilometres m metre metres kg tonne tonnes % pour cent euro euros dollar
dollars $ € milliard milliards million millions degre degres °c mw gw""".split())


def _is_count(q: Numeric) -> bool:
    """An exact count of things (« combien de chars »), not a measure."""
    unit = fold(q.unit or "").split()
    return (float(q.answer).is_integer() and 0 < q.answer < 1000 and "combien" in fold(q.prompt)
            and not (set(unit) & _MEASURES) and not _is_year(q))


def _is_year(q: Numeric) -> bool:
    text = fold(f"{q.prompt} {q.unit or ''}")
    return float(q.answer).is_integer() and 1000 <= q.answer <= 2100 and any(w in text for w in _YEAR_WORDS)


def _trailing_zeros(n: int) -> int:
    count = 0
    while n and n % 10 == 0:
        n //= 10
        count += 1
    return count


def rounder_figures(answer: float, tolerance: float) -> list[int]:
    """Whole numbers within the tolerance that are rounder than the answer
    (120 for 125 ± 5): the figures a student guesses, or misremembers."""
    if not float(answer).is_integer() or tolerance < 1:
        return []
    a = int(answer)
    low, high = math.ceil(answer - tolerance - 1e-9), math.floor(answer + tolerance + 1e-9)
    step = 10 ** (_trailing_zeros(a) + 1) if a else 10
    found: list[int] = []
    while step <= max(abs(low), abs(high)):
        found = [m for m in range(math.ceil(low / step) * step, high + 1, step) if m not in (a, 0)]
        if found:
            break
        step *= 10
    return found[:2]


def check_tolerance(q: AnyQuestion) -> Iterator[tuple[str, str]]:
    """(code, message) for the tolerance of a numeric question."""
    if not isinstance(q, Numeric) or q.tolerance <= 0:
        return
    a, t = q.answer, q.tolerance
    integer = float(a).is_integer()
    if a and t >= abs(a):
        yield "NU01", (f"tolerance {format_number(t)} is as large as the answer {format_number(a)}: "
                       "0 and figures of the wrong sign count as right")
    elif integer and _is_year(q) and t >= 1:
        yield "NU01", (f"tolerance {format_number(t)} on a year accepts {format_number(a - 1)} and "
                       f"{format_number(a + 1)}: a year is right or wrong")
    elif rounder := rounder_figures(a, t):
        shown = " and ".join(str(r) for r in rounder)
        yield "NU01", (f"{format_number(a)} ± {format_number(t)} accepts {shown}, a rounder figure a "
                       "student may give without knowing the answer: narrow the tolerance")
    if integer and t < 1:
        yield "NU02", (f"tolerance {format_number(t)} on a whole {'year' if _is_year(q) else 'number'} "
                       "accepts no other whole number: drop it")
    elif _is_count(q):
        yield "NU02", (f"tolerance {format_number(t)} on a count the article gives exactly only accepts "
                       "wrong counts: drop it")


@question_rule("NU01", "tolerance-accepts-wrong")
def tolerance_accepts_wrong(q: AnyQuestion) -> Iterator[Finding]:
    """A tolerance that accepts a wrong figure (a rounder number, another year, zero)."""
    for code, message in check_tolerance(q):
        if code == "NU01":
            yield Finding(code, q.id, message, ("tolerance",))


@question_rule("NU02", "tolerance-useless")
def tolerance_useless(q: AnyQuestion) -> Iterator[Finding]:
    """A tolerance that serves no purpose (below 1 on a whole number, any on an exact count)."""
    for code, message in check_tolerance(q):
        if code == "NU02":
            yield Finding(code, q.id, message, ("tolerance",))
