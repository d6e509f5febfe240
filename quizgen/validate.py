"""Raw bank data → model, collecting every problem before stopping.

Shape and types are checked by the pydantic model; the rules that span
fields (an answer among the choices, a known source, evidence found in the
article…) are checked here, each problem pointing at the teacher's line.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError
from pydantic_core import ErrorDetails

from .errors import BankError, Problem
from .evidence import SourceText
from .loader import MAX_ARTICLE_BYTES, Document, Path_, iter_documents, read_text
from .model import (
    CLOZE_GAP,
    MAX_QUESTIONS,
    QUESTION_TYPES,
    AnyQuestion,
    Bank,
    Cloze,
    Multi,
    Order,
    Question,
    Quote,
    Single,
    Source,
)
from .sourcerules import source_member, source_rules, source_shape_message
from .text import did_you_mean, fold_answer, normalize, word_count

DEFAULT_SUMMARY_WORDS = 80
#: Characters of article searched for closest passages in one run: past it,
#: a missing evidence is reported without its closest passage (bounds the time
#: a bank full of wrong evidence takes on long articles).
NEAR_MISS_BUDGET = 50_000_000
_QUESTION = TypeAdapter(Question)


@dataclass(frozen=True)
class Options:
    max_summary_words: int = DEFAULT_SUMMARY_WORDS


class _Report:
    """Collects the problems of one document, turning data paths into positions."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.problems: list[Problem] = []
        self._reported: set[Path_] = set()

    def add(self, path: Path_, message: str, *, key: bool = False) -> None:
        line, col = self.doc.positions.of(path, key=key)
        self.problems.append(Problem(self.doc.display, line, col, message))

    def pydantic(self, prefix: Path_, error: ErrorDetails, data: Any) -> None:
        loc = source_member(_strip_union_tag(tuple(error["loc"]), _at(data, prefix)), _at(data, prefix))
        if loc is None:
            return
        # `int | float` fields fail once per member: report the field once.
        members: set[str | int] = set()
        while loc and loc[-1] in _SCALAR_MEMBERS:
            members.add(loc[-1])
            loc = loc[:-1]
        if members & _NUMBER_MEMBERS and _is_type_error(error):
            error = {**error, "type": "float_parsing"}
        path = (*prefix, *loc)
        if path in self._reported:
            return
        self._reported.add(path)
        kind = error["type"]
        field = _field_name(loc)
        if not loc and prefix[:1] == ("questions",) and kind.endswith("_type"):
            self.add(path, f"a question is a mapping (- id: …, type: …), got {error['input']!r}")
            return
        if kind == "missing":
            owner = _owner_name(data, prefix, loc)
            self.add(path[:-1], f"missing key '{loc[-1]}'{owner}")
        elif kind == "extra_forbidden":
            allowed = _allowed_keys(data, prefix, loc)
            hint = did_you_mean(str(loc[-1]), allowed)
            self.add(path, f"unknown key '{loc[-1]}'{hint}", key=True)
        elif kind == "union_tag_invalid":
            given = error["ctx"]["tag"]
            self.add((*path, "type"),
                     f"unknown question type '{given}'{did_you_mean(given, QUESTION_TYPES)}; "
                     f"expected one of: {', '.join(QUESTION_TYPES)}")
        elif kind == "union_tag_not_found":
            self.add(path, f"missing key 'type' (one of: {', '.join(QUESTION_TYPES)})")
        elif (message := source_shape_message(loc, error)) is not None:
            self.add(path, message, key=loc[-1:] == ("[key]",))
        elif kind == "string_pattern_mismatch" and loc and loc[-1] in ("id", "source"):
            self.add(path, f"{field}: '{error['input']}' is not a valid id: use lower-case letters, "
                           "digits, '-' or '_' (no spaces or accents)")
        elif kind == "string_pattern_mismatch" and "tags" in loc:
            self.add(path, f"tag '{error['input']}' has a space: use '-' or '_' instead")
        elif (shape := _shape_message(data, prefix, loc, error)) is not None:
            self.add(path, shape, key=loc[-1:] == ("[key]",))
        elif kind == "string_too_short":
            self.add(path, f"{field} is empty")
        elif kind == "too_short":
            n = error["ctx"]["min_length"]
            self.add(path, f"{field} needs at least {n} item{'s' if n != 1 else ''}")
        elif kind in ("date_from_datetime_parsing", "date_parsing", "date_type"):
            self.add(path, f"{field}: expected a date written YYYY-MM-DD, got {error['input']!r}")
        else:
            self.add(path, f"{field}: {_plain(error)}")


def _field_name(loc: Path_) -> str:
    out = ""
    for p in loc:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "value"


def _at(data: Any, path: Path_) -> Any:
    for p in path:
        try:
            data = data[p]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _strip_union_tag(loc: Path_, value: Any) -> Path_:
    """pydantic puts the discriminator value in the location of a question's errors."""
    if loc and isinstance(value, dict) and loc[0] == value.get("type") and loc[0] in QUESTION_TYPES:
        return loc[1:]
    return loc


def _owner_name(data: Any, prefix: Path_, loc: Path_) -> str:
    owner = _at(data, (*prefix, *loc[:-1]))
    if prefix[:1] == ("questions",) and len(loc) == 1 and isinstance(owner, dict):
        return f" (required for a {owner.get('type')} question)"
    if loc[:1] == ("sources",) and len(loc) == 3:
        return " in this source"
    if len(loc) == 1 and not prefix:
        return " in the bank"
    return ""


def _allowed_keys(data: Any, prefix: Path_, loc: Path_) -> Iterable[str]:
    owner = _at(data, (*prefix, *loc[:-1]))
    if prefix[:1] == ("questions",) and len(loc) == 1 and isinstance(owner, dict):
        cls = QUESTION_TYPES.get(owner.get("type", ""))
        return cls.model_fields if cls else ()
    if prefix[:1] == ("sources",) or loc[:1] == ("sources",):
        return Source.model_fields
    return Bank.model_fields


_NUMBER_MEMBERS = {"int", "float", "constrained-int", "constrained-float"}
_SCALAR_MEMBERS = {"str", "bool", "none", "date", *_NUMBER_MEMBERS}


def _is_type_error(error: ErrorDetails) -> bool:
    return error["type"].endswith(("_type", "_parsing")) or error["type"] == "int_from_float"


def _errors(exc: ValidationError) -> list[ErrorDetails]:
    """pydantic's errors, those that say why a value breaks a rule before those
    that only say it has another type (a number union fails once per member)."""
    return sorted(exc.errors(), key=_is_type_error)


def _shape_message(data: Any, prefix: Path_, loc: Path_, error: ErrorDetails) -> str | None:
    """The teacher's wording for a shape rule of the model, None for the generic one."""
    kind, field = error["type"], loc[-1] if loc else ""
    question = _at(data, prefix) if prefix[:1] == ("questions",) else None
    qtype = question.get("type") if isinstance(question, dict) else None
    if kind == "too_short" and qtype and len(loc) == 1:
        if (qtype, field) == ("multi", "answers"):
            return "a multi question needs at least one right answer in 'answers'"
        n, got = error["ctx"]["min_length"], error["ctx"]["actual_length"]
        what = field if n != 1 else str(field).removesuffix("s")
        article = "an" if str(qtype)[:1] in "aeiou" else "a"
        return f"{article} {qtype} question needs at least {n} {what}, got {got}"
    if kind == "greater_than_equal" and field == "tolerance":
        return f"tolerance must be zero or more, got {error['input']}"
    if kind == "finite_number":
        return f"{field} must be a finite number, got {error['input']}"
    if kind in ("string_pattern_mismatch", "string_too_short") and loc[-1:] == ("[key]",):
        return "a pair has an empty left side"
    if kind == "string_pattern_mismatch" and qtype == "cloze" and loc == ("text",):
        return "a cloze needs at least one gap written {{c1::answer}}"
    return None
_PLAIN = {
    "string_type": "expected text",
    "bool_type": "expected true or false",
    "bool_parsing": "expected true or false",
    "int_type": "expected a whole number",
    "float_type": "expected a number",
    "float_parsing": "expected a number (use a dot for decimals: 2.5)",
    "int_parsing": "expected a whole number",
    "int_from_float": "expected a whole number",
    "list_type": "expected a list (lines starting with '- ')",
    "dict_type": "expected a mapping (key: value lines)",
    "model_type": "expected a mapping (key: value lines)",
    "model_attributes_type": "expected a mapping (key: value lines)",
}


def _plain(error: ErrorDetails) -> str:
    base = _PLAIN.get(error["type"], error["msg"])
    got = error.get("input")
    if isinstance(got, (dict, list)):
        return f"{base}, got a {'mapping' if isinstance(got, dict) else 'list'}"
    return f"{base}, got {got!r}"


class _Validator:
    def __init__(self, options: Options):
        self.options = options
        self._texts: dict[Path, SourceText | None] = {}
        self._near_miss_budget = NEAR_MISS_BUDGET

    def bank(self, doc: Document) -> tuple[Bank | None, list[Problem]]:
        report = _Report(doc)
        data = doc.data
        if not isinstance(data, dict):
            report.add((), "a bank is a mapping with keys id, title, as_of, sources and questions")
            return None, report.problems

        raw = data.get("questions")
        if isinstance(raw, list) and len(raw) > MAX_QUESTIONS:
            report.add(("questions",), f"{len(raw):,} questions; a bank holds at most {MAX_QUESTIONS:,}: "
                                       "split it into several banks")
            return None, report.problems
        questions = self._questions(report, data)
        header = dict(data)
        checked_one_by_one = isinstance(raw, list) and bool(raw)
        if checked_one_by_one:
            header["questions"] = [q for _, q in questions]
        bank: Bank | None = None
        try:
            bank = Bank.model_validate(header)
        except ValidationError as exc:
            for error in _errors(exc):
                if checked_one_by_one and tuple(error["loc"])[:1] == ("questions",):
                    continue  # reported against the question itself
                report.pydantic((), error, data)

        sources = self._sources(report, doc, data)
        self._cross_checks(report, data, questions, sources)
        if report.problems or bank is None:
            return None, report.problems
        bank.attach_path(doc.path)
        for source in bank.sources:
            source.attach_text(sources[source.id].text)  # type: ignore[union-attr]
        return bank, []

    def _questions(self, report: _Report, data: dict[str, Any]) -> list[tuple[int, AnyQuestion]]:
        raw = data.get("questions")
        if not isinstance(raw, list):
            return []
        built: list[tuple[int, AnyQuestion]] = []
        for i, item in enumerate(raw):
            prefix = ("questions", i)
            try:
                question = _QUESTION.validate_python(item)
            except ValidationError as exc:
                errors = _errors(exc)
                for error in errors:
                    report.pydantic(prefix, error, data)
                retried = _without_unknown_keys(item, errors)
                if retried is None:
                    continue
                question = retried
            for path, message in _question_rules(question):
                report.add((*prefix, *path), message)
            built.append((i, question))
        return built

    def _sources(self, report: _Report, doc: Document, data: dict[str, Any]) -> dict[str, SourceText | None]:
        out: dict[str, SourceText | None] = {}
        raw = data.get("sources")
        if not isinstance(raw, list):
            return out
        for i, item in enumerate(raw):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                continue
            prefix = ("sources", i)
            sid = item["id"]
            if sid in out:
                report.add((*prefix, "id"), f"duplicate source id '{sid}'")
                continue
            summary = item.get("summary")
            if isinstance(summary, str):
                words = word_count(summary)
                if words > self.options.max_summary_words:
                    report.add((*prefix, "summary"),
                               f"summary has {words} words; the limit is {self.options.max_summary_words}")
            out[sid] = None
            rel = item.get("path")
            if isinstance(rel, str) and rel.strip():
                out[sid] = self._source_text(report, (*prefix, "path"), doc.path.parent / rel, rel)
        return out

    def _source_text(self, report: _Report, at: Path_, path: Path, rel: str) -> SourceText | None:
        key = path.resolve()
        if key not in self._texts:
            if not path.is_file():
                report.add(at, f"source file '{rel}' not found (looked for {path})")
                return None
            text, problems = read_text(path, str(path), what="source file", max_bytes=MAX_ARTICLE_BYTES)
            self._texts[key] = SourceText(text) if text is not None else None
            for p in problems:
                report.add(at, f"{rel}: {p.message}")
        return self._texts[key]

    def _cross_checks(self, report: _Report, data: dict[str, Any],
                      questions: list[tuple[int, AnyQuestion]],
                      sources: dict[str, SourceText | None]) -> None:
        seen: dict[str, int] = {}
        raw = data.get("questions")
        if isinstance(raw, list):
            for i, item in enumerate(raw):
                qid = item.get("id") if isinstance(item, dict) else None
                if isinstance(qid, str):
                    if qid in seen:
                        first = report.doc.positions.of(("questions", seen[qid], "id"))[0]
                        report.add(("questions", i, "id"),
                                   f"duplicate question id '{qid}' (first used on line {first})")
                    else:
                        seen[qid] = i
        for i, q in questions:
            prefix = ("questions", i)
            for at, message in source_rules(q, sources):
                # An evidence key that names no source of the question: point at the key.
                report.add((*prefix, *at), message, key=len(at) == 2 and at[0] == "evidence")
            if isinstance(q.evidence, str) != isinstance(q.source, str):
                continue
            for sid, passage in q.evidence_by_source.items():
                text = sources.get(sid)
                if sid not in q.sources or text is None or text.contains(passage):
                    continue
                at = ("evidence",) if isinstance(q.evidence, str) else ("evidence", sid)
                report.add((*prefix, *at), self._not_found(text, passage, sid))

    def _not_found(self, text: SourceText, passage: str, sid: str) -> str:
        message = f"evidence not found in source '{sid}'"
        near = None
        if self._near_miss_budget > 0:
            self._near_miss_budget -= len(text.text)
            near = text.closest(passage)
        if near is not None:
            shown = near.text if len(near.text) <= 200 else near.text[:197] + "…"
            message += f"; closest passage (article line {near.line}): «\u00a0{shown}\u00a0»"
        return message


def _without_unknown_keys(item: Any, errors: list[ErrorDetails]) -> AnyQuestion | None:
    """The question without its unknown keys, when they are all that is wrong
    with its shape, so that its other mistakes are reported too."""
    locs = [_strip_union_tag(tuple(e["loc"]), item) for e in errors]
    if not isinstance(item, dict) or any(e["type"] != "extra_forbidden" for e in errors) \
            or any(len(loc) != 1 for loc in locs):
        return None
    unknown = {loc[0] for loc in locs}
    try:
        return _QUESTION.validate_python({k: v for k, v in item.items() if k not in unknown})
    except ValidationError:
        return None


def _question_rules(q: AnyQuestion) -> Iterable[tuple[Path_, str]]:
    """Rules across the fields of one question: (path inside the question, message)."""
    rule = _RULES.get(type(q))
    return rule(q) if rule else ()


def _among(value: str, choices: Sequence[str], what: str) -> str | None:
    if value in choices:
        return None
    near = [c for c in choices if normalize(c) == normalize(value)]
    if near:
        return (f"{what} '{value}' differs from the choice '{near[0]}' only in typography or case: "
                "copy it exactly")
    return f"{what} '{value}' is not among the choices{did_you_mean(value, choices)}"


def _duplicates(items: Sequence[str], field: str) -> Iterable[tuple[Path_, str]]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        key = normalize(item)
        if key in seen:
            yield (field, i), f"'{item}' appears twice in {field}"
        seen.add(key)


def _single(q: Single) -> Iterable[tuple[Path_, str]]:
    yield from _duplicates(q.choices, "choices")
    problem = _among(q.answer, q.choices, "answer")
    if problem:
        yield ("answer",), problem


def _multi(q: Multi) -> Iterable[tuple[Path_, str]]:
    yield from _duplicates(q.choices, "choices")
    yield from _duplicates(q.answers, "answers")
    for i, answer in enumerate(q.answers):
        problem = _among(answer, q.choices, "answer")
        if problem:
            yield ("answers", i), problem


def _quote(q: Quote) -> Iterable[tuple[Path_, str]]:
    speaker = fold_answer(q.speaker)
    for i, d in enumerate(q.distractors):
        if fold_answer(d) == speaker:
            yield ("distractors", i), f"the speaker '{q.speaker}' is also a distractor"
    yield from _duplicates(q.distractors, "distractors")


def _order(q: Order) -> Iterable[tuple[Path_, str]]:
    yield from _duplicates(q.items, "items")


def _cloze(q: Cloze) -> Iterable[tuple[Path_, str]]:
    for number, answer, _hint in q.gaps:
        if not answer.strip():
            yield ("text",), f"gap c{number} is empty"
    stray = CLOZE_GAP.sub("", q.text)
    if "{{" in stray or "}}" in stray:
        yield ("text",), "malformed gap: write {{c1::answer}} or {{c1::answer::hint}}"


_RULES: dict[type, Callable[[Any], Iterable[tuple[Path_, str]]]] = {
    Single: _single, Multi: _multi, Quote: _quote, Order: _order, Cloze: _cloze,
}


def check_banks(paths: Iterable[str | Path], *,
                options: Options | None = None) -> tuple[list[Bank], list[Problem]]:
    """Load and validate every bank under `paths`: (valid banks, every problem)."""
    validator = _Validator(options or Options())
    banks: list[Bank] = []
    problems: list[Problem] = []
    ids: dict[str, str] = {}
    for doc, doc_problems in iter_documents(paths):
        problems.extend(doc_problems)
        if doc is None:
            continue
        bank, bank_problems = validator.bank(doc)
        problems.extend(bank_problems)
        if bank is None:
            continue
        if bank.id in ids:
            line, col = doc.positions.of(("id",))
            problems.append(Problem(doc.display, line, col,
                                    f"bank id '{bank.id}' is also used by {ids[bank.id]}"))
            continue
        ids[bank.id] = doc.display
        banks.append(bank)
    return banks, problems


def load_banks(paths: Iterable[str | Path], *, options: Options | None = None) -> list[Bank]:
    """Every bank under `paths` (files, or folders of *.yaml), validated.

    Raises BankError listing every problem if any bank is invalid.
    """
    banks, problems = check_banks(paths, options=options)
    if problems:
        raise BankError(problems)
    return banks


def load_bank(path: str | Path, *, options: Options | None = None) -> Bank:
    """One bank file, validated (raises BankError)."""
    banks = load_banks([path], options=options)
    if len(banks) != 1:
        raise BankError([Problem(str(path), 1, 1, "expected exactly one bank file")])
    return banks[0]
