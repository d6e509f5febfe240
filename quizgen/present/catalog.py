"""The library's gettext catalogue: the labels a question is shown with.

Cards, platform exports and the site's question pages all take these labels
from here, in the language they ask for (a card in its bank's language, a
page in the reader's), so one string is translated once. Message ids are
English; the French is in quizgen/translations/fr/LC_MESSAGES/quizgen.po, and
the compiled .mo is committed beside it (a test checks they agree). After
changing a label, from the repository root:

    pybabel extract -F quizgen/babel.cfg -k N_ --no-location --sort-output \
        -o quizgen/translations/quizgen.pot quizgen
    pybabel update -D quizgen -i quizgen/translations/quizgen.pot -d quizgen/translations
    pybabel compile -D quizgen -d quizgen/translations
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from babel.support import NullTranslations, Translations

DOMAIN = "quizgen"
#: Where the catalogue lives (a gettext tree: <language>/LC_MESSAGES/quizgen.mo).
DIRECTORY = Path(__file__).resolve().parent.parent / "translations"
#: English is the message ids themselves; other languages have a catalogue.
SOURCE_LANGUAGE = "en"


def N_(message: str) -> str:
    """Marks `message` for extraction; it is translated where it is shown (label)."""
    return message


@cache
def languages() -> tuple[str, ...]:
    """The languages labels exist in: English, then every catalogue's."""
    found = sorted(p.parent.parent.name for p in DIRECTORY.glob(f"*/LC_MESSAGES/{DOMAIN}.mo"))
    return (SOURCE_LANGUAGE, *(code for code in found if code != SOURCE_LANGUAGE))


def label_language(language: str) -> str:
    """The language labels are shown in for `language`: itself if it has a catalogue, else English."""
    return language if language in languages() else SOURCE_LANGUAGE


@cache
def translations(language: str) -> NullTranslations:
    """Babel's translations of the library's labels into `language` (the
    message ids themselves for English or a language without a catalogue)."""
    if label_language(language) == SOURCE_LANGUAGE:
        return NullTranslations()
    return Translations.load(str(DIRECTORY), [language], DOMAIN)


def label(message: str, language: str, **values: Any) -> str:
    """`message` (an English id marked with N_) in `language`, its %(name)s filled in from `values`."""
    text = translations(language).gettext(message)
    return text % values if values else text
