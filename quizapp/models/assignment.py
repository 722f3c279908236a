"""Assignments: work a teacher gives a class, with open and due times."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .classroom import Classroom
from .types import UTCDateTime, utcnow

REVEAL_CHOICES = ("each", "after_due")
"""When answers are shown: after each answer, or only once the assignment is past due (tests)."""


class Assignment(db.Model):
    """Questions given to a class between ``opens_at`` and ``due_at`` (stored in UTC; entered
    and shown in the class's time zone).

    ``topics`` records what the teacher asked for and ``question_ids`` the questions every
    student of the class gets (drawn once, so the teacher's grid has one column per
    question). A student's try is a ``Quiz`` whose ``assignment_id`` points here;
    ``attempts_allowed`` caps how many (0: no limit).
    """

    __tablename__ = "assignment"
    __table_args__ = (Index("ix_assignment_classroom_due", "classroom_id", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    classroom_id: Mapped[int] = mapped_column(ForeignKey("classroom.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(120))
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    question_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    opens_at: Mapped[datetime] = mapped_column(UTCDateTime)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    attempts_allowed: Mapped[int] = mapped_column(Integer, default=1)
    reveal: Mapped[str] = mapped_column(String(12), default="each")
    confidence_marking: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    classroom: Mapped[Classroom] = relationship()
