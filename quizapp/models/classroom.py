"""Classes: a teacher's group of students, joined by code, with exam dates."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .types import UTCDateTime, utcnow


class Classroom(db.Model):
    """One class: its teacher, its time zone (for due dates and exam days) and its join code.

    The table is ``classroom`` because ``class`` is a reserved word in Python and SQL; pages
    and docs call it a *class*. ``join_code`` is unique across the school and can be rotated
    (the old code then stops working).
    """

    __tablename__ = "classroom"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    time_zone: Mapped[str] = mapped_column(String(64), default="UTC")
    join_code: Mapped[str] = mapped_column(String(16), unique=True)
    teacher_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    members: Mapped[list[Membership]] = relationship(
        back_populates="classroom", cascade="all, delete-orphan", passive_deletes=True
    )
    exams: Mapped[list[ExamDate]] = relationship(
        back_populates="classroom",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ExamDate.exam_on",
    )


class Membership(db.Model):
    """A student in a class. One row per (class, student): joining twice changes nothing."""

    __tablename__ = "membership"
    __table_args__ = (
        UniqueConstraint("classroom_id", "user_id", name="uq_membership_classroom_user"),
        Index("ix_membership_user", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    classroom_id: Mapped[int] = mapped_column(ForeignKey("classroom.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    joined_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    classroom: Mapped[Classroom] = relationship(back_populates="members")


class ExamDate(db.Model):
    """An exam a class sits on ``exam_on`` (a day in the class's time zone) over ``topics``.

    Until that day the scheduler keeps every card of those topics due at least once in the
    final days before it (``scheduling``'s exam capping).
    """

    __tablename__ = "exam_date"
    __table_args__ = (Index("ix_exam_date_classroom", "classroom_id", "exam_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    classroom_id: Mapped[int] = mapped_column(ForeignKey("classroom.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(80))
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    exam_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    classroom: Mapped[Classroom] = relationship(back_populates="exams")
