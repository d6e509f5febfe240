"""What a blind teacher-reader dropped in the drafts of the development sets (session of
2026-12-08): a body blanked where the story only names it in passing — where someone works or
is held, who made a report shown on television —, the name of the person the whole story is
about blanked, a place named after someone read as that person with a role (invented
sentences)."""

from __future__ import annotations

from datetime import date

import pytest

from quizgen.draft.bank import SourceInfo, build_bank
from quizgen.draft.pipeline import analyse


def blanks(text: str, entities) -> list[str]:
    """What the draft's clozes hide."""
    bank = build_bank(
        analyse(text, entities), SourceInfo(), bank_id="t", source_path="t.txt", today=date(2024, 1, 1)
    ).bank
    found = []
    for q in bank.model_dump()["questions"]:
        if q["type"] == "cloze":
            found.append(q["text"].split("{{c1::", 1)[1].split("}}", 1)[0].split("::")[0])
    return found


@pytest.mark.slow
@pytest.mark.nlp
@pytest.mark.parametrize(
    ("text", "passing"),
    [
        (
            "Le nouveau pont de Saint-Vallier a été inauguré lundi après quatre ans de travaux.\n"
            "Le suppléant du député, retenu à l'Assemblée nationale, a lu un message de félicitations "
            "au public venu nombreux.",
            "l'Assemblée nationale",
        ),
        (
            "Des chercheurs ont mesuré la fonte des glaciers des Pyrénées depuis vingt ans.\n"
            "L'étude a été menée par une équipe du laboratoire de climatologie de l'Université de "
            "Toulouse, qui publie ses résultats cette semaine.",
            "l'Université de Toulouse",
        ),
    ],
)
def test_a_body_named_in_passing_is_not_what_a_cloze_hides(entities, text, passing):
    assert passing not in blanks(text, entities)


@pytest.mark.slow
@pytest.mark.nlp
def test_a_body_that_acts_in_the_story_may_still_be_hidden(entities):
    text = (
        "Les salariés de l'usine de Vierzon ont appris mardi la fermeture de leur site.\n"
        "Le groupe Danone a confirmé la nouvelle dans un communiqué."
    )
    assert any("Danone" in blank for blank in blanks(text, entities))


def _cloze_on_name(text: str, name: str, sentence: int, entities) -> list[str]:
    """What a cloze on `name` in sentence `sentence` hides (none when refused)."""
    from quizgen.draft.keyfacts import cloze_on
    from quizgen.draft.questions import Builder

    b = Builder(analyse(text, entities), "a")
    s = b.a.sentences[sentence]
    x = text.index(name, s.start)
    cloze_on(b, sentence, [(x, x + len(name))])
    return [q["text"] for q in b.questions if q["type"] == "cloze"]


_STORY = (
    "La nageuse Léa Durand a remporté dimanche le titre national du 200 mètres à Rennes.\n"
    "Léa Durand, 19 ans, s'entraîne depuis dix ans au club de Vannes, où Julie Morel l'a repérée. "
    "Ce lundi, Léa Durand a battu le record de France du 400 mètres.\n"
    "« Je n'y croyais pas », a confié Léa Durand après la course."
)


@pytest.mark.slow
@pytest.mark.nlp
def test_the_person_the_story_is_about_is_not_what_a_cloze_hides(entities):
    assert _cloze_on_name(_STORY, "Léa Durand", 2, entities) == []


@pytest.mark.slow
@pytest.mark.nlp
def test_another_person_of_the_story_may_be_what_a_cloze_hides(entities):
    assert [t for t in _cloze_on_name(_STORY, "Julie Morel", 1, entities) if "Julie Morel" in t] != []


@pytest.mark.slow
@pytest.mark.nlp
def test_a_place_named_after_someone_gives_that_person_no_role(entities):
    text = (
        "Les pharmacies manquent de médicaments.\n"
        "Juste en face la médiathèque Simone Veil dans le XIIe arrondissement de Paris, cet "
        "établissement attire du monde. Tous les clients ne peuvent pas être satisfaits."
    )
    assert [r.person for r in analyse(text, entities).roles] == []


def test_how_far_a_place_lies_from_another_is_scenery_unless_the_headline_is_about_it():
    from quizgen.draft.figures import find_figures
    from quizgen.draft.trivia import scenery_figure

    def scenery(text: str, title: str = "") -> list[str]:
        return [f.text for f in find_figures(text) if scenery_figure(text, f, title, [])]

    assert scenery("Vierzon, une ville à 30 kilomètres de Bourges, perd son usine.") == ["30 kilomètres"]
    assert scenery("Le blessé se trouvait à 200 mètres de la caserne.") == ["200 mètres"]
    assert scenery("Le glacier a reculé de 700 mètres en vingt ans.") == []
    assert scenery("Les retenues sont remplies à 60 % de leur capacité.") == []
    assert scenery("Le radar est à 30 kilomètres de la côte.", "Un radar à 30 kilomètres de la côte") == []


@pytest.mark.slow
@pytest.mark.nlp
def test_a_title_inside_a_quotation_is_no_role_of_the_person_named_next(entities):
    text = (
        "La pénurie de médicaments s'aggrave dans les pharmacies de Paris.\n"
        "« On doit rappeler le médecin et il n'existe pas forcément d'alternative », regrette "
        "Yorick Berger, pharmacien.\n"
        "Le ministre de la Santé Aurélien Rousseau a reçu les différents acteurs vendredi."
    )
    roles = [(r.person, r.role) for r in analyse(text, entities).roles]
    assert ("Aurélien Rousseau", "médecin") not in roles


def test_a_year_past_is_background_a_year_to_come_may_be_the_news():
    from quizgen.draft.figures import find_figures
    from quizgen.draft.trivia import past_year

    def past(text: str) -> list[str]:
        return [f.text for f in find_figures(text) if past_year(text, f)]

    assert past("L'édition 2018 du festival a accueilli deux fois plus de visiteurs.") == ["2018"]
    assert past("Les mesures réalisées depuis 1994 montrent un réchauffement.") == ["1994"]
    assert past("La prochaine édition aura lieu en 2027 à Reims.") == []
    assert past("Le festival s'est tenu le 3 septembre 2022.") == []


def test_a_wrong_choice_of_the_other_gender_is_told_apart_by_the_text_or_the_given_name():
    from quizgen.draft.distractors import other_gender
    from quizgen.draft.speakers import Registry

    registry = Registry()
    registry.add_person(["Bérangère", "Nogier"], 0, gender="f", role="vice-présidente", apposition=False)
    registry.add_person(["Fabrice", "Verdier"], 50)
    registry.add_person(["Camille", "Roux"], 90)
    assert other_gender(registry, "Bérangère Nogier", "Fabrice Verdier")  # "la vice-présidente"; Fabrice
    assert not other_gender(registry, "Bérangère Nogier", "Anne Roux")
    assert not other_gender(registry, "Bérangère Nogier", "Camille Roux")  # either: nothing to tell


@pytest.mark.slow
@pytest.mark.nlp
def test_the_place_the_story_is_about_is_not_what_a_cloze_hides(entities):
    from quizgen.draft.questions import Builder
    from quizgen.draft.salience import about_the_main_place, main_place

    text = (
        "À Saint-Jean-de-Luz, le festival des bandas a réuni trois mille spectateurs samedi.\n"
        "Pendant deux heures, les fanfares ont défilé dans les rues de Saint-Jean-de-Luz. "
        "Les commerçants de Saint-Jean-de-Luz se réjouissent, comme ceux de Bayonne."
    )
    b = Builder(analyse(text, entities), "a")
    assert main_place(b) == "Saint-Jean-de-Luz"
    assert about_the_main_place(b, "rues de Saint-Jean-de-Luz")
    assert not about_the_main_place(b, "commerçants de Saint-Jean-de-Luz")
    assert not about_the_main_place(b, "Bayonne")


def test_which_court_of_which_town_heard_the_case_is_a_side_detail():
    from quizgen.draft.trivia import a_court

    text = "Il a été condamné par le tribunal correctionnel d'Alençon à six mois de prison."
    court = text.index("tribunal")
    assert a_court(text, court, court + len("tribunal correctionnel d'Alençon"))
    town = text.index("Alençon")
    assert a_court(text, town, town + len("Alençon"))
    prison = text.index("six mois")
    assert not a_court(text, prison, prison + len("six mois"))
    text = "La décision du tribunal de commerce de Lille est attendue à Roubaix."
    assert a_court(text, text.index("Lille"), text.index("Lille") + 5)
    assert not a_court(text, text.index("Roubaix"), text.index("Roubaix") + 7)


def test_the_national_team_s_nickname_is_an_obvious_gap():
    from quizgen.draft.blanks import obvious

    assert obvious("les Bleus") and obvious("Bleues")
    assert not obvious("les Verts de Saint-Étienne")


@pytest.mark.slow
@pytest.mark.nlp
def test_a_gap_never_starts_after_a_hyphen(entities):
    from quizgen.draft.keyfacts import cloze_on
    from quizgen.draft.questions import Builder

    text = (
        "La fête du village de Saint-Pons a réuni trois cents habitants samedi soir.\n"
        "Pendant ce temps, les bénévoles servaient sans relâche dans le bar-restaurant du village."
    )
    b = Builder(analyse(text, entities), "a")
    x = text.index("restaurant du village")
    assert not cloze_on(b, 1, [(x, x + len("restaurant du village"))])
