"""What the GIFT and Moodle XML importers share: ids from names, feedback
split back into explanation and evidence, quote questions recognised, and the
bank written as YAML.

An imported question has no article yet: each one is `draft: true` and
`review: true`, tied to one placeholder source whose text file asks for the
article. Until the teacher pastes the article and a real extract, `quizgen
validate` reports every question whose evidence is not in the article.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from lxml import etree, html
from pydantic import TypeAdapter, ValidationError

from ..errors import QuizgenError
from ..fsutil import atomic_write_text
from ..model import Bank, Question

SOURCE_ID = "a-completer"
_QUESTION: TypeAdapter[Any] = TypeAdapter(Question)
_PLACEHOLDERS = {
    "fr": {"evidence": "À compléter : un extrait exact de l’article qui prouve la réponse",
           "explanation": "À compléter : pourquoi c’est la bonne réponse",
           "title": "À compléter : le titre de l’article", "outlet": "À compléter : le média",
           "summary": "À compléter : l’article résumé avec vos mots.",
           "text": "Collez ici le texte de l’article (remplacez ces lignes).\n"},
    "en": {"evidence": "To do: an exact extract of the article that proves the answer",
           "explanation": "To do: why this is the right answer",
           "title": "To do: the article's title", "outlet": "To do: the outlet",
           "summary": "To do: the article in your own words.",
           "text": "Paste the article's text here (replace these lines).\n"},
}
# The feedback quizgen's exporters write: explanation, then these two lines.
_EVIDENCE = re.compile(r"^(?:Extrait\s*:\s*«\s*(?P<fr>.+?)\s*»|Evidence:\s*“(?P<en>.+?)”)\s*$")
_SPACES = re.compile(r"[ \t\r\f\v]+")
_SOURCE = re.compile(r"^Source\s*:\s")
_QUOTE = re.compile(r"^(?:Qui a dit\s*:\s*«\s*(?P<fr>.+?)\s*»\s*\?|Who said “(?P<en>.+?)”\?)"
                    r"(?:\s+\((?P<ctx>.+)\))?$", re.DOTALL)


def placeholders(language: str) -> dict[str, str]:
    return _PLACEHOLDERS.get(language, _PLACEHOLDERS["en"])


def slugify(name: str, *, fallback: str) -> str:
    """A question name as a bank id: lower-case ASCII words joined by '-'."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")[:80].strip("-")
    return slug or fallback


def html_to_text(markup: str) -> str:
    """HTML from a platform as the bank's plain text: tags dropped, entities decoded, breaks kept."""
    if "<" not in markup and "&" not in markup:
        return markup.strip()
    root = html.fragment_fromstring(markup, create_parent="div")
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block in root.iter("p", "div", "li", "tr"):
        block.tail = "\n" + (block.tail or "")
    # Runs of ASCII white space become one space; no-break spaces (French typography) stay.
    lines = (_SPACES.sub(" ", line).strip(" ") for line in root.text_content().split("\n"))
    return "\n".join(line for line in lines if line).strip()


def split_feedback(text: str) -> tuple[str | None, str | None]:
    """(explanation, evidence) from a general feedback; quizgen's own layout gives both back.
    A question across several sources gives its first passage back (an imported
    bank has one source); the others are not mistaken for the explanation."""
    explanation: list[str] = []
    evidence = None
    for line in text.split("\n"):
        m = _EVIDENCE.match(line.strip())
        if m and evidence is None:
            evidence = m["fr"] or m["en"]
        elif m:
            continue
        elif not _SOURCE.match(line.strip()) or evidence is None:
            explanation.append(line)
    joined = "\n".join(explanation).strip()
    return joined or None, evidence


def as_quote(prompt: str, choices: Sequence[str], right: str) -> dict[str, Any] | None:
    """A single choice written by quizgen from a quote question, back as a quote."""
    m = _QUOTE.match(prompt.strip())
    if not m:
        return None
    out: dict[str, Any] = {"quote": m["fr"] or m["en"], "speaker": right,
                           "distractors": [c for c in choices if c != right]}
    if m["ctx"]:
        out["context"] = m["ctx"]
    return out


@dataclass
class Imported:
    """What an importer read: questions as bank data, and what it could not carry."""

    path: str
    title: str | None = None
    questions: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _ids: set[str] = field(default_factory=set)

    def skip(self, line: int, name: str, why: str) -> None:
        self.warnings.append(f"{self.path}:{line}:1: question '{name}' left out: {why}")

    def add(self, line: int, name: str, kind: str, body: dict[str, Any], *, feedback: str = "",
            tags: Sequence[str] = (), language: str = "fr") -> None:
        """One question at `line`: `body` holds the type's own keys. A question
        the bank format cannot hold (an empty text…) is left out with a warning."""
        base = slugify(name, fallback=f"q{len(self.questions) + 1}")
        qid, n = base, 2
        while qid in self._ids:  # ids are unique and at most 80 characters
            suffix = f"-{n}"
            qid, n = base[:80 - len(suffix)].rstrip("-") + suffix, n + 1
        explanation, evidence = split_feedback(feedback)
        todo = placeholders(language)
        tags = [t for t in (re.sub(r"\s+", "-", t.strip()) for t in tags) if t]
        data = {"id": qid, "type": kind, "source": SOURCE_ID, **body,
                "evidence": evidence or todo["evidence"], "explanation": explanation or todo["explanation"],
                **({"tags": tags} if tags else {}), "draft": True, "review": True}
        try:
            _QUESTION.validate_python(data)
        except ValidationError as exc:
            error = exc.errors()[0]
            where = ".".join(str(p) for p in error["loc"][1:]) or kind
            self.skip(line, name, f"{where}: {error['msg'].lower()}")
            return
        self._ids.add(qid)
        self.questions.append(data)


def bank_data(imported: Imported, *, bank_id: str, language: str, today: date) -> dict[str, Any]:
    todo = placeholders(language)
    return {
        "id": bank_id, "title": imported.title or bank_id, "language": language, "as_of": today,
        "sources": [{"id": SOURCE_ID, "title": todo["title"], "outlet": todo["outlet"], "published": today,
                     "path": f"sources/{bank_id}.txt", "summary": todo["summary"]}],
        "questions": imported.questions,
    }


class _Dumper(yaml.SafeDumper):
    """Writes every value in place (no &anchors: a teacher edits each date on its own)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def write_bank(imported: Imported, output: Path, *, language: str, today: date, force: bool) -> Path:
    """Write the bank YAML and, if missing, its placeholder article; returns the article path."""
    if not imported.questions:
        raise QuizgenError(f"{imported.path}: no question could be imported")
    if output.suffix not in (".yaml", ".yml"):
        raise QuizgenError(f"{output}: a bank file ends in .yaml")
    if output.exists() and not force:
        raise QuizgenError(f"{output} exists: use --force to replace it")
    bank_id = slugify(output.stem, fallback="import")
    data = bank_data(imported, bank_id=bank_id, language=language, today=today)
    try:
        Bank.model_validate(data)  # the shapes a bank needs, before anything is written
    except ValidationError as exc:  # pragma: no cover - the importers build valid shapes
        raise QuizgenError(f"{imported.path}: imported questions do not make a bank: {exc}") from exc
    header = (f"# Imported from {Path(imported.path).name} by `quizgen import`: every question is a draft.\n"
              f"# Paste the article into {data['sources'][0]['path']}, fill in the source, then give each\n"
              "# question a real `evidence` extract and remove `draft`/`review`; `quizgen validate` lists\n"
              "# the questions still missing one.\n")
    text = header + yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
    article = output.parent / data["sources"][0]["path"]
    if not article.exists():
        article.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(article, placeholders(language)["text"])
    atomic_write_text(output, text)
    return article


def parse_xml(data: bytes, path: str) -> etree._Element:
    """An XML document from a teacher's file, without network or entity expansion."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, remove_comments=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (1, 1)
        raise QuizgenError(f"{path}:{line}:{col}: not well-formed XML: {exc.msg}") from exc
