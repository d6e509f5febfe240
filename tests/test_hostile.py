"""Hostile bank files (issue 9, bank loader): every one gives `path:line:col:
message` lines and exit 1, never a crash, a traceback or a flood of lines.

The CLI runs in a subprocess: a segfault in the YAML parser fails the test
instead of killing pytest.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from quizgen import loader, validate
from quizgen.cli import cli
from quizgen.clitools import MAX_PROBLEMS_SHOWN
from quizgen.validate import check_banks

ROOT = Path(__file__).resolve().parent.parent


def quizgen(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QUIZGEN_INSTANCE": str(cwd / "instance")}
    return subprocess.run([sys.executable, "-m", "quizgen", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.parametrize("command", ["validate", "serve"])
def test_thirty_thousand_nested_brackets_are_a_problem_not_a_segfault(command: str, tmp_path: Path) -> None:
    path = tmp_path / "nested.yaml"
    path.write_text("questions: " + "[" * 30_000 + "]" * 30_000 + "\n", encoding="utf-8")
    proc = quizgen(command, str(path), cwd=tmp_path)
    assert proc.returncode == 1, (proc.returncode, proc.stderr[-500:])
    first = proc.stderr.splitlines()[0]
    assert first == (f"{path}:1:{12 + loader.MAX_DEPTH - 1}: YAML nested more than {loader.MAX_DEPTH} "
                     "levels deep (lists and mappings inside one another); refusing")
    assert "Traceback" not in proc.stderr


def test_a_huge_integer_is_a_problem_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("id: x\ntitle: t\nas_of: 2021-12-08\nanswer: " + "7" * 5000 + "\n", encoding="utf-8")
    proc = quizgen("validate", str(path), cwd=tmp_path)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        f"{path}:4:9: a number of 5,000 digits; the limit is 1,000 (put it in quotes if it is text)",
        "1 problem found"]


def test_a_python_tag_on_the_question_list_is_refused(good_bank_path: Path, tmp_path: Path) -> None:
    path = tmp_path / "sommet.yaml"
    text = good_bank_path.read_text(encoding="utf-8")
    path.write_text(text.replace("questions:\n", "questions: !!python/object/apply:os.system\n", 1),
                    encoding="utf-8")
    (tmp_path / "sources").symlink_to(good_bank_path.parent / "sources")
    _, found = check_banks([path])
    assert [(p.line, p.col, p.message) for p in found] == [
        (13, 12, "unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system'")]


def test_oversized_bank_file_is_refused_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"questions:\n" + b"- a\n" * (loader.MAX_FILE_BYTES // 4))
    _, found = check_banks([path])
    assert [str(p) for p in found] == [f"{path}:1:1: bank file is 20 MB, over the limit of 20 MB"]


def test_a_million_keys_stop_at_the_item_limit(tmp_path: Path) -> None:
    path = tmp_path / "keys.yaml"
    path.write_text("".join(f"k{i:07d}: 1\n" for i in range(loader.MAX_ITEMS + 10)), encoding="utf-8")
    _, found = check_banks([path])
    assert [str(p) for p in found] == [
        f"{path}:1:1: more than {loader.MAX_ITEMS:,} keys in one mapping; refusing"]


def test_problems_past_the_first_ones_are_counted_not_printed(runner, tmp_path: Path) -> None:
    path = tmp_path / "keys.yaml"
    n = MAX_PROBLEMS_SHOWN + 30
    path.write_text("".join(f"k{i:03d}: 1\n" for i in range(n)), encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    total = n + 5  # every unknown key, and the five keys a bank needs
    assert len(lines) == MAX_PROBLEMS_SHOWN + 2
    assert lines[-2:] == [f"… and {total - MAX_PROBLEMS_SHOWN:,} more", f"{total} problems found"]
    assert all(line.startswith(f"{path}:") for line in lines[:MAX_PROBLEMS_SHOWN])
    assert f"{path}:1:1: unknown key 'k000'" in lines


def test_too_many_questions_are_refused_once(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(validate, "MAX_QUESTIONS", 3)
    path = tmp_path / "many.yaml"
    path.write_text("id: x\nquestions:\n" + "  - {id: q}\n" * 4, encoding="utf-8")
    _, found = check_banks([path])
    assert [str(p) for p in found] == [
        f"{path}:3:3: 4 questions; a bank holds at most 3: split it into several banks"]


def test_oversized_article_is_refused_with_its_size(bank_dir: Path, monkeypatch) -> None:
    article = bank_dir / "sources" / "article.txt"
    article.write_text(article.read_text(encoding="utf-8") + "x" * 2_000, encoding="utf-8")
    monkeypatch.setattr(validate, "MAX_ARTICLE_BYTES", 1_500)
    _, found = check_banks([bank_dir / "sommet.yaml"])
    assert [(p.line, p.message) for p in found] == [
        (11, f"sources/article.txt: source file is {article.stat().st_size / 1e3:.1f} KB, "
             "over the limit of 1.5 KB")]


def test_closest_passage_search_is_bounded_by_a_budget(bank_dir: Path, monkeypatch) -> None:
    path = bank_dir / "sommet.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("evidence: \"a rapporté l'agence de presse russe RIA\"",
                                 "evidence: \"a rapporté l'agence de presse russe RIB\""), encoding="utf-8")
    _, found = check_banks([path])
    assert "closest passage" in found[0].message
    monkeypatch.setattr(validate, "NEAR_MISS_BUDGET", 0)
    _, found = check_banks([path])
    assert [p.message for p in found] == ["evidence not found in source 'art'"]
