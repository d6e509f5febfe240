"""Blanks a teacher keeps (invented sentences): no blank of everyday words, none whose head the
prompt shows again, no count whose items the sentence lists, no phrase cut before its modifier,
no answer written in the prompt under another spelling, no place that is one of a list."""

from __future__ import annotations

import pytest

from quizgen.draft.blanks import counted_after, everyday
from quizgen.draft.keyfacts import given_away
from quizgen.draft.pipeline import analyse


def _builder(text: str, entities):
    from quizgen.draft.questions import Builder

    return Builder(analyse(text, entities), "article")


def _span(text: str, words: str) -> tuple[int, int]:
    x = text.index(words)
    return x, x + len(words)


def _asked(text: str, words: str, entities) -> bool:
    from quizgen.draft.keyfacts import cloze_on

    return cloze_on(_builder(text, entities), 0, [_span(text, words)])


def test_everyday_words_are_told_from_rare_ones():
    assert everyday("homme") and everyday("fois") and everyday("projet")
    assert not everyday("amphore") and not everyday("sécheresse")


def test_a_count_the_sentence_lists_is_given_away():
    text = "Les quatre finalistes (Léa Rios, Marc Bel, Anne Ruiz et Paul Vidal) attendent le verdict."
    assert counted_after(text, *_span(text, "quatre finalistes"))
    text = "Les trois finalistes (Léa Rios, Marc Bel, Anne Ruiz et Paul Vidal) attendent le verdict."
    assert not counted_after(text, *_span(text, "trois finalistes"))
    text = "Les quatre finalistes attendent le verdict du jury."
    assert not counted_after(text, *_span(text, "quatre finalistes"))


def test_the_answer_under_another_spelling_is_given_away():
    assert given_away("Marcel-Roux", "les élèves du collège Marcel Roux ont défilé", "")
    assert given_away("l'Assemblée nationale", "le président de l'Assemblée a", "voté")
    assert not given_away("Emmanuel Macron", "Emmanuel Roy a reçu", "à Paris")
    assert not given_away("la Loire", "le fleuve traverse", "en hiver")


@pytest.mark.slow
@pytest.mark.nlp
def test_a_blank_of_everyday_words_teaches_nothing(entities):
    from quizgen.draft.blanks import teaches_nothing

    text = "Un jeune homme de vingt ans a dérobé trois tableaux au musée de Pontorson."
    b = _builder(text, entities)
    assert teaches_nothing(b, *_span(text, "jeune homme"))
    assert not teaches_nothing(b, *_span(text, "musée de Pontorson"))
    text = "Les archéologues ont découvert une amphore romaine près du port."
    assert not teaches_nothing(_builder(text, entities), *_span(text, "une amphore romaine"))
    text = "C'est la première fois qu'une navigatrice bretonne remporte la course."
    assert teaches_nothing(_builder(text, entities), *_span(text, "la première fois"))


@pytest.mark.slow
@pytest.mark.nlp
def test_a_people_word_alone_teaches_nothing_but_a_date_does(entities):
    from quizgen.draft.blanks import teaches_nothing

    text = "Mardi, des habitants ont bloqué la déchetterie de Saint-Amand pendant trois heures."
    assert teaches_nothing(_builder(text, entities), *_span(text, "habitants"))
    text = "En novembre dernier, la fromagerie du village a failli fermer ses portes."
    assert not teaches_nothing(_builder(text, entities), *_span(text, "novembre dernier"))


@pytest.mark.slow
@pytest.mark.nlp
def test_a_blank_of_everyday_words_is_not_asked(entities):
    text = "Le maire de Castelfort a défendu le projet de loi devant les élus de la commune."
    assert not _asked(text, "le projet de loi", entities)
    assert _asked(text, "Castelfort", entities)


@pytest.mark.slow
@pytest.mark.nlp
def test_a_blank_whose_head_the_prompt_shows_again_is_not_asked(entities):
    from quizgen.draft.blanks import head_repeated

    text = "Cette salle du cinéma devient aussi une salle de concert pour les lycéens du quartier."
    b = _builder(text, entities)
    x, y = _span(text, "une salle de concert")
    assert head_repeated(b, x, y, text[:x] + text[y:])
    assert not head_repeated(b, x, y, "Ce cinéma devient aussi pour les lycéens du quartier.")


@pytest.mark.slow
@pytest.mark.nlp
def test_a_blank_never_leaves_its_adjective_out(entities):
    from quizgen.draft.blanks import modifier_left_out

    text = "Hier soir, les élus locaux ont adopté le budget de la piscine intercommunale."
    b = _builder(text, entities)
    assert modifier_left_out(b, *_span(text, "élus"))
    assert not modifier_left_out(b, *_span(text, "élus locaux"))


def test_a_place_listed_with_others_is_no_where_question():
    from quizgen.draft.keyfacts import one_of_several

    text = "Le chanteur a annulé sa tournée en Espagne, Italie et Portugal cette année."
    assert one_of_several(text, *_span(text, "Espagne"))
    assert one_of_several(text, *_span(text, "Portugal"))
    text = "Le chanteur a annulé son concert prévu à Quimperlé, Paul Roy l'a confirmé."
    assert not one_of_several(text, *_span(text, "Quimperlé"))


@pytest.mark.slow
@pytest.mark.nlp
def test_a_verbless_sentence_blanks_its_named_noun_phrase(entities):
    from quizgen.draft.blanks import named_phrases

    text = "Alors, place aux fouilles pour les bénévoles du club d'archéologie de Vannes."
    b = _builder(text, entities)
    found = [text[x:y] for x, y in named_phrases(b, 0, len(text))]
    assert found and found[0] == "bénévoles du club d'archéologie de Vannes", found


def test_a_gap_badly_cut_is_refused():
    from quizgen.draft.blanks import badly_cut

    def gap(text: str) -> tuple[str, int, int]:
        a, b = text.index("["), text.index("]")
        return text.replace("[", "").replace("]", ""), a, b - 1

    assert badly_cut(*gap("Les enfants ont chanté la [chanson de l']hiver au gymnase."))  # an elision
    assert badly_cut(*gap("Les passants ont filmé ce [spectacle plutôt inattendu] samedi."))  # points back
    assert badly_cut(*gap("Merci à [tous nos voisins bénévoles] du quartier."))  # the reader's context
    assert badly_cut(*gap("Le chantier a pris du retard [après une série de pannes de la grue] en mai."))
    assert not badly_cut(*gap("Le stade accueille la [finale de la coupe] samedi."))
    assert not badly_cut(*gap("Un arrêté de l'[Office national des forêts et de la chasse] lundi."))
