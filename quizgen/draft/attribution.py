"""Who said each quotation: the patterns of French reported speech.

In order of trust, for each quotation of a sentence:

1. an incise after it: `« … », a déclaré X`, `« … », ajoute-t-elle`,
   `« … », selon X`, `« … », ont été les premiers mots de X`, `« … » -Reuters`;
   a chain of quotations shares the incise of the last one;
2. a speech verb before it in the sentence: `X a déclaré que « … »`,
   `X a qualifié l'alliance d'« … »`, `il a dit « … »` (the pronoun is
   resolved from context);
3. `Selon X, … « … »` at the start, or `…, selon X.` at the end;
4. a headline or label: `X : « … »`, `X … – « … »`, `Label : … « … »`;
5. a subject just before the quote: `Vladimir Poutine « a proposé… »` (review);
6. a quotation alone in its sentence continues the previous speaker
   (review when the previous speaker is in an earlier paragraph);
7. a `Source : X` line after a paragraph that is only a quotation.

Anything else stays unattributed: precision first.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from .clean import Article, plain
from .lexicon import (
    ANONYMOUS_PERSON_NOUNS,
    AUXILIARIES,
    INVERTED_PRONOUN,
    ROLE_NOUNS,
    SPEECH_NOUNS,
    VERB_ADVERBS,
    speech_verb_pattern,
)
from .quotes import MASK, QuoteSpan, Sentence, is_name_or_title, masked
from .speakers import NP, PRONOUNS, Registry, Speaker, Tok, fold, parse_np, tokenize


@dataclass
class Attribution:
    quote: QuoteSpan
    text: str  # the quoted words, as written
    speaker: Speaker | None
    rule: str
    review: bool
    sentence: int  # index of the sentence where the quotation closes
    evidence: tuple[int, int]  # span of the article that shows quote and speaker
    partial: bool  # a fragment inside reported speech rather than a whole utterance
    name_or_title: bool = False


_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées")
_IRREGULAR_PARTICIPLES = frozenset(
    """
    dite dits écrite décrite reconnu reconnue admis admise promis promise répondu soutenu prévenu conclu
    cru poursuivi averti avertie réagi démenti maintenu écrié défendu défendue réjoui réjouie réjouis
    souri requis
""".split()
)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    form = speech_verb_pattern()
    vg = (
        rf"(?:(?P<aux>{AUXILIARIES})(?P<inv1>{INVERTED_PRONOUN})?\s+(?:(?:{VERB_ADVERBS}|pas|plus|jamais)\s+)*)?"
        rf"(?:s'|se\s+)?(?P<verb>{form})(?P<inv2>{INVERTED_PRONOUN})?(?![\w-])"
    )
    return {
        "post": re.compile(rf"^[\s,;]*(?:[-–—]\s*)?(?i:{vg})"),
        "pre": re.compile(rf"(?<![\w'-])(?i:(?:(?:ne|n')\s*)?{vg})"),
        "selon_after": re.compile(
            r"^[\s,;]*(?:[-–—]\s*)?(?i:(?:toujours|encore|notamment|a\s+priori)\s+)?"
            r"(?i:selon|d'après|rapporte|rapportent|cité(?:e|s)?\s+par|relayée?s?\s+par)\s+"
        ),
        "selon_anywhere": re.compile(
            r",\s*(?i:(?:toujours|encore|notamment)\s+)?(?i:selon|d'après)\s+(?=[^,]*[.!?]?\s*$)"
        ),
        "selon_start": re.compile(r"^\s*(?i:selon|d'après|pour)\s+"),
        "speech_noun": re.compile(
            rf"^[\s,;]*(?i:(?:ont|a|avaient|avait|sont|étaient|furent|fut|seront|auraient)\s+été\s+"
            rf"(?:les|la|le|l')\s*(?:\w+\s+)?{SPEECH_NOUNS}\s+)(?=d[eu]s?\b|d')"
        ),
        "agency": re.compile(r"^\s*[-–—(]\s*(?P<name>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})\s*\)?\s*\.?\s*$"),
        "chain": re.compile(r"^[\s,;]*(?:(?i:et|puis|ou)\s+)?[«“\"]"),
        "intro": re.compile(r"[:–—-]\s*$"),
        "but_that": re.compile(r"\b(?:mais|et|ou)\s+(?:que|qu')", re.IGNORECASE),
    }


def _needs_aux(verb: str) -> bool:
    v = verb.lower()
    return v.endswith(_PARTICIPLE_ENDINGS) or v in _IRREGULAR_PARTICIPLES


class Attributor:
    """Runs the rules over one article; keeps the context pronouns need."""

    def __init__(
        self, article: Article, quotes: list[QuoteSpan], sentences: list[Sentence], registry: Registry
    ):
        self.article = article
        self.text = article.text
        self.view = plain(article.text)
        self.quotes = quotes
        self.sentences = sentences
        self.registry = registry
        self.p = _patterns()
        # « Situation Room » is a name; « Rien », a-t-il dit, is speech all the same.
        self._name = {
            q.open: is_name_or_title(
                self.text[q.inner_start : q.inner_end], self.view[max(0, q.open - 40) : q.open]
            )
            and not self._incise_follows(q.end)
            for q in quotes
        }
        # Names in quotation marks stay readable ('le quotidien “L'Équipe”'); speech is masked.
        view = self.view
        for q in quotes:
            if self._name[q.open]:
                view = view[: q.open] + " " + view[q.open + 1 : q.close] + " " + view[q.close + 1 :]
        speech = [q for q in quotes if not self._name[q.open]]
        self._masked = [masked(view, s.start, s.end, speech) for s in sentences]
        self._speaker_of: dict[int, tuple[Speaker, str]] = {}  # sentence → (last speaker, rule)
        self._subject_cache: dict[int, Speaker | None] = {}
        counts = Counter(fold(self.text[q.inner_start : q.inner_end]) for q in quotes)
        self._repeated = {k for k, c in counts.items() if c > 1}

    # ---------------------------------------------------------------- helpers

    def _incise_follows(self, pos: int) -> bool:
        """', a-t-il dit' or ', selon X' right after a closing mark."""
        after = self.view[pos : pos + 80]
        return bool(re.match(r"\s*,", after)) and bool(
            self.p["post"].match(after) or self.p["selon_after"].match(after)
        )

    def _sentence_of(self, pos: int) -> int:
        for i, s in enumerate(self.sentences):
            if s.start <= pos < s.end:
                return i
        return -1

    def _np_after(self, si: int, offset: int) -> NP | None:
        """The noun phrase after position `offset` of sentence si, skipping 'aux journalistes'."""
        s = self.sentences[si]
        toks = tokenize(self._masked[si])
        toks = [Tok(t.text, t.start + s.start, t.end + s.start) for t in toks]
        k = next((n for n, t in enumerate(toks) if t.start >= s.start + offset), len(toks))
        if k < len(toks) and toks[k].low in ("à", "au", "aux"):
            # An indirect object before the speaker: 'a déclaré aux journalistes l'assistant…'
            for m in range(k + 1, min(k + 5, len(toks))):
                if toks[m].low in (",", ".", ";"):
                    break
                if (
                    (toks[m].low in ("le", "la", "l'", "un", "une", "m.", "mme") or toks[m].cap)
                    and m > k + 1
                    and toks[m - 1].low not in ("le", "la", "l'", "les", "un", "une", "des", "de", "d'")
                ):
                    k = m
                    break
        return parse_np(toks, k)

    def _subject_before(self, si: int, offset: int) -> tuple[NP | None, list[Tok]]:
        """The subject noun phrase that ends just before `offset` in sentence si."""
        s = self.sentences[si]
        m = self._masked[si][:offset]
        toks = [Tok(t.text, t.start + s.start, t.end + s.start) for t in tokenize(m)]
        # Drop object pronouns and negation between subject and verb: "il l'a dit", "elle n'a".
        while toks and toks[-1].low in (
            "l'",
            "le",
            "la",
            "les",
            "lui",
            "leur",
            "y",
            "en",
            "ne",
            "n'",
            "se",
            "s'",
            "nous",
            "vous",
            "leur",
            "l'a",
            "me",
            "m'",
            "t'",
            "te",
        ):
            toks.pop()
        if not toks:
            return None, toks
        if toks[-1].low in PRONOUNS:
            return NP(toks, len(toks) - 1, len(toks), None, toks[-1].low), toks
        # "L'Organisation mondiale de la santé (OMS) recommande": the acronym is not the clause.
        if toks[-1].text == ")":
            k = len(toks) - 2
            while k >= 0 and toks[k].text != "(":
                k -= 1
            if k > 0 and k >= len(toks) - 5:
                toks = toks[:k]
        # Walk back over incises between commas: "M. Biden, qui …, a dit"; an incise that
        # names the subject is the subject: "Le préfet de l'Isère, Antoine Roussel, a salué".
        end = len(toks)
        while end > 0 and toks[end - 1].text == ",":
            k = end - 2
            while k >= 0 and toks[k].text != ",":
                k -= 1
            if k < 0:
                break
            inner = toks[k + 1 : end - 1]
            if not inner:
                break
            if (
                all((t.cap and t.word) or t.text == "-" or t.low in _PARTICLES for t in inner)
                and inner[0].cap
            ):
                np_ = parse_np(toks[: end - 1], k + 1)
                if np_ is not None and np_.j == end - 1:
                    return np_, toks
            first = inner[0].low
            if first in _INCISE_OPENERS or first in ROLE_NOUNS or first in ANONYMOUS_PERSON_NOUNS:
                end = k
                continue
            break
        # The clause the verb belongs to starts after the last boundary.
        start = 0
        for k in range(end - 1, -1, -1):
            t = toks[k]
            if (
                t.text in (",", ";", ":", "(", ")", "–", "—", "-", "«", "»", '"', "“", "”")
                or t.text.startswith(MASK)
                or t.low
                in (
                    "que",
                    "qu'",
                    "lorsque",
                    "lorsqu'",
                    "quand",
                    "comme",
                    "si",
                    "mais",
                    "car",
                    "où",
                    "dont",
                    "puisque",
                    "puisqu'",
                    "tandis",
                    "alors",
                    "et",
                    "puis",
                    "ou",
                )
            ):
                start = k + 1
                break
        clause = toks[start:end]
        if not clause or len(clause) > 12:
            return None, toks
        if clause[0].low in (
            "en",
            "lors",
            "dans",
            "après",
            "avant",
            "pour",
            "selon",
            "d'après",
            "depuis",
            "pendant",
            "à",
            "au",
            "aux",
            "par",
            "sur",
            "avec",
            "ainsi",
            "ensuite",
            "enfin",
        ):
            return None, toks
        np_ = parse_np(toks[:end], start)
        if np_ is None or np_.j != end:
            return None, toks
        return np_, toks

    def _speaker(self, np_: NP | None, si: int) -> Speaker | None:
        if np_ is None:
            return None
        if np_.head in PRONOUNS and np_.det is None:
            return self._resolve_pronoun(np_.head, si, np_.start)
        return self.registry.speaker_from_np(np_, self.text)

    def main_subject(self, si: int) -> Speaker | None:
        """The subject that opens sentence si ('M. Biden, qui …, n'offrira…'), if it names someone."""
        if si in self._subject_cache:
            return self._subject_cache[si]
        s = self.sentences[si]
        toks = [Tok(t.text, t.start + s.start, t.end + s.start) for t in tokenize(self._masked[si])]
        k = 0
        for _ in range(2):
            if k < len(toks) and toks[k].low in _ADVERBIAL_OPENERS:
                comma = next((n for n in range(k, min(k + 20, len(toks))) if toks[n].text == ","), None)
                if comma is None:
                    break
                k = comma + 1
        sp: Speaker | None = None
        np_ = parse_np(toks, k, role_mode=True)
        if np_ is not None and not (np_.head in PRONOUNS and np_.det is None):
            sp = self.registry.speaker_from_np(np_, self.text, create=False)
            if (
                sp is not None
                and sp.kind == "institution"
                and not np_.names()
                and np_.head not in _INSTITUTION_HEADS
            ):
                sp = None  # "les sanctions", "la discussion": not a speaker
        self._subject_cache[si] = sp
        return sp

    def _incise_speaker(self, si: int) -> Speaker | None:
        """Reported speech without quotation marks: '…, a noté Ouchakov.'"""
        m = self._masked[si]
        comma = m.rfind(",")
        if comma < 0:
            return None
        mm = self.p["post"].match(m[comma:])
        if not mm or (mm["aux"] is None and mm["inv2"] is None and _needs_aux(mm["verb"])):
            return None
        if mm["inv1"] or mm["inv2"]:
            return None
        np_ = self._np_after(si, comma + mm.end())
        if np_ is None:
            return None
        rest = m[np_.end - self.sentences[si].start :].strip(" .!?")
        if rest:
            return None
        return self._speaker(np_, si)

    def _resolve_pronoun(self, pronoun: str, si: int, pos: int) -> Speaker | None:
        want = PRONOUNS.get(pronoun)
        if pronoun in ("ils", "elles", "on"):
            return None

        def fits(sp: Speaker | None) -> bool:
            return (sp is not None and (sp.gender in (None, want)) and sp.kind != "anonymous") or (
                sp is not None and sp.kind == "anonymous" and sp.gender == want
            )

        # In the same sentence, before the pronoun: its subject, else the nearest person named.
        subject = self.main_subject(si)
        s = self.sentences[si]
        if subject is not None and fits(subject) and self._subject_ends_before(si, pos):
            return _as_pronoun(subject, certain=False)
        nearest = self._nearest_person_before(si, pos)
        if nearest is not None and fits(nearest):
            return _as_pronoun(nearest, certain=False)
        # Earlier sentences: the last speaker, else the subject.
        para = s.para
        for back in range(si - 1, max(-1, si - 5), -1):
            prev = self.sentences[back]
            if prev.para < para - 2:
                break
            if prev.heading:
                continue
            said = self._speaker_of.get(back)
            final = said[0] if said and said[1] in _FINAL_RULES else self._incise_speaker(back)
            if final is not None and fits(final):
                return _as_pronoun(final, certain=back == si - 1)
            sub = self.main_subject(back)
            if sub is not None and fits(sub):
                return _as_pronoun(sub, certain=False)
            if said is not None and fits(said[0]):
                return _as_pronoun(said[0], certain=False)
            if final is not None or sub is not None or said is not None:
                return None  # the nearest candidate does not fit: do not guess further
        return None

    def _subject_ends_before(self, si: int, pos: int) -> bool:
        s = self.sentences[si]
        toks = tokenize(self._masked[si])
        return bool(toks) and toks[0].start + s.start < pos and toks[0].low not in PRONOUNS

    def _nearest_person_before(self, si: int, pos: int) -> Speaker | None:
        s = self.sentences[si]
        toks = [t for t in tokenize(self._masked[si]) if t.start + s.start < pos]
        for t in reversed(toks):
            if t.cap and t.word:
                p = self.registry.people.get(_key(t.text))
                if p is not None:
                    return self.registry._person_speaker(p)
        return None

    # ---------------------------------------------------------------- rules

    def run(self) -> list[Attribution]:
        out: list[Attribution] = []
        by_sentence: dict[int, list[QuoteSpan]] = {}
        for q in self.quotes:
            by_sentence.setdefault(self._sentence_of(q.close), []).append(q)
        previous: tuple[Speaker, int, int] | None = None  # (speaker, sentence, paragraph)
        for si, s in enumerate(self.sentences):
            qs = by_sentence.get(si, [])
            if not qs:
                sp = self._incise_speaker(si) if not s.heading else None
                if sp is not None:
                    self._speaker_of[si] = (sp, "incise")
                if not s.heading:
                    previous = None if sp is None else (sp, si, s.para)
                continue
            results = self._sentence(si, qs, previous)
            for a in results:
                out.append(a)
            last = next((a for a in reversed(results) if a.speaker is not None and not a.name_or_title), None)
            if last is not None:
                self._speaker_of[si] = (last.speaker, last.rule)  # type: ignore[assignment]
                previous = (last.speaker, si, s.para)  # type: ignore[assignment]
            elif any(not a.name_or_title for a in results):
                previous = None
        return out

    def _sentence(
        self, si: int, qs: list[QuoteSpan], previous: tuple[Speaker, int, int] | None
    ) -> list[Attribution]:
        s = self.sentences[si]
        m = self._masked[si]
        n = len(qs)
        found: list[tuple[Speaker | None, str, bool]] = [(None, "", False)] * n
        names = [False] * n
        for k, q in enumerate(qs):
            names[k] = self._name[q.open]
        # 1. Incises after a quotation; a chain shares the incise of its last quotation.
        for k in range(n - 1, -1, -1):
            if names[k]:
                continue
            q = qs[k]
            after = m[q.end - s.start :]
            if (
                k + 1 < n
                and self.p["chain"].match(after)
                and found[k + 1][0] is not None
                and found[k + 1][1] in ("post", "selon", "agency")
            ):
                found[k] = found[k + 1]
                continue
            found[k] = self._post(si, q.end - s.start)
        # 2-5. Rules that read the text before the quotation.
        for k, q in enumerate(qs):
            if names[k] or found[k][0] is not None:
                continue
            offset = max(q.open - s.start, 0)
            found[k] = (
                self._pre_verb(si, offset)
                or self._selon(si, offset)
                or self._intro(si, offset, k == 0)
                or self._adjacent(si, offset)
                or (None, "", False)
            )
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
                sp, rule, review = self._source_line(si, q) or (None, "", False)
            results.append(self._make(si, q, sp, rule, review, names[k], previous))
        return results

    def _post(self, si: int, offset: int) -> tuple[Speaker | None, str, bool]:
        m = self._masked[si]
        after = m[offset:]
        mm = self.p["selon_after"].match(after)
        if mm:
            sp = self._speaker(self._np_after(si, offset + mm.end()), si)
            return (sp, "selon", False) if sp else (None, "", False)
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
            sp = self.registry._institution(mm["name"])
            return sp, "agency", False
        mm = self.p["post"].match(after)
        if not mm:
            return None, "", False
        if mm["aux"] is None and mm["inv2"] is None and _needs_aux(mm["verb"]):
            return None, "", False
        pronoun = (mm["inv1"] or mm["inv2"] or "").lstrip("-t").lstrip("-")
        if pronoun:
            sp = self._resolve_pronoun(pronoun, si, self.sentences[si].start + offset)
            return (sp, "pronoun", not sp.certain) if sp else (None, "", False)
        sp = self._speaker(self._np_after(si, offset + mm.end()), si)
        if sp is None:
            return None, "", False
        return sp, "post", not sp.certain

    def _np_after_contracted(self, si: int, k: int, contraction: str) -> NP | None:
        """'mots du président russe': read 'du' as 'le' so the NP keeps its determiner."""
        s = self.sentences[si]
        toks = [Tok(t.text, t.start + s.start, t.end + s.start) for t in tokenize(self._masked[si])]
        idx = next((n for n, t in enumerate(toks) if t.start >= s.start + k), None)
        if idx is None:
            return None
        det = {"du": "le", "des": "les"}[contraction]
        toks[idx] = Tok(det, toks[idx].start, toks[idx].end)
        return parse_np(toks, idx)

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
        # "X a confirmé que …, mais que « … »": the quote belongs to the first verb's clause.
        chosen = verbs[-1]
        for v in reversed(verbs[:-1]):
            if self.p["but_that"].search(m, chosen.end()):
                chosen = v
            else:
                break
        between = m[chosen.end() :]
        if re.search(r"[.;!?]\s", between):
            return None
        inverted = (chosen["inv1"] or chosen["inv2"] or "").lstrip("-t").lstrip("-")
        if inverted:
            # "« … », a-t-il souligné, avant de réclamer « … »": the same speaker.
            sp = self._resolve_pronoun(inverted, si, self.sentences[si].start + chosen.start())
            return (sp, "pronoun", not sp.certain) if sp else None
        np_, _toks = self._subject_before(si, chosen.start())
        index = verbs.index(chosen)
        while np_ is None and index > 0 and re.search(r"\bet\s+$", m[: verbs[index].start()]):
            index -= 1  # "X a évoqué « … » et salué « … »": the subject of the first verb
            np_, _toks = self._subject_before(si, verbs[index].start())
        sp = self._speaker(np_, si)
        if sp is None:
            return None
        rule = "pronoun" if sp.via_pronoun else "pre"
        return sp, rule, not sp.certain

    def _selon(self, si: int, offset: int) -> tuple[Speaker | None, str, bool] | None:
        m = self._masked[si]
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
        # ", pour la partie russe, …« … »": an incise naming whose view it is.
        incises = list(re.finditer(r",\s*pour\s+(?=(?:la|le|l'|les)\s)[^,]{3,60},", m[:offset]))
        if incises:
            last = incises[-1]
            sp = self._speaker(
                self._np_after(si, last.start() + len(re.match(r",\s*pour\s+", last.group())[0])), si
            )
            if sp is not None and sp.kind in ("institution", "person"):
                return sp, "selon", True
        return None

    def _intro(self, si: int, offset: int, first: bool) -> tuple[Speaker | None, str, bool] | None:
        """'X : « … »', 'Le Kremlin donne son avis … – « … »', 'US State Dept : … « … »'."""
        m = self._masked[si]
        before = m[:offset]
        if first and self.p["intro"].search(before):
            label = before.rstrip(" :–—-")
            cut = max(label.rfind(":"), label.rfind("–"), label.rfind("—"), label.rfind(" - "))
            label_start = cut + 1 if cut >= 0 else 0
            label_start += len(label[label_start:]) - len(label[label_start:].lstrip())
            if 0 < len(label[label_start:].split()) <= 4:
                # "Awa Diallo : « … »": a name, then the words.
                np_ = self._np_after(si, label_start)
                if np_ is not None and np_.end - self.sentences[si].start >= len(label.rstrip()):
                    sp = self._speaker(np_, si)
                    if sp is not None and sp.kind in ("person", "institution"):
                        return sp, "intro", sp.kind != "person"
            if cut < 0:
                sp = self.main_subject(si)
                if sp is not None:
                    return sp, "intro", True
        # A label opening a line: "US State Dept : les États-Unis … « … »".
        lab = re.match(r"^\s*((?:[A-ZÀ-Ý][\w.'-]*\s*){1,5}):\s", before)
        if lab:
            words = lab.group(1).split()
            if any(w.lower() not in _LABEL_NOT_SPEAKER for w in words):
                sp = (
                    self.registry._institution(lab.group(1).strip())
                    if not self.registry.person(lab.group(1))
                    else self.registry._person_speaker(self.registry.person(lab.group(1)))
                )  # type: ignore[arg-type]
                return sp, "intro", True
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
        if psi != si - 1:
            return None
        if ppara == s.para:
            return sp, "continuation", False
        if ppara == s.para - 1 and self.article.paragraphs[s.para].start == s.start:
            return sp, "continuation", True
        return None

    def _source_line(self, si: int, q: QuoteSpan) -> tuple[Speaker | None, str, bool] | None:
        s = self.sentences[si]
        para = self.article.paragraphs[s.para]
        body = self.view[para.start : para.end].strip()
        if not (body.startswith(("«", "“", '"')) and q.open <= para.start + 2):
            return None
        for after_para, name in self.article.source_lines:
            if after_para == s.para:
                return self.registry._institution(name), "source-line", True
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
        )


_PARTICLES = frozenset({"de", "von", "van", "der", "den", "al", "ben", "bin", "da", "di", "del", "du", "le"})
_INCISE_OPENERS = frozenset("""
    qui que qu' dont selon d'après lui elle eux pour de quant elle-même lui-même le la l' un une en après
    avant lors dans ancien ancienne ex notamment également aussi toutefois pourtant cependant néanmoins
    enfin par sur à interrogé interrogée interrogés cité citée joint jointe contacté contactée sollicité
    sollicitée invité invitée présent présente visiblement très
""".split())

# Attributions that close a sentence: a following "a-t-il ajouté" refers to their speaker.
_FINAL_RULES = frozenset({"post", "selon", "agency", "continuation", "incise", "pronoun", "source-line"})
_ADVERBIAL_OPENERS = frozenset(
    """
    en lors dans après avant pour selon d'après depuis pendant à au aux par sur avec ainsi mais et or alors
    puis enfin ensuite cependant pourtant toutefois néanmoins si quand lorsque lorsqu' comme bien tandis dès
    face malgré outre près d' au-delà mardi lundi mercredi jeudi vendredi samedi dimanche hier aujourd'hui
    avant-hier demain dimanche ici là-bas concernant s'agissant interrogé interrogée
""".split()
)
_INSTITUTION_HEADS = frozenset(
    {
        "kremlin",
        "élysée",
        "gouvernement",
        "ministère",
        "administration",
        "présidence",
        "agence",
        "exécutif",
        "département",
        "maison",
        "pentagone",
        "parlement",
        "commission",
        "armée",
        "police",
        "parquet",
        "autorités",
        "partie",
        "diplomatie",
        "porte-parole",
        "onu",
        "otan",
        "ue",
    }
)
_LABEL_NOT_SPEAKER = frozenset(
    {
        "et",
        "enfin",
        "en",
        "revanche",
        "du",
        "côté",
        "russe",
        "mise",
        "à",
        "jour",
        "update",
        "la",
        "le",
        "les",
        "source",
        "sources",
        "photo",
        "vidéo",
        "direct",
        "alerte",
        "info",
        "infos",
        "question",
        "réponse",
        "note",
        "nb",
        "ps",
        "mais",
    }
)


def _key(word: str) -> str:
    from .speakers import name_key

    return name_key(word)


def _as_pronoun(sp: Speaker, *, certain: bool) -> Speaker:
    return Speaker(sp.name, sp.kind, sp.key, sp.gender, certain and sp.certain, sp.role, via_pronoun=True)


def attribute(
    article: Article, quotes: list[QuoteSpan], sentences: list[Sentence], registry: Registry
) -> list[Attribution]:
    """Every top-level quotation with its speaker (None when unsure)."""
    return Attributor(article, quotes, sentences, registry).run()
