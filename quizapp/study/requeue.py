"""A question missed in a quiz comes back in that quiz: once its learning step is due, and
at the latest before the quiz ends.

A miss leaves the question's card in a (re)learning step due 10 minutes later. With every
answer, :func:`requeue_due_misses` puts the quiz's earlier questions whose step has come
due right after the slot being answered. When the answer is the quiz's last, the questions
whose latest answer in this quiz was not fully right come next instead of the quiz ending,
due or not (as Anki's "learn ahead" shows learning cards early when nothing else is left):
a miss is asked again in its quiz however short the quiz, and the card, rated again the same
day, comes back the next day (``scheduling.evidence``). A question is asked at most
:data:`MAX_ASKS` times in one quiz, so a student who keeps missing it is not held there:
the review queue has it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import bindparam, select

from ..extensions import db
from ..models import Card
from ..scheduling import State

MAX_ASKS = 4
"""The most times one question is asked in one quiz: the first time and three re-asks.

Three, not two: a student who knows the answer after seeing it may still slip on it once
(a typo, a misclick), and that slip deserves its own re-ask before the quiz ends. In
``bench/learning.py``, with two re-asks about 1 miss in 1,000 went without one in its
sitting (a slip after a slip); with three, none did."""

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


def still_missed(answers: Iterable[tuple[str, bool]]) -> list[str]:
    """Questions whose latest answer, of ``(question id, fully right)`` in answer order, was
    not fully right; in the order they were last missed."""
    latest: dict[str, bool] = {}
    for question_id, right in answers:
        latest.pop(question_id, None)
        latest[question_id] = right
    return [question_id for question_id, right in latest.items() if not right]


def requeue_due_misses(
    user_id: int,
    question_ids: Sequence[str],
    position: int,
    now: datetime,
    *,
    answers: Iterable[tuple[str, bool]] = (),
) -> list[str]:
    """The quiz's question list with its due misses next after ``position``, oldest due
    first (a new list; the same questions when none is due).

    ``answers``: the quiz's answers so far, this one last, as ``(question id, fully right)``.
    At the quiz's last slot, the questions still missed come next (each asked fewer than
    ``MAX_ASKS`` times), so the quiz does not end with a miss not asked again.
    """
    at = position + 1
    ids = list(question_ids)
    again = due_misses(user_id, ids, position, now)
    if at >= len(ids):
        asks = Counter(ids)
        again += [
            question_id
            for question_id in still_missed(answers)
            if question_id not in again and asks[question_id] < MAX_ASKS
        ]
    ids[at:at] = again
    return ids
