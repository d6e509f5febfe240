"""Speech laid out by the page rather than by a sentence:

- a question put to "vous" in its own paragraph, the answer quoted in the next: an interview
  of the one person the article names before its first question;
- a line that names a person (« Marc Leroy (Rennes) », « Jean Petit, entraîneur de Brest : »)
  above a paragraph that is one quotation: the reactions and interview format;
- a quotation in the first person alone after (or before) a sentence about one person only:
  that person; a sentence after a quotation that says who said it (`C'est ce qu'a affirmé X`,
  `Ce sont les mots de X`), read by `SpeechForms.forward`;
- a sentence opened by a participle or a gerund, with no subject of its own, before a colon:
  `Revenant sur son parcours : « … »` — the person the previous sentences are about.

All of them guess from the layout: the speaker is always to review, with the reason.
"""

from __future__ import annotations

import re

from .firstnames import a_persons_name
from .nounphrase import NP, PRONOUNS, parse_np
from .plurals import names_a_group, written_plural
from .quotes import MASK, QuoteSpan
from .reader import Reader
from .speakers import Speaker
from .tokens import Tok, tokenize
from .unnamed import someone_described
from .writtenroles import is_function_word

Found = tuple[Speaker | None, str, bool]

# '« … » - Stéphanie, malade dans la salle d'attente': a credit after a dash, closing the paragraph.
_DASH_CREDIT = re.compile(
    r"\s*[-–—]\s*(?P<name>[A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'-]+){0,2})(?P<rest>(?:\s*,)?[^.!?«»\"]{0,80})[.]?\s*$"
)

# '« … », un vigneron.': a quotation that opens its paragraph, credited after a comma to its end,
# with no verb (a description or a name, as under a pull quote).
_COMMA_CREDIT = re.compile(
    r"\s*,\s*(?P<name>(?:(?:un|une)\s+[a-zà-ÿ][\w'-]+|[A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'-]+){0,2}))"
    r"(?P<rest>(?:\s*,)?[^.!?«»\"]{0,80})[.]?\s*$"
)

# 'Réaction du maire, …', 'Le témoignage de …', 'Ce que dit …': a label of speech before the name.
LABEL_OPENER = re.compile(
    r"(?i:(?:la\s+|les\s+)?réactions?|(?:les\s+)?explications|le\s+témoignage|l'avis|le\s+mot|la\s+réponse|l'analyse|le\s+regard|"
    r"extrait\s+(?:du|de\s+la|de\s+l')\s*\w+|ce\s+que\s+(?:dit|pense|répond))\s+(?:de\s+|du\s+|d'|de\s+la\s+)?"
)
_PARENTHESIS = re.compile(r"\s*\([^()]{1,40}\)")
# A quotation that speaks of someone in the third person ('il le connaît', 'c'est lui qui joue')
# is a comment on the person the line names, not their words; impersonal 'il faut' is not.
_THIRD_PERSON = re.compile(
    r"\b(?:il|elle)\b(?!\s+(?:faut|faudra|faudrait|fallait|fallu|y\b|s'agit|suffit|suffira|semble|"
    r"reste|était\s+temps|est\s+temps|va\s+falloir|pleut|manque))|\bc'est\s+(?:lui|elle)\b",
    re.IGNORECASE,
)
FIRST_PERSON = re.compile(r"\b(?:(?:je|nous|me|moi|mon|ma|mes|notre|nos)(?![\w-])|[jm]')", re.IGNORECASE)
# In speech, 'on' is the speaker's own side ('On a tout donné'): a first person for a quotation alone.
_SPOKEN_FIRST_PERSON = re.compile(rf"{FIRST_PERSON.pattern}|\bon\b", re.IGNORECASE)
# "Interrogé sur l'avenir du site, il reste prudent": the subject after an opening phrase.
_PRONOUN_AFTER_OPENER = re.compile(r"^[^,.;:!?]{3,80},\s*(il|elle)\s")
TO_YOU = re.compile(r"\b(?:vous|votre|vos)\b", re.IGNORECASE)
_PARTICIPLE_OPENER = re.compile(
    r"^\s*(?:(?:Et|Tout)\s+)?(?:[Ee]n\s+)?(?P<verb>[A-ZÀ-Ýa-zéèêàâîôûç]{3,}ant)\b"
)
_NOT_PARTICIPLES = frozenset(
    "avant durant pendant cependant maintenant pourtant néanmoins autant tant".split()
)


_WHAT_SAID = re.compile(r"^\s*(?:C'est|c'est|Voilà|Voici)\s+(?:là\s+)?ce\s+qu'(?=(?:a|avait|ont|vient)\b)")
_WORDS_OF = re.compile(
    r"^\s*(?:(?:Ce\s+sont|Tels\s+sont|Telles\s+sont)\s+(?:là\s+)?les\s+(?:\w+\s+)?(?:mots|propos|paroles)"
    # "C'est le constat de X", "Tel est l'avis de X", "C'est en tout cas la conviction de X".
    r"|(?:C'est|Tel\s+est|Telle\s+est)\s+(?:(?:là|du\s+moins|en\s+tout\s+cas)\s+)?(?:le|la|l')\s*(?:\w+\s+)?"
    r"(?:constat|avis|analyse|conviction|sentiment|conclusion|credo|réponse|réaction|message|verdict|mot))\s+"
    r"(?P<of>du|des|de\s+|d')\s*"
)


# A verb of the line's own clause ('X a dit', 'X est ministre'): no credit line then.
_FINITE = re.compile(
    r"\b(?:a|ont|est|sont|était|étaient|avait|avaient|sera|seront|va|vont|fait|font|dit|disent|peut|doit)\b",
    re.IGNORECASE,
)
# What may follow the name on a credit line (a word or the word after its apposition): a
# determiner, a preposition, a role. Another lower-case word is a verb: 'Paul Roy, le voisin,
# connaît bien le dossier'.
_AFTER_NAME = frozenset(
    "le la les l' un une des du de d' au aux à en pour sur dans lors après avant depuis avec chez par "
    "selon et ou ici là ancien ancienne nouveau nouvelle".split()
)


def _verb_after(own: str, end: int) -> bool:
    """The word after the name ending at `end` in `own` (or after its apposition between commas)
    is a verb by the rules: lower-case, neither a determiner, a preposition nor a role."""
    rest = own[end:]
    if rest.lstrip().startswith(","):
        parts = rest.split(",")
        rest = parts[2] if len(parts) > 2 else ""
    word = (rest.split() or [""])[0].lower().replace("’", "'")
    word = re.sub(r"^([ld])'.+$", r"\1'", word)
    return word[:1].isalpha() and word not in _AFTER_NAME and not is_function_word(word)


_PARTICIPLE = re.compile(r"(?:ée?s?|ant)$")
_LINE_CLAUSE = re.compile(r"\b(?:qui|que|qu'|dont|où)\b", re.IGNORECASE)


class Layouts(Reader):
    """The rules for the layouts above; each returns (speaker, rule, review) or None."""

    def name_line(self, si: int, q: QuoteSpan) -> Found | None:
        """'Marc Leroy (Rennes)' alone on its line, then a paragraph that opens with a quotation."""
        s = self.sentences[si]
        para = self.article.paragraphs[s.para]
        if si == 0 or s.start != para.start or q.open > s.start + 1:
            return None
        line = self.sentences[si - 1]
        if line.para != s.para - 1 or (si >= 2 and self.sentences[si - 2].para == line.para):
            return None  # the line is a paragraph of its own
        text = self._masked[si - 1]
        if MASK in text:
            return None
        core = _PARENTHESIS.sub("", text).strip().rstrip(" :–—-").strip()
        label, colon, named = core.rpartition(":")
        if colon and 0 < len(label.split()) <= 5 and not _FINITE.search(label):
            core = named.strip()  # 'Le plus déçu : Paul Roy (Brest)': a label, then the name
        if len(core.split()) > 14:
            return None
        np_ = self._line_name(core, line.start)
        if np_ is None:
            return None
        sp = self._speaker(np_, si - 1, create=False)  # a first name and a surname, or someone known
        if sp is None or sp.kind != "person":
            return None
        words = self.view[q.inner_start : q.inner_end]
        bare = core == text.strip()  # no '(Club)', no ', role', no colon: a name alone
        about = _THIRD_PERSON.search(words[:300]) or any(w in words for w in sp.name.split() if len(w) > 2)
        if bare and about:
            return None  # 'Léo Durand' ¶ « On le suit depuis longtemps »: words about the person
        self.extra.setdefault(q.open, {})["why"] = (
            f"{sp.name} : nommé seul sur la ligne au-dessus de la citation"
        )
        return sp, "name-line", True

    def _line_name(self, core: str, base: int) -> NP | None:
        """The name a line gives: 'Jean Petit, entraîneur de Brest', 'Réaction du maire, Paul
        Girard' (a label of speech, then the name in the first part that holds one)."""
        opener = LABEL_OPENER.match(core)
        offset = opener.end() if opener else 0
        # The name after a comma only after a label ('Réaction du maire, X'), never in a sentence.
        for part in core[offset:].split(",")[: 2 if opener else 1]:
            toks = [Tok(t.text, t.start + base + offset, t.end + base + offset) for t in tokenize(part)]
            offset += len(part) + 1
            if not toks or len(toks) > 6:
                continue
            np_ = parse_np(toks, 0)
            if np_ is not None and np_.j == len(toks) and np_.names() and np_.head not in PRONOUNS:
                return np_
        return None

    def participle_colon(self, si: int, q: QuoteSpan) -> Found | None:
        """'Assumant ses choix : « … »': a participle clause has the subject of the sentences
        around it; the speaker of the sentence before, else its subject (a person)."""
        s = self.sentences[si]
        before = self._masked[si][: max(q.open - s.start, 0)].rstrip()
        mm = _PARTICIPLE_OPENER.match(before)
        if si == 0 or not before.endswith(":") or mm is None or mm["verb"].lower() in _NOT_PARTICIPLES:
            return None
        if re.search(r"[,;]\s*(?:il|elle|ils|elles|on|je|nous)\b|,\s*[A-ZÀ-Ý]", before):
            return None  # 'Revenant sur ce point, le maire assure :' has a subject: other rules
        for back in range(si - 1, max(-1, si - 3), -1):
            prev = self.sentences[back]
            if prev.heading or prev.para < s.para - 1:
                break
            said = self._speaker_of.get(back)
            sp = said[0] if said else self.main_subject(back)
            # 'constatait le coach' before: the description is resolved to its person later.
            if sp is not None and (sp.kind == "person" or (said is not None and sp.kind == "anonymous")):
                why = (
                    f"proposition sans sujet avant la citation : {sp.name}, de qui parle la phrase précédente"
                )
                self.extra.setdefault(q.open, {})["why"] = why
                return sp, "participle-colon", True
            if said is not None or sp is not None:
                break
        return None

    def interview_answer(self, si: int, q: QuoteSpan) -> Found | None:
        """An interview: a paragraph that asks a question ('Comment vous sentez-vous ?'), then a
        paragraph that opens with a quotation: the answer of the one person the article names
        before its first question (to review)."""
        s = self.sentences[si]
        if si == 0 or s.start != self.article.paragraphs[s.para].start or q.open > s.start + 1:
            return None
        asked = self._masked[si - 1].rstrip()
        if self.sentences[si - 1].para != s.para - 1 or not asked.endswith("?") or MASK in asked:
            return None
        # The first question put to 'vous' ('Quel a été le moment le plus fort ?' may come after).
        first = next(
            (k for k in range(si) if TO_YOU.search(self._masked[k]) and "?" in self._masked[k]), None
        )
        if first is None:
            return None
        named = {sp.key: sp for k in range(first) for sp in self._people_named(k, self.sentences[k].end)}
        if len(named) != 1:
            return None
        (sp,) = named.values()
        self.extra.setdefault(q.open, {})["why"] = (
            f"réponse à une question d’entretien : {sp.name}, seul nommé avant"
        )
        return sp, "interview", True

    def subject_before(self, si: int, q: QuoteSpan) -> Found | None:
        """'Le maire Paul Girard ne cache pas sa joie. « Nous avons réussi. »': a quotation alone
        in its sentence, in the first person, after a sentence of the same paragraph whose subject
        is a person (or, before anyone has spoken, that brings in one person) and that names no
        one else (to review)."""
        if si == 0:
            return None
        s, prev = self.sentences[si], self.sentences[si - 1]
        if prev.heading or prev.para != s.para or MASK in self._masked[si - 1]:
            return None
        if not _SPOKEN_FIRST_PERSON.search(self.view[q.inner_start : q.inner_end]):
            return None
        subject = self.main_subject(si - 1)
        # "Ce lycéen ne s'attendait pas … « J'ai appris … »": whom it describes (resolved later).
        described = subject is not None and subject.kind == "anonymous" and not written_plural(subject.name)
        if not described and (subject is None or subject.kind != "person"):
            subject = self._pronoun_subject(si - 1)
        if not described and (subject is None or subject.kind != "person"):
            # "La ville a confié le festival à une association présidée par Damien Fallon.
            # « Notre objectif … »": the one person the sentence brings in, when no one has spoken.
            fresh = self._brought_in(si - 1, lambda sp: sp is not None and sp.kind == "person")
            subject = next(iter(fresh.values())) if len(fresh) == 1 and self._none_spoke(si) else None
        if subject is None:
            return None
        if {p.key for p in self._people_named(si - 1, prev.end)} - {subject.key}:
            return None  # 'X a reçu Y. « … »': whose words?
        if names_a_group(self, si - 1, prev.start + 1):
            return None  # 'X a reçu les manifestants. « … »': theirs, maybe
        self.extra.setdefault(q.open, {})["why"] = (
            f"{subject.name}, sujet de la phrase qui précède la citation"
        )
        return subject, "subject-before", True

    def _none_spoke(self, si: int) -> bool:
        """No quotation of the article before sentence si has a speaker."""
        return not any(self._speaker_of.get(k) for k in range(si))

    def _pronoun_subject(self, si: int) -> Speaker | None:
        """'Interrogé sur l'avenir du site, il reste prudent.': the person 'il' stands for."""
        np_ = self.opening_np(si)
        if np_ is not None and np_.det is None and np_.head in ("il", "elle"):
            return self._resolve_pronoun(np_.head, si, np_.start)
        mm = _PRONOUN_AFTER_OPENER.match(self._masked[si])
        return self._resolve_pronoun(mm[1], si, self.sentences[si].start + mm.start(1)) if mm else None

    def _what_was_said(self, si: int) -> NP | None:
        """ "C'est ce qu'a affirmé lundi X", "Voilà ce qu'a promis X", "Ce sont les mots du
        directeur X": a sentence that names who said the quotation before it."""
        m = self._masked[si]
        mm = _WHAT_SAID.match(m)
        if mm is not None:
            verb = self.p["post"].match(m[mm.end() :])
            return self._np_after(si, mm.end() + verb.end()) if verb is not None else None
        mm = _WORDS_OF.match(m)
        if mm is None:
            return None
        if mm["of"] in ("du", "des"):
            return self._np_after_contracted(si, mm.start("of"), mm["of"])
        return self._np_after(si, mm.end())

    def _alone_after(self, si: int, q: QuoteSpan, sp: Speaker) -> bool:
        """'« Nous tiendrons. » Paul Girard, maire de Vienne, se veut rassurant.': words in the
        first person, then a sentence about that one person only."""
        if sp.kind != "person" or not _SPOKEN_FIRST_PERSON.search(self.view[q.inner_start : q.inner_end]):
            return False
        return not {p.key for p in self._people_named(si, self.sentences[si].end)} - {sp.key}

    def label_only(self, si: int, sp: Speaker, at: int) -> bool:
        """'Affaire Dupont : « … »': a name read only in the label before the colon may be no one."""
        s = self.sentences[si]
        surname = re.compile(rf"(?<![\w-]){re.escape(sp.name.split()[-1])}(?![\w-])")
        elsewhere = [m for m in surname.finditer(self.view) if not s.start <= m.start() < s.end]
        if not elsewhere:
            self.extra.setdefault(at, {})["why"] = f"« {sp.name} » lu seulement avant les deux-points"
        return not elsewhere

    def credit_line(self, si: int, q: QuoteSpan) -> Found | None:
        """A paragraph that is one quotation, then a line that opens with a person's name and has
        no verb of its own: 'Anne Roy la maire de Vienne, au sujet du chantier qui a repris.' —
        the credit of the quotation above (to review)."""
        s, nxt = self.sentences[si], si + 1
        para = self.article.paragraphs[s.para]
        if q.open > para.start + 1 or self.view[q.end : para.end].strip(" .…") or nxt >= len(self.sentences):
            return None
        line = self.sentences[nxt]
        if line.para != s.para + 1 or line.start != self.article.paragraphs[line.para].start or line.heading:
            return None
        m = self._masked[nxt]
        clause = _LINE_CLAUSE.search(m)
        own = m[: clause.start()] if clause else m
        if MASK in own or self._has_verb(line.start, own) or self.p["pre"].search(own) or len(m.split()) > 40:
            return None
        if len(m.split(",")[0].split()) > 15:  # the credit proper (name, role) is short
            return None
        toks = [Tok(t.text, t.start + line.start, t.end + line.start) for t in tokenize(m)]
        np_ = parse_np(toks, 0)
        if np_ is None or not np_.names() or np_.head in PRONOUNS or _verb_after(own, np_.end - line.start):
            return None
        sp = self._speaker(np_, nxt)
        if sp is None or sp.kind != "person":
            return None
        self.extra.setdefault(q.open, {})["why"] = f"{sp.name} : nommé sur la ligne sous la citation"
        return sp, "credit-line", True

    def dash_credit(self, si: int, q: QuoteSpan) -> Found | None:
        """A pull quote credited after a dash, to the end of its paragraph, with no verb: '« … » -
        Stéphanie, malade dans la salle d'attente' (to review)."""
        para = self.article.paragraphs[self.sentences[si].para]
        mm = _DASH_CREDIT.match(self.view, q.end, para.end)
        if mm is None and q.open <= para.start + 1:
            mm = _COMMA_CREDIT.match(self.view, q.end, para.end)  # '« … », un vigneron.'
        if mm is None or self._has_verb(mm.start("rest"), mm["rest"]):
            return None
        at = mm.start("name")
        np_ = parse_np([Tok(t.text, t.start + at, t.end + at) for t in tokenize(mm["name"])], 0)
        described = mm["name"][:1].islower()  # "un vigneron": someone unnamed, not "une première"
        if described and (np_ is None or not someone_described(np_.head)):
            return None
        known = self.registry.person(mm["name"]) is not None
        known = known or a_persons_name(mm["name"], alone=" " not in mm["name"])  # not "- Paris, le 3 mai"
        sp = self._speaker(np_, si) if np_ is not None and (described or (np_.names() and known)) else None
        if sp is None or sp.kind != ("anonymous" if described else "person"):
            return None
        self.extra.setdefault(q.open, {})["why"] = f"{sp.name} : nommé après la citation, sans verbe"
        return sp, "credit-line", True

    def _has_verb(self, start: int, own: str) -> bool:
        """A verb of the line's own clause (`own`, from `start`): one the tagger reads as VERB or
        AUX ('connaît'), but no participle of a title ('chargé de'); the closed list of finite
        forms where the line was not parsed (the model reads the paragraphs of speech alone)."""
        if start not in self.token_at:
            return bool(_FINITE.search(own))
        end = start + len(own)
        return any(
            t.pos == "AUX" or (t.pos == "VERB" and not _PARTICIPLE.search(self.view[t.start : t.end]))
            for t in self.tokens
            if start <= t.start and t.end <= end
        )

    def what_is_said_next(self, si: int, q: QuoteSpan) -> Found | None:
        """'Voici ce qu'a déclaré X : « … »', 'Voilà ce qu'a répondu X :': the sentence names who
        says the quotation after its colon."""
        s = self.sentences[si]
        before = self._masked[si][: max(q.open - s.start, 0)].rstrip()
        if not before.endswith(":") or MASK in before:
            return None
        np_ = self._what_was_said(si)
        sp = self._speaker(np_, si) if np_ is not None else None
        if sp is None:
            return None
        return sp, "pre", not sp.certain

