"""Correcting a student's card after one of their answers was regraded (docs/statistics.md).

FSRS's state is the fold of every rating so far, so a past rating cannot be changed without
replaying the history after it. The rule: when the regraded answer was the card's latest
rating, that rating is replaced: the card is rated again from the state before it (the log's
``previous``), at the same moment, with the new score's evidence. When the card was rated
since, the card is left as it is: its later reviews already measured what the student
remembers, and the next review goes on from there. Undo writes the card back only while it
has not been rated since the correction.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ..extensions import db
from ..models import Attempt, Card, RatingLog
from ..models.card import card_snapshot
from ..scheduling import GradedAnswer, cap_due, day_bounds, rate
from ..srs.cards import settings_for

__all__ = ["Correction", "correct_card", "restore_card"]

Correction = tuple[int, dict[str, Any], int]
"""(card id, the card's snapshot before the correction, the rating it replaced)."""


def _log_of(attempt: Attempt) -> RatingLog | None:
    return db.session.execute(
        select(RatingLog).where(RatingLog.attempt_id == attempt.id)
    ).scalar_one_or_none()


def _is_latest(log: RatingLog) -> bool:
    latest = db.session.execute(
        select(RatingLog.id)
        .where(RatingLog.card_id == log.card_id)
        .order_by(RatingLog.reviewed_at.desc(), RatingLog.id.desc())
        .limit(1)
    ).scalar_one()
    return latest == log.id


def correct_card(attempt: Attempt, guess_chance: float) -> Correction | None:
    """Re-rate the attempt's card with its new grade when the attempt was its latest rating;
    None when the card is left to its next review (or the attempt rated no card)."""
    log = _log_of(attempt)
    if log is None or not _is_latest(log):
        return None
    card = db.session.get(Card, log.card_id)
    if card is None:
        return None
    scratch = Card()
    scratch.restore(log.previous)
    before = scratch.to_state()
    settings = settings_for(attempt.user_id)
    day_start, day_end = day_bounds(log.reviewed_at, settings.zone)
    answer = GradedAnswer(attempt.score, attempt.correct, guess_chance, attempt.confidence)
    evidence = answer.evidence(
        first_answer=before.is_new,
        seen_today=before.last_review is not None and before.last_review >= day_start,
    )
    outcome = rate(before, evidence.rating, log.reviewed_at, settings.scheduler)
    if evidence.same_day:
        outcome = cap_due(outcome, day_end)
    correction = (card.id, card_snapshot(card.to_state(), card.leech), log.rating)
    card.set_state(outcome.new_state)
    log.rating = int(evidence.rating)
    return correction


def restore_card(attempt_id: int, card_id: int, before: dict[str, Any], rating: int) -> bool:
    """Undo a correction while the card has not been rated since; True when restored."""
    card = db.session.get(Card, card_id)
    if card is None:
        return False
    now = card_snapshot(card.to_state(), card.leech)
    if (now["reps"], now["last_review"]) != (before["reps"], before["last_review"]):
        return False
    card.restore(before)
    log = db.session.execute(
        select(RatingLog).where(RatingLog.attempt_id == attempt_id)
    ).scalar_one_or_none()
    if log is not None:
        log.rating = rating
    return True
