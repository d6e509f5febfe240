"""Questions across several sources (issue 13, item 5): `source: [a, b]` with one
evidence extract per source, each checked against its own article; the single-source
form unchanged; every output shows every passage with its source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgen import BankError, load_bank
from quizgen.cli import cli
from quizgen.exporters.lms import feedback_parts

SECOND = """\
  - id: revue
    title: "Une revue de presse"
    outlet: "La Revue"
    published: 2021-12-08
    path: sources/revue.txt
    summary: Une revue de presse qui relaie le Kremlin.
questions:
"""
ACROSS = """\
  - id: q-across
    type: true_false
    source: [art, revue]
    statement: "Les deux articles citent une source russe."
    answer: true
    evidence:
      art: "a rapporté l'agence de presse russe RIA"
      revue: "selon le communiqué du Kremlin"
    explanation: "RIA d’un côté, le Kremlin de l’autre."
"""


@pytest.fixture
def across_dir(bank_dir: Path) -> Path:
    (bank_dir / "sources" / "revue.txt").write_text(
        "Une revue.\n\nTout s’est bien passé, selon le communiqué du Kremlin.\n", encoding="utf-8")
    path = bank_dir / "sommet.yaml"
    text = path.read_text(encoding="utf-8").replace("questions:\n", SECOND, 1)
    path.write_text(text + ACROSS, encoding="utf-8")
    return bank_dir


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def problems_of(path: Path) -> list[str]:
    with pytest.raises(BankError) as info:
        load_bank(path)
    return [f"{p.line}: {p.message}" for p in info.value.problems]


def test_both_forms_load_into_one_shape(across_dir: Path) -> None:
    bank = load_bank(across_dir / "sommet.yaml")
    q = bank.question("q-across")
    assert q.sources == ["art", "revue"]
    assert q.evidence_by_source == {"art": "a rapporté l'agence de presse russe RIA",
                                    "revue": "selon le communiqué du Kremlin"}
    single = bank.question("q-tf")
    assert single.source == "art" and single.sources == ["art"]
    assert single.evidence_by_source == {"art": single.evidence}


def test_each_extract_is_checked_against_its_own_article_at_its_line(across_dir: Path) -> None:
    path = across_dir / "sommet.yaml"
    text = path.read_text(encoding="utf-8")
    # Swapped: each extract is in the other article.
    text = text.replace('      art: "a rapporté', '      revue: "a rapporté').replace(
        '      revue: "selon le', '      art: "selon le')
    path.write_text(text, encoding="utf-8")
    found = problems_of(path)
    art, revue = line_of(path, 'art: "selon le'), line_of(path, 'revue: "a rapporté')
    assert len(found) == 2
    assert found[1].startswith(f"{art}: evidence not found in source 'art'")
    assert found[0].startswith(f"{revue}: evidence not found in source 'revue'; closest passage")


@pytest.mark.parametrize(("old", "new", "message"), [
    ("source: [art, revue]", "source: [art]",
     "a list of sources names two or more; one source is written source: a"),
    ("source: [art, revue]", "source: [art, art]", "source 'art' is listed twice"),
    ("source: [art, revue]", "source: [art, revu]",
     "unknown source 'revu' (did you mean 'revue'?); sources: art, revue"),
    ("      revue: \"selon le communiqué du Kremlin\"\n", "",
     "no evidence for source 'revue'"),
    ("      revue: \"selon", "      autre: \"selon",
     "evidence for 'autre', which is not a source of this question (art, revue)"),
    ("      revue: \"selon", "      revu: \"selon",
     "evidence for 'revu', which is not a source of this question (art, revue) (did you mean 'revue'?)"),
    ("    evidence:\n      art: \"a rapporté l'agence de presse russe RIA\"\n"
     "      revue: \"selon le communiqué du Kremlin\"\n", "    evidence: \"RIA\"\n",
     "a question with several sources needs one extract per source: "
     "evidence as a mapping (art: …, revue: …)"),
    ("source: [art, revue]", "source: art",
     "evidence is a mapping but the question has one source ('art'): write the extract as text, "
     "or list the sources (source: [a, b])"),
    ("source: [art, revue]", "source: true",
     "source: expected a source id, or a list of two or more (source: [a, b])"),
])
def test_source_and_evidence_must_agree(across_dir: Path, old: str, new: str, message: str) -> None:
    path = across_dir / "sommet.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: q-across")
    assert old in text[start:]
    path.write_text(text[:start] + text[start:].replace(old, new, 1), encoding="utf-8")
    found = problems_of(path)
    assert [m.partition(": ")[2] for m in found] == [message]
    assert int(found[0].partition(":")[0]) > line_of(path, "id: q-across")


def test_json_export_keeps_single_source_questions_as_before(runner, across_dir: Path) -> None:
    result = runner.invoke(cli, ["export", "--format", "json", str(across_dir / "sommet.yaml")])
    assert result.exit_code == 0, result.output
    by_id = {q["id"]: q for q in json.loads(result.stdout)[0]["questions"]}
    assert by_id["q-tf"]["source"] == "art" and isinstance(by_id["q-tf"]["evidence"], str)
    assert list(by_id["q-tf"])[:3] == ["id", "type", "source"]
    assert by_id["q-across"]["source"] == ["art", "revue"]
    assert by_id["q-across"]["evidence"] == {"art": "a rapporté l'agence de presse russe RIA",
                                             "revue": "selon le communiqué du Kremlin"}


def test_platform_feedback_shows_every_passage_with_its_source(across_dir: Path) -> None:
    bank = load_bank(across_dir / "sommet.yaml")
    parts = feedback_parts(bank, bank.question("q-across"))
    assert parts[0] == "RIA d’un côté, le Kremlin de l’autre."
    assert parts[1] == "Extrait\u00a0: «\u00a0a rapporté l'agence de presse russe RIA\u00a0»"
    assert parts[2].startswith("Source\u00a0: La discussion cruciale est terminée — Exemple")
    assert parts[3] == "Extrait\u00a0: «\u00a0selon le communiqué du Kremlin\u00a0»"
    assert parts[4].startswith("Source\u00a0: Une revue de presse — La Revue, 8")
    assert len(feedback_parts(bank, bank.question("q-tf"))) == 3  # one passage, one source, as before


def test_lint_reads_every_passage() -> None:
    from quizgen.lint.evidence import evidence_without_answer
    from quizgen.model import Short

    def short(answer: str) -> Short:
        return Short(type="short", id="q", source=["art", "revue"], prompt="Qui ?", answer=answer,
                     evidence={"art": "a rapporté l'agence RIA", "revue": "selon le communiqué du Kremlin"},
                     explanation="x")

    assert list(evidence_without_answer(short("le Kremlin"))) == []  # shown by the second passage
    assert [f.code for f in evidence_without_answer(short("Moscou"))] == ["EV01"]


def test_imported_feedback_of_a_question_across_sources(across_dir: Path) -> None:
    from quizgen.importers.common import split_feedback

    bank = load_bank(across_dir / "sommet.yaml")
    explanation, evidence = split_feedback("\n".join(feedback_parts(bank, bank.question("q-across"))))
    assert explanation == "RIA d’un côté, le Kremlin de l’autre."
    assert evidence == "a rapporté l'agence de presse russe RIA"
