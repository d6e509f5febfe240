"""The story in one question, and why it happened: the first questions of a draft.

The main point (what happened, what was decided, who did it) is asked from the headline or,
without one, from the lead, before any other rule can take its sentence; then the causes the
article gives ("parce que", "en raison de", "faute de"…), as clozes with the hint "pourquoi ?".
"""

from __future__ import annotations

import re

from .blanks import has_verb
from .factspans import cause_clauses, spans_of
from .keyfacts import (
    a_fact,
    ask_who,
    asked_before,
    cloze_on,
    cloze_spans,
    mostly_quoted,
    nationality_for_person,
)
from .lexicon import ROLE_NOUNS
from .nlp import starting_in, within
from .phrases import predicate_phrases
from .questions import Builder
from .textbits import collapse

MAIN_SENTENCES = 3  # the headline and the first sentences of the lead: the story is told there


def _main_sentences(b: Builder) -> list[int]:
    """Where the story is told in one sentence: the headline (a paste may have none), then the
    first sentences that tell (not a question, not someone's words, not a dateline)."""
    out = []
    for si, s in enumerate(b.a.sentences):
        said = collapse(b.text[s.start : s.end]).rstrip(' »"”')
        if len(out) >= MAIN_SENTENCES:
            break
        if s.heading and (si > 0 or len(said.split()) < 5):
            continue
        if said.endswith(("?", ":")) or mostly_quoted(b, si) or len(said.split()) < 5:
            continue
        if not s.heading and b.a.ner and not any(s.start <= x < s.end for x, _y, _l in b.a.ner):
            continue  # "C'était dans l'air du temps, c'est officiel.": no one, nothing named
        out.append(si)
    return out


def _main_spans(b: Builder, si: int, what: bool) -> list[tuple[int, int]]:
    """The facts of a main sentence: what happened (`what`), or any other fact but a figure;
    never a clause ("[le matériau sera le plus résistant]"), nor one name of a list of people."""
    start, end = b.sentence_span(si)
    heading = b.a.sentences[si].heading  # a headline is short: "… s'improvisent [boulangers]"
    quoted = [(q.open, q.close) for q in b.a.quotes]
    spans = [
        (x, y)
        for x, y in predicate_phrases(b.text, b.a.tokens, start, end)
        if not any(o <= x < c for o, c in quoted)
        and (len(b.text[x:y].split()) >= 2 or a_fact(b.text, x, y, start) or heading)  # "parents d'élèves"
        and not asked_before(b, x, y)
        and b.text[x:y].split()[0].lower() not in ROLE_NOUNS
        and not nationality_for_person(b.text, x, b.text[x:y])  # "le Néerlandais": a person
    ]
    if not what:  # figures aside: the figure rules ask them as numbers, where they read best
        figures = {(f.start, f.end) for f, _ in b.a.figures}
        spans = [(x, y) for x, y in cloze_spans(b, si) if (x, y) not in figures]
        spans = [(x, y) for x, y in spans if a_fact(b.text, x, y, start)]  # not "grâce à la [mer]"
    spans = [(x, y) for x, y in spans if not _side(b, si, x, y) and not _flat(b, x, y)]
    if not heading:  # "Les {{glaciers des Alpes}} connaissent …": the lead's subject is the topic
        spans = [(x, y) for x, y in spans if not _subject(b, x, y)]
    listed = spans_of(b, si, "PER") if len(spans_of(b, si, "PER")) >= 3 else []
    verbs = [t for t in starting_in(b.a.tokens, start, end) if t.pos in ("VERB", "AUX")]
    return [
        (x, y)
        for x, y in spans
        if (x, y) not in listed
        and b.text[x : x + 1].isalnum()  # not "[, Eric Maillaud]"
        and not any(x <= t.start and t.end <= y for t in verbs)
    ]


def _subject(b: Builder, x: int, y: int) -> bool:
    """The span holds the subject of its sentence's main verb, and names no person: in a lead,
    the thing the whole article is about ("La {{cérémonie des vœux}} s'est déroulée dimanche"),
    which a student guesses; who did it ("{{Isabelle Florennes}} a exprimé …") stays a question."""
    toks = b.a.tokens
    if any(label == "PER" and x <= a < y for a, _b, label in b.a.ner) or b.a.registry.person(b.text[x:y]):
        return False
    return any(t.dep in ("nsubj", "nsubj:pass") and toks[t.head].dep == "ROOT" for t in within(toks, x, y))


def _side(b: Builder, si: int, x: int, y: int) -> bool:
    """No main point: a title ("le [nouveau maire de Vierzon]"), or a person another sentence
    gives a role (the role question asks them there)."""
    person = b.a.registry.person(b.text[x:y])
    elsewhere = person and any(r.person == person.name and r.sentence != si for r in b.a.roles)
    said = b.text[x:y].lower()
    roles = [r.role.lower() for r in b.a.roles if r.sentence == si]
    titled = any(r in said or said in r for r in roles)  # "[l'armateur du port]", "le [peintre du] Louvre"
    return _head_is_role(b, x, y) or titled or bool(elsewhere)  # "qui est le maire ?" asks them


def _head_is_role(b: Builder, x: int, y: int) -> bool:
    """The span's head (its first noun) names a function: "le [nouveau maire de Vierzon]"; a role
    noun in its complement leaves the fact whole ("la [démission du maire]")."""
    nouns = [b.text[t.start : t.end] for t in within(b.a.tokens, x, y) if t.pos == "NOUN"]
    words = nouns[:1] or b.text[x:y].split()  # no tag: every word, as before
    return any(re.sub(r"^[ldj]['’]", "", w.lower().strip(",.")) in ROLE_NOUNS for w in words)  # "l'armateur"


def _flat(b: Builder, x: int, y: int) -> bool:
    """An adjective and its noun ("a reçu un [grand prix]", "son [nouveau bateau]"): the adjective
    says little and the noun is guessed."""
    toks = [t for t in within(b.a.tokens, x, y) if t.pos not in ("DET", "ADP")]
    named = any(w[:1].isupper() for w in b.text[x:y].split())
    return not named and len(toks) == 2 and toks[0].pos == "ADJ" and toks[1].pos == "NOUN"


def main_point(b: Builder) -> None:
    """The first question of the draft: what the article is about (what happened, what was
    decided, who did it), a cloze on the headline or, without one or when it cannot be asked,
    on the first sentences of the lead; what the main verb governs is hidden first ("Le conseil
    a voté {{c1::la fermeture de l'école}}")."""
    main = _main_sentences(b)
    heading = [si for si in main if b.a.sentences[si].heading]
    # What happened, in the headline or the lead; else another fact of the lead, then further on.
    tries = [(si, True) for si in heading]
    tries += [(si, what) for si in main[len(heading) :] for what in (True, False)]
    for si, what in tries:
        if si in b.used or b.opening(si) is None:
            continue
        spans = _main_spans(b, si, what)
        if spans and what and b.a.registry.person(b.text[slice(*spans[0])]) and ask_who(b, si):
            b.questions[-1]["tags"].append("principal")  # "qui est le nouveau coach ?", with choices
            return
        if cloze_on(b, si, spans, tags=("principal",)):
            return


MAX_CAUSES = 2  # "why?" on the causes the article gives, at most this many per article


def why(b: Builder) -> None:
    """Why it happened: a cloze on the cause a sentence gives after "parce que", "car", "en raison
    de", "faute de", "à cause de"… (a clause with its verb, or a noun phrase), the hint saying a
    cause is asked ("pourquoi ?"), never in someone's quoted words."""
    made = 0
    for si, s in enumerate(b.a.sentences):
        if made >= MAX_CAUSES:
            return
        if si in b.used or mostly_quoted(b, si) or b.opening(si) is None:
            continue
        spans = cause_clauses(b.text, s.start, s.end)
        spans = [sp for sp in spans if not _quoted(b, sp) and _a_clause(b, sp) and not _after(b, sp)]
        # A clause with its verb, or two words or more: not "grâce à [la mer]".
        spans = [sp for sp in spans if len(_content(b.text[slice(*sp)])) >= 2 or has_verb(b, *sp)]
        if spans and cloze_on(b, si, spans, tags=("causes",), hint="pourquoi ?"):
            made += 1


def _content(words: str) -> list[str]:
    articles = ("le", "la", "les", "l", "un", "une", "des")
    return [w for w in re.split(r"[\s'’]+", words.lower()) if w and w not in articles]


def _after(b: Builder, span: tuple[int, int]) -> bool:
    """ "suite à": often no more than "after" ("coach intérimaire suite au départ de X"), a cause
    for a cloze of the sentence, not for a "why?"."""
    return bool(re.search(r"\bsuite\s+(?:à|aux?)\b", b.text[max(0, span[0] - 24) : span[0]], re.IGNORECASE))


def _quoted(b: Builder, span: tuple[int, int]) -> bool:
    return any(q.open <= span[0] < q.close for q in b.a.quotes)


def _a_clause(b: Builder, span: tuple[int, int]) -> bool:
    """A cause after a clause connector has its verb ("parce qu'[il pleuvait]"); a noun phrase
    after "faute de", "en raison de" needs none. Without a parse, three words are enough."""
    x, y = span
    if not re.search(r"(?:que|qu['’]|car|puisque)\s*$", b.text[max(0, x - 10) : x], re.IGNORECASE):
        return True
    toks = within(b.a.tokens, x, y)
    return not b.a.tokens or any(t.pos in ("VERB", "AUX") for t in toks)
