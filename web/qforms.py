"""A question as an HTML form and back: every key of its type, one field each.

Lists are one item a line, pairs `left: right` a line, tags separated by
spaces or commas. What the form cannot even parse (a number that is not one)
is reported here; everything else is left to quizgen's validator, whose
problems are then put beside the field they are about (see field_problems).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from flask_babel import lazy_gettext as _l

from quizgen.errors import Problem
from quizgen.loader import Positions
from quizgen.model import in_key_order

TEXT, LONG, OPTIONAL, LIST, PAIRS, BOOL, NUMBER, TAGS, SOURCE, FLAG = (
    "text", "long", "optional", "list", "pairs", "bool", "number", "tags", "source", "flag")

#: The keys a teacher edits for each type, in the order a teacher reads them.
TYPE_FIELDS: dict[str, list[tuple[str, str]]] = {
    "single": [("prompt", LONG), ("choices", LIST), ("answer", TEXT)],
    "multi": [("prompt", LONG), ("choices", LIST), ("answers", LIST)],
    "true_false": [("statement", LONG), ("answer", BOOL)],
    "numeric": [("prompt", LONG), ("answer", NUMBER), ("tolerance", NUMBER), ("unit", OPTIONAL)],
    "short": [("prompt", LONG), ("answer", TEXT), ("accept", LIST), ("strict", FLAG)],
    "quote": [("quote", LONG), ("speaker", TEXT), ("distractors", LIST), ("context", OPTIONAL)],
    "match": [("prompt", LONG), ("pairs", PAIRS)],
    "order": [("prompt", LONG), ("items", LIST)],
    "cloze": [("text", LONG), ("strict", FLAG)],
}
COMMON_FIELDS = [("source", SOURCE), ("evidence", LONG), ("explanation", LONG), ("tags", TAGS)]

LABELS = {
    "prompt": _l("Question"), "statement": _l("Statement"), "text": _l("Text with its gaps"),
    "quote": _l("Quotation (without the guillemets)"), "speaker": _l("Speaker"),
    "distractors": _l("Other speakers offered (one a line)"), "context": _l("Context (optional)"),
    "choices": _l("Choices (one a line)"), "answer": _l("Answer"),
    "answers": _l("Right answers (one a line)"), "tolerance": _l("Tolerance"), "unit": _l("Unit (optional)"),
    "accept": _l("Other accepted answers (one a line)"),
    "strict": _l("Exact spelling only (no slip of the keyboard, no other transliteration)"),
    "pairs": _l("Pairs (one a line, left: right)"), "items": _l("Items, in the right order (one a line)"),
    "source": _l("Source"), "evidence": _l("Evidence (an exact extract of the article)"),
    "explanation": _l("Explanation"), "tags": _l("Tags (separated by spaces)"),
}
TYPE_LABELS = {
    "single": _l("single choice"), "multi": _l("multiple choice"), "true_false": _l("true or false"),
    "numeric": _l("figure"), "short": _l("short answer"), "quote": _l("who said it"),
    "match": _l("matching"), "order": _l("ordering"), "cloze": _l("fill the gap"),
}
#: The key whose text best names a question in a list.
HEADLINE = ("prompt", "statement", "quote", "text")
MAX_FIELD = 5000


def several_sources(q: Mapping[str, Any]) -> bool:
    """A question that cites several articles (`source: [a, b]`): the browser's
    form edits one source and one passage, so such a question is edited in
    its YAML file."""
    return isinstance(q.get("source"), list)


def first_passage(q: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """(source id, evidence) of the question's first source."""
    source, evidence = q.get("source"), q.get("evidence")
    if isinstance(source, list):
        first = source[0] if source else None
        return first, (evidence or {}).get(first) if isinstance(evidence, dict) else None
    return source, evidence if isinstance(evidence, str) else None


def fields_of(qtype: str) -> list[tuple[str, str]]:
    return [*TYPE_FIELDS[qtype], *COMMON_FIELDS]


def headline(q: Mapping[str, Any]) -> str:
    for key in HEADLINE:
        if isinstance(q.get(key), str):
            return q[key]
    return str(q.get("id", ""))


def to_form(q: Mapping[str, Any]) -> dict[str, str]:
    """The question's values as the form shows them."""
    if several_sources(q):  # shown, not edited: the first passage stands for the others
        source, evidence = first_passage(q)
        q = {**q, "source": source, "evidence": evidence}
    out: dict[str, str] = {}
    for key, kind in fields_of(q["type"]):
        value = q.get(key)
        if value is None:
            out[key] = ""
        elif kind == LIST:
            out[key] = "\n".join(str(v) for v in value)
        elif kind == TAGS:
            out[key] = " ".join(value)
        elif kind == PAIRS:
            out[key] = "\n".join(f"{k}: {v}" for k, v in value.items())
        elif kind in (BOOL, FLAG):
            out[key] = "true" if value is True else "false" if value is False else ""
        else:
            out[key] = str(value)
    return out


def _number(text: str) -> int | float:
    clean = text.strip().replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if re.fullmatch(r"[-+]?\d+", clean):
        return int(clean)
    value = float(clean)  # ValueError when it is not a number
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value


def _pairs(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in _lines(text):
        left, sep, right = line.partition(":")
        if not sep:
            raise ValueError(line)
        out[left.strip(" \u00a0\u202f")] = right.strip(" \u00a0\u202f")
    return out


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _parse(kind: str, raw: str) -> tuple[Any, str | None]:
    """(value, or None to leave the key out; an error message when it cannot be read)."""
    if kind in (TEXT, LONG, SOURCE):
        return " ".join(raw.split()) if kind != LONG else raw.strip(), None
    if kind == OPTIONAL:
        return (raw.strip() or None), None
    if kind == LIST:
        return _lines(raw), None
    if kind == TAGS:
        return [t for t in re.split(r"[\s,;]+", raw) if t], None
    if kind == BOOL:
        return {"true": True, "false": False}.get(raw.strip()), None
    if kind == FLAG:  # a checkbox: ticked, or the key left out (its default, false)
        return (True if raw.strip() == "true" else None), None
    if kind == PAIRS:
        try:
            return _pairs(raw), None
        except ValueError as exc:
            return None, str(_l("Write each pair as “left: right” (this line has no colon: %(line)s)",
                                line=str(exc)))
    try:  # NUMBER
        return (_number(raw) if raw.strip() else None), None
    except ValueError:
        return None, str(_l("Not a number: write it with digits, e.g. 125 or 2.5"))


def from_form(form: Mapping[str, str], base: Mapping[str, Any]
              ) -> tuple[dict[str, Any], dict[str, list[str]]]:
    """The question `base` with the form's values, keys in a teacher's order (in_key_order):
    (question data, errors by field)."""
    q = {k: v for k, v in base.items() if k in ("id", "type", "draft", "review")}
    errors: dict[str, list[str]] = {}
    for key, kind in fields_of(base["type"]):
        raw = str(form.get(key, ""))
        if len(raw) > MAX_FIELD:
            errors[key] = [str(_l("At most %(num)d characters.", num=MAX_FIELD))]
            continue
        value, error = _parse(kind, raw)
        if error:
            errors[key] = [error]
        if value is None or (kind == TAGS and not value):
            continue
        q[key] = value
    if "answer" not in q and base["type"] in ("numeric", "true_false") and "answer" not in errors:
        errors["answer"] = [str(_l("An answer is needed."))]
    return in_key_order(q), errors


def field_problems(problems: Iterable[Problem], positions: Positions, index: int
                   ) -> tuple[dict[str, list[str]], list[str]]:
    """The validator's problems about question `index`, by field; the others as text.

    A problem carries the line and column of what it is about; the document's
    positions tell which key of which question stands there.
    """
    where: dict[tuple[int, int], tuple[Any, ...]] = {}
    for path, pos in positions.located():
        if len(path) > len(where.get(pos, ())):
            where[pos] = path
    by_field: dict[str, list[str]] = {}
    others: list[str] = []
    for p in problems:
        path = where.get((p.line, p.col), ())
        if len(path) >= 2 and path[0] == "questions" and path[1] == index:
            key = str(path[2]) if len(path) >= 3 else "_"
            by_field.setdefault(key, []).append(p.message)
        elif not (len(path) >= 2 and path[0] == "questions"):
            others.append(p.message)
    return by_field, others
