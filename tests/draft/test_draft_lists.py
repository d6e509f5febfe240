"""Enumerations of people and people with roles."""

from __future__ import annotations

from quizgen.draft.pipeline import analyse


def test_a_list_of_people_with_their_roles_and_countries():
    text = (
        "La Maison Blanche a annoncé que le président Joe Biden doit s’entretenir avec le président "
        "français Emmanuel Macron, la chancelière allemande Angela Merkel et les premiers ministres "
        "Mario Draghi (Italie) et Boris Johnson (Royaume-Uni)."
    )
    an = analyse(text)
    (lst,) = an.lists
    assert lst.members == ("Emmanuel Macron", "Angela Merkel", "Mario Draghi", "Boris Johnson")
    # The list as written runs from the first role to the last country.
    assert an.article.text[lst.start : lst.end].startswith("le président français Emmanuel Macron")
    assert an.article.text[lst.start : lst.end].endswith("Boris Johnson (Royaume-Uni)")


def test_places_are_not_a_list_of_people():
    assert analyse("Les tensions opposent Kiev, Washington et Moscou depuis des mois.").lists == []


def test_roles_before_and_after_names():
    text = (
        "La Maison Blanche a indiqué que Jake Sullivan, le conseiller à la sécurité nationale, "
        "tiendra une conférence de presse. Pour Marta Nowak, chercheuse à l’Institut polonais, "
        "« tout dépendra de l’hiver ». Le porte-parole Yury Ushakov a confirmé."
    )
    roles = {(r.person, r.role) for r in analyse(text).roles}
    assert roles == {
        ("Jake Sullivan", "conseiller à la sécurité nationale"),
        ("Marta Nowak", "chercheuse à l’Institut polonais"),
        ("Yury Ushakov", "porte-parole"),
    }


def test_a_bare_title_is_not_a_role_worth_asking():
    assert analyse("Le président Biden a parlé avec son homologue russe Vladimir Poutine.").roles == []
