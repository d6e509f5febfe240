"""Finding a question's evidence passage in its source article."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from rapidfuzz import fuzz

from .text import normalize, normalize_with_map


@dataclass
class Passage:
    """A stretch of the original article text."""

    text: str
    line: int


class SourceText:
    """An article prepared for evidence look-ups (normalised once, searched many times)."""

    def __init__(self, text: str):
        self.text = text

    @cached_property
    def _searchable(self) -> str:
        return normalize(self.text)

    @cached_property
    def _normalised(self) -> tuple[str, list[int]]:
        # Only needed to quote the closest passage when a check fails.
        return normalize_with_map(self.text)

    def contains(self, passage: str) -> bool:
        """True if `passage` appears in the article, typography and case aside."""
        needle = normalize(passage)
        return bool(needle) and needle in self._searchable

    def closest(self, passage: str, *, context: int = 0) -> Passage | None:
        """The stretch of the article most like `passage`, in the article's own words."""
        needle = normalize(passage)
        haystack, index = self._normalised
        if not needle or not haystack:
            return None
        if len(needle) >= len(haystack):
            start, end = 0, len(haystack)
        else:
            found = fuzz.partial_ratio_alignment(needle, haystack)
            if found is None or found.score < 40:
                return None
            start, end = found.dest_start, found.dest_end
        start = max(0, start - context)
        end = min(len(haystack), end + context)
        first = index[start]
        last = index[end - 1] + 1
        # Widen to whole words so the teacher sees the passage as written.
        while first > 0 and self.text[first - 1].isalnum():
            first -= 1
        while last < len(self.text) and self.text[last].isalnum():
            last += 1
        return Passage(self.text[first:last].strip(), self.text.count("\n", 0, first) + 1)
