"""A teacher's regrade: a common wrong answer accepted (or partly), and what it changed."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, SmallInteger, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime, utcnow


class Regrade(db.Model):
    """One answer a teacher accepted for one question, as Gradescope regrades an answer group.

    ``answer`` is the text added to the question's ``accept`` list (``score`` None) or to its
    ``partly`` scores; ``revision_id`` is the bank file's save that added it. ``undone_at``
    is set once it is undone (the answer taken out of the file again, the old scores back).
    """

    __tablename__ = "regrade"
    __table_args__ = (Index("ix_regrade_question_created", "question_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[str] = mapped_column(ForeignKey("question.id"))
    answer: Mapped[str] = mapped_column(Text)
    score: Mapped[float | None] = mapped_column(Float)
    revision_id: Mapped[int | None] = mapped_column(
        ForeignKey("bank_revision.id", ondelete="SET NULL")
    )
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class RegradedAttempt(db.Model):
    """One attempt a regrade changed: its grade before, and its card before a correction.

    ``card_before`` is the card's snapshot (``models.card.card_snapshot``) and
    ``rating_before`` the log's rating when the regrade re-rated the card (the attempt was
    the card's latest review); both None when the card was left for its next review.
    """

    __tablename__ = "regraded_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    regrade_id: Mapped[int] = mapped_column(
        ForeignKey("regrade.id", ondelete="CASCADE"), index=True
    )
    attempt_id: Mapped[int] = mapped_column(
        ForeignKey("attempt.id", ondelete="CASCADE"), index=True
    )
    old_score: Mapped[float] = mapped_column(Float)
    old_correct: Mapped[bool] = mapped_column(Boolean)
    old_note: Mapped[str | None] = mapped_column(Text)
    new_score: Mapped[float] = mapped_column(Float)
    card_id: Mapped[int | None] = mapped_column(ForeignKey("card.id", ondelete="SET NULL"))
    card_before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    rating_before: Mapped[int | None] = mapped_column(SmallInteger)
