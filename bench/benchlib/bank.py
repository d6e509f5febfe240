"""The banks the benchmarks generate: every question type in turn, over
synthetic articles made of the questions' evidence, so each bank validates.

Two banks, one way of making them (a table of one function per type, the
article sentences gathered as the questions are made, the same writer of
articles): the class bank of bench_web.py and bench_scale.py (the pages a
class is timed on) and the large bank of bench_build.py (its YAML written
line by line: those bytes are what the build and its baseline parse).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from quizgen.fsutil import atomic_write_text

TYPES = ("single", "multi", "true_false", "numeric", "short", "quote", "match", "order", "cloze")


def write_articles(folder: Path, articles: dict[str, list[str]]) -> None:
    """Each article `name` as sources/name.txt, one paragraph a sentence."""
    for name, sentences in articles.items():
        atomic_write_text(folder / "sources" / f"{name}.txt", "\n\n".join(sentences) + "\n")


# -- the class bank (bench_web.py, bench_scale.py): one article, a fact per question

Fields = dict[str, Any]
LEADERS = ["Emmanuel Macron", "Angela Merkel", "Mario Draghi"]


def _single(i: int) -> tuple[str, Fields]:
    cities = ["Genève", "Vienne", "Helsinki", "Reykjavik"]
    city = cities[i % 4]
    return (f"La rencontre numéro {i} s’est tenue à {city}.",
            {"prompt": f"Où s’est tenue la rencontre numéro {i} ?", "choices": cities, "answer": city})


def _multi(i: int) -> tuple[str, Fields]:
    return (f"Lors de la réunion numéro {i}, Emmanuel Macron, Angela Merkel et Mario Draghi ont parlé.",
            {"prompt": f"Qui a parlé lors de la réunion numéro {i} ?",
             "choices": [*LEADERS, "Boris Johnson", "Pedro Sánchez"], "answers": list(LEADERS)})


def _true_false(i: int) -> tuple[str, Fields]:
    return (f"L’annonce numéro {i} a été faite par la Maison Blanche.",
            {"statement": f"L’annonce numéro {i} vient de la Maison Blanche.", "answer": True})


def _numeric(i: int) -> tuple[str, Fields]:
    return (f"L’entretien numéro {i} a duré {100 + i} minutes.",
            {"prompt": f"Combien de minutes a duré l’entretien numéro {i} ?", "answer": 100 + i,
             "tolerance": 5, "unit": "minutes"})


def _short(i: int) -> tuple[str, Fields]:
    return (f"Au sommet numéro {i}, Vladimir Poutine a accueilli son homologue.",
            {"prompt": f"Qui a accueilli son homologue au sommet numéro {i} ?", "answer": "Poutine",
             "accept": ["Putin", "Vladimir Poutine"]})


def _quote(i: int) -> tuple[str, Fields]:
    words = f"Nous avons parlé franchement, pour la {i}e fois"
    return (f"« {words} », a déclaré Joe Biden.",
            {"quote": words, "speaker": "Joe Biden", "distractors": ["Vladimir Poutine", "Emmanuel Macron"],
             "context": f"Conférence de presse numéro {i}"})


def _match(i: int) -> tuple[str, Fields]:
    return (f"Au conseil numéro {i} siégeaient Mario Draghi (Italie), "
            "Boris Johnson (Royaume-Uni) et Emmanuel Macron (France).",
            {"prompt": f"Associez chaque dirigeant du conseil numéro {i} à son pays.",
             "pairs": {"Mario Draghi": "Italie", "Boris Johnson": "Royaume-Uni",
                       "Emmanuel Macron": "France"}})


def _order(i: int) -> tuple[str, Fields]:
    return (f"L’agenda numéro {i} : Washington, puis Moscou, puis Kiev, puis Berlin.",
            {"prompt": f"Dans quel ordre l’agenda numéro {i} cite-t-il ces villes ?",
             "items": ["Washington", "Moscou", "Kiev", "Berlin"]})


def _cloze(i: int) -> tuple[str, Fields]:
    return (f"La base numéro {i} au Tadjikistan reçoit {100 + i} nouveaux chars.",
            {"text": f"La base numéro {i} au {{{{c1::Tadjikistan}}}} reçoit "
                     f"{{{{c2::{100 + i}::nombre}}}} nouveaux chars."})


CLASS_QUESTION: dict[str, Callable[[int], tuple[str, Fields]]] = {
    "single": _single, "multi": _multi, "true_false": _true_false, "numeric": _numeric, "short": _short,
    "quote": _quote, "match": _match, "order": _order, "cloze": _cloze,
}


def make_bank(folder: Path, n: int) -> Path:
    """The class bank `bench-classe`: `n` questions cycling through every type, on one article."""
    sentences: list[str] = []
    questions: list[Fields] = []
    for i in range(n):
        kind = TYPES[i % len(TYPES)]
        sentence, fields = CLASS_QUESTION[kind](i)
        sentences.append(sentence)
        questions.append({"id": f"q{i:03d}", "type": kind, "source": "article", **fields,
                          "evidence": sentence,
                          "explanation": f"L’article le dit en toutes lettres (fait {i}).",
                          "tags": ["bench", f"lot-{i % 4}"]})
    write_articles(folder, {"article": sentences})
    bank = {
        "id": "bench-classe", "title": "Banc d’essai : une classe « en direct »", "language": "fr",
        "as_of": date(2021, 12, 8),
        "sources": [{"id": "article", "title": "Un article synthétique", "outlet": "Le Journal d’essai",
                     "published": date(2021, 12, 7), "path": "sources/article.txt",
                     "summary": "Un article écrit pour mesurer le site sous la charge d’une classe."}],
        "questions": questions,
    }
    path = folder / "bench.yaml"
    atomic_write_text(path, yaml.safe_dump(bank, allow_unicode=True, sort_keys=False))
    return path


# -- the large bank (bench_build.py): SOURCES articles, its YAML written line by line

SOURCES = 20


def _q(s: str) -> str:
    """`s` as a double-quoted YAML scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


BUILD_LINES: dict[str, Callable[[int], list[str]]] = {
    "single": lambda i: [f"    prompt: {_q(f'Où s’est tenu l’événement numéro {i} ?')}",
                         "    choices: [Genève, Paris, Moscou, Washington]", "    answer: Genève"],
    "multi": lambda i: [f"    prompt: {_q(f'Quels mots décrivent l’événement {i} ?')}",
                        "    choices: [Genève, délégués, Tokyo, fusée]", "    answers: [Genève, délégués]"],
    "true_false": lambda i: [f"    statement: {_q(f'L’événement numéro {i} a eu lieu à Genève.')}",
                             "    answer: true"],
    "numeric": lambda i: [f"    prompt: {_q(f'Combien de délégués pour l’événement {i} ?')}",
                          f"    answer: {i % 97 + 3}", "    tolerance: 1", "    unit: délégués"],
    "short": lambda i: [f"    prompt: {_q(f'Dans quelle ville a eu lieu l’événement {i} ?')}",
                        "    answer: Genève", "    accept: [Geneve, Genf]"],
    "quote": lambda i: [f"    quote: {_q(f'Nous étions {i % 97 + 3} à Genève')}",
                        "    speaker: Le porte-parole", "    distractors: [Le ministre, La présidente]",
                        f"    context: {_q(f'Événement {i}')}"],
    "match": lambda i: [f"    prompt: {_q(f'Associez (événement {i}).')}", "    pairs:",
                        "      Lieu: Genève", "      Participants: délégués", "      Source: l’agence"],
    "order": lambda i: [f"    prompt: {_q(f'Remettez dans l’ordre (événement {i}).')}",
                        "    items: [agence, événement, délégués, Genève]"],
    "cloze": lambda i: [f"    text: {_q(f'L’événement {i} a réuni {_gaps(i)}.')}"],
}


def _gaps(i: int) -> str:
    return f"{{{{c1::{i % 97 + 3}::nombre}}}} délégués à {{{{c2::Genève}}}}"


def _build_header() -> list[str]:
    lines = ["id: bench-bank", 'title: "Banc d’essai « 10 000 questions »"', "language: fr",
             "as_of: 2021-12-08", "sources:"]
    for s in range(SOURCES):
        lines += [f"  - id: article-{s}", f'    title: "Article numéro {s} sur le sommet"',
                  '    outlet: "Le Journal d’essai"', "    published: 2021-12-07",
                  f"    path: sources/article-{s}.txt", f"    url: https://example.org/articles/{s}",
                  "    summary: Un article synthétique écrit pour mesurer la construction des paquets."]
    return lines


def make_build_bank(folder: Path, n: int) -> Path:
    """The large bank `bench-bank`: `n` questions cycling through every type, over SOURCES articles."""
    articles: dict[str, list[str]] = {f"article-{s}": [] for s in range(SOURCES)}
    lines = [*_build_header(), "questions:"]
    for i in range(n):
        kind, source = TYPES[i % len(TYPES)], f"article-{i % SOURCES}"
        evidence = f"Selon l’agence, l’événement numéro {i} a réuni {i % 97 + 3} délégués à Genève"
        articles[source].append(evidence + ".")
        lines += [f"  - id: q{i:05d}", f"    type: {kind}", f"    source: {source}", *BUILD_LINES[kind](i),
                  f"    evidence: {_q(evidence)}",
                  f"    explanation: {_q(f'Question {i} : lire l’article & vérifier <les> chiffres.')}",
                  f"    tags: [bench, lot-{i % 10}]"]
    write_articles(folder, articles)
    path = folder / "bench.yaml"
    atomic_write_text(path, "\n".join(lines) + "\n")
    return path
