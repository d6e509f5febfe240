"""Speakers a teacher can ask about: named people or institutions, never a pronoun, a
possessive or a bare label ("Ce dernier", "Sa mère", "La membre du gouvernement",
"Réponse"). Such a speaker is resolved to the person the article names (by a
title already linked to a name, else the nearest person named before), marked
for review with the reason, or dropped — except someone the story leaves unnamed
and describes as such (a witness, a defendant, a user, 'les riverains', 'l'un d'eux'
after 'les usagers'): that description stays, to review, since no name exists."""

from __future__ import annotations

import re
from collections import Counter

from .agencies import news_agency
from .clean import Article, plain
from .lexicon import (
    DOCUMENT_NOUNS,
    ROLE_NOUNS,
)
from .phraseshape import FOLDED_INSTITUTION_NOUNS
from .reader import Attribution
from .since import opening_since
from .speakers import Person, Registry, Speaker
from .tokens import fold, singular
from .unnamed import (
    FOLDED_HUMAN_NOUNS,
    GENERIC_FUNCTIONS,
    ONE_OF_THEM,
    SHARED_FUNCTIONS,
    one_of_them,
    unnamed_description,
)

_DEFINITE = ("le", "la", "l'", "les", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs")
_RELATIVES = frozenset(
    """
    mère père fils fille frère sœur soeur épouse mari femme compagne compagnon ami amie amis enfant
    enfants parents oncle tante cousin cousine grand-mère grand-père voisin voisine proche proches
""".split()
)
_FOLDED_ROLES = frozenset(fold(r) for r in ROLE_NOUNS)
_LATTER = re.compile(r"\b(?:(?:[Cc]e|[Cc]ette)\s+derni(?:er|ère)|[Cc]el(?:ui|le)-ci)\b")
_DOCUMENTS = DOCUMENT_NOUNS - {"entourage", "services", "service", "bureau", "cabinet", "site"}
_INDEFINITE = ("un", "une", "l'un", "l'une", "des")
_SAYINGS = frozenset({"proverbe", "adage", "dicton", "maxime", "aphorisme"})  # folded
_LABELS = frozenset({"reponse", "question", "replique", "commentaire", "message", "legende"})  # folded
_REACH = 1200
_REACH_PAST_ANOTHER = 400
_WHY = {
    "continuation": "citation sans verbe : {} parlait dans la phrase précédente",
    "reply": "citation sans verbe après une question posée à {} : sa réponse",
    "pronoun": "pronom rattaché à {}",
    "intro": "« {} : » avant la citation, sans verbe",
    "colon": "{} : verbe de la phrase qui précède la citation",
    "adjacent": "sujet juste avant la citation, sans verbe de parole",
    "selon": "« selon {} » : locuteur incertain",
    "source-line": "ligne « Source : » après la citation",
    "pre": "sujet de la phrase ({}), éloigné du verbe",
    "post": "titre rattaché à {}",
    "agency-relay": "mots rapportés par une agence : {} parlait juste avant",
    "who": "{} : nommé juste avant « qui »",
    "colon-clause": "{} : sujet de la phrase après les deux-points, sans verbe de parole",
}  # characters back to look for the person a label stands for


def _mentions(article: Article, registry: Registry) -> list[tuple[int, Person]]:
    """Where the article names each person, in the story's sentences (headings aside)."""
    view = plain(article.text)
    spans = [(p.start, p.end) for p in article.paragraphs if not p.heading]
    out: list[tuple[int, Person]] = []
    for person in registry.people.values():
        for surname in person.surnames:
            for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", view):
                asks = _INTERVIEWER.search(view, max(0, m.start() - 60), m.start())
                if any(a <= m.start() < b for a, b in spans) and not asks:
                    out.append((m.start(), person))
    return sorted(out, key=lambda x: x[0])


# "confie-t-il au micro de Paul Roy", "interrogée par Anne Vidal": the reporter, who asks, not
# someone a description later in the story stands for.
_INTERVIEWER = re.compile(
    r"\b(?:au\s+micro\s+d[e']|interrogée?s?\s+par|questionnée?s?\s+par|à\s+notre\s+(?:journaliste|reporter))"
    r"\s*(?:[A-ZÀ-Ý][\w'-]*\s+){0,2}$"
)


def _words(name: str) -> list[str]:
    """The words of a speaker phrase, the elided article apart: "L'élue" → ["L'", "élue"]."""
    return re.sub(r"\b([lL])'", r"\1' ", name.replace("’", "'")).split()


# "… en présence de sa collègue, Anne Roux": the name closing the incise is someone else's.
_ANOTHER_BESIDE = re.compile(
    r"\b(?:avec|par|aux?\s+côtés|en\s+présence|confrère|consœur)\b",
    re.IGNORECASE,
)
_NAME_CLOSING = re.compile(
    r"(?P<words>[^,.;:!?«»“”\"]{0,80}),\s*[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){1,3}\s*[.!?…]?\s*$"
)
_APPOSITION = re.compile(r",\s*[a-zà-ÿ][^,.;:!?«»“”\"]{2,120}(?=[,.;!?]|$)")


def _beside(att: Attribution, sp: Speaker, mentions: list[tuple[int, Person]], view: str) -> set[str]:
    """People named in the quotation's sentence outside the description and the quotation:
    in 'Paul Roy affirme que le préfet lui a promis « … »', le préfet is not Paul Roy."""
    a, b = att.evidence
    text = view[a:b]
    at = text.lower().find(sp.name.lower())
    own = (a + at, a + at + len(sp.name)) if at >= 0 else (0, 0)
    apposition = _APPOSITION.match(view, own[1]) if at >= 0 else None
    if apposition is not None and apposition.end() <= b:
        # "a ajouté le peintre, fils du sculpteur Paul Roy": the description's own apposition.
        own = (own[0], apposition.end())
    named_after = _NAME_CLOSING.match(view, own[1], b) if at >= 0 and apposition is None else None
    someone_else = named_after is not None and (
        bool(_ANOTHER_BESIDE.search(named_after["words"]))
        or any(singular(fold(w)) in FOLDED_HUMAN_NOUNS for w in named_after["words"].split())
    )
    if named_after is not None and own[0] > att.quote.close and not someone_else:
        # "estime la professeure émérite à l'hôpital Necker, Anne Roux.": her name closes the incise.
        own = (own[0], named_after.end())
    return {
        p.key
        for pos, p in mentions
        if a <= pos < b and not own[0] <= pos < own[1] and not att.quote.open <= pos <= att.quote.close
    }


def _nearest(
    mentions: list[tuple[int, Person]], pos: int, sp: Speaker, registry: Registry, others: set[str]
) -> Person | None:
    """The person named nearest before `pos` (else just after) who may be `sp`, not one of `others`.
    A demonstrative ('cet astronome', 'cette passionnée') points back at someone already named:
    a new word for them, not a function their roles must share (unless it is another office)."""
    demonstrative = fold(sp.name).split()[:1] in (["ce"], ["cet"], ["cette"])
    before = [(pos - at, p) for at, p in reversed(mentions) if pos - _REACH <= at < pos]
    after = [] if demonstrative else [(at - pos, p) for at, p in mentions if pos <= at < pos + _REACH // 2]
    for group in (before, after):
        passed = False  # a nearer person named, whose functions this description does not fit
        for distance, person in group:
            if person.key in others or (passed and distance > _REACH_PAST_ANOTHER):
                continue
            if sp.gender is not None and person.gender not in (None, sp.gender):
                continue
            rest = " ".join(_words(sp.name)[1:])
            if demonstrative and not _other_function(registry, person, rest):
                return person
            if registry.role_conflicts(person, sp.name):
                # "Raphaël, apiculteur … « … », martèle le procureur": not the one named nearest;
                # someone named further back only if named close by, else someone unnamed.
                passed = True
                continue
            return person
    return None


# "le procureur de la République", "l'avocate de « Y »": a function and whose it is.
_OFFICE = re.compile(r"^(?:[\w-]+ ){0,2}?(?:de|du|des|d') ?(?:la |l'|le |les )?[«“\"]?\s*[A-Z\w]")


def _office(description: str, *, shared: bool = False) -> bool:
    """A function of one named body or place: 'procureur de la République de Pau', 'ministre
    de la Santé', 'président du tribunal' — the title of one person; `shared`: also a function
    many hold, said of whom ('avocate de « Y »', 'avocat de la victime')."""
    words = fold(description).split()
    if not words or words[0] not in _FOLDED_ROLES:
        return False
    if words[0] in SHARED_FUNCTIONS:
        # "le chef de l'ONU" is one body's head, whom the article may name: not whose function.
        whose = _WHOSE.match(description.replace("’", "'"))
        return shared and whose is not None and not whose["what"][:1].isupper()
    return bool(_OFFICE.match(fold(description).replace("l' ", "l'")))


_WHOSE = re.compile(r"^(?:[\w-]+ ){1,2}?(?:de|du|des|d') ?(?:la |l' ?|le |les )?(?P<what>[«“\"]?\s*\w)")


def _ambiguous(registry: Registry, description: str) -> bool:
    head = fold(description).split()[:1]
    if not head:
        return False
    holders = {k for role, keys in registry.roles.items() if fold(role).split()[:1] == head for k in keys}
    return len(holders) > 1


def _place(registry: Registry, name: str) -> bool:
    """A place or country the model reads as LOC, not a body named after its seat (l'Élysée)."""
    bare = fold(re.sub(r"^(?:le|la|les|l['’])\s*", "", name, flags=re.IGNORECASE))
    if not bare or bare.split()[0] in FOLDED_INSTITUTION_NOUNS:
        return False
    return registry.ner_labels.get(bare) == "LOC" or registry.ner_labels.get(fold(name)) == "LOC"


def _other_function(registry: Registry, person: Person, description: str) -> bool:
    """'Le sous-préfet' is not the mayor who spoke just before: a function (ROLE_NOUNS) the
    person's roles do not share."""
    head = re.sub(r"^(?:sous|vice|co|ex) ", "", fold(description)).split()[:1]
    if not head or head[0] not in _FOLDED_ROLES or head[0] in GENERIC_FUNCTIONS:
        return False  # "le diplomate" may well be the porte-parole who just spoke
    return registry.role_conflicts(person, description)


def _the_latter(
    sp: Speaker, att: Attribution, registry: Registry, mentions: list[tuple[int, Person]], view: str
) -> Speaker | None:
    """'Ce dernier', 'cette dernière': the person named last before it, unless someone unnamed
    ('son homologue', 'un élu') was mentioned in between — then no one the article names."""
    found = _LATTER.finditer(view, max(0, att.quote.open - 400), att.evidence[1])
    at = max((m.start() for m in found), default=-1)
    before = [(pos, p) for pos, p in mentions if pos < at]
    if at < 0 or not before:
        return None
    pos, person = before[-1]
    between = fold(view[pos:at]).split()
    if any(w in FOLDED_HUMAN_NOUNS for w in between):
        return None
    if sp.gender is not None and person.gender not in (None, sp.gender):
        return None
    att.why = f"« {sp.name} » : {person.name}, la dernière personne nommée avant"
    return registry.person_speaker(person)


def _resolve_label(
    sp: Speaker,
    att: Attribution,
    registry: Registry,
    mentions: list[tuple[int, Person]],
    last: Person | None = None,
    view: str = "",
    since: int | None = None,
) -> Speaker | None:
    """A definite description ('la ministre', 'ce dernier'): the person it stands for, or None."""
    if ONE_OF_THEM.match(fold(sp.name)):
        return one_of_them(sp, att, view)
    words = _words(sp.name)
    det, rest = words[0].lower(), " ".join(words[1:])
    relative = (rest.split() or [""])[0].lower() in _RELATIVES and not _KIN_AS_GROUP.match(fold(rest))
    if det in ("son", "sa", "ses", "leur", "leurs", "les", "ces") or relative:
        # "sa mère": a relative of someone; "les supporteurs": a group, never one person named.
        return unnamed_description(sp, att, rest) if det in ("les", "ces") and not relative else None
    if rest.lower() in ("dernier", "dernière"):
        return _the_latter(sp, att, registry, mentions, view)
    if _ambiguous(registry, rest):
        return None  # "le ministre" when the article names two ministers
    others = _beside(att, sp, mentions, view)
    person, _certain = registry.by_role(rest) if rest else (None, False)
    capitals = [k for k, w in enumerate(words) if k and w[:1].isupper() and not _after_de(words, k)]
    named = [registry.person(words[k]) for k in capitals]
    if person is None and _after_de(words, len(words) - 1) and registry.person(words[-1]) is not None:
        # "l'avocat de Paul Roy": someone close to the person named, not that person.
        att.why = f"« {sp.name} » : désigné par rapport à une autre personne"
        return Speaker(sp.name[0].lower() + sp.name[1:], "anonymous", sp.key, sp.gender, False)
    if person is None and any(named):
        person = next(p for p in named if p is not None)
        why = f"« {sp.name} » : {person.name}"
    elif person is not None:
        why = f"« {sp.name} » : titre que l’article donne à {person.name}"
    elif (fresh := opening_since(view, mentions, since, att.quote.open, sp, registry, others)) is not None:
        person = fresh  # "« … », dit X. ¶ Son collègue Paul Roy a … « … », précise le chercheur."
        why = f"« {sp.name} » : rattaché à {person.name}, qui ouvre une phrase depuis le dernier propos"
    elif (
        last is not None
        and last.key not in others
        and (sp.gender is None or last.gender in (None, sp.gender))
        and not _other_function(registry, last, rest)
        and not (_office(rest) and not last.roles)  # "la ministre de la Culture" is no one who holds no title
    ):
        person = last  # "« … », a dit X. Le diplomate a accusé …": the one who just spoke
        why = f"« {sp.name} » : rattaché à {person.name}, qui parlait juste avant"
    elif _office(rest, shared=True):
        # "le procureur de la République de Pau", "le ministre de la Santé": the title names the
        # one who holds it; a person named nearby is a guess that a title does not need.
        att.why = f"« {sp.name} » : titre sans nom dans l’article"
        return Speaker(sp.name[0].lower() + sp.name[1:], "anonymous", sp.key, sp.gender, False)
    else:
        person = _nearest(mentions, att.quote.open, sp, registry, others)
        why = f"« {sp.name} » : rattaché à {person.name}, la personne nommée juste avant" if person else ""
    if person is None:
        return unnamed_description(sp, att, rest)
    out = registry.person_speaker(person)
    att.why = why
    return out


_OF = frozenset({"de", "du", "des", "d"})


def _short_for(sp: Speaker, described: list[Speaker], registry: Registry) -> Speaker | None:
    """'le président' after 'le président du tribunal' spoke, when the article names no one with
    that title: the same unnamed person, named short (the last one described so)."""
    words = fold(sp.name).split()
    if len(words) < 2 or registry.by_role(" ".join(_words(sp.name)[1:]))[0] is not None:
        return None
    for other in reversed(described):
        if other.key == sp.key:
            return other  # "ce médecin" again: the one described so before
        longer = fold(other.name).split()
        if len(longer) > len(words) and longer[: len(words)] == words and longer[len(words)] in _OF:
            return other  # "le maire adjoint" is someone else: only a complement makes it longer
    return None


# Set phrases where a kin noun names a group, not someone's relative: "les parents d'élèves",
# "des mères de famille", "un père de famille".
_KIN_AS_GROUP = re.compile(r"(?:parents?\s+d'?\s*eleves?|(?:meres?|peres?)\s+de\s+famille)\b")


def _after_de(words: list[str], k: int) -> bool:
    """Whether words[k] is in a name that follows 'de', 'du', "d'" ('l'avocat de Paul Roy')."""
    while k > 0 and words[k - 1][:1].isupper():
        k -= 1
    return k > 0 and words[k - 1].lower() in ("de", "du", "des", "d'", "d’")


_CUT_ENDS = [[w] for w in "de du des d la le les l a au aux et en pour par sur ou".split()]


def _uncut(sp: Speaker) -> Speaker:
    """'le chanteur aux' (from 'le chanteur aux 300 millions de disques'): a description the
    reading cut before a number keeps its head ('le chanteur'); other speakers as they are."""
    words = _words(sp.name)
    if sp.kind != "anonymous" or len(words) < 3 or words[0].lower() not in _DEFINITE:
        return sp
    while len(words) > 2 and [fold(words[-1]).strip("'")] in _CUT_ENDS:
        words.pop()
    if len(words) == len(_words(sp.name)):
        return sp
    name = " ".join(words).replace("' ", "'")
    return Speaker(name, sp.kind, "a:" + fold(name), sp.gender, sp.certain, sp.role, sp.via_pronoun)


# "le principal intéressé", "la première concernée": the person the story is about.
_CONCERNED = re.compile(
    r"\b(?P<who>l[ea]\s+(?:principale?\s+intéressée?|premi(?:er|ère)\s+concernée?))\b", re.IGNORECASE
)


def _concerned(
    sp: Speaker, att: Attribution, view: str, mentions: list[tuple[int, Person]], last: Person | None
) -> Speaker | None:
    """'Le principal intéressé était plus mesuré : « … »': the person the article names most, if
    more than anyone else and not the one who just spoke (who spoke of him); else the words
    themselves, someone unnamed. To review. None when the words are not there."""
    found = _CONCERNED.search(view, *att.evidence)
    if sp.kind == "person" or found is None or fold(found["who"]).split()[:2] != fold(sp.name).split()[:2]:
        return None
    ranked = Counter(p.key for _pos, p in mentions if last is None or p.key != last.key).most_common(2)
    att.review = True
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        att.why = f"« {found['who']} » : personne que l’article ne nomme pas ici"
        name = found["who"][0].lower() + found["who"][1:]
        return Speaker(name, "anonymous", "a:" + fold(name), sp.gender, False)
    person = next(p for _pos, p in mentions if p.key == ranked[0][0])
    att.why = f"« {found['who']} » : {person.name}, la personne que l’article nomme le plus"
    return Speaker(person.name, "person", person.key, person.gender, False)


def _document(words: list[str]) -> bool:
    """'le communiqué', 'le texte', 'la lettre': a document that names no author."""
    return len(words) == 2 and words[1].lower() in _DOCUMENTS


def _unnamed(sp: Speaker) -> bool:
    """Someone described, not named: 'un témoin', 'le parquet', 'les autorités' (no capital,
    no acronym); 'la Maison Blanche', 'la CGT', 'le quotidien “L'Équipe”' are named."""
    if sp.kind == "anonymous":
        return True
    small = ("l", "d", *_DEFINITE, *_INDEFINITE)
    words = [w for w in re.split(r"[\s'’]+", sp.name) if w.lower() not in small]
    return sp.kind == "institution" and not any(w[:1].isupper() for w in words)


# "l'agence", "le groupe": a body the article named before, not one a teacher can ask about.
_ANAPHORIC_BODIES = frozenset(
    f"{det} {noun}"
    for det, nouns in (
        ("l", "agence entreprise association organisation institution enseigne equipe"),
        ("le", "groupe club syndicat constructeur laboratoire operateur"),
        ("la", "societe firme compagnie federation"),
    )
    for noun in nouns.split()
)


_QUANTIFIERS = frozenset({"plusieurs", "certains", "certaines", "quelques", "nombreux", "nombreuses"})


def _some_people(words: list[str]) -> bool:
    """'plusieurs candidats', 'certains habitants', 'de nombreux élus': a group of people."""
    folded = [fold(w) for w in words if fold(w) not in ("de", "d")]
    return len(folded) >= 2 and folded[0] in _QUANTIFIERS and singular(folded[1]) in FOLDED_HUMAN_NOUNS


def _names_no_one(sp: Speaker, att: Attribution, words: list[str]) -> bool:
    """A speaker phrase that names no one the teacher could check."""
    first = words[0].lower() if words else ""
    bare = sp.kind != "person" and sp.name[:1].islower() and first not in _DEFINITE + _INDEFINITE
    bare = bare and not _some_people(words)
    # "Un ministère" is no institution one can name; "R :" (an interview's answer) no one;
    # "« … », rapporte l'AFP": the agency reports the words, someone else said them.
    reporter = news_agency(sp.name) and att.rule not in ("agency", "source-line")
    vague = (sp.kind == "institution" and first in _INDEFINITE) or reporter
    # "« … », a ajouté une autre" with no one described before: another of whom?
    headless = sp.kind == "anonymous" and fold(sp.name) in ("un autre", "une autre")
    # "un autre de", "le président du": a phrase cut short names no one.
    headless = headless or fold(sp.name.replace("’", "'")).split()[-1:] in _CUT_ENDS
    # "selon un vieux proverbe gitan": a saying, which no one in the story said.
    saying = sp.kind != "person" and any(w.islower() and fold(w) in _SAYINGS for w in words[:3])
    short = len(fold(sp.name)) < 2
    return not words or fold(sp.name) in _LABELS or bare or vague or headless or saying or short


def _describe(
    att: Attribution, sp: Speaker, found: Speaker | None, earlier: Speaker | None, described: list[Speaker]
) -> None:
    """A definite description stands for `found`: the unnamed person described so before
    (`earlier`, 'le président' after 'le président du tribunal') or whom it resolves to; to review."""
    att.speaker = found
    if earlier is not None:
        att.why = f"« {sp.name} » : {earlier.name}, nommé ainsi plus haut"
    att.review = att.speaker is not None
    if att.speaker is not None and att.speaker.kind == "anonymous":
        described.append(att.speaker)


def resolve_speakers(
    attributions: list[Attribution], registry: Registry, article: Article, ner: list[tuple[int, int, str]]
) -> None:
    """Make every speaker a named person or institution (see the module doc), in place."""
    mentions = _mentions(article, registry)
    view = plain(article.text)
    last: tuple[Person, int] | None = None  # the last person who spoke, and in which paragraph
    last_at = 0  # where their words end
    named_body: tuple[Speaker, int] | None = None  # the last named institution that spoke
    described: list[Speaker] = []  # the unnamed people who spoke, as the article described them
    for att in attributions:
        sp = att.speaker
        body = named_body[0] if named_body and named_body[1] >= att.quote.first_para - 1 else None
        if sp is not None and sp.kind == "institution" and fold(sp.name) not in _ANAPHORIC_BODIES:
            named_body = (sp, att.quote.last_para)
        recent = last[0] if last and last[1] >= att.quote.first_para - 1 else None
        since = last_at if recent is not None else None
        if sp is not None and sp.kind == "person" and registry.person(sp.name):
            last, last_at = (registry.person(sp.name), att.quote.last_para), att.evidence[1]  # type: ignore[assignment]
        if sp is None:
            continue
        if (concerned := _concerned(sp, att, view, mentions, recent)) is not None:
            att.speaker = concerned  # "le principal intéressé": the one the story is about
            continue
        sp = att.speaker = _uncut(sp)
        words = _words(sp.name)
        first = words[0].lower() if words else ""
        if _names_no_one(sp, att, words):
            att.speaker, att.review = None, False
            continue
        if sp.kind == "anonymous" and first in _DEFINITE and _document(words):
            # "« … », indique le communiqué": the body that spoke just before, else no one.
            att.speaker, att.review = body, body is not None
            att.why = f"« {sp.name} » : {body.name}, qui parlait juste avant" if body else ""
            continue
        if sp.kind == "anonymous" and first in _DEFINITE:
            earlier = _short_for(sp, described, registry)
            found = earlier or _resolve_label(sp, att, registry, mentions, recent, view, since)
            _describe(att, sp, found, earlier, described)
            person = registry.person(att.speaker.name) if att.speaker is not None else None
            if person is not None:
                last, last_at = (person, att.quote.last_para), att.evidence[1]
            continue
        if sp.kind == "institution" and fold(sp.name) in _ANAPHORIC_BODIES and body is not None:
            # "Selon la Nasa, … L'agence précise que « … »": the body that spoke just before.
            att.speaker, att.review = body, True
            att.why = f"« {sp.name} » : {body.name}, qui parlait juste avant"
            continue
        _flag(att, sp, registry, words)


def _flag(att: Attribution, sp: Speaker, registry: Registry, words: list[str]) -> None:
    """Mark for review, with the reason, a speaker a teacher should check: a place, someone or
    a body without a name, a pronoun, a rule that guesses."""
    if sp.kind == "institution" and _place(registry, sp.name):
        # "« … », a déclaré Kiev": a capital for its government, or a misread: to check.
        att.review = True
        att.why = att.why or f"« {sp.name} » est un lieu : qui parle au juste ?"
    if not att.review and _unnamed(sp):
        # A confident speaker is a named person or body; "un témoin", "le club" may be right
        # but the teacher checks who it is.
        att.review = True
        kind = "personne" if sp.kind == "anonymous" else "organisme"
        att.why = f"« {sp.name} » : {'des gens' if _some_people(words) else kind} sans nom"
    if sp.via_pronoun and att.review and not att.why:
        att.why = f"pronom rattaché à {sp.name}"
    if att.review and not att.why:
        att.why = _WHY.get(att.rule, "locuteur incertain").format(sp.name)
