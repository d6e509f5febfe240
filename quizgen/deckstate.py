"""The deck state file: per question, what its Anki note holds and when it last changed.

Anki updates a note on re-import only if the incoming note is newer, so each
note needs its own modification time, kept from build to build while the
note stays the same. `quizgen build` keeps these times in a small JSON file
beside the bank, `<bank-id>.lock.json`, committed with it like a lock file:

- `notes` maps `<question-id>:<note-type>` to the note's content digest, its
  modification time (`mod`, seconds), its Anki note id (`nid`, the first
  build's time in ms) and the question's data, needed to render it again
  once the question has left the bank (`retired`).
- `notetypes` does the same for the note types (templates and CSS).
- `sources` keeps what the notes show of their sources (title, outlet, date).

The file is deterministic (sorted keys, no build time unless something
changed), so it only shows in a diff when a note did.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import QuizgenError
from .fsutil import atomic_write_text

FORMAT = 1
SUFFIX = ".lock.json"


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class NoteRecord(_Frozen):
    digest: str
    mod: int = Field(ge=0)
    nid: int = Field(gt=0)
    retired: bool = False
    question: dict[str, Any]


class TypeRecord(_Frozen):
    digest: str
    mod: int = Field(ge=0)


class DeckState(_Frozen):
    format: int = FORMAT
    bank: str
    notetypes: dict[str, TypeRecord] = Field(default_factory=dict)
    notes: dict[str, NoteRecord] = Field(default_factory=dict)
    #: What the notes show of their sources, by source id.
    sources: dict[str, dict[str, Any]] = Field(default_factory=dict)

    def to_text(self) -> str:
        """Sorted JSON with one line per note, so a diff shows which notes changed.

        (Written by hand because json's indent= falls back to its slow
        pure-Python encoder: seconds for a bank of 10,000 questions.)
        """
        def block(items: Mapping[str, Any]) -> str:
            if not items:
                return "{}"
            # A record's fields (pydantic keeps them in __dict__) are JSON data
            # already: dumping the model itself is several times slower.
            lines = [f" {_dump(k)}: {_dump(v if isinstance(v, dict) else vars(v))}"
                     for k, v in sorted(items.items())]
            return "{\n" + ",\n".join(lines) + "\n}"

        return (f'{{\n"bank": {_dump(self.bank)},\n"format": {self.format},\n'
                f'"notes": {block(self.notes)},\n"notetypes": {block(self.notetypes)},\n'
                f'"sources": {block(self.sources)}\n}}\n')


_dump = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


class NoteInput(NamedTuple):
    """A note as rendered by this build: what `advance` compares with the state."""

    digest: str
    retired: bool
    question: dict[str, Any]
    #: What the note shows of each of its sources, by source id.
    sources: dict[str, dict[str, Any]]


def state_path(bank_file: Path, bank_id: str) -> Path:
    """Where the state of the bank `bank_id` read from `bank_file` lives."""
    return bank_file.parent / f"{bank_id}{SUFFIX}"


def load_state(path: Path, bank_id: str) -> DeckState:
    """The state at `path`, or an empty one if there is no file yet."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return DeckState(bank=bank_id)
    except OSError as exc:
        raise QuizgenError(f"{path}: cannot read the deck state: {exc.strerror or exc}") from exc
    try:
        state = DeckState.model_validate_json(text)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise QuizgenError(
            f"{path}: not a valid deck state file ({where}: {first['msg']}); "
            "restore it from version control rather than deleting it, or students' "
            "next import will not get updates") from exc
    if state.format != FORMAT:
        raise QuizgenError(f"{path}: deck state format {state.format} is not supported (expected {FORMAT})")
    if state.bank != bank_id:
        raise QuizgenError(f"{path}: this deck state belongs to bank '{state.bank}', not '{bank_id}'")
    return state


def save_state(path: Path, state: DeckState, text: str | None = None) -> bool:
    """Write `state` (whose `to_text()` may be given) atomically if it differs
    from the file; True if written."""
    text = state.to_text() if text is None else text
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (FileNotFoundError, UnicodeDecodeError):
        pass
    atomic_write_text(path, text)
    return True


def advance(state: DeckState, notes: Mapping[str, NoteInput], notetypes: Mapping[str, str],
            now: int) -> DeckState:
    """The state after a build at time `now` (seconds) that rendered `notes`
    (every note of the deck, retired ones included, in deck order) with the
    note types `notetypes` (key → digest).

    A note keeps its time while its digest is unchanged; a changed one gets
    `now`, or one second past its old time if the clock says otherwise, so
    Anki always sees it as newer. The first note to name a source gives its
    record.
    """
    used = [r.nid for r in state.notes.values()]
    next_nid = max(now * 1000, max(used, default=0) + 1)
    out_notes: dict[str, NoteRecord] = {}
    out_sources: dict[str, dict[str, Any]] = {}
    for key, note in notes.items():
        for sid, record in note.sources.items():
            out_sources.setdefault(sid, record)
        old = state.notes.get(key)
        if old is None:
            nid, mod = next_nid, now
            next_nid += 1
        else:
            nid = old.nid
            mod = old.mod if old.digest == note.digest else max(now, old.mod + 1)
        # model_construct: these values come from this build, not from a file.
        out_notes[key] = NoteRecord.model_construct(
            digest=note.digest, mod=mod, nid=nid, retired=note.retired, question=note.question)
    out_types: dict[str, TypeRecord] = {}
    for key, digest in notetypes.items():
        old_type = state.notetypes.get(key)
        if old_type is None:
            mod = now
        else:
            mod = old_type.mod if old_type.digest == digest else max(now, old_type.mod + 1)
        out_types[key] = TypeRecord.model_construct(digest=digest, mod=mod)
    return DeckState.model_construct(format=FORMAT, bank=state.bank, notetypes=out_types, notes=out_notes,
                                     sources=dict(sorted(out_sources.items())))
