"""Sub-headings that quote the body: a short quotation set as a heading above the paragraph
that says it ('"C'est une belle intervention"' over '"C'est une belle intervention, …",
explique X'), and a headline that repeats words of the body, take the speaker of the words
below (to review), never a speaker guessed from context."""

from __future__ import annotations

import re

from .quotes import MASK, QuoteSpan
from .reader import Attribution, Reader
from .tokens import fold

# Rules that guess the speaker from context: another guess is not built on theirs.
_GUESSES = frozenset(
    {
        "echo",
        "forward",
        "narrative",
        "colon",
        "answer",
        "adjacent",
        "name-line",
        "participle-colon",
        "interview",
        "subject-before",
        "participle-guess",
        "side",
        "words-of",
    }
)


class Headings(Reader):
    """Finds the quotations set as headings and gives them the speaker of their words below."""

    def _heading_quote(self, si: int, qs: list[QuoteSpan], longest: int = 12) -> bool:
        """A heading that quotes someone: a headline, or a paragraph that is one short quotation
        without a final stop ('"C'est une belle intervention"' above the paragraph that says it)."""
        s = self.sentences[si]
        if s.heading:
            return True
        para = self.article.paragraphs[s.para]
        body = self.view[para.start : para.end].strip()
        if len(qs) != 1 or not body or body[0] not in '«“"' or qs[0].end < para.start + len(body.rstrip()):
            return False
        inner = self.view[qs[0].inner_start : qs[0].inner_end].strip()
        return len(inner.split()) <= longest and not inner.endswith((".", "!", "?", "…"))

    def _lead_in_quote(self, a: Attribution) -> bool:
        """A short quotation alone in the first sentence of its paragraph, narrative after it
        ('"Trois mois de retard". Le chantier, lancé en mai, …'): a lead-in set like a heading."""
        si, q = a.sentence, a.quote
        s = self.sentences[si]
        para = self.article.paragraphs[s.para]
        body = self.view[para.start : para.end]
        first = para.start + len(body) - len(body.lstrip())
        nxt = si + 1
        if q.open != first or nxt >= len(self.sentences) or self.sentences[nxt].para != s.para:
            return False
        if re.search(r"\w", self._masked[si].replace(MASK, "")):
            return False  # words of the sentence around the quotation: not a lead-in alone
        inner = self.view[q.inner_start : q.inner_end].strip()
        return len(inner.split()) <= 12 and not inner.endswith((".", "!", "?", "…"))

    def _echoes(self, out: list[Attribution]) -> None:
        """A heading or lead-in quote takes the speaker of the later quotation that holds its words."""
        for k, a in enumerate(out):
            if a.name_or_title or a.speaker is not None:
                continue
            # A sub-heading may be long when it repeats the words below ('Avec cette pénurie, je …').
            if not (self._heading_quote(a.sentence, [a.quote], 25) or self._lead_in_quote(a)):
                continue
            words = re.findall(r"\w+", fold(a.text))
            if len(words) < 3:
                continue  # 'Pitoyable', 'Un drame': too short to say whose words
            for later in out[k + 1 :]:
                if (
                    later.speaker is not None
                    and later.rule not in _GUESSES
                    and _repeats(words, re.findall(r"\w+", fold(later.text)))
                    and later.quote.open != a.quote.open
                ):
                    a.speaker, a.rule, a.review = later.speaker, "echo", True
                    a.why = f"titre qui reprend les mots de {later.speaker.name} plus bas"
                    break


MAX_INSERTED = 2  # words a headline may drop from the quotation it condenses


def _repeats(heading: list[str], words: list[str]) -> bool:
    """Whether a sub-heading repeats a quotation: all its words in a row, or with at most two
    words of the quotation left out between them ('On a peur' over 'On a un peu peur'), or its
    first five words and at least half of them ('On a couru sans se retourner, vite' over '… On
    a couru sans se retourner, jusqu'au pont.'); a few common words shared is not enough."""
    n = len(heading)
    for i in range(len(words)):
        run = 0
        while run < n and i + run < len(words) and words[i + run] == heading[run]:
            run += 1
        if run == n or (run >= 5 and 2 * run >= n) or (run and _condensed(heading, words[i:])):
            return True
        if run >= 2 and n >= 4 and _reordered(heading, words[i:]):
            return True
    return _lead_in_added(heading, words)


def _lead_in_added(heading: list[str], words: list[str]) -> bool:
    """The heading's last six words or more, at least half of it, in a row in the quotation: a
    lead-in added before its words ('Avec cette pénurie, je suis allée dans toutes les pharmacies
    du quartier' over 'Je suis allée dans toutes les pharmacies du quartier et …')."""
    n = len(heading)
    for j in range(1, n - 5):
        tail = heading[j:]
        if 2 * len(tail) < n:
            break
        if any(words[i : i + len(tail)] == tail for i in range(len(words) - len(tail) + 1)):
            return True
    return False


def _reordered(heading: list[str], words: list[str]) -> bool:
    """The heading's words, its first two in place and the others in another order, within as many
    words and MAX_INSERTED more, no negation among them ('Je suis heureuse et fière' over 'Je suis
    heureuse, fière et encore plus enthousiaste')."""
    needed = list(heading)
    for w in words[: len(heading) + MAX_INSERTED]:
        if w in needed:
            needed.remove(w)
        elif w in _NEGATIONS:
            return False
        if not needed:
            return True
    return False


def _condensed(heading: list[str], words: list[str]) -> bool:
    """All the heading's words, in order, from the first word on, with at most MAX_INSERTED
    others between them."""
    k = 0
    for w in words[: len(heading) + MAX_INSERTED]:
        if k < len(heading) and w == heading[k]:
            k += 1
        elif w in _NEGATIONS:
            return False  # 'Il faut agir' is not 'Il ne faut pas agir'
    return k == len(heading)


_NEGATIONS = frozenset("ne n pas jamais plus rien aucun aucune non guere".split())
