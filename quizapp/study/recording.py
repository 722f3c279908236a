"""Recording a quiz answer: planned while reading, written in a few statements under the lock.

SQLite has one writer at a time, so whatever a write transaction does, every other answer
waits for. :func:`plan_answer` therefore does the work in the request's read transaction:
it grades the answer and asks each after-answer hook what it will write (issue 5's hook rates
the FSRS card and re-queues the sitting's due misses). :func:`write_answer` then runs the plan:

1. ``INSERT`` the attempt ``ON CONFLICT (session_id, position) DO NOTHING``: no row back
   means the slot was answered already: :class:`AlreadyAnswered`, nothing written;
2. ``UPDATE`` the session ``WHERE`` its position is still the answered slot;
3. each hook's write (the card ``UPDATE ... WHERE reps`` is still what was read, or its
   ``INSERT``, and its review-log row).

If 2 or 3 find their row changed since it was read (a skip, an "end", a flashcard rating of
the same card in another tab), they raise :class:`Changed`: the caller rolls back and plans
again. Nothing here commits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, update

from ..bank.spec import QuestionSpec
from ..extensions import db
from ..models import Attempt, QuizSession
from ..models.statements import InsertUnlessTaken
from ..qtypes import Grade, get_type

MAX_TIME_TAKEN = timedelta(minutes=30)
"""Longest time recorded for one answer: a question left open overnight is not 16 hours' work."""

_ATTEMPTS = Attempt.__table__
_INSERT_ATTEMPT = InsertUnlessTaken(_ATTEMPTS, ["session_id", "position"], _ATTEMPTS.c.id)
_SESSIONS = QuizSession.__table__
_ADVANCE = update(_SESSIONS).where(
    _SESSIONS.c.id == bindparam("quiz_id"),
    _SESSIONS.c.position == bindparam("answered"),
    _SESSIONS.c.finished_at.is_(None),
)


class AlreadyAnswered(Exception):
    """The slot has an attempt already (a refreshed, re-sent or double-clicked form)."""


class Changed(Exception):
    """Something the plan read was changed by another request before it was written."""


@dataclass
class Answered:
    """What an after-answer hook sees while the answer is planned.

    ``question_ids`` is the sitting's list as it will be stored: a hook may insert ids at
    ``next_position`` to ask them next (the session finishes once its position passes the end).
    """

    quiz: QuizSession
    spec: QuestionSpec
    grade: Grade
    now: datetime
    position: int
    question_ids: list[str] = field(default_factory=list)

    @property
    def next_position(self) -> int:
        """The slot asked after this answer."""
        return self.position + 1


Write = Callable[[Connection, int], object]
"""A hook's part of the write transaction: called with the connection and the attempt's id."""

AfterAnswer = Callable[[Answered], Write | None]

AFTER_ANSWER: list[AfterAnswer] = []
"""Hooks called by :func:`plan_answer`; each reads what it needs and returns its write."""


def after_answer(hook: AfterAnswer) -> AfterAnswer:
    """Decorator: plan ``hook``'s writes with every recorded quiz answer."""
    AFTER_ANSWER.append(hook)
    return hook


@dataclass(frozen=True)
class AnswerPlan:
    """An answer ready to write: the attempt row, the session's new values, the hooks' writes."""

    quiz_id: int
    position: int
    attempt: dict[str, Any]
    session: dict[str, Any]
    writes: tuple[Write, ...]


def time_taken_ms(shown_at: datetime | None, now: datetime) -> int | None:
    """Milliseconds from showing to answering, capped at ``MAX_TIME_TAKEN``; None if unknown."""
    if shown_at is None or now < shown_at:
        return None
    return int(min(now - shown_at, MAX_TIME_TAKEN) / timedelta(milliseconds=1))


def plan_answer(
    quiz: QuizSession, spec: QuestionSpec, raw_answer: Any, now: datetime
) -> AnswerPlan:
    """Grade ``raw_answer`` to the question ``quiz`` asks now and plan every write it causes.

    Raises ValueError when ``spec`` is not the question asked now.
    """
    position = quiz.position
    if quiz.finished or position >= quiz.length or quiz.question_ids[position] != spec.id:
        raise ValueError(f"question {spec.id!r} is not the one session {quiz.id} asks now")
    grade = get_type(spec.type).grade(spec, raw_answer)
    answered = Answered(quiz, spec, grade, now, position, list(quiz.question_ids))
    writes = tuple(w for hook in AFTER_ANSWER if (w := hook(answered)) is not None)
    finished = answered.next_position >= len(answered.question_ids)
    attempt = {
        "user_id": quiz.user_id,
        "question_id": spec.id,
        "question_version": spec.version,
        "session_id": quiz.id,
        "position": position,
        "kind": "quiz",
        "raw_answer": raw_answer,
        "normalised": grade.normalised,
        "score": grade.score,
        "correct": grade.correct,
        "note": grade.note,
        "time_taken_ms": time_taken_ms(quiz.current_shown_at, now),
        "created_at": now,
    }
    session = {
        "position": answered.next_position,
        "question_ids": answered.question_ids,
        "current_shown_at": None,
        "last_activity_at": now,
        "finished_at": now if finished else None,
    }
    return AnswerPlan(quiz.id, position, attempt, session, writes)


def write_answer(plan: AnswerPlan) -> int:
    """Write ``plan`` in the current transaction; the new attempt's id.

    Raises AlreadyAnswered (nothing written) or Changed (roll back, then plan again).
    """
    conn = db.session.connection()
    attempt_id = _INSERT_ATTEMPT.run(conn, plan.attempt)
    if attempt_id is None:
        raise AlreadyAnswered(plan.position)
    params = dict(plan.session, quiz_id=plan.quiz_id, answered=plan.position)
    if conn.execute(_ADVANCE, params).rowcount != 1:
        raise Changed(f"session {plan.quiz_id} moved on from slot {plan.position}")
    for write in plan.writes:
        write(conn, attempt_id)
    return attempt_id


def record_answer(quiz: QuizSession, spec: QuestionSpec, raw_answer: Any, now: datetime) -> Attempt:
    """Plan and write an answer inside the caller's transaction (a savepoint); its Attempt.

    For scripts and tests; the answer view plans before taking the write lock instead. ``quiz``
    is reloaded afterwards. Raises AlreadyAnswered, Changed or ValueError as above, with the
    caller's transaction as it was. The caller commits.
    """
    plan = plan_answer(quiz, spec, raw_answer, now)
    with db.session.begin_nested():
        attempt_id = write_answer(plan)
    db.session.expire(quiz)
    attempt = db.session.get(Attempt, attempt_id)
    assert attempt is not None
    return attempt
