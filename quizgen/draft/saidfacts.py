"""Who said it, beyond the quotations asked whole: words woven into the narrator's sentence ask
who said them, the name blanked; the article's only voice is not asked "who said it?" (the
answer is guessed) once the draft has other questions.

No gap is cut in someone's words: a blind teacher-reader graded 26 such clozes 1 A, 4 E, 21 N
(19 guessable: set phrases like "tout un tas de mesures", "contre vents et marées")."""

from __future__ import annotations

from ..text import word_count
from .askwho import ask_who
from .questions import Builder
from .quotepicks import one_voice
from .statements import MIN_OTHER_QUESTIONS
from .textbits import collapse
from .trivia import standalone


def no_lone_voice(b: Builder) -> None:
    """Take back the "who said it?" of an article with one voice (blind readers: "the answer can be
    guessed"), unless the draft would be left with fewer than MIN_OTHER_QUESTIONS questions."""
    if not one_voice(b.a.attributions):
        return
    who = [q for q in b.questions if "citation" in (q.get("tags") or ())]
    if who and len(b.questions) - len(who) >= MIN_OTHER_QUESTIONS:
        for q in who:
            b.drop(q)


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
