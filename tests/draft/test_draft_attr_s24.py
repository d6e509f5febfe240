"""Speakers written in ways the rules missed on published articles and on adversarial probes: a
description standing for the one person it fits, a relative clause left open before the verb, an
adverbial inside a verb of several words, a title the lists lack; and the bounds an overfit audit
set on those rules (invented texts; slow: model)."""

from __future__ import annotations

import pytest

from quizgen.draft.pipeline import analyse

pytestmark = [pytest.mark.slow, pytest.mark.nlp]


def _who(text: str, entities) -> list[tuple[str, str | None, bool]]:
    """(quotation start, speaker, review) for each quotation."""
    a = analyse(text, entities)
    return [(att.text[:12], att.speaker.name if att.speaker else None, att.review) for att in a.attributions]


def test_an_epithet_in_the_singular_stands_for_the_leader_of_that_group(entities):
    text = (
        "La cheffe de file des écologistes, Maud Berthier, a reconnu sa défaite dimanche.\n\n"
        "« C'est une soirée difficile pour nous tous », a déclaré l'écologiste devant ses soutiens."
    )
    [(_q, speaker, review)] = _who(text, entities)
    assert speaker == "Maud Berthier" and review


def test_a_synonym_of_the_persons_profession_stands_for_her(entities):
    # The article calls her "la romancière"; the tag says "l'auteure", then "a-t-elle ajouté".
    text = (
        "La romancière Odile Marchand a reçu lundi le prix des lectrices.\n\n"
        "« C'est une joie immense », a confié l'auteure, émue. « Je ne m'y attendais pas », "
        "a-t-elle ajouté."
    )
    found = _who(text, entities)
    assert [speaker for _q, speaker, _r in found] == ["Odile Marchand", "Odile Marchand"]
    assert all(review for _q, _s, review in found)


def test_a_description_that_sets_one_person_apart_speaks_when_no_one_is_named(entities):
    text = (
        "« La course a été dure, mais on ne lâche rien », a lancé le vainqueur de l'étape à "
        "l'arrivée, sous la pluie de Valence."
    )
    [(_q, speaker, review)] = _who(text, entities)
    assert speaker == "le vainqueur de l'étape" and review


def test_a_bare_function_with_no_one_named_still_names_no_one(entities):
    text = "« La course a été dure », a lancé le vainqueur à l'arrivée, sous la pluie de Valence."
    [(_q, speaker, _review)] = _who(text, entities)
    assert speaker is None


def test_a_relative_clause_left_open_before_the_verb_keeps_the_subject_that_opens_it(entities):
    text = (
        "Le peintre Louis Ferrand, 71 ans, qui a reçu mardi le prix Lumière a estimé qu'il "
        "s'agissait d'« une belle surprise »."
    )
    [(_q, speaker, _review)] = _who(text, entities)
    assert speaker == "Louis Ferrand"


def test_an_adverbial_inside_a_verb_of_several_words(entities):
    text = "« On a joué avec le cœur », faisait de son côté remarquer Julie Marchal après la finale de Lyon."
    [(_q, speaker, _review)] = _who(text, entities)
    assert speaker == "Julie Marchal"


def test_a_relative_clause_about_the_speaker_after_adverbials(entities):
    text = (
        "La finale est gagnée. « Je suis trop fière de mon équipe », a dit, le drapeau sur les "
        "épaules, Julie Marchal, qui a déjà tout gagné en sélection."
    )
    [(_q, speaker, _review)] = _who(text, entities)
    assert speaker is not None and speaker.endswith("Julie Marchal")


def test_a_position_on_the_field_is_part_of_the_title_before_the_name(entities):
    text = "« Quel bonheur ! », a lancé l'arrière droit Paul Keller au micro de la chaîne."
    [(_q, speaker, _review)] = _who(text, entities)
    assert speaker is not None and speaker.endswith("Paul Keller")


def test_a_bare_noun_after_de_completes_the_title_before_the_name(entities):
    text = "« On savait que ce serait serré », a reconnu le milieu de terrain Hugo Lemoine."
    [(_q, speaker, _review)] = _who(text, entities)
    assert speaker == "Hugo Lemoine"


def test_a_name_after_any_verb_inside_the_marks_is_an_incise(entities):
    # "se console" is no verb of speech; inside the marks, verb then name is the tag.
    text = (
        "Le tournage attire les curieux.\n\n"
        "« C'est une bonne chose, se console Martine Loubet, une commerçante de la place. Ça met "
        "de la vie », ajoute-t-elle."
    )
    found = _who(text, entities)
    assert [speaker for _q, speaker, _r in found] == ["Martine Loubet"]


def test_an_incise_inside_the_marks_may_end_with_sans(entities):
    text = (
        "Le réalisateur Hugo Lemoine connaît bien la région.\n\n"
        "« Tous les décors me plaisaient, résume-t-il sans trop en dire. On est au cœur du pays. »"
    )
    [(_q, speaker, _review)] = _who(text, entities)
    assert speaker == "Hugo Lemoine"


def test_a_name_closing_the_incise_after_a_long_description_is_the_speaker(entities):
    text = (
        "« Il faut accélérer », estime la professeure émérite en virologie à l'hôpital Saint-Roch, "
        "Claire Vautrin."
    )
    [(_q, speaker, _review)] = _who(text, entities)
    assert speaker == "Claire Vautrin"


def test_a_one_word_profession_before_a_name_is_a_role(entities):
    text = "Le réalisateur Hugo Lemoine a tourné tout l'été à Meymac avec une équipe réduite."
    roles = {(r.person, r.role) for r in analyse(text, entities).roles}
    assert roles == {("Hugo Lemoine", "réalisateur")}


def test_a_saying_is_no_speaker(entities):
    text = "Selon un vieil adage breton, « la mer prend ce qu'on lui donne ». Le port reste fermé."
    [(_q, speaker, _review)] = _who(text, entities)
    assert speaker is None


def test_a_person_named_like_a_saying_still_speaks(entities):
    text = "« Le port rouvrira lundi », a annoncé Maxime Le Goff, le maire de la commune."
    [(_q, speaker, _review)] = _who(text, entities)
    assert speaker == "Maxime Le Goff"


def test_a_first_name_with_an_age_is_a_person_a_pronoun_may_stand_for(entities):
    text = (
        "« Nous avons tenu bon », confie Kevin, un opérateur de l'usine.\n\n"
        "La situation est aussi dure pour Gérard, 61 ans, qui se souvient des promesses du groupe. "
        "« C'est une page qui se tourne », souligne-t-il, un brin amer."
    )
    found = _who(text, entities)
    assert [speaker for _q, speaker, _r in found] == ["Kevin", "Gérard"]


def test_a_leader_of_one_country_is_not_the_leader_of_another_named_nearer(entities):
    text = (
        "Le déjeuner a eu lieu à la résidence de Jorge Almeida, à Lisbonne.\n"
        "Le président portugais a salué son homologue espagnol Pablo Ortega.\n"
        "En quelques phrases, il a rappelé « les liens étroits entre nos deux pays ».\n"
        "Le président espagnol, Pablo Ortega, a répondu par un sourire."
    )
    found = _who(text, entities)
    assert [speaker for _q, speaker, _r in found] == ["Jorge Almeida"]


@pytest.mark.parametrize(
    "text",
    [
        "La présidente du club, Inès Ferrand, a vanté « une saison exceptionnelle » devant les joueurs.",
        "Inès Ferrand, qui dirigeait alors le club, se souvient d'une « saison exceptionnelle ».",
        "Inès Ferrand a épinglé « une gestion désastreuse » du dossier par la mairie.",
    ],
)
def test_verbs_of_praise_blame_and_memory_introduce_speech(text, entities):
    [(_q, speaker, _review)] = _who(text, entities)
    assert speaker == "Inès Ferrand"


def test_a_group_of_people_with_a_quantifier_speaks_to_review(entities):
    text = "Faute de moyens, plusieurs enseignants se disent « à bout » après la rentrée."
    a = analyse(text, entities)
    [att] = a.attributions
    assert att.speaker is not None and att.speaker.name == "plusieurs enseignants" and att.review
    assert "des gens" in att.why


def test_a_profession_the_story_leaves_unnamed_is_what_a_pronoun_stands_for(entities):
    text = (
        "La chanteuse belge a annoncé hier sur son compte l'arrêt de sa tournée d'été.\n\n"
        "« Je dois me reposer quelques mois » écrit-elle sur le réseau social."
    )
    [(_q, speaker, review)] = _who(text, entities)
    assert speaker == "la chanteuse belge" and review


def test_a_description_cut_before_a_number_keeps_its_head(entities):
    text = (
        "Après cinquante ans de scène, Marc Olivier veut ralentir. Le chanteur aux 20 millions "
        "de disques vendus prépare une tournée d'adieu. « Ce sera le plus beau spectacle », "
        "promet-il."
    )
    [(_q, speaker, _review)] = _who(text, entities)
    assert speaker == "Marc Olivier"


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # A name after a verb inside the marks is its object when a tag names the speaker.
        (
            "« Cette saison, j'ai battu Marco Valli, dominé Teo Brandt. Je suis prêt », a assuré "
            "le joueur espagnol Carlos Ibarra.",
            "Teo Brandt",
        ),
        # "qui" hangs on the object of "a reçu", not on the subject of the sentence.
        (
            "Le préfet Marc Vidal a reçu les élus, qui depuis des mois dénoncent une décision "
            "« inacceptable ».",
            "Marc Vidal",
        ),
        # A name closing the incise after "en présence de sa collègue" is the colleague's.
        (
            "« Nous sommes heureux de ce résultat », souligne la directrice, en présence de sa "
            "collègue, Anne Roux.",
            "Anne Roux",
        ),
        # "l'auteur présumé de l'attaque" is the attacker, not the writer attacked.
        (
            "L'écrivain Samuel Orcel a été blessé samedi. « Je ne regrette rien », a déclaré "
            "l'auteur présumé de l'attaque devant le juge.",
            "Samuel Orcel",
        ),
        # "le salarié" is not the lawyer of the employees.
        (
            "Paul Roy, avocat des salariés, a plaidé longuement. « J'ai tout donné à cette entreprise », a "
            "raconté le salarié à la barre.",
            "Paul Roy",
        ),
        # A French coach of a foreign team is still "le technicien français".
        (
            "Hervé Castel, sélectionneur saoudien, a retrouvé ses joueurs lundi. « Nous devons être "
            "prêts », a confié le technicien français.",
            None,
        ),
    ],
)
def test_the_new_rules_keep_their_bounds(text, wrong, entities):
    [(_q, speaker, _review)] = _who(text, entities)
    if wrong is None:
        assert speaker == "Hervé Castel"
    else:
        assert speaker != wrong


@pytest.mark.parametrize(
    "text",
    [
        "« Vous ne passerez pas », prévient le panneau municipal.",
        "« Le chômage a reculé de 0,3 point », souligne le bilan trimestriel.",
    ],
)
def test_a_thing_described_is_no_unnamed_speaker(text, entities):
    [(_q, speaker, _review)] = _who(text, entities)
    assert speaker is None


def test_the_one_whom_qui_stands_for_speaks_to_review(entities):
    text = "Le ministre Marc Vidal a répondu à Anne Roux, qui lui reprochait « un manque de courage »."
    [(_q, speaker, review)] = _who(text, entities)
    assert speaker == "Anne Roux" and review


def test_an_inhabitant_s_name_is_a_description_to_resolve_not_a_body(entities):
    text = "Julien Mabire a terminé deuxième. « Le vent nous a gênés », a reconnu le Lyonnais."
    [(_q, speaker, review)] = _who(text, entities)
    assert speaker == "Julien Mabire" and review


def test_celle_ci_is_no_one_s_name(entities):
    # "Celle-ci" stands for the rectrice, whom the article does not name: no one, rather than a
    # person called "Celle-ci" without review.
    text = (
        "Nadia Perrot a rencontré la rectrice. Celle-ci lui aurait promis que « des remplaçants arriveront »."
    )
    [(_q, speaker, _review)] = _who(text, entities)
    assert speaker is None


def test_a_description_after_a_person_the_story_brought_in_is_that_person(entities):
    text = (
        "« Les ruches se vident », explique Sophie Garnier.\n\n"
        "Son collègue Antoine Rieux a posé des capteurs. « Nous avons suivi chaque abeille », "
        "précise le chercheur."
    )
    found = _who(text, entities)
    assert [speaker for _q, speaker, _r in found] == ["Sophie Garnier", "Antoine Rieux"]
    assert found[1][2]


def test_a_work_named_a_few_words_before_its_title_is_no_speech(entities):
    text = (
        "Le peintre Louis Garnier est mort. Son tableau le plus célèbre, « Marée basse », est conservé "
        "au musée Boudin."
    )
    a = analyse(text, entities)
    [att] = a.attributions
    assert att.name_or_title and att.speaker is None


def test_an_office_is_not_the_last_speaker_who_holds_no_title(entities):
    text = (
        "La peintre Hélène Vasseur est morte samedi.\n\n« Elle est partie en paix », a écrit Claire Morin. "
        "La ministre de la Culture a salué « une artiste libre »."
    )
    found = _who(text, entities)
    assert found[-1][1] != "Claire Morin"
