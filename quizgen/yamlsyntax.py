"""YAML syntax errors in a teacher's words, at the place to fix.

PyYAML (and libyaml) describe what the parser was doing ("while parsing a
block mapping … did not find expected key"); a teacher needs what is wrong
and where: the quote that is never closed (where it opens), the line whose
indentation does not line up, the text that needs quotes.
"""

from __future__ import annotations

from typing import Any

import yaml

from .errors import Problem

_QUOTE_HINT = 'put the whole text in quotes ("…")'


def syntax_problem(display: str, exc: yaml.MarkedYAMLError, text: str) -> Problem:
    """One problem for a YAML syntax error, in plain words where it is a known mistake."""
    context, problem = exc.context or "", exc.problem or ""
    start, mark = exc.context_mark, exc.problem_mark or exc.context_mark
    found = _explain(context, problem, start, mark, text.splitlines())
    if found is None:
        message = " ".join(x for x in (context, problem) if x) or str(exc)
        if start is not None and mark is not None and start.line != mark.line:
            message += f" (started on line {start.line + 1}, column {start.column + 1})"
        found = mark, message
    where, message = found
    line, col = (where.line + 1, where.column + 1) if where is not None else (1, 1)
    return Problem(display, line, col, f"YAML syntax error: {message}")


def _explain(context: str, problem: str, start: Any, mark: Any,
             lines: list[str]) -> tuple[Any, str] | None:
    char = _char(lines, mark)
    if "quoted scalar" in context and start is not None:
        quote = _char(lines, start) or '"'
        return start, f"the quote {quote} that opens here is never closed: end the text with {quote}"
    if "cannot start any token" in problem and char == "\t":
        return mark, "a tab: indent with spaces, not tabs"
    if "cannot start any token" in problem and char:
        return mark, f"a text cannot start with {char!r}: {_QUOTE_HINT}"
    if "directive" in context and start is not None:
        return start, f"a text cannot start with '%': {_QUOTE_HINT}"
    if "scanning an alias" in context or "scanning an anchor" in context:
        sign = "*" if "alias" in context else "&"
        return start, f"a text starting with {sign!r} is read as a YAML {context.split()[-1]}: {_QUOTE_HINT}"
    if "flow sequence" in context or "flow mapping" in context:
        opening, closing = ("[", "]") if "sequence" in context else ("{", "}")
        return start, (f"the {opening!r} that opens here is never closed with {closing!r}, or a ',' "
                       f"is missing between its items (a text starting with {opening!r} needs quotes)")
    if "mapping values are not allowed" in problem:
        return _colon(lines, mark)
    if "simple key" in context and start is not None:
        return start, ("this line has no 'key: value' (a text running over several lines needs "
                       "quotes, or more indentation than its key)")
    if "block mapping" in context or "block collection" in context:
        return mark, _misaligned(lines, start, mark, "list items" if "collection" in context else "keys")
    return None


def _char(lines: list[str], mark: Any) -> str:
    if mark is None or mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _colon(lines: list[str], mark: Any) -> tuple[Any, str]:
    line = lines[mark.line] if mark.line < len(lines) else ""
    if ": " not in line[:mark.column] and mark.line > 0:
        above = (p for p in reversed(lines[:mark.line]) if p.strip() and not p.lstrip().startswith("#"))
        previous = next(above, "")
        if _indent(line) > _indent(previous):
            return _At(mark.line, _indent(line)), (
                f"bad indentation: this key is indented more than the line above "
                f"(column {_indent(line) + 1}, not {_indent(previous) + 1})")
    return mark, f"a ': ' inside a text without quotes: {_QUOTE_HINT}"


class _At:
    """A 0-based place, like a parser mark."""

    def __init__(self, line: int, column: int):
        self.line, self.column = line, column


def _misaligned(lines: list[str], start: Any, mark: Any, what: str) -> str:
    line = lines[mark.line] if mark.line < len(lines) else ""
    if line.strip() and mark.column > _indent(line):
        return ("unexpected text after the value: when a text starts with a quote, '[' or '{', "
                f"{_QUOTE_HINT}")
    began = f" (they start on line {start.line + 1}, column {start.column + 1})" if start is not None else ""
    if start is not None and _indent(line) == start.column:
        kind = "a list item (- …)" if what == "keys" else "a key"
        return f"{kind} among {what}: write it like the {what} above it{began}, or indent it differently"
    return f"bad indentation: this line does not line up with the {what} above it{began}"
