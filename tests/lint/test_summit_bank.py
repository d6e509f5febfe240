"""The flaws a fact-check found in the summit bank (issue 13), on a copy of
the bank as it was before it was fixed with the linter."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.lint import Finding, lint_bank
from quizgen.loader import parse_document
from quizgen.model import Bank

BEFORE = Path(__file__).parent / "data" / "summit-before-lint.yaml"


@pytest.fixture(scope="module")
def findings() -> list[Finding]:
    doc, problems = parse_document(BEFORE)
    assert doc is not None, problems
    return lint_bank(Bank.model_validate(doc.data))


def _on(findings: list[Finding], code: str, qid: str | None) -> list[str]:
    return [f.message for f in findings if f.code == code and f.question_id == qid]


def test_key_is_the_longest_in_8_of_13(findings: list[Finding]) -> None:
    assert any("longest choice (or tied) in 8 of 13" in m for m in _on(findings, "BK01", None))


def test_elided_de_before_a_gap(findings: list[Finding]) -> None:
    assert any("« d' » before gap c2" in m for m in _on(findings, "GR02", "avertissement-mesures-fortes"))


def test_full_name_printed_in_six_other_questions(findings: list[Finding]) -> None:
    assert any("printed in 6 other questions" in m for m in _on(findings, "BK03", "ouchakov-nom"))


def test_one_word_quote_whose_context_points_to_its_speaker(findings: list[Finding]) -> None:
    assert _on(findings, "QU01", "citation-trump-obsolete")
    assert _on(findings, "QU02", "citation-trump-obsolete")


def test_reversed_quote_cards_with_the_same_front(findings: list[Finding]) -> None:
    same = {f.question_id for f in findings if f.code == "BK04"}
    assert same == {"citation-maison-blanche-souverainete", "citation-ouchakov-giflees",
                    "citation-ouchakov-inquietudes"}


def test_no_finding_on_questions_the_fact_check_found_fair(findings: list[Finding]) -> None:
    flagged = {f.question_id for f in findings}
    for fair in ("duree-sommet", "definition-otan", "ville-rencontre-juin", "congres-gazoduc",
                 "citation-bremmer", "chars-tadjikistan", "annee-expulsions"):
        assert fair not in flagged, [f for f in findings if f.question_id == fair]
