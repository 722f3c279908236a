"""A question missed in a quiz comes back in that quiz once its learning step is due.

A miss leaves the question's card in a (re)learning step due 10 minutes later. With every
answer, :func:`requeue_due_misses` puts the quiz's earlier questions whose step has come
due right after the slot being answered, so a quiz longer than the step asks them again
and a shorter one simply ends (the cards come back in "Review due" instead).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, select

from ..extensions import db
from ..models import Card
from ..scheduling import State

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


def due_misses(
    user_id: int, question_ids: Sequence[str], position: int, now: datetime
) -> list[str]:
    """Questions asked before ``position``, not asked again yet, whose learning step is due.

    The question at ``position`` (the one being answered) is left out: its rating moves it on.
    """
    asked = set(question_ids[:position]) - set(question_ids[position + 1 :])
    asked.discard(question_ids[position])
    if not asked:
        return []
    params = {"user_id": user_id, "now": now}
    due = db.session.connection().execute(_DUE_MISSES, params).scalars()
    return [question_id for question_id in due if question_id in asked]


def requeue_due_misses(
    user_id: int, question_ids: Sequence[str], position: int, now: datetime
) -> list[str]:
    """The quiz's question list with its due misses next after ``position``, oldest due
    first (a new list; the same questions when none is due)."""
    at = position + 1
    ids = list(question_ids)
    ids[at:at] = due_misses(user_id, ids, position, now)
    return ids
