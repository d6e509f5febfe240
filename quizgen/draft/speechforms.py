"""Reported speech as French articles also write it, beyond `X a dit « … »`:

- the speaker tag inside the quotation marks: « Nous partirons, estime l'astronaute. »;
- a speech sentence ending with a colon, the quotation in the next paragraph:
  "Elle a déclaré :" ¶ « … »;
- `Réponse : « … »` after a question put to a named person;
- any verb the parser reads as governing the quotation, with a subject that
  names someone (« … », tranche la juge; X s'agace : « … »; X martèle que « … »).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .lexicon import NP_STOP_WORDS, SPEECH_LEMMAS, speech_lemma
from .nounphrase import NP, PRONOUNS, parse_np
from .quotes import MASK, QuoteSpan
from .reader import Reader, _needs_aux
from .speakers import Speaker
from .tokens import Tok, tokenize

Found = tuple[Speaker | None, str, bool]

_NARRATIVE_INFINITIVE = re.compile(r"^\s*(?:Et|et)\s+(?:de\s+|d')(?P<verb>[a-zéèêàâîôûç]+(?:er|ir|re))\b")
_NAMED_INFINITIVE = re.compile(
    r"^\s*(?:Et|et)\s+(?P<subject>[^,:;«»]{3,60}?)\s+(?:de\s+|d')(?P<verb>[a-zéèêàâîôûç]+(?:er|ir|re))\b"
)
_THESE_WORDS = re.compile(
    r"^\s*(?:C'est|c'est)\s+(?:(?:par|avec|en|sur)\s+ces\s+(?:mots|termes|propos|paroles)|ainsi)\s+(?:que|qu')\s*"
)
_ANSWER_LABEL = re.compile(r"^\s*(?:[-–—]\s*)?(?:(?:sa|la|leur)\s+)?(?i:réponse|réplique|R)\s*:\s*$")
_QUESTION_TO = re.compile(r"\?|(?i:\b(?:interrog[ée]e?s?|demand[ée]|question(?:né)?e?s?|sollicit[ée]e?)\b)")
# What may follow the speaker of an incise: "dans un communiqué", "à l'AFP", then a stop.
INCISE_END = re.compile(
    r"^(?P<adverbial>\s*(?:(?:dans|sur|à|au|auprès|lors|devant|en|sans|avec)\b[^.,;!?«»–—]{0,60})?)\s*(?:[.,;!?…–—]|$)"
)
# "s'est confié au journal L'Équipe." — a speech verb closing its sentence.
_CLAUSE_END = re.compile(r"\s*(?:(?:à|au|aux|auprès|dans|sur|devant)\b[^.,;!?«»:]{0,60})?\s*[.:]\s*")
# 'a annoncé son départ.', 'a défendu le projet devant les élus.': a short object, then the end.
_SHORT_OBJECT = re.compile(
    r"\s*(?:(?:le|la|l'|les|son|sa|ses|leur|leurs|un|une|des|ce|cette|ces)\s*)[^.,;!?«»:\u2591]{1,60}?"
    r"(?<!\bque)(?<!\bqui)(?<!\bdont)\s*\.\s*"
)
_REPORTED_AFTER = re.compile(r"\s*(?:(?:alors|aussi|encore|ensuite|d'abord)\s+)?(?:que\b|qu'|:)")
_SUBJECT_DEPS = ("nsubj", "nsubj:pass")
_INCISE_COMMA = re.compile(r"\s*,\s*(?:[-–—]\s*)?")
# Between the comma and the verb of an incise: auxiliary, negation, adverbs, 'tenu à', 'voulu'.
_VERB_GROUP_POS = frozenset({"AUX", "ADV", "ADP", "PART", "SCONJ"})
# Verbs of perceiving, receiving or showing: what follows their colon is someone else's words.
_NOT_SPEAKING = frozenset(
    "entendre écouter voir regarder lire recevoir découvrir trouver apprendre montrer afficher brandir "
    "porter citer".split()
)
# A document or words of someone else before the colon: "la lettre de sa fille :", "les mots de X :".
_OTHERS_WORDS = re.compile(
    r"\b(?:lettre|message|courrier|texte|mots|propos|paroles|phrase|citation|slogan|pancarte|banderole)s?"
    r"\s+(?:de|du|des|d')",
    re.IGNORECASE,
)
_CLIMB_DEPS = ("xcomp", "conj", "advcl")
_NOT_INCISE_WORDS = frozenset(
    "selon puis donc mais alors dont comme avec sans pour contre chez vers après avant depuis pendant "
    "ainsi surtout notamment même voire encore aussi outre".split()
)
_IN_RELATIVE = re.compile(r",\s*qui\s+[^,.;:!?\u2591]{2,80}$")
_QUOTE_DEPS = ("ccomp", "obj", "parataxis", "xcomp", "advcl", "dep", "appos", "conj")


class SpeechForms(Reader):
    """The rules for the forms above; each returns (speaker, rule, review) or None."""

    # ---------------------------------------------------------------- incise read by the parser

    def parsed_incise(self, si: int, q: QuoteSpan) -> Found | None:
        """« … », a balayé la députée: a verb right after the closing mark and its comma, its
        subject after it. French writes speech this way whatever the verb (an incise), so the
        verb need not be in any list: the parser says it is a verb, the subject says who."""
        if not self.tokens:
            return None
        s = self.sentences[si]
        comma = _INCISE_COMMA.match(self._masked[si], q.end - s.start)
        if comma is None or "," not in comma.group():
            return None
        if _IN_RELATIVE.search(self._masked[si][: max(q.open - s.start, 0)]):
            return None  # "X, qui dénonce « … », a quitté la salle": the comma closes the relative
        after = [i for i, t in enumerate(self.tokens) if s.start + comma.end() <= t.start < s.end]
        verb_end = self._incise_verb_end(after)
        if verb_end is None:
            return None
        np_ = self._np_after(si, verb_end - s.start) or self._parsed_subject_after(si, after, verb_end)
        if np_ is None or (np_.head in PRONOUNS and np_.det is None):
            return None
        tail = self.view[np_.end : s.end]
        if INCISE_END.match(tail) is None and not tail.lstrip().startswith((",", "(")):
            return None  # '« … », a écrit la presse que…': not a closed incise
        sp = self._speaker(np_, si)
        return (sp, "parsed-incise", not sp.certain) if sp is not None else None

    def _parsed_subject_after(self, si: int, after: list[int], verb_end: int) -> NP | None:
        """'est venu dire devant le portail le directeur du site': the subject the parser
        finds after the verb, past a complement."""
        verbs = {i for i in after if self.tokens[i].end <= verb_end}
        for i in after:
            t = self.tokens[i]
            governed = t.head in verbs or self.tokens[t.head].head in verbs
            if t.start >= verb_end and t.dep in ("nsubj", "obj") and governed:  # inverted: read as obj
                return self._np_at(si, t.start)
        return None

    def _incise_verb_end(self, after: list[int]) -> int | None:
        """Where the verb group opening an incise ends ('a tenu à rappeler', 'persifle'), or None."""
        first_word = (
            self.view[self.tokens[after[0]].start : self.tokens[after[0]].end].lower() if after else ""
        )
        if first_word in ("s'", "se") and len(after) > 1:
            after = after[1:]  # a reflexive verb: 's'émeut X', 's'étrangle X'
        if not after:
            return None
        first = self.tokens[after[0]]
        word = self.view[first.start : first.end]
        if first.pos not in ("AUX", "VERB"):
            # A verb the small model misreads ('persifle'): one lower-case word, then the subject.
            plain_word = word.isalpha() and word.islower() and len(word) > 3
            return first.end if plain_word and word not in NP_STOP_WORDS | _NOT_INCISE_WORDS else None
        verb = next((n for n, i in enumerate(after[:6]) if self.tokens[i].pos == "VERB"), None)
        if verb is None and first.pos == "AUX" and len(after) > 1:
            # 'a precise à l'AFP' (a typo the model reads as an adjective): the word after the auxiliary.
            nxt = self.view[self.tokens[after[1]].start : self.tokens[after[1]].end]
            return self.tokens[after[1]].end if nxt.isalpha() and nxt.islower() else None
        if verb is None or any(self.tokens[i].pos not in _VERB_GROUP_POS for i in after[:verb]):
            return None
        # 'a voulu rassurer', 'a tenu à préciser': the last verb of the chain.
        while verb + 1 < len(after) and (
            self.tokens[after[verb + 1]].pos == "VERB"
            or (
                verb + 2 < len(after)
                and self.tokens[after[verb + 1]].pos == "ADP"
                and self.tokens[after[verb + 2]].pos == "VERB"
            )
        ):
            verb += 1 if self.tokens[after[verb + 1]].pos == "VERB" else 2
        if self.tokens[after[verb]].lemma in ("être", "avoir", "faire"):
            return None
        return self.tokens[after[verb]].end

    # ---------------------------------------------------------------- colon, next paragraph

    def colon_before(self, si: int, q: QuoteSpan) -> Found | None:
        """'Elle a déclaré :' ending the previous paragraph, the quotation opening this one; or
        ending the sentence before, in the paragraph ('Mais elle se veut confiante: « … »')."""
        s = self.sentences[si]
        if si == 0 or q.open > s.start + 1:
            return None
        prev = self.sentences[si - 1]
        before = self._masked[si - 1].rstrip()
        opens_para = self.article.paragraphs[s.para].start == s.start and prev.para == s.para - 1
        if prev.heading or not before.endswith(":") or not (opens_para or prev.para == s.para):
            return None
        offset = len(before) - 1
        found = (
            self._pre_verb(si - 1, offset)
            or self._parsed_before_colon(si - 1, offset)
            or self._selon(si - 1, offset)  # type: ignore[attr-defined]  # 'Pour X, c'est clair :'
        )
        if found is None or found[0] is None:
            return None
        self.extra.setdefault(q.open, {})["start"] = prev.start
        return found[0], "colon", found[2]

    def _parsed_before_colon(self, si: int, offset: int) -> Found | None:
        """'Jean Dupont s'agace :', 'La députée monte au créneau :' — the last verb before the
        colon and its subject, as the parser reads them (any verb but one of perceiving or
        receiving: 'X entend une conversation :' is not X speaking); to review."""
        s = self.sentences[si]
        start = s.start + self._masked[si].rfind(MASK, 0, offset) + 1
        clause = [i for i, t in enumerate(self.tokens) if start <= t.start < s.start + offset]
        if any(self.tokens[i].lemma in _NOT_SPEAKING for i in clause) or _OTHERS_WORDS.search(
            self._masked[si][start - s.start : offset]
        ):
            return None  # 'X entend une conversation :', 'X a lu la lettre de sa fille :'

        verbs = [i for i in clause if self.tokens[i].pos == "VERB"]
        # 'X persiste :', 'X, secrétaire syndical, est inquiet :' (verbs the small model misreads):
        # the subject that opens the sentence, when little else stands before the colon.
        opening = self.main_subject(si) if len(clause) <= 12 else None
        opening = opening if opening is not None and opening.kind == "person" else None
        if not verbs:
            return (opening, "colon", True) if opening is not None else None
        v = self._governing(verbs[-1])
        has_subject = any(t.head == v and t.dep in _SUBJECT_DEPS for t in self.tokens)
        if self.tokens[v].dep == "acl" or not has_subject:
            # ', se comparant à un commandant :': the participle's subject is the clause's.
            v = next((i for i in clause if self.tokens[i].dep == "ROOT" and self.tokens[i].pos == "VERB"), v)
        agents = [t for t in self.tokens if t.head == v and t.dep == "obl:agent"]
        if agents and any(t.head == v and t.dep == "aux:pass" for t in self.tokens):
            # 'X a été interpellée par Y :' — the agent speaks ('X est revenu à la charge :' has none).
            np_ = self._np_at(si, agents[0].start)
            sp = self._speaker(np_, si, create=False) if np_ is not None else None
            return (sp, "colon", True) if sp is not None else None
        subjects = [t for t in self.tokens if t.head == v and t.dep in _SUBJECT_DEPS]
        if subjects and subjects[0].start < self.tokens[v].start:
            np_ = self._np_at(si, subjects[0].start)
        else:
            np_, _ = self._subject_before(si, self.tokens[v].start - s.start)
        sp = self._speaker(np_, si, create=False) if np_ is not None else opening
        if np_ is not None and not np_.names() and (sp is None or sp.kind == "anonymous"):
            # "le maire et président de la communauté éponyme Jean-Marc Calvet a accueilli … :":
            # the one person named between the description and the verb.
            named = {p.key: p for p in self._people_named(si, self.tokens[v].start)}
            early = {p.key for p in self._people_named(si, np_.start)}
            named = {k: p for k, p in named.items() if k not in early}
            sp = next(iter(named.values())) if len(named) == 1 else sp
        if sp is None and np_ is not None:
            sp = self._possessor(si, np_)
        return (sp, "colon", True) if sp is not None else None

    def _possessor(self, si: int, np_: NP) -> Speaker | None:
        """'Jean Morel part à la retraite. Sa décision est réfléchie : « … »': a subject with a
        possessive before the colon speaks for its owner, the person who opens the sentence
        before, in the same paragraph."""
        if (np_.det or "").lower() not in ("son", "sa", "ses") or si == 0:
            return None
        if self.sentences[si - 1].para != self.sentences[si].para:
            return None
        owner = self.main_subject(si - 1)
        if owner is None or owner.kind != "person":
            return None
        named = {sp.key for sp in self._people_named(si - 1, self.sentences[si - 1].end)}
        return owner if named <= {owner.key} else None  # "… a reçu Anne Roux. Sa demande …": whose?

    def _governing(self, v: int) -> int:
        """'a tenu à rassurer', 'veut croire': the verb that carries the subject."""
        for _ in range(3):
            has_subject = any(t.head == v and t.dep in _SUBJECT_DEPS for t in self.tokens)
            if has_subject or self.tokens[v].dep not in _CLIMB_DEPS or self.tokens[v].head == v:
                break
            v = self.tokens[v].head
        return v

    def colon_in_sentence(self, si: int, q: QuoteSpan) -> Found | None:
        """'X monte au créneau : « … »' in one sentence, whatever the verb; to review."""
        s = self.sentences[si]
        before = self._masked[si][: max(q.open - s.start, 0)].rstrip()
        if not self.tokens or not before.endswith(":"):
            return None
        found = self._parsed_before_colon(si, len(before) - 1)
        if found is not None and found[0] is not None:
            why = f"{found[0].name} : sujet (ou son possesseur) avant les deux-points, lu par l’analyseur"
            self.extra.setdefault(q.open, {})["why"] = why
        return found

    # ---------------------------------------------------------------- Et d'ajouter : « … »

    def narrative_infinitive(self, si: int, q: QuoteSpan) -> Found | None:
        """'Et d'ajouter : « … »', 'Et de réclamer que … « … »': the infinitive of narration, a
        verb of speaking, has no subject; the speaker is whoever spoke in the sentence before
        (to review), not merely its subject."""
        s = self.sentences[si]
        named = _NAMED_INFINITIVE.match(self._masked[si][: max(q.open - s.start, 0)])
        if named is not None and speech_lemma(named["verb"]):
            # 'Et le maire Paul Girard de conclure : « … »': the subject is written.
            toks = [Tok(t.text, t.start + s.start, t.end + s.start) for t in tokenize(self._masked[si])]
            k = next((n for n, t in enumerate(toks) if t.start >= s.start + named.start("subject")), None)
            end = s.start + named.end("subject")
            np_ = parse_np([t for t in toks if t.start < end], k) if k is not None else None
            # 'Et la directrice d'ajouter': a description, resolved to the person it stands for later.
            described = np_ is not None and (np_.names() or np_.det in ("le", "la", "l'", "les"))
            sp = self._speaker(np_, si) if described and np_.end >= end else None  # type: ignore[union-attr]
            if sp is not None:
                return sp, "pre", not sp.certain
        mm = _NARRATIVE_INFINITIVE.match(self._masked[si][: max(q.open - s.start, 0)])
        if si == 0 or mm is None or not speech_lemma(mm["verb"]):
            return None  # 'Et de conclure', 'Et de réclamer'; not 'Et de partir : « … »'
        for back in range(si - 1, max(-1, si - 3), -1):
            if self.sentences[back].heading:
                continue
            said = self._speaker_of.get(back)
            sp = said[0] if said else None  # whoever spoke just before, not any subject
            if sp is not None:  # a person, a body, or someone described ("explique cet homme")
                why = f"« Et de … » sans sujet : {sp.name}, qui parlait juste avant"
                self.extra.setdefault(q.open, {})["why"] = why
                return sp, "narrative", True
            if said is not None:
                break
        return None

    # ---------------------------------------------------------------- the speaker named after

    def forward(self, si: int, q: QuoteSpan) -> Found | None:
        """A quotation alone in its sentence, its speaker named in the next one: '« … » C'est par
        ces mots que la députée X a conclu', '« Pitoyable. » Invitée …, X a réagi …' (to review)."""
        nxt = si + 1
        if nxt >= len(self.sentences) or self.sentences[nxt].para != self.sentences[si].para:
            return None
        m = self._masked[nxt]
        mm = _THESE_WORDS.match(m)
        said = self._what_was_said(nxt)
        if mm and ("ainsi" not in mm.group() or self.p["pre"].search(m, mm.end())):
            # "C'est ainsi que X a résumé …"; not "C'est ainsi que le club a perdu": no speech
            sp = self._speaker(self._np_after(nxt, mm.end()), nxt)
        elif said is not None:
            sp = self._speaker(said, nxt)
        elif MASK not in m and self.article.paragraphs[self.sentences[si].para].start >= q.open - 1:
            opening = self.opening_np(nxt)
            named = opening is not None and opening.names()
            sp = self._speaker(opening, nxt, create=False) if named else None
            speaks = sp is not None and (
                self._subject_of_speech_verb(nxt, sp) or self._alone_after(nxt, q, sp)
            )
            sp = sp if speaks else None
        else:
            return None
        if sp is None or sp.kind == "institution":
            return None  # a description ("la députée") is resolved to the person it names later
        self.extra.setdefault(q.open, {})["why"] = f"{sp.name}, nommé dans la phrase qui suit la citation"
        return sp, "forward", True

    def _subject_of_speech_verb(self, si: int, sp: Speaker) -> bool:
        """Whether `sp` is the subject of a speech verb of sentence si ('Invitée …, Marine Le Pen
        a réagi'), not merely named in it ('X a été reçu par Y, qui a dit …')."""
        m = self._masked[si]
        for v in self.p["pre"].finditer(m):
            if v["inv1"] or v["inv2"] or (v["aux"] is None and _needs_aux(v["verb"])):
                continue
            np_, _toks = self._subject_before(si, v.start())
            found = self._speaker(np_, si, create=False) if np_ is not None else None
            if found is not None and found.key == sp.key:
                return True
        return False

    # ---------------------------------------------------------------- Réponse : « … »

    def answer_label(self, si: int, q: QuoteSpan) -> Found | None:
        """'Réponse : « … »' after a question put to a named person: that person, to review.
        The question may share the sentence ('Pourquoi ? — Réponse : « … »'), and the person be
        named in the sentence before it ('X a répondu à nos questions. Pourquoi … ?')."""
        s = self.sentences[si]
        before = self._masked[si][: q.open - s.start]
        asked_here = "?" in before
        if not _ANSWER_LABEL.match(before.rsplit("?", 1)[-1] if asked_here else before):
            return None
        for back in range(si if asked_here else si - 1, max(-1, si - 4), -1):
            prev = self.sentences[back]
            if not _QUESTION_TO.search(self._masked[back]):
                continue
            end = s.start + before.rfind("?") if back == si else prev.end
            sp = self._nearest_person_before(back, end)
            if sp is None and back > 0 and self.sentences[back - 1].para >= prev.para - 1:
                prev = self.sentences[back - 1]
                sp = self._nearest_person_before(back - 1, prev.end)
            if sp is not None:
                extra = self.extra.setdefault(q.open, {})
                extra["start"] = prev.start
                extra["why"] = f"« Réponse » : attribuée à {sp.name}, la personne interrogée juste avant"
                return sp, "answer", True
        return None

    # ---------------------------------------------------------------- the parser's reading

    def parsed_verb(self, si: int, q: QuoteSpan) -> Found | None:
        """A verb outside the quotation that governs it and has a subject naming someone."""
        if not self.tokens:
            return None
        s = self.sentences[si]
        inside = [i for i, t in enumerate(self.tokens) if q.open <= t.start and t.end <= q.close + 1]
        for i in inside:
            t = self.tokens[i]
            head = self.tokens[t.head]
            if t.head in inside or head.pos != "VERB" or not s.start <= head.start < s.end:
                continue
            if t.dep not in _QUOTE_DEPS and t.dep != "ROOT":
                continue
            found = self._subject_of(si, t.head, q)
            if found is not None:
                return found
        return None

    def _subject_of(self, si: int, v: int, q: QuoteSpan) -> Found | None:
        verb = self.tokens[v]
        lemma = verb.lemma.removeprefix("se ").removeprefix("s'")
        if lemma not in SPEECH_LEMMAS:
            return None  # "X entend une conversation : « … »" is not X speaking
        v = self._governing(v)  # 'veut croire que', 'a tenu à rappeler que'
        if any(t.head == v and t.dep == "aux:pass" for t in self.tokens):
            return None  # "les pompiers ont été appelés pour … « … »": a passive subject is not speaking
        subjects = [i for i, t in enumerate(self.tokens) if t.head == v and t.dep == "nsubj" and i != v]
        for i in subjects:
            np_ = self._np_at(si, self.tokens[i].start)
            if np_ is None or (np_.head in PRONOUNS and np_.det is None and q.open < verb.start):
                continue
            sp = self._speaker(np_, si, create=False)
            if sp is not None:
                if not sp.certain:
                    self.extra.setdefault(q.open, {})["why"] = f"verbe « {verb.lemma} » lu par l’analyseur"
                return sp, "parsed", not sp.certain
        return None

    def _np_at(self, si: int, pos: int) -> NP | None:
        """The noun phrase of sentence si that holds position `pos` (walking back to its determiner)."""
        s = self.sentences[si]
        toks = [Tok(t.text, t.start + s.start, t.end + s.start) for t in tokenize(self._masked[si])]
        k = next((n for n, t in enumerate(toks) if t.start <= pos < t.end), None)
        if k is None or toks[k].text.startswith(MASK):
            return None
        if toks[k].low in PRONOUNS:
            return parse_np(toks, k)  # "Mais elle se veut confiante :": the pronoun, not "Mais elle"
        for start in range(max(0, k - 8), k + 1):
            np_ = parse_np(toks, start)
            if np_ is not None and np_.i <= k < np_.j:
                return np_
        return None

    # ---------------------------------------------------------------- reported speech, no quotation

    def reported(self, si: int) -> Speaker | None:
        """'Le dirigeant explique alors qu'il …', 'Il s'est confié au journal L'Équipe.': who
        speaks in a sentence without quotation marks (a quotation alone in the next sentence
        may continue it, to review)."""
        m = self._masked[si]
        for v in self.p["pre"].finditer(m):
            if v["inv1"] or v["inv2"] or (v["aux"] is None and _needs_aux(v["verb"])):
                continue
            said_that = _REPORTED_AFTER.match(m, v.end())
            if not (
                said_that or _CLAUSE_END.fullmatch(m[v.end() :]) or _SHORT_OBJECT.fullmatch(m[v.end() :])
            ):
                continue
            np_, _toks = self._subject_before(si, v.start())
            if np_ is None:
                continue
            # 'Il a précisé que …': the pronoun's person (never certain), a person only.
            sp = self._speaker(np_, si)
            if sp is not None and sp.via_pronoun and sp.kind != "person":
                continue
            if sp is not None:
                # 'X a appelé à un cessez-le-feu.' says less than 'X a déclaré que': a pronoun
                # or a quotation that follows it is to review.
                return sp if said_that else replace(sp, certain=False)
        opening = self.p["selon_start"].match(m)
        if opening and opening.group().strip().lower() != "pour":
            # "Selon X, conseiller municipal, le mouvement est soutenu.": X's account (to review).
            sp = self._speaker(self._np_after(si, opening.end()), si)
            if sp is not None and sp.kind == "person" and not sp.via_pronoun:
                return replace(sp, certain=False)
        return self._closing_incise(si)

    def _closing_incise(self, si: int) -> Speaker | None:
        """'…, a noté X.' closing a sentence of indirect speech: X speaks (and 'a-t-il ajouté'
        in the next sentence is X)."""
        m = self._masked[si]
        comma = m.rfind(",")
        mm = self.p["post"].match(m[comma:]) if comma > 0 else None
        if mm is None or mm["inv1"] or mm["inv2"] or (mm["aux"] is None and _needs_aux(mm["verb"])):
            return None
        np_ = self._np_after(si, comma + mm.end())
        if np_ is None or m[np_.end - self.sentences[si].start :].strip(" .!?…"):
            return None
        if np_.head in PRONOUNS and np_.det is None:
            return None
        # "Luca de Meo, a annoncé un plan d'économies.": the comma closed an apposition, and
        # what follows the verb is its object, not a speaker the article names.
        return self._speaker(np_, si, create=False)
