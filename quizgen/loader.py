"""Reading bank files: bytes → text → YAML nodes → plain data with positions.

This is the only place that parses YAML. It keeps the line and column of
every key and value so the validator can point at the teacher's line, and it
resolves scalars with YAML 1.2 rules (only true/false are booleans, dates stay
text) so `answer: Non` or `answer: no` stay the words the teacher typed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

try:  # libyaml's parser is several times faster; the pure-Python one is the fallback
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Skips PyYAML's YAML 1.1 tag guessing (a regex per scalar): `_Builder`
    resolves plain scalars itself, by YAML 1.2 rules."""

    def resolve(self, kind: type, value: Any, implicit: Any) -> str:
        if kind is yaml.ScalarNode:
            return _PLAIN_TAG if implicit[0] else _STR_TAG
        return _SEQ_TAG if kind is yaml.SequenceNode else _MAP_TAG

#: A bank of 10,000 questions is about 10 MB; refuse only far beyond that.
MAX_FILE_BYTES = 64 * 1024 * 1024
#: Nodes produced by expanding aliases, past which the file is an alias bomb.
MAX_ALIAS_EXPANSION = 100_000
BANK_SUFFIXES = (".yaml", ".yml")

Path_ = tuple[str | int, ...]

_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?")
_TAG = "tag:yaml.org,2002:"
_STR_TAG, _SEQ_TAG, _MAP_TAG = f"{_TAG}str", f"{_TAG}seq", f"{_TAG}map"
_PLAIN_TAG = "quizgen:plain"  # a plain scalar whose type the builder decides
_STANDARD_TAGS = {_PLAIN_TAG, *(f"{_TAG}{t}" for t in ("str", "int", "float", "bool", "null", "seq", "map"))}


@dataclass
class Positions:
    """Where each value (and each mapping key) of a document stands, 1-based."""

    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def of(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Position of `path`, or of its nearest ancestor that has one."""
        table = self.keys if key else self.values
        p = tuple(path)
        while p:
            if p in table:
                return table[p]
            if key and p in self.values:
                return self.values[p]
            p = p[:-1]
        return self.values.get((), (1, 1))


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
                                  f"{what} is {size / 1e6:.0f} MB; the limit is {max_bytes / 1e6:.0f} MB")]
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


def parse_document(path: Path, display: str | None = None) -> tuple[Document | None, list[Problem]]:
    """Read and parse one bank file."""
    display = display or str(path)
    text, problems = read_text(path, display, what="bank file")
    if text is None:
        return None, problems
    return parse_text(text, path, display)


def parse_text(text: str, path: Path, display: str) -> tuple[Document | None, list[Problem]]:
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        message = " ".join(x for x in (exc.context, exc.problem) if x) or str(exc)
        start = exc.context_mark
        if start is not None and exc.problem_mark is not None and start.line != exc.problem_mark.line:
            message += f" (started on line {start.line + 1}, column {start.column + 1})"
        return None, [Problem(display, line, col, f"YAML syntax error: {message}")]
    except yaml.YAMLError as exc:
        return None, [Problem(display, 1, 1, f"YAML error: {exc}")]
    if root is None:
        return None, [Problem(display, 1, 1, "bank file has no content")]
    builder = _Builder(display)
    try:
        data = builder.build(root, ())
    except RecursionError:
        return None, [Problem(display, 1, 1, "YAML is nested too deeply")]
    except _Abort as exc:
        return None, [*builder.problems, exc.problem]
    if builder.problems:
        return None, builder.problems
    return Document(path, display, data, builder.positions), []


class _Abort(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


class _Builder:
    """Turns a composed node tree into plain data, recording positions."""

    def __init__(self, display: str):
        self.display = display
        self.positions = Positions()
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._built = 0
        self._stack: set[int] = set()

    def _problem(self, node: yaml.Node, message: str) -> Problem:
        return Problem(self.display, node.start_mark.line + 1, node.start_mark.column + 1, message)

    def build(self, node: yaml.Node, path: Path_) -> Any:
        key = id(node)
        if key in self._stack:
            raise _Abort(self._problem(node, "recursive YAML alias"))
        # Every build of a node already seen is an alias expansion: bound them.
        self._built += 1
        self._seen.add(key)
        if self._built - len(self._seen) > MAX_ALIAS_EXPANSION:
            raise _Abort(self._problem(
                node, f"YAML aliases expand to more than {MAX_ALIAS_EXPANSION:,} values; "
                      "refusing (an alias bomb?)"))
        self.positions.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            return self._scalar(node)
        self._stack.add(key)
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
            return self._mapping(node, path)
        finally:
            self._stack.discard(key)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict[str, Any]:
        out: dict[str, Any] = {}
        merged: list[dict[str, Any]] = []
        for key_node, value_node in node.value:
            if key_node.tag in (_PLAIN_TAG, f"{_TAG}merge") and key_node.value == "<<":
                value = self.build(value_node, path)
                sources = value if isinstance(value, list) else [value]
                merged.extend(s for s in sources if isinstance(s, dict))
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(self._problem(key_node, "a key must be plain text"))
                continue
            key = key_node.value
            if key in out:
                self.problems.append(self._problem(key_node, f"duplicate key '{key}'"))
                continue
            self.positions.keys[(*path, key)] = (key_node.start_mark.line + 1,
                                                 key_node.start_mark.column + 1)
            out[key] = self.build(value_node, (*path, key))
        for extra in merged:
            for k, v in extra.items():
                out.setdefault(k, v)
        return out

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        value = node.value
        if node.tag not in _STANDARD_TAGS:
            self.problems.append(self._problem(node, f"unsupported YAML tag '{node.tag}'"))
            return value
        if node.tag != _PLAIN_TAG:
            return value  # quoted, block, or explicitly tagged text
        if value in ("", "~", "null", "Null", "NULL"):
            return None
        if value in ("true", "True", "TRUE"):
            return True
        if value in ("false", "False", "FALSE"):
            return False
        if _INT.fullmatch(value):
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
