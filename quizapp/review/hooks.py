"""Quiz answers rate cards, and a missed question comes back in its sitting once it is due.

The after-answer hook (called by ``study.recording.plan_answer`` while the answer is planned,
before the write lock) rates the question's card from the grade: wrong -> Again, partly right
-> Hard, right -> Good; its write lands in the answer's transaction. A miss leaves the card in
a (re)learning step due 10 minutes later. With every answer, the sitting's earlier questions
whose step has come due are put next, so a sitting longer than the step sees them again and a
shorter one simply ends (the cards come back in "Review due" instead).
"""

from __future__ import annotations

from sqlalchemy import bindparam, select

from ..extensions import db
from ..models import Card
from ..scheduling import State, rating_for_grade
from ..study.recording import Answered, Write, after_answer
from .writes import plan_card_rating


@after_answer
def rate_quiz_answer(answered: Answered) -> Write:
    """Plan the rating of the answered question's card; re-queue the sitting's due misses."""
    grade = answered.grade
    rating = rating_for_grade(grade.score, grade.correct)
    planned = plan_card_rating(answered.quiz.user_id, answered.spec.id, rating, answered.now)
    requeue_due_misses(answered)
    return planned.write


_DUE_MISSES = (
    select(Card.question_id)
    .where(Card.user_id == bindparam("user_id"), Card.due <= bindparam("now"))
    .where(Card.state != State.Review, Card.last_review.is_not(None))
    .where(Card.suspended.is_(False))
    .order_by(Card.due, Card.id)
)
"""The student's (re)learning cards that are due, oldest first: it runs with every quiz answer,
so it is built once, and it filters by ``(user_id, due)`` (an index) instead of by a list of
question ids that would make every statement different. Few cards are in steps at a time."""


def due_misses(answered: Answered) -> list[str]:
    """Questions asked earlier in the sitting, not asked again yet, whose learning step is due.

    The question being answered is left out: its rating (being planned) moves it on.
    """
    at = answered.next_position
    ids = answered.question_ids
    asked = set(ids[: answered.position]) - set(ids[at:]) - {answered.spec.id}
    if not asked:
        return []
    params = {"user_id": answered.quiz.user_id, "now": answered.now}
    due = db.session.connection().execute(_DUE_MISSES, params).scalars()
    return [question_id for question_id in due if question_id in asked]


def requeue_due_misses(answered: Answered) -> list[str]:
    """Put the sitting's due misses next (oldest due first); the ids re-queued."""
    ids = due_misses(answered)
    at = answered.next_position
    answered.question_ids[at:at] = ids
    return ids
