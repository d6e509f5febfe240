"""The banks the site serves, loaded once when the app starts."""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from flask import abort, current_app

from quizgen import Bank, load_banks
from quizgen.model import AnyQuestion


@dataclass
class Entry:
    bank: Bank
    #: Questions the site may ask: drafts from the generator wait for review.
    questions: list[AnyQuestion]
    by_id: dict[str, AnyQuestion] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, bank: Bank) -> Entry:
        questions = [q for q in bank.questions if not q.draft]
        tags = sorted({t for q in questions for t in q.tags}, key=collation_key)
        outlets = list(dict.fromkeys(s.outlet for s in bank.sources))
        return cls(bank, questions, {q.id: q for q in questions}, tags, outlets)

    def select(self, *, tags: Iterable[str] = (), count: int | None = None,
               rng: random.Random | None = None) -> list[str]:
        """Question ids: those with any of `tags` (all if none), then `count` at random."""
        wanted = set(tags)
        ids = [q.id for q in self.questions if not wanted or wanted.intersection(q.tags)]
        if count is not None and count < len(ids):
            ids = (rng or random.SystemRandom()).sample(ids, count)
        return ids


def collation_key(text: str) -> tuple[str, str, str]:
    """Dictionary order for French words: "économie" between "eau" and "otan",
    not after "z" as code points would have it. Letters compare without their
    accents and case first, then accented after plain ("cote" < "côte"), then
    lower case before upper. Enough for tag lists; Babel has no collation and
    PyICU (a C++ library) would be heavy for a dozen tags per bank."""
    decomposed = unicodedata.normalize("NFD", text)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return (base.casefold(), decomposed.casefold(), text.swapcase())


class Catalog:
    def __init__(self, banks: Sequence[Bank]):
        self.entries = {b.id: Entry.of(b) for b in banks}

    @classmethod
    def load(cls, paths: Sequence[str]) -> Catalog:
        """Every bank under `paths`, through the CLI's loader (BankError if invalid)."""
        return cls(load_banks(paths))

    def __iter__(self):
        return iter(sorted(self.entries.values(), key=lambda e: (-e.bank.as_of.toordinal(), e.bank.title)))

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, bank_id: str) -> Entry | None:
        return self.entries.get(bank_id)

    def put(self, bank: Bank) -> None:
        """Serve `bank` from now on (new, or a new version of one): no restart needed."""
        self.entries[bank.id] = Entry.of(bank)


def catalog() -> Catalog:
    return current_app.extensions["quizgen_catalog"]


def entry_or_404(bank_id: str) -> Entry:
    entry = catalog().get(bank_id)
    if entry is None or not entry.questions:
        abort(404)
    return entry
