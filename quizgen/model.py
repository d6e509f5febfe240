"""The one model of a question bank that every part of quizgen reads.

Plain, format-neutral data: no I/O, no HTML, no XML. Text fields hold the
teacher's plain text; escaping belongs to the exporters and templates.

The key and type names are a contract (the JSON export and other tools read
them): add optional fields, never rename.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, StringConstraints

SLUG_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
TAG_PATTERN = r"^[^\s]+$"
CLOZE_GAP = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)

Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG_PATTERN, max_length=80),
    Field(description="Lower-case letters, digits, '-' or '_': stable, used for IDs."),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
#: The left side of a match pair: some text, not only spaces.
PAIR_LEFT_PATTERN = r"\S"
PairLeft = Annotated[str, StringConstraints(min_length=1, pattern=PAIR_LEFT_PATTERN)]


def _pairs_schema(schema: dict[str, Any]) -> None:
    """pydantic writes a key pattern as `patternProperties` (which constrains
    values, not keys): say it with `propertyNames` so editors refuse a blank left side."""
    values = schema.pop("patternProperties", {}).popitem()[1]
    schema["propertyNames"] = {"minLength": 1, "pattern": PAIR_LEFT_PATTERN}
    schema["additionalProperties"] = values


#: A figure: a whole number or a finite decimal.
Figure = int | Annotated[float, Field(allow_inf_nan=False)]
#: A distance from the answer: zero or more, finite.
Tolerance = Annotated[int, Field(ge=0)] | Annotated[float, Field(ge=0, allow_inf_nan=False)]
#: A cloze text holds at least one gap (the same syntax as CLOZE_GAP).
CLOZE_GAP_PATTERN = r"\{\{c\d+::[\s\S]*?\}\}"
#: Questions in one bank; split a bigger one into several banks.
MAX_QUESTIONS = 10_000
Tag = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, pattern=TAG_PATTERN),
    Field(description="One word; use '-' or '_' instead of spaces."),
]


class _Strict(BaseModel):
    # Unknown keys are errors (a typo must not be silently ignored); numbers
    # typed where text is expected ("answer: 1991") are taken as text.
    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


class Source(_Strict):
    """An article a bank quizzes on; its text lives in a file beside the bank."""

    id: Slug
    title: Text
    outlet: Text
    published: date
    path: Text = Field(description="Plain-text article, relative to the bank file.")
    summary: Text = Field(description="A short summary in your own words (word limit).")
    url: str | None = Field(default=None, description="Where the article was published.")
    author: str | None = None

    _text: str = PrivateAttr(default="")

    @property
    def text(self) -> str:
        """The article text (NFC), filled in by the loader."""
        return self._text

    def attach_text(self, text: str) -> None:
        """Give the source its article's text (the loader does, once the file is read)."""
        self._text = text


#: Several sources: two ids or more, each once.
SourceList = Annotated[list[Slug], Field(min_length=2, json_schema_extra={"uniqueItems": True})]


def _evidence_map_schema(schema: dict[str, Any]) -> None:
    """Keys are source ids: say it with `propertyNames` (see _pairs_schema)."""
    values = schema.pop("patternProperties", {}).popitem()[1]
    schema["propertyNames"] = {"pattern": SLUG_PATTERN, "maxLength": 80}
    schema["additionalProperties"] = values
    schema["minProperties"] = 2


#: Several sources' evidence: source id -> its extract.
EvidenceMap = Annotated[dict[Slug, Text], Field(json_schema_extra=_evidence_map_schema)]
SOURCE_HELP = ("The id of one of the bank's sources, or a list of two or more ids "
               "for a question across articles.")
EVIDENCE_HELP = ("The passage of the source that proves the answer; with several sources, "
                 "a mapping: source id -> its passage.")


class _QuestionBase(_Strict):
    type: str
    id: Slug
    source: Slug | SourceList = Field(description=SOURCE_HELP)
    evidence: Text | EvidenceMap = Field(description=EVIDENCE_HELP)
    explanation: Text
    tags: list[Tag] = Field(default_factory=list)
    draft: bool = Field(default=False, description="Written by the draft generator, not yet reviewed.")
    review: bool = Field(default=False, description="The generator was unsure: check this one.")

    @property
    def sources(self) -> list[str]:
        """The ids of the question's sources: one, or several for a question across articles."""
        return [self.source] if isinstance(self.source, str) else list(self.source)

    @property
    def evidence_by_source(self) -> dict[str, str]:
        """Source id -> the passage of that source that proves the answer, in `sources` order.

        One shape for both ways of writing a question: `source: a` with
        `evidence: "…"`, or `source: [a, b]` with `evidence: {a: "…", b: "…"}`.
        """
        if isinstance(self.evidence, str):
            return {sid: self.evidence for sid in self.sources[:1]}
        ordered = {sid: self.evidence[sid] for sid in self.sources if sid in self.evidence}
        return {**ordered, **self.evidence}

    @property
    def evidence_text(self) -> str:
        """Every evidence passage, one per line (for checks that read the evidence as text)."""
        return "\n".join(self.evidence_by_source.values())

    @property
    def text_fields(self) -> dict[str, str]:
        """Every free-text field of the question (for search, scans and tests)."""
        out: dict[str, str] = {}
        for name, value in self:
            if isinstance(value, str) and name not in ("type", "id", "source"):
                out[name] = value
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, str):
                        out[f"{name}[{i}]"] = item
            elif isinstance(value, dict) and name == "evidence":
                for k, v in value.items():
                    out[f"evidence[{k}]"] = v
            elif isinstance(value, dict):
                for i, (k, v) in enumerate(value.items()):
                    out[f"{name}[{i}].left"] = k
                    out[f"{name}[{i}].right"] = v
        return out


class Single(_QuestionBase):
    """One right choice."""

    type: Literal["single"]
    prompt: Text
    choices: list[Text] = Field(min_length=2)
    answer: Text = Field(description="The right choice, written as in `choices`.")


class Multi(_QuestionBase):
    """Select all that apply."""

    type: Literal["multi"]
    prompt: Text
    choices: list[Text] = Field(min_length=2)
    answers: list[Text] = Field(min_length=1, description="Every right choice, written as in `choices`.")


class TrueFalse(_QuestionBase):
    """A statement, true or false."""

    type: Literal["true_false"]
    statement: Text
    answer: bool


class Numeric(_QuestionBase):
    """A figure, right within a tolerance."""

    type: Literal["numeric"]
    prompt: Text
    answer: Figure
    tolerance: Tolerance = Field(default=0, description="Accepted distance from the answer (>= 0).")
    unit: str | None = Field(default=None, description="Shown after the input, e.g. 'minutes'.")

    def accepts(self, value: float) -> bool:
        return abs(value - self.answer) <= self.tolerance + 1e-9


STRICT_HELP = "Grade typed answers exactly: no typos, no transliterations."


class Short(_QuestionBase):
    """A typed answer; case and accents are ignored when grading."""

    type: Literal["short"]
    prompt: Text
    answer: Text
    accept: list[Text] = Field(default_factory=list, description="Other accepted spellings.")
    strict: bool = Field(default=False, description=STRICT_HELP)

    @property
    def accepted(self) -> list[str]:
        return [self.answer, *self.accept]


class Quote(_QuestionBase):
    """Who said it?"""

    type: Literal["quote"]
    quote: Text = Field(description="The quotation, without the guillemets.")
    speaker: Text
    distractors: list[Text] = Field(min_length=1, description="Plausible other speakers of the same kind.")
    context: str | None = Field(default=None, description="When or where it was said, shown with the quote.")


class Match(_QuestionBase):
    """Pair each left item with its right item."""

    type: Literal["match"]
    prompt: Text
    pairs: dict[PairLeft, Text] = Field(min_length=2, description="left: right, one pair a line.",
                                        json_schema_extra=_pairs_schema)


class Order(_QuestionBase):
    """Put the items in order."""

    type: Literal["order"]
    prompt: Text
    items: list[Text] = Field(min_length=2, description="The items, in the right order.")


class Cloze(_QuestionBase):
    """Fill the gaps: Anki syntax, {{c1::answer}} or {{c1::answer::hint}}."""

    type: Literal["cloze"]
    text: Annotated[Text, StringConstraints(pattern=CLOZE_GAP_PATTERN)] = Field(
        description="Gaps written {{c1::answer}} or {{c1::answer::hint}}.")
    strict: bool = Field(default=False, description=STRICT_HELP)

    @property
    def gaps(self) -> list[tuple[int, str, str | None]]:
        """(number, answer, hint) for each gap, in reading order."""
        return [(int(m[1]), m[2], m[3]) for m in CLOZE_GAP.finditer(self.text)]


AnyQuestion = Single | Multi | TrueFalse | Numeric | Short | Quote | Match | Order | Cloze
Question = Annotated[AnyQuestion, Field(discriminator="type")]

QUESTION_TYPES: dict[str, type[_QuestionBase]] = {
    get_args(cls.model_fields["type"].annotation)[0]: cls
    for cls in (Single, Multi, TrueFalse, Numeric, Short, Quote, Match, Order, Cloze)
}


class Bank(_Strict):
    """One story: its sources and the questions on them."""

    id: Slug = Field(description="Stable: deck IDs and note GUIDs derive from it.")
    title: Text
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2}$")] = "fr"
    as_of: date = Field(description="The date the facts were reported.")
    description: str | None = None
    sources: list[Source] = Field(min_length=1)
    questions: list[Question] = Field(min_length=1, max_length=MAX_QUESTIONS)

    _path: Path | None = PrivateAttr(default=None)

    @property
    def path(self) -> Path | None:
        """The YAML file the bank was loaded from, if any."""
        return self._path

    def attach_path(self, path: Path) -> None:
        """Record the YAML file the bank was loaded from (the loader does)."""
        self._path = path

    def source(self, source_id: str) -> Source:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)

    def question(self, question_id: str) -> AnyQuestion:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise KeyError(question_id)

    def to_data(self) -> dict[str, Any]:
        """The bank as plain JSON-ready data (the interchange format), keys in
        the order a teacher writes them."""
        data = self.model_dump(mode="json", exclude={"questions"})
        data["questions"] = [question_to_data(q) for q in self.questions]
        return data


_LEADING = ("id", "type", "source")
_TRAILING = ("evidence", "explanation", "tags", "draft", "review")


def in_key_order(data: dict[str, Any]) -> dict[str, Any]:
    """A question's keys in the order a teacher writes them: id, type and
    source first, then the type's own keys (as the model declares them), then
    evidence, explanation, tags and the review flags. Keys `data` lacks stay out."""
    middle = [k for k in data if k not in _LEADING and k not in _TRAILING]
    return {k: data[k] for k in (*_LEADING, *middle, *_TRAILING) if k in data}


def question_to_data(question: AnyQuestion) -> dict[str, Any]:
    """A question as plain JSON-ready data, keys in a teacher's order (in_key_order)."""
    return in_key_order(question.model_dump(mode="json"))
