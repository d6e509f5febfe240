"""Speakers pointed at by a relative clause that holds the quotation:
`…, notamment Paul Roy, médecin à Lyon, selon qui « … »`, `…, pour qui « … »`,
`…, d'après qui « … »` — the person the relative pronoun stands for, named just before it,
not the subject of the sentence (`Plusieurs médecins s'inquiètent, notamment …`)."""

from __future__ import annotations

import re

from .quotes import MASK, QuoteSpan
from .reader import Reader
from .speakers import Speaker

Found = tuple[Speaker | None, str, bool]

# ", selon qui « … »", ", pour qui il faut « … »": the relative clause that holds the quotation.
_ACCORDING_TO_WHOM = re.compile(r",\s*(?i:selon|pour|d'après|d’après)\s+qui\b(?P<clause>[^.;!?:]*)$")


class Relatives(Reader):
    """The speaker of a quotation in a relative clause on the person named before it."""

    def according_to_whom(self, si: int, q: QuoteSpan) -> Found | None:
        s = self.sentences[si]
        before = self._masked[si][: max(q.open - s.start, 0)]
        mm = _ACCORDING_TO_WHOM.search(before)
        if mm is None or MASK in mm["clause"]:
            return None
        at = s.start + mm.start()
        sp = self._nearest_person_before(si, at)
        if sp is None:
            return None
        # Someone else named before the antecedent may be the one the clause is about: to check.
        others = {p.key for p in self._people_named(si, at)} - {sp.key}
        if others:
            self.extra.setdefault(q.open, {})["why"] = (
                f"« selon qui » rattaché à {sp.name}, la personne nommée juste avant"
            )
        return sp, "selon", bool(others)
