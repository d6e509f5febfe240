"""A sentence that opens on the one before, made to read alone in a question.

"Mais le club a refusé" → "Le club a refusé" (the connector dropped, as a dateline
"NÎMES" or "WASHINGTON —" is); "Il a exhorté les
parties…" → "[Antonio Guterres] a exhorté les parties…": a subject pronoun replaced, in
square brackets as a quotation marks an insertion, by the person the sentence before is
about (the speaker it quotes, else the named subject of its main verb), of the pronoun's
gender. That guess is to review; with no sure person the sentence is not asked at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .nlp import Token, starting_in
from .pipeline import Analysis
from .textbits import POINTING_CONNECTORS, collapse, display, leans_back

_CONNECTOR = re.compile(
    # "Et pour cause" is one connector: "Pour cause, …" alone is no French.
    rf"(?:et\s+pour\s+cause|{'|'.join(POINTING_CONNECTORS)})\b\s*,?\s*",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"[A-ZÀ-Ý]{3,}(?:[ '’-][A-ZÀ-Ý]{2,})*\s*"
    r"(?:[—–-]\s*(?=[A-ZÀ-Ý])|(?=L['’]|(?:Le|La|Les|Un|Une|Des|Ce|Cette)\s))"
)
_POINTING = frozenset("il elle ils elles ceux-ci celles-ci celui-ci celle-ci ceux-là celles-là".split())
_SUBJECT = re.compile(r"(?P<p>il|elle|ce\s+dernier|cette\s+dernière)(?=\s+[^\s,])", re.IGNORECASE)


@dataclass(frozen=True)
class Opening:
    """The first words of a sentence (`cut`, collapsed as in the extracts) and what stands
    instead (`text`); `why` says what was guessed ("" when nothing was)."""

    cut: str
    text: str
    why: str = ""

    def apply(self, extract: str) -> str:
        """The extract of the sentence (from its start) with its opening replaced."""
        if not self.cut or not extract.startswith(self.cut):
            return extract
        rest = extract[len(self.cut) :]
        if not self.text:
            return rest[:1].upper() + rest[1:]
        return self.text + rest


def opening(a: Analysis, si: int) -> Opening | None:
    """How sentence si opens in a question: Opening("", "") as written, a rewrite, or None when
    it leans on the sentence before and nothing sure can stand in for its opening."""
    s = a.sentences[si]
    said = collapse(a.article.text[s.start : s.end])
    dateline = _DATELINE.match(said)
    if dateline:  # "NÎMES Le procureur…", "WASHINGTON — Le président…": the place of the newsroom
        return Opening(said[: dateline.end()], "")
    named = _noun_referent(a, si, said)
    if named is not None:
        return named
    if not leans_back(said):
        return _inner_subject(a, si, said)
    m = _CONNECTOR.match(said)
    cut = m.end() if m else 0
    rest = said[cut:]
    if rest and not leans_back(rest):
        lead = _lead_in(a, si, said, cut)
        inner = _inner_subject(a, si, said) if lead is None else lead
        if inner is None or inner.cut != "" or lead is not None:
            return inner if inner is None or lead is not None else _after_connector(inner, cut)
        return Opening(said[:cut], "")
    p = _SUBJECT.match(rest) or _PLURAL_SUBJECT.match(rest)
    if p is None:
        return None
    pronoun = p["p"].lower()
    gender = _GENDER_OF_PRONOUN.get(pronoun) or ("f" if pronoun.startswith(("elle", "cette")) else "m")
    found = _stand_in(a, si, gender, p["p"])
    if found is None:
        return None
    return Opening(said[: cut + p.end()], f"[{found[0]}]", found[1])


def _stand_in(a: Analysis, si: int, gender: str, pronoun: str) -> tuple[str, str] | None:
    """What "il"/"elle" stands for, and the reason to review it: the person the sentence before
    is about, else the one thing its main verb's subject names ("Il" for "Le projet de loi …")."""
    person = _referent(a, si, gender) if gender != "p" else None
    if person is not None:
        return person, f"« {pronoun} » remplacé par {person}, de qui parle la phrase précédente"
    thing = _thing(a, si, gender) if not pronoun.lower().startswith(("ce ", "cette ")) else None
    if thing is None:
        return None
    return thing, f"« {pronoun} » remplacé par « {thing} », sujet de la phrase précédente"


def _referent(a: Analysis, si: int, gender: str, chain: int = 2) -> str | None:
    """The one person the sentence before si is about: the speaker it quotes, else the named
    subject of its main verb, else (when it opens on "il"/"elle" of this gender itself) the
    person that pronoun stands for; None when unsure or of the other gender."""
    person = _referent_once(a, si, gender)
    if person is None and chain and si > 0:
        prev = a.sentences[si - 1]
        said = collapse(a.article.text[prev.start : prev.end])
        p = _SUBJECT.match(said)  # "Il y explique" (not "Il y a"): a person, the same one
        same = p is not None and ("f" if p["p"].lower().startswith(("elle", "cette")) else "m") == gender
        if same and leans_back(said):
            return _referent(a, si - 1, gender, chain - 1)  # "X s'est fendu d'un message. Il y explique…"
    return person


def _referent_once(a: Analysis, si: int, gender: str) -> str | None:
    if si == 0:
        return None
    prev = a.sentences[si - 1]
    speakers = {
        att.speaker.key: att.speaker
        for att in a.attributions
        if att.sentence == si - 1 and att.speaker is not None and att.speaker.kind == "person"
    }
    if len(speakers) == 1:
        (sp,) = speakers.values()
        return display(sp.name) if _may_be(sp.name, sp.gender, gender) else None
    if speakers:
        return None
    opener = next(((x, y) for x, y, lab in a.ner if lab == "PER" and x == prev.start), None)
    if opener is not None:  # "Michel-Edouard Leclerc s'est fendu d'un message. Il y explique…"
        return _named(a, opener, gender)
    for t in a.tokens:
        if not (prev.start <= t.start < prev.end and t.dep in ("nsubj", "nsubj:pass")):
            continue
        if a.tokens[t.head].dep != "ROOT":
            continue
        span = next(((x, y) for x, y, lab in a.ner if lab == "PER" and x <= t.start < y), None)
        return _named(a, span, gender) if span else None
    return None


def _named(a: Analysis, span: tuple[int, int], gender: str) -> str | None:
    """The full name of the person the PER span names, if of the pronoun's gender (or unknown)."""
    person = a.registry.person(a.article.text[span[0] : span[1]])
    if person is not None and _may_be(person.name, person.gender, gender) and len(person.name.split()) >= 2:
        return display(person.name)
    return None


# First names that end as most French women's do: "Althéa", "Annick" does not (she needs a title).
_FEMININE_NAME = re.compile(r"(?:a|ine|elle|ette|ie|ise|ienne|anne|ée|ève|ëlle)$", re.IGNORECASE)


def _may_be(name: str, known: str | None, gender: str) -> bool:
    """The person may be "il"/"elle": of that gender, or unknown and, for "elle", a first name
    written as a woman's ("Jean-Loup Bertaux" is no "elle" standing for the comet)."""
    if known is not None:
        return known == gender
    return gender == "m" or bool(_FEMININE_NAME.search(name.split()[0]))


def _may_stand_for(a: Analysis, name: str, gender: str) -> bool:
    """The person named `name` may be what "il"/"elle" stands for ("Philippe Lottiaux" is no "elle";
    any person may be one of "ils")."""
    person = a.registry.person(name)
    if person is None or gender == "p":
        return True
    return _may_be(person.name, person.gender, gender)


def _after_connector(inner: Opening, cut: int) -> Opening:
    """ "Et pour cause, au matin il est ivre" → "Au matin [X] est ivre": the connector dropped as
    well as the pronoun replaced."""
    text = inner.text[cut:]
    return Opening(inner.cut, text[:1].upper() + text[1:], inner.why)


def _inner_subject(a: Analysis, si: int, said: str) -> Opening | None:
    """A sentence whose main subject, after a phrase set before it, points back: "Selon Paul
    Martin, ceux-ci seront rénovés", "Au sortir de la boîte, il est ivre". "il"/"elle" become the
    person of the sentence before (to review), as at the start; anything else is not asked."""
    s = a.sentences[si]
    for t in starting_in(a.tokens, s.start + 1, s.end):
        if t.dep not in ("nsubj", "nsubj:pass", "expl:subj"):
            continue
        word = a.article.text[t.start : t.end].lower()
        if word not in _POINTING or not _main_subject(a, s.start, t):
            continue
        if any(
            s.start <= o.start < t.start
            and o.dep.startswith("nsubj")
            and o.pos in ("NOUN", "PROPN")
            and o.head != t.head  # the subject of another verb (two subjects of one verb: a misparse)
            for o in a.tokens
        ):
            return Opening("", "")  # "Une marche a été lancée, elle aura lieu à Pau": its subject is here
        k = len(collapse(a.article.text[s.start : t.start]))
        p = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])", re.IGNORECASE).search(said, max(0, k - 2))
        if p is None or not leans_back(said[p.start() :]):
            continue  # "il y a", "il faut": no pointer
        gender = _GENDER_OF_PRONOUN.get(word)
        found = _stand_in(a, si, gender, p[0]) if gender else None
        if found is None:
            return None
        name = found[0]
        if p.start() and name.split(" ")[0].lower() in _GENDER_OF_DET:
            name = name[:1].lower() + name[1:]  # "Repérée en 2014, [la comète] a…"
        return Opening(said[: p.end()], f"{said[: p.start()]}[{name}]", found[1])
    return Opening("", "")


def _main_subject(a: Analysis, start: int, t: Token) -> bool:
    """The subject of the main verb, or the first subject after a phrase with no verb ("Fin mai,
    elle sera…" where the parser took "Fin" for the root)."""
    if a.tokens[t.head].dep == "ROOT":
        return True
    before = [o for o in a.tokens if start <= o.start < t.start]
    return not any(o.pos in ("VERB", "AUX") or o.dep.startswith("nsubj") for o in before)


def _lead_in(a: Analysis, si: int, said: str, cut: int) -> Opening | None:
    """ "Et surtout d'un télescope : la comète passera…": once the connector goes, the words
    before the colon are a verbless ellipsis of the sentence before; the question starts after."""
    colon = said.find(" : ", cut)
    if colon < 0 or len(said[cut:colon].split()) > 8 or not a.tokens:
        return None
    s = a.sentences[si]
    end = a.article.text.find(":", s.start, s.end)
    head = starting_in(a.tokens, s.start, end)
    if not head or any(t.pos in ("VERB", "AUX") for t in head):
        return None
    return Opening(said[: colon + 3], "")


_POINTED = re.compile(r"(?P<det>Ce|Cet|Cette|Ces|Son|Sa|Ses)\s+(?P<noun>[a-zàâçéèêëîïôûùüÿœ]{3,})\b")
_LOWER_WORD = r"[a-zàâçéèêëîïôûùüÿœ-]+"
_NAME = r"[A-ZÀ-Ý][\w’'-]+(?:\s+[A-ZÀ-Ý][\w’'-]+)*"
LOOK_BACK = 5  # sentences where the noun's first mention is looked for


def _noun_referent(a: Analysis, si: int, said: str) -> Opening | None:
    """ "Cet essai clinique, réalisé sur…" after "l'essai clinique Recovery"; "Son arrivée…" after
    "l'arrivée de Ronald Koeman": a demonstrative or possessive noun phrase replaced by the one
    earlier mention of its noun that names what it is (a name after it, or "de" + a name)."""
    m = _POINTED.match(said)
    if m is None:
        return None
    noun = m["noun"]
    mention = re.compile(
        rf"\b(?P<det>l['’]\s*|le\s+|la\s+|les\s+){noun}(?P<adj>(?:\s+{_LOWER_WORD})?)"
        rf"(?P<name>\s+(?:(?:de|du|des)\s+|d['’]\s*)?{_NAME})"
    )
    found = set()
    for back in range(max(0, si - LOOK_BACK), si):
        prev = a.sentences[back]
        for x in mention.finditer(collapse(a.article.text[prev.start : prev.end])):
            found.add((x["det"].strip().lower(), x["adj"], x["name"]))
    if len(found) != 1:
        return None
    det, adj, name = found.pop()
    written = m[0] + (adj if adj and said[m.end() :].startswith(adj) else "")
    det = det if det.endswith(("'", "’")) else det + " "
    referent = f"{det[:1].upper()}{det[1:]}{noun}{adj}{name}"
    why = f"« {written} » remplacé par « {referent} », nommé plus haut dans l’article"
    return Opening(written, f"[{referent}]", why)


# "p": plural, "ils" or "elles" (the determiner does not tell the gender of a plural)
_GENDER_OF_DET = {
    **{"le": "m", "un": "m", "ce": "m", "cet": "m", "la": "f", "une": "f", "cette": "f"},
    **{"les": "p", "des": "p", "ces": "p"},
}
_GENDER_OF_PRONOUN = {"il": "m", "elle": "f", "ils": "p", "elles": "p"}
_PLURAL_SUBJECT = re.compile(r"(?P<p>ils|elles)(?=\s+[^\s,])", re.IGNORECASE)
# The referent named again is definite: "Des parents d'élèves … Ils protestent" → "[Les parents d'élèves]".
_DEFINITE = {"un": "le", "une": "la", "des": "les"}
# "une dizaine de comètes", "la plupart des élus": the verb is plural, no "il"/"elle" stands for them
_COLLECTIVE = frozenset(
    "dizaine douzaine quinzaine vingtaine trentaine quarantaine cinquantaine centaine millier "
    "majorité minorité plupart moitié partie totalité nombre ensemble foule".split()
)
_PHRASE_STOP = frozenset("qui que qu' qu’ dont où , « » ( ) : ; \" “ ”".split())
MAX_THING_WORDS = 8  # "[La plus grosse comète jamais découverte]"; longer, the rewrite reads badly


def _thing(a: Analysis, si: int, gender: str, chain: int = 2) -> str | None:
    """The noun phrase subject of the main verb of the sentence before si ("La nouvelle passerelle
    du port"), when its determiner has the pronoun's gender and it is the only noun phrase of that
    gender there (no other such noun, no person named): else None, the sentence is not asked.
    When that sentence opens on the same pronoun itself, what that one stands for."""
    if si == 0:
        return None
    prev = a.sentences[si - 1]
    toks = [i for i, t in enumerate(a.tokens) if prev.start <= t.start < prev.end]
    pronouns = [
        t
        for t in (a.tokens[i] for i in toks)
        if _GENDER_OF_PRONOUN.get(a.article.text[t.start : t.end].lower()) == gender
        and t.dep.startswith("nsubj")
        and _main_subject(a, prev.start, t)
    ]
    if chain and pronouns:  # "La comète … Elle s'appelle X. Repérée en 2014, elle a été…"
        return _thing(a, si - 1, gender, chain - 1)
    phrase = _subject_phrase(a, toks, gender)
    if phrase is None:
        return None
    x, y = a.tokens[phrase[0]].start, a.tokens[phrase[-1]].end
    if any(
        lab == "PER" and prev.start <= px < prev.end and _may_stand_for(a, a.article.text[px:py], gender)
        for px, py, lab in a.ner
    ):
        return None  # "il" may be the person named as well
    if any(
        a.tokens[d].dep == "det" and not x <= a.tokens[d].start < y and _gender(a, d) == gender for d in toks
    ):
        return None  # "Le Sénat a adopté le texte. Il …": which one?
    said = collapse(a.article.text[x:y])
    det, _, rest = said.partition(" ")
    if det.lower() in _DEFINITE:
        definite = _DEFINITE[det.lower()]
        det = "l’" if definite != "les" and rest[:1].lower() in "aâeéèêiîoôuh" else definite
        said = det + ("" if det.endswith("’") else " ") + rest
    return said[:1].upper() + said[1:]


def _gender(a: Analysis, i: int) -> str | None:
    t = a.tokens[i]
    return _GENDER_OF_DET.get(a.article.text[t.start : t.end].lower())


def _subject_phrase(a: Analysis, toks: list[int], gender: str) -> list[int] | None:
    """The tokens of the one subject of the main verb among `toks`, from its determiner (of
    `gender`) to its last noun or adjective, before any verb, relative pronoun or punctuation."""
    subjects = [
        i
        for i in toks
        if a.tokens[i].dep in ("nsubj", "nsubj:pass") and a.tokens[a.tokens[i].head].dep == "ROOT"
    ] or [  # the root misread ("… a été organisée dimanche": "dimanche" the root): the one subject
        i for i in toks if a.tokens[i].dep in ("nsubj", "nsubj:pass") and a.tokens[i].pos != "PRON"
    ]
    dets = [
        d for d in toks if a.tokens[d].dep == "det" and a.tokens[d].head in subjects and d < a.tokens[d].head
    ]
    if len(subjects) != 1 or len(dets) != 1 or _gender(a, dets[0]) != gender:
        return None
    phrase = [dets[0]]
    for i in toks[toks.index(dets[0]) + 1 :]:
        t = a.tokens[i]
        if a.article.text[t.start : t.end].lower() in _PHRASE_STOP:
            break
        if t.pos in ("VERB", "AUX", "PUNCT") and i != subjects[0]:
            break
        phrase.append(i)
    while phrase and a.tokens[phrase[-1]].pos not in ("NOUN", "PROPN", "ADJ"):
        phrase.pop()  # "La plus grosse comète [jamais]": the verb misread, the phrase ends on its noun
    subject = a.tokens[subjects[0]]
    if subjects[0] not in phrase or len(phrase) > MAX_THING_WORDS:
        return None
    if a.article.text[subject.start : subject.end].lower() in _COLLECTIVE:
        return None
    return phrase
