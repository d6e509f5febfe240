"""What is not worth a question: ages, clock times, side durations, quotation fragments, firms
named like people. Small tests on the text, shared by the question rules."""

from __future__ import annotations

import re
from functools import lru_cache

from ..text import fold_answer, word_count
from .figures import Figure
from .lexicon import ANONYMOUS_PERSON_NOUNS, ROLE_NOUNS
from .textbits import LEANING_OPENERS

FRAGMENT_WORDS = 10  # a shorter quotation that leans on the sentence around it reads as nothing alone

PERSON_NOUNS = (
    ROLE_NOUNS
    | ANONYMOUS_PERSON_NOUNS
    | frozenset(
        "chanteur chanteuse garçon acteur actrice homme femme enfant fille fils jeune victime "
        "adolescent adolescente retraité retraitée patient patiente".split()
    )
)
_PERSON_ENDING = re.compile(r"(?:eur|euse|rice|iste|logue|ien|ienne|aute|aire)$")
_CLOCK_BEFORE = re.compile(r"(?:à\s+partir\s+de|dès|vers|jusqu'à|à)\s*$", re.IGNORECASE)
# A firm or a band named like a person: "l'usine X", "du groupe X", "le leader de X".
_FIRM_BEFORE = re.compile(
    r"\b(?:(?:usines?|groupe|société|entreprise|marque|enseigne|firme|fabricant|label|formation)\s+"
    # a place named after someone: "le cinéma Simone Signoret", "l'hôpital François Mitterrand"
    r"|(?:cinéma|salle|lycée|collège|école|rue|avenue|boulevard|place|stade|hôpital|théâtre|musée|"
    r"gymnase|médiathèque|bibliothèque|établissement|centre\s+hospitalier|quai|pont|parc)\s+"
    r"|(?:leader|fondat(?:eur|rice)|membres?|chanteu(?:r|se)|guitariste|salariés|employés|patron(?:ne)?|"
    r"PDG|dirigeant(?:e)?|direction)\s+(?:de\s+|du\s+|d['’]\s*))$",
    re.IGNORECASE,
)
_TITLE_OF = re.compile(r"\b(\w+)\s+(?:du|de\s+la|de\s+l['’]|des)\s*$", re.IGNORECASE)
_CAREER = re.compile(
    r"\s*(?:de\s+|d['’]\s*)(?:profession|carrière|métier|service|ancienneté|expérience|mariage|maison)\b",
    re.IGNORECASE,
)
_MORE_MINUTES = re.compile(r"\s*(?:et\s+)?\d+\s*(?:min\b|minutes?\b)")
_AGE = re.compile(
    r"(?:(?:âgée?s?|l['’]âge)\s+de\s+(?:seulement\s+|presque\s+|près\s+de\s+)?|,\s*|\(\s*)$", re.IGNORECASE
)


# Lowercase words a sentence may open with: a pronoun, a determiner, a preposition, an adverb. A
# quotation opening on another lowercase word (a noun, a verb, an adjective: « cessez-le-feu
# immédiat à … », « touche chaque hiver … ») was cut from the narrator's sentence.
_CLAUSE_OPENERS = (
    frozenset(
        """
    je j' tu il elle on nous vous ils elles c' ce ça cela ceci ici là y en s' qu' n' ne
    le la les l' un une des du de d' au aux à mon ma mes ton ta tes son sa ses notre nos votre vos
    leur leurs cet cette ces tout tous toute toutes rien personne aucun aucune chaque certains
    quel quelle quels quelles comment pourquoi où qui que quoi quand si pour avec dans sur sous chez
    par vers entre contre selon sans depuis après avant pendant malgré comme oui non merci bien très
    plus moins jamais toujours aujourd'hui demain hier maintenant voilà voici même encore déjà
    """.split()
    )
    | LEANING_OPENERS
)


def standalone(words: str) -> bool:
    """A quotation that reads on its own: not a fragment woven into the narrator's sentence
    ("… qu'il fallait « éviter à tout prix une guerre régionale »", "… appel à un « cessez-le-feu
    immédiat à Gaza et à la libération des otages »"), nor one that leans on what came before
    ("Mais un jour après la livraison")."""
    first = re.sub(r"^[^\w]+", "", words)
    opener = first.split(" ")[0].lower().replace("’", "'") if first else ""
    opener = re.sub(r"^([ldjcn]'|qu')\S+$", r"\1", opener)  # "l'expérience" opens on "l'"
    opener = re.sub(r"^s'ils?$", "si", opener)  # "s'il": "si"; "s'adresser" is a verb
    if first[:1].islower() and opener not in _CLAUSE_OPENERS:
        return False  # a noun, a verb, an adjective first: the start of the sentence is outside
    leaning = first[:1].islower() or opener in LEANING_OPENERS
    named = any(w[:1].isupper() for w in first.split()[1:])  # « la lutte contre le Front national »
    return bool(first) and not (leaning and word_count(first) < FRAGMENT_WORDS and not named)


def is_age(text: str, fig: Figure) -> bool:
    """'âgé de 20 ans', 'Le Chef de l'Etat, 85 ans', 'le chanteur de 70 ans', 'Zachary (7 ans)'."""
    if not (fig.kind == "duration" and fig.unit == "ans"):
        return False
    before = text[max(0, fig.start - 40) : fig.start]
    words = [w.lower() for w in re.findall(r"[\w-]+", before)[-3:]]
    # "un homme de", "le chanteur britannique de": a person noun one or two words before "de".
    person = (
        len(words) >= 2
        and words[-1] == "de"
        and any(w in PERSON_NOUNS or _PERSON_ENDING.search(w.rstrip("s")) for w in words[:-1])
    )
    at_age = bool(_AT_AGE.search(before)) and bool(re.match(r"\s*[,)]", text[fig.end :]))
    return bool(_AGE.search(before)) or bool(person) or at_age


# "À 46 ans, ce père de famille …", "il a arrêté à 70 ans, épuisé": "à" and the age, then a
# comma; a sentence ("condamné à 5 ans de prison") goes on after the figure.
_AT_AGE = re.compile(r"(?:^|[\s(])[àÀ]\s+$")


def side_duration(text: str, fig: Figure) -> bool:
    """A duration of no consequence: one half of "1 heure 48 minutes" (the blank would split it),
    a tenure told in passing ("Karim, qui travaille ici depuis 5 ans", "15 ans de métier"), or
    how long ago the news came ("révélée il y a deux jours")."""
    if fig.kind != "duration":
        return False
    if _MORE_MINUTES.match(text, fig.end) or _CAREER.match(text, fig.end):
        return True  # "1 heure 48 minutes", "15 ans de métier"
    before = text[max(0, fig.start - 80) : fig.start]
    if _HOURS_BEFORE.search(before) and (fig.unit or "").startswith("min"):
        return True  # the minutes of "1 heure 48 minutes"
    if _AGO.search(before) and fig.unit in _SHORT_UNITS:
        return True  # "il y a deux jours": the day the news came, no fact to learn
    return bool(re.search(r"\bdepuis\s+$", before)) and bool(re.search(r",\s*qui\s[^,.;:]*$", before))


_HOURS_BEFORE = re.compile(r"\b\d+\s*(?:h|heures?)\s*(?:et\s+)?$", re.IGNORECASE)
_AGO = re.compile(
    r"\bil\s+y\s+a\s+(?:(?:déjà|seulement|à\s+peine|tout\s+juste|plus\s+de|moins\s+de)\s+)?$", re.IGNORECASE
)
_SHORT_UNITS = frozenset({"minutes", "minute", "heures", "heure", "jours", "jour", "semaines", "semaine"})


_DISTANCES = frozenset({"kilomètres", "km", "mètres", "m", "miles"})
_LOCATING = re.compile(r"\bà\s+(?:(?:plus|moins)\s+de\s+|environ\s+|quelque\s+|une\s+)?$", re.IGNORECASE)
_FROM_A_PLACE = re.compile(r"\s+(?:de\s+(?:la\s+|l['’]\s*)?|du\s+|des\s+|d['’]\s*)\w")


def scenery_figure(text: str, fig: Figure, title: str, names: list[str]) -> bool:
    """A figure that sets the scene: the population of the place ("un village de 800 habitants",
    "Meymac, 2 455 habitants") or how far it lies from another ("à 30 kilomètres de Strasbourg",
    "à 200 mètres de la caserne"), unless the headline is about it; how long a person named in the
    sentence has done something ("Daniel achète son pain ici depuis 25 ans")."""
    if (fig.unit or "").startswith("habitant"):
        return "habitant" not in title.lower()
    far = (fig.unit or "") in _DISTANCES and _LOCATING.search(text[max(0, fig.start - 30) : fig.start])
    if far and _FROM_A_PLACE.match(text, fig.end):
        return fig.text not in title  # "une ville à 30 kilomètres de Strasbourg": where it is
    if fig.kind != "duration" or fig.unit not in ("ans", "années"):
        return False
    before = text[max(0, fig.start - 120) : fig.start]
    if not re.search(r"\bdepuis\s+(?:déjà\s+|plus\s+de\s+|près\s+de\s+)?$", before, re.IGNORECASE):
        return False
    clause = re.split(r"[.!?;:«»]", before)[-1]
    return any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", clause) for n in names)


_BETWEEN_EVENTS = re.compile(
    r"\s*(?:plus\s+)?(?:après|avant|plus\s+tard|plus\s+tôt|auparavant)\b", re.IGNORECASE
)


def between_events(text: str, fig: Figure) -> bool:
    """The time between two events ("organisée deux jours après la signature", "trois mois plus
    tard"): no fact."""
    return fig.kind == "duration" and bool(_BETWEEN_EVENTS.match(text, fig.end))


# A verb in the future tense is a lower-case word in -ra/-ront ("aura", "seront"), not a name
# ("Sandra") nor one of these nouns.
_NOT_FUTURE = r"(?:opé|camé|ext|ult|cho?lé|cob|mant|sier|tia|aff|f)r(?:a|ont)\b"
_FUTURE = re.compile(
    r"\b(?:prochaine?s?|prévue?s?|doi(?:t|vent)|(?:pourr|devr)(?:ai[te]n?t?|ont|a)|à\s+partir\s+d[ue]|dès\s+l[ea]|jusqu['’]\s*(?:au|à)|d['’]ici|"
    r"à\s+compter\s+d[ue]|(?-i:(?!" + _NOT_FUTURE + r")[a-zàâçéèêëîïôûù]{2,}(?:ra|ront)))\b",
    re.IGNORECASE,
)
# Where the clause of a date starts: what comes before a comma, a semicolon, a colon, "qui",
# "que" belongs to another clause ("Paul Roy, qui sera candidat, a annoncé samedi ...").
_CLAUSE_START = re.compile(r"(?:[,;:]|\b(?:qui|que)\b|\bqu['’])", re.IGNORECASE)


def _future_near(before: str, after: str) -> bool:
    """A future word in the date's clause before it ("prévue le 3 juin", not a verb of another
    clause) or the word right after it ("le 3 juin prochain")."""
    return bool(_FUTURE.search(_clause_before(before) + " " + " ".join(after.split()[:1])))


def _clause_before(before: str) -> str:
    """The last 60 characters of `before`, from the last clause boundary on."""
    near = before[-60:]
    cuts = [m.end() for m in _CLAUSE_START.finditer(near)]
    return near[cuts[-1] :] if cuts else near


_DAY_OR_MONTH = re.compile(
    r"\b(?:\d{1,2}(?:er)?\s+)?(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|"
    r"octobre|novembre|décembre|decembre)\b",
    re.IGNORECASE,
)


def to_come(text: str, fig: Figure) -> bool:
    """A date of what is to come ("aura lieu samedi 14 juin", "le 3 juin prochain"): a fact to
    ask, even written as the day of the news is."""
    return _future_near(text[: fig.start], text[fig.end :])


def side_date(fig: Figure, sentence: str, before: str, dates: int, lead: bool) -> bool:
    """A date of no consequence: the day or month of a past episode ("en février", "le 26 mars")
    later than the lead (`before`: the sentence up to it); any date of a sentence that lists
    several (a timeline). A year alone ("en 1989"), what is to come ("le 25 mars prochain",
    "prévue le 3 juin") and a state since ("depuis le 4 juin") are facts."""
    since = re.search(r"\bdepuis\s+(?:l[ea]\s+)?$", before, re.I)
    if fig.kind != "date" or since or _future_near(before, sentence[len(before) + len(fig.text) :]):
        return False
    return dates >= 2 or (not lead and bool(_DAY_OR_MONTH.search(fig.text)))


_BOUND = re.compile(r"\b(?:plus|moins)\s+d['’e]\s*$|\bau\s+(?:moins|plus)\s+$", re.IGNORECASE)


def a_bound(text: str, fig: Figure) -> bool:
    """ "plus de 80 tracteurs", "au moins 7 000 patients": a bound, not a rough figure (no
    tolerance around it: 72 is no answer to "plus de 80")."""
    return bool(_BOUND.search(text[max(0, fig.start - 20) : fig.start]))


def listed_after(text: str, fig: Figure) -> bool:
    """A count whose items the sentence lists after a colon ("Trois régions sont entrées en phase
    pré-épidémique : A, B et C"): counting them gives the answer away."""
    rest = re.split(r"[.!?]\s", text[fig.end : fig.end + 400], maxsplit=1)[0]
    m = re.search(r":\s*([^;:]+)", rest)
    if fig.kind != "count" or fig.value is None or m is None:
        return False
    items = [i for i in re.split(r",|\bet\b", m[1]) if i.strip()]
    return len(items) >= 2 and len(items) == fig.value


def clock_like(text: str, fig: Figure) -> bool:
    """'à partir de 18 heures': a time of day, not a duration."""
    return fig.unit == "heures" and bool(_CLOCK_BEFORE.search(text[max(0, fig.start - 20) : fig.start]))


@lru_cache(maxsize=256)  # asked of every candidate, by several rules, on the whole text
def a_firm(text: str, name: str) -> bool:
    """A "person" the article writes as a firm, a band or a place named after someone: "l'usine
    Saunier Duval", "le leader de Louise Attaque", "le cinéma Simone Signoret" (a wrong choice of
    another kind, ruled out at a glance)."""
    rx = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    for m in rx.finditer(text):
        before = text[max(0, m.start() - 80) : m.start()]
        firm = _FIRM_BEFORE.search(before)
        title = _TITLE_OF.search(before[: firm.start()]) if firm else None
        if firm and not (title and title.group(1).lower() in ROLE_NOUNS):
            return True  # "l'usine X"; but "le président du groupe X" is a title and a name
    return False


# Where the article got it from: "selon l'AFP", "a-t-on appris auprès de la préfecture", "a
# affirmé l'agence" (a speech verb then its subject), "au micro de", "invitée de", "dans un
# communiqué de", "(AFP)". Asking which source said it is trivia. Each form ends right before
# the span: a word like "auprès" or "communiqué" elsewhere in the clause is no source.
_DE = r"(?:de\s+|du\s+|des\s+|d['’])(?:la\s+|le\s+|les\s+|l['’])?"
_SOURCE_BEFORE = re.compile(
    r"(?:\b(?:selon|d['’]après)(?:\s+[^\s,;:.!?()«»]+){0,5}"
    r"|\b(?:appris|apprend|indiqu[ée]|pr[ée]cis[ée]|confirm[ée])(?:-t-on)?\s+"
    r"(?:[^\s,;:.!?]+\s+){0,3}?auprès\s+"
    + _DE
    + r"|\b(?:au\s+micro|à\s+l['’]antenne|sur\s+l['’]antenne|sur\s+le\s+plateau|dans\s+les\s+colonnes|"
    r"communiqué|conférence\s+de\s+presse)\s+"
    + _DE
    + r"|\binvitée?s?\s+(?:[^\s,;:.!?]+\s+){0,3}?"
    + _DE
    + r"|\binterrogée?s?\s+par\s+(?:la\s+|le\s+|les\s+|l['’])?"
    r"|\b(?:rapport|indiqu|pr[ée]cis|affirm|expliqu|d[ée]clar|confi)(?:e|é|ait)"
    r"(?:-t-(?:il|elle|on))?\s+(?:à\s+\S+\s+)?(?:à\s+|au\s+)?(?:le|la|les|l['’])?"
    r"|\b(?:dit|déclaré|expliqué|confié|raconté|indiqué|précisé|assuré|affirmé|souligné|annoncé|"
    r"ajouté|répondu)(?:-t-(?:il|elle|on))?\s+(?:à|au|aux)\s+(?:la\s+|le\s+|les\s+|l['’]\s*)?)\s*$",
    re.IGNORECASE,
)


def a_source(text: str, x: int, y: int) -> bool:
    """The span [x, y) names where the article got its facts: after "selon", "d'après", "a-t-on
    appris", right after a speech verb ("a affirmé [l'agence]"), or alone in brackets ("(AFP)")."""
    before = text[max(0, x - 80) : x]
    if before.endswith("(") and text[y : y + 1] == ")":
        return True
    return bool(_SOURCE_BEFORE.search(before))


_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def past_year(text: str, fig: Figure) -> bool:
    """A year alone, not one to come ("L'édition 2018", "depuis 1994", "le gel 2017"): the
    background of the story; a blind teacher-reader dropped every cloze on one."""
    return fig.kind == "date" and bool(_YEAR.fullmatch(fig.text.strip())) and not to_come(text, fig)


# "le tribunal correctionnel de Nîmes", "la cour d'appel de Douai", "le parquet de Pau": which
# court of which town heard the case is a side detail; the verdict is the news.
_COURT = re.compile(
    r"\b(?:tribunal|tribunaux|cour|parquet)(?:\s+(?:correctionnel|administratif|judiciaire|de\s+commerce|"
    r"de\s+police|pour\s+enfants|d['’]appel|d['’]assises|criminelle|des\s+prud['’]hommes))?"
    r"\s+(?:de\s+|d['’]|du\s+)?$",
    re.IGNORECASE,
)


def a_court(text: str, x: int, y: int) -> bool:
    """The gap [x, y) is a court by its town, or the town of one: "le [tribunal correctionnel
    d'Alençon]", "le tribunal de commerce d'[Orléans]"."""
    if re.match(r"(?:le\s+|la\s+|l['’]\s*)?(?:tribunal|cour|parquet)\b", text[x:y], re.IGNORECASE):
        return True
    return bool(_COURT.search(text[max(0, x - 60) : x]))


def in_title(title: str | None, fig: Figure) -> bool:
    """A figure the headline gives ("3 jours pour …"): the bank's title, shown with every question."""
    return bool(title) and fold_answer(fig.text) in fold_answer(title or "")

