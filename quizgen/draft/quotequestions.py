"""The "who said it?" questions: one per quotation worth it, with the article's other voices as
wrong choices (a short typed question when it has no other voice of the kind)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from .distractors import Candidate, Picked, pick
from .questions import Builder
from .quotepicks import a_name, one_per_sentence, one_voice, without_incise
from .reader import Attribution
from .textbits import collapse, display, of, shorten_quote
from .trivia import standalone

MAX_QUOTES_PER_SPEAKER = 5  # more of one voice asks the same "who said it?" again and again


def quote_questions(b: Builder) -> None:
    """ "Who said it?" on each quotation worth it: the longest of its sentence, whole (not a
    fragment), by a named person or body; five at most per voice, one for the article's only voice."""
    chosen = one_per_sentence(b.a.attributions)
    titles = {id(att) for att in chosen if att.rule == "echo" or b.a.sentences[att.sentence].heading}
    in_body = {att.speaker.key for att in chosen if att.speaker and id(att) not in titles}
    asked: Counter[str] = Counter()
    most = 1 if one_voice(b.a.attributions) else MAX_QUOTES_PER_SPEAKER  # one voice: once
    for att in chosen:
        if id(att) in titles and att.speaker and att.speaker.key in in_body:
            continue  # a headline or intertitle in the speaker's words, asked from the body
        sp = att.speaker
        assert sp is not None
        answer = Candidate(display(sp.name), sp.kind, sp.key, sp.role)
        words = shorten_quote(collapse(without_incise(b.text, att))).lstrip(" .,;:")
        picked = _choices(b, answer, words)
        if picked is None or not standalone(words) or asked[sp.key] >= (most if picked.names else 1):
            continue  # a fragment, or the only voice asked about again: "who said it?" is no question
        q, why = _question(b, att, answer, words, picked)
        if most == 1:  # one voice: the teacher may drop it, or ask about the words instead
            why = "; ".join(x for x in (why, "seule voix de l’article : la réponse se devine") if x)
        if b.add("quote", q, review=att.review or bool(why), why=why, sentence=att.sentence):
            asked[sp.key] += 1  # a refused quotation leaves room for another of the same voice


def _choices(b: Builder, answer: Candidate, words: str) -> Picked | None:
    """The wrong choices of a "who said it?" (none: a typed question), or None: no question."""
    if answer.kind == "anonymous":  # "Une usagère / Un homme / Une jeune femme": no name to learn,
        return None  # descriptions a student cannot tell apart (blind-graded N)
    named = [c.name for c in b.candidates if c.name.split()[-1] in words]  # "sans X, nous…"
    picked = pick(answer, b.candidates, exclude=named)  # "sans X, nous…": X no choice
    if len(picked.names) < 2:  # too few left: the other people back, unless all are named in it
        whole = pick(answer, b.candidates)
        picked = picked if all(n in named for n in whole.names) else whole
    if answer.kind == "institution" and (picked.fallback or not picked.names) and not a_name(answer.name):
        return None  # "Le club", typed or among people: no name to learn, or the odd one out
    return picked


def _question(
    b: Builder, att: Attribution, answer: Candidate, words: str, picked: Picked
) -> tuple[dict[str, Any], str]:
    """The question on `att` (a quote, or a short typed one without wrong choices), and why to review."""
    sp = att.speaker
    assert sp is not None
    evidence = collapse(b.text[att.evidence[0] : att.evidence[1]])
    qid = b.ids("citation", sp.name.split()[-1] if sp.kind == "person" else sp.name)
    role = f" ({sp.role})" if sp.role and sp.kind == "person" else ""
    q: dict[str, Any] = {"id": qid, "source": b.source_id}
    why = att.why
    if not picked.names:
        # Nobody else of the kind in the article: ask for the name instead.
        q.update(type="short", prompt=f"D’après l’article, qui a dit : « {words} » ?", answer=answer.name)
        if b.accepted(sp.name):
            q["accept"] = b.accepted(sp.name)
        why = "; ".join(x for x in (why, "aucun autre locuteur à proposer : question ouverte") if x)
    else:
        wrong = [display(d) for d in picked.names]
        q.update(type="quote", quote=words, speaker=answer.name, distractors=wrong)
        if picked.fallback:
            why = "; ".join(x for x in (why, "choix d’une autre nature que la réponse") if x)
    explanation = f"D’après l’article, ces mots sont {of(sp.name)}{role}."
    q.update(evidence=evidence, explanation=explanation, tags=["citation"])
    return q, why
