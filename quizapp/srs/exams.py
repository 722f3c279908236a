"""A student's exams as the scheduler sees them: the database side of ``scheduling.exam``.

Exams reach a student through their classes (``Membership``). Each is read as a pure
:class:`~quizapp.scheduling.Exam` in its class's time zone; exams whose day has begun are
left out (the mode ends when the exam starts).
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

from sqlalchemy import select

from ..extensions import db
from ..models import Card, Classroom, ExamDate, Membership
from ..models.card import zone_or_default
from ..scheduling import Exam, ensure_utc, local_today


def as_exam(exam: ExamDate, time_zone: str | None) -> Exam:
    """The pure value of an ``ExamDate`` row of a class in ``time_zone``."""
    return Exam(exam.exam_on, zone_or_default(time_zone), frozenset(exam.topics), exam.name)


def upcoming_exams(user_id: int, now: datetime) -> list[Exam]:
    """The exams ahead of the student in all their classes, nearest first."""
    earliest = ensure_utc(now).date() - timedelta(days=1)  # no zone is a day behind UTC
    query = (
        select(ExamDate, Classroom.time_zone)
        .join(Classroom, Classroom.id == ExamDate.classroom_id)
        .join(Membership, Membership.classroom_id == Classroom.id)
        .where(Membership.user_id == user_id, ExamDate.exam_on >= earliest)
        .order_by(ExamDate.exam_on, ExamDate.id)
    )
    exams = [as_exam(row, zone) for row, zone in db.session.execute(query)]
    return [exam for exam in exams if exam.is_ahead(now)]


def due_load(user_id: int, exam: Exam) -> dict[date, int]:
    """How many of the student's scheduled cards fall due on each of the exam's final days."""
    query = select(Card.due).where(
        Card.user_id == user_id,
        Card.suspended.is_(False),
        Card.due >= exam.final_starts,
        Card.due < exam.starts,
    )
    dues = db.session.execute(query).scalars()
    return dict(Counter(local_today(due, exam.zone) for due in dues))
