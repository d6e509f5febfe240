"""Who said each quotation: the patterns of French reported speech.

In order of trust, for each quotation of a sentence:

1. an incise after it: `« … », a déclaré X`, `« … », ajoute-t-elle`,
   `« … », selon X`, `« … », ont été les premiers mots de X`, `« … » -Reuters`,
   `« … », c'est en ces termes que X …`; any verb the parser reads there
   (`« … », a balayé sur Twitter X`: no verb list needed); inside the marks
   (`« …, estime l'astronaute. »`); a chain of quotations shares the incise
   of the last one, a participle after it keeps its speaker (`, appelant « … »`);
   adverbials between commas (`, a martelé, lundi, devant la presse, X`); a colon
   then the speaker's clause (`« … » : X, déléguée syndicale, résume …`); words an
   agency reports (`, rapporte l'AFP`) go to who spoke just before (review) —
   see incises.py;
2. the page's layout (layouts.py, review): a line naming a person above a
   paragraph that opens with the quotation; the answer below an interview question;
   a participle clause before a colon (`Assumant ses choix : « … »`);
   a speech verb before it in the sentence: `X a déclaré que « … »`,
   `X a qualifié l'alliance d'« … »`, `il a dit « … »` (the pronoun is
   resolved from context); `Et d'ajouter : « … »`; `Réponse : « … »`;
   `X …  :` ending the paragraph before, or any verb before a colon (review);
   the clause that holds the quotation (relatives.py): `…, X, selon qui « … »`,
   `…, estimant que « … »`, `Du côté de X, on assure que « … »`, `Le message de X : « … »`;
3. `Selon X, … « … »`, `Comme l'explique X, « … »`, or `…, selon X.` at the end;
4. a headline or label: `X : « … »`, `X … – « … »`, `Label : … « … »`;
5. a subject just before the quote: `Vladimir Poutine « a proposé… »` (review);
6. a quotation alone in its sentence continues the previous speaker
   (review when the previous speaker is in an earlier paragraph or one narrative
   sentence naming no one else stands between; never a lead-in
   `"…". Sur la route, …`), else takes the person named in the next sentence
   when it opens its paragraph and that person is the subject of its speech verb, or
   the next sentence says who said it (`C'est ce qu'a affirmé X`) (review);
7. a `Source : X` line after a paragraph that is only a quotation;
8. a sub-heading, or a short lead-in quotation opening its paragraph, that repeats words
   of the body takes their speaker (review), not from another guess (headings.py).

Anything else stays unattributed: precision first. `resolve.py` then makes every
speaker a named person or institution.
"""

from __future__ import annotations

import re

from .clean import Article
from .dialogue import Dialogue
from .headings import Headings
from .incises import Incises
from .innerincise import InnerIncises
from .layouts import LABEL_OPENER, Layouts
from .nlp import Token
from .nounphrase import parse_np
from .preverb import PreVerb
from .quotes import MASK, QuoteSpan, Sentence
from .reader import Attribution
from .relatives import Relatives
from .speakers import Registry, Speaker
from .speechforms import Found, SpeechForms
from .tokens import Tok, fold, tokenize

_WORDS_BEFORE_INCISE = re.compile(r"(?:\s*[\w'’-]+){1,4}(?=\s*,)")
_LABEL_NAME = re.compile(r"(?P<name>[^(),]+?)\s*(?:\([^()]{1,40}\)|,[^,]{1,60})\s*$")
_RELATIVE_ON_NAME = re.compile(r"(\b[A-ZÀ-Ý][\w'-]*),\s*qui\s+[^,]*$")
_INCISE_ALONE = re.compile(
    r"^\s*,(?![^,;]*\b(?:qui|que|qu'|dont|tandis|alors|mais)\b)[^,;:.!?\u2591]{3,80}[,;]\s*$"
)
_CLAUSE_OPENER = re.compile(r"\b(?:que|qu'|qui|lorsque|quand|tandis|dont)\b")

class Attributor(PreVerb, SpeechForms, InnerIncises, Layouts, Incises, Headings, Relatives, Dialogue):
    """Runs the rules over one article."""

    def run(self) -> list[Attribution]:
        out: list[Attribution] = []
        by_sentence: dict[int, list[QuoteSpan]] = {}
        for q in self.quotes:
            by_sentence.setdefault(self._sentence_of(q.close), []).append(q)
        previous: tuple[Speaker, int, int] | None = None  # (speaker, sentence, paragraph)
        for si, s in enumerate(self.sentences):
            qs = by_sentence.get(si, [])
            if not qs:
                sp = self.reported(si) if not s.heading else None
                if sp is not None:
                    self._speaker_of[si] = (sp, "reported")
                if sp is not None and not s.heading:
                    previous = (sp, si, s.para)
                elif previous is not None and previous[1] < si - 1:
                    previous = None  # one narrative sentence may come between (see _bridge)
                continue
            heading = self._heading_quote(si, qs)
            results = self._sentence(si, qs, None if heading else previous)
            out.extend(results)
            if heading:
                continue  # a sub-heading quoting the body: its speaker is found below (_echoes)
            last = next((a for a in reversed(results) if a.speaker is not None and not a.name_or_title), None)
            if last is not None:
                self._speaker_of[si] = (last.speaker, last.rule)  # type: ignore[assignment]
                previous = (last.speaker, si, s.para)  # type: ignore[assignment]
            elif any(not a.name_or_title for a in results):
                previous = None
        self._echoes(out)
        return out

    def _sentence(
        self, si: int, qs: list[QuoteSpan], previous: tuple[Speaker, int, int] | None
    ) -> list[Attribution]:
        s = self.sentences[si]
        m = self._masked[si]
        names = [self._name[q.open] for q in qs]
        found = self._incises(si, qs, names)
        self._relayed(si, qs, found)
        # 2-5. Rules that read the text before the quotation.
        for k, q in enumerate(qs):
            if names[k] or found[k][0] is not None:
                continue
            offset = max(q.open - s.start, 0)
            before = found[k - 1] if k > 0 else (None, "", False)
            if before[0] is not None and self._resumed(si, qs[k - 1], q, before[1]):
                found[k] = before  # "« Nous verrons », dit X, « le budget est prêt »": the same words
                continue
            if before[0] is not None and (
                self._participle_between(si, qs[k - 1], q, before[1])
                or self._relative_on_speaker(si, qs[k - 1], q, before[0])
            ):
                # "« … », a fustigé X, appelant « les membres » … « à contrecarrer … »": still X.
                found[k] = (before[0], "participle", before[2])
                continue
            found[k] = self._read_before(si, q, offset, k == 0)
        self.quotes_before_closing_incise(si, qs, names, found)
        # 6. Continuation of the previous speaker.
        outside = re.sub(rf"[{MASK}«»“”\"\s.,;:!?…()\[\]-]", "", m)
        results: list[Attribution] = []
        for k, q in enumerate(qs):
            sp, rule, review = found[k]
            key = fold(self.text[q.inner_start : q.inner_end])
            if sp is None and not names[k] and not outside and key not in self._repeated:
                cont = self._continuation(si, k, results, previous)
                if cont is not None:
                    sp, rule, review = cont
            if sp is None and not names[k]:
                credited = self._source_line(si, q) or self.credit_line(si, q) or self.dash_credit(si, q)
                sp, rule, review = credited or (None, "", False)
            if sp is None and not names[k] and not outside:
                sp, rule, review = self.forward(si, q) or self.subject_before(si, q) or (None, "", False)
            review = review or self.shared_words(si, q, (sp, rule, review))
            results.append(self._make(si, q, sp, rule, review, names[k], previous))
        return results

    def _read_before(self, si: int, q: QuoteSpan, offset: int, first: bool) -> Found:
        """2-5. The rules that read the text before (or around) the quotation, in order of trust."""
        return (
            self.name_line(si, q)
            or self.interview_answer(si, q)
            or self.colon_before(si, q)
            or self.narrative_infinitive(si, q)
            or self.participle_colon(si, q)
            or self.answer_label(si, q)
            or self.according_to_whom(si, q)
            or self.participle_of_speech(si, q)
            or self.side_speaks(si, q)
            or self.words_of(si, q)
            or self.who_says(si, q)
            or self.what_is_said_next(si, q)
            or self._pre_verb(si, offset)
            or self._selon(si, offset)
            or self._intro(si, offset, first)
            or self.parsed_verb(si, q)
            or self.colon_in_sentence(si, q)
            or self._adjacent(si, offset)
            or (None, "", False)
        )

    def _incises(self, si: int, qs: list[QuoteSpan], names: list[bool]) -> list[Found]:
        """1. Incises after each quotation; a chain shares the incise of its last quotation."""
        s, m, n = self.sentences[si], self._masked[si], len(qs)
        found: list[Found] = [(None, "", False)] * n
        for k in range(n - 1, -1, -1):
            if names[k]:
                continue
            q = qs[k]
            after = m[q.end - s.start :]
            if (
                k + 1 < n
                and self.p["chain"].match(after)
                and found[k + 1][0] is not None
                and found[k + 1][1] in ("post", "selon", "agency", "pronoun")
            ):
                found[k] = found[k + 1]
                continue
            found[k] = self.inner_incise(si, q) or self._post(si, q.end - s.start)
            if found[k][0] is None:
                found[k] = self.parsed_incise(si, q) or self.colon_after(si, q.end) or found[k]
            words = _WORDS_BEFORE_INCISE.match(after)
            if found[k][0] is None and k == n - 1 and words:
                # "« On est à 40 jours … » en France, déclare à l'AFP X": the incise after a few words.
                found[k] = self._post(si, q.end - s.start + words.end())
            if found[k][0] is None and k == n - 1:
                found[k] = self.late_incise(si, q)  # "« … » au sentier, en kayak, a-t-il raconté"
        return found

    def _selon(self, si: int, offset: int) -> tuple[Speaker | None, str, bool] | None:
        m = self._masked[si]
        mm = self.p["as_says"].match(m)
        if mm and "," in m[mm.end() : offset]:
            sp = self._speaker(self._np_after(si, mm.end()), si)
            if sp is not None:
                return sp, "selon", not sp.certain
        mm = self.p["selon_start"].match(m)
        if mm and "," in m[mm.end() : offset]:
            word = m[: mm.end()].strip().lower()
            sp = self._speaker(self._np_after(si, mm.end()), si)
            if sp is not None:
                return sp, "selon", word == "pour" or not sp.certain
        mm = self.p["selon_anywhere"].search(m, offset)
        if mm:
            sp = self._speaker(self._np_after(si, mm.end()), si)
            if sp is not None:
                return sp, "selon", not sp.certain
        return None

    def _intro(self, si: int, offset: int, first: bool) -> tuple[Speaker | None, str, bool] | None:
        """'X : « … »', 'Le Kremlin donne son avis … – « … »'."""
        m = self._masked[si]
        before = m[:offset]
        s0 = self.sentences[si].start
        if first and self.p["intro"].search(before):
            label = before.rstrip(" :–—-")
            cut = max(label.rfind(":"), label.rfind("–"), label.rfind("—"), label.rfind(" - "))
            label_start = cut + 1 if cut >= 0 else 0
            label_start += len(label[label_start:]) - len(label[label_start:].lstrip())
            opener = LABEL_OPENER.match(label, label_start)  # "Explications d'une infirmière :"
            label_start = opener.end() if opener else label_start
            # "Franck Haise (entraîneur de Lens) :", "Awa Diallo, marathonienne :": the name part.
            named = _LABEL_NAME.match(label, label_start)
            label_end = named.end("name") if named else len(label.rstrip())
            words = len(label[label_start:label_end].split())
            if 0 < words <= 7:
                # "Awa Diallo : « … »", "Le capitaine nantais Nicolas Pallois : « … »".
                np_ = self._np_after(si, label_start)
                covers = np_ is not None and np_.end - self.sentences[si].start >= label_end
                if covers and (words <= 4 or np_.names()):  # type: ignore[union-attr]
                    sp = self._speaker(np_, si)
                    if sp is not None and sp.kind in ("person", "institution", "anonymous" if opener else ""):
                        return sp, "intro", sp.kind != "person" or self.label_only(si, sp, s0 + offset)
        return None

    def _adjacent(self, si: int, offset: int) -> tuple[Speaker | None, str, bool] | None:
        """'Ainsi, Vladimir Poutine «a proposé…»': the subject of the quoted predicate."""
        m = self._masked[si]
        s = self.sentences[si]
        before = m[:offset].rstrip()
        if not before or not before[-1].isalpha():
            return None
        q_words = self.view[s.start + offset : s.start + offset + 30]
        if not re.match(r"^[«“\"]\s*(?:a|ont|avait|est|sont|n'|ne|se|s')\b", q_words):
            return None
        toks = [Tok(t.text, t.start + s.start, t.end + s.start) for t in tokenize(before)]
        for start in range(max(0, len(toks) - 5), len(toks)):
            if toks[start].cap or toks[start].low in ("le", "la", "l'"):
                np_ = parse_np(toks, start)
                if np_ is not None and np_.j == len(toks):
                    sp = self._speaker(np_, si)
                    if sp is not None and sp.kind == "person":
                        return sp, "adjacent", True
        return None

    def _continuation(
        self, si: int, k: int, results: list[Attribution], previous: tuple[Speaker, int, int] | None
    ) -> tuple[Speaker | None, str, bool] | None:
        s = self.sentences[si]
        if results and results[-1].speaker is not None and not results[-1].name_or_title:
            return results[-1].speaker, "continuation", False
        if previous is None:
            return None
        sp, psi, ppara = previous
        if psi == si - 2 and ppara == s.para and self._bridge(si - 1, sp):
            return sp, "continuation", True
        if psi != si - 1:
            return None
        if self.asked(psi) or self.answered(psi, si):
            # "« … ? », lui demande le juge. « … »": the one asked answering, when the two spoke
            # in turn just before; else no one.
            other = self.other_party(psi, sp)
            return (other, "reply", True) if other is not None and ppara >= s.para - 1 else None
        reported = self._speaker_of.get(psi, (None, ""))[1] == "reported"
        # "« … », a dit X à Y. « … »": Y, named beside X, may be the one answering.
        others = any(p.key != sp.key for p in self._people_named(psi, self.sentences[psi].end))
        if ppara == s.para:
            return sp, "continuation", reported or others
        if ppara == s.para - 1 and self.article.paragraphs[s.para].start == s.start and not self._lead_in(si):
            return sp, "continuation", True
        return None

    def _bridge(self, bi: int, sp: Speaker) -> bool:
        """A narrative sentence between two quotations of one speaker, in one paragraph: no
        quotation, no speech, no question, no one else named or meant by a pronoun ('"Sur le
        sentier, …" Et surtout, contrairement aux guides, les randonneurs marchaient à tâtons.
        "On ne voyait rien …"')."""
        m = self._masked[bi]
        if self.sentences[bi].heading or MASK in m or m.rstrip().endswith("?") or self.p["pre"].search(m):
            return False
        own = set(fold(sp.name).split())
        names = [w for w in re.findall(r"(?<=\s)[A-ZÀ-Ý][\w'-]+", m) if fold(w) not in own]
        subject = self.main_subject(bi)
        own_pronoun = {"m": "il", "f": "elle"}.get(sp.gender or "", "")
        others = {p for p in re.findall(r"\b(?:il|elle)s?\b", m.lower()) if p != own_pronoun}
        return not names and not others and (subject is None or subject.key == sp.key)

    def _participle_between(self, si: int, prev: QuoteSpan, q: QuoteSpan, prev_rule: str) -> bool:
        """', appelant « … »' after a quotation whose speaker is known: the participle's subject
        is that speaker (and so for a quotation that goes on the participle's clause)."""
        s = self.sentences[si]
        between = self._masked[si][prev.end - s.start : q.open - s.start]
        if re.search(r"[.;!?]", re.sub(r"\b(?:M|Dr|Pr|St)\.", "", between)):
            return False
        if prev_rule not in ("participle", "participle-guess"):
            # ", appelant « … »", ", avant de conclure : « … »": the same subject.
            participle = re.search(
                r",\s*(?:(?:en\s+)?[a-zéèêàâîôûç]{3,}ant\b|avant\s+(?:de\s+|d')[a-zéèêàâîôûç]+\b)", between
            )
            # ", poursuit X, qui brigue un mandat, avant de conclure": a relative on the speaker.
            lead = _RELATIVE_ON_NAME.sub(r"\1", between[: participle.start()]) if participle else ""
            if participle is None or _CLAUSE_OPENER.search(lead):
                return False  # ", alors que les députés, réclamant « … »": another subject
            between = between[participle.end() :]
        return not (
            self.p["pre"].search(between)
            or re.search(r",\s*(?:qui|que|qu'|mais|et)\b|\b(?:il|elle|ils|elles)\b", between)
        )

    def _resumed(self, si: int, prev: QuoteSpan, q: QuoteSpan, prev_rule: str) -> bool:
        """'« … », explique X, « … »': the incise alone between two quotations of one sentence,
        the words resumed after it."""
        s = self.sentences[si]
        between = self._masked[si][prev.end - s.start : q.open - s.start]
        return prev_rule in ("post", "pronoun", "parsed-incise") and bool(_INCISE_ALONE.match(between))

    def _relative_on_speaker(self, si: int, prev: QuoteSpan, q: QuoteSpan, sp: Speaker) -> bool:
        """'« … » selon un témoin, qui aurait vu « … »': a relative clause on the speaker just
        named is that speaker's account."""
        s = self.sentences[si]
        between = self._masked[si][prev.end - s.start : q.open - s.start]
        mm = re.search(r",\s*qui\s+[^,.;:!?«»\u2591]{2,60}$", between)
        if mm is None:
            return False
        name = fold(re.sub(r"^(?:le|la|les|l'|un|une|des)\s*", "", sp.name, flags=re.IGNORECASE))
        return bool(name) and fold(between[: mm.start()]).rstrip().endswith(name)

    def _lead_in(self, si: int) -> bool:
        """'"Une simulation d'accident". Sur le chemin…': a quotation opening its paragraph as a
        lead-in heading, narrative after it, is no one's continuation."""
        nxt = si + 1
        if nxt >= len(self.sentences) or self.sentences[nxt].para != self.sentences[si].para:
            return False
        return not self._masked[nxt].lstrip().startswith(("«", "“", '"', MASK))

    def _source_line(self, si: int, q: QuoteSpan) -> tuple[Speaker | None, str, bool] | None:
        s = self.sentences[si]
        para = self.article.paragraphs[s.para]
        body = self.view[para.start : para.end].strip()
        if not (body.startswith(("«", "“", '"')) and q.open <= para.start + 2):
            return None
        for after_para, name in self.article.source_lines:
            if after_para == s.para:
                return self.registry.institution(name), "source-line", True
        return None

    def _make(
        self,
        si: int,
        q: QuoteSpan,
        sp: Speaker | None,
        rule: str,
        review: bool,
        name: bool,
        previous: tuple[Speaker, int, int] | None,
    ) -> Attribution:
        s = self.sentences[si]
        open_si = self._sentence_of(q.open)
        start = self.sentences[open_si].start if open_si >= 0 else s.start
        extra = self.extra.get(q.open, {}) if sp is not None else {}
        start = min(start, int(extra.get("start", start)))  # type: ignore[call-overload]
        if (
            rule == "continuation"
            and previous is not None
            and previous[1] < si
            and self.sentences[previous[1]].para == s.para
        ):
            start = self.sentences[previous[1]].start
        before = self._masked[si][: max(q.open - s.start, 0)]
        partial = bool(re.search(r"\w", before.replace(MASK, ""))) and not self.p["intro"].search(before)
        if sp is not None and sp.via_pronoun:
            review = review or not sp.certain
        return Attribution(
            q,
            self.text[q.inner_start : q.inner_end],
            None if name else sp,
            rule if sp else "",
            bool(review) if sp else False,
            si,
            (start, s.end),
            partial,
            name,
            str(extra.get("why", "")),
            extra.get("cut"),  # type: ignore[arg-type]
        )


def attribute(
    article: Article,
    quotes: list[QuoteSpan],
    sentences: list[Sentence],
    registry: Registry,
    tokens: list[Token] | None = None,
) -> list[Attribution]:
    """Every top-level quotation with its speaker (None when unsure); `tokens` is the
    parser's reading of the article, when the model is loaded."""
    return Attributor(article, quotes, sentences, registry, tokens).run()
