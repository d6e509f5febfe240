"""Page furniture is dropped; what stays is the article's own text, at its own offsets."""

from __future__ import annotations

from datetime import date

from quizgen.draft.clean import clean_article

PAGE = """Accueil › Monde › Europe
Le sommet s’est terminé sans accord
Publié le 8 décembre 2021 à 10h12
Par Léa Fournier
85
0
UPDATE 2: Les dirigeants se sont quittés mardi soir.
Lire aussi : Un autre sujet qui n’a rien à voir
MISE À JOUR 1Le président a pris la parole.
Nouvelles originalesLe texte du communiqué a été publié.
▪️ Un point de la liste.
Source : Reuters
Article précédent : Une autre histoire
Article suivant : Encore une autre
Journaliste depuis 2011, je suis passionnée de voile et j’aime la cuisine.
"""


def paragraphs(text: str) -> list[str]:
    art = clean_article(text)
    return [art.text[p.start : p.end] for p in art.paragraphs]


def test_furniture_is_dropped_and_labels_are_stripped():
    assert paragraphs(PAGE) == [
        "Le sommet s’est terminé sans accord",
        "Les dirigeants se sont quittés mardi soir.",
        "Le président a pris la parole.",
        "Le texte du communiqué a été publié.",
        "Un point de la liste.",
    ]


def test_metadata_lines_fill_the_source_details():
    art = clean_article(PAGE)
    assert art.published == date(2021, 12, 8)
    assert art.author == "Léa Fournier"
    assert art.title == "Le sommet s’est terminé sans accord"
    # "Source : Reuters" follows the paragraph "Un point de la liste."
    assert art.source_lines == [(4, "Reuters")]


def test_dateline_gives_the_date():
    art = clean_article("Rennes, le 12 février 2025\n\nLe procès s’est ouvert mardi.\n")
    assert art.published == date(2025, 2, 12)
    assert paragraphs("Rennes, le 12 février 2025\n\nLe procès s’est ouvert mardi.\n") == [
        "Le procès s’est ouvert mardi."
    ]


def test_paragraph_offsets_point_into_the_original_text():
    art = clean_article(PAGE)
    for p in art.paragraphs:
        assert art.text[p.start : p.end] in PAGE


def test_headings_are_told_from_sentences():
    art = clean_article("Un titre sans point\n\nUne phrase qui se termine.\n\n« Une citation seule »\n")
    assert [p.heading for p in art.paragraphs] == [True, False, False]


def test_a_sentence_starting_with_a_network_name_is_kept():
    assert paragraphs("Facebook a supprimé des milliers de comptes liés à la campagne.\n") == [
        "Facebook a supprimé des milliers de comptes liés à la campagne."
    ]


def test_a_paste_without_a_headline_has_no_title():
    # The first paragraph is the lead, not a headline to cut short.
    art = clean_article(
        "La réunion tendue entre les deux maires a pris fin. « Quelle honte ! ». "
        "Que s’est-il dit pendant la séance à huis clos\n\nTexte.\n"
    )
    assert art.title is None


def test_a_headline_is_the_title():
    art = clean_article("Brest choisit Éric Delmas comme entraîneur (Officiel)\n\nLe club a tranché.\n")
    assert art.title == "Brest choisit Éric Delmas comme entraîneur (Officiel)"


def test_a_headline_ending_with_a_quotation_is_a_heading_and_the_title():
    art = clean_article(
        'Dupré à la mairie: Vasseur se dit "très fière"\n\n'
        "La présidente de région Anne Vasseur s’est félicitée lundi de l’élection.\n"
    )
    assert [p.heading for p in art.paragraphs] == [True, False]
    assert art.title == 'Dupré à la mairie: Vasseur se dit "très fière"'


def test_an_intertitle_after_the_first_paragraph_is_not_the_title():
    art = clean_article(
        "Ce jeudi matin à Pontarlier, deux policiers font leur ronde quand ils entendent des cris.\n\n"
        "Les policiers sortent une famille de la rivière\n\n"
        "Quand les policiers arrivent, la voiture est déjà dans l’eau.\n"
    )
    assert art.paragraphs[1].heading and art.title is None


def test_a_name_or_an_incise_typed_with_non_breaking_hyphens_is_read_whole():
    from quizgen.draft.pipeline import analyse

    text = (
        "Jean\u2011Claude Morel, maire de Vierzon, a présenté le budget lundi. "
        "« Nous tiendrons nos engagements », ajoute\u2011t\u2011il.\n"
    )
    (att,) = analyse(text).attributions
    assert att.speaker is not None and att.speaker.name.replace("\u2011", "-") == "Jean-Claude Morel"
