"""Reported speech as French articles write it (rules only; the slow tests load the model)."""

from __future__ import annotations

from datetime import date

import pytest

from quizgen.draft.bank import SourceInfo, build_bank
from quizgen.draft.pipeline import analyse


def speakers(text: str) -> list[str | None]:
    return [a.speaker.name if a.speaker else None for a in analyse(text).attributions if not a.name_or_title]


def quote_questions(text: str) -> list[dict]:
    draft = build_bank(analyse(text), SourceInfo(), bank_id="t", source_path="t.txt", today=date(2024, 1, 1))
    return [
        q
        for q in draft.bank.model_dump()["questions"]
        if q["type"] in ("quote", "short") and q["tags"] == ["citation"]
    ]


def test_the_speaker_tag_inside_the_quotation_marks():
    text = "« Nous partirons demain, estime Thomas Pesquet, et nous reviendrons en mai. »"
    assert speakers(text) == ["Thomas Pesquet"]


def test_the_incise_is_left_out_of_the_quote_asked():
    text = (
        "Mme Claudie Haigneré a parlé avant lui. "
        "« Nous partirons demain, estime Thomas Pesquet, et nous reviendrons en mai. »"
    )
    (q,) = quote_questions(text)
    assert q["quote"] == "Nous partirons demain […] et nous reviendrons en mai."
    assert q["speaker"] == "Thomas Pesquet"


def test_an_inverted_pronoun_inside_the_marks():
    text = "Mme Anne Roy est arrivée. « Le dossier est clos, tranche-t-elle. Nous passons à autre chose. »"
    assert speakers(text) == ["Anne Roy"]


def test_a_colon_then_the_quotation_in_the_next_paragraph():
    text = "La maire, Mme Anne Roy, a déclaré :\n\n« Nous ne céderons pas sur le budget. »\n"
    (att,) = analyse(text).attributions
    assert att.speaker.name == "Anne Roy"
    assert "a déclaré" in text[att.evidence[0] : att.evidence[1]]  # the evidence shows who


def test_reponse_after_a_question_put_to_a_named_person():
    text = (
        "Nous avons demandé à M. Paul Durand s’il se représenterait en mars. "
        "Réponse : « Certainement pas, je laisse la place. »"
    )
    (att,) = analyse(text).attributions
    assert att.speaker.name == "Paul Durand" and att.review
    assert "Réponse" in att.why


def test_reponse_is_never_a_speaker_by_itself():
    assert speakers("Réponse : « Certainement pas, je laisse la place. »") == [None]


def test_a_quote_alone_after_reported_speech_continues_its_speaker():
    text = "M. Paul Durand explique alors qu’il a été reconnu par deux clients. « J’étais hilare, vraiment. »"
    assert speakers(text) == ["Paul Durand"]


def test_a_broad_set_of_speech_verbs():
    for verb in (
        "énonce",
        "glisse",
        "martèle",
        "insiste",
        "résume",
        "confie",
        "reconnaît",
        "s’agace",
        "clame",
    ):
        text = f"« Rien n’est joué pour nous », {verb} Jeanne Martin."
        assert speakers(text) == ["Jeanne Martin"], verb


def test_possessive_and_demonstrative_labels_are_resolved_or_dropped():
    # "Sa mère" is somebody's relative, not someone the article names: no speaker.
    assert speakers("M. Paul Durand a été élu. « Je suis fière de lui », confie sa mère.") == [None]
    # "Ce dernier" is the person just named, to review.
    atts = analyse("Le club a recruté M. Paul Durand. « Je suis ravi », a déclaré ce dernier.").attributions
    assert atts[0].speaker.name == "Paul Durand" and atts[0].review and "ce dernier" in atts[0].why


def test_the_speakers_role_after_an_incise_is_left_out_too():
    text = (
        "Mme Claudie Haigneré a parlé avant lui. "
        "« C’est devenu un rituel, a rappelé Gérard Vialle, maire du bourg. Nous venons chaque année. »"
    )
    (q,) = quote_questions(text)
    assert q["quote"] == "C’est devenu un rituel. Nous venons chaque année."


@pytest.mark.slow
@pytest.mark.nlp
@pytest.mark.parametrize(
    "verb", ["a balayé", "a tenu à préciser", "a voulu rassurer", "persifle", "s’émeut", "s’étrangle"]
)
def test_an_incise_after_the_quote_needs_no_verb_list(entities, verb):
    # "« … », <any verb> X": the parser reads the verb, no list needed.
    text = f"« Nous ne lâcherons rien », {verb} la députée Clémentine Autain.\n"
    (att,) = analyse(text, entities).attributions
    assert att.speaker.name == "Clémentine Autain"


@pytest.mark.slow
@pytest.mark.nlp
def test_a_verb_before_a_colon_is_read_by_the_parser_and_flagged(entities):
    text = (
        "La députée Clémentine Autain est montée au créneau devant les élus : « Nous ne lâcherons rien. »\n"
    )
    (att,) = analyse(text, entities).attributions
    assert att.speaker.name == "Clémentine Autain" and att.review and att.why


@pytest.mark.slow
@pytest.mark.nlp
def test_hearing_a_conversation_is_not_speaking(entities):
    # Overheard words: the one who hears them is not the one who says them.
    text = "Jean-Marc Vidal entend alors une discussion : « Ce monsieur, c’est le patron. »\n"
    (att,) = analyse(text, entities).attributions
    assert att.speaker is None


@pytest.mark.slow
@pytest.mark.nlp
def test_the_subject_of_a_governing_verb(entities):
    text = "La députée Clémentine Autain veut croire que la réforme sera « retirée ».\n"
    (att,) = analyse(text, entities).attributions
    assert att.speaker.name == "Clémentine Autain"


def test_et_de_infinitive_takes_the_speaker_before():
    # The narrative infinitive: "Et d'ajouter : « … »" has no subject of its own.
    text = (
        "« Il faudrait déménager », dit M. Olivier Roux. Et d'ajouter : « Nous chercherons un autre "
        "terrain avant l'été. »"
    )
    atts = analyse(text).attributions
    assert [a.speaker.name for a in atts] == ["Olivier Roux", "Olivier Roux"]
    assert atts[1].review and "Et de" in atts[1].why


def test_a_news_agency_reporting_the_words_is_not_their_speaker():
    text = "La ministre a parlé. « Dans ces conditions, le sport passe en dernier », rapporte l'AFP."
    assert speakers(text) == [None]


def test_an_agency_after_the_words_then_a_comma_and_the_name():
    text = "« On est à trois semaines d’un accord » en Bretagne, déclare à l’AFP, Hervé Quéméner, maire."
    assert speakers(text) == ["Hervé Quéméner"]


def test_a_vague_institution_or_a_one_letter_label_is_no_speaker():
    text = "Bercy décide. Un ministère a réclamé « des économies ».\n\nR : « C'était difficile à digérer. »\n"
    assert speakers(text) == [None, None]


def test_a_sub_heading_quote_takes_the_speaker_of_the_words_below():
    text = (
        "M. Jean Roux a parlé des secours.\n\n"
        "« C'est un sauvetage exemplaire »\n\n"
        "Le commandant Paul Dimitri reconnaît que tout a été vite. « Les plongeurs ont tout donné. "
        "C'est un sauvetage exemplaire qui a sauvé cet homme. »\n"
    )
    atts = analyse(text).attributions
    assert [a.speaker.name for a in atts] == ["Paul Dimitri", "Paul Dimitri"]
    assert atts[0].rule == "echo" and atts[0].review


def test_a_lead_in_quote_does_not_continue_the_paragraph_before():
    text = (
        "« Le feu a pris vite », a dit le procureur Alain Tessard.\n\n"
        "« Un faux contrôle ». Sur la route, une voiture a coupé la route du fourgon.\n"
    )
    assert speakers(text) == ["Alain Tessard", None]


def test_one_of_his_colleagues():
    text = "« C’est injuste ! », a lancé un de ses voisins."
    assert speakers(text) == ["un de ses voisins"]


def test_a_first_name_alone_is_the_person_named_in_full():
    text = (
        "« Un renard vit dans ce parc », explique M. Hugo Bernier. « Vous l'avez déjà croisé ? », "
        "demande Hugo aux promeneurs."
    )
    assert speakers(text) == ["Hugo Bernier", "Hugo Bernier"]


def test_the_speaker_named_in_the_sentence_after():
    # "C'est par ces mots que la députée … a conclu" (a French press idiom).
    text = (
        "« Vous faites semblant d'écouter, puis vous décidez seuls ! » C'est sur ces propos que "
        "Mme Odile Marchal a conclu son intervention."
    )
    (att,) = analyse(text).attributions
    assert att.speaker.name == "Odile Marchal" and att.review


def test_an_object_pronoun_before_the_incise_verb():
    text = "Le jury est serein : « Le salon refuse ces films », nous explique Henri Dorval, son président."
    assert speakers(text) == ["Henri Dorval"]


@pytest.mark.slow
@pytest.mark.nlp
def test_a_subject_then_etre_and_an_adjective_before_the_colon(entities):
    text = "Fabien Lecoeur, délégué syndical FO, est inquiet : « La direction a fermé une ligne. »\n"
    (att,) = analyse(text, entities).attributions
    assert att.speaker.name == "Fabien Lecoeur"


@pytest.mark.slow
@pytest.mark.nlp
def test_a_lone_quote_opening_its_paragraph_then_the_person_who_reacted(entities):
    text = (
        "Le directeur du théâtre a menacé de démissionner.\n\n"
        "« Lamentable. » Invitée jeudi de Radio Sud, Sylvie Carrel a réagi à la menace.\n"
    )
    (att,) = analyse(text, entities).attributions
    assert att.speaker.name == "Sylvie Carrel" and att.review


def test_a_lone_quote_inside_a_paragraph_is_not_given_to_the_next_subject():
    text = "M. Jean Dupont a visité l'usine. « Non à la fermeture ! » Mme Anne Roy a annoncé la fermeture."
    assert speakers(text) == [None]


# ---------------------------------------------------------------- the guessing rules, kept strict


@pytest.mark.slow
@pytest.mark.nlp
def test_a_verb_of_expressing_before_a_colon_names_the_speaker(entities):
    # "exprimer" is a speech verb (s'exprimer): the subject speaks, as with "déclarer".
    text = "Mais Nathalie Brossard exprime nettement son opposition : « Le sport est essentiel. »\n"
    (att,) = analyse(text, entities).attributions
    assert att.speaker.name == "Nathalie Brossard" and att.rule == "pre"


def test_et_de_with_a_verb_that_is_not_speaking_takes_no_speaker():
    text = "« Il faudrait partir », dit M. Olivier Roux. Et de partir : « Je ne reviendrai pas. »"
    assert speakers(text) == ["Olivier Roux", None]


def test_et_d_ajouter_needs_someone_who_spoke_just_before():
    # Only the speaker of the sentence before, not any subject of it.
    text = "M. Olivier Roux visite le site lundi. Et d'ajouter : « Nous verrons bien demain. »"
    assert speakers(text) == [None]


@pytest.mark.slow
@pytest.mark.nlp
def test_the_person_named_after_a_lone_quote_must_be_the_one_who_speaks(entities):
    # "« … » Invitée …, X a réagi" gives X; here the speech verb is the mayor's, not hers.
    text = (
        "Le directeur du théâtre a menacé de démissionner.\n\n"
        "« Lamentable. » Sylvie Carrel était à Nîmes lundi, où le maire Jean Roux "
        "a répondu aux journalistes.\n"
    )
    (att,) = analyse(text, entities).attributions
    assert att.speaker is None


def test_a_sub_heading_sharing_only_its_first_words_with_a_quote_is_no_echo():
    text = (
        "M. Jean Roux a parlé des secours.\n\n"
        "« C'est une belle journée pour nous »\n\n"
        "Le commandant Paul Dimitri reconnaît que tout a été vite. « C'est une belle victoire. »\n"
    )
    atts = analyse(text).attributions
    assert atts[0].speaker is None and atts[1].speaker.name == "Paul Dimitri"


def test_a_quote_goes_on_after_one_narrative_sentence_of_the_paragraph():
    # A narrative sentence between two quotations of one speaker, naming no one else.
    text = (
        "« Sur le coup, on ne mesure pas le danger », raconte M. Jean Dimitri. "
        "Et surtout, à la différence des secouristes, les policiers n'ont pas de gilets. "
        "« Ils étaient en tee-shirt. »"
    )
    atts = [a for a in analyse(text).attributions if not a.name_or_title]
    assert [a.speaker.name for a in atts] == ["Jean Dimitri", "Jean Dimitri"]
    assert atts[1].rule == "continuation" and atts[1].review


def test_a_narrative_sentence_naming_someone_else_ends_the_speech():
    text = (
        "« Sur le coup, on ne mesure pas le danger », raconte M. Jean Dimitri. "
        "Et surtout, le capitaine Paul Martin n'était pas équipé. "
        "« Ils étaient en tee-shirt. »"
    )
    assert speakers(text) == ["Jean Dimitri", None]


@pytest.mark.slow
@pytest.mark.nlp
def test_a_speech_idiom_before_a_colon(entities):
    # "Dmitry Chernyshev est revenu à la charge dans la soirée : « Kiev vend … »" (seed kiev article).
    text = "Mme Sabine Lorrain est revenue à la charge le matin : « La ville vend ce qui nous appartient. »\n"
    (att,) = analyse(text, entities).attributions
    assert att.speaker.name == "Sabine Lorrain" and att.rule == "colon" and att.review


def test_a_narrative_sentence_about_someone_else_by_a_pronoun_ends_the_speech():
    text = (
        "« Sur le coup, on ne mesure pas le danger », raconte Mme Anne Dimitri. "
        "Plus loin, il attend les secours depuis une heure. "
        "« Ils étaient en tee-shirt. »"
    )
    assert speakers(text) == ["Anne Dimitri", None]


def test_words_an_agency_reports_are_those_of_the_person_who_spoke_before():
    text = (
        "La ministre Anne Roux a défendu le budget devant les députés. "
        "« Le budget est préservé », rapporte l’AFP."
    )
    (att,) = analyse(text).attributions
    assert att.speaker.name == "Anne Roux" and att.review and "agence" in att.why


def test_a_pronoun_goes_to_the_one_person_of_its_gender_named_before():
    text = (
        "La ministre Anne Roux a rencontré le préfet Paul Girard lundi.\n\n"
        "« Nous avons beaucoup avancé », ajoute-t-il.\n"
    )
    (att,) = analyse(text).attributions
    assert att.speaker.name == "Paul Girard" and att.review and "pronom" in att.why


def test_a_pronoun_is_not_resolved_when_two_people_may_be_meant():
    text = (
        "Le ministre Jean Roux a rencontré le préfet Paul Girard. La ministre Anne Petit était là.\n\n"
        "« Nous avons beaucoup avancé », ajoute-t-elle. « Et nous continuerons », ajoute-t-il.\n"
    )
    assert speakers(text) == ["Anne Petit", None]


def test_a_lone_quote_after_a_speech_verb_and_its_object():
    text = "Le maire Paul Girard a annoncé son départ.\n« J’ai pris cette décision après mûre réflexion. »\n"
    (att,) = analyse(text).attributions
    assert att.speaker.name == "Paul Girard" and att.review


@pytest.mark.parametrize(
    "after",
    [
        "C’est ce qu’a affirmé lundi le directeur Pierre Moreau.",
        "Voilà ce qu’a promis Pierre Moreau devant les salariés.",
        "Ce sont les mots du directeur Pierre Moreau.",
    ],
)
def test_the_sentence_after_a_lone_quote_says_who_said_it(after):
    (att,) = analyse(f"« Nous ne fermerons pas l’usine. » {after}").attributions
    assert att.speaker.name == "Pierre Moreau" and att.review


def test_an_adverb_between_the_verb_of_an_incise_and_its_speaker():
    text = "« Nous ne lâcherons rien », résume sobrement la députée Clémentine Autain."
    assert speakers(text) == ["Clémentine Autain"]


@pytest.mark.slow
@pytest.mark.nlp
def test_a_passive_verb_before_a_colon_gives_its_agent(entities):
    text = "Mme Anne Roux a été interpellée par M. Paul Girard : « Vous avez tort. »\n"
    (att,) = analyse(text, entities).attributions
    assert att.speaker.name == "Paul Girard" and att.review


def test_q_and_r_labels_of_an_interview():
    text = (
        "Nous avons interrogé M. Paul Durand sur son départ.\n\n"
        "Q : Pourquoi partir maintenant ?\n\n"
        "R : « Il était temps de passer la main. »\n"
    )
    (att,) = analyse(text).attributions
    assert att.speaker.name == "Paul Durand" and att.review


@pytest.mark.parametrize("took_the_floor", ["a pris la parole", "s’est exprimé devant la presse"])
def test_a_lone_quote_after_someone_takes_the_floor(took_the_floor):
    text = f"Le maire Paul Girard {took_the_floor}.\n\n« Je suis fier de cette équipe. »\n"
    (att,) = analyse(text).attributions
    assert att.speaker.name == "Paul Girard" and att.review


@pytest.mark.parametrize(("incise", "speaker"), [("prédit-il", "Paul Léna"), ("paraît-il", None)])
def test_an_inverted_pronoun_after_a_quote_needs_no_verb_list(incise, speaker):
    text = f"Le chercheur Paul Léna a parlé lundi. « Nous verrons des planètes comme la Terre », {incise}."
    assert speakers(text) == [speaker]


def test_an_inverted_pronoun_inside_the_marks_needs_no_verb_list():
    text = "Le chercheur Paul Léna a parlé lundi. « Dans dix ans, prédit-il, nous verrons des planètes. »"
    assert speakers(text) == ["Paul Léna"]


def test_a_first_person_quote_then_a_sentence_about_one_named_person():
    text = "« Nous tiendrons les délais. » Paul Girard, maire de Vienne, se veut rassurant."
    (att,) = analyse(text).attributions
    assert att.speaker.name == "Paul Girard" and att.review
    assert speakers("« Le chantier avance. » Paul Girard, maire de Vienne, se veut rassurant.") == [None]


def test_c_est_ainsi_que_names_the_speaker_of_the_quotation_before_only_with_a_speech_verb():
    text = "« Le club doit se réformer. » C'est ainsi que M. Paul Girard a résumé la situation."
    assert speakers(text) == ["Paul Girard"]
    text = "« Le club doit se réformer. » C'est ainsi que M. Paul Girard a quitté la salle."
    assert speakers(text) == [None]


def test_an_incise_between_dashes_inside_the_quotation_marks():
    assert speakers("« Nous agirons – a déclaré M. Paul Roy – et vite. »") == ["Paul Roy"]


def test_according_to_the_words_of_someone_is_that_someone():
    assert speakers("« Nous agirons », selon les propos de la ministre Anne Roy.") == ["Anne Roy"]


def test_the_speaker_after_adverbials_the_first_one_without_a_comma():
    text = "« Nous agirons », a déclaré lundi à Lyon, devant la presse, le ministre de l'Intérieur, Paul Roy."
    assert speakers(text) == ["Paul Roy"]


@pytest.mark.parametrize("opener", ["Aux yeux de", "De l'avis de", "Pour reprendre les mots de"])
def test_in_the_eyes_of_someone_is_according_to_someone(opener):
    assert speakers(f"{opener} M. Jean Roux, le projet est « une folie ».") == ["Jean Roux"]


def test_a_headline_quote_that_condenses_the_words_below_takes_their_speaker():
    text = (
        "« On a eu peur » : dans le Jura, un orage ravage des vergers\n\n"
        "La grêle a tout détruit en dix minutes. « On a vraiment eu très peur, les arbres sont à terre », "
        "raconte Paul Dimitri, arboriculteur.\n"
    )
    atts = analyse(text).attributions
    assert atts[0].speaker is not None and atts[0].speaker.name == "Paul Dimitri" and atts[0].review
    far = text.replace("On a vraiment eu très peur", "On a eu, avec tous les voisins du village, très peur")
    assert analyse(far).attributions[0].speaker is None  # too many words left out to be the same words


def test_a_headline_quote_is_no_echo_of_its_negation():
    text = (
        "« Il faut agir » : dans le Jura, un orage ravage des vergers\n\n"
        "La grêle a tout détruit. « Il ne faut pas agir dans la précipitation », "
        "estime Paul Dimitri, arboriculteur.\n"
    )
    assert analyse(text).attributions[0].speaker is None
