"""Reading a Moodle XML file (Question bank → Export → Moodle XML) into bank questions.

multichoice → single / multi (or quote when quizgen wrote it), truefalse,
shortanswer, numerical, matching, ordering and cloze (multianswer with
SHORTANSWER gaps) come back; other types (essay, description, drag and
drop, calculated…) and grades the bank cannot express are left out with a
warning. HTML becomes plain text.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from ..errors import QuizgenError
from ..exporters.moodle import HINT_CLASS
from .common import Imported, as_quote, html_to_text, parse_xml

_GAP = re.compile(r"\{(\d*):(SHORTANSWER|SA|MW|SHORTANSWER_C|SAC|MWC):(.*?)(?<!\\)\}"
                  rf"(?:\s*<span class=\"{HINT_CLASS}\">\((.*?)\)</span>)?", re.DOTALL)
_ANY_GAP = re.compile(r"\{\d*:[A-Z_]+:.*?(?<!\\)\}", re.DOTALL)


class _Unsupported(Exception):
    pass


def _text(el: etree._Element | None, tag: str = "text") -> str:
    """The text of `el/tag`, as plain text when the element's format is HTML."""
    if el is None:
        return ""
    node = el.find(tag)
    raw = node.text if node is not None and node.text else ""
    return html_to_text(raw) if el.get("format", "html") == "html" else raw.strip()


def _fraction(answer: etree._Element) -> float:
    try:
        return float(answer.get("fraction", "0"))
    except ValueError as exc:
        raise _Unsupported(f"grade '{answer.get('fraction')}' is not a number") from exc


def _number(text: str) -> int | float:
    value = float(text.strip().replace(",", "."))
    return int(value) if value == int(value) and abs(value) < 1e15 else value


def _multichoice(q: etree._Element, prompt: str) -> tuple[str, dict[str, Any]]:
    answers = q.findall("answer")
    texts = [_text(a) for a in answers]
    grades = [_fraction(a) for a in answers]
    single = (q.findtext("single") or "true").strip().lower() in ("true", "1")
    if single and grades.count(100) == 1 and all(g <= 0 for g in grades if g != 100):
        right = texts[grades.index(100)]
        if quote := as_quote(prompt, texts, right):
            return "quote", quote
        return "single", {"prompt": prompt, "choices": texts, "answer": right}
    positive = [g for g in grades if g > 0]
    if not single and positive and max(positive) - min(positive) < 0.01 and abs(sum(positive) - 100) < 0.1:
        return "multi", {"prompt": prompt, "choices": texts,
                         "answers": [t for t, g in zip(texts, grades, strict=True) if g > 0]}
    raise _Unsupported("grades that are neither one right answer nor equal shares")


def _cloze(q: etree._Element) -> dict[str, Any]:
    node = q.find("questiontext/text")
    markup = node.text if node is not None and node.text else ""
    out, pos, n = [], 0, 0
    for m in _ANY_GAP.finditer(markup):
        gap = _GAP.match(markup, m.start())
        if gap is None:
            raise _Unsupported("a cloze gap other than SHORTANSWER")
        answers = [a for a in re.split(r"(?<!\\)~", gap[3]) if a]
        right = [a for a in answers if a.startswith(("=", "%100%"))]
        if len(right) != 1 or len(answers) != 1:
            raise _Unsupported("a cloze gap with several answers")
        answer = re.sub(r"\\(.)", r"\1", re.sub(r"^(=|%100%)", "", right[0]).split("#")[0])
        n += 1
        hint = f"::{gap[4]}" if gap[4] else ""
        out.append(markup[pos:m.start()])
        out.append(f"{{{{c{n}::{answer}{hint}}}}}")
        pos = gap.end()
    out.append(markup[pos:])
    if not n:
        raise _Unsupported("a cloze question without gaps")
    # Answers and hints are still HTML here: the whole text is converted once.
    return {"text": html_to_text("".join(out))}


def _numerical(q: etree._Element, prompt: str) -> dict[str, Any]:
    right = [a for a in q.findall("answer") if _fraction(a) == 100]
    if len(right) != 1 or len(q.findall("answer")) != 1:
        raise _Unsupported("several numeric answers")
    body: dict[str, Any] = {"prompt": prompt, "answer": _number(right[0].findtext("text") or "")}
    body["tolerance"] = _number(right[0].findtext("tolerance") or "0")
    units = [u for u in q.findall("units/unit") if _number(u.findtext("multiplier") or "1") == 1]
    if units and units[0].findtext("unit_name"):
        body["unit"] = units[0].findtext("unit_name", "").strip()
    return body


def _body(q: etree._Element, kind: str) -> tuple[str, dict[str, Any]]:
    prompt = _text(q.find("questiontext"))
    answers = q.findall("answer")
    match kind:
        case "multichoice":
            return _multichoice(q, prompt)
        case "truefalse":
            right = [_text(a).lower() for a in answers if _fraction(a) == 100]
            return "true_false", {"statement": prompt, "answer": right == ["true"]}
        case "shortanswer":
            graded = [a for a in answers if _fraction(a) > 0]  # 0: a wrong answer's feedback
            if any(_fraction(a) != 100 for a in graded) or not graded:
                raise _Unsupported("short answers with partial credit")
            accepted = [_text(a).replace("\\*", "*") for a in graded]  # `\*`: a literal star
            return "short", {"prompt": prompt, "answer": accepted[0], "accept": accepted[1:]}
        case "numerical":
            return "numeric", _numerical(q, prompt)
        case "matching" | "match":
            pairs = [(_text(s), (s.findtext("answer/text") or "").strip()) for s in q.findall("subquestion")]
            if any(not left for left, _ in pairs):
                raise _Unsupported("matching with extra right-hand items")
            return "match", {"prompt": prompt, "pairs": dict(pairs)}
        case "ordering":
            ranked = sorted(answers, key=_fraction)
            return "order", {"prompt": prompt, "items": [_text(a) for a in ranked]}
        case "cloze" | "multianswer":
            return "cloze", _cloze(q)
    raise _Unsupported(f"Moodle type '{kind}' has no quizgen type")


def read_moodle(data: bytes, path: str, *, language: str = "fr") -> Imported:
    """The questions of a Moodle XML file; QuizgenError for a file that is not one."""
    root = parse_xml(data, path)
    imported = Imported(path)
    if root.tag != "quiz":
        raise QuizgenError(f"{path}:{root.sourceline}:1: not a Moodle XML file "
                           f"(the root is <{root.tag}>, not <quiz>)")
    for q in root.iter("question"):
        kind = q.get("type", "")
        if kind == "category":
            parts = [p for p in re.split(r"(?<!/)/(?!/)", q.findtext("category/text", "").strip()) if p]
            if imported.title is None and parts and parts[-1] not in ("top", "$course$"):
                imported.title = parts[-1].replace("//", "/")
            continue
        name = (q.findtext("name/text") or "").strip() or f"q{len(imported.questions) + 1}"
        try:
            qtype, body = _body(q, kind)
        except (_Unsupported, ValueError) as why:
            imported.skip(q.sourceline or 1, name, str(why))
            continue
        tags = [t.strip() for t in q.xpath("tags/tag/text/text()")]
        feedback = _text(q.find("generalfeedback"))
        imported.add(q.sourceline or 1, name, qtype, body, feedback=feedback, tags=tags, language=language)
    return imported
