"""Quotation marks and sentence ends."""

from __future__ import annotations

import pytest

from quizgen.draft.clean import clean_article
from quizgen.draft.quotes import find_quotes, is_name_or_title, split_sentences


def quotes(text: str) -> list[str]:
    art = clean_article(text)
    return [art.text[q.inner_start : q.inner_end] for q in find_quotes(art)]


def sentences(text: str) -> list[str]:
    art = clean_article(text)
    return [art.text[s.start : s.end] for s in split_sentences(art, find_quotes(art))]


def test_guillemets_with_non_breaking_spaces():
    assert quotes("Il a dit «\u00a0Bonjour\u00a0» puis «\u202fau revoir\u202f».") == ["Bonjour", "au revoir"]


def test_curly_and_straight_quotes():
    assert quotes('“Oui”, dit-il. Elle répond "non" et "peut-être".') == ["Oui", "non", "peut-être"]


def test_an_odd_number_of_straight_quotes_is_ignored():
    assert quotes('Un pouce fait 2,54 cm, soit 1" exactement.') == []


def test_a_paragraph_missing_one_straight_mark_keeps_the_quotation_whose_marks_pair_up():
    # The page forgot the opening mark of the second quotation: the first one is still read.
    text = '"Trop peu de gens viennent", a regretté Anne Roy. Il faut y aller". Ensuite, elle part.'
    assert quotes(text) == ["Trop peu de gens viennent"]
    assert quotes('Il a dit : "Nous y serons. Puis il est parti.') == []


def test_a_closing_curly_mark_typed_as_the_opening_one():
    assert quotes("“Nous y serons“, a dit Paul Roy. Il part “demain“.") == ["Nous y serons", "demain"]


def test_nested_quotes_belong_to_the_outer_one():
    assert quotes("La mairie – « aucun lien avec une « fermeture définitive » ».") == [
        "aucun lien avec une « fermeture définitive »"
    ]


def test_a_closing_mark_typed_as_opening():
    assert quotes("Le maire a jugé le projet d’ »inutile » et a refusé.") == ["inutile"]


def test_a_quotation_over_two_paragraphs_is_one_quotation():
    text = "« La Russie a déclaré lundi.\n\nLa possibilité inquiète Moscou. » -Reuters\n"
    (q,) = quotes(text)
    assert q.startswith("La Russie") and q.endswith("inquiète Moscou.")


def test_an_unclosed_quotation_is_dropped():
    assert quotes("« Une phrase jamais fermée.\n\nUn autre paragraphe.\n") == []


def test_sentences_do_not_end_inside_quotes_or_after_abbreviations():
    text = (
        "« Bonsoir à tous. Merci d’être venus si nombreux », a lancé M. Girard. "
        "Puis J. Vidal a parlé. « Quelle soirée ! » Le reste suit."
    )
    assert sentences(text) == [
        "« Bonsoir à tous. Merci d’être venus si nombreux », a lancé M. Girard.",
        "Puis J. Vidal a parlé.",
        "« Quelle soirée ! »",
        "Le reste suit.",
    ]


@pytest.mark.parametrize(
    ("words", "before", "expected"),
    [
        ("Situation Room", "réunis dans la ", True),
        ("Le Monde", "selon le quotidien ", True),
        ("Grenoble respire", "le plan, baptisé ", True),
        ("trop cher et trop lent", "juge le plan ", False),
        ("Bonjour, Monsieur le Président, bienvenue", "", False),
        ("obsolète", "a qualifié l’alliance d’", False),
    ],
)
def test_names_in_quotation_marks_are_not_speech(words, before, expected):
    assert is_name_or_title(words, before) is expected


@pytest.mark.parametrize(
    ("words", "after", "expected"),
    [
        ("Avec tous mes regrets", " (Stock), récit émouvant", True),
        ("Sœur de cœur", " (Seuil) repart sans prix", True),
        ("Les jours heureux", " (Actes Sud, 2019).", True),
        ("Nous ne céderons pas", " (AFP), a dit X.", False),
        ("Il ne faut pas fermer les yeux", " (Anne Lemoine)\n\nLes jurés", False),
        ("Nous ne céderons pas", ", a dit Paul Roy.", False),
    ],
)
def test_a_title_with_its_publisher_in_brackets_is_not_speech(words, after, expected):
    assert is_name_or_title(words, "pour son émouvant ", after) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An initial inside a name is no sentence end.
        (
            "Les propriétaires, José E. Feliciano et Mark Walter, ont parlé. Puis rien.",
            ["Les propriétaires, José E. Feliciano et Mark Walter, ont parlé.", "Puis rien."],
        ),
        ("J.K. Rowling publie. J.-C. Juncker répond.", ["J.K. Rowling publie.", "J.-C. Juncker répond."]),
        # French abbreviations before a capital.
        (
            "Mme Durand et le Dr. Martin sont venus. Mgr Dupont aussi. Il habite St. Louis.",
            ["Mme Durand et le Dr. Martin sont venus.", "Mgr Dupont aussi.", "Il habite St. Louis."],
        ),
        ("Né en 52 av. J.-C. César régnait. La suite.", ["Né en 52 av. J.-C. César régnait.", "La suite."]),
        ("Selon le Pr. Raoult, tout va bien. Fin.", ["Selon le Pr. Raoult, tout va bien.", "Fin."]),
        # Numbers keep their points.
        (
            "Elle a vendu 3.5 millions et 1.000 euros. Fin.",
            ["Elle a vendu 3.5 millions et 1.000 euros.", "Fin."],
        ),
        # A capital letter that ends a sentence, and a lower-case unit, still end it.
        ("Il a gagné le plan B. Puis il est parti.", ["Il a gagné le plan B.", "Puis il est parti."]),
        ("Il était 10 h. Puis on a vu M. Dupont.", ["Il était 10 h.", "Puis on a vu M. Dupont."]),
    ],
)
def test_sentence_ends_after_initials_abbreviations_and_numbers(text, expected):
    assert sentences(text) == expected


def test_straight_quotes_nest_in_straight_quotes():
    # A word quoted inside a straight quotation: the outer quotation runs to its own end.
    text = 'La maire a tranché. "Nous avons dit "non" à la hausse, et nous tiendrons", a-t-elle dit.'
    assert quotes(text) == ['Nous avons dit "non" à la hausse, et nous tiendrons']
    text = 'Le médecin alerte : "Les gens diront : "J\'attendrai demain". Et ce sera trop tard", dit-il.'
    assert quotes(text) == ['Les gens diront : "J\'attendrai demain". Et ce sera trop tard']


def test_a_straight_mark_after_a_space_and_before_a_stop_closes():
    assert quotes('Il poursuit : "On était là, face à une arme "! Puis il se tait.') == [
        "On était là, face à une arme"
    ]


def test_a_quotation_left_open_goes_on_in_a_paragraph_that_repeats_the_mark():
    text = "Le maire a pris la parole. « Je suis fier de cette équipe.\n\n« Et elle ira loin. »\n"
    assert quotes(text) == ["Je suis fier de cette équipe.\n\n« Et elle ira loin."]


def test_the_last_paragraph_of_a_quotation_over_paragraphs_is_story_not_a_bio():
    # In the first person and short, but it closes the quotation opened above: the story.
    text = (
        "Jean Dupont est arrivé à Lyon en 2019.\n\n« Au début, c'était difficile.\n\n"
        "Puis j'ai trouvé mes marques », raconte-t-il.\n"
    )
    assert quotes(text) == ["Au début, c'était difficile.\n\nPuis j'ai trouvé mes marques"]


def test_a_closing_guillemet_typed_as_the_opening_one():
    # "«fragile«," : the mark glued to the word before it, a comma after it, closes.
    text = "La digue reste «fragile«, selon Marc Lenoir, qui attend «des renforts» et «une décision»."
    assert quotes(text) == ["fragile", "des renforts", "une décision"]
