"""What the quotation questions draw on: the article's people as choices, one quotation per
sentence, a quotation without the narrator's incise."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..text import fold_answer, word_count
from .clean import plain
from .distractors import Candidate
from .firstnames import opens_on_a_given_name
from .lexicon import NATIONALITIES, PERSON_KINDS, ROLE_NOUNS, TITLES
from .nlp import token_span
from .pipeline import Analysis
from .reader import Attribution
from .textbits import display
from .trivia import a_firm

MIN_QUOTE_WORDS = 3  # « obsolète » alone makes a poor "who said it?"
_ROLE_AFTER_INCISE = re.compile(
    r"\s*,\s*(?!(?:et|mais|ou|puis|car|donc|qui|que|avant|après)\b)(?:l[ea]\s+|l['’]\s*)?"
    r"[a-zàâçéèêëîïôûùüÿœ][^.!?«»\"“”,]{0,80}(?=\.\s*(?:[A-ZÀ-Ý«\"“]|$))"
)

# "…, déclare Léa, qui mène la grève avec trois amies. Nous…": the speaker's relative clause goes too.
_WHO_AFTER_INCISE = re.compile(r"\s*,\s*qui\s[^.!?«»\"“”]{0,120}(?=\.\s*(?:[A-ZÀ-Ý«\"“]|$))")


def candidates_of(analysis: Analysis) -> list[Candidate]:
    """The article's speakers first (its voices), then everyone else it names (no firm)."""
    out: list[Candidate] = []
    text = analysis.article.text
    seen: set[str] = set()
    for att in analysis.attributions:
        sp = att.speaker
        if sp is not None and not att.name_or_title and sp.key not in seen:
            seen.add(sp.key)
            if sp.kind != "person" or not a_firm(text, sp.name):
                out.append(Candidate(display(sp.name), sp.kind, sp.key, sp.role))
    for p in analysis.registry.persons():
        if a_firm(text, p.name) or only_in_brackets(text, p.name) or names_a_thing(analysis, p.name):
            continue
        if read_as_place_or_body(analysis, p.name):
            continue
        if len(p.name.split()) < 2 and not p.roles and not p.titled:
            continue  # "Marcel-Sembat": one word, no title, no role, never heard: a school as well as a man
        if not (p.roles or p.titled or opens_on_a_given_name(p.name)):
            continue  # "Bande de Français", "Ligue des champions": read as a person, no given name
        if "p:" + p.key not in seen:
            seen.add("p:" + p.key)
            role = max(p.roles, key=lambda r: len(r.split()), default=None)
            out.append(Candidate(display(p.name), "person", "p:" + p.key, role))
    return out


_ARTICLE_BEFORE = re.compile(r"\b(?:le|la|les|l['’]|du|au|aux|une?)\s*$", re.IGNORECASE)
_LINKS = ("appos", "flat:name", "compound", "nmod")
_THING_BEFORE = re.compile(r"\b(?:le|la|l['’]|au|un|une)\s*([\w-]+)\s+$", re.IGNORECASE)


def written(text: str, name: str) -> Iterator[re.Match[str]]:
    """Where `text` writes `name` as whole words."""
    return re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text)


def names_a_thing(analysis: Analysis, name: str) -> bool:
    """A "person" the article writes as a thing: after an article ("au Carrefour Market"), or as
    the name of a common noun that names no person ("le lycée Marcel-Sembat", "le livre de X,
    Bande de Français,"): a wrong choice of another kind, ruled out at a glance."""
    text, toks = analysis.article.text, analysis.tokens
    for m in written(text, name):
        if _ARTICLE_BEFORE.search(text[max(0, m.start() - 6) : m.start()]):
            return True
        noun = _THING_BEFORE.search(text[max(0, m.start() - 30) : m.start()])
        if noun and noun[1].lower() in THING_NOUNS:
            return True  # "le lotissement Jeanne de Laval", whatever the parse says
        at = token_span(toks, m.start(), m.start() + 1)
        first = toks[at.start] if at else None
        if first is None or first.dep not in _LINKS:
            continue
        head = toks[first.head]
        between = text[head.end : m.start()].strip()
        if head.pos != "NOUN" or between not in ("", ",") or head.lemma not in THING_NOUNS:
            continue  # "l'astronaute X", "le peintre X": a person's noun, or one we cannot tell
        if not _a_person_noun(toks[head.head].lemma):  # "le président du groupe X": X is the président
            return True
    return False


def read_as_place_or_body(analysis: Analysis, name: str) -> bool:
    """A name the model reads as a place or an organisation wherever the article writes it, never
    as a person ("l'Auvergne Rhône-Alpes, Ile de France et Alpes Côte-d'Azur"): no person to offer.
    Without the model (no entities), nobody is ruled out."""
    spots = [m.start() for m in written(analysis.view, plain(name))]
    if not spots or not analysis.ner:
        return False
    labels = [{lab for a, b, lab in analysis.ner if a <= at < b} for at in spots]
    return all(found and "PER" not in found for found in labels)


# Nouns of places, bodies and works a name may follow ("le lycée X", "le roman X", "l'usine X"):
# only after one of these is a name a thing's.
THING_NOUNS = frozenset(
    """
    lycée collège école université stade gymnase salle rue avenue boulevard place quartier pont
    parc jardin gare aéroport port hôpital clinique musée théâtre cinéma église cathédrale
    château usine entreprise société magasin restaurant hôtel marque groupe club équipe
    association liste parti journal magazine émission série film livre roman album chanson
    disque spectacle festival prix trophée coupe tournoi plan programme opération mission
    navire bateau fusée satellite sonde loi projet centre maison résidence immeuble
    lotissement médiathèque bibliothèque piscine halle allée impasse square cité chemin route quai
    espace complexe boulodrome salon foire concours championnat tournée exposition
""".split()
)


# Nouns of people by their ending: "la socialiste X", "le chroniqueur X", "la doyenne X".
_AGENT_ENDINGS = ("iste", "eur", "euse", "rice", "ien", "ienne", "ant", "ante", "aire", "ier", "ière")


def _a_person_noun(lemma: str) -> bool:
    known = lemma in ROLE_NOUNS or lemma in PERSON_KINDS or lemma in NATIONALITIES or lemma in TITLES
    return known or lemma.endswith(_AGENT_ENDINGS)


def answer_of(q: dict[str, object]) -> str:
    """What a cloze, short or single question asks for, folded ("" for the other types, and for
    "who said …?", which asks about the words): two questions with one answer ask one fact twice."""
    if q.get("type") == "cloze":
        m = re.search(r"\{\{c1::(.+?)(?:::[^}]*)?\}\}", str(q.get("text", "")))
        return fold_answer(m.group(1)) if m else ""
    if q.get("type") in ("short", "single") and "citation" not in (q.get("tags") or ()):
        return fold_answer(str(q.get("answer", "")))
    return ""


def one_voice(attributions: list[Attribution]) -> bool:
    """Every quotation of the article is one speaker's (one person, the article's only voice): a
    "who said it?" on it is trivial."""
    said = [att for att in attributions if not att.name_or_title]
    if any(att.speaker is None for att in said):
        return False  # a quotation nobody was found for may be another voice's
    return len({att.speaker.key for att in said if att.speaker is not None}) == 1


def only_in_brackets(text: str, name: str) -> bool:
    """A name the article writes only inside brackets ("(Marc Ulm, édité par Léa Dorn)"): a
    credit or an aside, no one the story is about, so no wrong choice."""
    found = list(written(text, name))
    if not found:
        return False
    for m in found:
        before = text[: m.start()]
        if before.rfind("(") <= before.rfind(")"):
            return False  # one mention outside brackets
    return True


def a_name(label: str) -> bool:
    """ "La Maison Blanche", "l'ONU": a capital after the determiner; "le parquet" has none."""
    return any(w[:1].isupper() for w in label.replace("’", "'").replace("'", " ").split()[1:])


def one_per_sentence(attributions: list[Attribution]) -> list[Attribution]:
    """The longest attributed quotation of each sentence, once per wording."""
    best: dict[int, Attribution] = {}
    for att in attributions:
        if att.speaker is None or att.name_or_title or word_count(att.text) < MIN_QUOTE_WORDS:
            continue
        old = best.get(att.sentence)
        if old is None or word_count(att.text) > word_count(old.text):
            best[att.sentence] = att
    seen: set[str] = set()
    out = []
    for si in sorted(best):
        key = fold_answer(best[si].text)
        if key not in seen:
            seen.add(key)
            out.append(best[si])
    return out


# An editor's note in the speaker's words: "(référence au premier match, NDLR)", "[NDLR : …]".
_EDITOR_NOTE = re.compile(r"\s*[(\[][^()\[\]]{0,300}?\b(?:NDLR|N\.D\.L\.R\.?|NDLA)\b[^()\[\]]*[)\]]", re.I)


def without_incise(text: str, att: Attribution) -> str:
    """« Nous partirons, estime l'astronaute, demain » → 'Nous partirons […] demain'; an editor's
    note in brackets ("(…, NDLR)") left out: they are not the speaker's words."""
    return _EDITOR_NOTE.sub("", _without_incise(text, att)).strip()


def _without_incise(text: str, att: Attribution) -> str:
    q = att.quote
    if att.cut is None:
        return att.text
    a, b = att.cut
    # "…, a rappelé Raymond Berdou, maire du village. Nous venons…": the speaker's role goes too.
    role = _ROLE_AFTER_INCISE.match(text, b, q.inner_end) or _WHO_AFTER_INCISE.match(text, b, q.inner_end)
    if role:
        b = role.end()
    before = text[q.inner_start : a].rstrip(" ,")
    after = text[b : q.inner_end].strip()
    if not after.strip(" .…!?"):
        return before + (after if after in ("!", "?", "…") else "")
    if after[0] in ".!?…":
        return f"{before}{after[0]} {after[1:].lstrip()}"  # the incise ended a sentence
    return f"{before} […] {after.lstrip(' ,;')}"
