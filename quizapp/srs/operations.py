"""Spaced-repetition writes: rate a flashcard, undo, suspend, save settings.

Nothing here commits: a rating, its attempt and its log row land in the caller's one
transaction. Every function takes ``now`` (from ``quizapp.clock.now``). A card is rated
through :mod:`.rating`, as a quiz answer rates it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select

from ..bank.spec import QuestionSpec
from ..extensions import db
from ..models import Attempt, Card, RatingLog, UserSettings
from ..models.statements import Changed, InsertUnlessTaken
from ..scheduling import Rating
from .rating import CardRating, plan_rating

FLASHCARD = "flashcard"
"""``Attempt.kind`` of a flashcard rating."""

_INSERT_ATTEMPT = insert(Attempt.__table__).returning(Attempt.__table__.c.id)


def rate_flashcard(
    user_id: int, spec: QuestionSpec, rating: Rating, now: datetime, seen_reps: int
) -> CardRating:
    """Record a flashcard self-rating as an Attempt (kind ``flashcard``) and rate the card.

    ``seen_reps`` is the card's rep count on the page that was rated; a different count means
    the form was sent twice (or the card was rated in another tab), and Changed is raised with
    nothing written. Again scores 0 and counts as a miss; the other ratings score 1.
    """
    planned = plan_rating(user_id, spec.id, rating, now)
    if planned.seen_reps != seen_reps:
        raise Changed(f"card {spec.id!r} was rated since its page was shown")
    attempt = {
        "user_id": user_id,
        "question_id": spec.id,
        "question_version": spec.version,
        "kind": FLASHCARD,
        "raw_answer": rating.name.lower(),
        "normalised": rating.name,
        "score": 0.0 if rating == Rating.Again else 1.0,
        "correct": rating != Rating.Again,
        "created_at": now,
    }
    conn = db.session.connection()
    planned.write(conn, conn.execute(_INSERT_ATTEMPT, attempt).scalar_one())
    return planned


def last_undoable(user_id: int) -> RatingLog | None:
    """The student's latest rating if it came from a flashcard, else None.

    Only the very latest rating can be undone exactly (a later one started from its result),
    and only a flashcard's: a quiz answer fills a slot of its quiz and stays recorded.
    """
    query = (
        select(RatingLog, Attempt.kind)
        .outerjoin(Attempt, Attempt.id == RatingLog.attempt_id)
        .where(RatingLog.user_id == user_id)
        .order_by(RatingLog.reviewed_at.desc(), RatingLog.id.desc())
        .limit(1)
    )
    row = db.session.execute(query).one_or_none()
    return row[0] if row is not None and row[1] == FLASHCARD else None


def undo_last_rating(user_id: int) -> tuple[Card, Rating] | None:
    """Undo the latest (flashcard) rating: restore the card exactly, delete its attempt and log.

    Returns the card and the rating undone, or None when there is nothing to undo.
    """
    log = last_undoable(user_id)
    if log is None:
        return None
    card = db.session.execute(select(Card).filter_by(id=log.card_id).with_for_update()).scalar_one()
    card.restore(log.previous)
    attempt = db.session.get(Attempt, log.attempt_id) if log.attempt_id is not None else None
    db.session.delete(log)
    if attempt is not None:
        db.session.delete(attempt)
    db.session.flush()
    return card, Rating(log.rating)


def set_suspended(card: Card, suspended: bool) -> None:
    """Suspend a card (no queue asks it) or bring it back; its schedule is kept as it was."""
    card.suspended = suspended


def save_settings(
    user_id: int,
    desired_retention: float,
    new_per_day: int,
    reviews_per_day: int,
    timezone: str,
    *,
    shortcuts: bool = True,
    confidence_marking: bool | None = None,
) -> UserSettings:
    """Store the student's study settings (validated by the form)."""
    settings = db.session.get(UserSettings, user_id)
    if settings is None:
        settings = UserSettings(user_id=user_id)
        db.session.add(settings)
    settings.desired_retention = desired_retention
    settings.new_per_day = new_per_day
    settings.reviews_per_day = reviews_per_day
    settings.timezone = timezone
    settings.shortcuts = shortcuts
    if confidence_marking is not None:  # None: leave it as it is (off if never saved)
        settings.confidence_marking = confidence_marking
    db.session.flush()
    return settings


_SETTINGS = UserSettings.__table__
_INSERT_SETTINGS = InsertUnlessTaken(_SETTINGS, ["user_id"], _SETTINGS.c.user_id)


def adopt_zone(user_id: int, timezone: str) -> bool:
    """Save ``timezone`` (the browser's, validated) as the student's zone unless they have
    saved settings already; True when it was saved. The other settings get their defaults."""
    defaults = UserSettings.defaults(user_id)
    values = {column.name: getattr(defaults, column.key) for column in _SETTINGS.columns}
    values["timezone"] = timezone
    return _INSERT_SETTINGS.run(db.session.connection(), values) is not None
