"""The bank the Anki and build tests share, and a check that it is valid.

It has every question type, text with `<`, `&`, quotes, « » with
non-breaking spaces and typographic apostrophes, and a quote with a
context (two cards) and one without (one card).
"""

from __future__ import annotations

from pathlib import Path

from quizgen import load_bank

BANK_ID = "anki-test"
TITLE = "Sommet <virtuel> & « essai »"

ARTICLE = """\
Le sommet virtuel entre Joe Biden et Vladimir Poutine s’est terminé mardi après deux heures et \
cinq minutes, a rapporté l’agence de presse russe RIA.

« Bonjour, Monsieur le Président, bienvenue », ont été les premiers mots du président russe.

Joe Biden a averti que les États-Unis prendraient « des mesures fortes, économiques et autres » \
en cas d’escalade militaire.

Le président américain doit ensuite appeler le président français Emmanuel Macron, la chancelière \
allemande Angela Merkel et les premiers ministres Mario Draghi (Italie) et Boris Johnson (Royaume-Uni).

La Russie renforçait sa base militaire au Tadjikistan avec 30 nouveaux chars.

Les discussions ont commencé à 18h00, heure russe.

Selon l’institut, la hausse des prix reste < 3 % & la « détente » attendue n’a pas eu lieu.
"""

BANK = """\
id: anki-test
title: "Sommet <virtuel> & « essai »"
language: fr
as_of: 2021-12-08
description: "Questions d’essai & <balises>"
sources:
  - id: direct
    title: "La discussion « cruciale » & ses suites"
    outlet: "Le <Direct>"
    published: 2021-12-07
    path: sources/direct.txt
    url: "https://example.org/direct?a=1&b=2"
    summary: Un résumé court de l’article, écrit avec nos mots.
questions:
  - id: duree
    type: single
    source: direct
    prompt: "D’après « RIA », combien de temps a duré l’entretien ?"
    choices: ["Moins de 2 h", "Entre 2 h & 3 h", "Plus de 3 h <environ>"]
    answer: "Entre 2 h & 3 h"
    evidence: "après deux heures et cinq minutes, a rapporté l'agence de presse russe RIA"
    explanation: 'Deux heures et cinq minutes : "125 minutes" au total.'
    tags: [chiffres, chronologie]
  - id: appels
    type: multi
    source: direct
    prompt: "Qui Joe Biden doit-il appeler ensuite ?"
    choices: [Emmanuel Macron, Angela Merkel, Pedro Sánchez, Boris Johnson]
    answers: [Emmanuel Macron, Angela Merkel, Boris Johnson]
    evidence: "appeler le président français Emmanuel Macron, la chancelière allemande Angela Merkel"
    explanation: "Les alliés européens sont prévenus après l’entretien."
  - id: horaire
    type: true_false
    source: direct
    statement: "Les discussions ont commencé à 18h00, heure russe."
    answer: true
    evidence: "Les discussions ont commencé à 18h00, heure russe."
    explanation: "C’est l’heure donnée par l’article."
  - id: minutes
    type: numeric
    source: direct
    prompt: "Combien de minutes a duré l’entretien ?"
    answer: 125
    tolerance: 5
    unit: minutes
    evidence: "après deux heures et cinq minutes"
    explanation: "Deux heures et cinq minutes font 125 minutes."
    tags: [chiffres]
  - id: accueil
    type: short
    source: direct
    prompt: "Quel président a dit « bienvenue » ?"
    answer: Poutine
    accept: [Putin, Vladimir Poutine]
    evidence: "ont été les premiers mots du président russe"
    explanation: "Ce sont les premiers mots de Vladimir Poutine."
  - id: bienvenue
    type: quote
    source: direct
    quote: "Bonjour, Monsieur le Président, bienvenue"
    speaker: Vladimir Poutine
    distractors: [Joe Biden, Emmanuel Macron]
    context: "Au début de l’entretien vidéo du 7 décembre"
    evidence: "« Bonjour, Monsieur le Président, bienvenue », ont été les premiers mots du président russe."
    explanation: "Le président russe accueille son homologue."
  - id: mesures
    type: quote
    source: direct
    quote: "des mesures fortes, économiques et autres"
    speaker: Joe Biden
    distractors: [Vladimir Poutine]
    evidence: "les États-Unis prendraient « des mesures fortes, économiques et autres »"
    explanation: "La menace de sanctions en cas d’escalade."
  - id: pays
    type: match
    source: direct
    prompt: "Associez chaque dirigeant à son pays."
    pairs:
      Mario Draghi: Italie
      Boris Johnson: Royaume-Uni
    evidence: "les premiers ministres Mario Draghi (Italie) et Boris Johnson (Royaume-Uni)"
    explanation: "Deux chefs de gouvernement européens."
  - id: ordre
    type: order
    source: direct
    prompt: "Dans quel ordre l’article cite-t-il ces dirigeants ?"
    items: [Emmanuel Macron, Angela Merkel, Mario Draghi, Boris Johnson]
    evidence: "Emmanuel Macron, la chancelière allemande Angela Merkel et les premiers ministres Mario Draghi"
    explanation: "L’ordre de l’annonce de la Maison-Blanche."
  - id: tadjikistan
    type: cloze
    source: direct
    text: >-
      La Russie renforce sa base au {{c1::Tadjikistan}} avec {{c2::30::nombre}} chars
      & la hausse reste < 3 %.
    evidence: "renforçait sa base militaire au Tadjikistan avec 30 nouveaux chars"
    explanation: "Une base russe en Asie centrale."
    tags: [defense]
"""

#: Notes and cards per question type (the quote with a context has two cards).
NOTES_PER_TYPE = {"single": 1, "multi": 1, "true_false": 1, "numeric": 1, "short": 1, "quote": 2,
                  "match": 1, "order": 1, "cloze": 1}
CARDS_PER_TYPE = {**NOTES_PER_TYPE, "quote": 3, "cloze": 2}

NEW_QUESTION = """\
  - id: hausse
    type: true_false
    source: direct
    statement: "La « détente » attendue a eu lieu."
    answer: false
    evidence: "la « détente » attendue n’a pas eu lieu"
    explanation: "L’article dit le contraire."
"""


def write_bank(folder: Path, text: str = BANK) -> Path:
    """The test bank and its article in `folder`; returns the bank file."""
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    (folder / "sources" / "direct.txt").write_text(ARTICLE, encoding="utf-8")
    path = folder / "anki-test.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shared_bank_is_valid(tmp_path: Path) -> None:
    bank = load_bank(write_bank(tmp_path))
    assert bank.id == BANK_ID and bank.title == TITLE
    counts: dict[str, int] = {}
    for q in bank.questions:
        counts[q.type] = counts.get(q.type, 0) + 1
    assert counts == NOTES_PER_TYPE
    edited = BANK + NEW_QUESTION
    assert len(load_bank(write_bank(tmp_path / "edited", edited)).questions) == 11
