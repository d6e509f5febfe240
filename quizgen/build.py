"""`quizgen build`: every bank → decks/<bank-id>.apkg, safe to re-import.

For each bank the build reads its deck state (<bank-id>.lock.json beside
the bank, see quizgen/deckstate.py), renders the deck, writes it atomically
and then saves the new state. A bank whose deck was already built from the
very same bytes (bank file, articles, state, quizgen code, options) is not
even parsed: the deck's zip comment records what it was built from.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import time
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from .deckstate import DeckState, load_state, save_state, state_path
from .errors import BankError, Problem, QuizgenError
from .exporters.anki import DeckPlan, plan_deck, write_package
from .fsutil import atomic_write_bytes
from .loader import find_bank_files
from .model import Bank
from .validate import DEFAULT_SUMMARY_WORDS, Options, check_banks

DEFAULT_OUT = "decks"
_STAMP_KEY = "quizgen-build"
# Only a guess, to find the deck a bank file may already have: a wrong guess
# only costs a full build, because the deck's stamp must match the file's bytes.
_TOP_LEVEL_ID = re.compile(rb"""^id:[ \t]*["']?([a-z0-9]+(?:[-_][a-z0-9]+)*)["']?[ \t]*(?:#.*)?$""", re.M)


@dataclass(frozen=True)
class BankBuild:
    """What the build did for one bank."""

    bank_id: str
    bank_file: Path
    deck: Path
    state: Path
    up_to_date: bool = False
    notes: int = 0
    new: int = 0
    changed: int = 0
    retired: int = 0
    drafts: int = 0

    def summary(self) -> str:
        if self.up_to_date:
            return f"{self.deck}: up to date"
        parts = [f"{self.new} new", f"{self.changed} changed", f"{self.retired} retired"]
        if self.drafts:
            parts.append(f"{self.drafts} draft{'s' if self.drafts != 1 else ''} left out")
        return f"{self.deck}: {self.notes} notes ({', '.join(parts)})"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@cache
def code_digest() -> str:
    """Changes with any quizgen code, card label or library that shapes a deck."""
    return package_digest(Path(__file__).resolve().parent)


def package_digest(package: Path) -> str:
    """The digest of the quizgen package at `package` (see code_digest)."""
    h = hashlib.sha256()
    for path in sorted([*package.glob("*.py"), *package.glob("exporters/*.py")]):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    # The presentation module and the labels' catalogue (quizgen.present).
    for path in sorted([*package.glob("present/*.py"), *package.glob("translations/*/LC_MESSAGES/*.mo")]):
        h.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    for dist in ("genanki", "babel", "pydantic", "PyYAML"):
        try:
            h.update(f"{dist}={version(dist)}".encode())
        except PackageNotFoundError:
            h.update(dist.encode())
    return h.hexdigest()


def _stamp(bank_bytes: bytes, state_bytes: bytes, sources: dict[str, str], options: Options) -> dict:
    return {
        "bank": _sha(bank_bytes),
        "state": _sha(state_bytes),
        "sources": dict(sorted(sources.items())),
        "code": code_digest(),
        "options": {"max_summary_words": options.max_summary_words},
    }


@dataclass(frozen=True)
class Deck:
    """One bank's deck: the .apkg bytes and the plan they were written from
    (its new state to save, its counts)."""

    plan: DeckPlan
    data: bytes


def build_deck(bank: Bank, state: DeckState | None, now: int, *,
               comment: Callable[[DeckPlan], bytes] | None = None,
               on_note: Callable[[], None] | None = None) -> Deck:
    """The one way to a bank's deck, for `quizgen build` and the site alike.

    `state` is the previous build's (the lock file), `now` the time given to
    notes that changed; `comment` makes the zip comment from the plan.
    """
    plan = plan_deck(bank, state, now, on_note)
    return Deck(plan, write_package([plan], comment=comment(plan) if comment else b""))


def deck_fingerprint(bank: Bank, state_bytes: bytes) -> str:
    """Changes whenever anything that goes into the deck does: the bank, its
    articles, its lock file and the code that renders cards."""
    h = hashlib.sha256(json.dumps(bank.to_data(), sort_keys=True, ensure_ascii=False).encode())
    for s in bank.sources:
        h.update(b"\x00" + s.text.encode())
    h.update(b"\x00" + state_bytes + b"\x00" + code_digest().encode())
    return h.hexdigest()[:16]


def _read_stamp(deck: Path) -> dict | None:
    try:
        with zipfile.ZipFile(deck) as zf:
            return json.loads(zf.comment.decode("utf-8")).get(_STAMP_KEY)
    except (OSError, zipfile.BadZipFile, ValueError, AttributeError):
        return None


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return b""


def _up_to_date(bank_file: Path, out_dir: Path, options: Options) -> BankBuild | None:
    """The finished build of `bank_file` if its deck was built from these very inputs."""
    try:
        data = bank_file.read_bytes()
    except OSError:
        return None
    guess = _TOP_LEVEL_ID.search(data)
    if guess is None:
        return None
    bank_id = guess[1].decode()
    deck = out_dir / f"{bank_id}.apkg"
    stamp = _read_stamp(deck)
    if not stamp:
        return None
    state = state_path(bank_file, bank_id)
    try:
        sources = {rel: _sha((bank_file.parent / rel).read_bytes()) for rel in stamp.get("sources", {})}
    except OSError:
        return None
    if stamp != _stamp(data, _read(state), sources, options):
        return None
    return BankBuild(bank_id, bank_file, deck, state, up_to_date=True)


def _clock() -> int:
    return int(time.time())


def build(paths: Sequence[str | Path], out_dir: str | Path = DEFAULT_OUT, *,
          clock: Callable[[], int] = _clock, options: Options | None = None,
          progress: bool | None = None, force: bool = False) -> list[BankBuild]:
    """Build the deck of every bank under `paths` into `out_dir`.

    Every bank is validated before any deck is written (BankError lists every
    problem); each deck and its state are then written atomically, so a
    failure leaves the previous deck and state in place. `clock` gives the
    time (seconds) stamped on changed notes; `progress` None shows a bar
    only when stderr is a terminal.
    """
    options = options or Options(DEFAULT_SUMMARY_WORDS)
    out = Path(out_dir)
    files, problems = find_bank_files(paths)
    if problems:
        raise BankError(problems)
    if not files:
        raise QuizgenError(f"no bank files (*.yaml) in {', '.join(str(p) for p in paths)}")

    done: dict[Path, BankBuild] = {}
    stale: list[Path] = []
    for path, _display in files:
        ready = None if force else _up_to_date(path, out, options)
        if ready is None:
            stale.append(path)
        else:
            done[path.resolve()] = ready
    banks: list[Bank] = []
    if stale:
        banks, problems = check_banks(stale, options=options)
        if problems:
            raise BankError(problems)
    _check_unique_ids([*done.values()], banks)

    states = {bank.id: load_state(state_path(_bank_file(bank), bank.id), bank.id) for bank in banks}
    now = clock()
    total = sum(len(b.questions) for b in banks)
    from tqdm import tqdm  # here: most builds are small and show no bar

    with tqdm(total=total, unit="q", desc="building decks", disable=_no_bar(progress, total),
              file=sys.stderr, leave=False) as bar:
        for bank in banks:
            bar.set_postfix_str(bank.id, refresh=False)
            bank_file = _bank_file(bank)
            done[bank_file.resolve()] = _build_one(bank, bank_file, states[bank.id], now, out, options,
                                                   on_note=bar.update)
    return [done[path.resolve()] for path, _ in files]


def _build_one(bank: Bank, bank_file: Path, state: DeckState, now: int, out: Path, options: Options,
               on_note: Callable[[], object]) -> BankBuild:
    """Write one bank's deck, then its new state (each atomically)."""
    state_file = state_path(bank_file, bank.id)
    sources = {s.path: _sha((bank_file.parent / s.path).read_bytes()) for s in bank.sources}
    bank_bytes = bank_file.read_bytes()

    def stamp(plan: DeckPlan) -> bytes:
        made = _stamp(bank_bytes, plan.state.to_text().encode("utf-8"), sources, options)
        return json.dumps({_STAMP_KEY: made}, sort_keys=True).encode("utf-8")

    deck = build_deck(bank, state, now, comment=stamp, on_note=lambda: on_note())
    path = out / f"{bank.id}.apkg"
    _write(path, atomic_write_bytes, path, deck.data)
    _write(state_file, save_state, state_file, deck.plan.state, deck.plan.state.to_text())
    counts = deck.plan.counts(state)
    return BankBuild(bank.id, bank_file, path, state_file, notes=counts["notes"], new=counts["new"],
                     changed=counts["changed"], retired=counts["retired"], drafts=deck.plan.drafts)


def _write(path: Path, write: Callable[..., object], *args: object) -> None:
    try:
        write(*args)
    except OSError as exc:
        raise QuizgenError(f"{path}: cannot write: {exc.strerror or exc}") from exc


def _bank_file(bank: Bank) -> Path:
    if bank.path is None:
        raise QuizgenError(f"bank '{bank.id}' has no file: a deck state lives beside its bank file")
    return bank.path


def _check_unique_ids(skipped: list[BankBuild], banks: list[Bank]) -> None:
    seen: dict[str, Path] = {}
    problems = []
    pairs = [*((b.bank_id, b.bank_file) for b in skipped), *((b.id, _bank_file(b)) for b in banks)]
    for bank_id, path in pairs:
        if bank_id in seen:
            problems.append(Problem(str(path), 1, 1, f"bank id '{bank_id}' is also used by {seen[bank_id]}"))
        else:
            seen[bank_id] = path
    if problems:
        raise BankError(problems)


def _no_bar(progress: bool | None, total: int) -> bool | None:
    if progress is None:
        # tqdm's None: no bar unless stderr is a terminal (never in CI logs).
        return True if total < 500 else None
    return not progress
