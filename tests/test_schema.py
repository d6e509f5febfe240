"""The shipped JSON Schema carries the bank's shape rules: every bank that
`quizgen validate` refuses for its shape, an editor with the schema refuses
too. The validator keeps only what a schema cannot check."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from quizgen.loader import parse_document
from quizgen.schema import bank_schema
from quizgen.validate import check_banks

jsonschema = pytest.importorskip("jsonschema")

BAD = Path(__file__).parent / "data" / "bad"
#: Bad banks refused for what a schema cannot see: the file itself, references,
#: uniqueness, answers among choices, evidence in the article, word counts.
NOT_SHAPE = {
    "alias_bomb", "duplicate_key", "empty", "not_utf8", "syntax",
    "answer_not_in_choices", "duplicate_id", "evidence_typo", "long_summary",
    "missing_source_file", "quote_speaker_is_distractor", "unknown_source",
}
SHAPE = sorted(p.stem for p in BAD.glob("*.yaml") if p.stem not in NOT_SHAPE)


def schema_errors(data: Any) -> list[str]:
    validator = jsonschema.Draft202012Validator(bank_schema())
    return [e.message for e in validator.iter_errors(data)]


def test_the_shape_cases_are_the_rest_of_the_bad_banks() -> None:
    assert {p.stem for p in BAD.glob("*.yaml")} >= NOT_SHAPE
    assert len(SHAPE) >= 10


@pytest.mark.parametrize("case", SHAPE)
def test_every_bad_shape_is_refused_by_the_schema(case: str) -> None:
    path = BAD / f"{case}.yaml"
    doc, problems = parse_document(path)
    assert doc is not None, problems
    assert check_banks([path])[1], "the validator accepts it"
    assert schema_errors(doc.data), f"the JSON Schema accepts {case}.yaml"


MUTATIONS = {
    "multi without answers": ("answers: [Emmanuel Macron, Angela Merkel, Mario Draghi, Boris Johnson]",
                              "answers: []"),
    "negative tolerance": ("tolerance: 5", "tolerance: -0.5"),
    "match with one pair": ("    pairs:\n      Mario Draghi: Italie\n", "    pairs:\n"),
    "match with a blank left side": ("Mario Draghi: Italie", "' ': Italie"),
    "order with one item": ("items:", "items: [seul]\n    old_items:"),
    "cloze without a gap": ("{{c1::Tadjikistan}} avec {{c2::30::nombre}}", "Tadjikistan avec 30"),
    "single with one choice": ("choices: [RIA, Reuters, AFP, TASS]", "choices: [RIA]"),
    "quote without distractors": ("distractors:", "distractors: []\n    old:"),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_shape_rules_moved_to_the_model_hold_in_validator_and_schema(name: str, bank_dir: Path) -> None:
    old, new = MUTATIONS[name]
    path = bank_dir / "sommet.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    doc, problems = parse_document(path)
    assert doc is not None, problems
    banks, found = check_banks([path])
    assert found and not banks
    assert schema_errors(doc.data), f"the JSON Schema accepts a bank with a {name}"


def test_the_good_bank_passes_the_schema(good_bank_path: Path) -> None:
    doc, _ = parse_document(good_bank_path)
    assert doc is not None and schema_errors(doc.data) == []
