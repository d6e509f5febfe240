"""`quizgen lint`: output lines, exit codes, selection and the comments that silence a finding."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen.cli import cli

ARTICLE = ("Le président Trump a qualifié l’alliance d’« obsolète » et a menacé de s’en retirer. "
           "La Russie renforce sa base au Tadjikistan avec 30 nouveaux chars. "
           "Les discussions ont commencé à 18h00, heure russe.\n")
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): "
                  r"(?P<code>[A-Z]{2}\d\d) (?P<id>[a-z0-9-]+): .+$")


def write_bank(folder: Path, quote_comment: str = "", header_comment: str = "") -> Path:
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    (folder / "sources" / "art.txt").write_text(ARTICLE, encoding="utf-8")
    text = textwrap.dedent(f"""\
        id: essai
        title: Essai
        as_of: 2021-12-08
        sources:
          - id: art
            title: Article
            outlet: Journal
            published: 2021-12-07
            path: sources/art.txt
            summary: Un article.
        {header_comment}
        questions:
          - id: obsolete  {quote_comment}
            type: quote
            source: art
            quote: obsolète
            speaker: Donald Trump
            distractors: [Joe Biden, Barack Obama]
            evidence: "a qualifié l’alliance d’« obsolète »"
            explanation: Trump jugeait l’OTAN obsolète.
          - id: chars
            type: numeric
            source: art
            prompt: Combien de nouveaux chars ?
            answer: 30
            evidence: avec 30 nouveaux chars
            explanation: Trente chars.
        """)
    path = folder / "essai.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_one_line_per_finding_at_the_questions_line(runner: CliRunner, tmp_path: Path) -> None:
    path = write_bank(tmp_path)
    result = runner.invoke(cli, ["lint", str(path)])
    assert result.exit_code == 1, result.output
    lines = result.stdout.splitlines()
    assert lines, result.output
    parsed = [LINE.match(line) for line in lines]
    assert all(parsed), lines
    short = next(m for m in parsed if m and m["code"] == "QU01")
    assert (short["path"], short["id"]) == (str(path), "obsolete")
    quote_line = path.read_text(encoding="utf-8").splitlines().index("    quote: obsolète") + 1
    assert (int(short["line"]), int(short["col"])) == (quote_line, 12)
    assert result.stderr.strip() == f"{len(lines)} finding{'s' if len(lines) > 1 else ''}"


def test_exit_0_when_nothing_is_found(runner: CliRunner, tmp_path: Path) -> None:
    path = write_bank(tmp_path)
    result = runner.invoke(cli, ["lint", "--select", "NU", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout == "" and result.stderr.startswith("ok: no findings")


def test_select_and_ignore_by_code_or_prefix(runner: CliRunner, tmp_path: Path) -> None:
    path = write_bank(tmp_path)
    only = runner.invoke(cli, ["lint", "--select", "QU01", str(path)]).stdout
    assert only and all(" QU01 " in line for line in only.splitlines())
    rest = runner.invoke(cli, ["lint", "--ignore", "QU", str(path)])
    assert " QU0" not in rest.stdout
    both = runner.invoke(cli, ["lint", "--select", "QU", "--ignore", "QU01", str(path)]).stdout
    assert " QU01 " not in both
    repeated = runner.invoke(cli, ["lint", "--select", "NU", "--select", "QU01", str(path)]).stdout
    assert repeated == only


@pytest.mark.parametrize("args", [["--select", "XX"], ["--ignore", "QU9"], ["--bogus"]])
def test_usage_errors_exit_2(runner: CliRunner, tmp_path: Path, args: list[str]) -> None:
    result = runner.invoke(cli, ["lint", *args, str(write_bank(tmp_path))])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_invalid_bank_reports_its_problems(runner: CliRunner, tmp_path: Path) -> None:
    path = write_bank(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("speaker: Donald Trump", "speakr: x"),
                    encoding="utf-8")
    result = runner.invoke(cli, ["lint", str(path)])
    assert result.exit_code == 1
    assert "unknown key 'speakr'" in result.stderr and result.stdout == ""


def test_a_comment_with_a_reason_silences_one_finding(runner: CliRunner, tmp_path: Path) -> None:
    path = write_bank(tmp_path, quote_comment="# lint: ignore[QU01] le mot est célèbre à lui seul")
    out = runner.invoke(cli, ["lint", str(path)]).stdout
    assert " QU01 " not in out
    assert " QU02 " not in out  # nothing else to silence here, and nothing else silenced


def test_a_comment_without_a_reason_silences_nothing(runner: CliRunner, tmp_path: Path) -> None:
    path = write_bank(tmp_path, quote_comment="# lint: ignore[QU01]")
    out = runner.invoke(cli, ["lint", str(path)]).stdout
    assert " QU01 obsolete" in out
    assert " LI01 essai: a lint: ignore comment needs a reason" in out


def test_a_comment_on_another_question_does_not_apply(runner: CliRunner, tmp_path: Path) -> None:
    path = write_bank(tmp_path)
    text = path.read_text(encoding="utf-8").replace(
        "  - id: chars", "  - id: chars  # lint: ignore[QU01] pas ici")
    path.write_text(text, encoding="utf-8")
    out = runner.invoke(cli, ["lint", str(path)]).stdout
    assert " QU01 obsolete" in out
    assert " LI02 essai: lint: ignore[QU01] silences no finding here" in out


def test_list_rules(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["lint", "--list"])
    assert result.exit_code == 0
    assert {line.split()[0] for line in result.stdout.splitlines()} >= {"CH01", "BK03", "LI01"}


def _bank_with_keys_first(folder: Path, header_comment: str) -> Path:
    path = write_bank(folder, header_comment=header_comment)
    singles = "".join(textwrap.indent(textwrap.dedent(f"""\
        - id: heure-{i}
          type: single
          source: art
          prompt: À quelle heure (n° {i}) les discussions ont-elles commencé ?
          choices: ["18 h", "17 h", "19 h", "20 h"]
          answer: "18 h"
          evidence: Les discussions ont commencé à 18h00
          explanation: À 18 h, heure russe.
        """), "  ") for i in range(8))
    path.write_text(path.read_text(encoding="utf-8") + singles, encoding="utf-8")
    return path


def test_a_comment_in_the_header_silences_a_bank_wide_finding(runner: CliRunner, tmp_path: Path) -> None:
    loud = runner.invoke(cli, ["lint", "--select", "BK02", str(_bank_with_keys_first(tmp_path / "a", ""))])
    assert loud.exit_code == 1 and " BK02 essai: the key is choice 1 in 8 of 8" in loud.stdout
    quiet = runner.invoke(cli, ["lint", "--select", "BK02", str(_bank_with_keys_first(
        tmp_path / "b", "# lint: ignore[BK02] the web quiz shuffles; no Anki deck is built"))])
    assert quiet.exit_code == 0, quiet.output


def test_a_comment_for_a_code_left_out_is_not_idle(runner: CliRunner, tmp_path: Path) -> None:
    path = write_bank(tmp_path, quote_comment="# lint: ignore[QU01] le mot est célèbre à lui seul")
    out = runner.invoke(cli, ["lint", "--ignore", "QU01", str(path)]).stdout
    assert " LI02 " not in out
