"""Enumerations of people and people with roles."""

from __future__ import annotations

from quizgen.draft.pipeline import analyse


def test_a_list_of_people_with_their_roles_and_countries():
    text = (
        "La mairie a fait savoir que la ministre Claire Dufour doit recevoir vendredi le ministre "
        "belge Pieter Claes, la ministre espagnole Lucía Ortega et les deux maires "
        "Paolo Conti (Turin) et Hans Keller (Bâle)."
    )
    an = analyse(text)
    (lst,) = an.lists
    assert lst.members == ("Pieter Claes", "Lucía Ortega", "Paolo Conti", "Hans Keller")
    # The list as written runs from the first role to the last country.
    assert an.article.text[lst.start : lst.end].startswith("le ministre belge Pieter Claes")
    assert an.article.text[lst.start : lst.end].endswith("Hans Keller (Bâle)")


def test_places_are_not_a_list_of_people():
    assert analyse("Les tensions opposent Kiev, Washington et Moscou depuis des mois.").lists == []


def test_roles_before_and_after_names():
    text = (
        "La préfecture a précisé que Julien Marchetti, le conseiller à la sécurité routière, "
        "tiendra un point presse. Pour Inès Carvalho, chercheuse à l’Institut portuaire, "
        "« tout dépendra de la marée ». Le porte-parole Denis Aubert a démenti."
    )
    roles = {(r.person, r.role) for r in analyse(text).roles}
    assert roles == {
        ("Julien Marchetti", "conseiller à la sécurité routière"),
        ("Inès Carvalho", "chercheuse à l’Institut portuaire"),
        ("Denis Aubert", "porte-parole"),
    }


def test_a_bare_title_is_not_a_role_worth_asking():
    assert analyse("Le président Biden a parlé avec son homologue russe Vladimir Poutine.").roles == []


def test_a_team_list_announced_by_a_colon_without_et():
    text = (
        "Voici la liste des 18 retenus :\n"
        "Gardiens : Yanis Bertrand (Nîmes), Loïc Perrot (Angers SCO), Samuel Diallo (Brest), "
        "Kévin Moreau (Metz) ;\n"
    )
    (lst,) = analyse(text).lists
    assert lst.members == ("Yanis Bertrand", "Loïc Perrot", "Samuel Diallo", "Kévin Moreau")


def test_three_names_with_commas_but_no_colon_nor_et_are_not_a_list():
    text = "Hier, Yanis Bertrand, Loïc Perrot, Samuel Diallo, a-t-on dit, sont partis."
    assert analyse(text).lists == []


def test_a_list_after_their_children_and_a_comma():
    text = (
        "Elle souhaite voyager davantage avec son époux Marc Delorme et leurs filles, "
        "Léna Delorme-Petit (9 ans) et Jade Delorme-Petit (4 ans)."
    )
    (lst,) = analyse(text).lists
    assert [m.split()[0] for m in lst.members] == ["Marc", "Léna", "Jade"]


def test_a_list_across_an_initial_is_one_list():
    an = analyse(
        "Mais les actionnaires du journal, Paul Mercier, Karim Benali, Anne J. Fournier, Luc Sabatier "
        "et Ingrid Holm, le soutiennent."
    )
    (lst,) = an.lists
    assert lst.members == (
        "Paul Mercier",
        "Karim Benali",
        "Anne J. Fournier",
        "Luc Sabatier",
        "Ingrid Holm",
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
