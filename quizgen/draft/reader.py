"""What the attribution rules read: the article's sentences with quotations masked,
subjects, speakers of noun phrases and pronouns resolved from context."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .clauses import past_complement, walk_back_incises
from .clean import Article, plain
from .lexicon import SIDE_PHRASES
from .nlp import Token
from .nounphrase import NP, PRONOUNS, parse_np
from .plurals import plural_antecedent, written_plural
from .quotes import MASK, QuoteSpan, Sentence, is_name_or_title, masked, names_a_work
from .speakers import Registry, Speaker
from .speechpatterns import _needs_aux, _patterns
from .tokens import Tok, fold, tokenize


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
    why: str = ""  # why the speaker needs checking (a YAML comment beside review: true)
    cut: tuple[int, int] | None = None  # an incise inside the quotation marks, left out of the quote

__all__ = ["Attribution", "Reader", "_needs_aux"]


class Reader:
    """One article as the rules read it; keeps the context pronouns need."""

    def __init__(
        self,
        article: Article,
        quotes: list[QuoteSpan],
        sentences: list[Sentence],
        registry: Registry,
        tokens: list[Token] | None = None,
    ):
        self.article = article
        self.tokens = tokens or []
        self.token_at = {t.start: i for i, t in enumerate(self.tokens)}
        # Per quotation (by its opening mark): an incise to cut, the reason to review, evidence start.
        self.extra: dict[int, dict[str, object]] = {}
        self.text = article.text
        self.view = plain(article.text)
        self.quotes = quotes
        self.sentences = sentences
        self.registry = registry
        self.p = _patterns()
        # « Situation Room » is a name; « Rien », a-t-il dit, is speech all the same.
        around = {
            q.open: (
                self.text[q.inner_start : q.inner_end],
                self.view[max(0, q.open - 40) : q.open],
                self.view[q.end : q.end + 40],
            )
            for q in quotes
        }
        self._name = {
            q.open: names_a_work(*around[q.open])
            or (is_name_or_title(*around[q.open]) and not self._incise_follows(q.end))
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
        # 'a déclaré mercredi soir la ministre', 'a fustigé ce samedi 1er avril X', 'a répété de son
        # côté X': an adverbial before the speaker.
        while k + 1 < len(toks):
            three = " ".join(t.low for t in toks[k : k + 3])
            if three in SIDE_PHRASES:
                k += 3
            elif (
                toks[k].low in _TIME_WORDS
                or (toks[k].low.endswith("ment") and len(toks[k].low) > 6 and not toks[k].cap)
                or (toks[k].low in ("ce", "cette") and toks[k + 1].low in _TIME_WORDS)
                or (toks[k].text[:1].isdigit() and toks[k + 1].low in _MONTHS | _TIME_WORDS)
                or (toks[k].low in _MONTHS and k > 0 and toks[k - 1].text[:1].isdigit())
            ):
                k += 1
            else:
                break
        for _ in range(2):  # 'a réagi sur Twitter le président…', 'a assuré auprès de l'AFP X'
            k = past_complement(toks, k)
        if k < len(toks) and toks[k].low in ("à", "au", "aux"):
            # An indirect object before the speaker: 'a déclaré aux journalistes l'assistant…'
            for m in range(k + 1, min(k + 5, len(toks))):
                if toks[m].low == "," and m + 1 < len(toks) and toks[m + 1].cap and m > k + 1:
                    k = m + 1  # "déclare à l'AFP, Christophe Ferrari"
                    break
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

    def _subject_before(self, si: int, offset: int) -> tuple[NP | None, list[Tok]]:
        """The subject noun phrase that ends just before `offset` in sentence si."""
        s = self.sentences[si]
        m = self._masked[si][:offset]
        toks = [Tok(t.text, t.start + s.start, t.end + s.start) for t in tokenize(m)]
        # Drop object pronouns and negation between subject and verb: "il l'a dit", "elle n'a".
        while toks and toks[-1].low in _CLITICS:
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
        named, end = walk_back_incises(toks)
        if named is not None:
            return named, toks
        # The clause the verb belongs to starts after the last boundary.
        start = next(
            (
                k + 1
                for k in range(end - 1, -1, -1)
                if toks[k].text in _BOUNDARY_MARKS
                or toks[k].text.startswith(MASK)
                or toks[k].low in _BOUNDARY_WORDS
            ),
            0,
        )
        clause = toks[start:end]
        if not clause or len(clause) > 12 or clause[0].low in _ADVERBIAL_STARTS:
            return None, toks
        np_ = parse_np(toks[:end], start)
        if np_ is None or np_.j != end:
            return None, toks
        return np_, toks

    def _speaker(self, np_: NP | None, si: int, *, create: bool = True) -> Speaker | None:
        """The speaker a noun phrase names; `create` False for the rules that guess more (a
        capitalised word they read as a subject is not a new person: "Pompiers agressés :")."""
        if np_ is None:
            return None
        if np_.head in PRONOUNS and np_.det is None:
            return self._resolve_pronoun(np_.head, si, np_.start)
        if not create:  # a first name and a surname ("Aurélie Filippetti"), a description ("le spationaute")
            names = np_.names()
            definite = np_.det in ("le", "la", "l'")
            create = any(b - a >= 2 for a, b in names) or (definite and not names)
        return self.registry.speaker_from_np(np_, self.text, create=create)

    def opening_np(self, si: int) -> NP | None:
        """The noun phrase that opens sentence si, past up to two adverbial openers."""
        s = self.sentences[si]
        toks = [Tok(t.text, t.start + s.start, t.end + s.start) for t in tokenize(self._masked[si])]
        k = 0
        for _ in range(2):
            if k < len(toks) and toks[k].low in _ADVERBIAL_OPENERS:
                comma = next((n for n in range(k, min(k + 20, len(toks))) if toks[n].text == ","), None)
                if comma is None:
                    break
                k = comma + 1
        return parse_np(toks, k, role_mode=True)

    def _coordinated(self, si: int, np_: NP) -> bool:
        """Whether the noun phrase is the first of two joined by 'et'/'ou' ('X et Y ont visité')."""
        rest = tokenize(self._masked[si][np_.end - self.sentences[si].start :])
        return (
            len(rest) >= 2
            and rest[0].low in ("et", "ou")
            and (rest[1].cap or rest[1].low in ("le", "la", "l'", "m.", "mme", "son", "sa", "leur"))
        )

    def main_subject(self, si: int) -> Speaker | None:
        """The subject that opens sentence si ('M. Biden, qui …, n'offrira…'), if it names someone."""
        if si in self._subject_cache:
            return self._subject_cache[si]
        sp: Speaker | None = None
        np_ = self.opening_np(si)
        if np_ is not None and self._coordinated(si, np_):
            np_ = None  # "Anne Roux et Paul Girard ont …": two people, no one subject
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

    def _resolve_pronoun(self, pronoun: str, si: int, pos: int) -> Speaker | None:
        want = PRONOUNS.get(pronoun)
        if pronoun in ("ils", "elles"):
            return plural_antecedent(self, si, pos)
        if pronoun == "on":
            return None

        def fits(sp: Speaker | None) -> bool:
            if sp is not None and written_plural(sp.name):
                return False  # "il" is never "les Jeunes Agriculteurs"
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
            final = said[0] if said and said[1] in _FINAL_RULES else None
            if final is not None and fits(final):
                # "« … », a dit X à Y. « … », a-t-il répondu": Y may be the one; to review.
                rival = any(p.key != final.key and fits(p) for p in self._people_named(back, prev.end))
                return _as_pronoun(final, certain=back == si - 1 and not rival)
            sub = self.main_subject(back)
            opening = self.opening_np(back) if sub is None and said is None else None
            if opening is not None and self._coordinated(back, opening):
                return None  # "Anne Roux et Paul Girard …. « … », tonne-t-il": which one?
            if sub is not None and fits(sub):
                return _as_pronoun(sub, certain=False)
            fresh = self._brought_in(back, fits) if said is None else {}
            if len(fresh) == 1:
                # "La situation est dure pour Paul, 60 ans, qui … « … », souligne-t-il": the one
                # person a narrative sentence brings in, rather than who spoke before it.
                return _as_pronoun(next(iter(fresh.values())), certain=False)
            if said is not None and fits(said[0]):
                return _as_pronoun(said[0], certain=False)
            if final is not None or sub is not None or said is not None:
                # The nearest candidate does not fit: only the one person of that gender.
                return self._only_one_of_gender(si, pos, want)
        return self._nearest_fitting(si, pos, fits) or self._named_after(si, pos, fits)

    def _named_after(self, si: int, pos: int, fits: Callable[[Speaker | None], bool]) -> Speaker | None:
        """'« … », dit-il. Le directeur de l'agence annonce … Selon Paul Roy, « … »': a pronoun
        before anyone is named in the story points ahead, to the first person named after it,
        in its paragraph or the next (to review)."""
        if any(p.first < pos for p in self.registry.persons()):
            return None
        para = self.sentences[si].para
        for nxt in range(si, len(self.sentences)):
            s = self.sentences[nxt]
            if s.para > para + 1:
                break
            if s.heading:
                continue
            named = [sp for sp in self._people_named(nxt, s.end) if nxt > si or self._at(sp, nxt) > pos]
            if named:
                return _as_pronoun(named[0], certain=False) if fits(named[0]) else None
        return None

    def _at(self, sp: Speaker, si: int) -> int:
        """Where sentence si names the speaker (outside quotations), -1 if it does not."""
        s = self.sentences[si]
        at = self._masked[si].find(sp.name.split()[-1])
        return s.start + at if at >= 0 else -1

    def _brought_in(self, si: int, fits: Callable[[Speaker | None], bool]) -> dict[str, Speaker]:
        """The people sentence si names for the first time, when a pronoun does not open it
        ('Il a travaillé avec Jean Martin' keeps 'il' as its subject)."""
        s = self.sentences[si]
        if re.match(r"\s*(?:il|elle)s?\b", self._masked[si], re.IGNORECASE):
            return {}
        out = {}
        for sp in self._people_named(si, s.end):
            person = self.registry.person(sp.name)
            if fits(sp) and person is not None and person.first >= s.start:
                out[sp.key] = sp
        return out

    def _only_one_of_gender(self, si: int, pos: int, want: str | None) -> Speaker | None:
        """'La ministre Anne Roux a reçu le préfet Paul Girard. « … », ajoute-t-il': the one
        person named before, in this paragraph and the one before, whose gender (known from a
        title or a determiner) is the pronoun's, when no one named there has an unknown gender."""
        if want is None:
            return None
        para = self.sentences[si].para
        seen: dict[str, Speaker] = {}
        for back in range(si, max(-1, si - 8), -1):
            prev = self.sentences[back]
            if prev.para < para - 1:
                break
            for sp in self._people_named(back, min(pos, prev.end)):
                seen.setdefault(sp.key, sp)
        if any(sp.gender is None for sp in seen.values()):
            return None
        fitting = [sp for sp in seen.values() if sp.gender == want]
        return _as_pronoun(fitting[0], certain=False) if len(fitting) == 1 else None

    def _people_named(self, si: int, pos: int) -> list[Speaker]:
        """Every person the registry knows named in sentence si before `pos`."""
        s = self.sentences[si]
        toks = [t for t in tokenize(self._masked[si]) if t.start + s.start < pos]
        out = []
        for k, t in enumerate(toks):
            if t.cap and t.word and not (k + 1 < len(toks) and toks[k + 1].cap and toks[k + 1].word):
                full = f"{toks[k - 1].text} {t.text}" if k > 0 and toks[k - 1].cap else t.text
                p = self.registry.person(full)
                if p is not None:
                    out.append(self.registry.person_speaker(p))
        return out

    def _nearest_fitting(self, si: int, pos: int, fits: Callable[[Speaker | None], bool]) -> Speaker | None:
        """The last person named before `pos` in this paragraph or the one before (to review)."""
        para = self.sentences[si].para
        for back in range(si, max(-1, si - 8), -1):
            prev = self.sentences[back]
            if prev.para < para - 1:
                break
            if prev.heading:
                continue
            sp = self._nearest_person_before(back, min(pos, prev.end))
            if sp is not None:
                return _as_pronoun(sp, certain=False) if fits(sp) else None
        return None

    def _subject_ends_before(self, si: int, pos: int) -> bool:
        s = self.sentences[si]
        toks = tokenize(self._masked[si])
        return bool(toks) and toks[0].start + s.start < pos and toks[0].low not in PRONOUNS

    def _nearest_person_before(self, si: int, pos: int) -> Speaker | None:
        s = self.sentences[si]
        toks = [t for t in tokenize(self._masked[si]) if t.start + s.start < pos]
        for k in range(len(toks) - 1, -1, -1):
            t = toks[k]
            if t.cap and t.word:
                full = f"{toks[k - 1].text} {t.text}" if k > 0 and toks[k - 1].cap else t.text
                p = self.registry.person(full)
                if p is not None:
                    return self.registry.person_speaker(p)
        return None

    # ---------------------------------------------------------------- rules


_TIME_WORDS = frozenset(
    """lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd'hui avant-hier matin soir
    après-midi midi encore alors aussi également ensuite enfin d'ailleurs aussitôt""".split()
)
_MONTHS = frozenset(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
)
_CLITICS = frozenset("l' le la les lui leur y en ne n' se s' nous vous l'a me m' t' te".split())
_BOUNDARY_MARKS = frozenset([",", ";", ":", "(", ")", "–", "—", "-", "«", "»", '"', "“", "”"])
_BOUNDARY_WORDS = frozenset(
    "que qu' lorsque lorsqu' quand comme si mais car où dont puisque puisqu' tandis alors et puis ou".split()
)
_ADVERBIAL_STARTS = frozenset(
    """en lors dans après avant pour selon d'après depuis pendant à au aux par sur avec ainsi
    ensuite enfin""".split()
)


# Attributions that close a sentence: a following "a-t-il ajouté" refers to their speaker.
_FINAL_RULES = frozenset(
    {"post", "selon", "agency", "continuation", "incise", "pronoun", "source-line", "reported"}
)
_ADVERBIAL_OPENERS = frozenset(
    """
    en lors dans après avant pour selon d'après depuis pendant à au aux par sur avec ainsi mais et or alors
    puis enfin ensuite cependant pourtant toutefois néanmoins si quand lorsque lorsqu' comme bien tandis dès
    face malgré outre près d' au-delà mardi lundi mercredi jeudi vendredi samedi dimanche hier aujourd'hui
    avant-hier demain dimanche ici là-bas concernant s'agissant interrogé interrogée invité invitée
    questionné questionnée sollicité sollicitée
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


def _as_pronoun(sp: Speaker, *, certain: bool) -> Speaker:
    return Speaker(sp.name, sp.kind, sp.key, sp.gender, certain and sp.certain, sp.role, via_pronoun=True)
