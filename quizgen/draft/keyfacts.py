"""Key-fact questions from the headline and the lead: who did what, where, with what result.

The first sentences of a story carry what a teacher asks first. Each gives one
question, the kinds taking turns: who (single, the other choices people of the
article), where (short answer), a statement with one fact swapped for another
of the article (true_false), the figure or body the sentence is about (cloze).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .distractors import Candidate, pick
from .figures import Figure
from .lexicon import ROLE_NOUNS, TITLES
from .phrases import main_phrases
from .questions import Builder, clock_like, is_age
from .textbits import BLANK, collapse, display, join, stable_order, window

MAX_KEY_FACTS = 6
_LEAD_SENTENCES = 8
_IN_PLACE = re.compile(r"(?:\b(?:à|en|au|aux|dans|vers|depuis)|près\s+d[e']|\bd')\s*$", re.IGNORECASE)
_NOT_PLACES = frozenset({"france", "europe"})  # too broad to be the answer to "where?"


def _spans(b: Builder, si: int, label: str) -> list[tuple[int, int]]:
    """Entity spans of `label` inside sentence si, outside quotations (people: also the
    names of the people the rules found, when there is no model)."""
    s = b.a.sentences[si]
    return [(x, y) for x, y in _all_spans(b, label) if s.start <= x and y <= s.end]


def _all_spans(b: Builder, label: str) -> list[tuple[int, int]]:
    """Every span of `label` outside quotations, the longest of nested ones (computed once)."""
    key = f"spans:{label}"
    if key in b.cache:
        return b.cache[key]
    spans = {(x, y) for x, y, lab in b.a.ner if lab == label}
    if label == "PER" and not b.a.ner:
        for person in b.a.registry.persons():
            for form in [*person.forms, *person.surnames]:
                rx = rf"(?<![\w-]){re.escape(form)}(?![\w-])"
                spans |= {(m.start(), m.end()) for m in re.finditer(rx, b.text)}
    inside = [(q.open, q.close) for q in b.a.quotes]
    kept = sorted(sp for sp in spans if not any(o <= sp[0] < c for o, c in inside))
    out = [
        (x, y)
        for i, (x, y) in enumerate(kept)
        if not any(a <= x and y <= c and (a, c) != (x, y) for a, c in kept[max(0, i - 3) : i + 4])
    ]
    b.cache[key] = out
    return out


def _in_sentence(b: Builder, si: int) -> list[str]:
    """The people sentence si names: never a wrong answer about it."""
    out = []
    for x, y in _spans(b, si, "PER"):
        person = b.a.registry.person(b.text[x:y])
        out.append(display(person.name) if person else collapse(b.text[x:y]))
    return out


def _mostly_quoted(b: Builder, si: int) -> bool:
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


# "n'est pas", "ne sera plus", "n'a jamais": a true/false on a negative stem reads as a double negative.
_NEGATION = re.compile(
    r"\b(n(?:e\s+|['’]))((?:\S+\s+){0,3}?)(pas|plus|jamais|rien|guère|point|aucune?|personne)\b",
    re.IGNORECASE,
)


def emphasised(text: str) -> str:
    """The negation in capitals ("N'a PAS"), as teachers write it so that students see it."""
    return _NEGATION.sub(lambda m: m.group(1).upper() + m.group(2) + m.group(3).upper(), text)


def _who(b: Builder, si: int) -> bool:
    if len(_spans(b, si, "PER")) >= 3:
        return False  # a list of people is a multi question (lists), not "who completes it?"
    if _NEGATION.search(b.text[slice(*b.sentence_span(si))]):
        return False  # "qui n'est pas à Cannes ?" asks about what did not happen
    for x, y in _spans(b, si, "PER"):
        if len([w for w in b.text[x:y].split() if w.lower() not in TITLES]) < 2:
            continue  # "Mme Trump", "Koeman": a surname may be someone else's (the answer must be sure)
        person = b.a.registry.person(b.text[x:y])
        if person is None or person.key in b.cache.setdefault("who", set()):
            continue  # the same person asked about once
        answer = Candidate(display(person.name), "person", "p:" + person.key)
        picked = pick(answer, b.candidates, exclude=_in_sentence(b, si))
        if len(picked.names) < 2 or picked.fallback:
            continue
        start, end = b.sentence_span(si)
        pre, _mid, post = window(b.text, start, end, x, y)
        qid = b.ids("qui", person.name)
        q = {
            "id": qid,
            "type": "single",
            "source": b.source_id,
            "prompt": _who_prompt(b, start, end, x, y)
            or emphasised(f"D’après l’article, qui complète cette phrase : « {join(pre, BLANK, post)} » ?"),
            "choices": stable_order([answer.name, *(display(d) for d in picked.names)], qid),
            "answer": answer.name,
            "evidence": collapse(b.text[start:end]),
            "explanation": f"L’article écrit : « {collapse(b.text[start:end])} »",
            "tags": ["essentiel"],
        }
        b.cache["who"].add(person.key)
        return b.add("keyfact", q, review=False, sentence=si)
    return False


def _who_prompt(b: Builder, start: int, end: int, x: int, y: int) -> str | None:
    """A direct question when the name opens the sentence: "Justine Triet fustige le
    gouvernement." → "D’après l’article, qui fustige le gouvernement ?" (no blank to fill)."""
    rest = collapse(b.text[y:end]).rstrip(" .!")
    rest = re.split(r",\s+(?:il|elle|ils|elles|on|mais|puis)\s", rest)[
        0
    ]  # "…, elle dénonce…": another clause
    if b.text[start:x].strip() or not re.match(r"(?:,\s*)?[a-zàâçéèêëîïôûùüÿœ]", rest):
        return None
    if len(rest.split()) > 30 or any(c in rest for c in '«»"“”…'):
        return None
    return emphasised(f"D’après l’article, qui {rest} ?".replace("qui , ", "qui, "))


def _where(b: Builder, si: int) -> bool:
    for x, y in _spans(b, si, "LOC"):
        place = collapse(b.text[x:y])
        if place.lower() in _NOT_PLACES or len(place) < 3 or not _preposition(b.text, x) or _common(b, x, y):
            continue
        if place.lower() in b.cache.setdefault("where", set()):
            continue  # the same place asked about once
        b.cache["where"].add(place.lower())
        start, end = b.sentence_span(si)
        pre, _mid, post = window(b.text, start, end, x, y)
        qid = b.ids("lieu", place)
        q: dict[str, object] = {"id": qid, "source": b.source_id}
        # Other places the article names after the same preposition ("à Vannes", "à Cholet").
        prep = _preposition(b.text, x)
        others = [p for p, pp in _places(b) if pp == prep and p.lower() != place.lower()][:3]
        prompt = f"D’après l’article, quel lieu manque : « {join(pre, BLANK, post)} » ?"
        if len(others) >= 2:
            q.update(type="single", prompt=prompt, choices=stable_order([place, *others], qid), answer=place)
        else:  # too few places of its kind in the article: the answer is typed
            q.update(type="short", prompt=prompt, answer=place)
        q.update(
            evidence=collapse(b.text[start:end]),
            explanation=f"L’article écrit : « {join(pre, place, post)} »",
            tags=["essentiel", "lieux"],
        )
        return b.add("keyfact", q, review=False, sentence=si)
    return False


def _swaps(b: Builder, si: int) -> list[tuple[int, int, str, str]]:
    """(start, end, replacement, why) facts of sentence si that another fact of the same kind,
    taken from the article, can replace: a person, a place after the same preposition, a figure
    of the same unit."""
    out = _person_swaps(b, si)
    places = _places(b)
    for x, y in _spans(b, si, "LOC"):
        prep = _preposition(b.text, x)
        near = b.text[max(0, x - 600) : y + 600].lower()  # includes the place itself
        # A place named close by may be where this happened too: no sure "false".
        other = next((p for p, pp in places if pp == prep and p.lower() not in near), None)
        if prep and other:
            out.append((x, y, other, "un lieu remplacé par un autre de l’article"))
    for fig, fsi in b.a.figures:
        if fsi != si or fig.kind not in ("count", "percent", "money", "duration") or b.trivia(fig):
            continue
        other = next(
            (
                f
                for f, _ in b.a.figures
                if f.kind == fig.kind and f.unit == fig.unit and f.value not in (None, fig.value)
            ),
            None,
        )
        if other is not None:
            why = "un chiffre remplacé par un autre de l’article"
            out.append((fig.start, fig.end, collapse(other.text), why))
    return out


_BEFORE_NAME = re.compile(r"(?:\b(?:le|la|les|l'|d'|de|du|des|au|aux)|[a-zàâçéèêëîïôûùüÿœ]{3,})\s*$")


def _person_swaps(b: Builder, si: int) -> list[tuple[int, int, str, str]]:
    """A full name written alone (no title, role or article before it, so that the sentence
    stays French), replaced by another person of the article of the same gender."""
    spans = _spans(b, si, "PER")
    if len(spans) >= 3:
        return []  # a list of people: swapping one of them proves nothing
    out = []
    for x, y in spans:
        person = b.a.registry.person(b.text[x:y])
        before = b.text[max(0, x - 30) : x].replace("’", "'")
        if person is None or len(b.text[x:y].split()) < 2 or b.text[x:y].split()[0].lower() in TITLES:
            continue  # "Mme Trump": the title would not fit the other person
        if _BEFORE_NAME.search(before) and not re.search(r"[,;:.!?]\s*$|^\s*$", before):
            continue  # "la députée X", "d'X", "de X": the swap would break gender or elision
        if re.match(r"\s*,\s*(?:l[ea]\s+|l')?[a-zàâçéèêëîïôûùüÿœ-]+", b.text[y : y + 30]):
            continue  # "X, ex-patron du groupe": the role says who it is
        answer = Candidate(display(person.name), "person", "p:" + person.key)
        picked = pick(answer, b.candidates, n=5, exclude=_in_sentence(b, si))
        if picked.fallback:
            continue
        for name in picked.names:
            other = b.a.registry.person(name)
            if len(name.split()) < 2 or name.lower() in b.text[x - 200 : y + 200].lower():
                continue  # a person named close by may be the one a pronoun of this sentence means
            if other and person.gender and other.gender and other.gender != person.gender:
                continue
            out.append((x, y, name, "une personne remplacée par une autre de l’article"))
            break
    return out


def _common(b: Builder, x: int, y: int) -> bool:
    """A LOC span the parser reads as common nouns ("visite d'État"): no place to ask about."""
    toks = [t for t in b.a.tokens if x <= t.start and t.end <= y]
    return bool(toks) and all(t.pos == "NOUN" for t in toks)


def _preposition(text: str, x: int) -> str | None:
    m = _IN_PLACE.search(text[max(0, x - 12) : x])
    return m.group().strip().lower() if m else None


def _places(b: Builder) -> list[tuple[str, str]]:
    """Places the article names after a preposition ('à Lamballe'), with that preposition."""
    out = []
    for x, y, lab in b.a.ner:
        prep = _preposition(b.text, x) if lab == "LOC" else None
        place = collapse(b.text[x:y])
        if prep and place.lower() not in _NOT_PLACES and (place, prep) not in out:
            out.append((place, prep))
    return out


def _true_false(b: Builder, si: int) -> bool:
    swaps = _swaps(b, si)
    start, end = b.sentence_span(si)
    if not swaps or _NEGATION.search(b.text[start:end]):
        return False
    x, y, new, why = swaps[0]
    start, end = b.sentence_span(si)
    pre, mid, post = window(b.text, start, end, x, y, words=40)
    q = {
        "id": b.ids("vrai-faux", new),
        "type": "true_false",
        "source": b.source_id,
        "statement": f"D’après l’article : « {join(pre, new, post)} »",
        "answer": False,
        "evidence": collapse(b.text[start:end]),
        "explanation": f"Faux : l’article écrit « {join(pre, mid, post)} ».",
        "tags": ["essentiel"],
    }
    return b.add("keyfact", q, review=True, why=f"affirmation fausse à relire ({why})", sentence=si)


MAX_TRUE_STATEMENTS = 2  # enough for the false statements not to give "Faux" away
_LEANS_BACK = frozenset(
    "et mais quand si il elle ils elles ce cela ça on puis alors donc or ensuite enfin lui "
    "accompagné accompagnée cependant pourtant aussi".split()
)


def _true_statement(b: Builder, si: int) -> bool:
    """A lead sentence that states a fact, asked as it is written (answer: true)."""
    start, end = b.sentence_span(si)
    said = collapse(b.text[start:end])
    verbs = [t for t in b.a.tokens if start <= t.start < end and t.pos == "VERB" and t.dep == "ROOT"]
    if b.made["_true_statement"] >= MAX_TRUE_STATEMENTS or (b.a.tokens and not verbs):
        return False
    if not 8 <= len(said.split()) <= 40 or said.split()[0].lower().strip(",") in _LEANS_BACK:
        return False  # "Et le maire devait…", "Quand ils arrivent…": no fact on its own
    if any(start <= q.open < end for q in b.a.quotes):
        return False  # someone's words: a quote question asks about them
    q = {
        "id": b.ids("vrai-faux", said[:40]),
        "type": "true_false",
        "source": b.source_id,
        "statement": f"D’après l’article : « {emphasised(said)} »",
        "answer": True,
        "evidence": said,
        "explanation": "Vrai : c’est ce qu’écrit l’article.",
        "tags": ["essentiel"],
    }
    return b.add("keyfact", q, review=False, sentence=si)


def _cloze(b: Builder, si: int) -> bool:
    asked = {(q.get("answer"), q.get("unit")) for q in b.questions if q["type"] == "numeric"}
    spans: list[tuple[int, int]] = [
        (f.start, f.end)
        for f, fsi in b.a.figures
        if fsi == si and _worth(b, f) and (f.value, f.unit) not in asked  # "150 invités" once
    ]
    start, end = b.sentence_span(si)
    spans += _titles(b, start, end)
    spans += [(x, y) for x, y in _spans(b, si, "ORG") if _a_body(b, x, y)]
    quoted = [(q.open, q.close) for q in b.a.quotes]
    if not b.text[start:end].rstrip().endswith(("?", ":")):  # a question, an announcement: no fact
        spans += [
            (x, y)
            for x, y in main_phrases(b.text, b.a.tokens, start, end)
            if not any(o <= x < c for o, c in quoted)
            and _a_fact(b.text, x, y, start)
            and not _asked(b, x, y)
            and (len(b.text[x:y].split()) > 1 or any(a <= x and y <= c for a, c, _ in b.a.ner))
        ]
    for x, y in spans:
        pre, mid, post = window(b.text, start, end, x, y)
        if (
            "{{" in pre + post
            or "}}" in pre + post
            or "::" in mid
            or mid.lower() in b.cache.get("asked", set())
            or _cut_short(b.text, x, y)
        ):
            continue
        b.cache.setdefault("asked", set()).add(mid.lower())
        person = b.a.registry.person(mid)
        if person is not None:
            b.cache.setdefault("who", set()).add(person.key)  # asked here: no "who" on it later
        q = {
            "id": b.ids("essentiel", mid),
            "type": "cloze",
            "source": b.source_id,
            "text": join(pre, "{{c1::" + mid + "}}", post),
            "evidence": collapse(b.text[start:end]),
            "explanation": f"L’article écrit : « {join(pre, mid, post)} »",
            "tags": ["essentiel"],
        }
        return b.add("keyfact", q, review=False, sentence=si)
    return False


def _cut_short(text: str, x: int, y: int) -> bool:
    """A name the model or the parse cut short: "le Washington National [Opera]"."""
    return text[x : x + 1].isupper() and bool(re.match(r" [A-ZÀ-Ý][a-zà-ÿ]", text[y : y + 3]))


def _a_body(b: Builder, x: int, y: int) -> bool:
    """An ORG span that names a body: not a person, not cut inside a word, no role or verb in it
    ("l'Assemblée adopte": the model's span ran on)."""
    words = b.text[x:y].lower().split()
    verbs = [t for t in b.a.tokens if x <= t.start and t.end <= y and t.pos in ("VERB", "AUX")]
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


def _asked(b: Builder, x: int, y: int) -> bool:
    """A person the draft already asks about ("Mais Justine Triet pense…" after "who fustige…")."""
    person = b.a.registry.person(b.text[x:y])
    return person is not None and person.key in b.cache.get("who", set())


def _a_fact(text: str, x: int, y: int, start: int) -> bool:
    """A phrase worth hiding: a name ("le réseau Vigie Ciel") or three words or more ("la
    réaction de la ministre"); not a lone common noun ("ses choix", "la fuite"), not a pronoun.
    (A lone word must also be a name the model found: "le Néerlandais" is no answer.)"""
    words = text[x:y].split()
    named = any(w[:1].isupper() for w in (words if x > start else words[1:]))
    return (named or len(words) >= 3) and words[0].lower() not in ("celles", "ceux", "celle", "celui")


def _worth(b: Builder, f: Figure) -> bool:
    small = f.kind == "count" and (f.value or 0) < 3
    return f.kind != "time" and not small and not clock_like(b.text, f) and not is_age(b.text, f)


_MAKERS: list[Callable[[Builder, int], bool]] = [_who, _true_false, _where, _cloze]


def _ask(b: Builder, sentences: list[int], limit: int, lead: bool = False) -> int:
    """One question on each of `sentences` not yet asked about, the least used kind first."""
    made = 0
    for si in sentences:
        if made >= limit:
            break
        said = b.text[b.a.sentences[si].start : b.a.sentences[si].end].rstrip(' »"”')
        if si in b.used or (b.a.sentences[si].heading and si > 0) or _mostly_quoted(b, si):
            continue
        if said.endswith("?"):
            continue  # a question of the article (an interview's) states no fact
        if any(r.sentence == si and r.guess for r in b.a.roles):
            continue  # "la ministre de la Culture réagit": the role question asks whom it names
        order = sorted(_MAKERS, key=lambda m: (b.made[m.__name__], _MAKERS.index(m)))
        if lead:
            order.append(_true_statement)  # when nothing else fits a sentence of the lead
        for maker in order:
            if maker(b, si):
                b.made[maker.__name__] += 1
                made += 1
                break
    return made


def key_facts(b: Builder) -> None:
    """Questions on the headline and the lead, before any other."""
    _ask(b, _lead(b), MAX_KEY_FACTS, lead=True)


def more_facts(b: Builder, target: int) -> None:
    """Facts of the rest of the story, until the draft has `target` questions."""
    rest = [si for si in range(len(b.a.sentences)) if si not in b.used]
    _ask(b, rest, max(0, target - len(b.questions)))
