"""The patterns the attribution rules read with: speech verbs after and before a quotation,
'selon X', chains of quotations, labels."""

from __future__ import annotations

import re
from functools import cache

from .lexicon import (
    AUXILIARIES,
    INVERTED_PRONOUN,
    SPEECH_NOUNS,
    VERB_ADVERBS,
    speech_verb_pattern,
)

_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées")
_IRREGULAR_PARTICIPLES = frozenset(
    """
    dite dits écrite décrite reconnu reconnue admis admise promis promise répondu soutenu prévenu conclu
    cru poursuivi averti avertie réagi démenti maintenu écrié défendu défendue réjoui réjouie réjouis
    souri requis
""".split()
)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    form = speech_verb_pattern()
    vg = (
        rf"(?:(?P<aux>{AUXILIARIES})(?P<inv1>{INVERTED_PRONOUN})?\s+(?:(?:{VERB_ADVERBS}|pas|plus|jamais)\s+)*)?"
        rf"(?:s'|se\s+)?(?P<verb>{form})(?P<inv2>{INVERTED_PRONOUN})?(?![\w-])"
    )
    return {
        # "« … », nous explique X", "« … », lui a répondu X", "« … », l'interroge X": an object
        # pronoun before the verb.
        "post": re.compile(
            rf"^[\s,;]*(?:[-–—]\s*)?(?i:(?:nous|vous|lui|leur|me|le|la|les)\s+|[ml]')?(?i:{vg})"
        ),
        # "X l'assure :", "X l'a dit :": an elided object pronoun glued to the verb or its auxiliary.
        "pre": re.compile(rf"(?:(?<=\b[lL]')|(?<=\b[nN]'[lL]')|(?<![\w'-]))(?i:(?:(?:ne|n')\s*)?{vg})"),
        "selon_after": re.compile(
            r"^[\s,;]*(?:[-–—]\s*)?(?i:(?:toujours|encore|notamment|a\s+priori)\s+)?"
            r"(?i:(?:selon|d'après|rapporte|rapportent|cité(?:e|s)?\s+par|relayée?s?\s+par)\s+"
            # "« … », peut-on lire dans un communiqué de X", "« … », a-t-on appris auprès de X"
            r"|peut-on\s+lire\s+(?:dans|sur)\s+|(?:a-t-on|avons-nous|apprend-on)\s+(?:appris\s+)?auprès\s+"
            r"(?:de\s+|d')"
            # "« … », indique-t-on à la préfecture", "« … », assure-t-on dans l'entourage de X"
            r"|(?:a-t-on\s+)?[a-zéèêëàâîïôûç]{3,}(?:-t)?-on\s+(?:à|au|aux|chez|dans|auprès\s+d[eu]|du\s+côté\s+d[eu])\s+)"
        ),
        "selon_anywhere": re.compile(
            r",\s*(?i:(?:toujours|encore|notamment)\s+)?(?i:selon|d'après)\s+(?=[^,]*[.!?]?\s*$)"
        ),
        # "Selon X", "Aux yeux de X", "De l'avis de X", "Pour reprendre les mots de X", "Pour X"
        "selon_start": re.compile(
            r"^\s*(?i:selon|d'après|à\s+en\s+croire|aux\s+yeux\s+d[e']|de\s+l'avis\s+d[e']|"
            r"pour\s+reprendre\s+les\s+(?:mots|termes)\s+d[e']|pour)\s*(?<=['\s])"
        ),
        # "Comme l'explique X, « … »", "Comme le souligne X, …"
        "as_says": re.compile(rf"^\s*(?i:comme)\s+(?i:l'|le\s+)?(?:(?i:a|l'a)\s+)?(?i:{form})\s+"),
        # "« … », comme l'a décrit une habitante", "« … » comme le dit X": the same, after the words.
        "as_says_after": re.compile(
            rf"^[\s,;]*(?i:comme)\s+(?i:l'|le\s+)?(?:(?i:a|avait|l'a|l'avait)\s+)?(?i:{form})\s+(?!que\b|qu')"
        ),
        # "« … » : c'est en ces termes que X a conclu"
        "these_words_after": re.compile(
            r"^\s*[:,–—-]?\s*(?i:c'est|ce\s+sont)\s+(?:en|par|avec|sur)\s+ces\s+(?:mots|termes|propos|paroles)"
            r"\s+(?:que|qu')\s*"
        ),
        "speech_noun": re.compile(
            rf"^[\s,;]*(?i:(?:ont|a|avaient|avait|sont|étaient|furent|fut|seront|auraient)\s+été\s+"
            rf"(?:les|la|le|l')\s*(?:\w+\s+)?{SPEECH_NOUNS}\s+)(?=d[eu]s?\b|d')"
        ),
        "agency": re.compile(r"^\s*[-–—(]\s*(?P<name>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3})\s*\)?\s*\.?\s*$"),
        # "« … » et « … »", "« … », grâce à « … »", "« … », voire d'« … »": fragments of one clause.
        "chain": re.compile(
            r"^[\s,;]*(?:(?i:et|puis|ou|mais|voire|ni|grâce|avec|sans|pour|par|dans|sur|comme|surtout|notamment"
            r"|même|aussi|non|pas|plus|seulement|à|au|aux|de|du|des|le|la|les|un|une)\s+|(?i:d|l|qu)['’]\s*){0,4}"
            r"[«“\"]"
        ),
        "intro": re.compile(r"[:–—-]\s*$"),
        "but_that": re.compile(r"\b(?:mais|et|ou)\s+(?:que|qu')", re.IGNORECASE),
    }


def _needs_aux(verb: str) -> bool:
    v = verb.lower()
    return v.endswith(_PARTICIPLE_ENDINGS) or v in _IRREGULAR_PARTICIPLES
