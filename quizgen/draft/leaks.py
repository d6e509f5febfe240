"""Answers one question of the draft prints in another: the student reads the answer before
being asked ("Six mois de prison ferme … à _____" shown, then "combien de mois ?"). Each such
question is marked for review with the question that gives it away, for the teacher to drop
one of the two or reword it; none is dropped, since which one to keep is a teacher's choice."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from ..text import fold_answer
from .figures import parse_number
from .questions import Builder

_HIDDEN = re.compile(r"\{\{c\d+::.*?\}\}")
_UNIT_ASKED = re.compile(r"combien (?:de |d['’])(\w+)", re.IGNORECASE)
MIN_CHARS = 4  # shorter answers ("UE", "40") are too often written for another reason


def shown(q: dict[str, Any]) -> str:
    """What the question states before it asks: its prompt, a cloze without its gaps. (Its
    choices are not counted: a name offered among others states nothing.)"""
    return _HIDDEN.sub(" ", str(q.get("text", ""))) + " " + str(q.get("prompt", ""))


def _asked(q: dict[str, Any]) -> str:
    """The words a cloze hides or a short/single question expects ("" when there are none)."""
    if q.get("type") == "cloze":
        m = re.search(r"\{\{c1::(.+?)(?:::[^}]*)?\}\}", str(q.get("text", "")))
        return fold_answer(m.group(1)) if m else ""
    if q.get("type") in ("short", "single") and "citation" not in (q.get("tags") or ()):
        return fold_answer(str(q.get("answer", "")))
    return ""


def _figure_in(q: dict[str, Any], text: str) -> bool:
    """A numeric question's figure with its unit written in `text` ("six mois", "6 mois")."""
    unit = _UNIT_ASKED.search(str(q.get("prompt", "")))
    value = q.get("answer")
    if unit is None or not isinstance(value, int | float):
        return False
    words = fold_answer(text).split()
    stem = fold_answer(unit.group(1))[:4]
    return any(
        parse_number(w) == value and nxt.startswith(stem) for w, nxt in pairwise(words)
    )


def gives_away(q: dict[str, Any], other: dict[str, Any]) -> bool:
    """Whether `other` prints the answer of `q`."""
    if other is q:
        return False
    text = shown(other)
    if q.get("type") == "numeric":
        return _figure_in(q, text)
    asked = _asked(q)
    if len(asked) < MIN_CHARS and not any(c.isdigit() for c in asked):
        return False
    return bool(asked) and f" {asked} " in f" {fold_answer(text)} "


def mark_leaks(b: Builder) -> int:
    """Mark every question whose answer another question prints; the number marked."""
    marked = 0
    for q in b.questions:
        other = next((o for o in b.questions if gives_away(q, o)), None)
        if other is None:
            continue
        q["review"] = True
        why = f"réponse écrite dans la question « {other['id']} »"
        b.reasons[q["id"]] = "; ".join(w for w in (b.reasons.get(q["id"]), why) if w)
        marked += 1
    return marked
