"""Blanks and choices a teacher keeps (invented sentences): no credit name among the choices, no
medium spoken to as a fact, no blank cut at a hyphen or holding a verb."""

from __future__ import annotations

from datetime import date

from quizgen.draft.bank import SourceInfo, build_bank
from quizgen.draft.pipeline import analyse
from quizgen.draft.quotepicks import only_in_brackets
from quizgen.draft.trivia import a_source


def questions(text: str, entities=None) -> list[dict]:
    bank = build_bank(
        analyse(text, entities), SourceInfo(), bank_id="t", source_path="t.txt", today=date(2024, 1, 1)
    ).bank
    return bank.model_dump()["questions"]


def test_a_name_only_in_brackets_is_a_credit_not_a_choice():
    text = "Le maire Paul Ivens a inauguré le pont.\n\n(Marc Ulm, édité par Léa Dorn)"
    assert only_in_brackets(text, "Léa Dorn") and only_in_brackets(text, "Marc Ulm")
    assert not only_in_brackets(text, "Paul Ivens")
    assert not only_in_brackets("Léa Dorn (photo) a parlé. (Léa Dorn)", "Léa Dorn")


def test_a_medium_spoken_to_is_a_source():
    s = "« Le verger revivra », a dit à la Radio des Vallées cette arboricultrice."
    x = s.index("la Radio")
    assert a_source(s, x, x + len("la Radio des Vallées"))
    s = "« Le verger revivra », a-t-elle confié au Journal du Causse."
    x = s.index("Journal")
    assert a_source(s, x, x + len("Journal du Causse"))
    s = "Elle a parlé de la Radio des Vallées."
    assert not a_source(s, s.index("la Radio"), len(s) - 1)


def _cloze(text: str, span: str, verb: str | None = None) -> bool:
    from quizgen.draft.keyfacts import cloze_on
    from quizgen.draft.nlp import Token
    from quizgen.draft.questions import Builder

    a = analyse(text)
    if verb:
        v = text.index(verb)
        a.tokens = [Token(v, v + len(verb), "VERB", verb, "ROOT", 0)]
    b = Builder(a, "article")
    x = text.index(span)
    return cloze_on(b, 0, [(x, x + len(span))])


def test_a_blank_is_never_cut_at_a_hyphen_nor_holds_a_verb():
    text = "Le conseil a signé un accord avec la coopérative Val-Fleuri pour trois ans."
    assert not _cloze(text, "coopérative Val-")
    text = "Paul Ivens niait avoir dépassé le budget du chantier."
    assert not _cloze(text, "Paul Ivens niait", verb="niait")
    assert _cloze(text, "Paul Ivens", verb="niait")
    text = "Le nouvel astéroïde se nomme K/2019 Bq7 selon les chercheurs."
    assert _cloze(text, "K/2019 Bq7", verb="K/2019")  # a name the tagger reads as a verb


def test_a_cleft_sentence_blanks_the_phrase_it_stresses():
    from quizgen.draft.keyfacts import cloze_spans
    from quizgen.draft.questions import Builder

    text = "C'est la fanfare de Lunel qui a ouvert le défilé du carnaval dimanche."
    b = Builder(analyse(text), "article")
    x, y = cloze_spans(b, 0)[0]
    assert text[x:y] == "la fanfare de Lunel"


def test_a_vague_noun_or_a_bare_acronym_is_never_blanked():
    from quizgen.draft.blanks import vague

    assert vague("une autre manière") and vague("le lieu du projet") and vague("la chose")
    assert not vague("la fermeture de la piscine") and not vague("le projet Horizon")
    assert not _cloze("Le maire présentera le projet devant le conseil.", "le projet")
    assert not _cloze("Le chantier est financé par la SNCF depuis mars.", "la SNCF")
    assert _cloze("Le chantier est financé par la région depuis mars.", "la région")


def test_a_title_and_a_name_hide_the_name_only():
    text = "Le maire a reçu son homologue italien Marco Belli à Dijon."
    from quizgen.draft.keyfacts import cloze_on
    from quizgen.draft.questions import Builder

    a = analyse(text)
    x = text.index("Marco")
    a.ner = [(x, x + len("Marco Belli"), "PER")]
    b = Builder(a, "article")
    start = text.index("homologue")
    assert cloze_on(b, 0, [(start, x + len("Marco Belli"))])
    assert "homologue italien {{c1::Marco Belli}}" in b.questions[-1]["text"]


def test_a_name_then_where_it_was_said_hides_the_name_only():
    text = "« C'est un moment merveilleux », a enchaîné Marco Belli au micro de la radio locale."
    from quizgen.draft.keyfacts import cloze_on
    from quizgen.draft.questions import Builder

    a = analyse(text)
    x = text.index("Marco")
    assert a.registry.person("Marco Belli") is not None
    b = Builder(a, "article")
    assert cloze_on(b, 0, [(x, len(text) - 1)])
    assert "{{c1::Marco Belli}} au micro de la radio locale" in b.questions[-1]["text"]


def test_what_a_protest_is_for_is_a_fact_to_blank():
    from quizgen.draft.factspans import causes

    text = "Les pêcheurs ont bloqué le port pour protester contre la hausse du gazole."
    assert [text[x:y] for x, y in causes(text, 0, len(text))] == ["hausse du gazole"]
    text = "Des parents ont manifesté samedi pour réclamer une nouvelle cantine, selon la mairie."
    assert [text[x:y] for x, y in causes(text, 0, len(text))] == ["nouvelle cantine"]


def test_a_blank_never_cuts_a_two_word_preposition():
    text = "Le club a signé une victoire face à Nantes samedi soir."
    assert not _cloze(text, "victoire face")
    assert _cloze(text, "une victoire")


def test_a_blank_never_cuts_a_pair_of_figures():
    text = "Le maire a reçu les élus des 4e et 5e arrondissements de Lyon."
    assert not _cloze(text, "élus des 4e")


def test_one_answer_is_asked_once():
    from quizgen.draft.questions import Builder

    b = Builder(analyse("Le port de Sète rouvre. Le maire de Sète se réjouit."), "article")
    one = {"id": "a", "type": "short", "source": "article", "prompt": "Où ?", "answer": "Sète"}
    two = {"id": "b", "type": "cloze", "source": "article", "text": "Le maire de {{c1::Sète}} se réjouit."}
    for q in (one, two):
        q.update(evidence="x", explanation="x", tags=["essentiel"])
    assert b.add("keyfact", one, review=False, sentence=0)
    assert not b.add("keyfact", two, review=False, sentence=1)


def test_a_blank_is_never_cut_from_its_quantity():
    text = "Les randonneurs ont marché plusieurs heures par grand froid dans le massif."
    assert not _cloze(text, "heures par grand froid")


def test_a_cleft_on_a_lone_noun_or_a_demonstrative_gives_no_blank():
    from quizgen.draft.blanks import cleft

    text = "C'est un cycliste qui a gagné l'étape."
    assert cleft(text, 0, len(text)) == []
    text = "C'est par ces paroles que la maire a ouvert la séance."
    assert cleft(text, 0, len(text)) == []


def test_a_quantity_before_a_plain_phrase_still_allows_its_blank():
    assert _cloze("Le préfet a fermé plusieurs écoles de la vallée jeudi.", "écoles de la vallée")
