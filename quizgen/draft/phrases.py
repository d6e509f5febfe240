"""What a sentence is about, from the parse: the noun phrases its main verb governs.

"Le FC Barcelone a officialisé l’arrivée de Ronald Koeman" → "FC Barcelone"
(who), "arrivée de Ronald Koeman" (what): the words a key-fact cloze hides. The
determiner stays outside ("l’{{c1::arrivée de Ronald Koeman}}"), a relative
clause or an incise ends the phrase, and a pronoun is no answer.
"""

from __future__ import annotations

from collections import defaultdict

from .nlp import Token, token_span
from .tokens import singular

MAX_PHRASE_WORDS = 7
_STOP_WORDS = frozenset({",", ";", ":", "(", "qui", "que", "qu'", "dont", "où", "«", "»", '"', "“", "”"})
_ROLES = ("obj", "nsubj", "nsubj:pass", "obl:arg")
_OF = frozenset({"de", "d'", "du", "des"})
# A phrase about when is no "what": "tous les jours", "la presse [ce mercredi]"; plurals are
# looked up by their singular (tokens.singular), "tous les soirs" as "tous les jours".
_TIME_WORDS = frozenset(
    """
    jour semaine mois an ans année heure minute matin matinée soir soirée nuit midi après-midi
    week-end été hiver printemps automne saison
    lundi mardi mercredi jeudi vendredi samedi dimanche
    ce cette ces
""".split()
)


def time_word(word: str) -> bool:
    """A word that says when ("soirs", "lundi", "semaine"; "ce" too), in either number."""
    return word in _TIME_WORDS or singular(word) in _TIME_WORDS


def sentence_tokens(tokens: list[Token], start: int, end: int) -> list[int]:
    return [i for i in token_span(tokens, start, end) if tokens[i].end <= end]


def main_phrases(text: str, tokens: list[Token], start: int, end: int) -> list[tuple[int, int]]:
    """Spans [x, y) of the object, then the subject, of the main verb of text[start:end]:
    noun phrases of one to MAX_PHRASE_WORDS words, without their determiner."""
    return [span for span, _role in phrases_and_roles(text, tokens, start, end)]


def phrases_and_roles(
    text: str, tokens: list[Token], start: int, end: int
) -> list[tuple[tuple[int, int], str]]:
    """main_phrases with the role of each ("obj", "nsubj", …) in the main verb's clause."""
    inside = sentence_tokens(tokens, start, end)
    kids: dict[int, list[int]] = defaultdict(list)
    for i in inside:
        if tokens[i].head != i:
            kids[tokens[i].head].append(i)
    roots = [i for i in inside if tokens[i].head == i and tokens[i].pos in ("VERB", "AUX")]
    out: list[tuple[tuple[int, int], str]] = []
    for root in roots[:1]:
        for role in _ROLES:
            for k in kids.get(root, ()):
                if tokens[k].dep == role and tokens[k].pos in ("NOUN", "PROPN"):
                    span = _phrase(text, tokens, kids, k)
                    if span:
                        out.append((span, role))
    return out


_PREDICATE_ROLES = ("obj", "root", "obl:arg", "obl", "nsubj", "nsubj:pass")
_NOUN_PARTS = frozenset({"det", "amod", "nmod", "flat:name", "compound", "fixed", "nummod", "case"})
MAX_PREDICATE_WORDS = 9


def predicate_phrases(text: str, tokens: list[Token], start: int, end: int) -> list[tuple[int, int]]:
    """What the main clause of text[start:end] says happened, as noun phrases the key question
    hides, the best first: what was done or decided (the object, also of a verb the main one
    governs: "a réussi à poser [un robot]", "a déclaré qu'il organisera [une élection]"), what
    someone is ("X est le [nouveau coach de Chelsea]"), how or to what ("condamné à [trois
    mois de prison]"), then who did it."""
    inside = sentence_tokens(tokens, start, end)
    kids: dict[int, list[int]] = defaultdict(list)
    for i in inside:
        if tokens[i].head != i:
            kids[tokens[i].head].append(i)
    roots = [i for i in inside if tokens[i].head == i]
    ranked: list[tuple[int, int, int]] = []  # (depth, role rank, token)
    todo = [(roots[0], 0)] if roots else []
    while todo:
        head, depth = todo.pop(0)
        for k in [head, *kids.get(head, ())]:
            dep = "root" if k == head else tokens[k].dep
            if k != head and dep in ("xcomp", "ccomp") and depth < 2:
                todo.append((k, depth + 1))  # the verb or adjective the main verb governs
                continue
            if dep == "root" and not any(tokens[c].dep == "cop" for c in kids.get(k, ())):
                continue  # a verb is no phrase; "est le [nouveau coach]": the noun after a copula is
            if dep in _PREDICATE_ROLES and tokens[k].pos in ("NOUN", "PROPN"):
                ranked.append((depth, _PREDICATE_ROLES.index(dep), k))
    if any(r == 1 for _d, r, _k in ranked):  # "Paul Durand est le nouveau maire": who it is first
        ranked = [(d, 0 if r > 3 and tokens[k].pos == "PROPN" else r, k) for d, r, k in ranked]
    out = []
    for _depth, rank, k in sorted(ranked, key=lambda r: (r[1] > 3, r[0], r[1], tokens[r[2]].start)):
        own = kids
        if rank == 1:  # the noun after a copula: its own words, not the subject and the verb
            own = {**kids, k: [c for c in kids.get(k, ()) if tokens[c].dep in _NOUN_PARTS]}
        span = _phrase(text, tokens, own, k, MAX_PREDICATE_WORDS)
        if span:
            span = (span[0], _name_goes_on(text, tokens, inside, span[1]))
        if span and span not in out:
            out.append(span)
    return out


def _name_goes_on(text: str, tokens: list[Token], inside: list[int], y: int) -> int:
    """The end of a phrase, with the name right after it ("le projet de loi [Macron]")."""
    for i in inside:
        t = tokens[i]
        if t.start < y:
            continue
        if (
            not text[t.start : t.start + 1].isupper()
            or t.pos not in ("PROPN", "NOUN", "ADJ")
            or text[y : t.start].strip()
        ):
            break
        y = t.end
    return y


def _phrase(
    text: str, tokens: list[Token], kids: dict[int, list[int]], head: int, most: int = MAX_PHRASE_WORDS
) -> tuple[int, int] | None:
    words = _subtree(kids, head)
    while (
        words
        and words[0] < head
        and (
            tokens[words[0]].dep in ("det", "case", "cc", "mark")
            or tokens[words[0]].pos in ("CCONJ", "SCONJ", "ADV")
        )
    ):
        words.pop(0)  # "Mais Justine Triet", "la liste", "que d'un masque": the phrase starts with its noun
    said = [text[tokens[i].start : tokens[i].end].lower().replace("’", "'") for i in words]
    cut = next(
        (
            n
            for n, (i, w) in enumerate(zip(words, said, strict=True))
            if n > 0
            and i > head
            and (
                w in _STOP_WORDS
                or time_word(w)
                or tokens[i].pos in ("VERB", "CCONJ")  # "les chercheurs [participant à l'essai]", "[et …]"
                or (tokens[i].pos == "ADP" and w not in _OF)
            )
        ),
        None,
    )  # "la Palme d'or [à Justine Triet]": the phrase keeps its "de" complements only
    if cut is not None:
        words = words[:cut]
    if not words or head not in words or len(words) > most:
        return None
    if time_word(text[tokens[head].start : tokens[head].end].lower()):
        return None
    if any(words[n + 1] != words[n] + 1 for n in range(len(words) - 1)):
        return None  # not one stretch of the sentence
    while (
        len(words) > 1
        and tokens[words[-1]].pos in ("ADP", "DET", "CCONJ", "PUNCT", "ADV", "NUM")
        and not text[tokens[words[-1]].start : tokens[words[-1]].start + 1].isupper()  # "loi Macron"
    ):
        words.pop()  # "[cinq écrivains] toujours", "[un homme] de 22 ans": no word left hanging
    while len(words) > 1 and tokens[words[-1]].pos in ("ADP", "DET", "CCONJ", "PUNCT"):
        words.pop()
    return tokens[words[0]].start, tokens[words[-1]].end


def _subtree(kids: dict[int, list[int]], i: int) -> list[int]:
    out, todo = [], [i]
    while todo:
        j = todo.pop()
        out.append(j)
        todo.extend(kids.get(j, ()))
    return sorted(out)


def agents(text: str, tokens: list[Token], start: int, end: int) -> list[tuple[int, int]]:
    """Spans of who did it in a passive clause ("le blessé a été extrait du véhicule par des
    chauffeurs de camions" → "chauffeurs de camions"): the "par" phrase of a verb in the passive,
    main or not. The determiner stays outside, as in main_phrases."""
    inside = sentence_tokens(tokens, start, end)
    kids: dict[int, list[int]] = defaultdict(list)
    for i in inside:
        if tokens[i].head != i:
            kids[tokens[i].head].append(i)
    out = []

    def passive(v: int) -> bool:  # "a été évacué": the small model reads "été" as aux:pass, or as cop
        return any(tokens[k].dep in ("aux:pass", "cop") for k in kids.get(v, ()))

    for verb in inside:
        # "il est reconnu et abordé par deux clients": the second verb shares the first one's "est";
        # a participle that only qualifies a noun ("la conférence, attendue par …") is a side phrase.
        shared = tokens[verb].dep == "conj" and passive(tokens[verb].head)
        if tokens[verb].pos != "VERB" or not (passive(verb) or shared):
            continue
        for k in kids.get(verb, ()):
            by = any(_said(text, tokens[c]) == "par" and tokens[c].dep == "case" for c in kids.get(k, ()))
            agent = tokens[k].dep == "obl:agent" or (by and tokens[k].dep.startswith("obl"))
            if agent and tokens[k].pos in ("NOUN", "PROPN"):
                span = _phrase(text, tokens, kids, k)
                if span:
                    out.append(span)
    return out


def _said(text: str, t: Token) -> str:
    return text[t.start : t.end].lower()
