"""A fake drafter for the fast tests of the teacher area's drafting (no spaCy):
it "drafts" the test bank's questions when given the test bank's article."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from quizgen import load_bank
from quizgen.draft.bank import SourceInfo
from quizgen.errors import QuizgenError
from web.drafter import Drafted

DATA = Path(__file__).parent / "data"
ARTICLE = (DATA / "sources" / "sommet.txt").read_text(encoding="utf-8")
#: The questions the fake marks `review: true` (the drafter was unsure).
UNSURE = ("bienvenue", "duree")


class FakeDrafter:
    def __init__(self, unavailable: str | None = None):
        self._unavailable = unavailable
        self.calls: list[tuple[str, SourceInfo]] = []

    def unavailable(self) -> str | None:
        return self._unavailable

    def draft(self, text: str, info: SourceInfo, today: date | None = None) -> Drafted:
        self.calls.append((text, info))
        if "sommet" not in text.casefold() and "Biden" not in text:
            raise QuizgenError("found nothing to ask about (no quotation with a speaker, figure, list of people or role)")
        bank: dict[str, Any] = load_bank(DATA / "classe.yaml").to_data()
        for q in bank["questions"]:
            q["draft"] = True
            q["review"] = q["id"] in UNSURE
        source = bank["sources"][0]
        source["title"] = bank["title"] = info.title or text.strip().splitlines()[0][:80]
        source["outlet"] = info.outlet or "inconnu"
        if info.published:
            source["published"] = bank["as_of"] = info.published.isoformat()
        if info.url:
            source["url"] = info.url
        return Drafted(bank, text, ["résumé : extrait des premières phrases, à réécrire avec vos mots"])
