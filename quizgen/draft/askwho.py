"""Who did it: "D'après l'article, qui complète cette phrase : « _____ a remporté … » ?", with the
article's other people to choose from (asked directly when the name opens the sentence)."""

from __future__ import annotations

import re

from .blanks import given_away, in_headline
from .distractors import Candidate, other_gender, pick
from .factspans import NEGATION, emphasised, in_sentence, spans_of
from .lexicon import TITLES
from .nlp import within
from .questions import Builder
from .salience import named_in_passing
from .textbits import BLANK, collapse, display, guillemets, join, stable_order
from .trivia import a_firm, a_source

_ARTICLE_BEFORE = re.compile(r"(?:\b(?:le|la|les)\s+|\bl['’])$", re.IGNORECASE)


def ask_who(b: Builder, si: int, speaker: str | None = None) -> bool:
    """ "D'après l'article, qui complète cette phrase : « _____ a remporté … » ?" on the first person
    of sentence si worth asking; `speaker`: that person only, the role written before the name
    blanked with it ("[Le chef de file des Insoumis Jean-Luc Mélenchon] juge …")."""
    if len(spans_of(b, si, "PER")) >= 3:
        return False  # a list of people is a multi question (lists), not "who completes it?"
    if NEGATION.search(b.text[slice(*b.sentence_span(si))]):
        return False  # "qui n'est pas à Cannes ?" asks about what did not happen
    for x, y in spans_of(b, si, "PER"):
        if len([w for w in b.text[x:y].split() if w.lower() not in TITLES]) < 2:
            continue  # "Mme Trump", "Koeman": a surname may be someone else's (the answer must be sure)
        person = b.a.registry.person(b.text[x:y])
        if person is None or person.key in b.cache.setdefault("who", set()) or a_firm(b.text, person.name):
            continue  # the same person asked about once; "l'usine Martin Dupuis" is no person
        if speaker is not None and person.name != speaker:
            continue
        before = b.text[max(0, x - 120) : x].lower()
        roles = [r.role.lower() for r in b.a.roles if r.person == person.name and r.sentence == si]
        role = next((r for r in roles if r in before), None)
        if role is not None and speaker is None:
            continue  # "Le ministre de la Pêche, [X], a…": the role before it, asked by the role question
        if a_source(b.text, x, y) or in_headline(b, b.text[x:y]):
            continue  # "selon [Paul Durand]": who told the article is no fact to learn; the title names him
        if named_in_passing(b, si, x, y):
            continue  # "avec [Olivier Marchal] pour les acteurs": named once, in passing
        if role is not None:  # the role goes into the blank with the name: it names him
            x = max(0, x - 120) + before.rfind(role)
            article = _ARTICLE_BEFORE.search(b.text, max(0, x - 8), x)
            x = article.start() if article else x
        answer = Candidate(display(person.name), "person", "p:" + person.key)
        picked = pick(answer, b.candidates, exclude=in_sentence(b, si))
        # "La vice-présidente du Département, _____": a choice of the other gender is ruled out.
        names = [d for d in picked.names if not other_gender(b.a.registry, answer.name, d)]
        if len(names) < 2 or picked.fallback:
            continue
        start, end = b.sentence_span(si)
        pre, _mid, post = b.window(si, x, y)
        if given_away(b.text[x:y], pre, post):
            continue  # "M. Macron … Emmanuel Macron": the sentence names the answer again
        blank = f"D’après l’article, qui complète cette phrase : {guillemets(join(pre, BLANK, post))} ?"
        # The direct question first; refused, the blank to fill; refused too, the next person.
        for prompt in dict.fromkeys(p for p in (_who_prompt(b, start, end, x, y), emphasised(blank)) if p):
            qid = b.ids("qui", person.name)  # a refused question gives its id back
            q = {
                "id": qid,
                "type": "single",
                "source": b.source_id,
                "prompt": prompt,
                "choices": stable_order([answer.name, *(display(d) for d in names)], qid),
                "answer": answer.name,
                "evidence": collapse(b.text[start:end]),
                "explanation": f"L’article écrit : « {collapse(b.text[start:end])} »",
                "tags": ["essentiel"],
            }
            if b.add("keyfact", q, review=False, sentence=si):
                b.cache["who"].add(person.key)
                return True
    return False


def _who_prompt(b: Builder, start: int, end: int, x: int, y: int) -> str | None:
    """A direct question when the name opens the sentence: "Justine Triet fustige le
    gouvernement." → "D’après l’article, qui fustige le gouvernement ?" (no blank to fill)."""
    rest = collapse(b.text[y:end]).rstrip(" .!")
    rest = re.split(r",\s+(?:il|elle|ils|elles|on|mais|puis)\s", rest)[
        0
    ]  # "…, elle dénonce…": another clause
    if b.text[start:x].strip() or not re.match(r"(?:,\s*)?[a-zàâçéèêëîïôûùüÿœ]", rest):
        return None
    verbless = b.a.tokens and not any(t.pos in ("VERB", "AUX") for t in within(b.a.tokens, y, end))
    if re.match(r"(?:et|ou|ni)\s", rest) or verbless:
        return None  # "[X] et les rameurs primés": one of a pair, a headline without its verb
    if len(rest.split()) > 30 or any(c in rest for c in '«»"“”…'):
        return None
    return emphasised(f"D’après l’article, qui {rest} ?".replace("qui , ", "qui, "))
