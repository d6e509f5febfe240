"""Each bad bank in tests/data/bad produces exactly the lines in its .err file."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgen.cli import cli

BAD = Path(__file__).parent / "data" / "bad"
CASES = sorted(p.stem for p in BAD.glob("*.yaml"))


def test_every_bad_bank_has_its_expected_lines() -> None:
    assert CASES, "no bad banks found"
    assert sorted(p.stem for p in BAD.glob("*.err")) == CASES


@pytest.mark.parametrize("case", CASES)
def test_bad_bank_reports_exact_lines(case: str, runner, root, monkeypatch) -> None:
    monkeypatch.chdir(root)
    result = runner.invoke(cli, ["validate", f"tests/data/bad/{case}.yaml"])
    expected = (BAD / f"{case}.err").read_text(encoding="utf-8").splitlines()
    lines = result.stderr.splitlines()
    assert result.exit_code == 1, result.output
    assert lines[:-1] == expected
    n = len(expected)
    assert lines[-1] == f"{n} problem{'s' if n != 1 else ''} found"
    assert "Traceback" not in result.output
    assert result.stdout == ""


def test_all_problems_of_all_files_reported_at_once(runner, root, monkeypatch) -> None:
    monkeypatch.chdir(root)
    result = runner.invoke(cli, ["validate", "tests/data/bad"])
    assert result.exit_code == 1
    expected = sorted(
        line for case in CASES
        for line in (BAD / f"{case}.err").read_text(encoding="utf-8").splitlines()
    )
    assert sorted(result.stderr.splitlines()[:-1]) == expected
