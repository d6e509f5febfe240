"""What the teacher sees of a session: who joined, progress, scores, item analysis."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from babel.numbers import format_decimal, get_decimal_symbol
from sqlalchemy import Connection, Row, select

from quizgen.grading import FULL, answer_label, key, normalize_spaces
from quizgen.model import AnyQuestion
from quizgen.present import locale_for

from .catalog import Entry
from .db import answer, attempt


@dataclass
class Student:
    nickname: str
    joined_at: datetime
    answered: int = 0
    score: float = 0.0
    last_answer_at: datetime | None = None
    scores: dict[str, float] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)  # the answer given, by question id


@dataclass
class Item:
    number: int
    question_id: str
    question: AnyQuestion | None
    answers: int = 0
    correct: int = 0
    total_score: float = 0.0
    #: (answer given, how many, did it earn full marks), most frequent first.
    distribution: list[tuple[str, int, bool]] = field(default_factory=list)
    #: The right answer as the bank spells it (grading.key), laid out as the
    #: answers given are labelled ("Poutine", "Tadjikistan | 30").
    right_answer: str | None = None

    @property
    def share_correct(self) -> float | None:
        return self.correct / self.answers if self.answers else None

    @property
    def mean_score(self) -> float | None:
        return self.total_score / self.answers if self.answers else None


@dataclass
class Results:
    students: list[Student]
    items: list[Item]
    total: int  # questions in the session

    def to_data(self) -> dict[str, Any]:
        return {
            "questions": self.total,
            "students": [
                {"nickname": s.nickname, "answered": s.answered, "score": round(s.score, 4),
                 "scores": {k: round(v, 4) for k, v in s.scores.items()}}
                for s in self.students
            ],
            "items": [
                {"number": i.number, "question_id": i.question_id, "answers": i.answers,
                 "correct": i.correct,
                 "share_correct": None if i.share_correct is None else round(i.share_correct, 4),
                 "mean_score": None if i.mean_score is None else round(i.mean_score, 4),
                 "right_answer": i.right_answer,
                 "distribution": [{"answer": label, "count": n, "right": right}
                                  for label, n, right in i.distribution]}
                for i in self.items
            ],
        }


def session_results(conn: Connection, session: Row[Any], entry: Entry | None) -> Results:
    question_ids: list[str] = json.loads(session.question_ids)
    by_id = entry.by_id if entry else {}
    students: dict[int, Student] = {}
    for row in conn.execute(
            select(attempt.c.id, attempt.c.nickname, attempt.c.created_at)
            .where(attempt.c.session_id == session.id).order_by(attempt.c.created_at, attempt.c.id)):
        students[row.id] = Student(row.nickname, row.created_at)
    items = {qid: Item(n, qid, by_id.get(qid)) for n, qid in enumerate(question_ids, start=1)}
    labels: dict[str, Counter[str]] = {qid: Counter() for qid in question_ids}
    # An answer given always earns the same credit (grading is a function of
    # it), so a label is "right" when its answers scored full marks: within a
    # numeric tolerance or an accepted spelling too, not only the key's own text.
    full: dict[tuple[str, str], bool] = {}
    for row in conn.execute(
            select(answer.c.attempt_id, answer.c.question_id, answer.c.label, answer.c.score,
                   answer.c.created_at)
            .join(attempt, answer.c.attempt_id == attempt.c.id)
            .where(attempt.c.session_id == session.id)):
        s = students.get(row.attempt_id)
        item = items.get(row.question_id)
        if s is None or item is None:
            continue
        s.answered += 1
        s.score += row.score
        s.scores[row.question_id] = row.score
        s.labels[row.question_id] = row.label
        if s.last_answer_at is None or row.created_at > s.last_answer_at:
            s.last_answer_at = row.created_at
        item.answers += 1
        item.total_score += row.score
        item.correct += row.score >= FULL
        labels[row.question_id][row.label] += 1
        full[row.question_id, row.label] = row.score >= FULL
    for qid, item in items.items():
        item.right_answer = right_answer(item.question) if item.question else None
        item.distribution = [(label, n, full.get((qid, label), False))
                             for label, n in sorted(labels[qid].items(), key=lambda kv: (-kv[1], kv[0]))]
    return Results(list(students.values()), list(items.values()), len(question_ids))


def right_answer(q: AnyQuestion) -> str:
    """The key as the bank spells it. The labels of answers given are folded
    for typed answers, so that "poutine" and "Poutine " count as one; the
    right answer shown to the teacher keeps the bank's capitals and accents."""
    right = key(q)
    match q.type:
        case "short":
            return normalize_spaces(right)
        case "cloze":
            return " | ".join(normalize_spaces(gap) for gap in right)
    return answer_label(q, right)


@dataclass(frozen=True)
class CsvColumns:
    """The CSV's column names, in the interface's language."""

    nickname: str = "nickname"
    answered: str = "answered"
    score: str = "score"
    out_of: str = "out_of"
    percent: str = "percent"
    question_score: str = "score"  # after "Q3 id"
    question_answer: str = "answer"


def results_csv(results: Results, *, language: str = "en", columns: CsvColumns | None = None,
                answer_text: Callable[[str, AnyQuestion | None], str] | None = None) -> str:
    """One row per student; per question (in the session's order) the score
    and the answer given. `answer_text` turns a stored label into text
    ("true" → "Vrai").

    Figures as `language` writes them (Babel), at most two decimals and no
    grouping; where the decimal mark is a comma (French), fields are separated
    by ';', as such a spreadsheet expects.
    """
    locale = locale_for(language)

    def number(x: float) -> str:
        return format_decimal(x, format="0.##", locale=locale) if x == x else ""

    delimiter = ";" if get_decimal_symbol(locale) == "," else ","

    c = columns or CsvColumns()
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    per_question = []
    for i in results.items:
        per_question += [f"Q{i.number} {i.question_id} {c.question_score}",
                         f"Q{i.number} {i.question_id} {c.question_answer}"]
    writer.writerow([c.nickname, c.answered, c.score, c.out_of, c.percent, *per_question])
    for s in results.students:
        cells = []
        for i in results.items:
            answered = i.question_id in s.scores
            label = s.labels.get(i.question_id, "")
            text = answer_text(label, i.question) if answer_text and answered else label
            cells += [number(s.scores[i.question_id]) if answered else "", spreadsheet_safe(text)]
        writer.writerow([
            spreadsheet_safe(s.nickname), s.answered, number(s.score), results.total,
            number(100 * s.score / results.total) if results.total else "", *cells,
        ])
    return out.getvalue()


def spreadsheet_safe(text: str) -> str:
    """A nickname like "=HYPERLINK(…)" must stay text when the CSV is opened."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
