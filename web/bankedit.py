"""Editing a bank file in place, its comments and layout kept (round-trip YAML).

ruamel.yaml only writes here: the file is read with it to keep what a
teacher wrote around the values, one question's keys are changed, and the
text is written back. Reading a bank for the site stays quizgen's loader's
job, and every text written is first checked by it (web/bankfiles.py).
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from quizgen.errors import QuizgenError

#: (mapping, sequence, offset) indents tried in turn: the first that gives the
#: file back unchanged is the file's own.
_LAYOUTS = ((2, 4, 2), (2, 2, 0), (4, 6, 4), (4, 4, 0))
#: Keys never changed from the browser: ids stay stable so decks update.
FIXED = ("id", "type")


def _yaml(layout: tuple[int, int, int]) -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never re-wrap a line the teacher wrote
    y.indent(mapping=layout[0], sequence=layout[1], offset=layout[2])
    return y


class RoundTrip:
    """A bank file's text, loaded to be edited and dumped with its layout."""

    def __init__(self, text: str):
        self.text = text
        try:
            self.data = _yaml(_LAYOUTS[0]).load(text)
        except YAMLError as exc:
            raise QuizgenError(f"the file cannot be read as YAML: {exc}") from exc
        if not isinstance(self.data, CommentedMap) \
                or not isinstance(self.data.get("questions"), CommentedSeq):
            raise QuizgenError("the file is not a bank (no list of questions)")
        self.layout = next((layout for layout in _LAYOUTS if self._dump(layout) == text), _LAYOUTS[0])

    def _dump(self, layout: tuple[int, int, int]) -> str:
        out = io.StringIO()
        _yaml(layout).dump(self.data, out)
        return out.getvalue()

    def dump(self) -> str:
        return self._dump(self.layout)

    def index(self, question_id: str) -> int:
        for i, q in enumerate(self.data["questions"]):
            if isinstance(q, Mapping) and q.get("id") == question_id:
                return i
        raise KeyError(question_id)

    def update(self, question_id: str, values: Mapping[str, Any], editable: set[str]) -> None:
        """Set the question's `editable` keys to `values` (absent: removed).
        Keys whose value does not change are left alone, layout and all."""
        q = self.data["questions"][self.index(question_id)]
        for key in editable:
            if key in FIXED:
                continue
            if key not in values:
                if key in q:
                    del q[key]
                continue
            new = values[key]
            if key not in q and new in (0, [], ""):  # a default the file leaves out: keep it out
                continue
            if _plain(q.get(key)) != new:
                q[key] = _node(new)

    def accept(self, question_id: str) -> None:
        """Reviewed: no longer a draft, nothing left to check."""
        q = self.data["questions"][self.index(question_id)]
        for key in ("draft", "review"):
            if key in q:
                del q[key]

    def drop(self, question_id: str) -> None:
        del self.data["questions"][self.index(question_id)]

    def append(self, question: Mapping[str, Any]) -> None:
        self.data["questions"].append(_node(dict(question)))


def _plain(value: Any) -> Any:
    """A loaded value as plain Python, to compare with what the form gave."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, str):
        return str(value)
    return value


def _node(value: Any) -> Any:
    """New values in block style, like the rest of a hand-written bank."""
    if isinstance(value, Mapping):
        m = CommentedMap()
        for k, v in value.items():
            m[k] = _node(v)
        return m
    if isinstance(value, list):
        s = CommentedSeq(_node(v) for v in value)
        return s
    return value
