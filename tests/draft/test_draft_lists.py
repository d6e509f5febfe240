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


def test_a_team_list_announced_by_a_colon_without_et():
    text = (
        "Voici la liste des 24 sélectionnés :\n"
        "Gardiens : Alphonse Areola (PSG), Benjamin Lecomte (Montpellier HSC), Hugo Lloris (Tottenham), "
        "Mike Maignan (Lille) ;\n"
    )
    (lst,) = analyse(text).lists
    assert lst.members == ("Alphonse Areola", "Benjamin Lecomte", "Hugo Lloris", "Mike Maignan")


def test_three_names_with_commas_but_no_colon_nor_et_are_not_a_list():
    text = "Hier, Alphonse Areola, Benjamin Lecomte, Hugo Lloris, a-t-on dit, sont partis."
    assert analyse(text).lists == []


def test_a_list_after_their_children_and_a_comma():
    text = (
        "Il veut passer plus de temps avec son mari David Furnish et leurs enfants, "
        "Zachary Furnish-John (7 ans) et Elijah Furnish-John (5 ans)."
    )
    (lst,) = analyse(text).lists
    assert [m.split()[0] for m in lst.members] == ["David", "Zachary", "Elijah"]


def test_a_list_across_an_initial_is_one_list():
    an = analyse(
        "Mais les propriétaires du club, Todd Boehly, Behdad Eghbali, José E. Feliciano, Mark Walter "
        "et Hansjörg Wyss, ont confiance en lui."
    )
    (lst,) = an.lists
    assert lst.members == (
        "Todd Boehly",
        "Behdad Eghbali",
        "José E. Feliciano",
        "Mark Walter",
        "Hansjörg Wyss",
    )


def test_a_list_with_roles_between_the_names():
    an = analyse("Étaient présents Anne Hidalgo, maire de Paris, Martine Aubry et Grégory Doucet.")
    assert [lst.members for lst in an.lists] == [("Anne Hidalgo", "Martine Aubry", "Grégory Doucet")]


def test_a_list_after_a_colon_with_a_surname_that_is_a_role_noun():
    an = analyse(
        "Trois ministres ont été reçus : Bruno Le Maire (Économie), Gérald Darmanin (Intérieur), "
        "Élisabeth Borne (Travail)."
    )
    assert [lst.members for lst in an.lists] == [("Bruno Le Maire", "Gérald Darmanin", "Élisabeth Borne")]
