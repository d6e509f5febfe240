"""`X a déclaré que « … »`, `X a qualifié l'alliance d'« … »`, `il a dit « … »`: a speech verb
before the quotation in its sentence, and the subject of that verb."""

from __future__ import annotations

import re

from .nounphrase import NP
from .reader import Reader, _needs_aux
from .speakers import Speaker

# "Elton John, à qui l'on doit …, a déclaré"; "Peter Horby, principal responsable de l'essai a dit".
_SUBJECT_THEN_INCISE = re.compile(r"^[^,]{3,60},(?:.*,\s*$|(?![^,]*\b(?:qui|que|qu'|il|elle)\b)[^,]{3,80}$)")
_PASSIVE = re.compile(r"\bété\s", re.IGNORECASE)
_PASSIVE_BEFORE = re.compile(r"\b(?:est|sont|était|étaient|sera|seront|fut|furent)\s+$")
_BY_AGENT = re.compile(r"[^.;!?]*?\bpar\s+", re.IGNORECASE)
_RELATIVE_AFTER = re.compile(r",\s*(?:qui|dont|où|lorsque|quand|tandis\s+qu|alors\s+qu)")
_RELATIVE_QUI = re.compile(r",\s*qui\s")
_OBJECT_CLITICS = tuple("lui leur me te se nous vous ne n' y en l' le la les".split())
_CLITICS = frozenset((*_OBJECT_CLITICS, "a", "avait", "ont", "avaient"))  # and the auxiliaries
# "…, qui lui reprochait « … »", "la gymnaste qui le reconnaît : « … »": the verb of a relative
# clause, right after its "qui".
_VERB_OF_RELATIVE = re.compile(rf"(?:,\s*|\s)qui\s+(?:(?:{'|'.join(_OBJECT_CLITICS)})\s*)*$")
_APPOSITIONS_ONLY = re.compile(r"(?:\s*\([^()]{1,60}\)|\s*,[^,;:«»()]{1,40})*\s*")
_CLAUSE_OPENER = re.compile(r"\b(?:que|qu'|qui|lorsque|quand|tandis|dont)\b")


class PreVerb(Reader):
    """The rule for a speech verb written before the quotation."""

    def _pre_verb(self, si: int, offset: int) -> tuple[Speaker | None, str, bool] | None:
        m = self._masked[si][:offset]
        # A participle without its auxiliary counts when it shares one: "a évoqué … et salué".
        verbs = [
            v
            for v in self.p["pre"].finditer(m)
            if not (
                v["aux"] is None
                and v["inv1"] is None
                and _needs_aux(v["verb"])
                and not re.search(r"\bet\s+$", m[: v.start()])
            )
        ]
        if not verbs:
            return None
        chosen = self._chosen_verb(m, verbs)
        relative = _VERB_OF_RELATIVE.search(m[: chosen.start()])
        if relative is not None:
            # "X a répondu à Y, qui lui reprochait « … »": Y, whom "qui" stands for, to review.
            sp = self._speaker(self._np_at(si, self.sentences[si].start + relative.start() - 1), si)
            return (sp, "who", True) if sp is not None else None
        between = m[chosen.end() :]
        if re.search(r"[.;!?]\s", between):
            return None
        inverted = (chosen["inv1"] or chosen["inv2"] or "").lstrip("-t").lstrip("-")
        if inverted and _CLAUSE_OPENER.search(between):
            return None  # "« … », a-t-il dit, tandis que le procureur, requérant « … »": another clause
        if inverted:
            # "« … », a-t-il souligné, avant de réclamer « … »": the same speaker.
            sp = self._resolve_pronoun(inverted, si, self.sentences[si].start + chosen.start())
            return (sp, "pronoun", not sp.certain) if sp else None
        if _PASSIVE.search(chosen.group()) or _PASSIVE_BEFORE.search(m[: chosen.start()]):
            # "La décision a été jugée « injuste » par X": the agent speaks, not the subject.
            agent = _BY_AGENT.match(self._masked[si], offset)
            sp = self._speaker(self._np_after(si, agent.end()), si) if agent else None
            return (sp, "pre", not sp.certain) if sp is not None and sp.kind != "anonymous" else None
        np_, _toks = self._subject_before(si, chosen.start())
        mid = self.incise_before(si, chosen.start(), chosen.end()) if np_ is None else None
        if mid is not None:
            return mid  # "…, a ajouté la préfète, avec des dégâts « très lourds »"
        if np_ is None:
            np_ = self.subject_across_et(si, [v.start() for v in verbs], verbs.index(chosen))
        guessed = np_ is None
        if np_ is None:
            np_ = self._subject_before_relative(si, chosen.start())
        if np_ is None and _SUBJECT_THEN_INCISE.match(m[: chosen.start()]):
            # "Elton John, à qui l'on doit …, a déclaré que": the sentence's subject, to review.
            sub = self.main_subject(si)
            if sub is not None and sub.kind == "person":
                return sub, "pre", True
        sp = self._speaker(np_, si)
        if sp is None:
            return None
        rule = "pronoun" if sp.via_pronoun else "pre"
        if _RELATIVE_AFTER.search(between):
            # "X a répondu à Y, qui lui reprochait d'être « trop lent »": Y may be the one speaking.
            why = f"{sp.name}, mais une proposition relative s'intercale avant la citation"
            self.extra.setdefault(self.sentences[si].start + offset, {})["why"] = why
            return sp, rule, True
        return sp, rule, not sp.certain or guessed

    def _chosen_verb(self, m: str, verbs: list[re.Match[str]]) -> re.Match[str]:
        """The speech verb whose clause holds the quotation: the last one before it, but the
        first of 'X a confirmé que …, mais que « … »'."""
        chosen = verbs[-1]
        for v in reversed(verbs[:-1]):
            if self.p["but_that"].search(m, chosen.end()):
                chosen = v
            else:
                break
        return chosen

    def _subject_before_relative(self, si: int, start: int) -> NP | None:
        """'X, 49 ans, qui a remporté le prix a estimé que « … »': a relative clause left open
        before the verb belongs to the noun phrase that opens the sentence, its subject."""
        relative = [m for m in _RELATIVE_QUI.finditer(self._masked[si][:start])]
        if not relative:
            return None
        # The relative clause has a predicate of its own before the verb ("qui a remporté le prix"),
        # else the verb is its own ("Anne Vidal, qui lui reprochait « … »"): then she speaks.
        own = [w for w in self._masked[si][relative[-1].end() : start].split() if w.lower() not in _CLITICS]
        opening = self.opening_np(si)
        if len(own) < 2 or opening is None:
            return None
        # The relative clause hangs on the subject (or its appositions), not on an object of a verb.
        between = self._masked[si][opening.end - self.sentences[si].start : relative[-1].start()]
        return opening if _APPOSITIONS_ONLY.fullmatch(between) else None
