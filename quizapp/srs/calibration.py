"""A student's calibration, fitted on their own reviews (``scheduling.calibration``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, select

from ..extensions import db
from ..models import Card, Question, RatingLog
from ..scheduling import CardKind, Rating
from ..scheduling.calibration import Calibration, Observation, fit_calibration

RECENT_REVIEWS = 1000
"""The calibration is fitted on the student's latest reviews at most: it follows a student
who changes, and its cost stays bounded."""

_TESTS = (
    select(
        RatingLog.predicted_recall,
        RatingLog.rating,
        RatingLog.guess_chance,
        Question.topic,
        RatingLog.previous,
    )
    .join(Card, Card.id == RatingLog.card_id)
    .outerjoin(Question, Question.id == Card.question_id)
    .where(RatingLog.user_id == bindparam("user_id"), RatingLog.predicted_recall.is_not(None))
    .where(RatingLog.kind == CardKind.REVIEW.value)
    .order_by(RatingLog.id.desc())
    .limit(RECENT_REVIEWS)
)


def calibration_for(user_id: int) -> Calibration:
    """The student's recall curve from their reviews of cards in review (the cards whose
    recall the history page shows) last rated on an earlier day, each with the card's FSRS
    stability before it (from the log's copy of the card).

    Cards in (re)learning are left out: after a lapse FSRS's short-term stability predicts
    recall the next day on another footing than a card's long-term review. Each review
    carries its question's topic, for the topic's own offset (``Calibration.for_topic``).
    """
    rows = db.session.execute(_TESTS, {"user_id": user_id})
    return fit_calibration(
        Observation(
            predicted, rating != Rating.Again, guess or 0.0, topic or "", stability_before(before)
        )
        for predicted, rating, guess, topic, before in rows
    )


def stability_before(previous: dict[str, Any] | None) -> float | None:
    """The card's FSRS stability before the rating, from the log's snapshot of it."""
    value = (previous or {}).get("stability")
    return float(value) if value else None
