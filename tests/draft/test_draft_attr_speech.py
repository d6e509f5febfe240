"""More patterns of French reported speech, on short invented texts (rules only, no model)."""

from __future__ import annotations

from quizgen.draft.pipeline import analyse


def said(text: str) -> list[tuple[str, str | None, bool]]:
    """(first words of each quotation, its speaker or None, review)."""
    return [
        (a.text[:12], a.speaker.name if a.speaker else None, a.review)
        for a in analyse(text).attributions
        if not a.name_or_title
    ]


def test_fragments_joined_by_a_preposition_share_the_incise_of_the_last_one():
    text = (
        "La crue reste «maîtrisée» et «locale», grâce à «des digues neuves», "
        "a indiqué M. Ferrand."
    )
    assert said(text) == [
        ("maîtrisée", "M. Ferrand", False),
        ("locale", "M. Ferrand", False),
        ("des digues n", "M. Ferrand", False),
    ]


def test_an_incise_in_the_middle_of_the_sentence_covers_the_words_after_it():
    text = "Les pluies ont cessé mardi, a ajouté Claire Vidal, avec des dégâts «très lourds» dans la vallée."
    assert said(text) == [("très lourds", "Claire Vidal", False)]


def test_a_subject_before_the_verb_is_no_incise():
    # "X a dit, …, « … »": the ordinary order, read as before (the subject speaks).
    text = "Claire Vidal a répondu, lundi, que les dégâts étaient «très lourds» dans la vallée."
    assert said(text) == [("très lourds", "Claire Vidal", False)]


def test_a_line_naming_a_person_under_a_quotation_alone_is_its_credit():
    text = (
        "« Le chantier reprendra dès que la rivière aura baissé. Nous y veillerons. »\n\n"
        "Hélène Marchal la maire de Vienne, au sujet du pont qui a été fermé lundi.\n"
    )
    assert said(text) == [("Le chantier ", "Hélène Marchal", True)]


def test_a_sentence_under_a_quotation_is_no_credit_line():
    text = (
        "« Le chantier reprendra dès que la rivière aura baissé. »\n\n"
        "Hélène Marchal est arrivée lundi sur le pont.\n"
    )
    assert said(text) == [("Le chantier ", None, False)]


def test_the_person_of_a_relative_clause_before_a_colon_speaks_whatever_the_verb():
    text = (
        "Au port, c'est la navigatrice Ana Roux, qui avait rejoint son équipage : "
        "« Ils ont tenu bon dans la tempête. »"
    )
    assert said(text) == [("Ils ont tenu", "Ana Roux", True)]


def test_a_relative_clause_on_a_placard_before_a_colon_gives_no_speaker():
    text = "Au port, on voyait la navigatrice Ana Roux, qui brandissait une pancarte : « Ils ont tenu bon. »"
    assert said(text) == [("Ils ont tenu", None, False)]


def test_the_incise_closing_the_sentence_past_complements_speaks_the_quotation():
    text = "« Le pont rouvrira » après les travaux, au printemps, a promis Louis Mercier."
    assert said(text) == [("Le pont rouv", "Louis Mercier", False)]


def test_a_term_quoted_after_an_article_takes_no_late_incise():
    text = "Les élus voteront le « plan vélo » au printemps, dans la salle, a ajouté Louis Mercier."
    assert said(text) == [("plan vélo", None, False)]


def test_a_demonstrative_description_after_a_named_complement_is_the_person_named_before():
    text = (
        "Le glacier recule vite, a expliqué Nora Vasseur, conseillère scientifique du parc. "
        "Il a perdu « un tiers de sa masse », a dit à la Radio Suisse Romande cette glaciologue."
    )
    assert said(text) == [("un tiers de ", "Nora Vasseur", True)]


def test_a_relative_named_in_the_speakers_apposition_does_not_stop_the_continuation():
    # "a ajouté l'entraîneur, fils du directeur Paul Lemaire": Paul Lemaire describes the coach.
    text = (
        "« Nous repartirons en tournée », a dit l'entraîneur Hugo Lemaire au directeur du club, Marc Brun. "
        "« Je pense à ma sœur », a ajouté l'entraîneur, fils du directeur Paul Lemaire."
    )
    assert said(text)[1] == ("Je pense à m", "Hugo Lemaire", True)


def test_a_first_name_that_differs_is_another_person_of_the_same_surname():
    text = (
        "« Nous repartirons en tournée », a dit l'architecte Hugo Lemaire au directeur du musée. "
        "Il avait reçu la veille l'architecte Anna Lemaire."
    )
    assert said(text) == [("Nous reparti", "Hugo Lemaire", False)]


def test_the_sentence_after_a_quotation_names_it_as_someones_finding():
    text = "« Les abeilles reviennent dans les vergers. » C'est le constat de Lucie Garnier."
    assert said(text) == [("Les abeilles", "Lucie Garnier", True)]


def test_the_same_tone_on_another_side_before_a_colon():
    text = "Même tonalité chez Lucie Garnier : « Les abeilles reviennent dans les vergers. »"
    assert said(text) == [("Les abeilles", "Lucie Garnier", True)]


def test_a_full_name_before_a_relative_of_speech_speaks():
    text = "Lucie Garnier, qui dénonce « un abandon des vergers », a quitté la réunion."
    assert said(text) == [("un abandon d", "Lucie Garnier", False)]


def test_a_en_croire_names_the_source_of_the_words():
    text = "À en croire Lucie Garnier, les vergers seront « sauvés »."
    assert said(text) == [("sauvés", "Lucie Garnier", False)]


def test_faire_etat_de_is_speech():
    text = "Lucie Garnier fait état de « vergers sauvés »."
    assert said(text) == [("vergers sauv", "Lucie Garnier", False)]


def test_a_relative_on_the_speaker_does_not_stop_avant_de_conclure():
    text = (
        "« Les vergers renaissent », observe Lucie Garnier, qui dirige la coopérative, "
        "avant de conclure : « La récolte sera belle. »"
    )
    assert said(text) == [("Les vergers ", "Lucie Garnier", False), ("La récolte s", "Lucie Garnier", False)]


def test_a_description_opening_the_sentence_with_an_elided_article_is_resolved():
    text = "Lucie Garnier, maire de Cluny, a ouvert la séance. L'élue a déclaré : « La récolte sera belle. »"
    assert said(text) == [("La récolte s", "Lucie Garnier", True)]


def test_an_impersonal_on_at_a_body_names_the_body_to_review():
    text = "« Les vergers seront protégés », indique-t-on à la préfecture de l'Yonne."
    assert said(text) == [("Les vergers ", "la préfecture de l'Yonne", True)]


def test_a_party_label_in_brackets_inside_the_role_before_the_name():
    text = "« Les vergers seront protégés », assure la sénatrice (PS) de l'Yonne, Lucie Garnier."
    assert said(text) == [("Les vergers ", "Lucie Garnier", False)]


def test_a_channel_with_a_number_before_the_speaker():
    text = "« Les vergers seront protégés », a expliqué lundi sur France 5 Lucie Garnier."
    assert said(text) == [("Les vergers ", "Lucie Garnier", False)]


def test_voici_ce_qu_a_declare_x_before_a_colon():
    text = "Voici ce qu'a déclaré Lucie Garnier : « La récolte sera belle. »"
    assert said(text) == [("La récolte s", "Lucie Garnier", False)]


def test_a_quotation_resumed_after_the_incise_keeps_its_speaker():
    text = "« Les vergers renaissent », explique Lucie Garnier, « et la récolte sera belle »."
    assert said(text) == [("Les vergers ", "Lucie Garnier", False), ("et la récolt", "Lucie Garnier", False)]


def test_a_quotation_after_another_clause_is_not_resumed():
    text = "« Les vergers renaissent », explique Lucie Garnier, tandis que l'État dénonce « un gâchis »."
    assert said(text)[1][1] != "Lucie Garnier"


def test_a_complement_naming_a_newspaper_before_the_speaker():
    text = "« Les vergers renaissent », confie dans les colonnes du Progrès Lucie Garnier."
    assert said(text) == [("Les vergers ", "Lucie Garnier", False)]


def test_a_complement_of_two_nouns_before_the_speaker():
    text = "« Les vergers renaissent », a déclaré en conférence de presse Lucie Garnier."
    assert said(text) == [("Les vergers ", "Lucie Garnier", False)]


def test_a_role_after_adverbials_between_commas_then_whom_it_was_said_to():
    intro = "Julie Marchand, la nouvelle présidente, a rencontré les bénévoles du club samedi. "
    incise = "« Je ne connais pas encore tout le monde », reconnaît, en souriant, la nouvelle présidente"
    first = analyse(f"{intro}{incise} aux bénévoles.\n").attributions[0]
    assert first.speaker is not None and first.speaker.name == "Julie Marchand"
    other = analyse(f"{intro}{incise} avant de partir.\n").attributions[0]
    assert other.speaker is None  # a clause goes on after the role: not a closing incise


def test_an_inverted_incise_closing_the_sentence_reports_the_quotations_before_it():
    text = (
        "Le musée rouvrira en juin, « sans doute », a précisé une porte-parole, Léa Garnier. "
        "« Trois gardiens restent sur place », dont le chef de la sécurité, mais la plupart des agents, "
        "« ceux de l'accueil », ont été mis au chômage partiel, a-t-elle expliqué.\n"
    )
    atts = analyse(text).attributions
    assert [a.speaker.name if a.speaker else None for a in atts] == ["Léa Garnier"] * 3
    assert atts[1].review and atts[2].review
    going_on = text.replace("a-t-elle expliqué.", "a-t-elle expliqué, reprenant un article du Télégramme.")
    assert [a.speaker is not None for a in analyse(going_on).attributions] == [True, True, True]
    term = text.replace("la plupart des agents, « ceux", "le début du « plan de relance », « ceux")
    assert analyse(term).attributions[2].speaker is None  # a thing's name, no one's words


def test_a_closing_incise_that_is_a_question_or_no_speech_reports_nothing():
    asked = "Le budget, « trop serré », tiendra-t-il ?\n"
    assert analyse(asked).attributions[0].speaker is None
