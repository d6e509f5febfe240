"""Odd YAML never raises: every file gets problems, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.validate import check_banks

ODD = [
    "- a\n- b\n",
    "just text\n",
    "id: x\nquestions: [1, 'two', null, [], {}]\n",
    "id: x\nsources: [1]\nquestions: [{type: single}]\n",
    "id: [x]\ntitle: {a: 1}\nas_of: yesterday\nsources: {}\nquestions: 5\n",
    "? [a, b]\n: c\n",
    "!!python/object:os.system ls\n",
    "a: !custom x\n",
    "---\na: 1\n---\nb: 2\n",
    "id: x\ntitle: t\nas_of: 2021-01-01\nsources: [{id: s, title: t, outlet: o, published: 2021-01-01,"
    " path: '..', summary: s}]\nquestions: [{id: q, type: numeric, source: s, prompt: p, answer: .nan,"
    " tolerance: .inf, evidence: e, explanation: x}]\n",
    "id: x\nquestions: [{id: q, type: match, pairs: {[1]: x, b: [2]}}]\n",
    "id: x\nquestions: [{id: q, type: cloze, text: '{{c1::}} {{c2:oops}}'}]\n",
    "\t- tab\n",
    "id: x\n" * 3,
]


@pytest.mark.parametrize("text", ODD)
def test_odd_input_gives_problems_not_exceptions(text: str, tmp_path: Path) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text(text, encoding="utf-8")
    banks, problems = check_banks([path])
    assert banks == []
    assert problems
    for p in problems:
        assert p.path == str(path) and p.line >= 1 and p.col >= 1 and p.message


def test_items_that_are_not_questions_are_named(tmp_path: Path) -> None:
    path = tmp_path / "odd.yaml"
    path.write_text("id: x\nquestions:\n  - 1\n", encoding="utf-8")
    _, problems = check_banks([path])
    assert any(p.line == 3 and p.message.startswith("a question is a mapping") for p in problems)
