"""Question statistics from ``item_score``: the figures of the statistics pages, cached.

The answers that count (each student's first graded answer to a question, or all of them;
teachers' never) are rows of ``item_score``, so no query here ranks or scans the attempts
for first mode. ``students`` narrows everything to a set of students (a SELECT of ids, e.g.
a teacher's); None: every student. Per student and question version the rows add up, so any
set of students gets exact figures; they are cached (`cache.cached`) per ``scope`` (the
school's under none), as are each choice question's picks, and recomputed when the bank or
the set of students changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select

from ..analytics import (
    ATTEMPTS,
    ChoiceCount,
    Consistency,
    ConsistencyAnalysis,
    ItemAnalysis,
    ItemStats,
    choice_counts,
    common_wrong_answers,
)
from ..classes.queries import student_ids
from ..extensions import db
from ..history.queries import GRADED
from ..models import Attempt, ItemScore, Question
from ..scheduling.evidence import VERY_SURE
from .cache import Cached, cached, refresh

__all__ = [
    "Figures",
    "choice_picks",
    "choices",
    "compute",
    "figures",
    "refresh_school",
    "served_key",
    "served_versions",
    "stream_by_student",
    "students_key",
]

Served = Mapping[str, str]
"""The served questions: id -> current version."""


@dataclass(frozen=True)
class Figures:
    """What the statistics page computes from the answers, for one choice of attempts."""

    items: dict[tuple[str, str], ItemStats]
    wrong_answers: dict[str, list[tuple[str, int]]]
    misconceptions: dict[str, int]
    consistency: Consistency

    def encode(self) -> dict[str, Any]:
        """As JSON (``statistics_cache.value``)."""
        return {
            "items": [asdict(s) for s in self.items.values()],
            "wrong_answers": self.wrong_answers,
            "misconceptions": self.misconceptions,
            "consistency": asdict(self.consistency),
        }

    @classmethod
    def decode(cls, value: dict[str, Any]) -> Figures:
        """Back from `encode`."""
        items = [ItemStats(**s) for s in value["items"]]
        return cls(
            {(s.question_id, s.version): s for s in items},
            {q: [(a, n) for a, n in rows] for q, rows in value["wrong_answers"].items()},
            value["misconceptions"],
            Consistency(**value["consistency"]),
        )


def _scope(column: Any, students: Select[Any] | None) -> ColumnElement[bool]:
    """``column`` (a user id) is one of ``students``; None: any student."""
    return column.in_(student_ids() if students is None else students)


def served_key(served: Served) -> str:
    """A short digest of the served versions: stored figures of another bank are recomputed."""
    text = "\n".join(f"{q} {v}" for q, v in sorted(served.items()))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


STREAM_BATCH = 2000
"""Rows fetched at a time when streaming ``item_score`` (a server-side cursor on PostgreSQL)."""


def stream_by_student(query: Select[Any]) -> Iterator[list[tuple[str, str, float, int]]]:
    """Each student's rows ``(question_id, version, score, answers)`` of ``query`` (whose
    first column is the user id), one student at a time: streamed in batches ordered by
    student, never the whole scope in memory."""
    rows = db.session.execute(
        query.order_by(query.selected_columns[0]).execution_options(yield_per=STREAM_BATCH)
    )
    for _, student in groupby(rows, key=itemgetter(0)):
        yield [(q, v, float(x), int(n)) for _, q, v, x, n in student]


def compute(served: Served, attempts: str, students: Select[Any] | None = None) -> Figures:
    """The figures over the answers of ``students`` (None: every student): three queries,
    the first streamed student by student through `ItemAnalysis` and `ConsistencyAnalysis`
    (the consistency over the served versions only)."""
    s, first = ItemScore, attempts != "all"
    in_scope = _scope(s.user_id, students)
    score, count = (s.first_score, 1) if first else (s.score_sum, s.answers)
    counted = [s.first_attempt_id.is_not(None)] if first else []
    analysis, consistency = ItemAnalysis(), ConsistencyAnalysis()
    rows = select(s.user_id, s.question_id, s.version, score, count).where(in_scope, *counted)
    for student in stream_by_student(rows):
        scores = analysis.add_student(student)
        consistency.add_student({i: x for i, x in scores.items() if served.get(i[0]) == i[1]})
    stats = analysis.result()
    del analysis
    if first:
        wrong_rows = select(s.question_id, s.version, s.first_normalised, func.count()).where(
            in_scope, *counted, s.first_correct.is_(False)
        )
        believed = select(s.question_id, s.version, func.count()).where(
            in_scope, *counted, s.first_correct.is_(False), s.first_confidence == VERY_SURE
        )
    else:
        a = Attempt
        wrong_rows = select(a.question_id, a.question_version, a.normalised, func.count()).where(
            _scope(a.user_id, students), GRADED, a.correct.is_(False)
        )
        believed = select(s.question_id, s.version, func.sum(s.misconceptions)).where(in_scope)
    wrong_rows = wrong_rows.group_by(*wrong_rows.selected_columns[:3])
    wrong = common_wrong_answers(
        (q, answer, n) for q, v, answer, n in db.session.execute(wrong_rows) if served.get(q) == v
    )
    misconceptions = {
        q: int(n)
        for q, v, n in db.session.execute(believed.group_by(*believed.selected_columns[:2]))
        if served.get(q) == v and n
    }
    return Figures(stats, wrong, misconceptions, consistency.result())


def served_versions() -> dict[str, str]:
    """The served questions' current versions, by id."""
    query = select(Question.id, Question.version).where(Question.retired_at.is_(None))
    return {question_id: version for question_id, version in db.session.execute(query)}


def students_key(students: Select[Any]) -> str:
    """A digest of who ``students`` are now, summed up in SQL (how many, and the sums of their
    ids and of the ids squared): one row, but it reads every id, so a page that reads several
    cached tables computes it once and passes it on. Stored figures of a class someone has
    joined or left since get another key, so they are recomputed."""
    column = students.subquery().c[0]
    who = db.session.execute(
        select(func.count(), func.sum(column), func.sum(column * column))
    ).one()
    return hashlib.sha256(repr(tuple(who)).encode()).hexdigest()[:16]


def figures(
    served: Served,
    attempts: str,
    students: Select[Any] | None = None,
    scope: str = "",
    who: str | None = None,
) -> Cached:
    """The figures over ``students`` (None: the school), cached (`cache.cached`) under
    ``scope`` (e.g. ``teacher:7``; the school's under none); ``who``: their `students_key`
    if the caller has it already."""
    if students is None:
        name, key = f"questions:{attempts}", served_key(served)
    else:
        who = students_key(students) if who is None else who
        name, key = f"questions:{attempts}:{scope}", served_key(served) + who
    found = cached(name, lambda: compute(served, attempts, students).encode(), key=key)
    return Cached(Figures.decode(found.value), found.computed_at, found.behind)


def refresh_school() -> list[str]:
    """Compute and store the school's figures for both choices of attempts now (``flask stats
    refresh``, e.g. from cron); the names stored."""
    served = served_versions()
    names = []
    for attempts in ATTEMPTS:
        name = f"questions:{attempts}"
        refresh(name, lambda a=attempts: compute(served, a).encode(), served_key(served))
        names.append(name)
    return names


def choice_picks(
    question_id: str, version: str, attempts: str, students: Select[Any] | None = None
) -> list[Any]:
    """The stored answers (``raw_answer``) that count for one question version."""
    if attempts == "all":
        query = select(Attempt.raw_answer).where(
            Attempt.question_id == question_id,
            Attempt.question_version == version,
            GRADED,
            _scope(Attempt.user_id, students),
        )
    else:
        query = (
            select(Attempt.raw_answer)
            .join(ItemScore, ItemScore.first_attempt_id == Attempt.id)
            .where(
                ItemScore.question_id == question_id,
                ItemScore.version == version,
                _scope(ItemScore.user_id, students),
            )
        )
    return list(db.session.execute(query).scalars())


def choices(
    question_type: str,
    content: Mapping[str, Any],
    question_id: str,
    version: str,
    attempts: str,
    students: Select[Any] | None = None,
    scope: str = "",
    who: str | None = None,
) -> Cached:
    """How often each option of a question version was picked (`analytics.choice_counts`),
    cached like the figures (``who`` as there)."""

    def count() -> list[ChoiceCount]:
        picks = choice_picks(question_id, version, attempts, students)
        return choice_counts(question_type, content, picks)

    name, key = f"choices:{attempts}:{question_id}", version
    if students is not None:
        who = students_key(students) if who is None else who
        name, key = f"{name}:{scope}", version + who
    found = cached(name, lambda: [asdict(c) for c in count()], key=key)
    return Cached([ChoiceCount(**c) for c in found.value], found.computed_at, found.behind)
