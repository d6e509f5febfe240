"""News agencies: "« … », rapporte l'AFP" names who reports the words, not who said them."""

from __future__ import annotations

import re

from ..text import strip_accents

NEWS_AGENCIES = frozenset(
    "afp,reuters,ap,associated press,belga,ansa,tass,ria novosti,xinhua,dpa,efe,bloomberg,kyodo,anadolu,"
    "interfax,ats,apa,france-presse,france presse".split(",")
)


def news_agency(name: str) -> bool:
    """Whether `name` is a news agency ('l'AFP', 'Reuters', 'l'agence Belga')."""
    words = re.sub(r"[^\w-]+", " ", strip_accents(name.lower())).split()
    while words[:1] and words[0] in ("l", "le", "la", "agence"):
        words = words[1:]
    return " ".join(words) in NEWS_AGENCIES or " ".join(words[:2]) in NEWS_AGENCIES
