"""A true/false statement is a claim about the article, not a quotation of it.

The rules build a statement as the article's words between « » ("D’après l’article : « Une
bergerie a été attaquée à trois reprises. »"), the form every readability check reads. Shown to
a student, those marks say the article wrote it, which a false statement never did: a reader
takes the swapped sentence for a quotation. The last step of the draft writes each statement as
a claim: "D’après l’article, une bergerie a été attaquée à trois reprises." The first word keeps
its capital only when it is a name (one the model found, or a word the article also writes with
a capital inside a sentence), a title ("Mme") or an acronym. Someone's words inside the sentence
keep their own marks.
"""

from __future__ import annotations

import re
from typing import Any

from .lexicon import TITLES

QUOTED = "D’après l’article : « "
CLAIM = "D’après l’article, "
_ELIDED = re.compile(r"^\[?[A-ZÀ-Ý][’']")  # "L’éleveur", "D’abord", "Qu’il"
_FIRST_WORD = re.compile(r"^\[?([\w-]+)")


def as_claim(statement: str, article: str, names: set[str]) -> str:
    """`statement` ("D’après l’article : « X »") as a claim ("D’après l’article, x"); unchanged
    when it is not of that form or when X is cut at its start ("« … x »": no sentence to write).
    `names` are the words that open a name the model found in the article."""
    if not statement.startswith(QUOTED) or not statement.endswith(" »"):
        return statement
    said = statement[len(QUOTED) : -2].strip()
    if not said or said.startswith("…") or said.count("«") != said.count("»"):
        return statement
    return CLAIM + _lowered(said, article, names)


def _lowered(said: str, article: str, names: set[str]) -> str:
    """The sentence with its first letter in lower case, unless its first word is a name."""
    bracket = "[" if said.startswith("[") else ""
    body = said[len(bracket) :]
    if _ELIDED.match(said):
        return bracket + body[:1].lower() + body[1:]
    m = _FIRST_WORD.match(said)
    word = m[1] if m else ""
    if not word[:1].isupper() or (len(word) > 1 and word.isupper()) or word in names:
        return said
    if word.lower() in TITLES or re.search(rf"[a-zà-ÿ0-9,;:][ \u00a0]+{re.escape(word)}(?![\w’'-])", article):
        return said  # "Mme Trump", "… à Bordeaux": a capital the word keeps inside a sentence
    return bracket + body[:1].lower() + body[1:]


def claims(questions: list[dict[str, Any]], article: str, ner: list[tuple[int, int, str]]) -> None:
    """Every true/false statement of the draft written as a claim, in place."""
    names = {m[1] for x, y, _label in ner if (m := _FIRST_WORD.match(article[x:y]))}
    for q in questions:
        if q.get("type") == "true_false" and isinstance(q.get("statement"), str):
            q["statement"] = as_claim(q["statement"], article, names)
