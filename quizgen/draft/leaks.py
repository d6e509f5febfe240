"""A figure one question of the draft prints and another asks for: "Six mois de prison ferme
… à _____" shown, then "… _____ de prison ferme — combien de mois ?". The question is marked
for review with the question that gives it away; none is dropped, since which one to keep is a
teacher's choice. (Words and names printed elsewhere are `quizgen lint`'s rule BK03, which
bank.py applies to the draft the same way.)"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from ..text import fold_answer
from .figures import parse_number
from .questions import Builder

_HIDDEN = re.compile(r"\{\{c\d+::.*?\}\}")
_UNIT_ASKED = re.compile(r"combien (?:de |d['’])(\w+)", re.IGNORECASE)


def shown(q: dict[str, Any]) -> str:
    """What the question states before it asks: its prompt, a cloze without its gaps. (Its
    choices are not counted: a name offered among others states nothing.)"""
    return _HIDDEN.sub(" ", str(q.get("text", ""))) + " " + str(q.get("prompt", ""))


def gives_away(q: dict[str, Any], other: dict[str, Any]) -> bool:
    """Whether `other` prints the figure numeric question `q` asks for, with its unit ("six mois",
    "6 mois")."""
    unit = _UNIT_ASKED.search(str(q.get("prompt", "")))
    value = q.get("answer")
    if other is q or q.get("type") != "numeric" or unit is None or not isinstance(value, int | float):
        return False
    words = fold_answer(shown(other)).split()
    stem = fold_answer(unit.group(1))[:4]
    return any(nxt.startswith(stem) and parse_number(w) == value for w, nxt in pairwise(words))


def mark_leaks(b: Builder) -> int:
    """Mark every numeric question whose figure another question prints; the number marked."""
    marked = 0
    for q in b.questions:
        if q.get("type") != "numeric":
            continue  # only a numeric question's figure is looked for (gives_away)
        other = next((o for o in b.questions if gives_away(q, o)), None)
        if other is None:
            continue
        q["review"] = True
        why = f"réponse écrite dans la question « {other['id']} »"
        b.reasons[q["id"]] = "; ".join(w for w in (b.reasons.get(q["id"]), why) if w)
        marked += 1
    return marked
