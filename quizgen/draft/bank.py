"""From an analysed article to a draft bank: questions, then the YAML a teacher edits.

Every question is marked `draft: true`, carries the sentence it comes from as
`evidence` (a verbatim extract, checked here before anything is written) and
`review: true` when the generator was unsure, with the reason as a comment.
The bank is validated with the model before it is written, so the file passes
`quizgen validate` as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from pydantic import ValidationError

from ..errors import QuizgenError
from ..evidence import SourceText
from ..lint import Finding, lint_bank
from ..model import Bank
from ..text import word_count
from .claims import claims
from .keyfacts import key_facts, more_facts
from .leaks import mark_leaks
from .mainpoint import main_point, why
from .pipeline import Analysis
from .questions import Builder
from .quotequestions import quote_questions
from .saidfacts import no_lone_voice, who_said_the_fragment
from .statements import balance
from .textbits import collapse, slugify
from .yamlout import Draft, schema_reference, to_yaml

__all__ = ["Draft", "SourceInfo", "build_bank", "schema_reference", "slugify", "summary_of", "to_yaml"]

QUESTION_EVERY_WORDS = 36  # 16 questions for 600 words, when the article has the sentences
MIN_QUESTIONS = 10  # a short article (a 250-word brief) still asks its lead and the rest
MAX_SUMMARY_WORDS = 60  # the validator allows 80: leave the teacher room to rewrite


@dataclass
class SourceInfo:
    """What the teacher told us about the article (or what we guessed)."""

    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    url: str | None = None


def _interview(sentence: str) -> bool:
    """'Question : …?', 'Réponse : « … »', 'Q : …': an interview's turns, not its lead."""
    return sentence.rstrip().endswith("?") or bool(re.match(r"\s*(?:Question|Réponse|Q|R)\s*:", sentence))


def summary_of(analysis: Analysis) -> str:
    """The lead: the first sentences of the first paragraph of the story (headings aside),
    within the word limit; an extract of the article for the teacher to rewrite."""
    text = analysis.article.text
    sentences = [s for s in analysis.sentences if not s.heading]
    # The lead: the first paragraph that tells (an interview's first question does not).
    lead = next(
        (
            s.para
            for s in sentences
            if len(text[s.start : s.end].split()) >= 8 and not _interview(text[s.start : s.end])
        ),
        None,
    )
    out = ""
    for s in sentences:
        if s.para != lead:
            continue
        sentence = collapse(text[s.start : s.end])
        candidate = f"{out} {sentence}".strip()
        if word_count(candidate) > MAX_SUMMARY_WORDS:
            if not out:
                out = " ".join(sentence.split(" ")[:MAX_SUMMARY_WORDS]) + " …"
            break
        out = candidate
    if not out:
        first = analysis.article.paragraphs[0] if analysis.article.paragraphs else None
        out = collapse(text[first.start : first.end]) if first else "Article sans texte."
        out = " ".join(out.split(" ")[:MAX_SUMMARY_WORDS])
    return out


def question_target(words: int) -> int:
    """How many questions the draft asks for at most, from the article's length in words: the
    key-fact rules stop there or when no sentence is left to ask about."""
    return max(MIN_QUESTIONS, words // QUESTION_EVERY_WORDS)


def draft_questions(analysis: Analysis, source_id: str) -> Builder:
    """Every question of the draft, in the order that gives each sentence its best question:
    the main point, quotations, roles (before a figure or a key fact takes their sentence), figures,
    lists of people (a multi asks more of a list sentence than a cloze), the key facts of the
    headline and lead, then the rest of the story."""
    b = Builder(analysis, source_id)
    main_point(b)  # what the article is about, asked first so that no other rule takes its sentence
    why(b)  # the causes the article gives ("parce que", "en raison de"…), before figures take them
    quote_questions(b)
    who_said_the_fragment(b)  # "X juge ces mesures « encore du temps perdu »": who, the name blanked
    b.roles(typed=False)  # a role with choices is asked as a role, before a figure or key fact takes it
    b.figures(numeric=True)
    b.lists()
    b.roles()  # the roles left, with nobody else to offer (the name typed), on a sentence still free
    key_facts(b)
    b.figures(numeric=False)
    target = question_target(word_count(analysis.article.text))
    more_facts(b, target)
    balance(b)  # as many false statements as true ones, then the freed sentences asked another way
    more_facts(b, target)
    no_lone_voice(b)  # the only voice: "who said it?" is guessed, its words are asked instead
    balance(b)  # what the last round added, evened out again
    mark_leaks(b)  # an answer another question prints: to review, with that question named
    claims(b.questions, b.text, analysis.ner)  # statements as claims, not « quotations »
    return b


def build_bank(
    analysis: Analysis, info: SourceInfo, *, bank_id: str, source_path: str, today: date | None = None
) -> Draft:
    """The draft bank of one analysed article, validated (raises QuizgenError if empty)."""
    today = today or date.today()
    article = analysis.article
    notes: list[str] = ["résumé : extrait des premières phrases, à réécrire avec vos mots"]
    title = info.title or article.title or "Article sans titre"
    if not info.title:
        notes.append("titre : première ligne de l’article" if article.title else "titre : aucun, à écrire")
    outlet = info.outlet or "inconnu"
    if not info.outlet:
        notes.append("média (outlet) inconnu : à compléter")
    published = info.published or article.published
    if published is None:
        published = today
        notes.append(f"date de publication inconnue : {today.isoformat()} (aujourd’hui) à corriger")
    source_id = "article"
    b = draft_questions(analysis, source_id)
    text = SourceText(article.text)
    questions = [q for q in b.questions if text.contains(q["evidence"])]
    if len(questions) != len(b.questions):  # pragma: no cover - a bug in the extracts, never the teacher's
        raise QuizgenError("internal error: a drafted evidence is not an extract of the article")
    if not questions:
        raise QuizgenError(
            "found nothing to ask about (no quotation with a speaker, figure, list of people or role)"
        )
    source: dict[str, Any] = {
        "id": source_id,
        "title": title,
        "outlet": outlet,
        "published": published,
        "path": source_path,
        "summary": summary_of(analysis),
    }
    if info.url:
        source["url"] = info.url
    if article.author:
        source["author"] = article.author
    data = {
        "id": bank_id,
        "title": title,
        "language": "fr",
        "as_of": published,
        "description": "Brouillon créé par quizgen draft : relisez, corrigez ou supprimez chaque question, "
        "puis retirez « draft: true ».",
        "sources": [source],
        "questions": questions,
    }
    bank = _validated(data)
    findings = list(lint_bank(bank))
    if _mark_printed_answers(questions, findings, b.reasons):
        bank = _validated(data)
    review = sum(1 for q in questions if q.get("review"))
    if review:
        notes.append(f"{review} question(s) marquée(s) review: true (la raison est en commentaire)")
    # What `quizgen lint` would say of the draft: item-writing flaws to fix while reviewing.
    notes.extend(f"lint {finding}" for finding in findings)
    return Draft(bank, b.counts, review, notes, b.reasons)


def _validated(data: dict[str, Any]) -> Bank:
    try:
        return Bank.model_validate(data)
    except ValidationError as exc:  # pragma: no cover - the builder writes only valid fields
        raise QuizgenError(f"internal error: the draft does not fit the bank model: {exc}") from exc


def _mark_printed_answers(
    questions: list[dict[str, Any]], findings: list[Finding], reasons: dict[str, str]
) -> bool:
    """Mark for review each question whose answer another prints (`quizgen lint` rule BK03);
    whether any was marked."""
    printed = {f.question_id for f in findings if f.code == "BK03" and f.question_id}
    for q in questions:
        if q["id"] in printed:
            q["review"] = True
            why = "réponse écrite dans une autre question (lint BK03)"
            reasons[q["id"]] = "; ".join(w for w in (reasons.get(q["id"]), why) if w)
    return bool(printed)
