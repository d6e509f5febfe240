"""The incise after a quotation, read by the rules: `« … », a déclaré X`, `« … », ajoute-t-elle`,
`« … », selon X`, `« … », ont été les premiers mots de X`, `« … » -Reuters`, `« … », c'est en
ces termes que X …`, and the speaker after adverbials set off by commas."""

from __future__ import annotations

import re

from .agencies import news_agency
from .lexicon import NOT_SAYING_INVERTED, speech_form
from .nounphrase import is_role_head
from .quotes import MASK, QuoteSpan
from .reader import Reader, _needs_aux
from .speakers import Speaker

# ', lundi, devant la presse, ' between the verb of an incise and its speaker.


# ', prédit-il', ', a-t-elle persiflé', ', s'amuse-t-il' — then the end of the sentence or a complement;
# never ', paraît-il', ', semble-t-il' (hearsay, no speaker).
INVERTED_INCISE = re.compile(
    rf"[\s,;]*(?:[-–—]\s*)?{NOT_SAYING_INVERTED}"
    r"(?:s'|se\s+)?(?:[a-zéèêëàâîïôûüç]{3,}(?:-t)?|(?:a|avait|aurait)-t)-(?P<pronoun>il|elle)"
    r"(?:\s+[a-zéèêëàâîïôûüç]{3,})?\s*(?=[.,;!?…]|$|\s+(?:à|au|aux|dans|sur|devant|lors|en)\b)"
)


# ', lui répond-elle', ' - leur lance-t-il': the incise says to whom the words were said.
_TO_SOMEONE = re.compile(r"[\s,;]*(?:[-–—]\s*)?(?:lui|leur)\s+\w", re.IGNORECASE)
_PAREN_SOURCE = re.compile(r"\s*\(\s*(?=[A-ZÀ-Ý])")
# Rules that read the clause of the quotation (its verb and subject), where 'X et Y' is a group.
_CLAUSE_RULES = frozenset({"pre", "post", "parsed", "parsed-incise", "selon"})
# ' et la préfète Anne Vidal', ' et M. Roy' after a name; 'Paul Roy et le sénateur ' before one.
_AND_NEXT = re.compile(r"^\s+et\s+(?:(?:l[ae]|les|l'|son|sa|M\.|Mme|[a-zéèêç-]+)\s*){0,3}[A-ZÀ-Ý]")
_AND_BEFORE = re.compile(
    r"[A-ZÀ-Ý][\w'-]+\s*,?\s+et\s+(?:(?:l[ae]|les|l'|son|sa|M\.|Mme|[a-zéèêç-]+)\s*){0,3}$"
)


# Between a quotation and the incise that closes its sentence: complements, never a clause of
# their own ('à la fontaine, sous la pluie, a-t-il raconté'; not ', quand il est arrivé, ').
_CLAUSE_WORDS = re.compile(
    r"\b(?:qui|que|qu'|dont|où|quand|lorsque|si|mais|car|puis|il|elle|ils|elles|on|je|nous|vous|"
    r"a|ont|est|sont|était|étaient|avait|avaient|sera|seront|fait|font|va|vont)\b",
    re.IGNORECASE,
)

_TERM_AFTER_ARTICLE = re.compile(r"\b(?:l[ae]s?|l'|du|des|une?|au|aux|son|sa|ses|leurs?|ce|cette)\s*$", re.I)


# Whom words were said to, closing the sentence after the speaker: "aux journalistes", "à la
# presse", "devant les militants", "au micro de France Bleu".
_ADDRESSEES = re.compile(r"^\s+(?:à|aux?|devant|auprès\s+d(?:e|u|es))\s+[^,;:.!?«»]{2,60}(?=[.!?…]?\s*$)")


# "« … » dénoncée par X", "« … », jugés par X": a participle of saying, then its agent.
_PARTICIPLE_BY = re.compile(
    r"\s*,?\s*(?:(?:a|ont|avait|avaient)\s+été\s+)?(?P<verb>[\w-]+)\s+par\s+", re.IGNORECASE
)
_ABOUT_THE_SPEAKER = re.compile(r"^\s*,\s*(?:qui|dont)\s[^«»“”\"]*$")


class Incises(Reader):
    """The incise rules; `_post` returns (speaker, rule, review), the speaker None when none."""

    def _post(self, si: int, offset: int) -> tuple[Speaker | None, str, bool]:
        m = self._masked[si]
        after = m[offset:]
        for pattern, rule in (("these_words_after", "post"), ("as_says_after", "selon")):
            # "« … » : c'est en ces termes que X a conclu", "« … », comme l'a décrit X"
            mm = self.p[pattern].match(after)
            if mm:
                sp = self._speaker(self._np_after(si, offset + mm.end()), si)
                return (sp, rule, not sp.certain) if sp else (None, "", False)
        mm = self.p["selon_after"].match(after)
        if mm:
            sp = self._speaker(self._np_after(si, offset + mm.end()), si)
            if sp is not None and news_agency(sp.name):
                # "« … », rapporte l'AFP": the agency reports the words of whoever spoke just before.
                return self._reported_by_agency(si) or (None, "", False)
            impersonal = "-on " in mm.group().lower() and "auprès" not in mm.group()  # "dit-on à Vierzon"
            return (sp, "selon", not sp.certain or impersonal) if sp else (None, "", False)
        mm = self.p["speech_noun"].match(after)
        if mm:
            k = offset + mm.end()
            d = re.match(r"(du|des|de|d')\s*", m[k:])
            if d:
                if d.group(1) in ("du", "des"):
                    np_ = self._np_after_contracted(si, k, d.group(1))
                else:
                    np_ = self._np_after(si, k + d.end())
                sp = self._speaker(np_, si)
                if sp:
                    return sp, "post", not sp.certain
        mm = self.p["agency"].match(after)
        if mm:
            sp = self.registry.institution(mm["name"])
            return sp, "agency", False
        agent = self._by_agent(si, offset)
        if agent is not None:
            return agent
        source = self._paren_source(si, offset)
        if source is not None:
            return source
        mm = self.p["post"].match(after)
        if not mm:
            return self._any_inverted(si, offset)
        if mm["aux"] is None and mm["inv2"] is None and _needs_aux(mm["verb"]):
            return None, "", False
        pronoun = (mm["inv1"] or mm["inv2"] or "").lstrip("-t").lstrip("-")
        if pronoun:
            sp = self._resolve_pronoun(pronoun, si, self.sentences[si].start + offset)
            sp = self._not_addressed(sp, si, after)
            return (sp, "pronoun", not sp.certain) if sp else (None, "", False)
        sp = self._speaker(self._np_after(si, offset + mm.end()), si)
        if sp is None:
            sp = self._speaker_after_adverbials(si, offset + mm.end())
        if sp is None:
            return None, "", False
        return sp, "post", not sp.certain

    def _paren_source(self, si: int, offset: int) -> tuple[Speaker, str, bool] | None:
        """ "« … » (Paul Girard, maire de Vienne)": the source in brackets."""
        m = self._masked[si]
        paren = _PAREN_SOURCE.match(m[offset:])
        if not paren:
            return None
        np_ = self._np_after(si, offset + paren.end())
        rest = m[np_.end - self.sentences[si].start :] if np_ is not None else ""
        if np_ is not None and np_.names() and re.match(r"\s*(?:,[^()]{0,80})?\)", rest):
            sp = self._speaker(np_, si)
            if sp is not None:
                return sp, "post", not sp.certain
        return None

    def _by_agent(self, si: int, offset: int) -> tuple[Speaker, str, bool] | None:
        """'Une « absence sectaire » dénoncée par le président': the agent of a participle of
        saying said the words."""
        mm = _PARTICIPLE_BY.match(self._masked[si], offset)
        if mm is None or not speech_form(mm["verb"].lower()):
            return None
        sp = self._speaker(self._np_after(si, mm.end()), si)
        return (sp, "post", not sp.certain) if sp is not None and sp.kind != "anonymous" else None

    def _any_inverted(self, si: int, offset: int) -> tuple[Speaker | None, str, bool]:
        """'« … », prédit-il', '« … », a-t-elle persiflé': French inverts the subject pronoun
        after a quotation only for a verb of saying or thinking, whatever the verb: no list."""
        mm = INVERTED_INCISE.match(self._masked[si], offset)
        if mm is None:
            return None, "", False
        sp = self._resolve_pronoun(mm["pronoun"], si, self.sentences[si].start + offset)
        sp = self._not_addressed(sp, si, self._masked[si][offset:])
        return (sp, "pronoun", not sp.certain) if sp else (None, "", False)

    def _not_addressed(self, sp: Speaker | None, si: int, after: str) -> Speaker | None:
        """'« … », lui répond-elle': whoever spoke last is the one spoken to, not the speaker."""
        if sp is None or not _TO_SOMEONE.match(after):
            return sp
        for back in range(si, max(-1, si - 4), -1):
            said = self._speaker_of.get(back)
            if said is not None:
                return None if said[0].key == sp.key else sp
        return sp

    def _speaker_after_adverbials(self, si: int, k: int) -> Speaker | None:
        """'« … », a martelé, lundi, devant la presse, Pierre Moreau.', '« … », a déclaré lundi à
        Lyon, devant la presse, le ministre de l'Intérieur, Pierre Moreau.': the speaker after
        short adverbials set off by commas, when it (with its name in apposition) closes the sentence."""
        s, m = self.sentences[si], self._masked[si]
        rest = m[k:]
        if MASK in rest:
            return None
        for comma in re.finditer(",", rest):
            lead = rest[: comma.start()].split(",")
            if len(lead) > 3 or any(len(part.split()) > 7 for part in lead):
                return None
            np_ = self._np_after(si, k + comma.end())
            if np_ is None:
                continue
            end = np_.end  # the apposition included
            tail = _ADDRESSEES.sub("", m[end - s.start :])  # "… aux journalistes": whom it was said to
            tail = _ABOUT_THE_SPEAKER.sub("", tail)  # "…, Paul Roy, qui a déjà …": who the speaker is
            if tail.strip(" .!?…") or not (np_.names() or np_.apposition or is_role_head(np_.head)):
                continue
            return self._speaker(np_, si)
        return None

    def colon_after(self, si: int, close: int) -> tuple[Speaker | None, str, bool] | None:
        """'« Nous ne lâcherons rien » : Marie Dubois, déléguée syndicale, résume …': a colon after
        the quotation, then a clause whose subject opens it and whose verb is one of speech."""
        s, m = self.sentences[si], self._masked[si]
        mm = re.compile(r"\s*:\s*").match(m, close - s.start)
        if mm is None:
            return None
        v = self.p["pre"].search(m, mm.end())
        if v is None:
            return self._colon_then_clause(si, mm.end())
        if MASK in m[mm.end() : v.start()] or v["inv1"] or v["inv2"]:
            return None
        if v["aux"] is None and _needs_aux(v["verb"]):
            return None
        np_, _toks = self._subject_before(si, v.start())
        if np_ is None or np_.start != s.start + mm.end() or not np_.names():
            return None  # the subject must open the clause and name someone
        sp = self._speaker(np_, si)
        return (sp, "post", not sp.certain) if sp is not None else None

    def _reported_by_agency(self, si: int) -> tuple[Speaker | None, str, bool] | None:
        """The person who spoke in one of the two sentences before, in the same paragraph, else
        the person they are about (to review): an agency that reports words is not their speaker."""
        para = self.sentences[si].para
        for back in range(si - 1, max(-1, si - 3), -1):
            if self.sentences[back].para != para:
                break
            said = self._speaker_of.get(back)
            if said is not None and said[0].kind in ("person", "anonymous"):
                return said[0], "agency-relay", True
            subject = self.main_subject(back) if said is None else None
            if subject is not None and subject.kind == "person":
                return subject, "agency-relay", True
            if said is not None or subject is not None:
                break
        return None

    def _relayed(self, si: int, qs: list[QuoteSpan], found: list[tuple[Speaker | None, str, bool]]) -> None:
        """'Le maire a promis « une enquête », a indiqué X': the incise's speaker may only relay
        the words of the subject before; two readings, so the teacher checks."""
        for k, q in enumerate(qs):
            sp, rule, review = found[k]
            if sp is None or review or rule not in ("post", "parsed-incise"):
                continue
            before = self._pre_verb(  # type: ignore[attr-defined]
                si, max(q.open - self.sentences[si].start, 0)
            )
            other = before[0] if before else None
            if other is not None and other.key != sp.key and other.kind != "anonymous":
                found[k] = (sp, rule, True)
                why = f"incise de {sp.name}, mais {other.name} parle avant"
                self.extra.setdefault(q.open, {})["why"] = why

    def shared_words(self, si: int, q: QuoteSpan, found: tuple[Speaker | None, str, bool]) -> bool:
        """'Paul Roy et Anne Vidal ont déclaré que « … »', '« … », ont dit X et le maire': a
        person named with another, joined by 'et', in the clause that holds the quotation: the
        words are several people's, or one of them; to review."""
        sp, rule, review = found
        if sp is None or review or sp.kind != "person" or rule not in _CLAUSE_RULES:
            return False
        m = self._masked[si]
        name = re.escape(sp.name.split()[-1])
        first = re.escape(sp.name.split()[0])
        for mm in re.finditer(rf"(?<![\w-])(?:{first}\s+(?:[\w'-]+\s+){{0,2}})?{name}(?![\w-])", m):
            after, before = m[mm.end() :], m[: mm.start()]
            if _AND_NEXT.match(after) or _AND_BEFORE.search(before):
                self.extra.setdefault(q.open, {})["why"] = f"{sp.name} et une autre personne parlent ensemble"
                return True
        return False

    def incise_before(self, si: int, verb_start: int, verb_end: int) -> tuple[Speaker, str, bool] | None:
        """'Les pluies ont cessé, a ajouté la préfète, avec des dégâts « très lourds »': an incise
        set off by commas in the middle of the sentence, before the quotation: its speaker says
        the whole sentence, the words after it too."""
        s, m = self.sentences[si], self._masked[si]
        if not re.search(r"\w[^,]*,\s*$", m[:verb_start]):
            return None
        np_ = self._np_after(si, verb_end)
        if np_ is None:
            return None
        end = np_.end  # the apposition included
        if not re.match(r"\s*,", m[end - s.start :]):
            return None
        sp = self._speaker(np_, si)
        if sp is None or sp.kind not in ("person", "institution", "anonymous"):
            return None
        return sp, "post", not sp.certain

    def late_incise(self, si: int, q: QuoteSpan) -> tuple[Speaker | None, str, bool]:
        """'« … » à la fontaine, sous la pluie, a-t-il raconté.': the incise that closes
        the sentence, past complements set off by commas, speaks the last quotation."""
        s, m = self.sentences[si], self._masked[si]
        if _TERM_AFTER_ARTICLE.search(m[: max(q.open - s.start, 0)]):
            return None, "", False  # "le début du « plan social », …": a term the page quotes
        offset = q.end - s.start
        tail = m[offset:]
        for comma in reversed([c.start() for c in re.finditer(",", tail)]):
            between = tail[:comma]
            if MASK in between or len(between.split()) > 20 or _CLAUSE_WORDS.search(between):
                return None, "", False
            if self.p["pre"].search(between):
                return None, "", False
            if not self.p["post"].match(tail[comma:]) and not INVERTED_INCISE.match(tail[comma:]):
                continue
            found = self._post(si, offset + comma)
            if found[0] is not None:
                return found
        return None, "", False

    def _colon_then_clause(self, si: int, at: int) -> tuple[Speaker | None, str, bool] | None:
        """'« … » : Paul Roy n'a pas mâché ses mots.': a named subject opens the clause after the
        colon, a verb of any kind follows it (as the parser reads it); to review."""
        s = self.sentences[si]
        np_ = self._np_after(si, at)
        if not self.tokens or np_ is None or np_.start != s.start + at or not np_.names():
            return None
        end = np_.end  # the apposition included
        nxt = next((t for t in self.tokens if t.start >= end), None)
        word = self.view[nxt.start : nxt.end].lower() if nxt else ""
        if nxt is None or nxt.start >= s.end or (nxt.pos not in ("VERB", "AUX") and word not in ("ne", "n'")):
            return None
        sp = self._speaker(np_, si)
        if sp is None or sp.kind != "person":
            return None
        return sp, "colon-clause", True

