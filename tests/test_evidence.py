from __future__ import annotations

from quizgen.evidence import SourceText
from quizgen.text import fold_answer, normalize, word_count

ARTICLE = ("« Bonjour, Monsieur le Président, bienvenue », ont été les premiers mots du président russe.\n"
           "La discussion s’est terminée mardi après deux heures et cinq minutes.")


def test_typography_case_and_spacing_are_ignored() -> None:
    text = SourceText(ARTICLE)
    assert text.contains('"Bonjour, Monsieur le Président, bienvenue", ont été')
    assert text.contains("la discussion s'est   terminée MARDI")
    assert text.contains("«\u00a0Bonjour")
    assert not text.contains("la discussion s'est terminée lundi")
    assert not text.contains("   ")


def test_closest_passage_is_quoted_from_the_article_itself() -> None:
    near = SourceText(ARTICLE).closest("s'est terminee mardi apres deux heures et six minutes")
    assert near is not None
    assert near.line == 2
    assert "s’est terminée mardi après deux heures et cinq minutes" in near.text


def test_decomposed_accents_match_composed() -> None:
    assert normalize("e\u0301te\u0301") == normalize("été")


def test_fold_answer_ignores_case_accents_and_punctuation() -> None:
    assert fold_answer("  OUCHAKOV. ") == fold_answer("Ouchakov") == "ouchakov"
    assert fold_answer("Angela Mérkel") == fold_answer("angela merkel")
    assert fold_answer("Poutine") != fold_answer("Putin")


def test_word_count_counts_elided_words_once() -> None:
    assert word_count("L’entretien s’est terminé, a-t-il dit.") == 5


def test_fast_normalize_agrees_with_the_mapped_one(root) -> None:
    from quizgen.text import normalize_with_map

    samples = [p.read_text(encoding="utf-8") for p in (root / "tests" / "data").rglob("*.txt")]
    samples += ['a " " b', "« x » ,y", "  \u00a0«\u202fOui\u202f»  ! ", "l’œuvre… — fin"]
    for text in samples:
        assert normalize(text) == normalize_with_map(text)[0]


def test_a_long_article_is_searched_in_chunks_with_the_same_result(monkeypatch) -> None:
    from quizgen import evidence

    monkeypatch.setattr(evidence, "_CHUNK", 50)
    monkeypatch.setattr(evidence, "_WINDOW", 40)
    text = "".join(f"Ligne {i} : le président a parlé {i} fois.\n" for i in range(200))
    article = SourceText(text)
    assert article._normalised[0] == normalize(text)
    near = article.closest("Ligne 137 : le president a parle 137 fois")
    assert near is not None and (near.text, near.line) == ("Ligne 137 : le président a parlé 137 fois", 138)
    near = article.closest("a parlé 42 fois.\nLigne 43 : le president")
    assert near is not None and near.line == 43 and "42 fois.\nLigne 43 : le président" in near.text
