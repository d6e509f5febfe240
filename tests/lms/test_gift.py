"""GIFT export: escaping, what is left out, and the file read back by two
independent GIFT parsers (gift-pegjs from npm, pygiftparserrgmf from PyPI)
compared with the bank: answers, weights, tolerances, feedback."""

from __future__ import annotations

import json
import shutil
import subprocess
import warnings
from pathlib import Path
from typing import Any

import pytest

from quizgen.cli import cli
from quizgen.exporters.gift import escape
from quizgen.exporters.lms import feedback_parts, moodle_fraction, quote_prompt, short_answer
from quizgen.model import Bank, Multi

from .conftest import BANK_FILES, export

JS = Path(__file__).resolve().parent / "js"
GIFT_PEGJS = JS / "node_modules" / "gift-pegjs"


def test_escape_covers_every_special_character() -> None:
    assert escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"
    assert escape("ligne 1\nligne 2\r\nligne 3") == "ligne 1\\nligne 2\\nligne 3"


def test_types_gift_cannot_carry_are_reported_and_left_out(banks: list[Bank]) -> None:
    data, warned = export("gift", banks)
    text = data.decode("utf-8")
    assert warned == [
        "sommet-test/q-order: left out: GIFT has no ordering question (use --format moodle or qti21)",
        "sommet-test/q-cloze: left out: 2 gaps: a GIFT missing-word question holds one (use --format moodle)",
        "tricky/ordre: left out: GIFT has no ordering question (use --format moodle or qti21)",
    ]
    assert "::q-order::" not in text and "::q-cloze::" not in text and "::ordre::" not in text
    assert text.count("\n::") == sum(len(b.questions) for b in banks) - 3


def test_a_multi_moodle_cannot_grade_is_left_out(banks: list[Bank]) -> None:
    bank = banks[0]
    choices = [f"choix {i}" for i in range(12)]
    odd = Multi.model_validate({"type": "multi", "id": "onze", "source": "art", "prompt": "?",
                                "choices": choices, "answers": choices[:11], "evidence": "e",
                                "explanation": "x"})
    data, warned = export("gift", [bank.model_copy(update={"questions": [odd]})])
    assert warned == ["sommet-test/onze: left out: 11 right answers: Moodle has no grade of 1/11"]
    assert "::onze::" not in data.decode()


def test_the_cli_prints_what_was_left_out_on_stderr(runner: Any) -> None:
    result = runner.invoke(cli, ["export", "--format", "gift", str(BANK_FILES[0])])
    assert result.exit_code == 0
    assert "warning: sommet-test/q-order: left out" in result.stderr
    assert "::q-single::" in result.stdout and "q-order" not in result.stdout


# --- read back by gift-pegjs (npm) -------------------------------------------


def _pegjs(text: str) -> list[dict[str, Any]]:
    if shutil.which("node") is None or not GIFT_PEGJS.is_dir():
        pytest.skip("gift-pegjs is not installed: run `npm ci --prefix tests/lms/js` (as .ci/run does)")
    script = ("const g=require('gift-pegjs');let s='';process.stdin.on('data',d=>s+=d);"
              "process.stdin.on('end',()=>process.stdout.write(JSON.stringify(g.parse(s))));")
    out = subprocess.run(["node", "-e", script], input=text, capture_output=True, text=True, cwd=JS,
                         check=True, timeout=60)
    return json.loads(out.stdout)


def _expected(bank: Bank, q: Any) -> dict[str, Any]:
    """What a GIFT reader must find for question `q`."""
    feedback = "\n".join(feedback_parts(bank, q))
    if q.type in ("single", "quote"):
        choices = q.choices if q.type == "single" else [q.speaker, *q.distractors]
        right = q.answer if q.type == "single" else q.speaker
        stem = q.prompt if q.type == "single" else quote_prompt(q, bank.language)
        return {"type": "MC", "stem": stem, "choices": [(c, c == right, None) for c in choices]}
    if q.type == "multi":
        share = float(moodle_fraction(len(q.answers)) or "nan")
        return {"type": "MC", "stem": q.prompt,
                "choices": [(c, False, share if c in q.answers else -share) for c in q.choices]}
    if q.type == "true_false":
        return {"type": "TF", "stem": q.statement, "isTrue": q.answer}
    if q.type == "numeric":
        return {"type": "Numerical", "stem": f"{q.prompt} ({q.unit})" if q.unit else q.prompt,
                "number": q.answer, "range": q.tolerance}
    if q.type == "short":
        # `*` is Moodle's wildcard: a star in a spelling is written `\*`.
        return {"type": "Short", "stem": q.prompt,
                "choices": [(short_answer(a), True, None) for a in q.accepted]}
    if q.type == "match":
        return {"type": "Matching", "stem": q.prompt, "pairs": list(q.pairs.items())}
    (_n, answer, _hint), = q.gaps
    before, _, after = q.text.partition(f"{{{{c1::{answer}}}}}")
    return {"type": "Short", "stem": f"{before}_____{after}", "choices": [(answer, True, None)],
            "feedback": feedback}


# gift-pegjs 1.0.2 reads escapes as placeholders and, for a match's right-hand
# side only, forgets to turn them back (GIFT.pegjs, the `subanswer` rule).
_PLACEHOLDERS = {"&&092;": "\\", "&&058;": ":", "&&035;": "#", "&&061;": "=", "&&123;": "{",
                 "&&125;": "}", "&&126;": "~", "&&010": "\n"}


def _decode(text: str) -> str:
    for placeholder, char in _PLACEHOLDERS.items():
        text = text.replace(placeholder, char)
    return text


def _found(parsed: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"type": parsed["type"], "stem": parsed["stem"]["text"]}
    if parsed["type"] in ("MC", "Short"):
        out["choices"] = [(c["text"]["text"], c["isCorrect"], c["weight"]) for c in parsed["choices"]]
    elif parsed["type"] == "TF":
        out["isTrue"] = parsed["isTrue"]
    elif parsed["type"] == "Numerical":
        assert parsed["choices"]["type"] == "range"
        out["number"], out["range"] = parsed["choices"]["number"], parsed["choices"]["range"]
    elif parsed["type"] == "Matching":
        out["pairs"] = [(p["subquestion"]["text"], _decode(p["subanswer"])) for p in parsed["matchPairs"]]
    return out


def _check_with_pegjs(banks: list[Bank]) -> int:
    data, warned = export("gift", banks)
    left_out = {w.split(":")[0] for w in warned}
    parsed = _pegjs(data.decode("utf-8"))
    categories = [p["title"] for p in parsed if p["type"] == "Category"]
    assert categories == [f"$course$/top/{b.title.replace('/', '//')}" for b in banks]
    questions = {p["title"]: p for p in parsed if p["type"] != "Category"}
    checked = 0
    for bank in banks:
        for q in bank.questions:
            if f"{bank.id}/{q.id}" in left_out:
                continue
            got = questions[q.id]
            want = _expected(bank, q)
            want.pop("feedback", None)
            assert _found(got) == want, q.id
            assert got["stem"]["format"] == "plain"
            assert got["globalFeedback"]["text"] == "\n".join(feedback_parts(bank, q)), q.id
            checked += 1
    assert checked == len(questions)
    return checked


def test_gift_pegjs_reads_back_every_question_as_in_the_bank(banks: list[Bank]) -> None:
    assert _check_with_pegjs(banks) == 14


def test_gift_pegjs_reads_back_the_shared_bank(shared_bank: Bank) -> None:
    assert _check_with_pegjs([shared_bank]) == len(shared_bank.questions) - 7


# --- read back by pygiftparserrgmf (PyPI) ------------------------------------


def test_pygiftparser_reads_back_names_answers_weights_and_tolerances(banks: list[Bank]) -> None:
    """pygiftparserrgmf's lexer stops at escaped characters in feedback, so it reads
    the plain bank; it takes `####general feedback` as the last answer's `###…`."""
    parser = pytest.importorskip("pygiftparser.parser", reason="pygiftparserrgmf is not installed")
    bank = banks[0]
    data, _ = export("gift", [bank])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = parser.parse(data.decode("utf-8"))
    found = {q.name: q for q in result.questions}
    assert sorted(found) == sorted(q.id for q in bank.questions if q.id not in ("q-order", "q-cloze"))
    for q in bank.questions:
        if q.id not in found:
            continue
        got = found[q.id]
        options = [(o.text, o.percentage) for o in got.answer.options]
        last_feedback = got.answer.options[-1].feedback
        assert last_feedback == "###" + escape("\n".join(feedback_parts(bank, q))), q.id
        kind = type(got.answer).__name__
        if q.type == "single":
            assert (kind, options) == ("MultipleChoiceRadio", [(c, 1.0 if c == q.answer else 0.0)
                                                                for c in q.choices])
        elif q.type == "multi":
            assert kind == "MultipleChoiceCheckbox"
            assert options == [(c, 0.25 if c in q.answers else -0.25) for c in q.choices]
        elif q.type == "numeric":
            assert (kind, options) == ("Numerical", [("125:5", 1.0)])
        elif q.type == "short":
            assert (kind, options) == ("Short", [(a, 1.0) for a in q.accepted])
        elif q.type == "true_false":
            assert (kind, options) == ("TrueFalse", [("True", 1.0)])
        elif q.type == "quote":
            assert options == [(q.speaker, 1.0), *((d, 0.0) for d in q.distractors)]
