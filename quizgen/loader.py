"""Reading bank files: bytes → text → YAML events → plain data with positions.

This is the only place that parses YAML. It keeps the line and column of
every key and value so the validator can point at the teacher's line, and it
resolves scalars with YAML 1.2 rules (only true/false are booleans, dates stay
text) so `answer: Non` or `answer: no` stay the words the teacher typed.

Data is built from the parser's events with an explicit stack (never
libyaml's recursive composer, which a deeply nested file crashes), and every
dimension of a file is bounded (size, nesting, items, values, aliases,
digits) so no file can exhaust the machine: see the README's limits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem
from .yamlsyntax import syntax_problem

try:  # libyaml's parser is several times faster; the pure-Python one is the fallback
    from yaml import CSafeLoader as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]

#: A bank of 10,000 questions is 4 to 10 MB; refuse files well beyond that.
MAX_FILE_BYTES = 20_000_000
#: A source article: a long news article is 50 KB, a book 1 MB.
MAX_ARTICLE_BYTES = 2_000_000
#: Values (scalars, lists and mappings, alias expansions included) in one
#: file: a bank of 10,000 questions has about 150,000. Bounds memory and time.
MAX_VALUES = 500_000
#: Items of one list or keys of one mapping (a bank holds at most 10,000 questions).
MAX_ITEMS = 20_000
#: Nodes produced by expanding aliases, past which the file is an alias bomb.
MAX_ALIAS_EXPANSION = 100_000
#: Lists and mappings inside one another; a bank needs five levels.
MAX_DEPTH = 50
#: Digits of a whole number (Python refuses to read more than 4,300).
MAX_DIGITS = 1000
BANK_SUFFIXES = (".yaml", ".yml")

Path_ = tuple[str | int, ...]

_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_TAG = "tag:yaml.org,2002:"
_STR_TAG, _SEQ_TAG, _MAP_TAG = f"{_TAG}str", f"{_TAG}seq", f"{_TAG}map"
_SCALAR_TAGS = {None, "!", *(f"{_TAG}{t}" for t in ("str", "int", "float", "bool", "null"))}
_SHIFT = 32  # a position is stored as one int: line << _SHIFT | column


@dataclass
class Positions:
    """Where each value (and each mapping key) of a document stands, 1-based."""

    values: dict[Path_, int] = field(default_factory=dict)
    keys: dict[Path_, int] = field(default_factory=dict)

    def of(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Position of `path`, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        p = tuple(path)
        while p:
            if p in table:
                return _unpack(table[p])
            if key and p in self.values:
                return _unpack(self.values[p])
            p = p[:-1]
        return _unpack(self.values.get((), (1 << _SHIFT) | 1))

    def located(self) -> Iterator[tuple[Path_, tuple[int, int]]]:
        """Every path with its (line, column): mapping keys first, then values."""
        for table in (self.keys, self.values):
            for path, packed in table.items():
                yield path, _unpack(packed)


def _pack(mark: Any) -> int:
    return (mark.line + 1) << _SHIFT | (mark.column + 1)


def _unpack(packed: int) -> tuple[int, int]:
    return packed >> _SHIFT, packed & ((1 << _SHIFT) - 1)


@dataclass
class Document:
    """A parsed bank file: its data, where each part of it stands, and its folder."""

    path: Path
    display: str
    data: Any
    positions: Positions


def find_bank_files(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """Expand folders to the bank files they hold, in a stable order.

    Returns (path, display name) pairs and problems for paths that are neither.
    """
    found: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files = sorted(f for f in p.iterdir() if f.suffix in BANK_SUFFIXES and f.is_file())
            found.extend((f, str(f)) for f in files)
        elif p.is_file():
            found.append((p, str(p)))
        else:
            problems.append(Problem(str(p), 1, 1, "no such file or folder"))
    return found, problems


def read_text(path: Path, display: str, *, what: str = "file",
              max_bytes: int | None = None) -> tuple[str | None, list[Problem]]:
    """Read a UTF-8 text file (a BOM is fine); a problem instead of an exception."""
    max_bytes = MAX_FILE_BYTES if max_bytes is None else max_bytes
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return None, [Problem(display, 1, 1,
                                  f"{what} is {_size(size)}, over the limit of {_size(max_bytes)}")]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [Problem(display, 1, 1, f"cannot read {what}: {exc.strerror or exc}")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(display, line, col,
                              f"{what} is not UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8")]
    if not text.strip():
        return None, [Problem(display, 1, 1, f"{what} is empty")]
    return text, []


def _size(n: int) -> str:
    for unit, scale in (("MB", 1e6), ("KB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


def parse_document(path: Path, display: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read and parse one bank file."""
    display = display or str(path)
    text, problems = read_text(path, display, what="bank file")
    if text is None:
        return None, problems
    return parse_text(text, path, display)


def parse_text(text: str, path: Path, display: str) -> tuple[Document | None, list[Problem]]:
    """Parse a bank's text into plain data with positions, or problems.

    Built straight from the parser's events with an explicit stack, so no
    input can make it recurse: nesting, aliases, values and digits are bounded.
    """
    builder = _Builder(display)
    parser = _Parser(text)
    try:
        data = builder.document(parser)
    except yaml.MarkedYAMLError as exc:
        return None, [syntax_problem(display, exc, text)]
    except yaml.YAMLError as exc:
        return None, [Problem(display, 1, 1, f"YAML error: {exc}")]
    except _Abort as exc:
        return None, [*builder.problems, exc.problem]
    finally:
        parser.dispose()
    if data is _NOTHING:
        return None, [Problem(display, 1, 1, "bank file has no content")]
    if builder.problems:
        return None, builder.problems
    return Document(path, display, data, builder.positions), []


class _Abort(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


_NOTHING, _NO_KEY, _SKIP, _MERGE, _KEY = (object() for _ in range(5))
_STARTS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_ENDS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


class _Open:
    """A list or mapping whose end event has not come yet."""

    __slots__ = ("anchor", "count_at", "key", "log_at", "merges", "path", "value")

    def __init__(self, value: list[Any] | dict[str, Any], path: Path_, anchor: str | None,
                 log_at: int, count_at: int):
        self.value, self.path, self.anchor = value, path, anchor
        self.key: Any = _NO_KEY  # in a mapping: the key waiting for its value
        self.merges: list[dict[str, Any]] = []
        self.log_at, self.count_at = log_at, count_at


class _Builder:
    """Turns parser events into plain data, recording positions."""

    def __init__(self, display: str):
        self.display = display
        self.positions = Positions()
        self.problems: list[Problem] = []
        self._stack: list[_Open] = []
        #: anchor → (value, values it holds, positions relative to it)
        self._anchors: dict[str, tuple[Any, int, list[tuple[Path_, int]]]] = {}
        self._open_anchors: list[str] = []
        self._log: list[tuple[Path_, int]] = []  # positions recorded while an anchor is open
        self._values = 0
        self._expanded = 0

    def _problem(self, mark: Any, message: str) -> Problem:
        return Problem(self.display, mark.line + 1, mark.column + 1, message)

    def document(self, parser: Any) -> Any:
        parser.get_event()  # stream start
        if parser.check_event(yaml.StreamEndEvent):
            return _NOTHING
        parser.get_event()  # document start
        data = self._tree(parser)
        parser.get_event()  # document end
        if not parser.check_event(yaml.StreamEndEvent):
            raise _Abort(self._problem(parser.get_event().start_mark,
                                       "YAML syntax error: a second document starts here; "
                                       "a bank file holds one document (remove the '---')"))
        return data

    def _tree(self, parser: Any) -> Any:
        stack = self._stack
        while True:
            event = parser.get_event()
            if isinstance(event, _ENDS):
                value = self._end()
            else:
                path = self._where()
                if path is _KEY:
                    self._key(parser, event)
                    continue
                if path is _SKIP:
                    self._skip(parser, event)
                    stack[-1].key = _NO_KEY
                    continue
                if isinstance(event, _STARTS):
                    self._start(event, path)
                    continue
                if isinstance(event, yaml.AliasEvent):
                    value = self._alias(event, path)
                else:
                    self._count(event.start_mark)
                    packed = self._record(path, event.start_mark)
                    value = self._scalar(event)
                    if event.anchor is not None:
                        self._anchors[event.anchor] = (value, 1, [((), packed)])
            if not stack:
                return value
            self._attach(value)

    def _where(self) -> Any:
        """The path of the next node, or _KEY / _SKIP."""
        if not self._stack:
            return ()
        top = self._stack[-1]
        if type(top.value) is list:
            return (*top.path, len(top.value))
        if top.key is _NO_KEY:
            return _KEY
        if top.key is _SKIP:
            return _SKIP
        return (*top.path, "<<" if top.key is _MERGE else top.key)

    def _count(self, mark: Any, n: int = 1) -> None:
        self._values += n
        if self._values > MAX_VALUES:
            raise _Abort(self._problem(
                mark, f"more than {MAX_VALUES:,} values (texts, lists, mappings) in one file; "
                      "refusing (a bank of 10,000 questions has about 150,000)"))

    def _record(self, path: Path_, mark: Any) -> int:
        packed = _pack(mark)
        self.positions.values[path] = packed
        if self._open_anchors:
            self._log.append((path, packed))
        return packed

    def _start(self, event: Any, path: Path_) -> None:
        mark = event.start_mark
        if len(self._stack) >= MAX_DEPTH:
            raise _Abort(self._problem(
                mark, f"YAML nested more than {MAX_DEPTH} levels deep (lists and mappings "
                      "inside one another); refusing"))
        is_map = isinstance(event, yaml.MappingStartEvent)
        if event.tag not in (None, "!", _MAP_TAG if is_map else _SEQ_TAG):
            self.problems.append(self._problem(mark, f"unsupported YAML tag '{event.tag}'"))
        self._count(mark)
        self._record(path, mark)
        if event.anchor is not None:
            self._open_anchors.append(event.anchor)
        self._stack.append(_Open({} if is_map else [], path, event.anchor, len(self._log), self._values))

    def _end(self) -> Any:
        frame = self._stack.pop()
        value = frame.value
        for extra in frame.merges:
            for k, v in extra.items():
                value.setdefault(k, v)  # type: ignore[union-attr]
        if frame.anchor is not None:
            cut = len(frame.path)
            relative = [(p[cut:], pos) for p, pos in self._log[frame.log_at:]]
            self._anchors[frame.anchor] = (value, self._values - frame.count_at + 1, relative)
            self._open_anchors.remove(frame.anchor)
            if not self._open_anchors:
                self._log.clear()
        return value

    def _attach(self, value: Any) -> None:
        top = self._stack[-1]
        if type(top.value) is list:
            top.value.append(value)
            if len(top.value) > MAX_ITEMS:
                self._too_many(top, "items in one list")
            return
        key, top.key = top.key, _NO_KEY
        if key is _MERGE:
            sources = value if isinstance(value, list) else [value]
            top.merges.extend(s for s in sources if isinstance(s, dict))
        else:
            top.value[key] = value  # type: ignore[call-overload]

    def _key(self, parser: Any, event: Any) -> None:
        top = self._stack[-1]
        mark = event.start_mark
        if isinstance(event, yaml.AliasEvent) and isinstance(self._anchors.get(event.anchor, (0,))[0], str):
            key = self._anchors[event.anchor][0]
        elif isinstance(event, yaml.ScalarEvent):
            key = event.value
            if event.tag not in _SCALAR_TAGS and event.tag != f"{_TAG}merge":
                self.problems.append(self._problem(mark, f"unsupported YAML tag '{event.tag}'"))
            if event.anchor is not None:
                self._anchors[event.anchor] = (key, 1, [((), _pack(mark))])
        else:
            self.problems.append(self._problem(mark, "a key must be plain text"))
            self._skip(parser, event)
            top.key = _SKIP
            return
        tag, plain = getattr(event, "tag", None), getattr(event, "implicit", (False,))[0]
        if key == "<<" and (tag == f"{_TAG}merge" or (tag is None and plain)):
            top.key = _MERGE
        elif key in top.value:
            self.problems.append(self._problem(mark, f"duplicate key '{key}'"))
            top.key = _SKIP
        else:
            top.key = key
            self.positions.keys[(*top.path, key)] = _pack(mark)
            if len(top.value) >= MAX_ITEMS:
                self._too_many(top, "keys in one mapping")

    def _too_many(self, top: _Open, what: str) -> None:
        line, col = _unpack(self.positions.values[top.path])
        raise _Abort(Problem(self.display, line, col, f"more than {MAX_ITEMS:,} {what}; refusing"))

    def _skip(self, parser: Any, event: Any) -> None:
        """Pass over a node that is reported already (and what it holds)."""
        depth = 1 if isinstance(event, _STARTS) else 0
        while depth:
            event = parser.get_event()
            if isinstance(event, _STARTS):
                depth += 1
                if depth + len(self._stack) > MAX_DEPTH:
                    self._start(event, ())  # raises: nested too deeply
            elif isinstance(event, _ENDS):
                depth -= 1

    def _alias(self, event: Any, path: Path_) -> Any:
        name = event.anchor
        mark = event.start_mark
        if name in self._open_anchors:
            raise _Abort(self._problem(mark, "recursive YAML alias"))
        if name not in self._anchors:
            self.problems.append(self._problem(
                mark, f"unknown alias '*{name}': write '&{name}' on a value above it"))
            return None
        value, count, relative = self._anchors[name]
        self._expanded += count
        if self._expanded > MAX_ALIAS_EXPANSION:
            raise _Abort(self._problem(
                mark, f"YAML aliases expand to more than {MAX_ALIAS_EXPANSION:,} values; "
                      "refusing (an alias bomb?)"))
        self._count(mark, count)
        for rel, packed in relative:
            self.positions.values[(*path, *rel)] = packed
            if self._open_anchors:
                self._log.append(((*path, *rel), packed))
        return value

    def _scalar(self, event: Any) -> Any:
        value = event.value
        if event.tag not in _SCALAR_TAGS:
            self.problems.append(self._problem(event.start_mark, f"unsupported YAML tag '{event.tag}'"))
            return value
        if event.tag not in (None, "!") or not event.implicit[0]:
            return value  # quoted, block, or explicitly tagged text
        if value in ("", "~", "null", "Null", "NULL"):
            return None
        if value in ("true", "True", "TRUE"):
            return True
        if value in ("false", "False", "FALSE"):
            return False
        if _INT.fullmatch(value):
            digits = len(value.lstrip("+-"))
            if digits > MAX_DIGITS:
                self.problems.append(self._problem(
                    event.start_mark, f"a number of {digits:,} digits; the limit is {MAX_DIGITS:,} "
                                      "(put it in quotes if it is text)"))
                return value
            return int(value)
        if _FLOAT.fullmatch(value):
            return float(value)
        return value


def iter_documents(paths: Iterable[str | Path]) -> Iterator[tuple[Document | None, list[Problem]]]:
    """Parse every bank file under `paths`; problems for paths that don't exist."""
    files, problems = find_bank_files(paths)
    if problems:
        yield None, problems
    for path, display in files:
        yield parse_document(path, display)
