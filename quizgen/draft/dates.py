"""Dates in French prose: '7 décembre 2021', 'mercredi 1er décembre', 'juin 2022', '8.12.2021'.

Both the cleaner (a "Publié le …" line) and the figure finder read dates; this
module imports neither, so neither imports the other.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
}
_WEEKDAYS = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
#: A day of the week named in a text ("samedi", "Ce mercredi").
WEEKDAY = re.compile(rf"\b{_WEEKDAYS}\b", re.IGNORECASE)
_MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
#: A number starts a word (not F-35, G20, 8.12) and ends one: for years here, for figures too.
NUMBER_START = r"(?<![\w\-/.,])"
NUMBER_END = r"(?![\w\-/]|[.,]\d)"
_B, _E = NUMBER_START, NUMBER_END

DATE = re.compile(
    rf"\b(?:{_WEEKDAYS}\s+)?(?P<d>1er|[12]?\d|3[01])\s+(?P<month>{_MONTH_RE})(?:\s+(?P<y>(?:19|20)\d\d))?\b"
    rf"|\b(?P<month2>{_MONTH_RE})\s+(?P<y2>(?:19|20)\d\d)\b"
    rf"|{_B}(?P<y3>(?:19|20)\d\d){_E}",
    re.IGNORECASE,
)
# A month alone, where a cue says it is a time ("fin mai", "en août", "juin dernier", "au mois de
# mars"): not "Mars" the planet, not the "mai" of "2 mai" (DATE reads that one), no year after.
MONTH_ONLY = re.compile(
    rf"(?:(?P<cue>\b(?i:fin|début|mi-|courant)\s*)|(?<=\b(?i:en) )|(?<=\b(?i:depuis) )|(?<=\b(?i:dès) )"
    rf"|(?<=\bmois de ))(?<![\d\s]\d )(?<!1er )(?P<month>{_MONTH_RE})\b(?!\s+(?:19|20)\d\d)"
    rf"(?:\s+(?P<rel>derni(?:er|ère)|prochain))?"
    rf"|(?<![\d\s]\d )(?<!\d\d )(?<!1er )\b(?P<month2>{_MONTH_RE})\s+(?P<rel2>dernier|prochain)\b"
)
NUMERIC_DATE = re.compile(r"\b(?P<d>[0-3]?\d)[./](?P<m>[01]?\d)[./](?P<y>(?:19|20)\d\d)\b")
ISO_DATE = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)\b")


def parse_date(text: str) -> date | None:
    """'8.12.2021', '2021-12-08', '8 décembre 2021', 'mercredi 1er décembre 2021' → a date."""
    s = text.strip().lower()  # \s also matches the non-breaking spaces of French typography
    for rx in (ISO_DATE, NUMERIC_DATE):
        m = rx.search(s)
        if m:
            try:
                return date(int(m["y"]), int(m["m"]), int(m["d"]))
            except ValueError:
                return None
    m = DATE.search(s)
    if m and m["d"] and m["y"]:
        day = 1 if m["d"] == "1er" else int(m["d"])
        try:
            return date(int(m["y"]), MONTHS[m["month"]], day)
        except ValueError:
            return None
    return None


def news_day(written: str) -> bool:
    """ "samedi 7 décembre", "ce mercredi 24 janvier": a weekday and no year, the day the story
    happened (a detail a teacher does not ask); "le 30 juin 2022", "en 2014" are facts."""
    return bool(WEEKDAY.search(written)) and not re.search(r"\b\d{4}\b", written)
