"""Assignment write operations: create one, change it, start a student's try.

Views call these and then commit; nothing here commits. Every function takes ``now``.

The questions are drawn once, when the assignment is made, so every student of the class
gets the same ones. Once any student has started, the questions, when answers are revealed
and confidence marking are fixed (changing them would grade students on different work, or
reveal what a test hid); the title, the open and due times and the attempts allowed can
still change (a later due time turns work that was late into work on time, and back).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select

from ..bank.spec import Bank
from ..extensions import db
from ..models import Assignment, Classroom, Quiz
from ..study.modes import DrawRequest, draw_new
from ..study.operations import create_quiz, resent
from .progress import tries_of

ASSIGNMENT_MODE = "assignment"
"""``Quiz.mode`` of a try at an assignment (registered in ``assignments.modes``)."""


class NotPossible(ValueError):
    """An operation refused, with the message to show (nothing was changed)."""


@dataclass(frozen=True)
class AssignmentChoice:
    """What the teacher's form asks for, times already in UTC.

    ``question_ids`` hand-picks the questions; when empty, ``count`` are drawn from ``topics``.
    """

    title: str
    opens_at: datetime
    due_at: datetime
    attempts_allowed: int = 1
    reveal: str = "each"
    confidence_marking: bool = False
    topics: tuple[str, ...] = ()
    count: int = 10
    question_ids: tuple[str, ...] = field(default_factory=tuple)


def missing_questions(question_ids: Sequence[str], bank: Bank) -> list[str]:
    """The ids of ``question_ids`` the served bank does not have (deleted, retired, typos)."""
    return [qid for qid in question_ids if qid not in bank]


def draw_questions(choice: AssignmentChoice, bank: Bank, rng: random.Random) -> list[str]:
    """The assignment's questions: the hand-picked ones, or ``count`` drawn from its topics.

    Raises NotPossible for a hand-picked id the bank does not serve or when the topics have
    no question.
    """
    if choice.question_ids:
        if missing := missing_questions(choice.question_ids, bank):
            raise NotPossible(
                "Not in the question bank: " + ", ".join(missing) + ". Check the ids on "
                "Question statistics (a deleted question cannot be assigned)."
            )
        return list(dict.fromkeys(choice.question_ids))
    request = DrawRequest(0, bank, choice.topics, choice.count, rng, datetime.min)
    drawn = draw_new(request)
    if not drawn:
        raise NotPossible("The chosen topics have no questions yet.")
    return drawn


def _check_times(choice: AssignmentChoice) -> None:
    if choice.due_at <= choice.opens_at:
        raise NotPossible("The due time must be after the open time.")


def create_assignment(
    classroom: Classroom,
    choice: AssignmentChoice,
    bank: Bank,
    now: datetime,
    rng: random.Random | None = None,
) -> Assignment:
    """Add an assignment for ``classroom``, its questions drawn now. Raises NotPossible."""
    _check_times(choice)
    question_ids = draw_questions(choice, bank, rng or random.Random())
    assignment = Assignment(
        classroom=classroom,
        title=choice.title,
        topics=[] if choice.question_ids else list(choice.topics),
        question_ids=question_ids,
        opens_at=choice.opens_at,
        due_at=choice.due_at,
        attempts_allowed=choice.attempts_allowed,
        reveal=choice.reveal,
        confidence_marking=choice.confidence_marking,
        created_at=now,
        updated_at=now,
    )
    db.session.add(assignment)
    db.session.flush()
    return assignment


def has_started(assignment: Assignment) -> bool:
    """True once any student has started a try (the questions are then fixed)."""
    query = select(func.count(Quiz.id)).where(Quiz.assignment_id == assignment.id)
    return bool(db.session.execute(query).scalar_one())


def _same_source(assignment: Assignment, choice: AssignmentChoice) -> bool:
    if choice.question_ids:
        return list(dict.fromkeys(choice.question_ids)) == assignment.question_ids
    return list(choice.topics) == assignment.topics and choice.count == len(assignment.question_ids)


def update_assignment(
    assignment: Assignment,
    choice: AssignmentChoice,
    bank: Bank,
    now: datetime,
    rng: random.Random | None = None,
) -> bool:
    """Change ``assignment`` as ``choice`` says; True when its questions were drawn again.

    Once a student started, only the title, times and attempts change (the module docstring
    says why); before, a new choice of questions is drawn again. Raises NotPossible.
    """
    _check_times(choice)
    assignment.title = choice.title
    assignment.opens_at = choice.opens_at
    assignment.due_at = choice.due_at
    assignment.attempts_allowed = choice.attempts_allowed
    assignment.updated_at = now
    if has_started(assignment):
        return False
    assignment.reveal = choice.reveal
    assignment.confidence_marking = choice.confidence_marking
    if _same_source(assignment, choice):
        return False
    assignment.question_ids = draw_questions(choice, bank, rng or random.Random())
    assignment.topics = [] if choice.question_ids else list(choice.topics)
    return True


def start_try(
    assignment: Assignment,
    user_id: int,
    bank: Bank,
    now: datetime,
    start_token: str | None = None,
) -> Quiz:
    """The student's try to answer now: the unfinished one, or a new one. Raises NotPossible.

    Refused before the open time and once every allowed try is used; allowed after the due
    time (the work is then marked late). Questions no longer in the bank are left out.
    """
    existing, start_token = resent(user_id, start_token)
    if existing is not None and existing.assignment_id == assignment.id:
        return existing
    if not assignment.is_open(now):
        raise NotPossible("This assignment is not open yet.")
    tries = tries_of([assignment.id], [user_id]).get((assignment.id, user_id), [])
    unfinished = [t for t in tries if t.finished_at is None]
    if unfinished:
        found = db.session.get(Quiz, unfinished[0].quiz_id)
        assert found is not None
        return found
    if assignment.attempts_allowed and len(tries) >= assignment.attempts_allowed:
        raise NotPossible(
            f"You have used all {assignment.attempts_allowed} attempt(s) at this assignment."
        )
    question_ids = [qid for qid in assignment.question_ids if qid in bank]
    if not question_ids:
        raise NotPossible(
            "None of this assignment's questions is in the bank any more: tell your teacher."
        )
    return create_quiz(
        user_id,
        ASSIGNMENT_MODE,
        question_ids,
        now,
        topics=assignment.topics,
        start_token=start_token,
        assignment_id=assignment.id,
    )
