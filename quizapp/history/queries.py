"""The history pages' reads: a bounded number of queries each, aggregated in SQL.

Every function takes the owner's user id and filters by it, so one student's ids never reach
another student's data; a quiz is looked up with ``study.queries.quiz_or_404`` (not
found unless it is the user's).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import NamedTuple

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import lazyload

from ..analytics import ActivityBucket
from ..extensions import db
from ..models import Attempt, Question, Quiz
from ..scheduling.evidence import VERY_SURE
from ..study.policy import hidden_quizzes, visible_attempts
from ..study.scoring import QuizTally, tally, time_taken
from .sql import epoch_bucket

__all__ = [
    "GRADED",
    "QuizScore",
    "activity_buckets",
    "export_rows",
    "hidden_among",
    "misconceptions",
    "quiz_answers",
    "served_topics",
    "quiz_scores",
    "quizzes_page",
    "topic_titles",
]

QUIZZES_PER_PAGE = 20

GRADED = Attempt.kind != "flashcard"
"""Graded answers: everything but flashcard self-ratings, which carry no real score."""


class QuizScore(NamedTuple):
    """A quiz's answers summed up per distinct question (``study.scoring.tally``: final and
    first-try score over its questions), and ``study.scoring.time_taken`` of its answers, as
    the end page shows them."""

    tally: QuizTally
    time_taken_ms: int | None


def quizzes_page(user_id: int, page: int, per_page: int = QUIZZES_PER_PAGE) -> Pagination:
    """The user's quizzes, newest first (two queries: the page and the count)."""
    query = (
        select(Quiz)
        .where(Quiz.user_id == user_id)
        .order_by(Quiz.started_at.desc(), Quiz.id.desc())
        .options(lazyload(Quiz.attempts))
    )
    return db.paginate(query, page=page, per_page=per_page, max_per_page=100)


def quiz_scores(
    quiz_ids: Sequence[int], *, asked: Mapping[int, Sequence[str]] | None = None
) -> dict[int, QuizScore]:
    """Each quiz's score by the one rule of ``study.scoring.tally``.

    ``asked`` maps each quiz id to its ``question_ids`` when the caller has the quizzes loaded
    (one query); without it they are read too (two).
    """
    if not quiz_ids:
        return {}
    if asked is None:
        query = select(Quiz.id, Quiz.question_ids).where(Quiz.id.in_(quiz_ids))
        asked = dict(db.session.execute(query).tuples().all())
    answers: dict[int, list[tuple[int, str, float]]] = defaultdict(list)
    times: dict[int, list[int | None]] = defaultdict(list)
    rows = db.session.execute(
        select(
            Attempt.quiz_id,
            Attempt.position,
            Attempt.question_id,
            Attempt.score,
            Attempt.time_taken_ms,
        ).where(Attempt.quiz_id.in_(quiz_ids))
    )
    for quiz_id, position, question_id, score, took in rows:
        answers[quiz_id].append((position or 0, question_id, score))
        times[quiz_id].append(took)
    return {
        quiz_id: QuizScore(tally(asked.get(quiz_id) or [], given), time_taken(times[quiz_id]))
        for quiz_id, given in answers.items()
    }


def hidden_among(quiz_ids: Sequence[int], now: datetime) -> set[int]:
    """Which of ``quiz_ids`` are a test's tries whose score is hidden at ``now`` (one query)."""
    if not quiz_ids:
        return set()
    query = hidden_quizzes(now).where(Quiz.id.in_(quiz_ids))
    return set(db.session.execute(query).scalars())


def topic_titles() -> dict[str, str]:
    """Topic key -> title, for every topic the question table knows."""
    rows = db.session.execute(select(Question.topic, Question.topic_title).distinct())
    return {key: title for key, title in rows}


def served_topics() -> list[tuple[str, str, int]]:
    """`(key, title, question count)` of each topic with served (not retired) questions."""
    rows = db.session.execute(
        select(Question.topic, func.min(Question.topic_title), func.count(Question.id))
        .where(Question.retired_at.is_(None))
        .group_by(Question.topic)
        .order_by(Question.topic)
    )
    return [(key, title, int(n)) for key, title, n in rows]


def quiz_answers(quiz: Quiz) -> list[tuple[Attempt, Question]]:
    """The quiz's attempts in question order, each with its question (one query)."""
    rows = db.session.execute(
        select(Attempt, Question)
        .join(Question, Attempt.question_id == Question.id)
        .where(Attempt.quiz_id == quiz.id, Attempt.user_id == quiz.user_id)
        .order_by(Attempt.position, Attempt.id)
    )
    return [(attempt, question) for attempt, question in rows]


def activity_buckets(user_id: int, since: datetime, now: datetime) -> list[ActivityBucket]:
    """The user's answers since `since`, summed per UTC quarter hour (one grouped query).

    A test's answers before its due date count as activity but not as scores
    (``study.policy.visible_attempts``).
    """
    bucket = epoch_bucket(Attempt.created_at)
    scored = and_(GRADED, visible_attempts(now))
    rows = db.session.execute(
        select(
            bucket,
            func.count(Attempt.id),
            func.sum(case((scored, 1), else_=0)),
            func.sum(case((scored, Attempt.score), else_=0.0)),
        )
        .where(Attempt.user_id == user_id, Attempt.created_at >= since)
        .group_by(bucket)
    )
    return [ActivityBucket(int(i), n, int(g or 0), float(s or 0.0)) for i, n, g, s in rows]


def export_rows(user_id: int, now: datetime) -> Iterator[tuple[Attempt, str]]:
    """Every attempt of the user, oldest first, with its question's topic; streamed.

    A test's answers are left out until its due date (``study.policy.visible_attempts``).
    """
    rows = db.session.execute(
        select(Attempt, Question.topic)
        .join(Question, Attempt.question_id == Question.id)
        .where(Attempt.user_id == user_id, visible_attempts(now))
        .order_by(Attempt.created_at, Attempt.id)
        .options(lazyload(Attempt.quiz))
        .execution_options(yield_per=500)
    )
    yield from ((attempt, topic) for attempt, topic in rows)


def misconceptions(user_id: int) -> list[tuple[Question, int, datetime]]:
    """The questions the user answered wrong (or partly right) while "very sure": each with
    how many such answers and the latest one's time, latest first (one grouped query)."""
    rows = db.session.execute(
        select(Question, func.count(Attempt.id), func.max(Attempt.created_at))
        .join(Attempt, Attempt.question_id == Question.id)
        .where(Attempt.user_id == user_id, Attempt.correct.is_(False))
        .where(Attempt.confidence == VERY_SURE)
        .group_by(Question.id)
        .order_by(func.max(Attempt.created_at).desc(), Question.id)
    )
    return [(question, int(times), last) for question, times, last in rows]
