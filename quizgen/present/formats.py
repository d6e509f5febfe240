"""Figures and dates as a language writes them (Babel, CLDR data).

The one formatter for what a question shows: a card, a platform export and
the site's question page write the same figure the same way in the same
language ("0,005" in French, never "0" or "0.005").
"""

from __future__ import annotations

from datetime import date
from functools import cache, lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal

from .catalog import N_, label

#: Quotation marks and the colon, as the language writes them (translators: French
#: puts no-break spaces inside « » and before the colon).
QUOTED, COLON = N_("“%(quote)s”"), N_("%(label)s:")


@cache
def locale_for(language: str) -> Locale:
    """Babel's locale for a bank's language (English when Babel does not know it)."""
    try:
        return Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


@lru_cache(maxsize=4096)
def figure(value: float, language: str) -> str:
    """A figure of a question, every decimal kept: 0.005 → "0,005", 175000 → "175 000" in French."""
    # decimal_quantization=False: Babel would otherwise round 3.14159 to 3.142 (and the
    # site's old "#,##0.##" pattern wrote a tolerance of 0.005 as "0").
    return format_decimal(value, locale=locale_for(language), decimal_quantization=False)


def long_date(value: date, language: str) -> str:
    """7 December 2021 → "7 décembre 2021" in French."""
    return format_date(value, "long", locale=locale_for(language))


def quoted(text: str, language: str) -> str:
    """`text` between the language's quotation marks: « text » (no-break spaces) in French."""
    return label(QUOTED, language, quote=text)


def with_colon(text: str, language: str) -> str:
    """"Source" → "Source :" (a no-break space before the colon in French)."""
    return label(COLON, language, label=text)
