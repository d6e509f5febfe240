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

import click
from tqdm import tqdm

from .clitools import bank_paths, report_errors
from .deckstate import load_state, save_state, state_path
from .errors import BankError, Problem, QuizgenError
from .exporters.anki import AnkiExporter, write_package
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
def _code_digest() -> str:
    """Changes with any quizgen code or library that shapes a deck."""
    h = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted([*package.glob("*.py"), *package.glob("exporters/*.py")]):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
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
        "code": _code_digest(),
        "options": {"max_summary_words": options.max_summary_words},
    }


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
    exporter = AnkiExporter(states, now=now)
    total = sum(len(b.questions) for b in banks)
    with tqdm(total=total, unit="q", desc="building decks", disable=_no_bar(progress, total),
              file=sys.stderr, leave=False) as bar:
        for bank in banks:
            bar.set_postfix_str(bank.id, refresh=False)
            plan = exporter.plan(bank, on_note=lambda: bar.update())
            bank_file = _bank_file(bank)
            state_file = state_path(bank_file, bank.id)
            state_text = plan.state.to_text()
            sources = {s.path: _sha((bank_file.parent / s.path).read_bytes()) for s in bank.sources}
            stamp = _stamp(bank_file.read_bytes(), state_text.encode("utf-8"), sources, options)
            comment = json.dumps({_STAMP_KEY: stamp}, sort_keys=True).encode("utf-8")
            deck = out / f"{bank.id}.apkg"
            _write(deck, atomic_write_bytes, deck, write_package([plan], comment=comment))
            _write(state_file, save_state, state_file, plan.state, state_text)
            counts = plan.counts(states[bank.id])
            done[bank_file.resolve()] = BankBuild(bank.id, bank_file, deck, state_file, notes=counts["notes"],
                                        new=counts["new"], changed=counts["changed"],
                                        retired=counts["retired"], drafts=plan.drafts)
    return [done[path.resolve()] for path, _ in files]


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


@click.command("build")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("-o", "--out", "out_dir", default=DEFAULT_OUT, show_default=True,
              type=click.Path(file_okay=False, writable=True), help="Folder for the .apkg decks.")
@click.option("--max-summary-words", type=click.IntRange(min=1), default=DEFAULT_SUMMARY_WORDS,
              show_default=True, help="Word limit for each source's summary.")
@click.option("--force", is_flag=True, help="Rebuild decks even if their inputs did not change.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: only on a terminal, for big builds).")
def build_command(paths: tuple[str, ...], out_dir: str, max_summary_words: int, force: bool,
                  progress: bool | None) -> None:
    """Build an Anki deck per bank: OUT/<bank-id>.apkg, safe to re-import.

    Beside each bank, <bank-id>.lock.json records when each note last
    changed: commit it with the bank, or students' next import will not get
    the fixes.
    """
    @report_errors
    def run() -> None:
        results = build(bank_paths(paths), out_dir, options=Options(max_summary_words),
                        progress=progress, force=force)
        for result in results:
            click.echo(result.summary())

    run()
