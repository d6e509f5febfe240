from __future__ import annotations

from pathlib import Path

import pytest

from quizgen import BankError, load_bank
from quizgen.model import Cloze, Numeric, Short


def edit(bank_dir: Path, old: str, new: str) -> Path:
    path = bank_dir / "sommet.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    with pytest.raises(BankError) as info:
        load_bank(path)
    return [f"{p.line}:{p.col}: {p.message}" for p in info.value.problems]


def test_good_bank_loads_into_the_model(good_bank_path: Path) -> None:
    bank = load_bank(good_bank_path)
    assert bank.path == good_bank_path
    assert {q.type for q in bank.questions} == {
        "single", "multi", "true_false", "numeric", "short", "quote", "match", "order", "cloze"}
    assert "Tadjikistan" in bank.source("art").text
    num = bank.question("q-num")
    assert isinstance(num, Numeric) and num.accepts(121) and not num.accepts(131)
    short = bank.question("q-short")
    assert isinstance(short, Short) and short.accepted == ["Poutine", "Putin", "Vladimir Poutine"]
    cloze = bank.question("q-cloze")
    assert isinstance(cloze, Cloze) and cloze.gaps == [(1, "Tadjikistan", None), (2, "30", "nombre")]


def test_every_problem_in_a_file_is_reported_at_once(bank_dir: Path) -> None:
    edit(bank_dir, "answer: RIA", "answer: Reuter")
    edit(bank_dir, "tolerance: 5", "tolerance: -1")
    edit(bank_dir, "speaker: Vladimir Poutine", "speaker: Joe Biden")
    path = edit(bank_dir, "source: art\n    statement", "source: article\n    statement")
    found = problems_of(path)
    assert found == [
        "19:13: answer 'Reuter' is not among the choices (did you mean 'Reuters'?)",
        "33:13: unknown source 'article' (did you mean 'art'?); sources: art",
        "43:16: tolerance must be zero or more, got -1",
        "60:19: the speaker 'Joe Biden' is also a distractor",
    ]


def test_answer_differing_only_in_typography_is_named(bank_dir: Path) -> None:
    path = edit(bank_dir, "answers: [Emmanuel Macron,", "answers: [emmanuel macron,")
    assert problems_of(path) == [
        "28:15: answer 'emmanuel macron' differs from the choice 'Emmanuel Macron' only in typography "
        "or case: copy it exactly"]


def test_duplicate_choices_are_refused(bank_dir: Path) -> None:
    path = edit(bank_dir, "choices: [RIA, Reuters, AFP, TASS]", "choices: [RIA, Reuters, AFP, ria]")
    assert problems_of(path) == ["18:34: 'ria' appears twice in choices"]


def test_evidence_with_typed_quotes_matches_guillemets(bank_dir: Path) -> None:
    path = edit(bank_dir, 'evidence: "« Bonjour, Monsieur le Président, bienvenue », ont',
                "evidence: '\"Bonjour, Monsieur le Président, bienvenue\", ont' #")
    load_bank(path)
    # Accents are not ignored in evidence: an exact extract is asked for.
    path = edit(bank_dir, "le Président, bienvenue\", ont", "le President, bienvenue\", ont")
    assert problems_of(path)[0].startswith("61:15: evidence not found in source 'art'; closest passage")


def test_duplicate_bank_ids_across_files(bank_dir: Path) -> None:
    import shutil

    shutil.copy(bank_dir / "sommet.yaml", bank_dir / "copy.yaml")
    with pytest.raises(BankError) as info:
        from quizgen import load_banks
        load_banks([bank_dir])
    assert [p.message for p in info.value.problems] == [
        f"bank id 'sommet-test' is also used by {bank_dir / 'copy.yaml'}"]


@pytest.mark.parametrize("old, new, expected", [
    ("      Mario Draghi: Italie", "      ' ': Italie", "68:7: a pair has an empty left side"),
    ("choices: [RIA, Reuters, AFP, TASS]", "choices: [RIA]",
     "18:14: a single question needs at least 2 choices, got 1"),
    ("distractors: [Joe Biden, Emmanuel Macron]", "distractors: []",
     "60:18: a quote question needs at least 1 distractor, got 0"),
    ("tolerance: 5", "tolerance: -0.5", "43:16: tolerance must be zero or more, got -0.5"),
    ("answer: 125", "answer: 1e999", "42:13: answer must be a finite number, got inf"),
])
def test_shape_rules_of_the_model_speak_to_teachers(bank_dir: Path, old: str, new: str,
                                                   expected: str) -> None:
    assert problems_of(edit(bank_dir, old, new)) == [expected]


def test_an_unknown_key_does_not_hide_the_other_mistakes_of_its_question(bank_dir: Path) -> None:
    edit(bank_dir, "answer: RIA", "answer: Reuter\n    note: à revoir")
    path = edit(bank_dir, 'source: art\n    prompt: "Quelle', 'source: artt\n    prompt: "Quelle')
    assert problems_of(path) == [
        "16:13: unknown source 'artt' (did you mean 'art'?); sources: art",
        "19:13: answer 'Reuter' is not among the choices (did you mean 'Reuters'?)",
        "20:5: unknown key 'note'",
    ]
