"""The last check every drafted question passes: its text must read alone, whole and fair.

A question shows an extract of the article (a prompt's « … », a statement, a cloze text, a
quotation). The check, on general French rather than on any one article:

- repairs what can be repaired without guessing a fact: a back-pointing adverb dropped
  ("ont d'ailleurs mis" → "ont mis"), the elided article before a cloze gap put
  inside it ("par l'{{c1::Assemblée}}" → "par {{c1::l'Assemblée}}"), or written in full
  before a blank ("près d'_____" → "près de _____"), a demonstrative before a
  number made a plain number ("Ces deux parents" → "[Deux] parents"), a dangling "(" cut off,
  the capitals of a litotes lowered ("NE sont PAS passés inaperçus"), an inverted pronoun after
  a quotation ("estime-t-il") replaced by the one speaker of the sentence (to review);
- refuses the rest (the sentence may then be asked another way): an extract opening on a
  possessive or a demonstrative whose referent is elsewhere ("Leur nombre…", "Ce roman…",
  "…, ceux-ci seront…"), cut on a word that needs the next one ("… a …", "l'une des …"),
  with unbalanced brackets or quotation marks, a sentence with no verb, a blank whose answer the
  rest of the prompt shows, a short quotation built on a pointer ("Je préfère cette formule-là").
"""

from __future__ import annotations

import re
from typing import Any

from ..text import fold_answer
from .nlp import starting_in
from .openings import opening
from .pipeline import Analysis
from .textbits import BLANK, display, needs_next

SHORT_SPEECH_WORDS = 6  # a shorter quotation with a pointer in it says nothing alone
_TIME_NOUNS = frozenset(
    "jour jours matin matinée soir soirée nuit midi après-midi week-end semaine semaines mois année "
    "années an ans été hiver printemps automne siècle lundi mardi mercredi jeudi vendredi samedi "
    "dimanche fois saison moment instant".split()
)
_NUMBERS = frozenset("deux trois quatre cinq six sept huit neuf dix onze douze quinze vingt cent".split())
_BE = frozenset("sont est était étaient fut sera seront serait n'est".split())
_NOT_A_NOUN = frozenset(("dernier", "dernière", "qui", "que", "qu'", "qu’"))  # "Ce dernier": openings.py
# At the start of a sentence (capitalised): after a cut "… ses CD", the referent may follow.
_POSSESSIVE = re.compile(r"(?:Leurs?|Son|Sa|Ses)\s")
_DEMONSTRATIVE = re.compile(r"(?:Ce|Cet|Cette|Ces)\s+([\w’'-]+)")
_POINTER_SUBJECT = re.compile(r"(?:^|,\s*)(?:ceux|celles|celui|celle)-(?:ci|là)\s", re.IGNORECASE)
_BACK_ADVERB = re.compile(r",?\s*\b(?:d['’]ailleurs|par ailleurs|en effet)\b\s*,?(?=\s)", re.IGNORECASE)
_INVERTED = re.compile(r"\b([a-zàâçéèêëîïôûùüÿœ]+)-(?:t-)?(il|elle)\b(?!-)(\s+[a-zàâçéèêëîïôûùüÿœ]+)?")
_AUXILIARIES = frozenset("a ont avait avaient aura".split())
_LITOTES = re.compile(
    r"\b(N(?:E\s+|['’]))((?:\S+\s+){0,3}?)(PAS|GUÈRE)(\s+(?:\S+\s+)?(?:in|im|ir|il|sans\b|de\s+doute\b)[\wéè]*)"
)
_GAP_ARTICLE = re.compile(r"\b((?:l|d|qu|jusqu)['’])\{\{c(\d+)::", re.IGNORECASE)
_BLANK_ELIDED = re.compile(r"\b(l|d|qu)['’]" + re.escape(BLANK), re.IGNORECASE)
_UNELIDED = {"l": "", "d": "de ", "qu": "que "}  # "près d'_____" → "près de _____": no vowel told
_GAP = re.compile(r"\{\{c\d+::(.*?)(?:::.*?)?\}\}")
_PAIRS = (("(", ")"), ("«", "»"), ("“", "”"), ("[", "]"))


def readable(
    q: dict[str, Any], a: Analysis | None = None, si: int | None = None
) -> tuple[dict[str, Any], str] | None:
    """(`q` as it may be drafted, repaired; why a repair is a guess to review, or ""), or None
    when its text cannot be read alone. `a` and `si` (the sentence the question is on) let a
    pronoun find its speaker and a verbless sentence be seen."""
    field = _field(q)
    if field is None:
        return q, ""
    q = dict(q)
    speech = q["type"] == "quote" or q[field].startswith("D’après l’article, qui a dit")
    role = q[field].startswith("D’après l’article, qui est ")
    text, why = q[field], ""
    if not speech and not role:
        text, why = _repair(text, a, si)
        if text is None or _refused(text, q, a, si):
            return None
    shown = _extract(text, q["type"])
    shown = _trim_dangling(shown)
    if not _balanced(shown) or (speech and _pointer_speech(shown)):
        return None
    text = _replace_extract(text, q["type"], shown)
    q[field] = text
    return q, why


def _field(q: dict[str, Any]) -> str | None:
    for key in ("prompt", "statement", "text", "quote"):
        if isinstance(q.get(key), str):
            return key
    return None


def _extract(text: str, kind: str) -> str:
    """The article's words a question shows: between the prompt's outer « » (the whole of a
    cloze text, a statement's « », a quotation)."""
    if kind in ("cloze", "quote"):
        return text
    i, j = text.find("« "), text.rfind(" »")
    return text[i + 2 : j] if 0 <= i < j else text


def _replace_extract(text: str, kind: str, shown: str) -> str:
    if kind in ("cloze", "quote"):
        return shown
    i, j = text.find("« "), text.rfind(" »")
    return text[: i + 2] + shown + text[j:] if 0 <= i < j else shown


def _repair(text: str, a: Analysis | None, si: int | None) -> tuple[str | None, str]:
    """The repairs that need no guess of a fact, then the inverted pronoun (a guess, to review)."""
    kind_cloze = "{{c" in text
    shown = _extract(text, "cloze" if kind_cloze else "")
    capital = shown[:1].isupper()
    shown = _BACK_ADVERB.sub("", shown).lstrip(" ,")
    shown = shown[:1].upper() + shown[1:] if capital else shown  # "Par ailleurs, le président…"
    shown = _LITOTES.sub(_plain_litotes, shown)
    shown = _GAP_ARTICLE.sub(lambda m: "{{c" + m[2] + "::" + m[1], shown)
    shown = _BLANK_ELIDED.sub(lambda m: _UNELIDED[m[1].lower()] + BLANK, shown)
    body = shown.removeprefix("… ")
    demo = _DEMONSTRATIVE.match(body)
    if demo and (demo[1].lower() in _NUMBERS or demo[1].isdigit()):  # "Ces deux parents" → "[Deux] parents"
        body = f"[{demo[1][:1].upper()}{demo[1][1:]}]" + body[demo.end() :]
        shown = ("… " if shown.startswith("… ") else "") + body
    shown, why = _pronoun_replaced(shown, a, si)
    inverted = _INVERTED.search(shown)
    if inverted and not _IMPERSONAL_AFTER.match(shown, inverted.end()):
        named = re.match(r"(?:… )?\[([^\]]+ [^\]]+)\]", shown)  # "[Elton John] continuera, a-t-il précisé"
        speaker = named[1] if named else _speaker(a, si)
        if speaker is None:
            return None, ""
        if inverted[1] in _AUXILIARIES and inverted[3]:  # "a-t-il précisé" → "a précisé [Paul Martin]"
            said = f"{inverted[1]}{inverted[3]} [{speaker}]"
        else:
            said = f"{inverted[1]} [{speaker}]{inverted[3] or ''}"
        shown = shown[: inverted.start()] + said + shown[inverted.end() :]
        said = f"« {inverted[2]} » remplacé par {speaker}, à qui la phrase attribue ces mots"
        why = "; ".join(w for w in (why, said) if w)
    full = shown if kind_cloze else _replace_extract(text, "", shown)
    return full, why


def _plain_litotes(m: re.Match[str]) -> str:
    """ "NE sont PAS passés inaperçus", "NE faisait GUÈRE de doute" → small letters: a litotes
    says yes, capitals would make it read as a no."""
    ne = m[1].capitalize() if m.start() == 0 else m[1].lower()
    return ne + m[2] + m[3].lower() + m[4]


_IMPERSONAL_AFTER = re.compile(r"\s+(?:y\s|faut|fallait|s['’]agit)")


def _speaker(a: Analysis | None, si: int | None) -> str | None:
    """The one person the sentence's quotations are attributed to."""
    if a is None or si is None:
        return None
    names = {
        att.speaker.key: att.speaker.name
        for att in a.attributions
        if att.sentence == si and att.speaker is not None and att.speaker.kind == "person"
    }
    if not names:  # no quotation attributed: the one person the sentence or the one before names
        names = {p.key: p.name for p in _persons(a, range(max(0, si - 1), si + 1))}
    if len(names) != 1:
        return None
    (name,) = names.values()
    return display(name) if len(name.split()) >= 2 else None


def _persons(a: Analysis, sentences: range) -> list[Any]:
    out = []
    for si in sentences:
        s = a.sentences[si]
        for x, y, label in a.ner:
            inside = label == "PER" and s.start <= x < s.end
            person = a.registry.person(a.article.text[x:y]) if inside else None
            if person is not None:
                out.append(person)
    return out


def _refused(text: str, q: dict[str, Any], a: Analysis | None, si: int | None) -> bool:
    shown = _extract(text, q["type"])
    body = _GAP.sub(lambda m: m[1], shown).removeprefix("… ")
    return (
        _pronoun_left(body, a, si)
        or _no_referent(body)
        or _cut_badly(body)
        or _given_away(shown, q)
        # "Défenseurs : [noms masqués]": a list needs no verb to be asked as one
        or (a is not None and si is not None and q["type"] != "multi" and _verbless(a, si))
    )


def _pronoun_replaced(shown: str, a: Analysis | None, si: int | None) -> tuple[str, str]:
    """The subject pronoun openings.py replaces by its person, replaced here when the blank fell
    before it ("{{c1::Samedi 7 mai}}, il est allé" → "…, [Paul Roy] est allé"), with the reason."""
    fix = opening(a, si) if a is not None and si is not None else None
    body = _GAP.sub(lambda m: m[1], shown).removeprefix("… ")
    if fix is None or not fix.why or not fix.text.endswith("]") or not _pronoun_left(body, a, si):
        return shown, ""
    pronoun = fix.cut.split()[-1]
    m = re.search(rf"(?<![\w\[-]){re.escape(pronoun)}(?![\w-])", shown)
    if m is None:
        return shown, ""
    return shown[: m.start()] + fix.text[fix.text.rfind("[") :] + shown[m.end() :], fix.why


def _pronoun_left(body: str, a: Analysis | None, si: int | None) -> bool:
    """A pronoun openings.py replaces by its person that the extract still shows (the blank fell
    before it, so the rewrite did not apply): "{{c1::Samedi}}, il est allé"."""
    fix = opening(a, si) if a is not None and si is not None else None
    if fix is None or not fix.why:
        return False
    words = fix.cut.split()
    tail = " ".join(words[-3:])
    return body.startswith(tail) if len(words) == 1 else tail in body


def _no_referent(body: str) -> bool:
    """An extract opening on a possessive or a demonstrative whose noun is not a time ("Leur
    nombre…", "Ce roman…"; "Cette année" is fine), or whose subject is "ceux-ci"."""
    if _POSSESSIVE.match(body) or _POINTER_SUBJECT.search(body):
        return True
    demo = _DEMONSTRATIVE.match(body)
    if demo is None:
        return False
    noun = demo[1].lower().split("-")[0]
    return noun not in _TIME_NOUNS | _BE | _NOT_A_NOUN


def _cut_badly(body: str) -> bool:
    """An extract cut ("… ") right after a word that needs the next one: an article, a
    preposition, an auxiliary, a number ("a …", "l'une des …", "3 …")."""
    body = body.rstrip(' "»')
    if not body.endswith(" …"):
        return False
    last = body[:-2].rstrip().split(" ")[-1] if body[:-2].strip() else ""
    return needs_next(last)


def _given_away(shown: str, q: dict[str, Any]) -> bool:
    """A blank (or gap) whose answer the rest of the extract writes."""
    if q["type"] == "cloze":
        gaps = _GAP.findall(shown)
        rest = _GAP.sub(" ", shown)
        answers = [g for g in gaps]
    elif BLANK in shown and isinstance(q.get("answer"), str):
        rest, answers = shown, [q["answer"]]
    else:
        return False
    folded = f" {fold_answer(rest)} "
    return any(len(fold_answer(x)) >= 3 and f" {fold_answer(x)} " in folded for x in answers)


_NOMINAL = frozenset(("NOUN", "PROPN", "ADJ", "DET", "ADP", "NUM", "PUNCT"))
_FINITE = re.compile(r"(?:aient|ait|ent|ont|era|eront|rait)$")


def _verbless(a: Analysis, si: int) -> bool:
    """A sentence of the story (not the headline) with no verb of its own: "Une ouverture très
    attendue après quatorze mois de travaux." (no auxiliary, its root no verb)."""
    s = a.sentences[si]
    if si == 0 or s.heading or not a.tokens:
        return False
    toks = starting_in(a.tokens, s.start, s.end)
    # "Une ouverture très attendue", "l'usine fournissant du gaz": a participle that qualifies a
    # noun is no verb of the sentence
    words = [(t, a.article.text[t.start : t.end].lower()) for t in toks]
    verbs = [
        w
        for t, w in words
        if t.pos == "AUX"
        or (t.pos == "VERB" and t.dep not in ("acl", "amod") and not w.endswith("ant"))
        or (t.pos not in _NOMINAL and _FINITE.search(w))  # "occupaient" tagged as an adverb
    ]
    return bool(toks) and not verbs and not _subject_before_root(a, toks)


def _subject_before_root(a: Analysis, toks: list[Any]) -> bool:
    """A subject before the root the tagger took for a noun ("Le militaire [écope] d'une peine"):
    a French noun with no copula has no subject, so the root is a verb misread."""
    return any(
        t.dep in ("nsubj", "nsubj:pass")
        and a.tokens[t.head].dep == "ROOT"
        and t.end <= a.tokens[t.head].start
        for t in toks
    )


def _trim_dangling(shown: str) -> str:
    """An opening bracket left at the end of a cut extract: "d'automne (" → "d'automne"."""
    return re.sub(r"\s*[(\[«“]\s*$", "", shown) if not shown.endswith(" »") else shown


def _balanced(shown: str) -> bool:
    """Brackets and quotation marks that open and close in the extract."""
    bare = _GAP.sub(lambda m: m[1], shown)
    for o, c in _PAIRS:
        depth = 0
        for ch in bare:
            depth += (ch == o) - (ch == c)
            if depth < 0:
                return False
        if depth:
            return False
    return bare.count('"') % 2 == 0


def _pointer_speech(words: str) -> bool:
    """A short quotation built on a pointer to what was said before ("Je préfère cette
    formule-là", "C'est le néant")."""
    tokens = re.findall(r"[\w’'-]+", words.lower())
    if len(tokens) >= SHORT_SPEECH_WORDS:
        return False
    pointers = {"ce", "cet", "cette", "ces", "ça", "cela", "ceci", "c'", "c’"}
    return any(t in pointers or t.startswith(("c'", "c’")) or t.endswith(("-là", "-ci")) for t in tokens)
