"""The facts told in someone's words: a quotation no "who said it?" asks (one voice, or its
quotation refused) still says what was decided or found; a cloze hides it, until the draft has
its count of questions. The article's only voice is not asked "who said it?" (the answer is
guessed) once the draft has other questions: its words are asked instead."""

from __future__ import annotations

import re

from ..text import word_count
from .askwho import ask_who
from .blanks import vague
from .keyfacts import cloze_on
from .phrases import argument_phrases
from .questions import Builder
from .quotepicks import one_voice
from .statements import MIN_OTHER_QUESTIONS
from .textbits import collapse
from .trivia import standalone

_PRONOUNS = frozenset(
    "je tu il elle on nous vous ils elles ça cela ce c' ceci celui celle ceux celles".split()
)

_QUANTIFIERS = frozenset("toute tout tous toutes plusieurs seul seule quelques certains certaines".split())

# "tenir à [gagner des courses]": a verb, not what the words are about.
_INFINITIVE = re.compile(r"\b(?:à|de|d['’])\s*[a-zàâçéèêëîïôûùüÿœ]+(?:er|ir|re|oir)$")

_POINTING = re.compile(r"\b(?:ce|cet|cette|ces)\s+$", re.IGNORECASE)


def no_lone_voice(b: Builder) -> None:
    """Take back the "who said it?" of an article with one voice (blind readers: "the answer can be
    guessed"), unless the draft would be left with fewer than MIN_OTHER_QUESTIONS questions; its
    sentence is free again for said_facts."""
    if not one_voice(b.a.attributions):
        return
    who = [q for q in b.questions if "citation" in (q.get("tags") or ())]
    if who and len(b.questions) - len(who) >= MIN_OTHER_QUESTIONS:
        for q in who:
            b.drop(q)


def said_facts(b: Builder, target: int) -> None:
    """A cloze on each quotation sentence not yet asked about, hiding what its words are about
    (a name, or a phrase of three words or more: "un [vrai plaisir]" is no fact; not a pronoun, not
    "[toute la vallée]"), while the draft is short of `target`."""
    for att in b.a.attributions:
        if len(b.questions) >= target:
            return
        si, q = att.sentence, att.quote
        if si in b.used or att.speaker is None or att.name_or_title or b.opening(si) is None:
            continue
        spans = [
            (x, y)
            for x, y in argument_phrases(b.text, b.a.tokens, q.inner_start, q.inner_end)
            if (len(b.text[x:y].split()) >= 3 or any(w[:1].isupper() for w in b.text[x:y].split()[1:]))
            and not _INFINITIVE.search(b.text[max(0, x - 4) : x] + b.text[x:y].split()[0])
            and not _POINTING.search(b.text[max(0, x - 6) : x])  # "cette [ferveur]": what it points back to
            and b.text[x:y].split()[0].lower().replace("’", "'") not in _PRONOUNS | _QUANTIFIERS
            and not vague(b.text[x:y])
        ]
        if spans:
            cloze_on(b, si, spans, tags=("propos",))


def who_said_the_fragment(b: Builder) -> None:
    """ "Jean-Luc Mélenchon juge ces mesures « encore du temps perdu »": words woven into the
    narrator's sentence make no "who said it?" on their own, but the sentence asks it, the
    speaker's name blanked, with the article's other people to choose from (not for the only
    voice, whose answer is guessed)."""
    if one_voice(b.a.attributions):
        return
    for att in b.a.attributions:
        sp, si = att.speaker, att.sentence
        if sp is None or sp.kind != "person" or att.name_or_title or si in b.used or att.review:
            continue
        words = collapse(att.text)
        if standalone(words) or word_count(words) < 2:
            continue  # a whole quotation: "who said it?" asks it as it is
        start, _end = b.sentence_span(si)
        person = b.a.registry.person(sp.name)
        if person is None or not any(s in b.text[start : att.quote.open] for s in person.surnames):
            continue  # the speaker named before the words, in this sentence
        ask_who(b, si, speaker=person.name)
