"""Every drafted question reads alone, whole and fair: no pointer to another sentence, no extract
cut on a word that needs the next one, no unbalanced mark, no cue in the form (readable.py, the
openings of openings.py and the cuts of textbits.window). Sentences invented in the general
patterns; the tests marked slow read the parse."""

from __future__ import annotations

from datetime import date

import pytest

from quizgen.draft.bank import SourceInfo, build_bank
from quizgen.draft.pipeline import analyse
from quizgen.draft.readable import readable
from quizgen.draft.textbits import BLANK, leans_back, window


def statement(said: str) -> dict:
    return {"id": "s", "type": "true_false", "statement": f"D’après l’article : « {said} »", "answer": True}


def cloze(text: str) -> dict:
    return {"id": "c", "type": "cloze", "text": text}


def shown(q: dict) -> str | None:
    out = readable(q)
    return None if out is None else out[0].get("statement") or out[0].get("text") or out[0].get("prompt")


def drafted(text: str, entities=None) -> list[str]:
    bank = build_bank(
        analyse(text, entities), SourceInfo(), bank_id="t", source_path="t.txt", today=date(2024, 1, 1)
    ).bank
    return [
        q.get("statement") or q.get("text") or q.get("prompt") or q.get("quote") or ""
        for q in bank.model_dump()["questions"]
    ]


def test_a_possessive_opening_the_sentence_points_to_another_one():
    assert shown(statement("Leur salaire a doublé en dix ans selon le syndicat.")) is None
    assert shown(statement("Sa décision a surpris les élus du conseil municipal.")) is None
    assert shown(statement("Le salaire des ouvriers a doublé en dix ans selon le syndicat."))


def test_a_demonstrative_opening_the_sentence_points_to_another_one_but_a_time_does_not():
    assert shown(cloze("Ce film, tourné en Bretagne, a reçu le {{c1::prix Louis-Delluc}}.")) is None
    assert shown(cloze("Cette année, le festival accueille {{c1::quarante}} groupes.")) is not None
    assert shown(cloze("Ce mardi, le conseil a voté le {{c1::budget}} de la ville.")) is not None


def test_a_demonstrative_before_a_number_becomes_the_number_in_brackets():
    out = readable(statement("Ces trois élus ont voté contre le budget de la commune."))
    assert out is not None
    assert out[0]["statement"] == (
        "D’après l’article : « [Trois] élus ont voté contre le budget de la commune. »"
    )


def test_a_pointing_pronoun_as_the_subject_after_a_fronted_phrase_is_not_asked():
    assert shown(statement("Selon la mairie, ceux-ci seront repeints au printemps prochain.")) is None
    assert shown(statement("Les bancs seront repeints au printemps, et celui-ci sera fermé.")) is not None


def test_an_extract_cut_on_a_word_that_needs_the_next_one_is_refused():
    assert shown(cloze("Ils occupaient le {{c1::lundi 2 mars}} l’école pour protester, l’une des …")) is None
    assert shown(cloze("La ministre viendra le {{c1::samedi 28 août}}, a …")) is None
    assert shown(cloze("Les députés ont voté le texte par {{c1::26}} voix contre 3 …")) is None
    assert shown(cloze("Ils occupaient le {{c1::lundi 2 mars}} l’école contre la fermeture …")) is not None


def test_unbalanced_brackets_or_quotation_marks_are_refused_and_a_dangling_bracket_cut_off():
    assert shown(cloze("Le maire (élu en 2020 a signé le {{c1::contrat}} avec la région.")) is None
    assert shown(cloze('Le maire a dit "nous signerons le {{c1::contrat}} avec la région.')) is None
    assert shown(cloze("Le maire (élu en 2020) a signé le {{c1::contrat}} avec la région.")) is not None
    role = {"id": "r", "type": "single", "prompt": "D’après l’article, qui est « seul candidat ( » ?"}
    assert shown(role) == "D’après l’article, qui est « seul candidat » ?"


def test_an_elided_article_before_a_gap_goes_inside_it_or_is_written_in_full():
    text = shown(cloze("Le dossier a été transmis par l’{{c1::Agence régionale de santé}} lundi soir."))
    assert text == "Le dossier a été transmis par {{c1::l’Agence régionale de santé}} lundi soir."
    where = {"id": "w", "type": "short", "answer": "Angers",
             "prompt": f"D’après l’article, quel lieu manque : « On cherche près d'{BLANK}. » ?"}
    assert shown(where) == f"D’après l’article, quel lieu manque : « On cherche près de {BLANK}. » ?"


def test_a_blank_whose_answer_the_prompt_shows_is_refused():
    who = {
        "id": "q",
        "type": "single",
        "answer": "Marie Dupont",
        "choices": ["Marie Dupont", "Paul Roy"],
        "prompt": f"D’après l’article, qui complète cette phrase : « {BLANK} a salué le travail de "
        "Marie Dupont pendant la crise. » ?",
    }
    assert shown(who) is None
    assert shown(cloze("Le {{c1::Sénat}} votera le texte en mars, puis le Sénat le renverra.")) is None


def test_a_short_quotation_built_on_a_pointer_says_nothing_alone():
    assert readable({"id": "q", "type": "quote", "quote": "Je préfère cette formule-là"}) is None
    assert readable({"id": "q", "type": "quote", "quote": "C'est la honte, la honte"}) is None
    assert readable({"id": "q", "type": "quote", "quote": "un cheval de Troie"}) is not None
    said = "C’est un projet qui changera la vie des habitants du quartier pour longtemps"
    assert readable({"id": "q", "type": "quote", "quote": said}) is not None


def test_an_adverb_pointing_back_is_dropped():
    assert shown(statement("Les pompiers ont d'ailleurs ouvert une enquête sur l'incendie.")) == (
        "D’après l’article : « Les pompiers ont ouvert une enquête sur l'incendie. »"
    )
    assert shown(cloze("Par ailleurs, le maire a annoncé la {{c1::fin des travaux}} en mai.")) == (
        "Le maire a annoncé la {{c1::fin des travaux}} en mai."
    )


def test_a_litotes_keeps_its_negation_in_small_letters():
    assert shown(statement("Les travaux NE sont PAS passés inaperçus dans le quartier de la gare.")) == (
        "D’après l’article : « Les travaux ne sont pas passés inaperçus dans le quartier de la gare. »"
    )
    assert shown(statement("Sa victoire au tournoi NE surprenait GUÈRE ses proches.")) is None  # "Sa"
    assert "ne faisait guère de doute" in shown(statement("Le départ NE faisait GUÈRE de doute lundi."))
    kept = "D’après l’article : « Le ministre NE viendra PAS à la réunion de lundi. »"
    assert shown(statement("Le ministre NE viendra PAS à la réunion de lundi.")) == kept


def test_an_inverted_pronoun_becomes_the_person_the_extract_names_or_the_question_goes():
    out = readable(statement("[Paul Durand] continuera de peindre des fresques, a-t-il assuré."))
    assert out is not None
    assert "a assuré [Paul Durand]" in out[0]["statement"] and "Paul Durand" in out[1]
    assert readable(statement('"Nous avons 107 élèves cette année", estime-t-il devant la presse.')) is None
    assert readable(statement("Il y a 107 élèves, faut-il fermer une classe pour autant ?")) is None


def test_a_window_never_ends_on_a_word_that_needs_the_next_one_and_closes_its_quotation():
    text = (
        "Des riverains bloquaient, à l'aube du jeudi 12 mars, l'entrée du chantier de la rocade pour "
        "s'opposer à l'abattage de l'un des trois grands platanes de la place du marché de la commune."
    )
    a = text.index("jeudi")
    pre, _mid, post = window(text, 0, len(text), a, a + len("jeudi 12 mars"), words=20)
    assert post.endswith(" …") and post[:-2].split()[-1] not in ("des", "l'un", "de", "la", "du")
    said = '"Nous voulons créer à Coutances un pôle du jazz qui accueillera des artistes", dit le député.'
    a = said.index("Coutances")
    pre, mid, post = window(said, 0, len(said), a, a + len("Coutances"), words=10)
    assert (pre + mid + post).count('"') % 2 == 0, (pre, mid, post)


def test_an_impersonal_il_points_to_no_one():
    assert not leans_back("Il est important de voter dimanche.")
    assert not leans_back("Il était prévu qu’il vienne lundi.")
    assert leans_back("Il est parti lundi pour Paris.")
    assert leans_back("Il était recherché par la police pour un cambriolage en 2019.")


def test_a_window_cut_before_the_blank_starts_at_an_article_when_no_comma_is_near():
    # Invented: a long sentence with no comma, cut before the figure.
    text = (
        "Accompagnée des adjoints et des agents de la mairie et des bénévoles du comité des fêtes du "
        "village voisin la présidente de l’association des amis du vieux moulin de la vallée Claire "
        "Fontenel a accueilli tous les visiteurs venus de la région entière en racontant l’histoire de "
        "ces onze semaines de chantier."
    )
    a = text.index("onze")
    pre, _mid, _post = window(text, 0, len(text), a, a + len("onze semaines"))
    first = pre.split()[1]
    assert pre.startswith("… ") and (first in ("le", "la", "les", "du", "des") or first.startswith("l’")), pre


def test_a_sentence_of_up_to_forty_words_is_shown_whole():
    # Invented: 39 words, no cut (an extract cut mid-phrase reads badly).
    text = (
        "Le conseil municipal de Villebrune réuni jeudi soir dans la salle des fêtes de la commune a "
        "voté la fermeture de la piscine municipale après 42 ans d’activité et plusieurs années de "
        "pertes pour le budget de la ville."
    )
    a = text.index("42 ans")
    pre, _mid, post = window(text, 0, len(text), a, a + len("42 ans"))
    assert not pre.startswith("…") and not post.endswith("…"), (pre, post)


def test_soit_opening_a_restatement_leans_on_the_sentence_before():
    assert leans_back("Soit 120 emplois supprimés sur le site.")
    assert leans_back("Soit en abrégé : MOT.")
    assert not leans_back("Soit il part, soit il reste.")


@pytest.mark.slow
@pytest.mark.nlp
def test_a_main_subject_pronoun_after_a_fronted_phrase_is_its_person_or_not_asked(entities):
    text = (
        "Le maire de Rennes a visité mardi les escaliers de la gare, très abîmés par le sel. "
        "Selon l'adjoint aux travaux, ceux-ci seront rénovés avant le 15 décembre 2025.\n\n"
        "Après deux heures de visite, il a promis 300 000 euros pour la rénovation de la gare."
    )
    said = " ".join(drafted(text, entities))
    assert "ceux-ci" not in said and ", il a promis" not in said, said


@pytest.mark.slow
@pytest.mark.nlp
def test_an_elliptic_lead_in_before_a_colon_is_cut_with_its_connector(entities):
    text = (
        "Pour voir les aurores boréales depuis la Bretagne, il faudra être patient. "
        "Et surtout d’une paire de jumelles : les aurores reviendront en 2027, mais très bas sur l'horizon."
    )
    said = drafted(text, entities)
    assert not [s for s in said if "urtout d’une paire de jumelles" in s], said


@pytest.mark.slow
@pytest.mark.nlp
def test_a_sentence_with_no_verb_is_not_asked(entities):
    text = (
        "La médiathèque de Rignac a été inaugurée samedi par le maire Jean-Marc Calvet.\n\n"
        "Une ouverture très attendue après quatorze mois de travaux et 2 millions d'euros de dépenses."
    )
    said = drafted(text, entities)
    assert said and not [s for s in said if "ouverture très attendue" in s], said


def test_a_demonstrative_or_possessive_noun_phrase_becomes_the_earlier_mention_that_names_it():
    text = (
        "Les médecins lyonnais de l'essai clinique Horizon ont publié leurs conclusions jeudi. "
        "Cet essai clinique, mené auprès de plus de 4 000 malades en France, n’a révélé aucun bénéfice.\n\n"
        "Le club a annoncé mercredi l'arrivée de Paul Durand au poste d'entraîneur. "
        "Son arrivée intervient après une défaite 8 à 2 face au Bayern en quarts de finale."
    )
    said = " ".join(drafted(text))
    assert "[L'essai clinique Horizon], mené auprès de plus de" in said, said
    assert "Cet essai" not in said and "Son arrivée" not in said, said


def test_a_demonstrative_noun_phrase_with_two_possible_mentions_is_not_asked():
    text = (
        "L'essai clinique Horizon et l'essai clinique Boréal ont été lancés en mai. "
        "Cet essai clinique, mené auprès de plus de 4 000 malades en France, n’a révélé aucun bénéfice."
    )
    said = " ".join(drafted(text))
    assert "4 000" not in said.replace("_____", "") and "Cet essai" not in said, said


@pytest.mark.slow
@pytest.mark.nlp
def test_an_inverted_pronoun_with_no_quotation_is_the_one_person_named_just_before(entities):
    text = (
        "Le directeur du site, Sébastien Morel, a reçu mercredi les salariés devant l'usine.\n\n"
        "Une visite des nouveaux ateliers pourrait avoir lieu le 14 octobre, a-t-il indiqué."
    )
    said = " ".join(drafted(text, entities))
    assert "a-t-il" not in said and "a indiqué [Sébastien Morel]" in said, said


@pytest.mark.slow
@pytest.mark.nlp
def test_a_pronoun_after_a_pronoun_is_the_person_the_first_one_stands_for(entities):
    text = (
        "Michel Durand s'est fendu d'un long message sur son blog samedi soir. "
        "Il y explique que sa ville ne compte qu'une seule librairie. "
        "Lundi 9 décembre, il est donc allé acheter 12 livres dans la ville voisine."
    )
    said = " ".join(drafted(text, entities))
    assert "[Michel Durand] est donc allé" in said or "il est donc allé" not in said, said
    assert "[Michel Durand] est donc allé" in said, said


@pytest.mark.slow
@pytest.mark.nlp
def test_a_pronoun_after_a_blank_is_replaced_too(entities):
    text = (
        "Michel Durand a publié un long message sur son blog samedi soir.\n\n"
        "Le 9 décembre 2024, il a acheté des livres anciens dans la librairie du village voisin."
    )
    said = drafted(text, entities)
    assert not [s for s in said if ", il a acheté" in s], said
    assert [s for s in said if "{{c1::9 décembre 2024}}, [Michel Durand] a acheté" in s], said  # not dropped


@pytest.mark.slow
@pytest.mark.nlp
def test_a_connector_then_a_fronted_phrase_then_a_pronoun_is_read_as_one_opening(entities):
    text = (
        "Le tribunal de Vannes a jugé jeudi un livreur de 27 ans pour excès de vitesse.\n\n"
        "Et pour cause ce soir là, vers minuit, au retour d'un mariage il roule beaucoup trop vite."
    )
    said = " ".join(drafted(text, entities))
    assert "mariage il roule" not in said, said
    # The sentence itself: never read as written (its subject pronoun is behind the fronted phrase).
    from quizgen.draft.openings import opening
    from quizgen.draft.pipeline import analyse

    a = analyse(text, entities)
    second = a.article.text[a.sentences[1].start : a.sentences[1].end]
    found = opening(a, 1)
    assert found is None or "mariage il roule" not in found.apply(" ".join(second.split())), found


@pytest.mark.slow
@pytest.mark.nlp
def test_et_pour_cause_is_dropped_as_one_connector(entities):
    text = (
        "La piscine municipale de Montreuil-sur-Loire reste fermée tout l'été.\n\n"
        "Et pour cause, il y a une fuite de 300 mètres cubes par jour dans le grand bassin."
    )
    said = " ".join(drafted(text, entities))
    assert "Pour cause" not in said and "pour cause" not in said, said
