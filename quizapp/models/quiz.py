"""Quizzes and the attempts that answer them."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..extensions import db
from .assignment import Assignment
from .types import UTCDateTime, utcnow

ABANDONED_AFTER = timedelta(days=1)
"""An unfinished quiz left this long is shown as abandoned."""


class Quiz(db.Model):
    """One quiz: the questions drawn, how far the student got, when it ended.

    Lives in the database (not the cookie) so it survives logout, a restart and a
    different browser. ``position`` is the index in ``question_ids`` of the next question
    to ask; ``current_shown_at`` is when that question was first shown (None until it is),
    so the time taken to answer it can be measured on the server. ``mode`` names the
    study mode that drew the questions (``quizapp.study.modes``: ``quiz``, ``retry``, ...).
    ``start_token`` is the random token of the form that started it: the same form sent twice
    (a double click on "Start") finds this quiz instead of starting a second one.
    """

    __tablename__ = "quiz"
    __table_args__ = (
        Index("ix_quiz_user_started", "user_id", "started_at"),
        UniqueConstraint("user_id", "start_token", name="uq_quiz_start_token"),
        Index("ix_quiz_assignment_user", "assignment_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    mode: Mapped[str] = mapped_column(String(20), default="topics")
    topics: Mapped[list[str]] = mapped_column(JSON, default=list)
    question_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    position: Mapped[int] = mapped_column(Integer, default=0)
    seed: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_activity_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    current_shown_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    start_token: Mapped[str | None] = mapped_column(String(32))
    assignment_id: Mapped[int | None] = mapped_column(
        ForeignKey("assignment.id", ondelete="SET NULL")
    )
    """The assignment this quiz is a try at (None: the student's own study)."""
    assignment: Mapped[Assignment | None] = relationship()
    """Loaded when used; no query for a quiz that is not an assignment's."""

    attempts: Mapped[list[Attempt]] = relationship(
        back_populates="quiz", order_by="Attempt.position", lazy="selectin"
    )

    @property
    def finished(self) -> bool:
        """True once every question has an answer (or the student ended it)."""
        return self.finished_at is not None

    def abandoned(self, now: datetime) -> bool:
        """Unfinished and untouched for ``ABANDONED_AFTER``: the pages say so and offer to
        discard it (``study.operations.discard_quiz``)."""
        last = self.last_activity_at or self.started_at
        return not self.finished and last is not None and now - last > ABANDONED_AFTER

    @property
    def length(self) -> int:
        """How many questions this quiz asks."""
        return len(self.question_ids)


class Attempt(db.Model):
    """One answer to one question: what was typed, how it was read, its score (and, with
    confidence-based marking on, how sure the student was: ``grading.cbm`` marks it).

    ``(quiz_id, position)`` is unique, so a re-submitted form (refresh, back
    button, double click) cannot record a second attempt for the same slot.
    """

    __tablename__ = "attempt"
    __table_args__ = (
        UniqueConstraint("quiz_id", "position", name="uq_attempt_quiz_position"),
        Index("ix_attempt_user_created", "user_id", "created_at"),
        Index("ix_attempt_question_user", "question_id", "user_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(ForeignKey("question.id"))
    question_version: Mapped[str] = mapped_column(String(16))
    quiz_id: Mapped[int | None] = mapped_column(ForeignKey("quiz.id", ondelete="CASCADE"))
    position: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(12), default="quiz")
    raw_answer: Mapped[Any] = mapped_column(JSON)
    normalised: Mapped[str] = mapped_column(Text, default="")
    score: Mapped[float] = mapped_column(Float)
    correct: Mapped[bool] = mapped_column(Boolean)
    note: Mapped[str | None] = mapped_column(Text)
    time_taken_ms: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    confidence: Mapped[int | None] = mapped_column(SmallInteger)
    """How sure the student said they were, 1..3 (confidence-based marking); None: not asked."""

    quiz: Mapped[Quiz | None] = relationship(back_populates="attempts")
