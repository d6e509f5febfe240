"""Findings in a bank file: their positions, and the comments that silence them.

A finding on one question is silenced by a YAML comment on that question's
lines, with a reason:

    # lint: ignore[CH01] the long key is the only precise wording
    # lint: ignore[CH01, CH02] reason

The comment is read from the file's text (the YAML parser drops comments),
so the bank format does not change. A bank-wide finding (BK01, BK02) is
silenced by such a comment above the first question.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ..loader import Document, parse_document
from ..model import Bank
from . import lint_bank
from .core import Finding, matches

_IGNORE = re.compile(r"(?:^|\s)#\s*lint:\s*ignore\[([^\]]*)\]\s*(.*?)\s*$")


@dataclass(frozen=True)
class Located:
    """A finding at its place in a bank file."""

    path: str
    line: int
    col: int
    finding: Finding
    bank_id: str

    def __str__(self) -> str:
        """`path:line:col: CODE question-id: message` (the bank's id for bank-wide findings)."""
        f = self.finding
        return f"{self.path}:{self.line}:{self.col}: {f.code} {f.question_id or self.bank_id}: {f.message}"


@dataclass
class Suppression:
    line: int
    codes: list[str]
    reason: str
    used: set[str] = field(default_factory=set)


def suppressions(text: str) -> list[Suppression]:
    """Every `# lint: ignore[CODE…] reason` comment of a bank file, 1-based lines."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        m = _IGNORE.search(line)
        if m:
            codes = [c.strip().upper() for c in m[1].split(",") if c.strip()]
            out.append(Suppression(n, codes, m[2]))
    return out


def _spans(doc: Document, bank: Bank, last_line: int) -> dict[str | None, tuple[int, int]]:
    """The lines each question takes in the file; None: the bank's header."""
    starts = [doc.positions.of(("questions", i))[0] for i in range(len(bank.questions))]
    spans: dict[str | None, tuple[int, int]] = {None: (1, (starts[0] if starts else last_line + 1) - 1)}
    for i, q in enumerate(bank.questions):
        end = starts[i + 1] - 1 if i + 1 < len(starts) else last_line
        spans[q.id] = (starts[i], end)
    return spans


def _position(doc: Document, bank: Bank, finding: Finding) -> tuple[int, int]:
    if finding.question_id is None:
        return doc.positions.of(finding.field, key=True)
    index = next(i for i, q in enumerate(bank.questions) if q.id == finding.question_id)
    path = ("questions", index, *finding.field)
    if finding.field[:1] == ("pairs",):
        return doc.positions.of(path, key=True)
    return doc.positions.of(path)


def lint_file(bank: Bank, *, select: Iterable[str] = (), ignore: Iterable[str] = (),
              display: str | None = None) -> list[Located]:
    """The findings on a loaded bank, placed in its file, silenced ones left out,
    plus LI findings for a silencing comment without a reason or that silences nothing."""
    select, ignore = list(select), list(ignore)
    findings = lint_bank(bank, select=select, ignore=ignore)
    path = bank.path
    if path is None:
        return [Located(display or bank.id, 1, 1, f, bank.id) for f in findings]
    doc, _problems = parse_document(Path(path), display or str(path))
    text = Path(path).read_text(encoding="utf-8-sig")
    if doc is None:  # pragma: no cover - the bank was just loaded from this file
        return [Located(display or str(path), 1, 1, f, bank.id) for f in findings]
    marks = suppressions(text)
    spans = _spans(doc, bank, text.count("\n") + 1)
    out: list[Located] = []
    for f in findings:
        first, last = spans.get(f.question_id, (0, -1))
        mark = next((m for m in marks if first <= m.line <= last and f.code in m.codes and m.reason), None)
        if mark:
            mark.used.add(f.code)
            continue
        line, col = _position(doc, bank, f)
        out.append(Located(doc.display, line, col, f, bank.id))
    out.extend(_comment_findings(doc, bank.id, marks, select, ignore))
    return out


def _comment_findings(doc: Document, bank_id: str, marks: list[Suppression], select: list[str],
                      ignore: list[str]) -> list[Located]:
    def wanted(code: str) -> bool:
        return (not select or matches(code, select)) and not matches(code, ignore)

    out = []
    for m in marks:
        if not m.reason and wanted("LI01"):
            out.append(Located(doc.display, m.line, 1, Finding(
                "LI01", None, "a lint: ignore comment needs a reason after the ]: say why the flaw is "
                "acceptable"), bank_id))
        # A code left out by --select/--ignore was not looked for: its comment is not idle.
        unused = [c for c in m.codes if c not in m.used and wanted(c)] if m.reason else []
        if unused and wanted("LI02"):
            out.append(Located(doc.display, m.line, 1, Finding(
                "LI02", None, f"lint: ignore[{', '.join(unused)}] silences no finding here: remove it"),
                bank_id))
    return out
