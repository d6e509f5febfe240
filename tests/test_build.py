"""`quizgen build`: decks, the deck state file, skipping, atomic writes, messages."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

from quizgen import build as build_module
from quizgen.build import build
from quizgen.cli import cli
from quizgen.errors import BankError, QuizgenError
from tests.test_anki_bank import BANK, BANK_ID, NEW_QUESTION, write_bank

T0 = 1_700_000_000


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    return write_bank(tmp_path / "questions")


def state_of(bank_file: Path) -> Path:
    return bank_file.parent / f"{BANK_ID}.lock.json"


def run(bank_file: Path, out: Path, at: int, **kwargs) -> list:
    return build([bank_file], out, clock=lambda: at, progress=False, **kwargs)


def test_build_command_writes_deck_and_state(runner, bank_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "decks"
    result = runner.invoke(cli, ["build", str(bank_file), "--out", str(out)])
    assert result.exit_code == 0, result.output
    deck = out / f"{BANK_ID}.apkg"
    assert result.stdout == f"{deck}: 10 notes (10 new, 0 changed, 0 retired)\n"
    assert result.stderr == ""  # no progress bar when stderr is not a terminal
    assert deck.stat().st_size > 0
    state = json.loads(state_of(bank_file).read_text(encoding="utf-8"))
    assert state["bank"] == BANK_ID and len(state["notes"]) == 10
    assert "duree:single-fr" in state["notes"]

    again = runner.invoke(cli, ["build", str(bank_file), "--out", str(out)])
    assert again.exit_code == 0 and again.stdout == f"{deck}: up to date\n"


def test_build_defaults_to_questions_and_decks(runner, bank_file: Path, monkeypatch) -> None:
    monkeypatch.chdir(bank_file.parent.parent)
    result = runner.invoke(cli, ["build"])
    assert result.exit_code == 0, result.output
    assert (bank_file.parent.parent / "decks" / f"{BANK_ID}.apkg").is_file()


def test_state_file_is_sorted_one_line_per_note_and_stable(bank_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "decks"
    run(bank_file, out, T0)
    text = state_of(bank_file).read_text(encoding="utf-8")
    data = json.loads(text)
    assert list(data) == sorted(data) and list(data["notes"]) == sorted(data["notes"])
    lines = text.splitlines()
    assert sum(1 for line in lines if line.startswith(' "') and '"digest"' in line) == 10 + 9
    assert sum(1 for line in lines if line.startswith(' "direct": {')) == 1
    record = data["notes"]["minutes:numeric-fr"]
    assert record["mod"] == T0 and record["nid"] >= T0 * 1000 and not record["retired"]
    assert record["question"]["answer"] == 125
    assert data["sources"]["direct"]["title"] == "La discussion « cruciale » & ses suites"

    deck = (out / f"{BANK_ID}.apkg").read_bytes()
    state_mtime = state_of(bank_file).stat().st_mtime_ns
    run(bank_file, out, T0 + 3600, force=True)  # later clock, nothing changed
    assert state_of(bank_file).read_text(encoding="utf-8") == text
    assert state_of(bank_file).stat().st_mtime_ns == state_mtime  # not even rewritten
    assert (out / f"{BANK_ID}.apkg").read_bytes() == deck  # byte-identical deck


def test_edit_add_remove_change_only_their_own_lines(bank_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "decks"
    run(bank_file, out, T0)
    before = state_of(bank_file).read_text(encoding="utf-8").splitlines()
    edited = BANK.replace("Deux heures et cinq minutes font 125 minutes.", "Soit 125 minutes.")
    edited = edited[:edited.index("  - id: ordre")] + edited[edited.index("  - id: tadjikistan"):]
    bank_file.write_text(edited + NEW_QUESTION, encoding="utf-8")
    [result] = run(bank_file, out, T0 + 60)
    assert (result.notes, result.new, result.changed, result.retired) == (11, 1, 2, 1)
    after = state_of(bank_file).read_text(encoding="utf-8").splitlines()
    changed = {line.split('"')[1] for line in set(after) - set(before)}
    assert changed == {"minutes:numeric-fr", "ordre:order-fr", "hausse:true_false-fr"}
    notes = json.loads("\n".join(after))["notes"]
    assert notes["minutes:numeric-fr"]["mod"] == T0 + 60
    assert notes["ordre:order-fr"]["retired"] and notes["ordre:order-fr"]["mod"] == T0 + 60
    assert notes["hausse:true_false-fr"]["mod"] == T0 + 60
    assert notes["duree:single-fr"]["mod"] == T0


def test_unchanged_bank_is_not_rebuilt_but_any_input_change_is_noticed(bank_file: Path,
                                                                       tmp_path: Path) -> None:
    out = tmp_path / "decks"
    run(bank_file, out, T0)
    deck = out / f"{BANK_ID}.apkg"
    mtime = deck.stat().st_mtime_ns
    [result] = run(bank_file, out, T0 + 60)
    assert result.up_to_date and deck.stat().st_mtime_ns == mtime
    # The article changes so that an evidence passage is gone: the build must
    # validate again, not trust the old deck.
    article = bank_file.parent / "sources" / "direct.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("Tadjikistan", "Kirghizistan"),
                       encoding="utf-8")
    with pytest.raises(BankError) as err:
        run(bank_file, out, T0 + 120)
    assert "evidence" in str(err.value)
    assert deck.stat().st_mtime_ns == mtime
    # Options are inputs too.
    article.write_text(article.read_text(encoding="utf-8").replace("Kirghizistan", "Tadjikistan"),
                       encoding="utf-8")
    assert run(bank_file, out, T0 + 180)[0].up_to_date
    with pytest.raises(BankError, match="summary has"):
        run(bank_file, out, T0 + 240, options=build_module.Options(max_summary_words=3))


def test_invalid_bank_writes_nothing_and_reports_lines(runner, bank_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "decks"
    bank_file.write_text(BANK.replace("answer: 125", "answer: beaucoup"), encoding="utf-8")
    result = runner.invoke(cli, ["build", str(bank_file), "--out", str(out)])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.stderr.startswith(f"{bank_file}:")
    assert not out.exists() and not state_of(bank_file).exists()


def test_failed_write_keeps_previous_deck_and_state(bank_file: Path, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "decks"
    run(bank_file, out, T0)
    deck = out / f"{BANK_ID}.apkg"
    old_deck, old_state = deck.read_bytes(), state_of(bank_file).read_bytes()
    bank_file.write_text(BANK + NEW_QUESTION, encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(QuizgenError, match=r"decks/anki-test\.apkg: cannot write: No space left on device"):
        run(bank_file, out, T0 + 60)
    assert deck.read_bytes() == old_deck and state_of(bank_file).read_bytes() == old_state
    assert sorted(p.name for p in out.iterdir()) == ["anki-test.apkg"]  # no temporary file left


def test_broken_state_file_is_a_message_not_a_traceback(runner, bank_file: Path, tmp_path: Path) -> None:
    state_of(bank_file).write_text('{"bank": "anki-test", "notes": {"x": {"mod": "hier"}}}', encoding="utf-8")
    result = runner.invoke(cli, ["build", str(bank_file), "--out", str(tmp_path / "decks")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {state_of(bank_file)}: not a valid deck state file")
    assert "Traceback" not in result.output
    state_of(bank_file).write_text('{"bank": "other-bank"}', encoding="utf-8")
    result = runner.invoke(cli, ["build", str(bank_file), "--out", str(tmp_path / "decks")])
    assert result.exit_code == 1 and "belongs to bank 'other-bank'" in result.stderr


def test_same_bank_id_in_two_files_is_refused_even_when_one_is_up_to_date(bank_file: Path,
                                                                          tmp_path: Path) -> None:
    out = tmp_path / "decks"
    run(bank_file, out, T0)
    twin = write_bank(tmp_path / "elsewhere")
    with pytest.raises(BankError, match="bank id 'anki-test' is also used by"):
        build([bank_file, twin], out, clock=lambda: T0, progress=False)


def test_progress_bar_only_when_asked_or_on_a_terminal(runner, bank_file: Path, tmp_path: Path) -> None:
    args = ["build", str(bank_file), "--out", str(tmp_path / "decks"), "--force"]
    quiet = runner.invoke(cli, args)
    assert quiet.exit_code == 0 and quiet.stderr == ""
    shown = runner.invoke(cli, [*args, "--progress"])
    assert shown.exit_code == 0 and "building decks" in shown.stderr


def test_draft_questions_are_counted_and_left_out(runner, bank_file: Path, tmp_path: Path) -> None:
    bank_file.write_text(BANK.replace("  - id: horaire\n", "  - id: horaire\n    draft: true\n"),
                         encoding="utf-8")
    result = runner.invoke(cli, ["build", str(bank_file), "--out", str(tmp_path / "decks")])
    assert result.exit_code == 0, result.output
    assert "9 notes (9 new, 0 changed, 0 retired, 1 draft left out)" in result.stdout


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("stream, shown", [(io.StringIO, False), (_Terminal, True)])
def test_big_build_shows_a_bar_only_on_a_terminal(bank_file: Path, tmp_path: Path, monkeypatch,
                                                  stream, shown) -> None:
    many = "".join(NEW_QUESTION.replace("id: hausse", f"id: hausse-{i}") for i in range(600))
    bank_file.write_text(BANK + many, encoding="utf-8")
    err = stream()
    monkeypatch.setattr("sys.stderr", err)
    build([bank_file], tmp_path / "decks", clock=lambda: T0)
    assert ("building decks" in err.getvalue()) is shown


def test_the_code_digest_changes_with_the_presentation_and_the_card_labels(tmp_path: Path) -> None:
    """Decks are rebuilt after an upgrade that changes what a card says: the
    texts and figures of quizgen.present or a translated label."""
    package = tmp_path / "quizgen"
    shutil.copytree(Path(build_module.__file__).parent, package,
                    ignore=shutil.ignore_patterns("__pycache__", "draft", "lint", "importers", "schema"))
    before = build_module.package_digest(package)
    assert before == build_module.package_digest(package)
    mo = package / "translations" / "fr" / "LC_MESSAGES" / "quizgen.mo"
    mo.write_bytes(mo.read_bytes().replace("près".encode(), b"pres"))
    after_label = build_module.package_digest(package)
    texts = package / "present" / "texts.py"
    texts.write_text(texts.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert len({before, after_label, build_module.package_digest(package)}) == 3
