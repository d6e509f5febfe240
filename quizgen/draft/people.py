"""Collecting the people an article names: after a title, with a role, or found by NER."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from .firstnames import a_persons_name, given_name_gender
from .lexicon import (
    ANONYMOUS_PERSON_NOUNS,
    INSTITUTION_NOUNS,
    NAMING_VERBS,
    NAMING_WORDS,
    NATIONALITIES,
    NOT_NAMES,
    PERSON_KINDS,
    ROLE_NOUNS,
    SIDE_PHRASES,
    TITLES,
    role_gender,
)
from .nounphrase import (
    DETERMINERS,
    NAME_PARTICLES,
    NOT_NAMES_OR_ROLES,
    NP,
    is_particle,
    is_role_head,
    parse_np,
    party_label,
)
from .professions import PROFESSIONS
from .speakers import OFFICIALS, Registry
from .tokens import Tok, fold, name_key, tokenize

# ---------------------------------------------------------------- collecting people


_ENGLISH = frozenset(
    "the of and your my you me is in on love song songs man woman back still standing night day".split()
)


def _name_run(toks: list[Tok], k: int) -> int:
    """End of the run of capitalised name tokens starting at k."""
    j = k
    while j < len(toks) and (
        (
            toks[j].cap
            and toks[j].word
            and toks[j].low not in NOT_NAMES_OR_ROLES
            and toks[j].low not in NATIONALITIES
        )
        or (
            j > k
            and (is_particle(toks, j) or (toks[j].text == "-" and j + 1 < len(toks) and toks[j + 1].cap))
        )
    ):
        j += 1
    return j


def collect_people(
    registry: Registry,
    source: str,
    sentences: list[tuple[int, str]],
    ner: Sequence[tuple[int, int, str]] = (),
) -> None:
    """Fill `registry` with the people the article names: after a title (M. Biden), with a
    role (le président russe Vladimir Poutine; Jake Sullivan, le conseiller…; Marta
    Nowak, chercheuse à…), or found by the NER model (`ner`: (start, end, label) spans)."""
    persons = [(a, b) for a, b, label in ner if label == "PER"]
    for start, masked_text in sentences:
        toks = [Tok(t.text, t.start + start, t.end + start) for t in tokenize(masked_text)]
        for k, t in enumerate(toks):
            if t.low in TITLES and k + 1 < len(toks) and toks[k + 1].cap:
                _titled(registry, toks, k)
            elif t.low in DETERMINERS:
                _role_before_name(registry, source, toks, k, persons)
            elif (
                t.cap
                and t.word
                and t.low not in NOT_NAMES_OR_ROLES
                and (k == 0 or not toks[k - 1].cap or toks[k - 1].low in NOT_NAMES)
            ):
                _name_then_role(registry, source, toks, k)
    _from_ner(registry, source, ner)
    _kin_named(registry, sentences)
    for start, masked_text in sentences:
        for m in _CAPITALISED.finditer(masked_text):
            # "Cyprien, tout juste 19 ans, …" where the model saw no one: a name an age describes
            a, b = start + m.start(), start + m.end()
            if _AFTER_A_NAME.search(masked_text, 0, m.start()):
                continue
            if name_key(m[0]) not in registry.people and _first_name_described(source, a, b):
                registry.add_person([m[0]], a)


# "Neil Ibata" where the article also names his father Rodrigo Ibata: a given name, then a surname.
_GIVEN_THEN_SURNAME = re.compile(
    r"(?<![\w'’.-])([A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)\s+([A-ZÀ-Ý][\w'’-]+)"
)


def _kin_named(registry: Registry, sentences: list[tuple[int, str]]) -> None:
    """Another given name before the surname of someone already named ("Neil Ibata" beside
    "Rodrigo Ibata", the son the model did not see): another person, of the same family."""
    for start, masked_text in sentences:
        for m in _GIVEN_THEN_SURNAME.finditer(masked_text):
            person = registry.people.get(name_key(m[2]))
            if person is None or not a_persons_name(f"{m[1]} {m[2]}"):
                continue
            if not any(f.split()[0] == m[1] for f in person.forms):
                registry.add_person([m[1], m[2]], start + m.start())


def _titled(registry: Registry, toks: list[Tok], k: int) -> None:
    """'M. Biden', 'Mme Anne Roy'."""
    t = toks[k]
    j = _name_run(toks, k + 1)
    if j > k + 1:
        title = "M." if TITLES[t.low] == "m" else ("Mme" if TITLES[t.low] == "f" else t.text)
        registry.add_person([x.text for x in toks[k + 1 : j]], t.start, gender=TITLES[t.low], title=title)


def _role_before_name(
    registry: Registry, source: str, toks: list[Tok], k: int, persons: Sequence[tuple[int, int]] = ()
) -> None:
    """'le président russe Vladimir Poutine', "l'assistant du Kremlin, Yuri Ushakov", 'un responsable';
    any noun before a first name and surname the model reads as a person ("l'ancien footballeur
    Zinédine Zidane", "la romancière Annie Ernaux")."""
    t = toks[k]
    np_ = parse_np(toks, k, role_mode=True) if k + 1 < len(toks) else None
    if np_ is None or not np_.head:
        return
    if k > 0 and f"{toks[k - 1].low} {t.low} {np_.head}" in SIDE_PHRASES:
        return  # "s'étonne de son côté Cyril Caria": no role "côté"
    if k > 0 and toks[k - 1].low in ("de", "d'", "d’") and not is_role_head(np_.head, toks[k + 1].cap):
        return  # "le ministre de [la santé] Aurélien Rousseau": the complement of a role, not one
    described = _described_person(registry, source, np_, persons) or _kind_then_name(np_)
    if not is_role_head(np_.head, toks[k + 1].cap) and not described:
        if t.low in ("un", "une") and np_.head in PERSON_KINDS | OFFICIALS:
            registry.anonymous.append((t.start, np_.head, source[np_.start : toks[np_.j - 1].end]))
        return
    gender = {"le": "m", "un": "m", "la": "f", "une": "f", "son": None, "sa": "f"}.get(t.low)
    gender = gender or role_gender(np_.head)  # "l'ancienne ministre", "l'astrophysicienne"
    plural = t.low in ("les", "des", "ces", "leurs", "nos", "deux", "trois", "plusieurs")
    runs = np_.names()
    if runs and runs[-1][1] == np_.j:
        # "le président russe Vladimir Poutine": a title-like role, vague when one word.
        a, b = runs[-1]
        role = source[toks[k + 1].start : toks[a - 1].end] if a > k + 1 else np_.head
        words = [x.text for x in toks[a:b] if x.text != "-"]
        registry.add_person(
            words,
            toks[a].start,
            gender=None if plural else gender,
            role=None if plural else role,
            apposition=False,
            det=t.low,
        )
    elif np_.apposition and not plural:
        a, b = np_.apposition
        role = source[toks[k + 1].start : toks[np_.j - 1].end]
        words = [x.text for x in toks[a:b] if x.text != "-"]
        registry.add_person(words, toks[a].start, gender=gender, role=role, det=t.low)
    elif t.low in ("un", "une") and np_.head in PERSON_KINDS | OFFICIALS:
        registry.anonymous.append((t.start, np_.head, source[np_.start : toks[np_.j - 1].end]))


def _described_person(registry: Registry, source: str, np_: NP, persons: Sequence[tuple[int, int]]) -> bool:
    """A common noun, then a name of two words or more ending the phrase, the model's PER
    (not a title: "une tournée intitulée Farewell Yellow Brick Road")."""
    runs = np_.names()
    if not runs or runs[-1][1] != np_.j or runs[-1][1] - runs[-1][0] < 2:
        return False
    head = np_.toks[np_.i + 1 if np_.det else np_.i]
    if head.cap or not head.word or np_.head in INSTITUTION_NOUNS:
        return False
    a, b = np_.toks[runs[-1][0]].start, np_.toks[runs[-1][1] - 1].end
    return any(pa < b and a < pb for pa, pb in persons) and _person_words(registry, source, a, b) is not None


def _kind_then_name(np_: NP) -> bool:
    """'Son collègue Antoine Rieux', 'la chanteuse Clara Mendès': a noun of a person, then a first
    name and a surname ending the phrase, whatever the model reads there."""
    runs = np_.names()
    if not runs or runs[-1][1] != np_.j or runs[-1][1] - runs[-1][0] < 2 or not np_.det:
        return False
    human = (np_.head or "") in ANONYMOUS_PERSON_NOUNS | PERSON_KINDS | PROFESSIONS
    return human and runs[-1][0] == np_.i + 2  # "son collègue [Antoine Rieux]": the noun, then the name


def _caption_line(source: str, a: int, b: int) -> bool:
    """The sentence [a, b) is a paragraph of its own just below a quotation: the caption layout
    ('« … »' ¶ 'Anne Roy la maire de Vienne'). Elsewhere 'Marc Dufour la juge, trop chère' has an
    object pronoun and a verb."""
    before = source[:a].rstrip(" \t")
    if not before.endswith("\n") or source[b:].lstrip(" \t.…")[:1] not in ("", "\n"):
        return False
    return before.rstrip().rstrip(".…").endswith(("»", "”", '"'))


def _name_then_role(registry: Registry, source: str, toks: list[Tok], k: int) -> None:
    """'Jake Sullivan, le conseiller à la sécurité nationale,' / 'Marta Nowak, chercheuse à…'."""
    j = end = _name_run(toks, k)
    j = party_label(toks, j)  # "Anne Vidal (PS), maire de …"
    age = [t.low for t in toks[j : j + 4]]
    if len(age) == 4 and age[1].isdigit() and age[2:] == ["ans", ","] and age[0] == ",":
        j += 3  # "Anne Vidal, 45 ans, maire de …": an age first
    alone = end - k == 1 and _first_name_described(source, toks[k].start, toks[k].end)
    if (end - k < 2 and not alone) or j + 1 >= len(toks):
        return
    # "Anne Roy la maire de Vienne, au sujet de …": a caption line opening with a name, no comma,
    # under a quotation.
    caption = k == 0 and toks[j].low in ("le", "la", "l'")
    caption = caption and _caption_line(source, toks[0].start, toks[-1].end)
    if toks[j].text != "," and not caption:
        return
    r = j if caption else j + 1  # where the role starts
    bare = toks[r].low not in ("le", "la", "l'")
    words = [x.text for x in toks[k:end] if x.text != "-"]
    np_ = parse_np(toks, r, role_mode=True, bare_role=bare)
    if alone and bare and (np_ is None or np_.head not in ROLE_NOUNS):
        e = _apposition_end(toks, r)  # "Raphaël, apiculteur à Pithiviers."
        if e:
            role = source[toks[r].start : toks[e - 1].end]
            registry.add_person(words, toks[k].start, gender=role_gender(toks[r].low), role=role)
        return
    if np_ is None or np_.head not in ROLE_NOUNS or np_.names():
        return
    if not (np_.j == len(toks) or toks[np_.j].text in (",", ".", ";", ")", "(")):
        return
    first = r if bare else r + 1
    role = source[toks[first].start : toks[np_.j - 1].end]
    gender = {"le": "m", "la": "f"}.get(toks[r].low) or role_gender(np_.head)  # "X, présidente de …"
    registry.add_person(words, toks[k].start, gender=gender, role=role, det=None if bare else toks[r].low)


def _apposition_end(toks: list[Tok], r: int) -> int:
    """End of a short description opening on a person's noun and closed by a comma or a full
    stop ('apiculteur à Pithiviers,'), 0 when there is none."""
    if r >= len(toks) or not _a_persons_noun(toks[r].text):
        return 0
    for e in range(r + 1, min(len(toks), r + 7)):
        if toks[e].text in (",", ".", ";"):
            return e
        if not toks[e].word:
            return 0
    return 0


def _from_ner(registry: Registry, source: str, ner: Sequence[tuple[int, int, str]]) -> None:
    """People the model finds (PER spans), once the rules have named theirs."""
    persons_seen: Counter[str] = Counter()
    for a, b, label in ner:
        registry.ner_labels.setdefault(fold(source[a:b]), label)
        thing = _NO_NAME_BEFORE.search(source[max(0, a - 12) : a])
        named = a_persons_name(source[a:b]) or _first_name_described(source, a, b)
        if label != "PER" and not thing and named:
            label = "PER"  # "Pauletta Foppa" read as an organisation: a given name says a person
        words = _person_words(registry, source, a, b) if label == "PER" else None
        if not words:
            continue
        known = len(words) >= 2 or name_key(words[-1]) in registry.people
        if known or (_described_after(source, b) and words[0] not in _in_longer_names(source)):
            registry.add_person(words, a)
        else:
            persons_seen[words[0]] += 1
    for word, count in persons_seen.items():
        if count >= 2 and fold(word) not in INSTITUTION_NOUNS:
            registry.add_person([word], source.find(word))


# What a place, a building or a work follows ("au Mont Saint-Michel", "du Wanda Metropolitano",
# "le film Barton Fink"); a person's name does not.
_NO_NAME_BEFORE = re.compile(
    r"(?:\b(?:au|aux|du|des|le|la|les|l['’]|film|roman|album|stade|salle)\s*|[«“\"]\s*)$", re.IGNORECASE
)
_AGED = re.compile(r"\s*,\s*(?:(?:tout\s+juste|à\s+peine|bientôt|presque|déjà)\s+)?\d{1,3}\s+ans\b")
_DESCRIBED = re.compile(r"\s*,\s*(?:l[ae]\s+|l'|un\s+|une\s+)?([\w-]+)")
_STRESSED_PRONOUN = re.compile(r"\s*,\s*(?:lui|elle)\s*,")  # "Jérémy, lui, a manifesté"
# One capitalised word before a comma or a word; _AFTER_A_NAME: the last word of a longer name.
_CAPITALISED = re.compile(r"(?<![\w'’.-])[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?(?=\s*,|\s+\w)")
# "Marion a participé …", "Jade n'a pas …": a given name alone as the subject of a compound verb.
_VERB_AFTER = re.compile(
    r"\s+(?:ne\s+|n['’])?(?:a|avait|aura|est|était|sera)\s+(?!un\b|une\b|le\b|la\b|l['’]|des\b|en\b|à\b|au\b)\w"
)
_AFTER_A_NAME = re.compile(r"[A-ZÀ-Ý][\w'’.-]*\s+$")
_DESCRIBING_NOUNS = ANONYMOUS_PERSON_NOUNS | PROFESSIONS | ROLE_NOUNS


def _described_after(source: str, b: int) -> bool:
    """'Emmanuel, parent d'élève, …', 'Marie, mère de deux enfants', 'Raphaël, apiculteur à
    Pithiviers': a first name the article describes as a person right after it."""
    mm = _DESCRIBED.match(source.replace("’", "'"), b)
    if _AGED.match(source, b) or _STRESSED_PRONOUN.match(source, b):
        return True  # "Thierry, 60 ans, qui …": an age is a person's; "Judith, elle, sort…" too
    return mm is not None and (
        mm.group(1).lower() in _DESCRIBING_NOUNS
        or (_a_persons_noun(mm.group(1)) and bool(_AGENT_AT.match(source, mm.start(1))))
    )


# "apiculteur à Pithiviers", "vendeuse chez …": a noun of someone who does something, and where.
_AGENT = r"[a-zà-ÿ]+(?:eur|euse|rice|ier|ière|iste|ien|ienne|ant|ante|aire)"
_AGENT_AT = re.compile(_AGENT + r"\s+(?:à|au|aux|de|du|d['’]|chez|dans)\s")


# Words shaped like a noun of someone who does, that are not ("avant de", "pendant des mois").
_NOT_AGENTS = frozenset(
    "avant pendant durant devant maintenant cependant pourtant suivant auparavant hier premier "
    "dernier entier contraire ordinaire nécessaire notamment seulement autant tant quant".split()
)


def _a_persons_noun(word: str) -> bool:
    """A noun for a person: one of the lexicon's, or shaped like one who does ('apiculteur')."""
    low = word.lower()
    return low in _DESCRIBING_NOUNS or (low not in _NOT_AGENTS and bool(re.fullmatch(_AGENT, low)))


def _first_name_described(source: str, a: int, b: int) -> bool:
    """'Jade, 19 ans, en terminale', 'Cyprien, tout juste 19 ans', 'Raphaël, apiculteur à
    Pithiviers', 'Marion a participé': one word, not first of all an everyday word, that an age
    describes right after it, or a given name that a person's noun describes or that is the
    subject of a compound verb (a name of one gender, so that "il" or "elle" finds it),
    whatever the model read there."""
    word = source[a:b]
    if " " in word.strip() or _NO_NAME_BEFORE.search(source[max(0, a - 12) : a]):
        return False
    if _AGED.match(source, b) or _STRESSED_PRONOUN.match(source, b):
        named = a_persons_name(word, alone=True, known=False)
    elif _VERB_AFTER.match(source, b):
        named = a_persons_name(word, alone=True) and given_name_gender(word) is not None
    else:
        named = _described_after(source, b) and a_persons_name(word, alone=True)
    # "Baptiste" where the article names Jean-Baptiste Morel: him, said short.
    return named and word not in _in_longer_names(source)


@lru_cache(maxsize=8)
def _in_longer_names(source: str) -> frozenset[str]:
    """The words the article writes as part of a longer name: each part of a hyphenated one
    ("Jean-Baptiste"), and a capitalised word before another ("Baptiste Morel")."""
    parts: set[str] = set()
    for m in _HYPHENATED_NAME.finditer(source):
        parts.update(m[0].split("-"))
    parts.update(m[1] for m in _BEFORE_A_NAME.finditer(source))
    return frozenset(parts)


_HYPHENATED_NAME = re.compile(r"[A-ZÀ-Ý][\w'’]*(?:-[A-ZÀ-Ý][\w'’]*)+")
_BEFORE_A_NAME = re.compile(r"\b([A-ZÀ-Ý][a-zà-ÿ]+)(?=\s+[A-ZÀ-Ý][a-zà-ÿ])")


def _person_words(registry: Registry, source: str, a: int, b: int) -> list[str] | None:
    """The name in a PER span, or None when it is not a person's name."""
    before = source[max(0, a - 30) : a].lower().replace("’", "'").split()
    if before and (before[-1] in NAMING_VERBS or before[-1] in NAMING_WORDS):
        return None  # "une tournée intitulée Farewell Yellow Brick Road": a title, not a person
    words = source[a:b].replace("’", "'").split()
    while words and (words[0].lower() in TITLES or words[0].lower() in NOT_NAMES_OR_ROLES):
        words = words[1:]
    if not words or not all(
        (w[:1].isupper() or (0 < k < len(words) - 1 and w.lower() in NAME_PARTICLES))
        and not any(c.isdigit() for c in w)
        for k, w in enumerate(words)
    ):
        return None  # "Anne de Villiers", "Paul Morel de la Tour": particles inside the name only
    if any(len(w) > 1 and w.isupper() for w in words) or any(
        "-" in w and all(name_key(x) in registry.people for x in w.split("-")) for w in words
    ):
        return None  # "Y COMPRIS" (a shouted heading), "Biden-Poutine" (two people)
    if len(words) > 5 or any(w[:1].isupper() and w.lower() in NOT_NAMES_OR_ROLES | _ENGLISH for w in words):
        return None  # "Your Song", "The Bitch": a title in English, not a person
    if any(_GLUED.search(w) for w in words):
        return None  # "Vasseur.Julien": two sentences glued (a byline after the last one), no name
    if _a_body(before, words):
        return None  # "à l'appel des Jeunes Agriculteurs": a body of people, not a person
    return words


_PLURAL_BEFORE = frozenset({"les", "des", "aux"})
_GLUED = re.compile(r"\w\w[.!?»][A-ZÀ-Ý]")


_PEOPLE_NOUNS = PROFESSIONS | ROLE_NOUNS | ANONYMOUS_PERSON_NOUNS


def _a_body(before: list[str], words: list[str]) -> bool:
    """A name written after a plural article ("les Républicains", "des Jeunes Agriculteurs"), or
    with a plural noun of people in it ("Jeunes Agriculteurs", "Médecins du Monde"): a body or a
    group; a person's name takes neither."""
    if before and before[-1] in _PLURAL_BEFORE:
        return True
    for w in words:
        low = w.lower()
        single = re.sub(r"(?:s|x)$", "", low)
        if single != low and single in _PEOPLE_NOUNS:
            return True  # "Agriculteurs", "Médecins": people of a kind, in the plural
    return False
