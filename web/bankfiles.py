"""Bank files written from the teacher area: where, checked how, and never half-written.

Every text is validated by quizgen's own loader and validator before it
replaces a bank (staged beside it, so relative source paths resolve as they
will), then read back; a file that changed since the teacher opened it is a
conflict, never overwritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from flask import abort, current_app, request
from flask_babel import gettext as _

from quizgen import Bank, BankError, check_banks, load_bank
from quizgen.errors import Problem, QuizgenError
from quizgen.fsutil import atomic_write_bytes
from quizgen.loader import Positions, parse_text
from quizgen.text import strip_accents

from .config import bank_paths
from .drafter import bank_document, write_bank

#: A bank id: lower-case words of letters and digits joined by hyphens.
BANK_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_ID = 60
_SMALL_WORDS = {"le", "la", "les", "l", "un", "une", "des", "de", "du", "d", "et", "a", "au", "aux", "en",
                "se", "s", "ont", "est", "sont", "qu", "que", "qui"}
#: A question's `draft: false` line in quizgen draft's YAML (questions are a list at the margin).
_REVIEWED = re.compile(r"^  draft: false\n", re.MULTILINE)


class Conflict(QuizgenError):
    """The file changed on disk since the teacher opened it."""


@dataclass
class Checked:
    """What the validator said of a bank text: the bank, or its problems and where each key stands."""

    bank: Bank | None
    problems: list[Problem] = field(default_factory=list)
    positions: Positions | None = None


def slug(text: str, max_words: int = 6) -> str:
    """The first words of `text` that say something, lower-case and without
    accents, joined by hyphens ('' if none)."""
    words = re.findall(r"[a-z0-9]+", strip_accents(text).lower())
    kept = [w for w in words if w not in _SMALL_WORDS] or words
    return "-".join(kept[:max_words])[:MAX_ID].strip("-")


def valid_id(bank_id: str) -> bool:
    return len(bank_id) <= MAX_ID and BANK_ID.fullmatch(bank_id) is not None


def read_only() -> bool:
    return bool(current_app.config.get("QUIZGEN_READ_ONLY"))


def refuse_writes_if_read_only() -> None:
    """Before a request of the teacher's bank pages: no POST on a read-only site (a 403 page)."""
    if request.method == "POST" and read_only():
        abort(403, _("This site is read-only: banks cannot be drafted or changed here."))


def banks_folder() -> Path | None:
    """Where new banks go: the first QUIZGEN_BANKS entry (its folder when it is a file)."""
    paths = bank_paths(current_app.config["QUIZGEN_BANKS"])
    if not paths:
        return None
    first = Path(paths[0])
    return (first if first.is_dir() or not first.suffix else first.parent).resolve()


def inside(path: Path, folder: Path) -> Path:
    """`path` resolved, or QuizgenError if it is not inside `folder`."""
    resolved = path.resolve()
    if not resolved.is_relative_to(folder.resolve()):
        raise QuizgenError(f"refused: {path.name} is outside the banks folder")
    return resolved


def sha256_of(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except FileNotFoundError:
        return ""


def data_to_yaml(data: Any) -> str:
    """Bank data as YAML for the validator (any data, valid or not)."""
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)


@contextlib.contextmanager
def staged(folder: Path, text: str, name: str = "bank") -> Iterator[tuple[Checked, Path]]:
    """`text` written to a hidden file in `folder` and checked there, as quizgen
    validate would; the file is removed afterwards unless the caller moved it."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".staged", dir=folder)
    path = Path(tmp)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
        banks, problems = check_banks([path])
        positions = None
        if problems:
            doc, _parse_problems = parse_text(text, path, str(path))
            positions = doc.positions if doc is not None else None
        yield Checked(banks[0] if banks and not problems else None, problems, positions), path
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def check_draft(data: dict[str, Any], article: str) -> Checked:
    """Validate drafted bank data with its article, in a scratch folder."""
    with tempfile.TemporaryDirectory(prefix="quizgen-check-") as tmp:
        folder = Path(tmp)
        source = folder / "sources" / "article.txt"
        source.parent.mkdir()
        source.write_text(article, encoding="utf-8")
        data = {**data, "sources": [{**s, "path": "sources/article.txt"} for s in data.get("sources", [])]}
        with staged(folder, data_to_yaml(data)) as (checked, _path):
            return checked


def publish_new(data: dict[str, Any], article: str, notes: list[str], folder: Path) -> Bank:
    """Write a new bank `<folder>/<id>.yaml` and its article `sources/<id>.txt`
    with quizgen draft's writer: validated first, the article then the bank,
    each atomically; read back through the loader after. Returns the bank as loaded."""
    bank_id = data["id"]
    if not valid_id(bank_id):
        raise QuizgenError(f"'{bank_id}' is not a valid bank id")
    bank_path = inside(folder / f"{bank_id}.yaml", folder)
    source_path = inside(folder / "sources" / f"{bank_id}.txt", folder)
    if bank_path.exists():
        raise Conflict(f"{bank_path.name} already exists: choose another id")
    if source_path.exists() and source_path.read_text(encoding="utf-8", errors="replace") != article:
        raise Conflict(f"sources/{source_path.name} already exists with another text: choose another id")
    data = {**data, "sources": [{**s, "path": f"sources/{bank_id}.txt"} for s in data["sources"]]}
    checked = check_draft(data, article)
    if checked.bank is None:
        raise BankError(checked.problems)
    # Reviewed questions carry no draft flag at all (the writer spells out `draft: false`).
    document = _REVIEWED.sub("", bank_document(Bank.model_validate(data), notes))
    had_source = source_path.exists()
    write_bank(bank_path, document, source_path, article)
    try:
        return load_bank(bank_path)
    except BankError:
        bank_path.unlink(missing_ok=True)  # never leave an invalid bank for the next start
        if not had_source:
            source_path.unlink(missing_ok=True)
        raise


def replace_bank(bank_path: Path, text: str, expected_sha: str) -> Checked:
    """Replace an existing bank file with `text` if it is valid and the file is
    still the one the teacher opened (Conflict otherwise). On problems the file
    is left as it was and the problems are returned."""
    if sha256_of(bank_path) != expected_sha:
        raise Conflict("changed on disk")
    old = bank_path.read_bytes()
    with staged(bank_path.parent, text, bank_path.stem) as (checked, tmp):
        if checked.bank is None:
            return checked
        if sha256_of(bank_path) != expected_sha:  # changed while we were checking
            raise Conflict("changed on disk")
        os.chmod(tmp, 0o644)
        os.replace(tmp, bank_path)
    try:
        checked.bank = load_bank(bank_path)
    except BankError as exc:  # a source changed meanwhile: put the old file back
        atomic_write_bytes(bank_path, old)
        return Checked(None, list(exc.problems), None)
    return checked
