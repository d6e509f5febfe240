"""Every lint rule on a flawed example (found) and on its fixed version (not found)."""

from __future__ import annotations

import pytest

from quizgen.lint import RULES, lint_bank
from quizgen.model import AnyQuestion

from .build import bank, question, single

LONG = "La Maison Blanche, un haut responsable anonyme et des agences de presse"
EV = ("« Il fera comprendre qu’il y aura des coûts très réels si la Russie choisit d’aller plus loin », "
      "a déclaré Jake Sullivan.")
SAID = "Il fera comprendre qu’il y aura des coûts très réels"


def quote(text: str, speaker: str = "Jake Sullivan", context: str | None = None, evidence: str = EV,
          **fields: object) -> AnyQuestion:
    return question("quote", quote=text, speaker=speaker, distractors=["Antony Blinken", "Jen Psaki"],
                    context=context, evidence=evidence, **fields)


QUESTION_CASES: list[tuple[str, AnyQuestion, AnyQuestion]] = [
    ("CH01",  # key longest
     single("Sur quoi l’article s’appuie-t-il ?", [LONG, "Le Kremlin", "Des internautes", "Des diplomates"]),
     single("Sur quoi l’article s’appuie-t-il ?",
            ["Des sources américaines", "Des sources russes", "Des internautes", "Des diplomates"])),
    ("CH01",  # key shortest
     single("Qui parle ?", ["RIA", "Le département d’État américain",
                            "Le ministère ukrainien des Affaires étrangères"]),
     single("Qui parle ?", ["L’agence RIA", "L’agence Reuters", "L’agence France-Presse"])),
    ("CH01",  # multi: the right choices are the long ones
     question("multi", prompt="Que visent les sanctions ?",
              choices=["La capacité de Moscou à convertir les roubles en dollars", "Les banques russes",
                       "Le blé", "Les avions", "Les armes"],
              answers=["La capacité de Moscou à convertir les roubles en dollars", "Les banques russes"]),
     question("multi", prompt="Que visent les sanctions ?",
              choices=["Les roubles", "Les banques", "Le blé", "Les avions", "Les armes"],
              answers=["Les roubles", "Les banques"])),
    ("CH02",
     single("Quel gazoduc le Congrès a-t-il retiré des sanctions ?",
            ["Le gazoduc Nord Stream 2", "TurkStream", "Yamal", "Power of Siberia"]),
     single("Quel gazoduc le Congrès a-t-il retiré des sanctions ?",
            ["Nord Stream 2", "TurkStream", "Yamal", "Power of Siberia"])),
    ("CH03",
     single("Qui a fermé les complexes russes ?", ["Barack Obama", "2016", "Donald Trump", "Joe Biden"]),
     single("En quelle année ?", ["2016", "2014", "2018", "2020"])),
    ("CH03",  # a date among places
     single("Où se sont-ils rencontrés ?", ["Genève", "Helsinki", "Vienne", "juin 2021"]),
     single("Où se sont-ils rencontrés ?", ["Genève", "Helsinki", "Vienne", "Reykjavik"])),
    ("CH04",
     single("Qui parle ?", ["Le Kremlin", "La Maison Blanche", "Toutes ces réponses"]),
     single("Qui parle ?", ["Le Kremlin", "La Maison Blanche", "L’OTAN"])),
    ("CH03",  # a person among institutions
     question("quote", quote=SAID, speaker="Vladimir Poutine", evidence=EV,
              distractors=["Le Kremlin", "La Maison Blanche", "L’OTAN"]),
     question("quote", quote=SAID, speaker="Vladimir Poutine", evidence=EV,
              distractors=["Joe Biden", "Jake Sullivan", "Dmitri Peskov"])),
    ("CH07",
     single("Que disent les sanctions envisagées ?", ["Elles pourraient viser les banques",
            "Elles visent le blé", "Elles visent les avions"]),
     single("Que disent les sanctions envisagées ?", ["Elles pourraient viser les banques",
            "Elles pourraient viser le blé", "Elles pourraient viser les avions"])),
    ("OR01",
     question("order", prompt="Dans l’ordre ?", items=["Genève, juin 2021", "Visioconférence, décembre 2021",
                                                        "Invasion, février 2022"]),
     question("order", prompt="Dans l’ordre ?", items=["Sommet de Genève", "Sommet par visioconférence",
                                                        "Invasion de l’Ukraine"])),
    ("MA01",
     question("match", prompt="Associez.", pairs={"Mario Draghi": "Italie", "Le président russe": "Russie",
                                                   "Boris Johnson": "Royaume-Uni"}),
     question("match", prompt="Associez.", pairs={"Mario Draghi": "Italie", "Vladimir Poutine": "Russie",
                                                   "Boris Johnson": "Royaume-Uni"})),
    ("CH08",
     single("Que visent les sanctions ?", ["Les banques russes et leurs dirigeants", "Les banques suisses",
            "Les dirigeants ukrainiens", "Le gaz russe"]),
     single("Que visent les sanctions ?", ["Les banques russes", "Le blé russe", "Les avoirs russes",
                                           "Le gaz russe"])),
    ("CH09",
     single("En quelle année ?", ["2016", "2014", "2018"]),
     single("En quelle année ?", ["2014", "2016", "2018"])),
    ("ST03",
     single("Le sommet de juin a eu lieu à ___.", ["Genève", "Vienne", "Helsinki"]),
     single("Dans quelle ville le sommet de juin a-t-il eu lieu ?", ["Genève", "Vienne", "Helsinki"])),
    ("ST04",
     single("Le Kremlin a commenté le sommet.", ["Franc", "Hostile", "Chaleureux"]),
     single("Comment le Kremlin a-t-il qualifié le sommet ?", ["Franc", "Hostile", "Chaleureux"])),
    ("CH04",
     single("Qui parle ?", ["Le Kremlin", "La Maison Blanche", "Les réponses A et B"]),
     single("Qui parle ?", ["Le Kremlin", "La Maison Blanche", "Le Pentagone"])),
    ("CH04",
     single("Qui parle ?", ["Le Kremlin", "La Maison Blanche", "Aucune de ces réponses"]),
     single("Qui parle ?", ["Le Kremlin", "La Maison Blanche", "Le Pentagone"])),
    ("CH05",
     single("Que dit Biden ?", ["Il répondra par des sanctions", "Il n’agira jamais",
                                "Il enverra toujours des troupes"]),
     single("Que dit Biden ?", ["Il répondra par des sanctions", "Il n’agira pas",
                                "Il enverra des troupes"])),
    ("GR01",
     single("Les deux présidents s’étaient rencontrés à Genève, la ville d’", ["Europe", "Suisse", "Italie"]),
     single("Dans quel pays se trouve Genève ?", ["Suisse", "Autriche", "Italie"])),
    ("GR01",
     single("Moscou demande des", ["garanties", "assurance", "promesse"]),
     single("Que demande Moscou ?", ["Des garanties", "Une assurance", "Une promesse"])),
    ("GR01",
     single("Avant la politique, Vladimir Poutine était un", ["agent du KGB", "actrice", "chanteuse"]),
     single("Que faisait Vladimir Poutine avant d’entrer en politique ?",
            ["Agent du KGB", "Acteur", "Chanteur"])),
    ("GR01",
     single("La Russie renforce sa base militaire en", ["Tadjikistan", "Arménie", "Syrie"]),
     single("Où la Russie renforce-t-elle une base ?", ["Au Tadjikistan", "En Arménie", "En Syrie"])),
    ("GR03",
     single("Quels dirigeants Biden a-t-il appelés ?", ["Macron", "Scholz", "Trudeau"]),
     single("Quel dirigeant Biden a-t-il appelé en premier ?", ["Macron", "Scholz", "Trudeau"])),
    ("GR03",
     question("multi", prompt="Quel dirigeant Biden a-t-il appelé ?", choices=["Macron", "Merkel", "Trudeau"],
              answers=["Macron", "Merkel"]),
     question("multi", prompt="Quels dirigeants Biden a-t-il appelés ?",
              choices=["Macron", "Merkel", "Trudeau"], answers=["Macron", "Merkel"])),
    ("GR03",  # a plural question whose choices are lists is fine
     single("Quels dirigeants Biden a-t-il appelés ?", ["Macron", "Scholz", "Trudeau"]),
     single("Quels dirigeants Biden a-t-il appelés ?", ["Macron et Merkel", "Scholz et Trudeau"])),
    ("GR02",
     question("cloze", text="Des mesures fortes en cas d’{{c1::escalade}}."),
     question("cloze", text="Des mesures fortes {{c1::en cas d’escalade}}.")),
    ("GR02",
     question("cloze", text="Les deux présidents se parlent par une {{c1::vidéoconférence}}."),
     question("cloze", text="Les deux présidents se parlent par {{c1::vidéoconférence}}.")),
    ("ST01",
     single("Lequel de ces dirigeants n’a pas été appelé par Biden ?", ["Olaf Scholz", "Mario Draghi"]),
     single("Lequel de ces dirigeants N’a PAS été appelé par Biden ?", ["Olaf Scholz", "Mario Draghi"])),
    ("ST01",
     single("Tous ces pays ont été cités, sauf un : lequel ?", ["Canada", "Italie"]),
     single("Lequel de ces pays a été cité ?", ["Italie", "Canada"])),
    ("ST01",
     single("Laquelle de ces affirmations est fausse ?", ["Biden a parlé", "Poutine a parlé"]),
     single("Laquelle de ces affirmations est vraie ?", ["Biden a parlé", "Poutine s’est tu"])),
    ("ST01",
     question("true_false", statement="Biden n’est pas allé à Genève.", answer=False),
     question("true_false", statement="Biden est allé à Genève.", answer=True)),
    ("QU01", quote("obsolète", speaker="Donald Trump"),
     quote("L’OTAN est obsolète et coûte trop cher", speaker="Donald Trump")),
    ("QU02",
     quote(SAID, context="Jake Sullivan, la veille du sommet"),
     quote(SAID, context="La veille du sommet")),
    ("QU02",
     quote(SAID, speaker="Le porte-parole du Kremlin", context="Le porte-parole, à la presse du Kremlin"),
     quote(SAID, speaker="Le porte-parole du Kremlin", context="Devant la presse, après le sommet")),
    ("QU02",
     quote("obsolète et dépassée par les événements", speaker="Donald Trump",
           context="À propos de l’OTAN, une alliance dont il a menacé de se retirer",
           evidence="le président Trump a qualifié l’alliance d’« obsolète et dépassée par les événements » "
                    "et a menacé de s’en retirer"),
     quote("obsolète et dépassée par les événements", speaker="Donald Trump", context="À propos de l’OTAN",
           evidence="le président Trump a qualifié l’alliance d’« obsolète et dépassée par les événements » "
                    "et a menacé de s’en retirer")),
    ("EV01",
     quote(SAID, evidence="La veille du sommet, à Washington."),
     quote(SAID)),
    ("EV01",
     single("Où ?", ["Genève", "Vienne"], evidence="Leur discussion franche en face à face."),
     single("Où ?", ["Genève", "Vienne"], evidence="Leur discussion franche en face à face à Genève.")),
    ("EV01",
     question("numeric", prompt="Combien de chars ?", answer=30,
              evidence="De nouveaux chars renforcent la base."),
     question("numeric", prompt="Combien de chars ?", answer=30, evidence="Avec trente nouveaux chars.")),
    ("CZ01",
     question("cloze", text="Une attaque contre un pays membre est une attaque {{c1::contre}} tous."),
     question("cloze", text="Une attaque contre un pays {{c1::membre}} est une attaque contre tous.")),
    ("NU01",  # a rounder figure inside the tolerance
     question("numeric", prompt="Combien de minutes ?", answer=125, tolerance=5),
     question("numeric", prompt="Combien de minutes ?", answer=125, tolerance=2)),
    ("NU01",  # a tolerance on a year
     question("numeric", prompt="En quelle année ?", answer=2016, tolerance=1),
     question("numeric", prompt="En quelle année ?", answer=2016)),
    ("NU01",  # as wide as the answer
     question("numeric", prompt="Combien d’heures ?", answer=3, tolerance=3),
     question("numeric", prompt="Combien d’heures ?", answer=3)),
    ("CH06",
     single("Quel accord ?", ["Minsk", "Les accords de Minsk", "Les accords d’Alma-Ata"]),
     single("Quel accord ?", ["Les accords de Minsk", "Les accords d’Alma-Ata", "Le traité de Budapest"])),
    ("ST02",
     question("true_false", statement="Biden a toujours refusé de parler à Poutine.", answer=False),
     question("true_false", statement="Biden a refusé de parler à Poutine en juin.", answer=False)),
    ("AN01",
     question("short", prompt="Dans quelle ville de Suisse, Genève, se sont-ils vus ?", answer="Genève"),
     question("short", prompt="Dans quelle ville de Suisse se sont-ils vus ?", answer="Genève")),
    ("AN01",
     question("cloze", text="Les {{c1::missions diplomatiques}} sont réduites ; les missions diplomatiques"),
     question("cloze", text="Les {{c1::missions diplomatiques}} sont réduites depuis cinq ans.")),
    ("AN01",
     question("numeric", prompt="Avec ses 30 chars, combien de chars la Russie envoie-t-elle ?", answer=30),
     question("numeric", prompt="Combien de chars la Russie envoie-t-elle ?", answer=30)),
    ("AN01",
     quote("Moi, Trump, je dis que l’OTAN est obsolète", speaker="Donald Trump"),
     quote("Je dis que l’OTAN est obsolète et dépassée", speaker="Donald Trump")),
    ("NU02",
     question("numeric", prompt="Combien de chars ?", answer=30, tolerance=2, unit="chars"),
     question("numeric", prompt="Combien de chars ?", answer=30, unit="chars")),
    ("NU02",
     question("numeric", prompt="Combien de chars ?", answer=30, tolerance=0.5),
     question("numeric", prompt="Combien de chars ?", answer=30)),
]


@pytest.mark.parametrize(("code", "flawed", "fixed"), QUESTION_CASES,
                         ids=[f"{c}-{i}" for i, (c, _f, _x) in enumerate(QUESTION_CASES)])
def test_question_rule_finds_the_flaw_and_not_the_fix(code: str, flawed: AnyQuestion,
                                                      fixed: AnyQuestion) -> None:
    found = lint_bank(bank(flawed), select=[code])
    assert [f.code for f in found] and {f.code for f in found} == {code}, found
    assert all(f.question_id == flawed.id and f.message for f in found)
    assert lint_bank(bank(fixed), select=[code]) == []


def _singles(key_at: int = 0, long_key: bool = False, n: int = 8) -> list[AnyQuestion]:
    out = []
    for i in range(n):
        choices = [f"Choix {c} de la question {i}" for c in "abcd"]
        key = choices[key_at if key_at >= 0 else i % 4]
        if long_key:
            choices[choices.index(key)] = key = key + " et quelques précisions"
        out.append(single(f"Question {i} ?", choices, key, id=f"q{i}"))
    return out


def test_bank_key_length_bias() -> None:
    found = lint_bank(bank(*_singles(key_at=-1, long_key=True)), select=["BK01"])
    assert len(found) == 1 and "longest choice (or tied) in 8 of 8" in found[0].message
    assert found[0].question_id is None
    # Choices all alike in length: no key stands out.
    assert lint_bank(bank(*_singles(key_at=-1)), select=["BK01"]) == []


def test_bank_key_length_bias_not_when_the_key_varies() -> None:
    texts = ["Un choix court", "Un choix bien plus long que les autres", "Un choix moyen ici"]
    mixed = [single(f"Question {i} ?", [f"{t} {i}" for t in texts], f"{texts[i % 3]} {i}", id=f"q{i}")
             for i in range(9)]
    assert lint_bank(bank(*mixed), select=["BK01"]) == []


def test_bank_key_position_bias() -> None:
    found = lint_bank(bank(*_singles(key_at=0)), select=["BK02"])
    assert len(found) == 1 and "choice 1 in 8 of 8" in found[0].message
    assert lint_bank(bank(*_singles(key_at=-1)), select=["BK02"]) == []


def test_answer_printed_in_another_question() -> None:
    asked = question("short", id="nom", prompt="Quel conseiller a parlé aux journalistes ?",
                     answer="Iouri Ouchakov", accept=["Ouchakov"])
    giveaway = quote("Voyons comment cette conversation se traduira par des actions", id="cite",
                     speaker="Iouri Ouchakov", evidence="« Voyons comment cette conversation se traduira "
                     "par des actions », a dit Iouri Ouchakov.")
    other = quote("Voyons comment cette conversation se traduira par des actions", id="cite",
                  speaker="Dmitri Peskov", evidence="« Voyons comment cette conversation se traduira "
                  "par des actions », a dit Dmitri Peskov.")
    found = lint_bank(bank(asked, giveaway), select=["BK03"])
    assert [(f.question_id, "1 other question (cite)" in f.message) for f in found] == [("nom", True)]
    assert lint_bank(bank(asked, other), select=["BK03"]) == []


def test_answer_of_a_gap_printed_in_another_question() -> None:
    gap = question("cloze", id="gap", text="Poutine propose de lever les restrictions sur les "
                   "{{c1::missions diplomatiques}}.")
    shows = single("Que sont les missions diplomatiques ?", ["Des ambassades", "Des bases"], id="other")
    hides = single("Que sont les consulats ?", ["Des ambassades", "Des bases"], id="other")
    assert [f.question_id for f in lint_bank(bank(gap, shows), select=["BK03"])] == ["gap"]
    assert lint_bank(bank(gap, hides), select=["BK03"]) == []


def test_answer_that_is_the_bank_topic_is_no_giveaway() -> None:
    asked = question("short", id="nom", prompt="Qui semble heureux ?", answer="Vladimir Poutine")
    other = single("Qu’a dit Vladimir Poutine ?", ["Bonjour", "Adieu"], id="other")
    assert lint_bank(bank(asked, other, title="Le sommet Biden–Poutine"), select=["BK03"]) == []
    assert len(lint_bank(bank(asked, other, title="Le sommet"), select=["BK03"])) == 1


def test_same_front() -> None:
    a = single("Qui parle ?", ["Le Kremlin", "La Maison Blanche"], id="a")
    b = single("Qui parle ?", ["La Maison Blanche", "Le Kremlin"], "Le Kremlin", id="b")
    c = single("Qui parle en premier ?", ["La Maison Blanche", "Le Kremlin"], id="c")
    assert [f.question_id for f in lint_bank(bank(a, b), select=["BK04"])] == ["b"]
    assert lint_bank(bank(a, c), select=["BK04"]) == []


def test_same_front_of_reversed_quote_cards() -> None:
    one = quote("Il fera comprendre qu’il y aura des coûts", id="one", context="Après le sommet")
    two = quote("Il fera également comprendre qu’il existe une voie", id="two", context="Après le sommet")
    three = quote("Il fera également comprendre qu’il existe une voie", id="two",
                  context="Après le sommet, sur la diplomatie")
    found = lint_bank(bank(one, two), select=["BK04"])
    assert [f.question_id for f in found] == ["two"] and "what did Jake Sullivan say" in found[0].message
    assert lint_bank(bank(one, three), select=["BK04"]) == []


def test_every_rule_is_tested_here() -> None:
    tested = {c for c, _f, _x in QUESTION_CASES} | {"BK01", "BK02", "BK03", "BK04"}
    assert tested == set(RULES)


def test_a_finding_reads_as_one_line() -> None:
    q = question("numeric", prompt="Combien ?", answer=30, tolerance=0.5)
    found = lint_bank(bank(q), select=["NU02"])
    assert [str(f) for f in found] == ["NU02 q: tolerance 0.5 on a whole number accepts no other whole "
                                       "number: drop it"]


def test_a_context_that_only_places_the_quote_is_fair() -> None:
    said = quote(SAID, context="Lors de sa conférence de presse, à Washington",
                 evidence="« Il fera comprendre qu’il y aura des coûts très réels », a déclaré Jake Sullivan "
                          "lors d’une conférence de presse à Washington.")
    assert lint_bank(bank(said), select=["QU02"]) == []


def test_a_margin_on_a_measure_is_fair() -> None:
    minutes = question("numeric", prompt="Combien de minutes l’entretien a-t-il duré ?", answer=125,
                       tolerance=2, unit="minutes")
    assert lint_bank(bank(minutes), select=["NU"]) == []
