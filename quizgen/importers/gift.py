"""Reading a GIFT file (Moodle's plain-text format) into bank questions.

Questions are separated by blank lines; `//` lines are comments;
`$CATEGORY:` names the bank. Escapes (`\\~ \\= \\# \\{ \\} \\: \\\\ \\n`) are
replaced by placeholders before the structure is read (as Moodle does), then
restored. Supported: multiple choice (one right answer → single; equal
positive weights → multi), true/false, short answer (→ short, or cloze when
a single answer stands inside the text), numeric (`#n:t` or `#min..max`),
matching. Essays, descriptions and partial credit the bank cannot express
are left out with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..errors import BankError, Problem
from .common import Imported, as_quote, html_to_text

_ESCAPES = {"\\\\": "\ue000", "\\~": "\ue001", "\\=": "\ue002", "\\#": "\ue003", "\\{": "\ue004",
            "\\}": "\ue005", "\\:": "\ue006", "\\n": "\n"}
_RESTORE = str.maketrans({v: k[1] for k, v in _ESCAPES.items() if v != "\n"})
_ESCAPE_RE = re.compile("|".join(re.escape(k) for k in _ESCAPES))
_FORMAT = re.compile(r"^\[(html|moodle|plain|markdown)\]")
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_NUMBER = r"-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"


class _Unsupported(Exception):
    pass


@dataclass
class _Answer:
    mark: str  # '=' or '~'
    weight: float | None
    text: str
    feedback: str


def _hide_escapes(text: str) -> str:
    return _ESCAPE_RE.sub(lambda m: _ESCAPES[m[0]], text)


def restore(text: str) -> str:
    return text.translate(_RESTORE)


def _answers(block: str) -> list[_Answer]:
    out: list[_Answer] = []
    for m in re.finditer(r"([=~])([^=~]*)", block):
        body = m[2]
        weight = None
        w = _WEIGHT.match(body)
        if w:
            weight, body = float(w[1]), body[w.end():]
        text, _, feedback = body.partition("#")
        out.append(_Answer(m[1], weight, text.strip(), feedback.strip()))
    return out


def _fraction(a: _Answer) -> float:
    if a.weight is not None:
        return a.weight
    return 100.0 if a.mark == "=" else 0.0


def _numeric(block: str) -> dict[str, Any]:
    body = block[1:].strip()
    if body.startswith("="):  # several numeric answers: only one full-credit answer is kept
        right = [a for a in _answers(body) if _fraction(a) == 100]
        if len(right) != 1 or len(_answers(body)) != 1:
            raise _Unsupported("several numeric answers with partial credit")
        body = right[0].text
    body = body.partition("#")[0].strip()
    if m := re.fullmatch(rf"({_NUMBER})\s*\.\.\s*({_NUMBER})", body):
        low, high = float(m[1]), float(m[2])
        return {"answer": _num((low + high) / 2), "tolerance": _num((high - low) / 2)}
    if m := re.fullmatch(rf"({_NUMBER})(?:\s*:\s*({_NUMBER}))?", body):
        return {"answer": _num(float(m[1])), "tolerance": _num(float(m[2] or 0))}
    raise _Unsupported(f"numeric answer '{restore(body)}' not understood")


def _num(value: float) -> int | float:
    return int(value) if value == int(value) and abs(value) < 1e15 else value


def _choices(prompt: str, answers: list[_Answer], language: str) -> tuple[str, dict[str, Any]]:
    texts = [restore(a.text) for a in answers]
    grades = [_fraction(a) for a in answers]
    right = [t for t, g in zip(texts, grades, strict=True) if g > 0]
    if grades.count(100) == 1 and all(g == 0 for g in grades if g != 100):
        answer = texts[grades.index(100)]
        if quote := as_quote(prompt, texts, answer):
            return "quote", quote
        return "single", {"prompt": prompt, "choices": texts, "answer": answer}
    positive = {g for g in grades if g > 0}
    if len(positive) == 1 and abs(sum(g for g in grades if g > 0) - 100) < 0.01:
        return "multi", {"prompt": prompt, "choices": texts, "answers": right}
    raise _Unsupported("partial credit that is neither one right answer nor equal shares")


def classify(prompt: str, block: str, after: str, language: str) -> tuple[str, dict[str, Any]]:
    """(type, keys) of one question from its text and answer block (escapes hidden)."""
    stripped = block.strip()
    if not stripped:
        raise _Unsupported("an essay question has no right answer")
    if stripped.startswith("#"):
        return "numeric", {"prompt": restore(prompt + after).strip(), **_numeric(stripped)}
    if re.fullmatch(r"(?i)(T|TRUE|F|FALSE)(#.*)?", stripped, re.DOTALL):
        return "true_false", {"statement": restore(prompt + after).strip(),
                              "answer": stripped.split("#")[0].upper().startswith("T")}
    answers = _answers(stripped)
    if not answers:
        raise _Unsupported("no answers")
    if all(a.mark == "=" and "->" in a.text for a in answers):
        pairs = [tuple(restore(x).strip() for x in a.text.split("->", 1)) for a in answers]
        if any(not left for left, _ in pairs):
            raise _Unsupported("matching with extra right-hand items")
        return "match", {"prompt": restore(prompt + after).strip(), "pairs": dict(pairs)}
    if all(a.mark == "=" for a in answers):
        if any(_fraction(a) != 100 for a in answers):
            raise _Unsupported("short answers with partial credit")
        # `\*` is a literal star for Moodle's matcher (a bare `*` is a wildcard).
        accepted = [restore(a.text.replace("\\*", "*")) for a in answers]
        if after.strip() and len(accepted) == 1:
            text = f"{restore(prompt)}{{{{c1::{accepted[0]}}}}}{restore(after)}"
            return "cloze", {"text": text.strip()}
        shown = f"{restore(prompt)}_____{restore(after)}" if after.strip() else restore(prompt)
        return "short", {"prompt": shown.strip(), "answer": accepted[0], "accept": accepted[1:]}
    shown = f"{prompt}_____{after}" if after.strip() else prompt
    return _choices(restore(shown).strip(), answers, language)


def _answers_as_text(body: dict[str, Any]) -> dict[str, Any]:
    """An [html] question's answers as plain text (its prompt is converted before)."""
    out = dict(body)
    for key, value in body.items():
        if key in ("choices", "answers", "accept", "distractors"):
            out[key] = [html_to_text(v) for v in value]
        elif key in ("answer", "speaker") and isinstance(value, str):
            out[key] = html_to_text(value)
        elif key == "pairs":
            out[key] = {html_to_text(k): html_to_text(v) for k, v in value.items()}
    return out


def _blocks(text: str) -> list[tuple[int, str]]:
    """(first line, text) of each blank-line separated block, comments dropped."""
    blocks: list[tuple[int, str]] = []
    current: list[str] = []
    start = 1
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip().startswith("//"):
            continue
        if not line.strip():
            if current:
                blocks.append((start, "\n".join(current)))
            current = []
            continue
        if not current:
            start = n
        current.append(line)
    if current:
        blocks.append((start, "\n".join(current)))
    return blocks


def _question(imported: Imported, line: int, raw: str, language: str, problems: list[Problem]) -> None:
    text = _hide_escapes(raw.strip())
    name = ""
    if m := re.match(r"^::(.*?)::", text, re.DOTALL):
        name, text = restore(m[1]).strip(), text[m.end():]
    fmt = "moodle"
    if m := _FORMAT.match(text.lstrip()):
        fmt, text = m[1], text.lstrip()[m.end():]
    start, end = text.find("{"), text.find("}")
    label = name or f"line {line}"
    if start < 0:
        imported.skip(line, label, "a description has no answer")
        return
    if end < start:
        problems.append(Problem(imported.path, line, 1, f"question '{label}': '{{' without a closing '}}'"))
        return
    block, prompt, after = text[start + 1:end], text[:start], text[end + 1:]
    block, _, general = block.partition("####")
    if fmt == "html":
        prompt, after, general = (html_to_text(x) for x in (prompt, after, general))
    try:
        kind, body = classify(prompt, block, after, language)
    except _Unsupported as why:
        imported.skip(line, label, str(why))
        return
    if fmt == "html":
        body = _answers_as_text(body)
    imported.add(line, name or f"q{len(imported.questions) + 1}", kind, body,
                 feedback=restore(general).strip(), language=language)


def read_gift(data: bytes, path: str, *, language: str = "fr") -> Imported:
    """The questions of a GIFT file; BankError for text that is not GIFT."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BankError([Problem(path, 1, 1, f"not UTF-8 text (byte {exc.start})")]) from exc
    imported = Imported(path)
    problems: list[Problem] = []
    for line, raw in _blocks(text.replace("\r\n", "\n")):
        if m := re.match(r"^\$CATEGORY:\s*(.+)$", raw.strip()):
            parts = [p for p in re.split(r"(?<!/)/(?!/)", m[1].strip()) if p]
            if imported.title is None and parts:
                imported.title = parts[-1].replace("//", "/")
            continue
        _question(imported, line, raw, language, problems)
    if problems:
        raise BankError(problems)
    return imported
