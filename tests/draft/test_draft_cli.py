"""`quizgen draft` and `quizgen draft-eval` from the command line."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgen import load_bank
from quizgen.cli import cli
from quizgen.draft.evaluate import find_article, load_key_facts, load_labels
from quizgen.text import normalize
from tests.draft.draftdata import (
    ARTICLES,
    LABELS,
    OWN,
    REAL_DEV,
    REAL_DEV2,
    REAL_DEV3,
    REAL_DEV4,
    REAL_DEV5,
    REAL_DEV6,
    REAL_DEV7,
    REAL_DEV8,
    REAL_DEV9,
    REAL_DEV10,
    REAL_DEV11,
    REAL_DEV12,
    REAL_DEV13,
    REAL_DEV14,
    SEEDS,
)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_draft_writes_a_valid_bank_and_says_what_it_found(runner, tmp_path):
    out = tmp_path / "questions" / "sommet.yaml"
    result = runner.invoke(
        cli,
        [
            "draft",
            str(ARTICLES / SEEDS[0]),
            "-o",
            str(out),
            "--rules-only",
            "--outlet",
            "Exemple",
            "--published",
            "2021-12-07",
        ],
    )
    assert result.exit_code == 0, result.output
    assert f"{out}: " in result.output and "draft questions" in result.output and "quote" in result.output
    bank = load_bank(out)
    assert bank.sources[0].outlet == "Exemple"
    assert (tmp_path / "questions" / "sources" / "sommet.txt").is_file()
    check = runner.invoke(cli, ["validate", str(out)])
    assert check.exit_code == 0 and check.output.startswith("ok:")


def test_several_articles_go_to_one_folder(runner, tmp_path):
    result = runner.invoke(
        cli, ["draft", *(str(ARTICLES / n) for n in OWN), "-o", str(tmp_path), "--rules-only"]
    )
    assert result.exit_code == 0, result.output
    banks = sorted(tmp_path.glob("*.yaml"))
    assert len(banks) == 3
    assert runner.invoke(cli, ["validate", str(tmp_path)]).exit_code == 0
    assert "%|" not in result.output  # no progress bar when the output is not a terminal


def test_default_output_is_the_questions_folder(runner):
    with runner.isolated_filesystem():
        result = runner.invoke(cli, ["draft", str(ARTICLES / OWN[2]), "--rules-only"])
        assert result.exit_code == 0, result.output
        (bank,) = Path("questions").glob("*.yaml")
        assert load_bank(bank).sources[0].path == f"sources/{bank.stem}.txt"


def test_one_title_for_several_articles_is_refused(runner, tmp_path):
    result = runner.invoke(
        cli,
        [
            "draft",
            str(ARTICLES / OWN[0]),
            str(ARTICLES / OWN[1]),
            "--title",
            "T",
            "-o",
            str(tmp_path),
            "--rules-only",
        ],
    )
    assert result.exit_code == 1
    assert "error: --title" in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the article is empty"),
        (b"caf\xe9 cr\xe8me\n", "not UTF-8"),
        (b"Il pleut.\n", "found nothing to ask about"),
    ],
)
def test_bad_articles_get_one_message_and_no_file(runner, tmp_path, content, message):
    article = tmp_path / "a.txt"
    article.write_bytes(content)
    out = tmp_path / "out"
    result = runner.invoke(cli, ["draft", str(article), "-o", str(out), "--rules-only"])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_a_missing_article_is_a_usage_error(runner, tmp_path):
    result = runner.invoke(cli, ["draft", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2 and "does not exist" in result.output


def test_one_bad_article_does_not_stop_the_others(runner, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("", encoding="utf-8")
    result = runner.invoke(
        cli, ["draft", str(bad), str(ARTICLES / OWN[0]), "-o", str(tmp_path / "q"), "--rules-only"]
    )
    assert result.exit_code == 1
    assert "the article is empty" in result.output
    assert len(list((tmp_path / "q").glob("*.yaml"))) == 1


def test_without_spacy_the_command_says_how_to_install_it(runner, tmp_path, monkeypatch):
    # A None entry in sys.modules makes `import spacy` raise ImportError, as on a machine without it.
    monkeypatch.setitem(sys.modules, "spacy", None)
    result = runner.invoke(cli, ["draft", str(ARTICLES / OWN[0]), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "pip install 'quizgen[draft]'" in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


def test_quizgen_imports_without_spacy(monkeypatch):
    import importlib

    monkeypatch.setitem(sys.modules, "spacy", None)
    for name in [m for m in sys.modules if m == "quizgen" or m.startswith("quizgen.")]:
        monkeypatch.delitem(sys.modules, name)
    module = importlib.import_module("quizgen.cli")
    assert "draft" in module.cli.commands


def test_draft_eval_prints_precision_and_recall(runner):
    result = runner.invoke(cli, ["draft-eval", str(LABELS), "--rules-only"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "attributions" in lines[0] and "figures" in lines[0]
    assert any(line.startswith(SEEDS[0]) for line in lines)
    assert any(line.startswith("all") and "attributions" not in line for line in lines)
    assert lines[-1].startswith("types: ")


def test_draft_eval_counts_the_key_facts_the_draft_asks_about(runner, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "La mairie de Lorient a voté un budget de 120 millions d’euros mardi.\n\n"
        "« Nous tiendrons nos promesses », a déclaré la maire Anne Roy.\n\n"
        "Le stade sera rénové en 2026.\n",
        encoding="utf-8",
    )
    (tmp_path / "labels.yaml").write_text("a.txt:\n  quotes: []\n", encoding="utf-8")
    (tmp_path / "key_facts.yaml").write_text(
        "a.txt:\n"
        '  - {question: "Quel budget ?", answer: 120 millions,'
        ' evidence: "La mairie de Lorient a voté un budget de 120 millions d’euros mardi."}\n'
        '  - {question: "Qui a été élu ?", answer: personne,'
        ' evidence: "Une phrase absente de l’article."}\n',
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["draft-eval", str(tmp_path / "labels.yaml"), "--rules-only", "-v"])
    assert result.exit_code == 0, result.output
    row = next(line for line in result.output.splitlines() if line.startswith("a.txt") and "1/2" in line)
    assert row.split()[-1] == "1/2"
    assert "key fact not asked: Qui a été élu ?" in result.output


def test_draft_eval_fails_below_the_thresholds(runner, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "« Nous verrons », a déclaré Anne Roy.\n\n« Rien », a dit Paul Martin.\n", encoding="utf-8"
    )
    labels = tmp_path / "labels.yaml"
    labels.write_text(
        "a.txt:\n  - {prefix: Nous verrons, speakers: [roy]}\n  - {prefix: Rien, speakers: [durand]}\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        cli,
        ["draft-eval", str(labels), "--rules-only", "-v", "--min-precision", "0.95", "--min-recall", "0.85"],
    )
    assert result.exit_code == 1
    assert "0.50 0.50 1/1/1" in result.output
    assert "wrong «Rien» → Paul Martin (expected durand; " in result.output
    assert "error: attribution precision 0.500 < 0.95; attribution recall 0.500 < 0.85" in result.output


def test_draft_eval_reports_a_bad_labels_file(runner, tmp_path):
    labels = tmp_path / "labels.yaml"
    labels.write_text("missing.txt:\n  - {prefix: X, speakers: []}\n", encoding="utf-8")
    result = runner.invoke(cli, ["draft-eval", str(labels), "--rules-only"])
    assert result.exit_code == 1 and "article missing.txt not found" in result.output


@pytest.mark.parametrize(
    "labels_path",
    [
        REAL_DEV, REAL_DEV2, REAL_DEV3, REAL_DEV4, REAL_DEV5,
        REAL_DEV6, REAL_DEV7, REAL_DEV8, REAL_DEV9, REAL_DEV10, REAL_DEV11, REAL_DEV12, REAL_DEV13,
        REAL_DEV14,
    ],
    ids=[
        "dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7",
        "dev8", "dev9", "dev10", "dev11", "dev12", "dev13", "dev14",
    ],
)
def test_published_sets_label_what_their_articles_say(labels_path):
    # A label that is not in its article can never be found: it would lower every score silently.
    labels = load_labels(labels_path)
    facts = load_key_facts(labels_path.parent / "key_facts.yaml")
    assert set(facts) == set(labels)
    for name, kinds in labels.items():
        text = normalize(find_article(name, labels_path, None).read_text(encoding="utf-8"))
        for quote in kinds.get("quotes", []):
            assert text.count(normalize(quote["prefix"])) >= int(quote.get("occ", 1)), (name, quote)
        wanted = [normalize(f["text"]) for f in kinds.get("figures", [])]
        for figure in set(wanted):
            assert text.count(figure) >= wanted.count(figure), (name, figure)
        for person in [r["person"] for r in kinds.get("roles", [])] + [
            m for lst in kinds.get("lists", []) for m in lst["members"]
        ]:
            assert normalize(person) in text, (name, person)
        assert 3 <= len(facts[name]) <= 5, name
        for fact in facts[name]:
            assert normalize(fact["evidence"]) in text, (name, fact["question"])


def test_draft_eval_says_which_wrong_speakers_carry_no_review_flag(runner, tmp_path):
    # The label says Paul Martin spoke; the plain incise names Anne Roy, with
    # nothing to make the drafter unsure: a wrong speaker the teacher is not told to check.
    (tmp_path / "a.txt").write_text(
        "« Nous tiendrons nos promesses », a déclaré la maire Anne Roy.\n", encoding="utf-8"
    )
    (tmp_path / "labels.yaml").write_text(
        "a.txt:\n  quotes:\n    - {prefix: Nous tiendrons, speakers: [Paul Martin]}\n", encoding="utf-8"
    )
    result = runner.invoke(cli, ["draft-eval", str(tmp_path / "labels.yaml"), "--rules-only", "-v"])
    assert result.exit_code == 0, result.output
    assert "wrong speakers: 1, of which without review: true: 1" in result.output
    assert "→ Anne Roy (expected paul martin; NOT flagged for review)" in result.output


def test_draft_eval_says_why_speakers_were_missed_in_figures_only(runner, tmp_path):
    # One quotation with no speaker in the text the drafter can read, one labelled quotation the
    # article does not hold as a quotation: the reasons are counted without printing any text.
    (tmp_path / "a.txt").write_text(
        "Le chantier, « le plus important depuis 1985 », doit durer deux ans. "
        "Le maire parle de rénovation.\n",
        encoding="utf-8",
    )
    (tmp_path / "labels.yaml").write_text(
        "a.txt:\n  quotes:\n    - {prefix: le plus important, speakers: [maire]}\n"
        "    - {prefix: rénovation, speakers: [maire]}\n",
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["draft-eval", str(tmp_path / "labels.yaml"), "--rules-only"])
    assert result.exit_code == 0, result.output
    assert "missed speakers: 1 quotations not found, 1 found without a speaker" in result.output
    assert "rénovation" not in result.output and "plus important" not in result.output
