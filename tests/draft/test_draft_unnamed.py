"""Speakers a story leaves unnamed, and speakers pointed at by a relative clause: the patterns
of local news and court reports (invented sentences)."""

from __future__ import annotations

import pytest

from quizgen.draft.pipeline import analyse


def said(text: str) -> list[tuple[str | None, bool]]:
    return [
        (a.speaker.name if a.speaker else None, a.review)
        for a in analyse(text).attributions
        if not a.name_or_title
    ]


def test_an_unnamed_witness_is_asked_about_as_described_to_review():
    text = "Le salon a ouvert samedi. « Nous avons eu beaucoup de monde », raconte la bénévole."
    (att,) = [a for a in analyse(text).attributions if not a.name_or_title]
    assert att.speaker is not None and att.speaker.name == "la bénévole"
    assert att.review and "ne nomme pas" in att.why


def test_a_defendant_the_article_does_not_name():
    text = "Le procès s'est tenu lundi. « Je n'avais rien vu », a déclaré le prévenu à la barre."
    assert said(text) == [("le prévenu", True)]


def test_a_witness_word_is_still_the_person_named_before_when_she_fits():
    text = (
        "Mme Claire Vasseur tient la buvette depuis dix ans. "
        "« Nous avons eu beaucoup de monde », raconte la bénévole."
    )
    assert said(text) == [("Claire Vasseur", True)]


def test_an_unnamed_group_of_people_speaks_as_a_group_to_review():
    text = "Le chantier a commencé lundi. « Nous n'avons pas été consultés », déplorent les riverains."
    (att,) = [a for a in analyse(text).attributions if not a.name_or_title]
    assert att.speaker is not None and att.speaker.name == "les riverains"
    assert att.review and "ne nomme pas" in att.why


def test_parents_of_pupils_are_a_group_not_someone_s_kin():
    text = "L'école perd une classe. « Nous voulons être entendus », répètent les parents d'élèves."
    assert said(text) == [("les parents d'élèves", True)]
    assert said("« Tout va bien », dit sa mère.") == [(None, False)]


def test_a_function_without_a_name_stays_unattributed():
    # A minister has a name: the label alone is no answer a teacher can check.
    text = "Le budget a été voté. « Nous tiendrons les délais », a assuré la ministre."
    assert said(text) == [(None, False)]


def test_according_to_whom_is_the_person_named_before_not_the_subject():
    # Before: the sentence's subject ("Plusieurs médecins") took the words, not flagged.
    text = (
        "Plusieurs médecins s'inquiètent, notamment le docteur Paul Garnier, chef du service de "
        "pédiatrie à Nantes, selon qui « les lits manquent déjà »."
    )
    assert said(text) == [("Paul Garnier", False)]


def test_for_whom_with_someone_else_named_before_is_to_review():
    text = "Mme Julie Perret a répondu à M. Luc Brun, pour qui « rien n'est réglé »."
    ((name, review),) = said(text)
    assert name == "Luc Brun" and review


def test_a_participle_of_speech_after_the_main_clause_gives_its_subject_to_review():
    text = "Le maire M. Jean Moreau a défendu son budget, rappelant que « les impôts n'augmenteront pas »."
    assert said(text) == [("Jean Moreau", True)]


def test_a_participle_that_is_no_speech_verb_gives_no_speaker():
    text = "M. Jean Moreau a quitté la salle, serrant « le dossier rouge » sous le bras."
    assert said(text) == [(None, False)]


def test_one_of_them_is_one_of_the_group_named_before():
    text = (
        "La navette ne passera plus le dimanche, au grand dam des usagers. "
        "« On va faire comment ? », confie l'un d'eux."
    )
    assert said(text) == [("un usager", True)]


def test_one_of_them_with_no_group_of_people_before_is_no_one():
    text = "Les prix des loyers ont encore monté. « C'est trop cher », soupire l'une d'elles."
    assert said(text) == [(None, False)]


def test_a_lead_in_quote_takes_the_speaker_of_its_words_below_to_review():
    text = (
        '"Trois mois de retard". Le chantier, lancé en mai, accumule les problèmes. '
        'Selon un ouvrier du site, il faudra "trois mois de retard au moins" pour finir.'
    )
    assert said(text) == [("un ouvrier du site", True), ("un ouvrier du site", True)]


def test_a_pronoun_stands_for_the_unnamed_witness_just_described():
    text = "La secouriste a témoigné lundi devant le tribunal. « J'ai eu très peur », raconte-t-elle."
    assert said(text) == [("la secouriste", True)]


def test_the_side_named_before_an_impersonal_on_speaks_to_review():
    text = "Du côté de la mairie, on assure que « les travaux seront finis en juin »."
    assert said(text) == [("la mairie", True)]
    text = "Du côté du club, on se veut rassurant : « Tout ira bien. »"
    assert said(text) == [("le club", True)]


def test_same_words_at_someone_s_place_before_a_colon():
    text = "Même son de cloche chez M. Paul Girard, le président du club : « On doit progresser. »"
    assert said(text) == [("Paul Girard", True)]


def test_a_quotation_alone_after_a_sentence_about_him_with_on_for_we():
    text = "L'entraîneur Franck Dubois était satisfait après la rencontre. « On a montré du caractère. »"
    assert said(text) == [("Franck Dubois", True)]


def test_a_quotation_alone_after_a_sentence_whose_subject_is_a_pronoun_for_him():
    text = (
        "Le maire Jean Dupont était présent. Interrogé sur l'avenir du site, il reste prudent. "
        "« Je ne promets rien. »"
    )
    assert said(text) == [("Jean Dupont", True)]


def test_ils_stands_for_the_group_of_people_the_sentence_before_opens_with():
    text = "Les parents d'élèves ont occupé l'école jeudi. « Nous ne partirons pas », affirment-ils."
    assert said(text) == [("les parents d'élèves", True)]


def test_ils_for_things_or_for_two_people_is_no_one():
    assert said("Les loyers ont encore augmenté. « C'est trop », disent-ils.") == [(None, False)]
    text = "M. Léo Martin et Mme Anne Roy font le tour du parc. « Un bruit ? », demandent-ils."
    assert said(text) == [(None, False)]


@pytest.mark.slow
@pytest.mark.nlp
def test_the_parsed_subject_is_the_whole_noun_phrase_not_its_end(entities):
    # Before: 'l'association Marie Roy', cut from the title, was the speaker, not flagged.
    text = "La présidente de l'association Marie Roy l'a redit : « Le combat continue. »"
    (att,) = analyse(text, entities).attributions
    assert att.speaker is not None and "Marie Roy" in att.speaker.name
    assert not att.speaker.name.startswith("l'association") and att.review


def test_words_named_as_someone_s_before_or_after_a_colon():
    text = "Le message du maire M. Jean Roux est clair : « Restez chez vous. »"
    assert said(text) == [("Jean Roux", True)]
    text = "« Restez chez vous » : le message du maire M. Jean Roux est clair."
    assert said(text) == [("Jean Roux", True)]


def test_words_with_on_for_we_then_a_sentence_about_one_person_only():
    text = "« On a été solides. » L'entraîneur brestois Éric Roy savourait la victoire."
    assert said(text) == [("Éric Roy", True)]


def test_two_groups_of_people_leave_ils_and_a_lone_quotation_to_no_one():
    text = "Les policiers ont interpellé les suspects. « On n'a rien fait », assurent-ils."
    assert said(text) == [(None, False)]
    text = "Le maire M. Jean Roux a reçu les manifestants. « On ne partira pas. »"
    assert said(text) == [(None, False)]


def test_a_speech_verb_after_et_takes_the_subject_of_its_clause():
    text = "Le prévenu semble abattu. Après une pause, il se redresse et lance aux juges « je suis désolé »."
    assert said(text) == [("le prévenu", True)]
    text = "Le maire M. Jean Roux arrive, les élus se lèvent et lancent « bravo »."
    assert said(text) == [("les élus", True)]


def test_a_relative_clause_of_speech_is_the_one_named_just_before():
    text = "Une décision saluée par le maire M. Jean Roux, qui parle d'« une victoire »."
    assert said(text) == [("Jean Roux", False)]
    text = "Le projet inquiète les riverains, qui redoutent « des nuisances »."
    assert said(text) == [("les riverains", True)]
    text = "La grève est soutenue par la CGT, qui dénonce « un plan social déguisé »."
    assert said(text) == [("la CGT", False)]


def test_qui_ajoute_before_a_colon_continues_the_one_just_named():
    text = "« Nous sommes fiers », se réjouit la directrice, Mme Anne Leroy, qui ajoute : « Bravo. »"
    assert said(text) == [("Anne Leroy", False), ("Anne Leroy", False)]


def test_et_la_directrice_d_ajouter_is_the_director_named_before():
    text = "« Ils ont adoré », assure Mme Anne Leroy. Et la directrice d'ajouter : « Nous reviendrons. »"
    assert said(text)[1] == ("Anne Leroy", True)


def test_the_same_feeling_for_someone_before_a_colon():
    text = "Même enthousiasme pour Mme Anne Leroy, directrice de l'école : « Les enfants ont adoré. »"
    assert said(text) == [("Anne Leroy", True)]


def test_a_shared_reaction_names_a_side_only_with_a_reaction_noun():
    text = "Même inquiétude chez les commerçants de la rue Victor-Hugo : « On ne voit plus personne. »"
    assert said(text) == [("les commerçants de la rue Victor-Hugo", True)]
    text = "Le même sort pour les joueurs de Lyon : « On a tout raté. »"  # a fate, not words
    assert said(text) == [(None, False)]


def test_a_side_speaks_after_a_set_phrase_of_certainty_not_after_any_word():
    text = "Chez Anne Roy, la présidente du club, aucun doute : « Nous gagnerons. »"
    assert said(text) == [("Anne Roy", True)]
    text = "Chez Anne Roy, la présidente du club, personne : « Nous gagnerons. »"
    assert said(text) == [(None, False)]


def test_a_short_name_for_an_unnamed_person_who_spoke_is_that_person():
    text = (
        "Un chauffeur de bus comparaissait mardi devant le tribunal de Brest. "
        "« Vous avez quitté les lieux sans appeler les secours », a relevé le président du tribunal. "
        "« J'ai paniqué », a répondu le prévenu. "
        "« Un passant aurait pu mourir », lui fait remarquer le président.\n"
    )
    atts = analyse(text).attributions
    assert [a.speaker.name if a.speaker else None for a in atts] == [
        "le président du tribunal",
        "le prévenu",
        "le président du tribunal",
    ]
    assert atts[2].review and "plus haut" in atts[2].why


def test_words_after_an_incise_that_speaks_to_someone_are_no_continuation():
    text = (
        "Un chauffeur de bus comparaissait mardi devant le tribunal de Brest. "
        "« Pourquoi être reparti si vite ? », l'interroge le président du tribunal. "
        "« J'avais peur de perdre mon emploi. »\n"
    )
    first, second = analyse(text).attributions
    assert first.speaker is not None and first.speaker.name == "le président du tribunal"
    assert second.speaker is None  # the defendant answering, or the judge going on: no guess


def test_the_words_after_a_question_put_to_someone_in_a_dialogue_are_their_answer():
    text = (
        "Un chauffeur de bus comparaissait mardi devant le tribunal de Brest. "
        "« J'ai paniqué », explique le prévenu. "
        "« Pourquoi ne pas avoir appelé les secours ? », l'interroge le président du tribunal. "
        "« Mon téléphone n'avait plus de batterie ! »\n"
    )
    atts = analyse(text).attributions
    assert [a.speaker.name if a.speaker else None for a in atts] == [
        "le prévenu",
        "le président du tribunal",
        "le prévenu",
    ]
    assert atts[2].review and atts[2].rule == "reply"


def test_met_en_avant_is_a_verb_of_speech():
    text = "La direction de l'usine met en avant « une baisse durable des ventes » pour fermer.\n"
    (att,) = analyse(text).attributions
    assert att.speaker is not None and "direction" in att.speaker.name


def test_words_after_an_incise_that_only_tells_someone_something_go_on_with_the_speaker():
    text = (
        "« C'était terrible », dit Anne Roux, une habitante. "
        "« Nous allons reconstruire », leur a expliqué le maire, Paul Girard. "
        "« Les travaux commenceront lundi. »\n"
    )
    atts = analyse(text).attributions
    assert atts[2].speaker is not None and atts[2].speaker.name == "Paul Girard"

