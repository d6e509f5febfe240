"""Key-fact questions from the headline and the lead: who did what, where, with what result.

The first sentences of a story carry what a teacher asks first. Each gives one
question, the kinds taking turns: who (single, the other choices people of the
article), where (short answer), a statement with one fact swapped for another
of the article (true_false), the figure or body the sentence is about (cloze).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .askwho import ask_who
from .blanks import (
    ACRONYM,
    badly_cut,
    cleft,
    counted_after,
    cuts_a_locution,
    given_away,
    has_verb,
    head_repeated,
    in_headline,
    modifier_left_out,
    name_only,
    named_phrases,
    obvious,
    splits_a_name,
    teaches_nothing,
    vague,
)
from .factspans import (
    NOT_PLACES,
    capitalised,
    causes,
    given_names,
    places_of,
    preposition,
    spans_of,
)
from .figures import Figure
from .lexicon import NATIONALITIES, ROLE_NOUNS
from .nlp import within
from .phrases import agents, phrases_and_roles
from .questions import Builder
from .salience import about_the_main_place, acts, area_of_a_place, echoed, is_main_person, named_in_passing
from .statements import true_false, true_statement
from .textbits import BLANK, collapse, guillemets, join, stable_order
from .tokens import fold
from .trivia import a_court, a_source

MAX_KEY_FACTS = 6
_LEAD_SENTENCES = 8


def mostly_quoted(b: Builder, si: int) -> bool:
    s = b.a.sentences[si]
    quoted = sum(max(0, min(q.close, s.end) - max(q.open, s.start)) for q in b.a.quotes)
    return quoted * 3 > s.end - s.start


def _lead(b: Builder) -> list[int]:
    """The headline (if the paste has one) and the first sentences of the story."""
    out = []
    for si, s in enumerate(b.a.sentences):
        if s.heading and si > 0:
            continue
        if s.heading and len(b.text[s.start : s.end].split()) < 5:
            continue
        out.append(si)
        if len(out) >= _LEAD_SENTENCES:
            break
    return out


def _where(b: Builder, si: int) -> bool:
    for x, y in spans_of(b, si, "LOC"):
        place = collapse(b.text[x:y])
        if place.lower() in NOT_PLACES or obvious(place) or len(place) < 3 or not capitalised(place):
            continue  # "à [la France]": too broad, or guessed
        if not preposition(b.text, x) or _common(b, x, y) or one_of_several(b.text, x, y):
            continue
        if area_of_a_place(b, x) or named_in_passing(b, si, x, y):
            continue  # "à Mulsanne, dans la [Sarthe]", "qui était à [Harvard]": a detail
        if a_source(b.text, x, y) or a_court(b.text, x, y):
            continue  # "le procureur de la République à [Annecy]"; "le tribunal de commerce d'[Orléans]"
        if place.lower() in b.cache.setdefault("where", set()):
            continue  # the same place asked about once
        if b.a.article.title and fold(place) in fold(b.a.article.title):
            continue  # "Le Congrès à [Versailles]" under a headline naming Versailles: given away
        start, end = b.sentence_span(si)
        pre, _mid, post = b.window(si, x, y)
        if given_away(place, pre, post):
            continue  # "Carquefou (AFP) … le site de la Seita à _____": the answer is in the prompt
        qid = b.ids("lieu", place)
        q: dict[str, object] = {"id": qid, "source": b.source_id}
        # Other places the article names after the same preposition ("à Vannes", "à Cholet").
        prep = preposition(b.text, x)
        others = [p for p, pp in places_of(b) if pp == prep and p.lower() != place.lower()][:3]
        prompt = f"D’après l’article, quel lieu manque : {guillemets(join(pre, BLANK, post))} ?"
        if len(others) >= 2:
            q.update(type="single", prompt=prompt, choices=stable_order([place, *others], qid), answer=place)
        else:  # too few places of its kind in the article: the answer is typed
            q.update(type="short", prompt=prompt, answer=place)
        q.update(
            evidence=collapse(b.text[start:end]),
            explanation=f"L’article écrit : « {join(pre, place, post)} »",
            tags=["essentiel", "lieux"],
        )
        if b.add("keyfact", q, review=False, sentence=si):  # refused: the next place of the sentence
            b.cache["where"].add(place.lower())
            return True
    return False


_NAME = r"[A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][\w'’-]*)*"
_LISTED_NEXT = re.compile(rf"(?:\s*,\s*{_NAME})*\s*(?:\bet|\bou)\s+(?:(?:à|en|au|aux)\s+)?[A-ZÀ-Ý]")
_LISTED_BEFORE = re.compile(r"[A-ZÀ-Ý][\w'’-]*\s*(?:\bet|\bou)\s+(?:(?:à|en|au|aux)\s+)?$")


def one_of_several(text: str, x: int, y: int) -> bool:
    """A place listed with others ("en [Amérique], Grande-Bretagne et Europe", "à Vannes et
    [Cholet]"): any of them completes the sentence."""
    after = _LISTED_NEXT.match(text[y : y + 30])
    return bool(after or _LISTED_BEFORE.search(text[max(0, x - 40) : x]))


def _common(b: Builder, x: int, y: int) -> bool:
    """A LOC span the parser reads as common nouns ("visite d'État"): no place to ask about."""
    toks = within(b.a.tokens, x, y)
    return bool(toks) and all(t.pos == "NOUN" for t in toks)


def _cloze(b: Builder, si: int) -> bool:
    """A cloze on the facts of sentence si; none fits: a noun phrase with a name in it, the last."""
    start, end = b.sentence_span(si)
    named = [(x, y) for x, y in named_phrases(b, start, end) if not asked_before(b, x, y)]
    named = [(x, y) for x, y in named if not a_source(b.text, x, y)]  # not "selon le [Conseil …]"
    return cloze_on(b, si, cloze_spans(b, si) + named)


def cloze_spans(b: Builder, si: int) -> list[tuple[int, int]]:
    """The facts of sentence si a cloze may hide, the best first."""
    asked = {(q.get("answer"), q.get("unit")) for q in b.questions if q["type"] == "numeric"}
    spans: list[tuple[int, int]] = [
        (f.start, f.end)
        for f, fsi in b.a.figures
        if fsi == si and _worth(b, f) and (f.value, f.unit) not in asked  # "150 invités" once
    ]
    start, end = b.sentence_span(si)
    spans = cleft(b.text, start, end) + spans  # "C'est [le réseau X] qui a…": what the sentence stresses
    spans += _titles(b, start, end) + given_names(b.text, start, end)  # "baptisé Crew Dragon"
    spans += _phrase_spans(b, start, end)  # what the sentence is about before a body it names in passing
    spans += [(x, y) for x, y in spans_of(b, si, "ORG") if _a_body(b, x, y) and acts(b, x, y)]
    spans += _agent_spans(b, start, end) + causes(b.text, start, end)  # who did it, why
    return [(x, y) for x, y in spans if not a_source(b.text, x, y)]  # not "selon [l'AFP]"


def cloze_on(
    b: Builder, si: int, spans: list[tuple[int, int]], tags: tuple[str, ...] = (), hint: str = ""
) -> bool:
    """A cloze on sentence si hiding the first of `spans` that reads well (`hint` shown in the gap)."""
    start, end = b.sentence_span(si)
    why = set(causes(b.text, start, end))  # "faute de [personnel]": a cause is the fact, in any words
    for x, y in dict.fromkeys(name_only(b, x, y) for x, y in spans):  # in order, each span once
        pre, mid, post = b.window(si, x, y)
        if not (hint or (x, y) in why) and poor_blank(b, x, y, f"{pre} {post}"):
            continue
        told = hint or (x, y) in why  # a cause: the story's content
        if not (told or b.a.sentences[si].heading or echoed(b, si, x, y)):
            continue  # "règne une [agitation inhabituelle]": the scene's wording, said once
        if (
            "{{" in pre + post
            or "}}" in pre + post
            or "::" in mid
            or not mid[:1].isalnum()  # "[, Eric Maillaud]": a span the model began on a comma
            or "-" in (b.text[y - 1 : y], b.text[y : y + 1], b.text[x - 1 : x])  # "Val-[Fleuri]", "bar-[…]"
            or (not hint and has_verb(b, x, y))  # a cause ("parce qu'[il pleuvait]") has its verb
            or vague(b.text[x:y])
            or obvious(mid, pre + post)
            or cuts_a_locution(b.text, x, y)
            or ACRONYM.fullmatch(mid) is not None  # "l'[UNPQ]": the letters, no fact learnt
            or mid.lower() in b.cache.get("asked", set())
            or asked_before(b, x, y)  # "qui est la ministre ?" answered with the name hidden here
            or _in_a_role(b, si, mid)  # "le [cycliste du Stade] rennais X": a role cut short
            or _cut_short(b.text, x, y)
            or splits_a_name(b, x, y)
            or _runs_on(b, x, y)
            or (b.text[x : x + 1].isupper() and _goes_on(b, x, y))
            or given_away(mid, pre, post)  # "… de Ligue 1 … de Ligue 1", "M. Trump … Melania Trump"
            or in_headline(b, mid)  # the bank's title, shown with the question
            or is_main_person(b, mid)  # "[Simone Biles] a fini 5e" in a story all about her
            or a_court(b.text, x, y)  # "le [tribunal correctionnel d'Alençon]": the verdict is the news
            or about_the_main_place(b, mid)  # "le [village de Viols-le-Fort]" in the story of its fête
            or any(f.start == x and b.trivia(f) for f, _ in b.a.figures)  # "[200 mètres de la caserne]"
        ):
            continue
        q = {
            "id": b.ids("essentiel", mid),
            "type": "cloze",
            "source": b.source_id,
            "text": join(pre, "{{c1::" + mid + (f"::{hint}" if hint else "") + "}}", post),
            "evidence": collapse(b.text[start:end]),
            "explanation": f"L’article écrit : « {join(pre, mid, post)} »",
            "tags": ["essentiel", *tags],
        }
        if not b.add("keyfact", q, review=False, sentence=si):
            continue  # refused (readable.py): the next fact of the sentence
        b.cache.setdefault("asked", set()).add(mid.lower())
        person = b.a.registry.person(mid)
        if person is not None:
            b.cache.setdefault("who", set()).add(person.key)  # asked here: no "who" on it later
        return True
    return False


_DEMONYM = re.compile(r"(?:ais|aise|ois|oise|ien|ienne|ain|ol|ole)$")
_ARTICLE_BEFORE = re.compile(r"\b(?:le|la|les|l['’])\s*$", re.IGNORECASE)


def nationality_for_person(text: str, x: int, word: str) -> bool:
    """ "le Néerlandais", "l'Argentin", "la Canadienne": a nationality standing for a person (an
    article before it); not a place or a first name with the same ending ("à Calais", "Alain")."""
    shaped = word.lower() in NATIONALITIES or bool(_DEMONYM.search(word))  # "le Russe", "le Néerlandais"
    return shaped and bool(_ARTICLE_BEFORE.search(text[max(0, x - 4) : x]))


def _phrase_spans(b: Builder, start: int, end: int) -> list[tuple[int, int]]:
    """The phrases of the main verb worth hiding: a name in any role, a common-noun phrase only
    as the object (what was decided, announced, found), never a title ("le maire de X": the who
    and role questions ask about it)."""
    if b.text[start:end].rstrip().endswith(("?", ":")):
        return []  # a question, an announcement: no fact
    quoted = [(q.open, q.close) for q in b.a.quotes]
    out = []
    for (x, y), role in phrases_and_roles(b.text, b.a.tokens, start, end):
        words = b.text[x:y].split()
        if any(o <= x < c for o, c in quoted) or not a_fact(b.text, x, y, start) or asked_before(b, x, y):
            continue
        if len(words) == 1 and (
            not any(a <= x and y <= c for a, c, _ in b.a.ner) or nationality_for_person(b.text, x, words[0])
        ):
            continue  # a lone common noun, or "le Néerlandais": a nationality for a person
        # What the verb governs: its object, or "protestent contre [une fermeture de classe]"
        argument = role == "obj" or (role == "obl:arg" and len(words) >= 2)
        if not argument and not _named(b.text, x, y, start):
            continue  # "la direction du groupe est entrée", "sur les marches du palais": a side phrase
        if words[0].lower() in ROLE_NOUNS:
            continue
        out.append((x, y))
    return out


def _agent_spans(b: Builder, start: int, end: int) -> list[tuple[int, int]]:
    """Who did it in a passive clause ("… a été extrait du véhicule par des chauffeurs de
    camions"): a name, or two words or more ("la police" alone is a guess, no fact)."""
    quoted = [(q.open, q.close) for q in b.a.quotes]
    return [
        (x, y)
        for x, y in agents(b.text, b.a.tokens, start, end)
        if not any(o <= x < c for o, c in quoted)
        and (len(b.text[x:y].split()) >= 2 or _named(b.text, x, y, start))
        and not asked_before(b, x, y)
    ]


def poor_blank(b: Builder, x: int, y: int, shown: str) -> bool:
    """A blank of everyday words, one whose head noun the prompt shows again, a number whose
    items the sentence lists, one that leaves its last word's modifier out, one badly cut
    (blanks.py)."""
    return (
        badly_cut(b.text, x, y)
        or teaches_nothing(b, x, y)
        or head_repeated(b, x, y, shown)
        or counted_after(b.text, x, y)
        or modifier_left_out(b, x, y)
    )


def _in_a_role(b: Builder, si: int, mid: str) -> bool:
    """A piece of a role the sentence gives a person, not the whole of it."""
    said = mid.lower()
    return any(r.sentence == si and said in r.role.lower() and said != r.role.lower() for r in b.a.roles)


def _cut_short(text: str, x: int, y: int) -> bool:
    """A name the model or the parse cut short: "le Washington National [Opera]"."""
    return text[x : x + 1].isupper() and bool(re.match(r" [A-ZÀ-Ý][a-zà-ÿ]", text[y : y + 3]))


_NAME_GOES_ON = frozenset({"en", "de", "d'", "d’", "du", "des", "pour", "sur"})


def _runs_on(b: Builder, x: int, y: int) -> bool:
    """A name the model cut before its lowercase words ("le groupe [La République] en marche"):
    the next word is "en", "de", "pour"… and the parse hangs it, through its noun, on the name."""
    if not b.text[x : x + 1].isupper():
        return False
    toks = b.a.tokens
    nxt = next((i for i, t in enumerate(toks) if t.start >= y), None)
    if (
        nxt is None
        or b.text[y : toks[nxt].start].strip()
        or b.text[toks[nxt].start : toks[nxt].end].lower() not in _NAME_GOES_ON
    ):
        return False
    noun = toks[nxt].head
    return x <= toks[toks[noun].head].start < y and noun != nxt


def _goes_on(b: Builder, x: int, y: int) -> bool:
    """A name the model cut before its adjective ("réunion de [Comité] central d'entreprise"): the
    next word qualifies a word of the span."""
    toks = b.a.tokens
    nxt = next((i for i, t in enumerate(toks) if t.start >= y), None)
    if nxt is None or b.text[y : toks[nxt].start].strip() or toks[nxt].pos != "ADJ":
        return False
    return x <= toks[toks[nxt].head].start < y


def _a_body(b: Builder, x: int, y: int) -> bool:
    """An ORG span that names a body: not a person, not cut inside a word, no role or verb in it
    ("l'Assemblée adopte": the model's span ran on)."""
    words = b.text[x:y].lower().split()
    verbs = [t for t in within(b.a.tokens, x, y) if t.pos in ("VERB", "AUX")]
    return (
        b.a.registry.person(b.text[x:y]) is None
        and b.text[y : y + 1] != "-"
        and not any(w in ROLE_NOUNS for w in words)
        and not verbs
    )


def _titles(b: Builder, start: int, end: int) -> list[tuple[int, int]]:
    """Works and names in quotation marks ("Une Palme pour « Anatomie d'une chute »"): no
    speaker, a capital, a few words, no sentence inside."""
    out = []
    for att in b.a.attributions:
        q = att.quote
        words = b.text[q.inner_start : q.inner_end].strip()
        if not (start <= q.open and q.close < end) or (att.speaker is not None and not att.name_or_title):
            continue
        short = words[:1].isupper() and len(words.split()) <= 6 and not re.search(r"[.!?…]", words)
        if att.name_or_title or short:
            out.append((q.inner_start, q.inner_end))
    return out


def asked_before(b: Builder, x: int, y: int) -> bool:
    """A person the draft already asks about ("Mais Justine Triet pense…" after "who fustige…")."""
    person = b.a.registry.person(b.text[x:y])
    return person is not None and person.key in b.cache.get("who", set())


def a_fact(text: str, x: int, y: int, start: int) -> bool:
    """A phrase worth hiding: a name ("le réseau Vigie Ciel") or three words or more ("la
    réaction de la ministre"); not a lone common noun ("ses choix", "la fuite"), not a pronoun.
    (A lone word must also be a name the model found: "le Néerlandais" is no answer.)"""
    words = text[x:y].split()
    return (_named(text, x, y, start) or len(words) >= 3) and words[0].lower() not in (
        "celles",
        "ceux",
        "celle",
        "celui",
    )


def _named(text: str, x: int, y: int, start: int) -> bool:
    """A capital inside the phrase (not the sentence's first word): "publication Facebook"."""
    words = text[x:y].split()
    return any(w[:1].isupper() for w in (words if x > start else words[1:]))


def _worth(b: Builder, f: Figure) -> bool:
    return not b.trivia(f)


_MAKERS: list[Callable[[Builder, int], bool]] = [ask_who, true_false, _where, _cloze]


def _ask(b: Builder, sentences: list[int], limit: int) -> int:
    """One question on each of `sentences` not yet asked about, the least used kind first."""
    made = 0
    for si in sentences:
        if made >= limit:
            break
        said = b.text[b.a.sentences[si].start : b.a.sentences[si].end].rstrip(' »"”')
        if si in b.used or (b.a.sentences[si].heading and si > 0) or mostly_quoted(b, si):
            continue
        if said.endswith(("?", ":")) or b.opening(si) is None:
            continue  # a question of the article, a heading "X (entraîneur de Y) :", "Il affirme…"
        if any(r.sentence == si and r.guess for r in b.a.roles):
            continue  # "la ministre de la Culture réagit": the role question asks whom it names
        order = sorted(_MAKERS, key=lambda m: (b.made[m.__name__], _MAKERS.index(m)))
        order.append(true_statement)  # when nothing else fits (two at most, never more than false ones)
        for maker in order:
            if maker(b, si):
                b.made[maker.__name__] += 1
                made += 1
                break
    return made


def key_facts(b: Builder) -> None:
    """Questions on the headline and the lead, before any other."""
    _ask(b, _lead(b), MAX_KEY_FACTS)


def more_facts(b: Builder, target: int) -> None:
    """Facts of the rest of the story, until the draft has `target` questions."""
    rest = [si for si in range(len(b.a.sentences)) if si not in b.used]
    _ask(b, rest, max(0, target - len(b.questions)))
