"""The history pages' reads: a bounded number of queries each, aggregated in SQL.

Every function takes the owner's user id and filters by it, so one student's ids never reach
another student's data; a quiz is looked up with ``study.queries.quiz_or_404`` (not
found unless it is the user's).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import NamedTuple

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import case, func, select
from sqlalchemy.orm import lazyload

from ..analytics import ActivityBucket
from ..extensions import db
from ..models import Attempt, Question, Quiz
from .sql import epoch_bucket

__all__ = [
    "GRADED",
    "QuizScore",
    "activity_buckets",
    "export_rows",
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
    """A quiz's answers summed up."""

    answered: int
    score_sum: float
    last_answer_at: datetime | None

    @property
    def share(self) -> float | None:
        """Points over questions answered, 0..1; None before the first answer."""
        return self.score_sum / self.answered if self.answered else None


def quizzes_page(user_id: int, page: int, per_page: int = QUIZZES_PER_PAGE) -> Pagination:
    """The user's quizzes, newest first (two queries: the page and the count)."""
    query = (
        select(Quiz)
        .where(Quiz.user_id == user_id)
        .order_by(Quiz.started_at.desc(), Quiz.id.desc())
        .options(lazyload(Quiz.attempts))
    )
    return db.paginate(query, page=page, per_page=per_page, max_per_page=100)


def quiz_scores(quiz_ids: Sequence[int]) -> dict[int, QuizScore]:
    """Answers, points and last answer time of each quiz, in one grouped query."""
    if not quiz_ids:
        return {}
    rows = db.session.execute(
        select(
            Attempt.quiz_id,
            func.count(Attempt.id),
            func.coalesce(func.sum(Attempt.score), 0.0),
            func.max(Attempt.created_at),
        )
        .where(Attempt.quiz_id.in_(quiz_ids))
        .group_by(Attempt.quiz_id)
    )
    return {sid: QuizScore(n, float(total), last) for sid, n, total, last in rows}


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


def activity_buckets(user_id: int, since: datetime) -> list[ActivityBucket]:
    """The user's answers since `since`, summed per UTC quarter hour (one grouped query)."""
    bucket = epoch_bucket(Attempt.created_at)
    rows = db.session.execute(
        select(
            bucket,
            func.count(Attempt.id),
            func.sum(case((GRADED, 1), else_=0)),
            func.sum(case((GRADED, Attempt.score), else_=0.0)),
        )
        .where(Attempt.user_id == user_id, Attempt.created_at >= since)
        .group_by(bucket)
    )
    return [ActivityBucket(int(i), n, int(g or 0), float(s or 0.0)) for i, n, g, s in rows]


def export_rows(user_id: int) -> Iterator[tuple[Attempt, str]]:
    """Every attempt of the user, oldest first, with its question's topic; streamed."""
    rows = db.session.execute(
        select(Attempt, Question.topic)
        .join(Question, Attempt.question_id == Question.id)
        .where(Attempt.user_id == user_id)
        .order_by(Attempt.created_at, Attempt.id)
        .options(lazyload(Attempt.quiz))
        .execution_options(yield_per=500)
    )
    yield from ((attempt, topic) for attempt, topic in rows)
