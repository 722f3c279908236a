"""The study page's spaced-repetition modes: "Review due", "Missed questions", "New questions"."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select

from ..extensions import db
from ..models import Attempt, Card
from ..study.modes import DrawRequest, Mode, register_mode
from ..study.policy import visible_attempts
from .queue import draw_queue

MISSED_WINDOW = timedelta(days=7)
"""How far back "Missed questions" looks."""


def draw_due(request: DrawRequest) -> list[str]:
    """Due cards, oldest due first, then new cards, within today's limits."""
    return draw_queue(request.user_id, request.bank, request.now, request.length, request.topics)


def recent_misses(user_id: int, now: datetime, since: timedelta = MISSED_WINDOW) -> list[str]:
    """Questions answered not fully right (quiz) or rated Again (flashcard) since ``now - since``.

    Most recent miss first; suspended cards are left out, and so are a test's answers before
    its due date (``study.policy.visible_attempts``).
    """
    suspended = select(Card.question_id).where(Card.user_id == user_id, Card.suspended.is_(True))
    last_miss = func.max(Attempt.created_at)
    query = (
        select(Attempt.question_id)
        .where(Attempt.user_id == user_id, Attempt.correct.is_(False))
        .where(Attempt.created_at >= now - since, Attempt.question_id.not_in(suspended))
        .where(visible_attempts(now))
        .group_by(Attempt.question_id)
        .order_by(last_miss.desc(), Attempt.question_id)
    )
    return list(db.session.execute(query).scalars())


def draw_missed(request: DrawRequest) -> list[str]:
    """Recent misses of the chosen topics that are still served, at most ``length``."""
    ids = [
        question_id
        for question_id in recent_misses(request.user_id, request.now)
        if (spec := request.bank.get(question_id)) is not None and spec.topic in request.topics
    ]
    return ids if request.length is None else ids[: request.length]


REVIEW = register_mode(
    Mode(
        "review",
        "Review due",
        "Cards that are due, oldest first, then new ones, within your daily limits.",
        draw_due,
    )
)
MISSED = register_mode(
    Mode(
        "missed",
        "Missed questions",
        f"Questions you missed in the last {MISSED_WINDOW.days} days, most recent first.",
        draw_missed,
    )
)
NEW = register_mode(
    Mode(
        "new",
        "New questions",
        "Questions you had not studied yet, asked beyond today's new-card limit.",
        uses_topics=False,
    )
)
"""Started from the Review page's "Study N new questions now" (``srs.extra``), not listed."""
