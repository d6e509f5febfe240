"""Speech that runs over sentences: a question put to someone and the answer after it, and an
inverted incise that closes a sentence and reports the quotations before it."""

from __future__ import annotations

import re

from .layouts import TO_YOU
from .lexicon import NOT_SAYING_INVERTED, speech_form
from .quotes import QuoteSpan
from .reader import Reader
from .speakers import Speaker
from .speechforms import Found

_LETTER = "a-zéèêëàâîïôûüç"
# An inverted incise that ends the sentence: ", a-t-elle indiqué.", ", ajoute-t-il.", and a
# participle after it: ", a-t-elle indiqué, confirmant une information du Parisien."
_CLOSING_INCISE = re.compile(
    rf",\s*{NOT_SAYING_INVERTED}"
    rf"(?:(?P<verb>[{_LETTER}]{{3,}})(?:-t)?|(?:a|avait|aurait)-t)-(?P<pronoun>il|elle)"
    rf"(?:\s+(?P<participle>[{_LETTER}]{{3,}}))?(?:\s*,\s*[{_LETTER}]{{3,}}ant\b[^.!?«»\u2591]*)?\s*[.!…]?\s*$"
)
# Words that make the quotation a thing's name: "le début du « plan social »", "son « projet »",
# "baptisé « Atlas »".
_TERM_BEFORE = re.compile(
    r"\b(?:du|des|le|la|les|l'|un|une|au|aux|ce|cet|cette|ces|son|sa|ses|leurs?|notre|votre|"
    r"baptisée?s?|surnommée?s?|appelée?s?|intitulée?s?|dite?s?)\s*$",
    re.IGNORECASE,
)
# A question put to someone: "», lui demande le juge", "», l'interroge-t-elle" (not "», l'a
# assuré X", where "l'" is the thing said).
_ASKING = re.compile(
    r"[»\u2591\"]\s*,?\s*(?:lui|leur|l')\s*(?:a\s+|avait\s+)?(?:demand|interrog|questionn|relanc)\w*",
    re.IGNORECASE,
)
_I = re.compile(r"\b(?:je|me|moi|mon|ma|mes)\b|\b[jm]'", re.IGNORECASE)
_ADDRESSED = re.compile(r"[»\u2591\"]\s*,?\s*(?:lui|leur|l')\s*(?!a\b|avait\b|ont\b)[a-zéèêàâîôûç]+", re.I)


class Dialogue(Reader):
    def asked(self, si: int) -> bool:
        """Whether sentence si puts a question to someone: a verb of asking after the quotation,
        or a quotation ending on '?' before an incise addressed to someone."""
        m = self._masked[si]
        if _ASKING.search(m):
            return True
        s = self.sentences[si]
        question = any(
            s.start <= q.close < s.end and self.view[q.inner_start : q.inner_end].rstrip().endswith("?")
            for q in self.quotes
        )
        return question and bool(_ADDRESSED.search(m))

    def answered(self, psi: int, si: int) -> bool:
        """ "« Vous encourez une peine de prison », lui rappelle le président. « J'essaie de … »":
        words said to someone ('vous', an incise with 'lui'), then words in the first person
        singular, untagged: the one addressed answering."""
        said = [q for q in self.quotes if self.sentences[psi].start <= q.open < self.sentences[psi].end]
        to_you = any(TO_YOU.search(self.view[q.inner_start : q.inner_end]) for q in said)
        mine = [q for q in self.quotes if self.sentences[si].start <= q.open < self.sentences[si].end]
        first = any(_I.search(self.view[q.inner_start : q.inner_end]) for q in mine)
        return to_you and first and bool(_ADDRESSED.search(self._masked[psi]))

    def other_party(self, psi: int, sp: Speaker) -> Speaker | None:
        """The speaker before `sp` in a dialogue: the last one, within the paragraph of sentence
        psi and the one before it, who is not `sp`."""
        para = self.sentences[psi].para
        for back in range(psi - 1, -1, -1):
            if self.sentences[back].para < para - 1:
                break
            said = self._speaker_of.get(back)
            if said is not None and said[0].key != sp.key:
                return said[0]
        return None

    def quotes_before_closing_incise(
        self, si: int, qs: list[QuoteSpan], names: list[bool], found: list[Found]
    ) -> None:
        """'« … », notamment le directeur, mais la majorité, « … », sont rentrés chez eux,
        a-t-elle indiqué.': an inverted incise of speech closing the sentence reports all of it,
        the quotations before it included (to review); not a question, not a thing's name."""
        m = self._masked[si]
        mm = _CLOSING_INCISE.search(m)
        if mm is None or not speech_form(mm["participle"] or mm["verb"] or ""):
            return
        at = self.sentences[si].start + mm.start()
        sp = None
        for k, q in enumerate(qs):
            if names[k] or found[k][0] is not None or q.close > at:
                continue
            if _TERM_BEFORE.search(m[: max(q.open - self.sentences[si].start, 0)]):
                continue
            sp = sp or self._resolve_pronoun(mm["pronoun"], si, at)
            if sp is not None:
                found[k] = (sp, "pronoun", True)
