"""Figures in French prose: durations, counts, clock times, dates.

"deux heures et cinq minutes" → 125 minutes, "30 nouveaux chars" → 30 chars,
"une trentaine de diplomates" → about 30, "18h00" → a clock time,
"7 décembre 2021" → a date (dates.py reads dates). Numbers may be digits (1 500, 1,5) or words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .clean import plain
from .dates import DATE as _DATE
from .dates import ISO_DATE as _ISO_DATE
from .dates import MONTH_ONLY, MONTHS, NUMBER_END, NUMBER_START
from .dates import NUMERIC_DATE as _NUMERIC_DATE

_UNITS = {
    "zéro": 0,
    "un": 1,
    "une": 1,
    "deux": 2,
    "trois": 3,
    "quatre": 4,
    "cinq": 5,
    "six": 6,
    "sept": 7,
    "huit": 8,
    "neuf": 9,
    "dix": 10,
    "onze": 11,
    "douze": 12,
    "treize": 13,
    "quatorze": 14,
    "quinze": 15,
    "seize": 16,
    "vingt": 20,
    "vingts": 20,
    "trente": 30,
    "quarante": 40,
    "cinquante": 50,
    "soixante": 60,
}
_SCALES = {
    "cent": 100,
    "cents": 100,
    "mille": 1000,
    "million": 10**6,
    "millions": 10**6,
    "milliard": 10**9,
    "milliards": 10**9,
}
_APPROX_NOUNS = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
    "centaine": 100,
    "millier": 1000,
}
_NUMBER_WORD = "|".join(sorted([*_UNITS, *_SCALES], key=len, reverse=True))
_WORD_NUMBER = rf"(?:(?:{_NUMBER_WORD})(?:(?:-|\s+)(?:et(?:-|\s+))?(?:{_NUMBER_WORD}))*)"
_DIGITS = r"(?:\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?!\d)|\d+(?:,\d+)?)"
_NUMBER = rf"(?:{_DIGITS}(?:\s+(?:millions?|milliards?))?|{_WORD_NUMBER})"

_TIME_UNITS = {
    "seconde": "secondes",
    "secondes": "secondes",
    "minute": "minutes",
    "minutes": "minutes",
    "heure": "heures",
    "heures": "heures",
    "jour": "jours",
    "jours": "jours",
    "semaine": "semaines",
    "semaines": "semaines",
    "mois": "mois",
    "an": "ans",
    "ans": "ans",
    "année": "années",
    "années": "années",
}
_TIME_UNIT_RE = "|".join(sorted(_TIME_UNITS, key=len, reverse=True))
_IN_MINUTES = {"heures": 60, "minutes": 1, "secondes": 1 / 60}

_B, _E = NUMBER_START, NUMBER_END

_DURATION = re.compile(
    rf"{_B}(?P<n1>{_NUMBER})\s+(?:(?:prochaine?s|derni[eè]re?s|longue?s|petite?s|bonne?s)\s+)?"
    rf"(?P<u1>{_TIME_UNIT_RE}){_E}"
    rf"(?:\s+et\s+(?P<n2>{_NUMBER})\s+(?P<u2>{_TIME_UNIT_RE}){_E})?",
    re.IGNORECASE,
)
# A time achieved, not a time of day: "2 h 21 min 47 s", "1 h 05 min".
# "2h 28 minutes et 40 secondes" too.
_RACE_TIME = re.compile(
    rf"{_B}\d{{1,2}}\s?h\s?\d{{1,2}}\s?(?:minutes?|min|mn|')(?!\w)"
    rf"(?:\s?(?:et\s+)?\d{{1,2}}\s?(?:secondes?|s|''|\")(?!\w))?"
)
_CLOCK = re.compile(
    rf"{_B}(?P<h>[01]?\d|2[0-3])\s?(?:h|H|:)\s?(?P<m>[0-5]\d)?(?!\w)(?:\s+(?P<tz>[A-Z]{{2,4}})\b)?"
)
_CLOCK_WORDS = re.compile(rf"\bà\s+(?P<h>{_NUMBER})\s+heures?(?:\s+(?P<m>{_NUMBER}))?(?![\w])", re.IGNORECASE)
_COUNT = re.compile(
    rf"{_B}(?P<n>{_NUMBER}){_E}\s+(?:(?P<adj>nouveaux|nouvelles|autres|premiers|premières|derniers|"
    rf"dernières|prochains|prochaines|grands|grandes|petits|petites|principaux|principales|hauts|hautes|anciens|anciennes|"
    rf"jeunes|vieux|vieilles|gros|grosses|seuls|seules|immenses|énormes|vastes|longs|longues|beaux|belles|"
    rf"bons|bonnes|mauvais|mauvaises|véritables|rares|simples|courts|courtes)\s+)?(?P<noun>[a-zàâçéèêëîïôûùüÿœ'-]{{3,}})",
    re.IGNORECASE,
)
_APPROX_COUNT = re.compile(
    # "une dizaine de drapeaux" is about 10; "des dizaines de drapeaux" is no figure at all.
    rf"\b(?:une|un)\s+(?P<approx>{'|'.join(_APPROX_NOUNS)})\s+(?:de\s+|d')(?P<noun>[a-zàâçéèêëîïôûùüÿœ-]{{3,}})",
    re.IGNORECASE,
)
# A sum in words before "millions", "milliards": "deux millions d'euros".
_SMALL_WORD = rf"(?:{_WORD_NUMBER})"
# A number of millions or billions of something: "85 millions de kilomètres", "4,5 milliards d'années".
_SCALED = re.compile(
    rf"{_B}(?P<n>{_DIGITS})\s+(?P<scale>millions?|milliards?)\s+(?P<of>de\s+|d['’])(?P<noun>[a-zàâçéèêëîïôûùüÿœ-]{{3,}})",
    re.IGNORECASE,
)
# A measure with its symbol: "45 km", "1,3 t", "300 m²", "130 km/h".
_MEASURE_UNITS = {
    "km/h": "km/h",
    "km²": "kilomètres carrés",
    "km2": "kilomètres carrés",
    "m²": "mètres carrés",
    "m2": "mètres carrés",
    "km": "kilomètres",
    "kg": "kilos",
    "ha": "hectares",
    "cm": "centimètres",
    "mm": "millimètres",
    "°c": "degrés",
    "°": "degrés",
}
_MEASURE_RE = "|".join(re.escape(u) for u in sorted(_MEASURE_UNITS, key=len, reverse=True))
_MEASURE = re.compile(
    rf"{_B}(?P<n>{_DIGITS}(?:\s+(?:millions?|milliards?))?)\s?"
    rf"(?P<unit>{_MEASURE_RE})(?![\w/²])",
    re.IGNORECASE,
)
_PERCENT = re.compile(rf"{_B}(?P<n>{_DIGITS})\s?(?:%|pour\s?cent\b)", re.IGNORECASE)
_MONEY = re.compile(
    rf"{_B}(?P<n>{_DIGITS}|{_SMALL_WORD}(?=\s+(?:millions?|milliards?)))\s+(?P<scale>millions?|milliards?)?\s*(?:d'|de\s+)?(?P<cur>euros?|dollars?|roubles?|€|\$)",
    re.IGNORECASE,
)
_APPROX_BEFORE = re.compile(
    r"(?:près\s+d[e']|environ|quelque|plus\s+d[e']|moins\s+d[e']|au\s+moins|jusqu'à|presque|"
    r"approximativement|autour\s+d[e']|une\s+centaine|quasiment)\s*$",
    re.IGNORECASE,
)
_NOT_COUNT_NOUNS = frozenset(
    """
    ans an mois jours jour heures heure minutes minute secondes seconde semaines semaine années
    année et ou à de des du la le les en au aux sur pour par qui que dont ont sont était est avait
    a ne pas plus moins mille cent cents millions milliards heure pour cent euros dollars h min
    avec dans sans sous chez contre entre vers après avant depuis pendant selon mais dont où
    parmi lors jusqu autres autre seulement fois-ci ans-ci derniers premiers
    quart quarts tiers moitié
    lundi mardi mercredi jeudi vendredi samedi dimanche
""".split()
) | set(MONTHS)
_DEFINITE_BEFORE = re.compile(r"\b(?:les|des|ces|leurs|nos|vos|ses|mes|tes|aux)\s*$", re.IGNORECASE)
_RANGE_BEFORE = re.compile(rf"{_NUMBER}\s+(?:à|ou)\s*$", re.IGNORECASE)
_RANGE_AFTER = re.compile(rf"^\s*(?:à|ou|-)\s*{_NUMBER}\b", re.IGNORECASE)


_Add = Callable[..., None]  # add(kind, start, end, value, unit, approx=False)


@dataclass(frozen=True)
class Figure:
    """A figure found in the text: [start, end) is the phrase as written."""

    kind: str  # duration | count | percent | money | time | date
    start: int
    end: int
    text: str
    value: float | None
    unit: str | None
    approx: bool = False


def parse_number(words: str) -> float | None:
    """A French number in digits or words: '1 500', '1,5', 'deux cent trente', 'quatre-vingt-dix'."""
    s = plain(words).strip().lower()
    scale = 1
    m = re.match(r"^(.*?)\s+(millions?|milliards?)$", s)
    if m and re.match(rf"^{_DIGITS}$", m.group(1)):
        s, scale = m.group(1), _SCALES[m.group(2)]
    if re.fullmatch(_DIGITS, s):
        digits = re.sub(r"[ .]", "", s).replace(",", ".")
        value = float(digits)
        return value * scale
    total, current = 0, 0
    tokens = [t for t in re.split(r"[\s-]+", s) if t and t != "et"]
    if not tokens:
        return None
    previous = None
    for t in tokens:
        if t in _UNITS:
            v = _UNITS[t]
            if v == 20 and previous == "quatre":
                current += 80 - 4
            else:
                current += v
        elif t in _SCALES:
            mult = _SCALES[t]
            if mult == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * mult
                current = 0
        else:
            return None
        previous = t
    return float(total + current)


def _as_int(v: float) -> float | int:
    return int(v) if v == int(v) else round(v, 4)


def _dates_and_times(seg: str, add: _Add) -> None:
    """Dates, race times and clock times."""
    for m in _DATE.finditer(seg):
        if m["y3"] and (_RANGE_AFTER.match(seg[m.end() :]) or re.match(r"\s*(?:%|€|\$)", seg[m.end() :])):
            continue
        add("date", m.start(), m.end(), None, None)
    for rx in (_NUMERIC_DATE, _ISO_DATE, MONTH_ONLY):  # "8.12.2021", "2021-12-08", "fin mai"
        for m in rx.finditer(seg):
            add("date", m.start(), m.end(), None, None)
    for m in _RACE_TIME.finditer(seg):
        add("duration", m.start(), m.end(), None, None)
    for m in _CLOCK.finditer(seg):
        after_h = seg[m.start() : m.end()]
        if "h" not in after_h.lower() and ":" not in after_h:
            continue
        add("time", m.start(), m.end(), None, None)
    for m in _CLOCK_WORDS.finditer(seg):
        if re.search(r"jusqu'\s*$", seg[: m.start()]):
            continue  # "jusqu'à trois heures" is a duration
        add("time", m.start() + 2, m.end(), None, None)


def _durations(seg: str, add: _Add) -> None:
    """ "deux heures et cinq minutes", "six mois" (not ranges, not clock times)."""
    for m in _DURATION.finditer(seg):
        if (
            _RANGE_AFTER.match(seg[m.end() :])
            or _RANGE_BEFORE.search(seg[: m.start()])
            or (m["u1"].lower().startswith("heure") and re.search(r"(?<!jusqu')\bà\s*$", seg[: m.start()]))
        ):
            continue  # "trois à six mois" is a range; "à 18 heures" a clock time
        n1 = parse_number(m["n1"])
        if n1 is None or (n1 == 1 and m["n1"].lower() in ("un", "une") and not m["n2"]):
            continue
        u1 = _TIME_UNITS[m["u1"].lower()]
        if m["n2"]:
            n2 = parse_number(m["n2"])
            u2 = _TIME_UNITS[m["u2"].lower()]
            if n2 is not None and u1 in _IN_MINUTES and u2 in _IN_MINUTES:
                add("duration", m.start(), m.end(), n1 * _IN_MINUTES[u1] + n2 * _IN_MINUTES[u2], "minutes")
                continue
        add("duration", m.start(), m.start("u1") + len(m["u1"]), n1, u1)


def _amounts(seg: str, add: _Add) -> None:
    """Percentages and sums of money."""
    for m in _PERCENT.finditer(seg):
        add("percent", m.start(), m.end(), parse_number(m["n"]), "%")
    for m in _MONEY.finditer(seg):
        n = parse_number(m["n"])
        cur = m["cur"].lower()
        cur = {"€": "euros", "$": "dollars"}.get(cur, cur if cur.endswith("s") else cur + "s")
        unit = (
            f"{m['scale'].lower()} d'{cur}"
            if m["scale"] and cur[0] in "ae"
            else (f"{m['scale'].lower()} de {cur}" if m["scale"] else cur)
        )
        add("money", m.start(), m.end(), n, unit)


def _a_range(seg: str, a: int, b: int) -> bool:
    """ "de 3 à 5 km", "entre 100 et 200 km", "entre 2 et 6 millions de personnes": a range."""
    before = seg[:a]
    return bool(
        _RANGE_AFTER.match(seg[b:])
        or _RANGE_BEFORE.search(before)
        or re.search(rf"\bentre\s+{_NUMBER}\s*(?:{_MEASURE_RE})?\s+et\s*$", before, re.IGNORECASE)
    )


def _measures(seg: str, add: _Add) -> None:
    """ "45 km", "85 millions de kilomètres", "4,5 milliards d'années" (not ranges)."""
    for m in _MEASURE.finditer(seg):
        if _a_range(seg, m.start(), m.end()):
            continue
        add("count", m.start(), m.end(), parse_number(m["n"]), _MEASURE_UNITS[m["unit"].lower()])
    for m in _SCALED.finditer(seg):
        noun = m["noun"].lower()
        if noun in _NOT_COUNT_NOUNS - {"ans", "années"} or _a_range(seg, m.start(), m.end()):
            continue  # euros and dollars: a sum of money (_amounts)
        noun = {"ans": "années"}.get(noun, noun)
        of = "d'" if noun[:1] in "aâeéèêiîoôuh" else "de "
        add("count", m.start(), m.end(), parse_number(m["n"]), f"{m['scale'].lower()} {of}{noun}")


def _counts(seg: str, add: _Add) -> None:
    """ "30 nouveaux chars", "une trentaine de diplomates"."""
    for m in _APPROX_COUNT.finditer(seg):
        add("count", m.start(), m.end(), _APPROX_NOUNS[m["approx"].lower()], m["noun"].lower(), approx=True)
    for m in _COUNT.finditer(seg):
        noun = m["noun"].lower()
        if noun in _NOT_COUNT_NOUNS or re.match(r"[a-z]'", noun) or m["noun"][:1].isupper():
            continue  # "France 3 Bretagne": a name; "6,3 millions n'ont": a verb; "trois quarts d'heure"
        raw = m["n"]
        if raw.lower() in ("un", "une") or _DEFINITE_BEFORE.search(seg[: m.start()]):
            continue  # an article, or "les deux dirigeants": a reference, not a fact
        if _RANGE_AFTER.match(seg[m.end("n") :]) or _RANGE_BEFORE.search(seg[: m.start()]):
            continue
        if re.search(r"\b(?:tous|toutes)\s*$", seg[: m.start()], re.IGNORECASE):
            continue  # "tous deux": both, not a count
        value = parse_number(raw)
        if value is None:
            continue
        if re.fullmatch(r"(?:19|20)\d\d", raw):
            continue  # a year
        add("count", m.start(), m.end(), value, noun)


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """The figures in text[start:end] (offsets are into `text`), without overlaps."""
    end = len(text) if end is None else end
    seg = plain(text[start:end])
    found: list[Figure] = []

    def add(kind: str, a: int, b: int, value: float | None, unit: str | None, approx: bool = False) -> None:
        if not approx:
            approx = bool(_APPROX_BEFORE.search(seg[max(0, a - 30) : a]))
        found.append(
            Figure(
                kind,
                start + a,
                start + b,
                text[start + a : start + b],
                None if value is None else _as_int(value),
                unit,
                approx,
            )
        )

    for family in (_dates_and_times, _durations, _amounts, _measures, _counts):
        family(seg, add)
    return _without_overlaps(found)


_PRIORITY = {"date": 0, "time": 1, "money": 2, "percent": 3, "duration": 4, "count": 5}


def _without_overlaps(found: list[Figure]) -> list[Figure]:
    found.sort(key=lambda f: (-(f.end - f.start), _PRIORITY[f.kind], f.start))
    kept: list[Figure] = []
    for f in found:
        if all(f.end <= k.start or f.start >= k.end for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda f: f.start)
