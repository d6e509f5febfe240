"""Finding a question's evidence passage in its source article."""

from __future__ import annotations

from array import array
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property

from .text import normalize, normalize_with_map

#: Characters of article normalised at a time (a mapped character costs far
#: more memory than a plain one while it is being normalised).
_CHUNK = 100_000
#: Characters of normalised article compared with a passage at a time.
_WINDOW = 100_000
#: Characters of a passage used to find its closest match: enough to place it.
MAX_NEEDLE = 300


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
    def _normalised(self) -> tuple[str, array[int], list[int], list[int]]:
        # Only needed to quote the closest passage when a check fails. Built a
        # chunk at a time, cut at line ends, so a big article costs a compact
        # index (4 bytes a character, offsets within the chunk) rather than a
        # list of ints. Returns (haystack, index, where each chunk starts in
        # the haystack, where it starts in the text).
        parts: list[str] = []
        index: array[int] = array("I")
        starts: list[int] = []
        begins: list[int] = []
        size = begin = 0
        while begin < len(self.text):
            end = len(self.text)
            if end - begin > _CHUNK:
                cut = self.text.rfind("\n", begin, begin + _CHUNK)
                end = cut + 1 if cut > begin else begin + _CHUNK
            piece, mapping = normalize_with_map(self.text[begin:end])
            if piece:
                if parts:  # the line end between two chunks, mapped to the last one's end
                    parts.append(" ")
                    index.append(begin - 1 - begins[-1])
                    size += 1
                starts.append(size)
                begins.append(begin)
                parts.append(piece)
                index.extend(mapping)
                size += len(piece)
            begin = end
        return "".join(parts), index, starts, begins

    def _source_index(self, position: int) -> int:
        """Where the normalised character at `position` comes from in the text."""
        _, index, starts, begins = self._normalised
        return begins[bisect_right(starts, position) - 1] + index[position]

    def contains(self, passage: str) -> bool:
        """True if `passage` appears in the article, typography and case aside."""
        needle = normalize(passage)
        return bool(needle) and needle in self._searchable

    def closest(self, passage: str, *, context: int = 0) -> Passage | None:
        """The stretch of the article most like `passage`, in the article's own words."""
        needle = normalize(passage)[:MAX_NEEDLE]
        haystack = self._normalised[0]
        if not needle or not haystack:
            return None
        if len(needle) >= len(haystack):
            start, end = 0, len(haystack)
        else:
            from rapidfuzz import fuzz  # only for evidence not found: a valid bank never loads it

            best: tuple[float, int, int] | None = None
            # Window by window (overlapping by a needle), so the work grows
            # with the article's length, not with its square.
            for lo in range(0, max(1, len(haystack) - len(needle)), _WINDOW):
                found = fuzz.partial_ratio_alignment(
                    needle, haystack[lo:lo + _WINDOW + len(needle)],
                    score_cutoff=max(40, best[0] if best else 0))
                if found is not None and (best is None or found.score > best[0]):
                    best = (found.score, lo + found.dest_start, lo + found.dest_end)
            if best is None:
                return None
            _, start, end = best
        start = max(0, start - context)
        end = min(len(haystack), end + context)
        first = self._source_index(start)
        last = self._source_index(end - 1) + 1
        # Widen to whole words so the teacher sees the passage as written.
        while first > 0 and self.text[first - 1].isalnum():
            first -= 1
        while last < len(self.text) and self.text[last].isalnum():
            last += 1
        return Passage(self.text[first:last].strip(), self.text.count("\n", 0, first) + 1)
