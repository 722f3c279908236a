"""Writing exam dates: add one to a class, remove one, and bring cards forward for it.

Nothing here commits. Adding an exam applies its cap to the cards its students already have
scheduled past it (``scheduling.catch_up``); a student who joins the class later gets the same
with :func:`catch_up_student` (the class join operation calls it). Removing an exam moves no
card back: a card due earlier than FSRS would have it is simply reviewed early.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from sqlalchemy import select

from ..classes.queries import member_ids
from ..extensions import db
from ..models import Card, Classroom, ExamDate, Question
from ..scheduling import Exam, catch_up
from ..srs.exams import as_exam, due_load, upcoming_exams


def add_exam(
    classroom: Classroom, name: str, topics: Sequence[str], exam_on: date, now: datetime
) -> ExamDate:
    """Add an exam to the class (checked by the form) and bring its students' cards forward."""
    exam = ExamDate(classroom_id=classroom.id, name=name, topics=list(topics), exam_on=exam_on)
    db.session.add(exam)
    db.session.flush()
    value = as_exam(exam, classroom.time_zone)
    for user_id in db.session.execute(member_ids(classroom.id)).scalars():
        bring_forward(user_id, value, now)
    return exam


def remove_exam(exam: ExamDate) -> None:
    """Delete the exam; the students' cards keep the dues they have."""
    db.session.delete(exam)
    db.session.flush()


def bring_forward(user_id: int, exam: Exam, now: datetime) -> int:
    """Move the student's cards of the exam's topics that would cross it unreviewed into its
    final days; how many moved."""
    query = (
        select(Card)
        .join(Question, Question.id == Card.question_id)
        .where(Card.user_id == user_id, Card.suspended.is_(False))
        .where(Question.topic.in_(exam.topics), Card.due >= exam.starts)
        .order_by(Card.due, Card.id)
    )
    cards = {card.id: card for card in db.session.execute(query).scalars()}
    rows = [(card.id, card.due, card.last_review) for card in cards.values()]
    moved = catch_up(rows, exam, now, due_load(user_id, exam))
    for card_id, due in moved.items():
        cards[card_id].due = due
    db.session.flush()
    return len(moved)


def catch_up_student(user_id: int, now: datetime) -> int:
    """Bring the student's cards forward for every exam ahead in their classes (after joining
    a class); how many moved."""
    return sum(bring_forward(user_id, exam, now) for exam in upcoming_exams(user_id, now))
