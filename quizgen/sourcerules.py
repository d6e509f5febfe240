"""Questions across sources: the rules of a question's `source` and `evidence`.

A question cites one source (`source: a`, `evidence: "…"`) or several
(`source: [a, b]`, `evidence: {a: "…", b: "…"}`); the model accepts both
shapes, these rules make sure the two keys agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from pydantic_core import ErrorDetails

from .loader import Path_
from .model import AnyQuestion
from .text import did_you_mean

#: pydantic names the members of the `source` and `evidence` unions in an error's location.
_TEXT_MEMBER = "constrained-str"
_KEYS = ("source", "evidence")


def source_member(loc: Path_, question: Any) -> Path_ | None:
    """`loc` without the union member pydantic adds after `source` or `evidence`;
    None for an error of the member the teacher did not write (the other one reports)."""
    if len(loc) < 2 or loc[0] not in _KEYS or not isinstance(loc[1], str) \
            or not (loc[1] == _TEXT_MEMBER or loc[1].startswith(("list[", "dict["))):
        return loc
    value = question.get(loc[0]) if isinstance(question, dict) else None
    if not isinstance(value, (str, list, dict)):
        # Neither shape (true, a date…): reported once, by the text member.
        return (loc[0],) if loc[1] == _TEXT_MEMBER else None
    if isinstance(value, str) != (loc[1] == _TEXT_MEMBER):
        return None
    return (loc[0], *loc[2:])


def source_shape_message(loc: Path_, error: ErrorDetails) -> str | None:
    """The teacher's wording for a shape error of `source` or `evidence`, None if not one."""
    if not loc or loc[0] not in _KEYS:
        return None
    if len(loc) == 1 and error["type"] == "string_type":
        if loc[0] == "source":
            return "source: expected a source id, or a list of two or more (source: [a, b])"
        return "evidence: expected the extract as text, or one extract per source (a: …, b: …)"
    if loc == ("source",) and error["type"] == "too_short":
        return "a list of sources names two or more; one source is written source: a"
    if loc[0] == "source" and error["type"] == "string_pattern_mismatch":
        return (f"source: '{error['input']}' is not a valid id: use lower-case letters, "
                "digits, '-' or '_' (no spaces or accents)")
    if loc[0] == "evidence" and loc[-1:] == ("[key]",):
        return f"evidence: '{error['input']}' is not a source id"
    return None


def source_rules(q: AnyQuestion, sources: Mapping[str, Any]) -> Iterable[tuple[Path_, str]]:
    """(path inside the question, message) for each problem with its sources:
    each known and listed once, one evidence extract per source."""
    known = ", ".join(sources) or "none"
    several = not isinstance(q.source, str)
    listed_ok = True
    for j, sid in enumerate(q.sources):
        at: Path_ = ("source", j) if several else ("source",)
        if sid in q.sources[:j]:
            listed_ok = False
            yield at, f"source '{sid}' is listed twice"
        elif sid not in sources:
            listed_ok = False
            yield at, f"unknown source '{sid}'{did_you_mean(sid, sources)}; sources: {known}"
    if several and isinstance(q.evidence, str):
        yield ("evidence",), ("a question with several sources needs one extract per source: "
                              f"evidence as a mapping ({', '.join(f'{s}: …' for s in q.sources)})")
    elif not several and not isinstance(q.evidence, str):
        yield ("evidence",), (f"evidence is a mapping but the question has one source ('{q.source}'): "
                              "write the extract as text, or list the sources (source: [a, b])")
    elif several and listed_ok:
        # (With a mistake in the list itself, the keys are checked once it is fixed.)
        yield from _evidence_keys(q.sources, list(q.evidence))


def _evidence_keys(listed: list[str], keys: list[str]) -> Iterable[tuple[Path_, str]]:
    """One extract per listed source; a misnamed key is reported once, not also as a missing one."""
    missing = [sid for sid in listed if sid not in keys]
    extra = [key for key in keys if key not in listed]
    for key in extra:
        yield ("evidence", key), (f"evidence for '{key}', which is not a source of this question "
                                  f"({', '.join(listed)}){did_you_mean(key, missing)}")
    if not extra:
        for sid in missing:
            yield ("evidence",), f"no evidence for source '{sid}'"
