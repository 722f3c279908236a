"""Spaced repetition: one FSRS card per student and question, its rating log, study settings."""

from __future__ import annotations

from datetime import datetime
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
    UniqueConstraint,
    false,
    inspect,
    text,
    true,
)
from sqlalchemy.orm import Mapped, mapped_column

from ..extensions import db
from ..scheduling import (
    DEFAULT_LIMITS,
    DEFAULT_SETTINGS,
    CardState,
    DailyLimits,
    RatingOutcome,
    SchedulerSettings,
    is_leech,
    is_valid_timezone,
)
from .types import UTCDateTime, utcnow

DEFAULT_TIMEZONE = "UTC"
"""The time zone of a student who never chose one, and of one this server does not know."""


class Card(db.Model):
    """What FSRS knows about one student's memory of one question.

    ``state``, ``step``, ``stability``, ``difficulty``, ``due`` and ``last_review`` are
    py-fsrs's card fields (``last_review`` is None until the first rating: a *new* card);
    ``lapses`` and ``reps`` are quizapp's counters. A card becomes a ``leech`` at its 8th
    lapse; a ``suspended`` card is left out of every queue until unsuspended. The
    ``(user_id, due)`` index serves the queue's "oldest due first" lookups; the partial
    ``ix_card_leech`` (leeches only) answers "how many leeches of these students on this
    question" from the index alone (``leech`` is in it so SQLite need not read the rows).
    """

    __tablename__ = "card"
    __table_args__ = (
        UniqueConstraint("user_id", "question_id", name="uq_card_user_question"),
        Index("ix_card_user_due", "user_id", "due"),
        Index(
            "ix_card_leech",
            "question_id",
            "user_id",
            "leech",
            sqlite_where=text("leech IS 1"),
            postgresql_where=text("leech IS true"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    question_id: Mapped[str] = mapped_column(ForeignKey("question.id"))
    state: Mapped[int] = mapped_column(SmallInteger)
    step: Mapped[int | None] = mapped_column(Integer)
    stability: Mapped[float | None] = mapped_column(Float)
    difficulty: Mapped[float | None] = mapped_column(Float)
    due: Mapped[datetime] = mapped_column(UTCDateTime)
    last_review: Mapped[datetime | None] = mapped_column(UTCDateTime)
    lapses: Mapped[int] = mapped_column(Integer, default=0)
    reps: Mapped[int] = mapped_column(Integer, default=0)
    leech: Mapped[bool] = mapped_column(Boolean, default=False)
    suspended: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def to_state(self) -> CardState:
        """The card's scheduling values, for `quizapp.scheduling.review`."""
        return card_state(self)

    def set_state(self, state: CardState) -> None:
        """Store ``state`` (after a rating, or an undo); the leech flag follows the lapses."""
        for name, value in card_values(state).items():
            setattr(self, name, value)

    def restore(self, snapshot: dict[str, Any]) -> None:
        """Write back a :func:`card_snapshot` exactly (the leech flag as it was, too)."""
        last_review = snapshot["last_review"]
        self.set_state(
            CardState(
                state=snapshot["state"],
                step=snapshot["step"],
                stability=snapshot["stability"],
                difficulty=snapshot["difficulty"],
                due=datetime.fromisoformat(snapshot["due"]),
                last_review=datetime.fromisoformat(last_review) if last_review else None,
                lapses=snapshot["lapses"],
                reps=snapshot["reps"],
            )
        )
        self.leech = bool(snapshot["leech"])

    def __repr__(self) -> str:
        return f"<Card {self.id} user={self.user_id} {self.question_id} due={self.due:%Y-%m-%d}>"


def card_state(card: Any) -> CardState:
    """The scheduling values of a ``Card`` or of a row read from its table."""
    return CardState(
        state=card.state,
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
        lapses=card.lapses,
        reps=card.reps,
    )


def card_values(state: CardState) -> dict[str, Any]:
    """The column values that store ``state``; the leech flag follows the lapses."""
    return {
        "state": state.state,
        "step": state.step,
        "stability": state.stability,
        "difficulty": state.difficulty,
        "due": state.due,
        "last_review": state.last_review,
        "lapses": state.lapses,
        "reps": state.reps,
        "leech": is_leech(state),
    }


def card_snapshot(state: CardState, leech: bool) -> dict[str, Any]:
    """A card's scheduling fields and leech flag as JSON (``RatingLog.previous``, for undo)."""
    last_review = state.last_review.isoformat() if state.last_review else None
    return card_values(state) | {
        "due": state.due.isoformat(),
        "last_review": last_review,
        "leech": leech,
    }


def rating_log_fields(before: CardState, leech: bool, outcome: RatingOutcome) -> dict[str, Any]:
    """A rating's ``RatingLog`` columns besides its card, user and attempt.

    ``before`` and ``leech`` are the card as it was; ``previous`` keeps them for undo.
    """
    return {
        "rating": int(outcome.rating),
        "kind": outcome.kind.value,
        "reviewed_at": outcome.reviewed_at,
        "previous": card_snapshot(before, leech),
    }


class RatingLog(db.Model):
    """One rating of a card: Again..Easy (1..4), from a quiz answer or a flashcard.

    ``kind`` is the queue the card was in before the rating (new, learning, review), which is
    what the daily limits count. ``previous`` is the card's :func:`card_snapshot` before the
    rating, so undo restores it exactly; ``attempt_id`` is the answer the rating came from.
    ``predicted_recall`` is FSRS's recall of the card at the rating when it was last rated on
    an earlier local day (NULL otherwise, and for ratings before migration 0011), with the
    question's ``guess_chance`` (0 for a flashcard): what ``scheduling.calibration`` learns
    the student's own recall curve from.
    """

    __tablename__ = "rating_log"
    __table_args__ = (Index("ix_rating_log_user_reviewed", "user_id", "reviewed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    card_id: Mapped[int] = mapped_column(ForeignKey("card.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"))
    attempt_id: Mapped[int | None] = mapped_column(
        ForeignKey("attempt.id", ondelete="SET NULL"), index=True
    )
    rating: Mapped[int] = mapped_column(SmallInteger)
    kind: Mapped[str] = mapped_column(String(10))
    reviewed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    previous: Mapped[dict[str, Any]] = mapped_column(JSON)
    predicted_recall: Mapped[float | None] = mapped_column(Float)
    guess_chance: Mapped[float | None] = mapped_column(Float)


def scheduler_settings(desired_retention: float | None) -> SchedulerSettings:
    """The FSRS settings of a student's saved retention; None (nothing saved): the defaults."""
    if desired_retention is None:
        return DEFAULT_SETTINGS
    return SchedulerSettings(desired_retention=desired_retention)


class UserSettings(db.Model):
    """A student's study settings; a student without a row has the defaults."""

    __tablename__ = "user_settings"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("user.id", ondelete="CASCADE"), primary_key=True
    )
    desired_retention: Mapped[float] = mapped_column(
        Float, default=DEFAULT_SETTINGS.desired_retention
    )
    new_per_day: Mapped[int] = mapped_column(Integer, default=DEFAULT_LIMITS.new_per_day)
    reviews_per_day: Mapped[int] = mapped_column(Integer, default=DEFAULT_LIMITS.reviews_per_day)
    timezone: Mapped[str] = mapped_column(String(64), default=DEFAULT_TIMEZONE)
    shortcuts: Mapped[bool] = mapped_column(Boolean, default=True, server_default=true())
    """Single-key shortcuts (1–9, Space, Enter, N) on the study pages; off for WCAG 2.1.4."""
    confidence_marking: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """Confidence-based marking: each question asks "How sure are you?" (docs/learning.md)."""

    @classmethod
    def defaults(cls, user_id: int) -> UserSettings:
        """Unsaved settings with every default filled in (SQLAlchemy defaults apply on insert)."""
        return cls(
            user_id=user_id,
            desired_retention=DEFAULT_SETTINGS.desired_retention,
            new_per_day=DEFAULT_LIMITS.new_per_day,
            reviews_per_day=DEFAULT_LIMITS.reviews_per_day,
            timezone=DEFAULT_TIMEZONE,
            shortcuts=True,
            confidence_marking=False,
        )

    @property
    def saved(self) -> bool:
        """False for unsaved defaults (``defaults``): the student never chose a time zone."""
        return inspect(self).persistent

    @property
    def zone(self) -> str:
        """The time zone days are counted in: the saved one, or UTC if this server lacks it.

        A zone saved before the server's tz database dropped it must not fail every page.
        """
        return zone_or_default(self.timezone)

    @property
    def scheduler(self) -> SchedulerSettings:
        """The FSRS settings these stand for."""
        return scheduler_settings(self.desired_retention)

    @property
    def limits(self) -> DailyLimits:
        """The daily limits these stand for."""
        return DailyLimits(new_per_day=self.new_per_day, reviews_per_day=self.reviews_per_day)


def zone_or_default(timezone: str | None) -> str:
    """A saved time zone, or ``DEFAULT_TIMEZONE`` when it is unset or this server lacks it."""
    return timezone if timezone and is_valid_timezone(timezone) else DEFAULT_TIMEZONE
