from __future__ import annotations

import json
from pathlib import Path

import pytest

from quizgen import load_bank
from quizgen.cli import cli
from quizgen.schema import bank_schema


def test_validate_valid_bank_prints_summary(runner, good_bank_path: Path) -> None:
    result = runner.invoke(cli, ["validate", str(good_bank_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "ok: 1 bank, 9 questions, 1 source"
    assert result.stderr == ""


def test_validate_defaults_to_questions_folder(runner, bank_dir: Path, monkeypatch) -> None:
    (bank_dir.parent / "questions").mkdir()
    (bank_dir / "sommet.yaml").rename(bank_dir.parent / "questions" / "sommet.yaml")
    (bank_dir / "sources").rename(bank_dir.parent / "questions" / "sources")
    monkeypatch.chdir(bank_dir.parent)
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output


def test_usage_errors_exit_2(runner) -> None:
    assert runner.invoke(cli, ["validate", "/no/such/path"]).exit_code == 2
    assert runner.invoke(cli, ["validate", "--max-summary-words", "zero"]).exit_code == 2
    assert runner.invoke(cli, ["no-such-command"]).exit_code == 2


@pytest.mark.parametrize("command", ["validate", "export", "build"])
def test_no_questions_folder_is_a_usage_error(command: str, runner, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, [command])
    assert result.exit_code == 2, result.output
    assert "no questions/ folder here" in result.stderr
    assert "questions:1:1" not in result.stderr


def test_summary_word_limit_is_configurable(runner, good_bank_path: Path) -> None:
    result = runner.invoke(cli, ["validate", "--max-summary-words", "3", str(good_bank_path)])
    assert result.exit_code == 1
    assert "summary has 9 words; the limit is 3" in result.stderr


def test_empty_folder_is_an_error(runner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert "no bank files" in result.stderr


def test_schema_is_generated_from_the_model_and_shipped(runner, root: Path) -> None:
    result = runner.invoke(cli, ["schema"])
    assert result.exit_code == 0
    printed = json.loads(result.stdout)
    shipped = json.loads((root / "quizgen" / "schema" / "bank.schema.json").read_text(encoding="utf-8"))
    assert printed == bank_schema() == shipped, "run: quizgen schema -o quizgen/schema/bank.schema.json"
    question_types = {v["properties"]["type"]["const"] for v in printed["$defs"].values()
                      if "type" in v.get("properties", {})}
    assert question_types == {"single", "multi", "true_false", "numeric", "short", "quote",
                              "match", "order", "cloze"}


def test_schema_accepts_the_good_bank(good_bank_path: Path) -> None:
    jsonschema = __import__("pytest").importorskip("jsonschema")
    import yaml

    data = yaml.safe_load(good_bank_path.read_text(encoding="utf-8"))
    data["as_of"] = str(data["as_of"])
    for s in data["sources"]:
        s["published"] = str(s["published"])
    jsonschema.Draft202012Validator(bank_schema()).validate(data)


def test_export_json_to_stdout_round_trips(runner, good_bank_path: Path) -> None:
    result = runner.invoke(cli, ["export", "--format", "json", str(good_bank_path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    bank = load_bank(good_bank_path)
    assert isinstance(data, list) and len(data) == 1
    exported = data[0]
    assert exported["id"] == "sommet-test"
    assert exported["title"] == "Sommet <test> & « essai »"  # plain text, not escaped
    assert [q["id"] for q in exported["questions"]] == [q.id for q in bank.questions]
    assert exported["sources"][0]["published"] == "2021-12-07"
    by_id = {q["id"]: q for q in exported["questions"]}
    assert by_id["q-match"]["pairs"] == {"Mario Draghi": "Italie", "Boris Johnson": "Royaume-Uni"}
    assert by_id["q-num"]["answer"] == 125 and by_id["q-num"]["tolerance"] == 5
    assert by_id["q-multi"]["answers"][1] == "Angela Merkel"
    assert by_id["q-tf"]["answer"] is True


def test_export_to_file_and_unknown_format(runner, good_bank_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    result = runner.invoke(cli, ["export", str(good_bank_path), "-o", str(out)])
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))[0]["id"] == "sommet-test"
    result = runner.invoke(cli, ["export", "--format", "jsn", str(good_bank_path)])
    assert result.exit_code == 2  # a usage error, as the README says
    assert "unknown format 'jsn' (did you mean 'json'?)" in result.stderr


def test_export_of_invalid_bank_writes_nothing(runner, bank_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    out.write_text("previous")
    bank = bank_dir / "sommet.yaml"
    text = bank.read_text(encoding="utf-8").replace("answer: RIA", "answer: Le Monde")
    bank.write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["export", str(bank), "-o", str(out)])
    assert result.exit_code == 1
    assert "answer 'Le Monde' is not among the choices" in result.stderr
    assert out.read_text() == "previous"


def test_module_entry_point(good_bank_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "quizgen", "validate", str(good_bank_path)],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and proc.stdout.startswith("ok:")


def test_export_lists_question_keys_in_writing_order(runner, good_bank_path: Path) -> None:
    data = json.loads(runner.invoke(cli, ["export", str(good_bank_path)]).stdout)
    keys = list(data[0]["questions"][3])
    assert keys == ["id", "type", "source", "prompt", "answer", "tolerance", "unit",
                    "evidence", "explanation", "tags", "draft", "review"]


def test_validate_counts_questions_still_marked_draft(runner, bank_dir: Path) -> None:
    path = bank_dir / "sommet.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    tags: [medias]", "    tags: [medias]\n    draft: true")
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0
    assert result.stdout.strip() == (
        "ok: 1 bank, 9 questions, 1 source (1 still marked draft: left out of decks and quizzes)")
