"""Item statistics of a session, as Moodle's quiz statistics report computes them.

- Facility index: the mean score on the question, as a share of full marks.
- Discrimination index: the correlation between the score on the question
  and the score on the rest of the test (the other questions), × 100. A good
  question is answered better by the students who do well elsewhere; below
  0 it is answered better by those who do badly, and is worth a look (a
  wrong key, an ambiguous wording).

Both are computed over the finished runs: students who answered every
question, or, once the session is closed, everyone who answered (an
unanswered question then scores 0, as in a finished Moodle attempt). A run
still in progress would count its unanswered questions as wrong.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Row, select

from quizgen.grading import Response, grade, marks
from quizgen.model import AnyQuestion, Multi, Quote, Single, TrueFalse
from quizgen.text import normalize

from .db import answer, attempt
from .results import Results

#: Fewer finished runs than this and the indices say nothing.
MIN_RUNS = 5


@dataclass(frozen=True)
class ItemStat:
    runs: int  # finished runs analysed
    facility: float | None  # mean score in [0, 1]; None below MIN_RUNS
    discrimination: float | None  # in [-100, 100]; None below MIN_RUNS or when a score never varies
    minimum: int = MIN_RUNS  # finished runs needed

    @property
    def enough(self) -> bool:
        return self.facility is not None

    @property
    def negative(self) -> bool:
        return self.discrimination is not None and self.discrimination < 0


@dataclass(frozen=True)
class ChoiceCount:
    choice: str | bool  # the choice text; True/False for a true-or-false statement
    count: int  # answers that chose it
    right: bool


def item_statistics(question_ids: Sequence[str], runs: Sequence[Mapping[str, float]],
                    minimum: int = MIN_RUNS) -> dict[str, ItemStat]:
    """Facility and discrimination index of each question over finished runs
    (each a mapping question id → score; a missing question scores 0)."""
    out = {}
    for qid in question_ids:
        if len(runs) < minimum:
            out[qid] = ItemStat(len(runs), None, None, minimum)
            continue
        item = [r.get(qid, 0.0) for r in runs]
        rest = [sum(v for k, v in r.items() if k != qid and k in question_ids) for r in runs]
        try:
            r = statistics.correlation(item, rest)
        except statistics.StatisticsError:  # everyone scored the same on one side
            r = None
        out[qid] = ItemStat(len(runs), statistics.fmean(item), None if r is None else 100 * r, minimum)
    return out


def choice_counts(q: AnyQuestion, responses: Iterable[Response]) -> list[ChoiceCount] | None:
    """How many answers chose each choice (None for a question without choices).
    For a multiple choice, each choice counts the answers that ticked it."""
    # Which choice is right: grading says so, as it marks a student's answer.
    match q:
        case Single() | Quote():
            choices = list(q.choices) if isinstance(q, Single) else [q.speaker, *q.distractors]
            right = [grade(q, c).correct for c in choices]
        case Multi():
            choices = list(q.choices)
            right = [marks(q, [c])[0] for c in choices]
        case TrueFalse():
            return [ChoiceCount(v, sum(1 for r in responses if r is v), grade(q, v).correct)
                    for v in (True, False)]
        case _:
            return None
    counts = dict.fromkeys((normalize(c) for c in choices), 0)
    for r in responses:
        picked = {normalize(t) for t in (r if isinstance(r, list) else [r]) if isinstance(t, str)}
        for c in picked & counts.keys():
            counts[c] += 1
    return [ChoiceCount(c, counts[normalize(c)], ok) for c, ok in zip(choices, right, strict=True)]


@dataclass(frozen=True)
class ItemReport:
    stat: ItemStat
    choices: list[ChoiceCount] | None

    @property
    def wrong_choices(self) -> list[ChoiceCount]:
        return [c for c in self.choices or () if not c.right]


def session_item_stats(conn: Connection, session: Row[Any], results: Results,
                       by_id: Mapping[str, AnyQuestion]) -> dict[str, ItemReport]:
    """The statistics of each question of a session, for the dashboard."""
    question_ids = [i.question_id for i in results.items]
    closed = session.status == "closed"
    runs = [s.scores for s in results.students
            if s.answered >= results.total or (closed and s.answered)]
    stats = item_statistics(question_ids, runs)
    with_choices = [qid for qid in question_ids
                    if isinstance(by_id.get(qid), Single | Quote | Multi | TrueFalse)]
    responses: dict[str, list[Any]] = {qid: [] for qid in with_choices}
    if with_choices:
        for row in conn.execute(
                select(answer.c.question_id, answer.c.response)
                .join(attempt, answer.c.attempt_id == attempt.c.id)
                .where(attempt.c.session_id == session.id, answer.c.question_id.in_(with_choices))):
            responses[row.question_id].append(json.loads(row.response))
    return {qid: ItemReport(stats[qid], _choices(by_id, responses, qid))
            for qid in question_ids}


def _choices(by_id: Mapping[str, AnyQuestion], responses: Mapping[str, list[Any]],
             qid: str) -> list[ChoiceCount] | None:
    return choice_counts(by_id[qid], responses[qid]) if qid in responses else None
