"""Quiz answers rate cards, and a missed question comes back in its sitting once it is due.

The after-answer hook (run by ``study.operations.record_answer`` in the answer's transaction)
rates the question's card from the grade: wrong -> Again, partly right -> Hard, right -> Good.
A miss leaves the card in a (re)learning step due 10 minutes later. After every answer, the
sitting's earlier questions whose step has come due are put next in ``quiz.question_ids``,
so a sitting longer than the step sees them again and a shorter one simply ends (the cards
come back in "Review due" instead).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, select

from ..extensions import db
from ..models import Card, QuizSession
from ..scheduling import State, rating_for_grade
from ..study.operations import Answered, after_answer
from .operations import card_to_rate, rate


@after_answer
def rate_quiz_answer(answered: Answered) -> None:
    """Rate the answered question's card, then re-queue the sitting's misses that are due."""
    quiz, grade = answered.quiz, answered.grade
    card = card_to_rate(quiz.user_id, answered.spec.id, answered.now)
    rate(card, rating_for_grade(grade.score, grade.correct), answered.now, answered.attempt)
    requeue_due_misses(quiz, answered.now)


_DUE_MISSES = (
    select(Card.question_id)
    .where(Card.user_id == bindparam("user_id"), Card.question_id.in_(bindparam("asked")))
    .where(Card.due <= bindparam("now"), Card.state != State.Review)
    .where(Card.last_review.is_not(None), Card.suspended.is_(False))
    .order_by(Card.due, Card.id)
)
"""Built once: it runs after every quiz answer, inside the write transaction."""


def due_misses(quiz: QuizSession, now: datetime) -> list[str]:
    """Questions asked earlier in ``quiz``, not asked again yet, whose learning step is due."""
    asked = set(quiz.question_ids[: quiz.position]) - set(quiz.question_ids[quiz.position :])
    if not asked:
        return []
    params = {"user_id": quiz.user_id, "asked": sorted(asked), "now": now}
    return list(db.session.execute(_DUE_MISSES, params).scalars())


def requeue_due_misses(quiz: QuizSession, now: datetime) -> list[str]:
    """Put the sitting's due misses next (oldest due first); the ids re-queued."""
    ids = due_misses(quiz, now)
    if ids:
        at = quiz.position
        quiz.question_ids = [*quiz.question_ids[:at], *ids, *quiz.question_ids[at:]]
    return ids
