"""The spaced-repetition side of the dashboards: card states, due counts, leeches.

Everything card-related that history and the teacher pages show is read here, in one
grouped query per function, whatever the number of ratings.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Select, case, exists, func, select

from ..extensions import db
from ..models import Card, Question
from ..scheduling import CardState

__all__ = [
    "CardCounts",
    "class_card_counts",
    "question_leeches",
    "suspended_topics",
    "user_cards",
]


class CardCounts(NamedTuple):
    """One student's studied cards due now (suspended ones left out) and leeches."""

    due: int
    leeches: int


def user_cards(user_id: int) -> list[tuple[str, CardState]]:
    """`(topic, state)` of the user's cards on served questions, suspended ones left out."""
    rows = db.session.execute(
        select(
            Question.topic,
            Card.state,
            Card.step,
            Card.stability,
            Card.difficulty,
            Card.due,
            Card.last_review,
            Card.lapses,
            Card.reps,
        )
        .join(Question, Card.question_id == Question.id)
        .where(Card.user_id == user_id, Card.suspended.is_(False), Question.retired_at.is_(None))
    )
    return [(topic, CardState(*values)) for topic, *values in rows]


def suspended_topics(user_id: int) -> list[str]:
    """The topic of each of the user's suspended cards on served questions."""
    rows = db.session.execute(
        select(Question.topic)
        .join(Card, Card.question_id == Question.id)
        .where(Card.user_id == user_id, Card.suspended.is_(True), Question.retired_at.is_(None))
    )
    return [topic for (topic,) in rows]


def class_card_counts(now: datetime, students: Select[tuple[int]]) -> dict[int, CardCounts]:
    """Per student of `students` (a SELECT of ids): studied cards due by `now` (not suspended)
    and leeches (suspended or not)."""
    due = Card.last_review.is_not(None) & Card.suspended.is_(False) & (Card.due <= now)
    rows = db.session.execute(
        select(
            Card.user_id,
            func.sum(case((due, 1), else_=0)),
            func.sum(case((Card.leech.is_(True), 1), else_=0)),
        )
        .where(Card.user_id.in_(students))
        .group_by(Card.user_id)
    )
    return {uid: CardCounts(int(d or 0), int(n or 0)) for uid, d, n in rows}


def question_leeches(
    students: Select[tuple[int]], question_id: str | None = None
) -> dict[str, int]:
    """How many cards of `students` (a SELECT of ids) on each question (or on `question_id`
    only) are leeches: read from the partial index ``ix_card_leech`` alone."""
    if question_id is None:
        scoped = Card.user_id.in_(students)
    else:  # each of the question's few leeches checked, not a list of every student built
        scoped = Card.question_id == question_id
        scoped &= exists(students.where(students.selected_columns[0] == Card.user_id))
    query = select(Card.question_id, func.count()).where(Card.leech.is_(True), scoped)
    rows = db.session.execute(query.group_by(Card.question_id))
    return {qid: int(n) for qid, n in rows}
