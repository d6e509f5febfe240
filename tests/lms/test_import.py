"""`quizgen import gift|moodle`: round trips (export → import → the same
questions), Moodle's own exports, GIFT as teachers write it, and the edges
of the command (bad files, existing output)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from quizgen.cli import cli
from quizgen.errors import BankError
from quizgen.importers import read
from quizgen.importers.common import SOURCE_ID
from quizgen.model import Bank, question_to_data

from .conftest import LMS_DATA, export

# quizgen's own keys: no platform format carries them (`strict` is how quizgen grades typing).
_OWN_KEYS = ("source", "draft", "review", "strict")


def _comparable(data: dict[str, Any], *drop: str) -> dict[str, Any]:
    out = {k: v for k, v in data.items() if k not in (*_OWN_KEYS, *drop) and v not in ([], None)}
    if isinstance(out.get("evidence"), dict):
        # A question across sources: an imported bank has one source, the first passage comes back.
        out["evidence"] = next(iter(out["evidence"].values()))
    return out


def test_moodle_round_trip_gives_back_every_question(banks: list[Bank]) -> None:
    data, _ = export("moodle", banks)
    imported = read("moodle", data, "banks.xml")
    assert imported.warnings == []
    assert imported.title == banks[0].title
    originals = [question_to_data(q) for b in banks for q in b.questions]
    assert [_comparable(q) for q in imported.questions] == [_comparable(q) for q in originals]
    assert all(q["draft"] and q["review"] and q["source"] == SOURCE_ID for q in imported.questions)


def _gift_round_trip(banks: list[Bank]) -> int:
    data, skipped = export("gift", banks)
    imported = read("gift", data, "banks.gift")
    assert imported.warnings == []
    left_out = {w.split(":")[0] for w in skipped}
    kept = [question_to_data(q) for b in banks for q in b.questions if f"{b.id}/{q.id}" not in left_out]
    assert len(kept) == len(imported.questions)
    for original, back in zip(kept, imported.questions, strict=True):
        if original["type"] == "numeric" and original["unit"]:  # GIFT has no unit: it follows the prompt
            original["prompt"] = f"{original['prompt']} ({original.pop('unit')})"
        assert _comparable(back) == _comparable(original, "tags"), original["id"]
    return len(kept)


def test_gift_round_trip_gives_back_what_gift_carries(banks: list[Bank]) -> None:
    assert _gift_round_trip(banks) == 14


def test_the_shared_bank_round_trips_through_gift(shared_bank: Bank) -> None:
    assert _gift_round_trip([shared_bank]) == len(shared_bank.questions) - 7


def test_an_imported_bank_validates_once_the_article_is_pasted(tmp_path: Path, runner: Any) -> None:
    out = tmp_path / "tricky.yaml"
    xml = tmp_path / "t.xml"
    result = runner.invoke(cli, ["export", "-f", "moodle", str(LMS_DATA / "tricky.yaml"), "-o", str(xml)])
    assert result.exit_code == 0
    result = runner.invoke(cli, ["import", "moodle", str(xml), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "8 questions imported as drafts" in result.stdout
    # Until the article is there, the validator names every question that lacks evidence.
    result = runner.invoke(cli, ["validate", str(out)])
    assert result.exit_code == 1
    missing = "evidence not found in source 'a-completer'"
    lines = [line for line in result.stderr.splitlines() if missing in line]
    assert len(lines) == 8 and all(line.startswith(f"{out}:") for line in lines)
    shutil.copy(LMS_DATA / "sources" / "tricky.txt", tmp_path / "sources" / "tricky.txt")
    result = runner.invoke(cli, ["validate", str(out)])
    assert result.exit_code == 0, result.output
    assert "8 still marked draft" in result.stdout


def test_questions_without_our_feedback_get_clear_placeholders(tmp_path: Path) -> None:
    gift = b"::Capitale::Quelle est la capitale de l'Italie ?{=Rome ~Milan ~Naples}\n"
    imported = read("gift", gift, "x.gift")
    (q,) = imported.questions
    assert q["id"] == "capitale" and q["type"] == "single" and q["answer"] == "Rome"
    assert q["evidence"].startswith("À compléter") and q["explanation"].startswith("À compléter")


# --- Moodle's own exports ---------------------------------------------------------


def _fixture(reference: Path, name: str) -> Any:
    return read("moodle", (reference / "moodle-fixtures" / name).read_bytes(), name)


def test_moodle_fixtures_import_as_bank_questions(reference: Path) -> None:
    multi = _fixture(reference, "multichoice.xml").questions[0]
    assert (multi["type"], multi["answers"]) == ("multi", ["London", "Paris"])
    assert multi["explanation"] == "Berlin, Paris and London"
    num = _fixture(reference, "numerical.xml").questions[0]
    assert (num["type"], num["answer"], num["tolerance"]) == ("numeric", 6.25, 0.05)
    tf = _fixture(reference, "truefalse.xml").questions[0]
    assert (tf["type"], tf["statement"], tf["answer"]) == ("true_false", "The answer is true.", True)
    order = _fixture(reference, "ordering.xml").questions[0]
    assert (order["type"], order["items"]) == ("order", ["Modular", "Object"])
    nested = _fixture(reference, "format_nested_categories_with_questions.xml")
    assert [q["type"] for q in nested.questions] == ["true_false"] * 4


@pytest.mark.parametrize(("name", "why"), [
    ("essay.xml", "Moodle type 'essay' has no quizgen type"),
    ("shortanswer.xml", "short answers with partial credit"),
    ("match.xml", "matching with extra right-hand items"),
    ("format_multianswer.xml", "a cloze gap other than SHORTANSWER"),
])
def test_what_a_bank_cannot_hold_is_left_out_with_a_reason(reference: Path, name: str, why: str) -> None:
    imported = _fixture(reference, name)
    assert imported.questions == []
    assert len(imported.warnings) == 1 and imported.warnings[0].endswith(why)
    assert imported.warnings[0].startswith(f"{name}:12:1: question '")


# --- GIFT as teachers write it ------------------------------------------------------


def test_gift_features() -> None:
    text = "\n".join([
        "// a comment line",
        "$CATEGORY: $course$/top/Histoire // Géo",
        "",
        "::Range::Combien ? {#120..130####Voir l'article.}",
        "",
        "::TF::[html]<p>La Terre est <b>plate</b>.</p>{F#Non#Oui}",
        "",
        "::Multi::Lesquels ?{",
        "~%50%A #bien",
        "~%50%B",
        "~%-100%C",
        "}",
        "",
        "::Esc::Que vaut 1\\=1 \\{vrai\\} ? {=oui\\: vrai =Oui}",
        "",
        "// question: 12  name: Moodle's own GIFT export",
        "::Capitale::[html]<p>La capitale de l'<b>Italie</b> ?</p>{",
        "\t=<p>Rome</p>#<p>Oui.</p>",
        "\t~Milan &amp; Turin",
        "\t####<p>Voir l'atlas.</p>",
        "}",
        "",
        "::Partial::Choisir {=a ~%50%b ~c}",
        "",
        "::Essay::Racontez. {}",
        "",
        "Une simple description.",
    ])
    imported = read("gift", text.encode(), "t.gift")
    assert imported.title == "Histoire / Géo"
    got = {q["id"]: q for q in imported.questions}
    assert (got["range"]["answer"], got["range"]["tolerance"]) == (125, 5)
    assert got["range"]["explanation"] == "Voir l'article."
    assert (got["tf"]["statement"], got["tf"]["answer"]) == ("La Terre est plate.", False)
    assert (got["multi"]["choices"], got["multi"]["answers"]) == (["A", "B", "C"], ["A", "B"])
    assert (got["esc"]["prompt"], got["esc"]["answer"], got["esc"]["accept"]) == (
        "Que vaut 1=1 {vrai} ?", "oui: vrai", ["Oui"])
    assert (got["capitale"]["prompt"], got["capitale"]["choices"], got["capitale"]["explanation"]) == (
        "La capitale de l'Italie ?", ["Rome", "Milan & Turin"], "Voir l'atlas.")
    assert [w.split(": ", 1)[1] for w in imported.warnings] == [
        "question 'Partial' left out: partial credit that is neither one right answer nor equal shares",
        "question 'Essay' left out: an essay question has no right answer",
        "question 'line 27' left out: a description has no answer",
    ]


def test_an_unclosed_brace_is_an_error_at_its_line() -> None:
    with pytest.raises(BankError) as exc:
        read("gift", b"::ok::Oui ?{T}\n\n::bad::Non ?{=a\n", "bad.gift")
    assert [str(p) for p in exc.value.problems] == ["bad.gift:3:1: question 'bad': '{' without a closing '}'"]


# --- the command -----------------------------------------------------------------------


def test_import_refuses_to_overwrite_and_writes_nothing_on_bad_input(tmp_path: Path, runner: Any) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text("<quiz><question type='truefalse'>", encoding="utf-8")
    out = tmp_path / "bank.yaml"
    result = runner.invoke(cli, ["import", "moodle", str(bad), "-o", str(out)])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {bad}:1:") and "not well-formed XML" in result.stderr
    assert not out.exists() and not (tmp_path / "sources").exists()

    good = tmp_path / "ok.gift"
    good.write_text("::q::Vrai ?{T}\n", encoding="utf-8")
    assert runner.invoke(cli, ["import", "gift", str(good), "-o", str(out)]).exit_code == 0
    before = out.read_text("utf-8")
    result = runner.invoke(cli, ["import", "gift", str(good), "-o", str(out)])
    assert result.exit_code == 1 and "exists: use --force" in result.stderr
    assert out.read_text("utf-8") == before
    data = yaml.safe_load(before)
    assert data["id"] == "bank" and data["questions"][0]["draft"] is True


def test_usage_errors(tmp_path: Path, runner: Any) -> None:
    f = tmp_path / "x.gift"
    f.write_text("::q::Vrai ?{T}\n", encoding="utf-8")
    assert runner.invoke(cli, ["import", "aiken", str(f), "-o", str(tmp_path / "b.yaml")]).exit_code == 2
    assert runner.invoke(cli, ["import", "gift", str(f)]).exit_code == 2  # -o is required
    result = runner.invoke(cli, ["import", "gift", str(f), "-o", str(tmp_path / "b.txt")])
    assert result.exit_code == 1 and "a bank file ends in .yaml" in result.stderr
    assert list(tmp_path.iterdir()) == [f]


def test_the_shared_bank_round_trips_through_moodle(shared_bank: Bank) -> None:
    bank = shared_bank
    data, warned = export("moodle", [bank])
    assert warned == []
    imported = read("moodle", data, "sommet.xml")
    assert imported.warnings == [] and len(imported.questions) == len(bank.questions)
    assert [_comparable(q) for q in imported.questions] == [
        _comparable(question_to_data(q)) for q in bank.questions]


def test_hostile_or_empty_files_give_one_message(tmp_path: Path, runner: Any) -> None:
    xxe = tmp_path / "xxe.xml"
    xxe.write_text('<?xml version="1.0"?><!DOCTYPE quiz [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
                   '<quiz><question type="truefalse"><name><text>t</text></name>'
                   '<questiontext format="html"><text>&x;</text></questiontext>'
                   '<answer fraction="100"><text>true</text></answer></question></quiz>', encoding="utf-8")
    imported = read("moodle", xxe.read_bytes(), str(xxe))
    assert imported.questions == []  # the entity is not read: the statement is empty
    assert imported.warnings == [
        f"{xxe}:1:1: question 't' left out: statement: string should have at least 1 character"]

    latin1 = tmp_path / "latin1.gift"
    latin1.write_bytes("::q::Été ?{T}".encode("latin-1"))
    result = runner.invoke(cli, ["import", "gift", str(latin1), "-o", str(tmp_path / "a.yaml")])
    assert result.exit_code == 1 and f"{latin1}:1:1: not UTF-8 text" in result.stderr

    empty = tmp_path / "empty.gift"
    empty.write_text("// nothing but a comment\n", encoding="utf-8")
    result = runner.invoke(cli, ["import", "gift", str(empty), "-o", str(tmp_path / "b.yaml")])
    assert result.exit_code == 1 and "no question could be imported" in result.stderr
    assert not (tmp_path / "a.yaml").exists() and not (tmp_path / "b.yaml").exists()


def test_names_become_unique_slugs() -> None:
    imported = read("gift", "::Qui ?::A ?{T}\n\n::Qui ?::B ?{F}\n\n::Écho::C ?{T}\n".encode(), "n.gift")
    assert [q["id"] for q in imported.questions] == ["qui", "qui-2", "echo"]
