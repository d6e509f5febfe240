"""Drafted banks: valid as written, every question a reviewed-to-be draft."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from quizgen import load_bank
from quizgen.draft.bank import SourceInfo, build_bank, summary_of, to_yaml
from quizgen.draft.pipeline import analyse
from quizgen.draft.writer import draft_file
from quizgen.errors import QuizgenError
from quizgen.evidence import SourceText
from quizgen.text import fold_answer, word_count
from tests.draft.draftdata import ARTICLES, OWN, SEEDS

ALL = SEEDS + OWN


@pytest.fixture(scope="module")
def drafted(tmp_path_factory) -> dict[str, Path]:
    """Every labelled article drafted (rules only) into one folder."""
    out = tmp_path_factory.mktemp("questions")
    return {name: draft_file(ARTICLES / name, output=out, today=date(2024, 1, 1)).bank_path for name in ALL}


@pytest.mark.parametrize("name", ALL)
def test_drafts_pass_validation_as_written(drafted, name):
    bank = load_bank(drafted[name])
    assert len(bank.questions) >= 10
    source = bank.sources[0]
    text = SourceText(source.text)
    for q in bank.questions:
        assert q.draft is True
        assert text.contains(q.evidence)
        assert q.explanation and q.tags


@pytest.mark.parametrize("name", ALL)
def test_choices_never_give_the_answer_twice(drafted, name):
    bank = load_bank(drafted[name])
    for q in bank.questions:
        if q.type == "quote":
            assert len(q.distractors) >= 2
            assert fold_answer(q.speaker) not in {fold_answer(d) for d in q.distractors}
            # Every choice written the same way: none stands out by its capital letter.
            assert all(c[:1].isupper() for c in [q.speaker, *q.distractors])
        if q.type == "multi":
            assert set(q.answers) < set(q.choices)


def test_the_seed_draft_has_the_questions_the_issue_names(drafted):
    bank = load_bank(drafted[SEEDS[0]])
    quotes = {q.quote: q for q in bank.questions if q.type == "quote"}
    assert quotes["Bonjour, Monsieur le Président, bienvenue"].speaker == "Vladimir Poutine"
    numeric = [q for q in bank.questions if q.type == "numeric" and q.unit == "minutes"]
    assert [q.answer for q in numeric] == [125]
    (multi,) = [q for q in bank.questions if q.type == "multi"]
    assert multi.answers == ["Emmanuel Macron", "Angela Merkel", "Mario Draghi", "Boris Johnson"]
    matches = [q for q in bank.questions if q.type == "match"]
    assert {"Jake Sullivan": "conseiller à la sécurité nationale des Etats-Unis"}.items() <= {
        k: v for m in matches for k, v in m.pairs.items()
    }.items()
    # Clock times are trivia: "Les discussions ont commencé à 18h00" gives no question.
    assert not any("18h00" in (q.text or "") for q in bank.questions if q.type == "cloze")


def test_a_short_fragment_woven_into_reported_speech_is_no_quote_question(drafted):
    bank = load_bank(drafted[SEEDS[1]])
    quotes = [q.quote for q in bank.questions if q.type == "quote"]
    # "il a déclaré à Poutine que … des « mesures économiques fortes »": three words, no question alone.
    assert quotes and not [q for q in quotes if q.startswith("mesures économiques")]


def test_summary_is_an_extract_within_the_word_limit():
    for name in ALL:
        an = analyse((ARTICLES / name).read_text(encoding="utf-8"))
        summary = summary_of(an)
        assert 0 < word_count(summary) <= 80
        assert SourceText(an.article.text).contains(summary.removesuffix(" …"))


def test_metadata_options_fill_the_source_and_default_are_flagged(tmp_path):
    out = tmp_path / "q" / "sommet.yaml"
    written = draft_file(
        ARTICLES / SEEDS[0],
        output=out,
        info=SourceInfo(
            title="Le sommet Biden–Poutine",
            outlet="Exemple",
            published=date(2021, 12, 7),
            url="https://x.test/a",
        ),
    )
    bank = load_bank(out)
    source = bank.sources[0]
    assert (bank.id, bank.title, source.outlet, source.published, source.url) == (
        "sommet",
        "Le sommet Biden–Poutine",
        "Exemple",
        date(2021, 12, 7),
        "https://x.test/a",
    )
    assert source.path == "sources/sommet.txt" and written.copied
    header = out.read_text(encoding="utf-8").split("\nid:")[0]
    assert "média" not in header and "date de publication" not in header
    assert "résumé" in header  # the extract is always to be rewritten

    default = draft_file(ARTICLES / SEEDS[0], output=tmp_path / "q2", today=date(2030, 5, 1))
    text = default.bank_path.read_text(encoding="utf-8")
    assert "outlet: inconnu" in text and "2030-05-01" in text
    assert "média (outlet) inconnu" in text and "date de publication inconnue" in text


def test_an_article_inside_the_output_folder_is_referenced_not_copied(tmp_path):
    (tmp_path / "sources").mkdir()
    article = tmp_path / "sources" / "kiev.txt"
    article.write_text((ARTICLES / OWN[1]).read_text(encoding="utf-8"), encoding="utf-8")
    written = draft_file(article, output=tmp_path)
    assert not written.copied
    assert load_bank(written.bank_path).sources[0].path == "sources/kiev.txt"
    assert sorted(p.name for p in (tmp_path / "sources").iterdir()) == ["kiev.txt"]


def test_an_existing_bank_is_never_overwritten_without_force(tmp_path):
    out = tmp_path / "bank.yaml"
    out.write_text("reviewed: true\n", encoding="utf-8")
    with pytest.raises(QuizgenError, match="exists; use --force"):
        draft_file(ARTICLES / SEEDS[0], output=out)
    assert out.read_text(encoding="utf-8") == "reviewed: true\n"
    assert not (tmp_path / "sources").exists()
    draft_file(ARTICLES / SEEDS[0], output=out, force=True)
    load_bank(out)


def test_nothing_to_ask_about_is_an_error_and_writes_nothing(tmp_path):
    article = tmp_path / "court.txt"
    article.write_text("Il pleut sur la ville.\n", encoding="utf-8")
    with pytest.raises(QuizgenError, match="found nothing to ask about"):
        draft_file(article, output=tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_yaml_is_block_style_utf8_in_contract_key_order():
    an = analyse((ARTICLES / SEEDS[0]).read_text(encoding="utf-8"))
    draft = build_bank(an, SourceInfo(), bank_id="x", source_path="sources/x.txt", today=date(2024, 1, 1))
    text = to_yaml(draft)
    assert "«" in text and "\\u" not in text and "&id" not in text and "{" not in text.split("questions:")[0]
    first = yaml.safe_load(text)["questions"][0]
    assert list(first)[:3] == ["id", "type", "source"]
    assert list(first)[-3:] == ["explanation", "tags", "draft"] or list(first)[-1] == "review"


def test_the_draft_header_lists_what_quizgen_lint_finds(drafted):
    """The lint shows in the draft: each finding of `quizgen lint` on the
    drafted bank stands in the file's header, for the teacher's review."""
    from quizgen.lint import lint_bank

    for path in drafted.values():
        findings = lint_bank(load_bank(path))
        header = path.read_text(encoding="utf-8").split("\nid:")[0]
        for finding in findings:
            assert f"lint {finding}" in header
    assert any(lint_bank(load_bank(p)) for p in drafted.values()), "no draft had a finding to show"


def test_the_summary_of_an_interview_starts_from_its_lead_not_a_question():
    text = (
        "Question : Que pensez-vous de votre adversaire quand elle sert aussi fort ?\n\n"
        "Léa Marchal a perdu la finale du tournoi de Nice dimanche en deux sets serrés.\n"
    )
    assert summary_of(analyse(text)).startswith("Léa Marchal a perdu la finale")


def test_a_paste_without_a_headline_gets_no_cut_title_and_a_summary_from_the_lead():
    lead = "Le conseil régional a voté jeudi le plan climat, au terme de plus de 40 heures de discussion."
    draft = build_bank(
        analyse(f"{lead} Le plan a été approuvé par 96 élus.\n"),
        SourceInfo(),
        bank_id="t",
        source_path="t.txt",
        today=date(2024, 1, 1),
    )
    assert draft.bank.title == "Article sans titre"
    assert draft.bank.sources[0].summary.startswith(lead)
