"""Fixes of the overfitting audit: general rules, each on a short invented sentence."""

from __future__ import annotations

import pytest

from quizgen.draft.pipeline import analyse


@pytest.mark.slow
@pytest.mark.nlp
def test_a_word_followed_by_any_determiner_after_an_apposition_is_a_verb(entities):
    from quizgen.draft.roles import _appos_role_noun, _Tree

    text = "Le jury distingue Léa Morin, primée pour « Le Phare », de la cinéaste Ana, partage la coupe."
    a = analyse(text, entities)
    tree = _Tree(a.article.text, a.tokens)
    (verb,) = [k for k in range(len(a.tokens)) if tree.word(k) == "partage"]
    assert not _appos_role_noun(tree, verb, False)  # "partage la coupe": a verb and its object


@pytest.mark.slow
@pytest.mark.nlp
def test_a_role_noun_followed_by_des_keeps_its_role(entities):
    text = "Le gymnase a rouvert lundi. Léa Morin, ministre des Sports, a coupé le ruban."
    roles = {(r.person, r.role) for r in analyse(text, entities).roles}
    assert ("Léa Morin", "ministre des Sports") in roles


def test_a_nationality_is_guessed_only_when_its_country_is_written_in_the_prompt():
    from quizgen.draft.blanks import obvious

    said = "Lundi, le président {} a inauguré le nouveau pont de la capitale devant mille invités."
    pre, post = said.split("{}")
    assert not obvious("sénégalais", pre + post)  # nothing gives it away
    assert obvious("sénégalais", "De retour au Sénégal, " + pre + post)
    assert obvious("la France") and obvious("Françaises") and obvious("l'État")


@pytest.mark.parametrize(
    ("text", "blank", "cut"),
    [
        ("Le car a pris du retard à cause de la neige.", "retard à cause", True),
        ("Elle a pris le vélo au lieu de la voiture.", "vélo au lieu", True),
        ("Il vit au bord du lac au milieu des pins.", "lac au milieu", True),
        ("Le lieu du concert reste secret.", "lieu", False),  # a noun, no locution
    ],
)
def test_a_blank_ending_on_a_prepositional_locution_cuts_it(text: str, blank: str, cut: bool):
    from quizgen.draft.blanks import cuts_a_locution

    x = text.index(blank)
    assert cuts_a_locution(text, x, x + len(blank)) is cut
