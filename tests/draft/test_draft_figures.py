"""Figures written in digits or words, with their unit."""

from __future__ import annotations

from datetime import date

import pytest

from quizgen.draft.dates import parse_date
from quizgen.draft.figures import find_figures, parse_number


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("trois", 3),
        ("vingt et un", 21),
        ("soixante-dix", 70),
        ("quatre-vingt-dix", 90),
        ("quatre-vingts", 80),
        ("deux cent trente", 230),
        ("mille cinq cents", 1500),
        ("1 500", 1500),
        ("1\u202f500", 1500),
        ("2,4", 2.4),
        ("1,5 million", 1_500_000),
    ],
)
def test_numbers(words, value):
    assert parse_number(words) == value


def figures(text: str) -> list[tuple[str, str, object, object]]:
    return [(f.kind, f.text, f.value, f.unit) for f in find_figures(text)]


def test_a_compound_duration_is_converted_to_minutes():
    assert figures("La réunion a pris fin au bout de trois heures et dix minutes, selon la mairie.") == [
        ("duration", "trois heures et dix minutes", 190, "minutes")
    ]


def test_counts_skip_adjectives_and_keep_the_noun():
    assert figures("Moscou a envoyé 30 nouveaux chars et 35 personnes.") == [
        ("count", "30 nouveaux chars", 30, "chars"),
        ("count", "35 personnes", 35, "personnes"),
    ]


def test_clock_times_and_dates():
    found = figures("Le conseil a débuté à 20h00, le 14 mars 2023, et reprendra à 8 h 45.")
    assert [(k, t) for k, t, _, _ in found] == [
        ("time", "20h00"),
        ("date", "14 mars 2023"),
        ("time", "8 h 45"),
    ]


def test_approximations_are_marked():
    (f,) = find_figures("Une trentaine de diplomates ont été expulsés.")
    assert (f.value, f.unit, f.approx) == (30, "diplomates", True)
    (g,) = find_figures("Près de huit mois plus tard, le chantier a repris.")
    assert (g.kind, g.value, g.approx) == ("duration", 8, True)


@pytest.mark.parametrize(
    "text",
    [
        "les deux à quatre prochaines semaines",  # a range
        "les deux dirigeants se sont parlé",  # a reference, not a count
        "Lucie et Marc ont tous deux annoncé leur départ",
        "des avions F-35 et le G20",  # numbers inside names
        "dont trois avec sursis",  # no unit
        "une réunion",  # an article
    ],
)
def test_not_figures(text):
    assert figures(text) == []


def test_money_and_percentages():
    assert figures("Un budget de 8 millions d’euros pris en charge à 40 % par la région.") == [
        ("money", "8 millions d’euros", 8, "millions d'euros"),
        ("percent", "40 %", 40, "%"),
    ]


def test_a_race_time_is_one_duration_not_a_clock_time():
    assert [(k, t) for k, t, _, _ in figures("Il a terminé en 3 h 14 min 52 s.")] == [
        ("duration", "3 h 14 min 52 s")
    ]


def test_jusqu_a_trois_heures_is_a_duration():
    assert figures("La panne pourrait durer jusqu’à quatre heures.")[0][:2] == ("duration", "quatre heures")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8.12.2021", date(2021, 12, 8)),
        ("2021-12-08", date(2021, 12, 8)),
        ("mercredi 1er décembre 2021", date(2021, 12, 1)),
        ("32 décembre 2021", None),
        ("bientôt", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


def test_tens_of_flags_is_no_figure_but_about_ten_is():
    assert find_figures("Des dizaines de drapeaux flottaient.") == []
    (f,) = find_figures("Une dizaine de drapeaux flottaient, un millier de personnes aussi.")[:1]
    assert (f.value, f.unit, f.approx) == (10, "drapeaux", True)
    assert [x.value for x in find_figures("Un millier de personnes étaient là.")] == [1000]


def test_a_month_alone_is_a_date_when_a_word_places_it_in_time():
    # Invented sentences: "fin mai", "en août", "juin dernier" are dates a teacher may ask.
    texts = {
        "Fin mai, la sonde passera au plus près de Vénus.": "Fin mai",
        "Le chantier du pont a commencé en août.": "août",
        "La boulangerie du village a rouvert en juin dernier.": "juin dernier",
        "Les urgences fermeront la nuit dès la mi-juillet.": "mi-juillet",
    }
    for text, written in texts.items():
        assert [(f.kind, f.text) for f in find_figures(text)] == [("date", written)], text
    # Not a month alone: a day before it, a year after it, the planet.
    assert [f.text for f in find_figures("La cour rendra sa décision le 9 avril prochain.")] == ["9 avril"]
    assert [f.text for f in find_figures("Le vote a eu lieu en mars 2021.")] == ["mars 2021"]
    assert find_figures("Le robot roule sur Mars depuis des années.") == []


def test_a_month_placed_by_another_word_is_no_false_statement_for_it():
    from quizgen.draft.statements import _date_form

    assert _date_form("fin mai") != _date_form("juin dernier")
    assert _date_form("juin dernier") == _date_form("novembre dernier")


def test_a_measure_with_its_symbol_or_millions_of_something_is_a_figure():
    # Invented sentences.
    found = find_figures("La navette relie les deux villages, à 45 km de Rodez.")
    assert [(f.text, f.value, f.unit) for f in found] == [("45 km", 45, "kilomètres")]
    found = find_figures("Le satellite s’est éloigné à 60 millions de kilomètres de Jupiter.")
    assert [(f.text, f.value, f.unit) for f in found] == [
        ("60 millions de kilomètres", 60, "millions de kilomètres")
    ]
    found = find_figures("Ces roches sont vieilles de 4,5 milliards d’années.")
    assert [(f.value, f.unit) for f in found] == [(4.5, "milliards d'années")]
    # Ranges are no figure to ask: "entre 30 et 50 km", "entre 3 et 5 millions de visiteurs".
    assert find_figures("Sa longueur est évaluée entre 30 et 50 km.") == []
    assert find_figures("Le festival attire entre 3 et 5 millions de visiteurs.") == []


def test_two_millions_of_people_is_no_small_count():
    from quizgen.draft.pipeline import analyse
    from quizgen.draft.questions import Builder

    text = "La campagne de vaccination de l’hiver a touché 2 millions de personnes dans la région."
    a = analyse(text)
    b = Builder(a, "article")
    assert [f.text for f, _ in a.figures] == ["2 millions de personnes"]
    assert not b.trivia(a.figures[0][0])


def test_a_sum_in_words_before_millions_is_a_figure():
    from quizgen.draft.figures import find_figures

    text = "Trois millions d'euros ont été prêtés par la région pour rénover le port de pêche."
    (fig,) = find_figures(text, 0, len(text))
    assert (fig.kind, fig.value, fig.unit) == ("money", 3, "millions d'euros")
