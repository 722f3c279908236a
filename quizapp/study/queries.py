"""Quiz reads: find a student's quiz, what a slot holds, how a posted answer relates to it.

Lookups for the views and for :mod:`.operations`; nothing here writes.
"""

from __future__ import annotations

import random
from enum import Enum
from typing import Any

from flask import abort
from sqlalchemy import bindparam, inspect, select
from sqlalchemy.orm import lazyload

from ..bank.spec import QuestionSpec
from ..extensions import db
from ..models import Attempt, Quiz
from ..qtypes import get_type

# Statements run on every quiz page or answer, built once: building them again each time
# (and their cache keys) cost about as much as running them.
_FIND_QUIZ = (
    select(Quiz)
    .where(Quiz.id == bindparam("quiz_id"), Quiz.user_id == bindparam("user_id"))
    .options(lazyload(Quiz.attempts))
)
_SLOT_ATTEMPT = select(Attempt.id).where(
    Attempt.quiz_id == bindparam("quiz_id"), Attempt.position == bindparam("position")
)


def find_quiz(user_id: int, quiz_id: int) -> Quiz | None:
    """The quiz with this id *and* owner; None for another student's or a missing one.

    Its attempts are loaded only when used: the question page needs none and an answer only
    whether its slot is taken (:func:`is_answered`); the feedback and end pages load them all.
    """
    params = {"quiz_id": quiz_id, "user_id": user_id}
    return db.session.execute(_FIND_QUIZ, params).scalar_one_or_none()


def quiz_or_404(user_id: int, quiz_id: int) -> Quiz:
    """:func:`find_quiz`, for a page: 404 for another student's quiz or a missing one.

    The quiz pages and the history pages (a student's own, or a teacher's view of one
    student) look quizzes up only through here, so the owner check has one home.
    """
    quiz = find_quiz(user_id, quiz_id)
    if quiz is None:
        abort(404)
    return quiz


def unfinished_quizzes(user_id: int, limit: int = 3) -> list[Quiz]:
    """The student's unfinished quizzes, most recently used first (the "Resume" box)."""
    query = (
        select(Quiz)
        .filter_by(user_id=user_id, finished_at=None)
        .order_by(Quiz.last_activity_at.desc(), Quiz.id.desc())
        .limit(limit)
    )
    return list(db.session.execute(query).scalars())


def attempt_at(quiz: Quiz, position: int) -> Attempt | None:
    """The attempt answering slot ``position`` of ``quiz``, if any (loads all its attempts)."""
    return next((a for a in quiz.attempts if a.position == position), None)


def is_answered(quiz: Quiz, position: int) -> bool:
    """True when slot ``position`` has an attempt: one indexed lookup unless they are loaded."""
    if "attempts" not in inspect(quiz).unloaded:
        return attempt_at(quiz, position) is not None
    params = {"quiz_id": quiz.id, "position": position}
    return db.session.execute(_SLOT_ATTEMPT, params).first() is not None


def question_display(quiz: Quiz, position: int, spec: QuestionSpec) -> dict[str, Any]:
    """What the template needs for slot ``position``: the same shuffle on every reload."""
    rng = random.Random(f"{quiz.seed}:{position}")
    return get_type(spec.type).display(spec, rng)


class Submission(Enum):
    """How a posted answer relates to the session (see :func:`classify_submission`)."""

    CURRENT = "current"  # the question asked now: grade it
    ANSWERED = "answered"  # already answered: show that answer's feedback
    STALE = "stale"  # an old form (skipped question, finished quiz): show the quiz again
    INVALID = "invalid"  # tampered: a question id that is not this slot's, a future slot
    NOT_FOUND = "not_found"  # no such slot in this quiz


def classify_submission(quiz: Quiz, position: int, question_id: str) -> Submission:
    """Decide what to do with an answer posted for ``position``/``question_id``."""
    if not 0 <= position < quiz.length:
        return Submission.NOT_FOUND
    if quiz.question_ids[position] != question_id:
        return Submission.INVALID
    if position == quiz.position and not quiz.finished:
        return Submission.CURRENT  # an answer moves the position on in its own transaction
    if position < quiz.position and is_answered(quiz, position):
        return Submission.ANSWERED
    if position > quiz.position and not quiz.finished:
        return Submission.INVALID
    return Submission.STALE
