"""Spaced-repetition writes: rate a card, rate a flashcard, undo, suspend, save settings.

Nothing here commits: a rating, its attempt and its log row land in the caller's one
transaction. Every function takes ``now`` (from ``quizapp.clock.now``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from ..bank.spec import QuestionSpec
from ..extensions import db
from ..models import Attempt, Card, ReviewLog, UserSettings
from ..models.card import review_log_fields
from ..scheduling import Rating, ReviewOutcome, new_card, review
from .cards import card_for, settings_for

FLASHCARD = "flashcard"
"""``Attempt.kind`` of a flashcard rating."""


@dataclass(frozen=True)
class Rated:
    """One rating as stored: the card (already updated), py-fsrs's outcome and the log row."""

    card: Card
    outcome: ReviewOutcome
    log: ReviewLog


class StaleRating(Exception):
    """The card changed since the page was shown (a re-sent or double-clicked form)."""


def card_to_rate(user_id: int, question_id: str, now: datetime) -> Card:
    """The student's card on a question, locked; a new card (due ``now``) if they have none."""
    card = card_for(user_id, question_id, lock=True)
    if card is not None:
        return card
    card = Card(user_id=user_id, question_id=question_id, created_at=now)
    card.set_state(new_card(now))
    try:
        with db.session.begin_nested():
            db.session.add(card)
    except IntegrityError:  # another request created it in the meantime
        card = card_for(user_id, question_id, lock=True)
        assert card is not None
    return card


def rate(card: Card, rating: Rating | int, now: datetime, attempt: Attempt | None = None) -> Rated:
    """Rate ``card`` at ``now`` with the owner's FSRS settings and log it with its attempt."""
    before = card.to_state()
    outcome = review(before, rating, now, settings_for(card.user_id).scheduler)
    log = ReviewLog(
        card_id=card.id,
        user_id=card.user_id,
        attempt_id=attempt.id if attempt is not None else None,
        **review_log_fields(before, card.leech, outcome),
    )
    card.set_state(outcome.new_state)
    db.session.add(log)
    db.session.flush()
    return Rated(card, outcome, log)


def rate_flashcard(
    user_id: int, spec: QuestionSpec, rating: Rating, now: datetime, seen_reps: int
) -> Rated:
    """Record a flashcard self-rating as an Attempt (kind ``flashcard``) and rate the card.

    ``seen_reps`` is the card's rep count on the page that was rated; a different count means
    the form was sent twice, and StaleRating is raised with nothing written. Again scores 0 and
    counts as a miss; the other ratings score 1.
    """
    card = card_to_rate(user_id, spec.id, now)
    if card.reps != seen_reps:
        raise StaleRating(spec.id)
    attempt = Attempt(
        user_id=user_id,
        question_id=spec.id,
        question_version=spec.version,
        kind=FLASHCARD,
        raw_answer=rating.name.lower(),
        normalised=rating.name,
        score=0.0 if rating == Rating.Again else 1.0,
        correct=rating != Rating.Again,
        created_at=now,
    )
    db.session.add(attempt)
    db.session.flush()
    return rate(card, rating, now, attempt)


def last_undoable(user_id: int) -> ReviewLog | None:
    """The student's latest rating if it came from a flashcard, else None.

    Only the very latest rating can be undone exactly (a later one started from its result),
    and only a flashcard's: a quiz answer fills a slot of its sitting and stays recorded.
    """
    query = (
        select(ReviewLog, Attempt.kind)
        .outerjoin(Attempt, Attempt.id == ReviewLog.attempt_id)
        .where(ReviewLog.user_id == user_id)
        .order_by(ReviewLog.reviewed_at.desc(), ReviewLog.id.desc())
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
    db.session.flush()
    return settings
