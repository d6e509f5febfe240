"""The draft bank as the YAML a teacher reads: keys in a sensible order, a comment
beside every `review: true` saying what to check."""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..model import Bank, in_key_order


@dataclass
class Draft:
    """A drafted bank with what the teacher must check: notes for the file header,
    and the reason beside each question to review."""

    bank: Bank
    counts: Counter[str] = field(default_factory=Counter)
    to_review: int = 0
    notes: list[str] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)  # question id → why it is to review


class _NoAliases(yaml.SafeDumper):
    """The same date twice is written twice, not as an &anchor a teacher would not recognise."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def to_yaml(draft: Draft, schema_path: str | None = None) -> str:
    """The bank as the YAML a teacher reads: keys in a sensible order, UTF-8, block style."""
    data = draft.bank.model_dump(mode="python", exclude_none=True)
    for q in data["questions"]:
        if not q.get("review"):
            q.pop("review", None)
        if q.get("type") == "numeric" and q.get("tolerance") == 0:
            q.pop("tolerance", None)
        for key in ("tags", "accept", "strict", "draft"):
            if not q.get(key):
                q.pop(key, None)
    data["questions"] = [in_key_order(q) for q in data["questions"]]
    body = yaml.dump(
        data,
        Dumper=_NoAliases,
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
        indent=2,
    )
    body = _with_reasons(body, draft.reasons)
    header = []
    if schema_path:
        header.append(f"# yaml-language-server: $schema={schema_path}")
    header.append("# Brouillon écrit par `quizgen draft` : chaque question porte draft: true.")
    header.append("# À vérifier :")
    header += [f"#  - {n}" for n in draft.notes]
    return "\n".join(header) + "\n" + body


def _with_reasons(body: str, reasons: dict[str, str]) -> str:
    """`review: true  # the reason` for each question the generator was unsure of."""
    out = []
    qid = None
    for line in body.split("\n"):
        m = re.match(r"^-\s+id:\s+(\S+)\s*$", line)
        if m:
            qid = m.group(1).strip("'\"")
        if line.strip() == "review: true" and qid in reasons:
            line += "  # " + " ".join(reasons[qid].split())
        out.append(line)
    return "\n".join(out)


def schema_reference(output: Path) -> str | None:
    """The relative path from the bank's folder to the packaged JSON Schema, if present."""
    package = Path(__file__).resolve().parent.parent
    schema = package / "schema" / "bank.schema.json"
    # Only inside the project that holds the schema: an installed package's path means nothing.
    try:
        output.resolve().relative_to(package.parent)
    except ValueError:
        return None
    if not schema.is_file():
        return None
    return Path(os.path.relpath(schema, output.resolve().parent)).as_posix()
