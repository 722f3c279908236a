"""Aggregates of the answers, for the teacher pages: per student and question version, and cached.

``item_score`` is kept by database triggers on ``attempt`` (``quizapp/statistics/scores.py``
holds their SQL and the full recount): any insert, update or delete of a graded answer
recounts that student's rows for that question in the same transaction, so the aggregate
cannot drift from the answers, whichever code wrote them. ``statistics_cache`` holds figures
computed over many students (question statistics), with when they were computed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Float, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from .types import UTCDateTime


class ItemScore(db.Model):
    """One student's graded answers to one question version, summed; and their first answer.

    ``first_*`` are set on the one row of a (student, question) that holds the student's
    first graded answer to the question (by time, then id), None on the others: what the
    first-attempt statistics count. No foreign keys: the rows follow the answers (a deleted
    account's answers are deleted, and the trigger removes its rows).
    """

    __tablename__ = "item_score"
    __table_args__ = (Index("ix_item_score_question", "question_id", "version"),)

    user_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    question_id: Mapped[str] = mapped_column(String(80), primary_key=True)
    version: Mapped[str] = mapped_column(String(16), primary_key=True)
    answers: Mapped[int] = mapped_column(Integer)
    score_sum: Mapped[float] = mapped_column(Float)
    misconceptions: Mapped[int] = mapped_column(Integer)
    """Answers wrong or partly right and marked "very sure"."""
    first_attempt_id: Mapped[int | None] = mapped_column(Integer)
    first_score: Mapped[float | None] = mapped_column(Float)
    first_correct: Mapped[bool | None] = mapped_column(Boolean)
    first_normalised: Mapped[str | None] = mapped_column(Text)
    first_confidence: Mapped[int | None] = mapped_column(SmallInteger)


class StatisticsCache(db.Model):
    """Figures computed over many answers, by name (``questions:first:school``, ...).

    ``last_attempt_id`` is the newest attempt when they were computed: a newer one means
    answers came in since (``quizapp/statistics/cache.py`` decides when to recompute).
    """

    __tablename__ = "statistics_cache"

    name: Mapped[str] = mapped_column(String(120), primary_key=True)
    computed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_attempt_id: Mapped[int] = mapped_column(Integer)
    seconds: Mapped[float] = mapped_column(Float)
    """How long computing them took."""
    value: Mapped[Any] = mapped_column(JSON)
