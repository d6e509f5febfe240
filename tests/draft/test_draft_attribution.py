"""The patterns of French reported speech, on short texts (rules only, no model)."""

from __future__ import annotations

import pytest

from quizgen.draft.pipeline import analyse


def said(text: str) -> list[tuple[str, str | None]]:
    """(first words of each quotation, its speaker or None)."""
    return [
        (a.text[:12], a.speaker.name if a.speaker else None)
        for a in analyse(text).attributions
        if not a.name_or_title
    ]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("« Nous ne céderons pas », a déclaré Emmanuel Macron.", "Emmanuel Macron"),
        ("« Nous ne céderons pas », a alors déclaré M. Macron.", "M. Macron"),
        ("« Nous ne céderons pas », selon le communiqué de la Cour des comptes.", "la Cour des comptes"),
        ("« Nous ne céderons pas », ajoute la présidence.", "la présidence"),
        (
            "« Nous ne céderons pas », explique aux élus le conseiller du maire, Bruno Tessier.",
            "Bruno Tessier",
        ),
        ("Emmanuel Macron a déclaré : « Nous ne céderons pas. »", "Emmanuel Macron"),
        ("La ministre Anne Roy a estimé que l’accord était « un pas en avant ».", "Anne Roy"),
        ("« Nous ne céderons pas » -Reuters", "Reuters"),
        ("« Nous ne céderons pas », a écrit l’un des habitants sur Facebook.", "un habitant"),
        ("« Nous ne céderons pas », confie Yasmine, grand-mère de trois enfants.", "Yasmine"),
        ("« Nous ne céderons pas », a martelé, lundi, devant la presse, Pierre Moreau.", "Pierre Moreau"),
        ("« Rien n’est perdu » : Marie Dubois, déléguée syndicale, résume l’état d’esprit.", "Marie Dubois"),
        ("Franck Haise (entraîneur de Lens) : « Nous avons été sérieux. »", "Franck Haise"),
        ("Awa Diallo, marathonienne : « Nous avons été sérieux. »", "Awa Diallo"),
        ("Le capitaine nantais Nicolas Pallois : « Nous avons été sérieux. »", "Nicolas Pallois"),
        ("Nadia Benali, 45 ans, raconte : « Nous avons tout perdu. »", "Nadia Benali"),
        ("« Les travaux avancent bien » (Paul Girard, maire de Vienne).", "Paul Girard"),
        ("« La route restera fermée », peut-on lire dans un communiqué de la préfecture.", "la préfecture"),
        ("« La route restera fermée », a-t-on appris auprès de la préfecture.", "la préfecture"),
        (
            "Le chantier a pris du retard. Et le maire Paul Girard de conclure : « Rien n’est perdu. »",
            "Paul Girard",
        ),
        ("Nadia Benali, encore sous le choc, raconte : « Nous avons tout perdu. »", "Nadia Benali"),
    ],
)
def test_one_pattern_one_speaker(text, speaker):
    assert [s for _, s in said(text)] == [speaker]


def test_inverted_pronoun_takes_the_previous_speaker():
    text = (
        "« Les tarifs n’ont pas bougé », a déclaré Moreau. « Nous attendons la décision », a-t-il ajouté."
    )
    assert [s for _, s in said(text)] == ["Moreau", "Moreau"]


def test_elle_skips_a_masculine_candidate():
    text = (
        "La commissaire européenne, Kaja Lindholm, a parlé après M. Kovalenko. "
        "Elle a prévenu que Bruxelles resterait « vigilante »."
    )
    assert said(text)[-1][1] == "Kaja Lindholm"


def test_a_chain_of_quotes_shares_one_attribution():
    text = (
        "Ils veulent garder « la concertation », « les échanges », toujours selon le communiqué du rectorat."
    )
    assert [s for _, s in said(text)] == ["le rectorat", "le rectorat"]


def test_a_quote_alone_continues_the_previous_speaker_in_its_paragraph():
    text = "« Le chantier coûtera cher », a déclaré Anne Roy. « On nous a caché les chiffres. »"
    assert [s for _, s in said(text)] == ["Anne Roy", "Anne Roy"]


def test_a_bare_label_is_never_a_speaker():
    # "le fonctionnaire" names nobody the article names: no question rather than a label.
    text = "« Le chantier coûtera cher », a déclaré le fonctionnaire. « On nous a caché les chiffres. »"
    assert [s for _, s in said(text)] == [None, None]


def test_a_quote_alone_in_the_next_paragraph_is_kept_for_review():
    text = "« Nous restons prudents », a déclaré Anne Roy.\n\n« Rien n’est joué. »\n"
    atts = [a for a in analyse(text).attributions]
    assert atts[1].speaker.name == "Anne Roy" and atts[1].review


def test_another_one_of_the_same_people():
    text = "« C’est ridicule », a écrit l’un des habitants. « C’est logique », a ajouté un autre."
    assert [s for _, s in said(text)] == ["un habitant", "un autre habitant"]


def test_names_in_quotation_marks_are_not_quotes():
    atts = analyse(
        "Les conseillers se sont réunis dans la « Situation Room » de la Maison Blanche."
    ).attributions
    assert [(a.name_or_title, a.speaker) for a in atts] == [(True, None)]


def test_a_headline_quote_without_speaker_gets_none():
    text = "La séance est levée. « Je crois qu’elle a compris : quelle erreur ! ».\n\nLa suite.\n"
    assert said(text) == [("Je crois qu’", None)]


def test_a_pull_quote_repeated_later_is_not_attributed_twice():
    text = (
        "Ils se sont vus, ce que la mairie dément.\n\n« Le maire a dû se dire : quelle chance ! »\n\n"
        "« Le maire a dû se dire : quelle chance ! », a écrit un lecteur.\n"
    )
    assert [s for _, s in said(text)] == [None, "un lecteur"]


def test_source_line_after_a_quotation_paragraph():
    text = "« Les chars sont arrivés ce matin. »\nSource : AFP\n"
    (att,) = analyse(text).attributions
    assert att.speaker.name == "AFP" and att.review


def test_headline_name_colon_quote():
    assert said("Trail du Mont-Blanc : Inès Morel : “J’ai tenu grâce au mental”") == [
        ("J’ai tenu gr", "Inès Morel")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "La « guerre froide » revient sur le continent.",  # scare quotes, nobody speaks
        "Ils ont discuté, ont-ils dit, d’une « avancée majeure ».",  # a plural pronoun: who?
        "« Rien n’est joué », a-t-il ajouté.",  # a pronoun with nobody before it
    ],
)
def test_uncertain_speakers_are_left_out(text):
    assert [s for _, s in said(text)] == [None]


def test_subject_with_an_apposition():
    text = "La rectrice de l’académie, Hélène Brun, a salué une « initiative bienvenue »."
    assert said(text) == [("initiative b", "Hélène Brun")]


def test_coordinated_verbs_share_the_subject():
    text = "Sa professeure, Claire Jobert, a évoqué « dix ans d’efforts » et salué « une élève brillante »."
    assert [s for _, s in said(text)] == ["Claire Jobert", "Claire Jobert"]


def test_evidence_spans_the_attribution_and_the_quote():
    text = "« Le chantier coûtera cher », a déclaré le fonctionnaire. « Tout a accéléré. »"
    art = analyse(text)
    second = art.attributions[1]
    evidence = art.article.text[second.evidence[0] : second.evidence[1]]
    assert evidence.startswith("« Le chantier") and evidence.endswith("accéléré. »")


# The forms below are written as French news writes them; the sentence each test keeps
# from a published article is quoted in its comment.


def test_a_time_adverbial_between_the_verb_and_the_speaker():
    # Pattern of "a déclaré jeudi qu'il est prêt" (dev 05, Xinhua) written as an incise.
    text = "« Nous sommes prêts », a déclaré jeudi soir la ministre de la Santé, Agnès Buzyn."
    assert [s for _, s in said(text)] == ["Agnès Buzyn"]


def test_quant_a_lui_inside_the_verb_group():
    text = "Le ministre Stéphane Séjourné a quant à lui jugé qu’il fallait « tout faire pour la paix »."
    assert [s for _, s in said(text)] == ["Stéphane Séjourné"]


def test_a_role_with_an_adjective_after_the_body_then_the_name():
    # "Le chef de l'Etat … a également exclu toute démission. « Je tiens … », a-t-il affirmé." (dev 05)
    text = (
        "Le chef de l'Etat sénégalais Abdoulaye Wade a parlé à ses partisans. "
        "« Nous irons jusqu'au bout » a dit le président."
    )
    (att,) = analyse(text).attributions
    assert att.speaker.name == "Abdoulaye Wade" and att.review


def test_a_name_after_an_acronym_body():
    text = "Le secrétaire général de l'ONU Ban Ki-moon a appelé jeudi à la fin « immédiate » des tirs."
    assert [s for _, s in said(text)] == ["Ban Ki-moon"]


def test_se_dire_is_speech_not_a_name():
    # "Steinmeier se dit "très heureux"" (dev 11, headline), here after the auxiliary.
    text = "Mme Annie Ernaux a reçu le prix. Elle s'est dite « très touchée » par cette distinction."
    (att,) = analyse(text).attributions
    assert not att.name_or_title and att.speaker.name == "Annie Ernaux"


def test_a_speech_verb_closing_its_sentence_then_a_quote_alone():
    text = "M. Zinédine Zidane s'est confié au journal L'Équipe. « J'ai toujours voulu entraîner. »"
    (att,) = analyse(text).attributions
    assert att.speaker.name == "Zinédine Zidane" and att.review


def test_another_office_is_not_the_person_who_just_spoke():
    text = (
        "Le maire, Jean-Pierre Martin, a rappelé que « la culture et le sport sont essentiels ». "
        "Le sous-préfet a salué « un projet exemplaire »."
    )
    assert [s for _, s in said(text)] == ["Jean-Pierre Martin", None]


@pytest.mark.parametrize(
    "text",
    [
        # Date, side phrase and -ment adverb forms of the dev2 articles, rewritten short.
        "« C'est un scandale », a dénoncé ce mardi 4 mars Igor Petrenko, le maire de la ville.",
        "« On se battra », a répété de son côté Igor Petrenko, secrétaire du syndicat.",
        "M. Igor Petrenko a parlé. « Le club triche encore », avait-il ironiquement fait remarquer.",
    ],
)
def test_adverbials_around_an_incise(text):
    assert [s for _, s in said(text)][-1] == "Igor Petrenko"


def test_parler_de_is_speech():
    text = "La maire de Brest, Sophie Kerneis, a parlé d'une « immense fierté »."
    assert [s for _, s in said(text)] == ["Sophie Kerneis"]


def test_a_participle_after_an_incise_keeps_its_speaker():
    text = (
        "« C'est un scandale », a dénoncé M. Igor Petrenko, appelant « les élus » du conseil "
        "« à bloquer tout nouveau projet »."
    )
    assert [s for _, s in said(text)] == ["Igor Petrenko"] * 3


def test_a_participle_clause_with_its_own_subject_is_not_the_speaker():
    text = "« C'est une gifle », a dit M. Kuleba, alors que les députés, réclamant « un vote », partaient."
    assert [s for _, s in said(text)][1] is None


@pytest.mark.parametrize(
    "text",
    [
        "La ministre Anne Roy a cité Victor Hugo : « Ceux qui vivent, ce sont ceux qui luttent. »",
        "L'avocat Paul Martin a parlé. « Il est innocent », a-t-il dit, tandis que le procureur, "
        "requérant « cinq ans », restait impassible.",
    ],
)
def test_words_that_are_someone_elses(text):
    assert [s for _, s in said(text)][-1] is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("« Nous ne voterons pas », a réagi sur Twitter le président du parti, Éric Ciotti.", "Éric Ciotti"),
        ("« La grève continuera », a assuré auprès de l'AFP Sophie Binet, de la CGT.", "Sophie Binet"),
        (
            "« C'est historique », a salué jeudi soir à Bruxelles la présidente de la Commission, "
            "Ursula von der Leyen.",
            "Ursula von der Leyen",
        ),
        ("Comme l'explique Jean Dupont, maire de Rennes, « le budget est serré ».", "Jean Dupont"),
        ("« Nous avons gagné » : c'est en ces termes que le capitaine Paul Martin a conclu.", "Paul Martin"),
    ],
)
def test_complements_and_turns_around_the_speaker(text, speaker):
    assert [s for _, s in said(text)] == [speaker]


def test_a_pronoun_after_a_sentence_that_only_reports_an_act_is_to_review():
    text = (
        "Le secrétaire général de l'ONU, Antonio Guterres, a appelé à un cessez-le-feu. "
        "Il a jugé la situation « extrêmement préoccupante »."
    )
    (att,) = analyse(text).attributions
    assert att.speaker.name == "Antonio Guterres" and att.review


def test_an_elided_object_pronoun_before_the_verb():
    # "X l'assure :", "X l'a répété :": the verb after l' is still the speech verb.
    assert [s for _, s in said("Marie Lenoir l’assure : « Nous ferons appel. »")] == ["Marie Lenoir"]
    assert [s for _, s in said("Marie Lenoir l’a répété : « Nous ferons appel. »")] == ["Marie Lenoir"]


def test_a_pronoun_after_two_people_joined_by_et_is_not_resolved():
    text = (
        "Le maire Paul Girard et le préfet Jean Roux ont visité le site. « C’est inacceptable », tonne-t-il."
    )
    assert [s for _, s in said(text)] == [None]


def test_a_colon_after_the_quote_then_a_verb_that_is_not_speech():
    assert [s for _, s in said("« Nous ferons appel » : Marie Lenoir a reçu la lettre lundi.")] == [None]


def test_the_agent_of_a_passive_speech_verb_speaks_not_its_subject():
    assert [s for _, s in said("La décision a été jugée « injuste » par M. Paul Girard.")] == ["Paul Girard"]
    assert [s for _, s in said("Le chantier a été qualifié de « fiasco » lundi.")] == [None]


def test_a_relative_clause_on_the_speaker_keeps_the_speaker():
    text = (
        "Les vigiles ont repéré « trois individus » selon un voisin de l’immeuble, "
        "qui aurait vu « un sac noir » et entendu « des cris »."
    )
    assert [s for _, s in said(text)] == ["un voisin de l’immeuble"] * 3
    other = "« Rien ne change », a déclaré M. Paul Girard à Mme Anne Roux, qui a jugé la réforme « injuste »."
    assert [s for _, s in said(other)][1] != "Paul Girard"


@pytest.mark.parametrize(
    "text",
    [
        "Paul Roy a chanté sa chanson « Tout va bien » sur scène, a raconté la journaliste Anne Vidal.",
        "L’écrivaine Anne Leroy a dévoilé son roman autobiographique « Terre promise », a annoncé Paul Roy.",
        "Le collectif a lancé la pétition « Sauvons notre école », a expliqué Anne Vidal.",
        "Le jury a récompensé Anne Martin pour « Les Jours heureux » (Gallimard), un récit sobre.",
    ],
)
def test_a_title_of_a_work_is_no_one_s_words(text):
    assert said(text) == []


def test_a_plan_in_the_sentence_before_does_not_make_a_quote_a_title():
    text = "Luc Roy a annoncé un plan d’économies. « Nous devons réduire nos coûts », a-t-il expliqué."
    assert said(text) == [("Nous devons ", "Luc Roy")]


def test_an_incise_after_words_someone_else_said_before_is_to_review():
    (att,) = analyse("Le maire Paul Roy a promis « une enquête rapide », a indiqué Anne Vidal.").attributions
    assert att.speaker is not None and att.review and "Paul Roy" in att.why


def test_a_pronoun_after_a_sentence_opening_with_selon_is_that_person():
    text = (
        "Des habitants du quartier occupaient la salle des fêtes. "
        "Selon Rémi Dupont, conseiller municipal, le mouvement est soutenu. "
        "« Il y a trop d’enfants par classe », estime-t-il."
    )
    (att,) = analyse(text).attributions
    assert att.speaker is not None and att.speaker.name == "Rémi Dupont" and att.review


def test_avant_de_conclure_after_an_incise_keeps_its_speaker():
    text = "« Il faut tout reprendre », regrette Julie Roy, avant de conclure : « Quel dommage. »"
    assert said(text) == [("Il faut tout", "Julie Roy"), ("Quel dommage", "Julie Roy")]


@pytest.mark.parametrize(
    "text",
    [
        "Paul Roy et Anne Vidal ont déclaré que « rien n’est joué ».",
        "« Rien n’est joué », ont déclaré Paul Roy et Anne Vidal.",
        "Paul Roy a répondu à Anne Vidal, qui lui reprochait d’être « trop lent ».",
    ],
)
def test_words_two_people_may_have_said_are_to_review(text):
    (att,) = analyse(text).attributions
    assert att.speaker is not None and att.review and att.why


def test_a_name_read_only_in_a_label_is_to_review():
    (att,) = analyse("Affaire Dupont : « C’est une honte »\n\nLe procès s’ouvre lundi.").attributions
    assert att.speaker is None or att.review


def test_a_label_naming_a_person_of_the_article_is_confident():
    text = "Paul Roy : « Nous avons tout perdu »\n\nLe maire Paul Roy a reçu les sinistrés."
    (att,) = analyse(text).attributions
    assert att.speaker is not None and att.speaker.name == "Paul Roy" and not att.review


def test_a_document_without_author_is_not_given_to_the_person_named_before():
    text = "« Nous reconstruirons », a dit Paul Roy. « Nous avons tout perdu », indique le communiqué."
    assert said(text) == [("Nous reconst", "Paul Roy"), ("Nous avons t", None)]


def test_the_form_of_a_role_noun_gives_a_described_speaker_s_gender_for_a_pronoun():
    text = (
        "Selon Marc Lenoir, l’adjoint aux sports, la piscine rouvrira. "
        "« On y travaille », explique l’adjoint.\n\n"
        "« Les travaux seront finis en mai », ajoute-t-il."
    )
    assert said(text)[-1] == ("Les travaux ", "Marc Lenoir")


@pytest.mark.parametrize(
    "text",
    [
        "Le procureur Paul Roy a précisé que l’enquête ouverte pour « vol en bande organisée avec "
        "violences ayant entraîné une incapacité » avance.",
        "Paul Roy, mis en examen pour « abus de confiance », a dit qu’il ne savait rien.",
    ],
)
def test_a_charge_in_quotation_marks_is_no_one_s_words(text):
    assert said(text) == []


def test_a_pronoun_with_two_people_of_its_gender_just_named_is_to_review():
    text = "« Je pars », a dit M. Paul Roy à M. Marc Dupont. « Tout va bien », a-t-il répondu."
    att = analyse(text).attributions[-1]
    assert att.speaker is None or att.review


def test_a_pronoun_with_one_person_just_named_is_confident():
    att = analyse("« Je pars », a dit M. Paul Roy. « Tout va bien », a-t-il ajouté.").attributions[-1]
    assert att.speaker is not None and att.speaker.name == "Paul Roy" and not att.review


def test_a_quotation_alone_after_words_said_to_someone_named_is_to_review():
    att = analyse("« Je pars », a dit M. Paul Roy à M. Marc Dupont. « Tout va bien. »").attributions[-1]
    assert att.speaker is None or att.review
