"""Speakers pointed at by the clause that holds the quotation:

- a relative clause: `…, dont Paul Roy, élu du quartier, selon qui « … »`, `…, pour qui
  « … »`, `…, d'après qui « … »` — the person the relative pronoun stands for, named just
  before it, not the subject of the sentence (`Les riverains protestent, dont …`);
- a participle of speech after the main clause: `Les gérants nient toute faute, jugeant
  que « … »`, `…, rappelant : « … »` — the subject of the sentence (to review);
- a side named before an impersonal 'on' or a colon: `Du côté de la mairie, on assure que « … »`,
  `Chez les commerçants, on craint « … »`, `Même son de cloche chez Paul Roy : « … »` — that
  side (to review);
- a relative clause of speech on the one named just before: `… saluée par le maire Paul Roy,
  qui parle d'« une victoire »`, `…, soutenue par la CGT, qui dénonce « … »`;
- words named as someone's before or after a colon: `Le message du maire Paul Roy est clair :
  « … »`, `« … » : la réponse de Paul Roy a fusé` — that someone (to review)."""

from __future__ import annotations

import re
from dataclasses import replace

from .lexicon import DOCUMENT_NOUNS, speech_form
from .nounphrase import NP, parse_np
from .quotes import MASK, QuoteSpan
from .reader import Reader, _needs_aux
from .speakers import Speaker
from .tokens import Tok, tokenize

Found = tuple[Speaker | None, str, bool]

# ", selon qui « … »", ", pour qui il faut « … »": the relative clause that holds the quotation.
_ACCORDING_TO_WHOM = re.compile(r",\s*(?i:selon|pour|d'après|d’après)\s+qui\b(?P<clause>[^.;!?:]*)$")


# ", estimant que « … »", ", en rappelant : « … »": a present participle right before the quotation.
_PARTICIPLE_BEFORE = re.compile(
    r",\s*(?:(?:tout\s+)?en\s+)?(?P<verb>[a-zéèêàâîôûç]{3,}ant)\s+(?:(?:notamment|aussi|encore)\s+)?"
    r"(?:que\s+|qu'|:\s*)?$"
)
# Participles of speech verbs whose stem + 'e' is no verb form ('disant' → 'dit').
_IRREGULAR_PARTICIPLES = frozenset(
    "disant écrivant reconnaissant concluant répondant promettant admettant".split()
)


def _speech_participle(verb: str) -> bool:
    return verb in _IRREGULAR_PARTICIPLES or speech_form(verb[:-3] + "e")


# "Même constat chez X", "Même son de cloche du côté de Y": nouns of a reaction shared by sides.
_REACTIONS = (
    r"son\s+de\s+cloche|constat|discours|réaction|analyse|avis|ton|sentiment|enthousiasme|colère|"
    r"inquiétude|satisfaction|soulagement|déception|optimisme|prudence|refrain|tonalité|écho|registre"
)
# "Du côté de la mairie", "Chez Paul Roy", "Au ministère": the side whose words follow.
_SIDE = re.compile(
    r"(?:^\s*(?:(?:Et|Mais)\s+)?|(?i:même\s+(?:" + _REACTIONS + r"))\s+)"
    r"(?i:(?:du|au)\s+côté\s+(?P<of>du|des|de\s+|d')|chez\s+|(?<=\s)pour\s+)"
)
# "chez X : « … »", "chez X, pas de doute : « … »": a colon, after a set phrase of certainty at most.
_COLON_AFTER_SIDE = re.compile(
    r"\s*,?\s*(?i:(?:pas|aucun|nul)\s+(?:de\s+)?doute|sans\s+(?:aucun\s+)?doute|bien\s+sûr|évidemment|"
    r"c'est\s+(?:clair|sûr|certain|net)|le\s+ton\s+est\s+donné)?\s*:\s*"
)
_ON_SAYS = re.compile(r"^\s*,\s*on\s+(?:(?:ne\s+|n')?\w+\s+){0,2}?$")


# "le message du maire", "la réponse de X", "les mots de X": words that are someone's.
_WORDS_OF = re.compile(
    r"\b(?i:message|discours|mots|propos|paroles|réponse|réaction|constat|avis|explication|appel|"
    r"verdict|credo|leitmotiv|lettre|courrier|slogan)\s+(?P<of>du|des|de\s+|d')"
)


# ", qui dénonce « … »", ", qui a parlé d'« … »": a relative clause whose verb is the speech.
# "la lettre de X, qui … :": someone else's words may follow the colon.
# The documents and words of speech of the lexicon (not its offices: "cabinet", "entourage"), and
# what carries words in a street or a post: "qui a lu la déclaration du syndicat : « … »".
_WORD_CARRIERS = (
    DOCUMENT_NOUNS - {"entourage", "services", "service", "bureau", "cabinet", "site", "compte", "position"}
) | frozenset(
    "courrier phrase pancarte banderole affiche slogan tract discours tribune pétition publication "
    "mot parole réponse réaction commentaire formule".split()
)
_OTHERS_WORDS = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, _WORD_CARRIERS), key=len, reverse=True)) + r")s?\b", re.I
)
_WHO_SAYS = re.compile(r",\s*qui\s+(?P<clause>[^,.;:!?\u2591]{2,80}?)\s*:?\s*$")


class Relatives(Reader):
    """The speaker of a quotation in a relative clause on the person named before it."""

    def according_to_whom(self, si: int, q: QuoteSpan) -> Found | None:
        s = self.sentences[si]
        before = self._masked[si][: max(q.open - s.start, 0)]
        mm = _ACCORDING_TO_WHOM.search(before)
        if mm is None or MASK in mm["clause"]:
            return None
        at = s.start + mm.start()
        sp = self._nearest_person_before(si, at)
        if sp is None:
            return None
        # Someone else named before the antecedent may be the one the clause is about: to check.
        others = {p.key for p in self._people_named(si, at)} - {sp.key}
        if others:
            self.extra.setdefault(q.open, {})["why"] = (
                f"« selon qui » rattaché à {sp.name}, la personne nommée juste avant"
            )
        return sp, "selon", bool(others)

    def participle_of_speech(self, si: int, q: QuoteSpan) -> Found | None:
        """', estimant que « … »' after the main clause: its subject speaks (to review)."""
        s = self.sentences[si]
        before = self._masked[si][: max(q.open - s.start, 0)]
        mm = _PARTICIPLE_BEFORE.search(before)
        if mm is None or not _speech_participle(mm["verb"].lower()) or MASK in before:
            return None
        if re.search(r"\b(?:qui|que|qu'|lorsque|quand|dont|mais|et)\b", before[: mm.start()].split(",")[-1]):
            return None  # ", alors que les députés …, estimant": another clause, another subject
        np_ = self.opening_np(si)
        sp = self._speaker(np_, si) if np_ is not None and not self._coordinated(si, np_) else None
        if sp is None or sp.kind not in ("person", "anonymous", "institution"):
            return None
        self.extra.setdefault(q.open, {})["why"] = f"{sp.name}, sujet de la phrase, parle au participe"
        return sp, "participle-guess", True

    def side_speaks(self, si: int, q: QuoteSpan) -> Found | None:
        """'Du côté de la mairie, on assure que « … »', 'Même son de cloche chez X : « … »'."""
        s = self.sentences[si]
        before = self._masked[si][: max(q.open - s.start, 0)]
        mm = _SIDE.search(before)
        if mm is None or MASK in before:
            return None
        of = (mm["of"] or "").strip()
        np_ = self._np_after_contracted(si, mm.start("of"), of) if of in ("du", "des") else None
        np_ = np_ or self._np_after(si, mm.end())
        if np_ is None:
            return None
        rest = before[np_.toks[np_.j - 1].end - s.start :]
        rest = re.sub(r"^\s*,[^,:]{0,60}(?:,|(?=\s*:))", ",", rest)  # "chez X, président du club :"
        verb = self.p["pre"].search(rest)
        says = bool(_COLON_AFTER_SIDE.fullmatch(rest)) or (
            verb is not None and _ON_SAYS.match(rest[: verb.start()]) is not None
        )
        sp = self._speaker(np_, si) if says else None
        if sp is None or sp.kind not in ("person", "anonymous", "institution"):
            return None
        if of in ("du", "des") and sp.name.lower().startswith(of + " "):
            # "du côté du club": the club, with its article back
            sp = replace(sp, name={"du": "le", "des": "les"}[of] + sp.name[len(of) :])
        self.extra.setdefault(q.open, {})["why"] = f"{sp.name} : le côté qui parle, sans verbe à son nom"
        return sp, "side", True

    def words_of(self, si: int, q: QuoteSpan) -> Found | None:
        """'Le message du maire X est clair : « … »', '« … » : la réponse de X a fusé'."""
        s = self.sentences[si]
        m = self._masked[si]
        before, after = m[: max(q.open - s.start, 0)], m[q.end - s.start :]
        colon_after = re.match(r"\s*:\s*(?:(?i:le|la|les|l'|ce|cette)\s*)?", after)
        if re.search(r":\s*$", before) and MASK not in before:
            mm, base = _WORDS_OF.search(before), 0
        elif colon_after and not before.strip(' «“"') and MASK not in after:
            base = q.end - s.start + colon_after.end()
            mm = _WORDS_OF.match(m, base)
        else:
            return None
        if mm is None:
            return None
        of = mm["of"].strip()
        if of in ("du", "des"):
            np_ = self._np_after_contracted(si, mm.start("of"), of)
        else:
            np_ = self._np_after(si, mm.end("of"))
        sp = self._speaker(np_, si) if np_ is not None else None
        if sp is None or sp.kind not in ("person", "anonymous", "institution"):
            return None
        why = f"« {mm.group().split()[0]} de {sp.name} » : ses mots, sans verbe de parole"
        self.extra.setdefault(q.open, {})["why"] = why
        return sp, "words-of", True

    def subject_across_et(self, si: int, verbs: list[int], index: int) -> NP | None:
        """The subject of a speech verb after 'et': 'X a évoqué « … » et salué « … »' — that of the
        speech verb before; 'Il prend la parole et lance « … »' — the one opening the sentence."""
        m = self._masked[si]
        while index > 0 and re.search(r"\bet\s+$", m[: verbs[index]]):
            index -= 1
            np_, _toks = self._subject_before(si, verbs[index])
            if np_ is not None:
                return np_
        before = m[: verbs[index]]
        if not re.search(r"\bet\s+$", before):
            return None
        # "Dans un silence, il prend la parole et lance « … »": the subject after the last comma.
        comma = max(before.rfind(","), before.rfind(";"), before.rfind(":"))
        if re.search(r"\b(?:qui|que|qu'|dont)\b", before[comma + 1 :]):
            return None
        return self.opening_np(si) if comma < 0 else self._np_after(si, comma + 1)

    def who_says(self, si: int, q: QuoteSpan) -> Found | None:
        """'…, soutenue par la CGT, qui dénonce « … »': the one 'qui' stands for, named just before."""
        s = self.sentences[si]
        before = self._masked[si][: max(q.open - s.start, 0)]
        mm = _WHO_SAYS.search(before)
        verb = self.p["pre"].match(mm["clause"]) if mm else None
        # "…, la cheffe Ana Roux, qui avait salué l'équipe : « … »": any verb before a colon (review).
        colon = mm is not None and before.rstrip().endswith(":") and not _OTHERS_WORDS.search(mm["clause"])
        if mm is None or (verb is None and not colon):
            return None
        if verb is not None and verb["aux"] is None and _needs_aux(verb["verb"]):
            return None
        toks = [Tok(t.text, t.start + s.start, t.end + s.start) for t in tokenize(before[: mm.start()])]
        ends_here = []
        for k in range(len(toks) - 1, max(-1, len(toks) - 9), -1):
            if toks[k].text in (",", ";", ":") or toks[k].text.startswith(MASK):
                break
            np_ = parse_np(toks, k)
            if np_ is not None and np_.j == len(toks):
                ends_here.append(np_)  # shortest first
        for np_ in ends_here:
            sp = self._speaker(np_, si, create=False)
            if sp is not None and sp.kind == "person":
                if verb is None:
                    why = f"{sp.name} : sujet de la relative avant les deux-points"
                    self.extra.setdefault(q.open, {})["why"] = why
                return sp, "who", not sp.certain or verb is None
        sp = self._speaker(ends_here[-1], si) if ends_here else None
        if sp is None or sp.kind not in ("anonymous", "institution"):
            return None
        named = any(w[:1].isupper() for w in sp.name.split()[1:])  # "la CGT", not "les riverains"
        return sp, "who", sp.kind == "anonymous" or not named or verb is None
