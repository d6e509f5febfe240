"""Drafting article files: where the bank and its source text go, written atomically."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import QuizgenError
from ..fsutil import atomic_write_text
from .bank import Draft, SourceInfo, build_bank, schema_reference, slugify, to_yaml
from .pipeline import analyse

MAX_ARTICLE_BYTES = 5 * 1024 * 1024  # a long article is 50 kB; beyond this it is not an article


@dataclass
class Written:
    bank_path: Path
    source_path: Path
    draft: Draft
    copied: bool


def read_article(path: Path) -> str:
    """The article's text (UTF-8, NFC), or a QuizgenError saying what is wrong with the file."""
    try:
        size = path.stat().st_size
        if size > MAX_ARTICLE_BYTES:
            raise QuizgenError(
                f"{path}: {size / 1e6:.0f} MB is too large for an article (plain text expected)"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise QuizgenError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise QuizgenError(
            f"{path}: not UTF-8 text (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
            "save the article as UTF-8 plain text"
        ) from exc
    if "\x00" in text:
        raise QuizgenError(f"{path}: binary data, not a plain-text article")
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise QuizgenError(f"{path}: the article is empty")
    return text


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


def plan_output(article: Path, output: Path | None, bank_id: str | None, title: str) -> tuple[Path, str]:
    """(bank file, bank id): `output` is a .yaml file, a folder, or None for questions/."""
    if output is not None and output.suffix in (".yaml", ".yml"):
        return output, bank_id or slugify(output.stem)
    folder = output if output is not None else Path("questions")
    ident = bank_id or slugify(title)
    return folder / f"{ident}.yaml", ident


def draft_file(
    article: Path,
    *,
    output: Path | None = None,
    info: SourceInfo | None = None,
    entities: Any = None,
    force: bool = False,
    today: date | None = None,
) -> Written:
    """Draft one article file into a bank file; returns what was written.

    The article text is copied to sources/<id>.txt beside the bank, unless the
    article already lives under the bank's folder (then the bank points at it).
    Existing files are kept unless `force`.
    """
    info = info or SourceInfo()
    text = read_article(article)
    analysis = analyse(text, entities)
    if not analysis.article.paragraphs:
        raise QuizgenError(f"{article}: no text left once the page furniture is removed")
    title = info.title or analysis.article.title or article.stem
    bank_path, bank_id = plan_output(article, output, None, title)
    folder = bank_path.parent
    if bank_path.exists() and not force:
        raise QuizgenError(f"{bank_path} exists; use --force to replace it (a reviewed bank would be lost)")
    copied = not _inside(article, folder)
    source_path = folder / "sources" / f"{bank_id}.txt" if copied else article
    if (
        copied
        and source_path.exists()
        and not force
        and source_path.read_text(encoding="utf-8", errors="replace") != text
    ):
        raise QuizgenError(f"{source_path} exists with another text; use --force to replace it")
    rel = Path(
        os.path.relpath(source_path.resolve() if not copied else source_path.absolute(), folder.absolute())
    ).as_posix()
    try:
        draft = build_bank(analysis, info, bank_id=bank_id, source_path=rel, today=today)
    except QuizgenError as exc:
        raise QuizgenError(f"{article}: {exc}") from exc
    document = to_yaml(draft, schema_reference(bank_path))
    write_bank(bank_path, document, source_path if copied else None, text)
    return Written(bank_path, source_path, draft, copied)


def write_bank(bank_path: Path, document: str, source_path: Path | None = None, text: str = "") -> None:
    """Write a bank file and (when `source_path` is given) its article: the
    article first, then the bank, each atomically, so a bank never points at a
    missing or half-written article."""
    if source_path is not None:
        atomic_write_text(source_path, text)
    atomic_write_text(bank_path, document)
