"""A card's scheduling state as plain values, and its conversion to and from py-fsrs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from fsrs import Card, State

__all__ = ["CardKind", "CardState", "State", "ensure_utc", "new_card"]


def ensure_utc(dt: datetime) -> datetime:
    """Return `dt` as an aware datetime in `datetime.UTC`.

    A naive datetime is taken to be UTC already: quizapp only stores UTC, and SQLite hands
    datetimes back without their tzinfo. Aware datetimes in other zones are converted. py-fsrs
    accepts nothing but `tzinfo is datetime.UTC` (not even `ZoneInfo("UTC")`), hence this step.
    """
    if dt.tzinfo is None:
        return dt.replace(tzinfo=UTC)
    return dt.astimezone(UTC)


class CardKind(StrEnum):
    """Which queue a card belongs to: never seen, in (re)learning steps, or in long-term review."""

    NEW = "new"
    LEARNING = "learning"
    REVIEW = "review"


@dataclass(frozen=True)
class CardState:
    """Everything the scheduler knows about one user's card, as the database stores it.

    `state`, `step`, `stability`, `difficulty`, `due` and `last_review` are py-fsrs's own card
    fields (`state` is a `fsrs.State` value: 1 Learning, 2 Review, 3 Relearning); `lapses` and
    `reps` are quizapp's counters. Datetimes are normalised with `ensure_utc` on construction, so
    a row read back from SQLite (naive datetimes) can be passed in as it is.
    """

    state: int
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    lapses: int = 0
    reps: int = 0

    def __post_init__(self) -> None:
        object.__setattr__(self, "state", int(State(self.state)))
        object.__setattr__(self, "due", ensure_utc(self.due))
        if self.last_review is not None:
            object.__setattr__(self, "last_review", ensure_utc(self.last_review))

    @property
    def is_new(self) -> bool:
        """True until the card's first rating."""
        return self.last_review is None

    @property
    def kind(self) -> CardKind:
        """The queue the card is in now: new, learning (Learning or Relearning) or review."""
        if self.is_new:
            return CardKind.NEW
        if self.state == State.Review:
            return CardKind.REVIEW
        return CardKind.LEARNING

    def to_fsrs(self) -> Card:
        """The equivalent `fsrs.Card` (its `card_id` is unused by quizapp and set to 0)."""
        return Card(
            card_id=0,
            state=State(self.state),
            step=self.step,
            stability=self.stability,
            difficulty=self.difficulty,
            due=self.due,
            last_review=self.last_review,
        )

    @classmethod
    def from_fsrs(cls, card: Card, *, lapses: int, reps: int) -> CardState:
        """Build a `CardState` from a `fsrs.Card` plus quizapp's counters."""
        return cls(
            state=int(card.state),
            step=card.step,
            stability=card.stability,
            difficulty=card.difficulty,
            due=card.due,
            last_review=card.last_review,
            lapses=lapses,
            reps=reps,
        )


def new_card(now: datetime) -> CardState:
    """The state of a card never reviewed: Learning, first step, due at `now`."""
    return CardState(
        state=int(State.Learning),
        step=0,
        stability=None,
        difficulty=None,
        due=now,
        last_review=None,
    )
