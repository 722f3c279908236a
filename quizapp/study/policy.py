"""How a quiz is run: a student's own study, or a try at a teacher's assignment.

A quiz of the student's own runs by the student's settings: feedback after each answer,
missed questions asked again in the quiz (``requeue``), every answer rating its card. A try
at an assignment (``Quiz.assignment_id``) runs by the assignment's: its confidence marking,
exactly its questions (no re-asks, so the teacher's grid has one column per question) and,
for a test (``reveal`` "after_due"), no feedback, score or right answer anywhere until the
due date, and no card ratings (a card moved to "again in 10 minutes" would tell).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Select, exists, or_, select

from ..models import Assignment, Attempt, Quiz


@dataclass(frozen=True)
class QuizRules:
    """What a quiz may do and show now."""

    confidence_marking: bool | None
    """Ask "How sure are you?": the assignment's choice; None: the student's own setting."""
    show_feedback: bool
    """Right answers, verdicts and scores may be shown (feedback, end and history pages)."""
    requeue: bool
    """Missed questions come back later in the same quiz (``study.requeue``)."""
    rate_cards: bool
    """Answers rate the student's spaced-repetition cards."""
    hidden_until: datetime | None = None
    """When hidden feedback appears (an assignment's due time); None when nothing is hidden."""

    def asks_confidence(self, student_setting: bool) -> bool:
        """Whether to ask "How sure are you?", given the student's own setting."""
        if self.confidence_marking is None:
            return student_setting
        return self.confidence_marking


OWN_STUDY = QuizRules(confidence_marking=None, show_feedback=True, requeue=True, rate_cards=True)


def quiz_rules(quiz: Quiz, now: datetime) -> QuizRules:
    """The rules ``quiz`` runs by at ``now`` (one query for an assignment's quiz, none else)."""
    if quiz.assignment_id is None or quiz.assignment is None:
        return OWN_STUDY
    assignment = quiz.assignment
    hidden = assignment.hides_feedback(now)
    return QuizRules(
        confidence_marking=assignment.confidence_marking,
        show_feedback=not hidden,
        requeue=False,
        rate_cards=assignment.reveal == "each",
        hidden_until=assignment.due_at if hidden else None,
    )


def hidden_quizzes(now: datetime) -> Select[tuple[int]]:
    """SELECT the ids of the quizzes whose feedback is hidden at ``now``: tries at a test
    (``reveal`` "after_due") before its due time (``Assignment.hides_feedback`` in SQL)."""
    return (
        select(Quiz.id)
        .join(Assignment, Quiz.assignment_id == Assignment.id)
        .where(Assignment.reveal == "after_due", Assignment.due_at > now)
    )


def visible_attempts(now: datetime) -> ColumnElement[bool]:
    """A WHERE clause keeping the attempts whose verdict a student may see at ``now``.

    The history's chart, scores and CSV and the "Missed questions" mode filter with it, so a
    test's answers say nothing before its due date.

    Checked per attempt (``NOT EXISTS`` on the quiz's and its assignment's primary keys), not
    against a list of every hidden quiz, which SQLite built by scanning the school's quizzes.
    """
    hidden = hidden_quizzes(now).where(Quiz.id == Attempt.quiz_id).correlate(Attempt)
    return or_(Attempt.quiz_id.is_(None), ~exists(hidden))
