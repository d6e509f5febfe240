"""Two ways French articles credit a quotation without a verb of their own before the speaker:
"comme l'a décrit une habitante" after the words, and a quotation that opens its paragraph
followed by ", un vigneron." (published dev11 and dev12 showed both; the texts here are invented)."""

from __future__ import annotations

from quizgen.draft.pipeline import analyse


def said(text: str) -> list[tuple[str | None, bool]]:
    """(speaker or None, review) of each quotation."""
    return [(a.speaker.name if a.speaker else None, a.review) for a in analyse(text).attributions]


def test_comme_le_dit_after_the_words_names_who_said_them():
    text = (
        "Le nouveau pont a ouvert samedi à Vienne.\n"
        "« C'est un grand jour pour nous tous ici », comme le dit Paul Martin, le maire.\n"
        "La rivière, « calme et froide » comme l'a décrite une riveraine, coule sous le pont."
    )
    assert said(text) == [("Paul Martin", False), ("une riveraine", True)]


def test_comme_followed_by_que_is_no_credit():
    text = (
        "Le nouveau pont a ouvert samedi à Vienne, en présence du maire Paul Martin.\n"
        "« C'est un grand jour », comme le disent ceux qui ont attendu."
    )
    assert said(text)[0][0] != "Paul Martin"


def test_a_quotation_credited_after_a_comma_to_someone_unnamed():
    text = (
        "La crise touche les vignerons de la Gironde depuis deux ans.\n"
        "« Cela me coûte d'aller à la vigne, j'y vais en reculant », un vigneron.\n"
        "« Nous tiendrons jusqu'aux vendanges », Marie Dupont, 45 ans."
    )
    assert said(text) == [("un vigneron", True), ("Marie Dupont", True)]


def test_a_comma_then_a_thing_credits_no_one():
    for credit in ("une première en France", "un an après la crue", "un record pour la région", "un slogan"):
        text = f"La ville annonce un grand projet.\n« Nous allons tout reconstruire », {credit}."
        assert said(text) == [(None, False)], credit


def test_a_comma_credit_needs_the_quotation_to_open_its_paragraph():
    text = "La crise touche la Gironde. Le maire parle, « nous tiendrons jusqu'aux vendanges », un vigneron."
    assert said(text)[0][0] != "un vigneron"
