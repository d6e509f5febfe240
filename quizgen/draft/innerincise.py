"""The speaker tag inside the quotation marks: « Nous partirons demain, estime l'astronaute. »,
« A, explique-t-elle, B », « A – a déclaré X – B », « A, se satisfait Anne Roux, une habitante. B »."""

from __future__ import annotations

import re

from .firstnames import a_persons_name
from .incises import INVERTED_INCISE
from .nounphrase import PRONOUNS, parse_np
from .quotes import QuoteSpan
from .reader import Reader, _needs_aux
from .speakers import Speaker
from .speechforms import INCISE_END
from .tokens import tokenize

Found = tuple[Speaker | None, str, bool]
# ", se console", ", s'enthousiasme", ", illustre": a verb in the present, third person (reflexive
# or not), before a capitalised word.
_PRESENT_VERB = re.compile(r",\s*(?P<se>se\s+|s['’])?[a-zéèêàâîôûç]{3,}(?:e|t)\b(?=\s+[A-ZÀ-Ý])")
# One lower-case word closing a description in an incise: "la gymnaste superstar".
_EPITHET = re.compile(r"\s+[a-zà-ÿ-]{3,}(?=\s*[.;!?…])")
# After the name: a stop, or an apposition ("une habitante de la ville") then a stop.
_AFTER_NAME = re.compile(r"\s*(?:,[^.;!?«»“”]{1,80})?[.;!?…]")


class InnerIncises(Reader):
    """The incise written inside the quotation marks; each rule returns (speaker, rule, review) or None."""

    def inner_incise(self, si: int, q: QuoteSpan) -> Found | None:
        """« Nous partirons demain, estime l'astronaute. » / « A, explique-t-elle, B » /
        « A – a déclaré X – B »."""
        inner = self.view[q.inner_start : q.inner_end]
        for comma in re.finditer(r",|\s[–—]\s", inner):
            c = comma.start()
            if c < 12:
                continue
            found = self._incise_at(si, q, q.inner_start + c)
            if found is not None:
                return found
        return None

    def _incise_at(self, si: int, q: QuoteSpan, pos: int) -> Found | None:
        mm = self.p["post"].match(self.view[pos : q.inner_end])
        inverted = INVERTED_INCISE.match(self.view[pos : q.inner_end]) if mm is None else None
        if mm is None and inverted is None:
            return self._named_inversion(si, q, pos)
        if mm is not None and mm["aux"] is None and mm["inv2"] is None and _needs_aux(mm["verb"]):
            return None
        if mm is None:
            pronoun = inverted["pronoun"]  # type: ignore[index]  # « A, prédit-il, B »: any verb
        else:
            pronoun = (mm["inv1"] or mm["inv2"] or "").lstrip("-t").lstrip("-")
        if pronoun:
            end = pos + (mm or inverted).end()  # type: ignore[union-attr]
            sp = self._resolve_pronoun(pronoun, si, q.open)
            review = sp is not None and not sp.certain
        else:
            toks = tokenize(self.view, pos + mm.end(), q.inner_end)
            np_ = parse_np(toks, 0) if toks else None
            if np_ is None or (np_.head in PRONOUNS and np_.det is None):
                return None
            end = np_.end
            sp = self._speaker(np_, si)
            review = sp is not None and not sp.certain
        tail = INCISE_END.match(self.view[end : q.inner_end])
        epithet = _EPITHET.match(self.view, end, q.inner_end) if tail is None and not pronoun else None
        if epithet is not None:  # "explique la gymnaste superstar. Il y a …": one more word of her
            end, tail = epithet.end(), INCISE_END.match(self.view[epithet.end() : q.inner_end])
        if sp is None or tail is None:
            return None
        end += tail.end("adverbial")
        self.extra.setdefault(q.open, {})["cut"] = (pos, end)
        return sp, "incise-inside", review

    def _named_inversion(self, si: int, q: QuoteSpan, pos: int) -> Found | None:
        """« A, se satisfait Anne Roux, une habitante. B », « A, illustre Patrice Joly, candidat. B »:
        inside the marks, a verb in the present then a written name (for a verb that is not
        reflexive, a first name and a surname), after a comma, is an incise whatever the verb (its
        subject after it); the name must be written, not a description, and no tag follows."""
        if not self.tokens or not self.view.startswith(",", pos):
            return None
        tag = self.p["post"].match(self.view[q.close + 1 : q.close + 80])
        if tag is not None and not (tag["inv1"] or tag["inv2"]):
            return None  # the tag after the closing mark names who ("…, a assuré Paul Roy")
        verb = _PRESENT_VERB.match(self.view, pos, q.inner_end)
        if verb is None:
            return None  # « J'ai battu Nadal, dominé Novak Djokovic »: a name after a verb is its object
        verb_end = verb.end()
        toks = tokenize(self.view, verb_end, q.inner_end)
        np_ = parse_np(toks, 0) if toks else None
        if np_ is None or np_.det is not None or not np_.names():
            return None
        if not verb["se"] and not a_persons_name(self.view[np_.start : np_.end]):
            return None  # not reflexive: only before a first name and a surname ("illustre Patrice Joly")
        tail = _AFTER_NAME.match(self.view, np_.end, q.inner_end)
        sp = self._speaker(np_, si)
        if sp is None or sp.kind != "person" or tail is None:
            return None
        self.extra.setdefault(q.open, {})["cut"] = (pos, tail.end())
        return sp, "incise-inside", True
