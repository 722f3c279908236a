"""The history pages' reads: a bounded number of queries each, aggregated in SQL.

Every function takes the owner's user id and filters by it, so one student's ids never reach
another student's data; a session is looked up with ``study.queries.quiz_or_404`` (not
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
from ..models import Attempt, Question, QuizSession
from .sql import epoch_bucket

__all__ = [
    "GRADED",
    "SessionScore",
    "activity_buckets",
    "export_rows",
    "session_answers",
    "served_topics",
    "session_scores",
    "sessions_page",
    "topic_titles",
]

SESSIONS_PER_PAGE = 20

GRADED = Attempt.kind != "flashcard"
"""Graded answers: everything but flashcard self-ratings, which carry no real score."""


class SessionScore(NamedTuple):
    """A session's answers summed up."""

    answered: int
    score_sum: float
    last_answer_at: datetime | None

    @property
    def share(self) -> float | None:
        """Points over questions answered, 0..1; None before the first answer."""
        return self.score_sum / self.answered if self.answered else None


def sessions_page(user_id: int, page: int, per_page: int = SESSIONS_PER_PAGE) -> Pagination:
    """The user's quiz sessions, newest first (two queries: the page and the count)."""
    query = (
        select(QuizSession)
        .where(QuizSession.user_id == user_id)
        .order_by(QuizSession.started_at.desc(), QuizSession.id.desc())
        .options(lazyload(QuizSession.attempts))
    )
    return db.paginate(query, page=page, per_page=per_page, max_per_page=100)


def session_scores(session_ids: Sequence[int]) -> dict[int, SessionScore]:
    """Answers, points and last answer time of each session, in one grouped query."""
    if not session_ids:
        return {}
    rows = db.session.execute(
        select(
            Attempt.session_id,
            func.count(Attempt.id),
            func.coalesce(func.sum(Attempt.score), 0.0),
            func.max(Attempt.created_at),
        )
        .where(Attempt.session_id.in_(session_ids))
        .group_by(Attempt.session_id)
    )
    return {sid: SessionScore(n, float(total), last) for sid, n, total, last in rows}


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


def session_answers(session: QuizSession) -> list[tuple[Attempt, Question]]:
    """The session's attempts in question order, each with its question (one query)."""
    rows = db.session.execute(
        select(Attempt, Question)
        .join(Question, Attempt.question_id == Question.id)
        .where(Attempt.session_id == session.id, Attempt.user_id == session.user_id)
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
        .options(lazyload(Attempt.session))
        .execution_options(yield_per=500)
    )
    yield from ((attempt, topic) for attempt, topic in rows)
