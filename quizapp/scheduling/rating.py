"""Rating a card with py-fsrs: settings, the rating of a quiz grade, review, preview, undo data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from fsrs import Rating, Scheduler, State

from .state import CardKind, CardState, ensure_utc

__all__ = [
    "DEFAULT_SETTINGS",
    "LEECH_LAPSES",
    "MAX_RETENTION",
    "MIN_RETENTION",
    "Rating",
    "RatingOutcome",
    "SchedulerSettings",
    "format_interval",
    "is_leech",
    "preview",
    "retrievability",
    "rate",
]

MIN_RETENTION = 0.80
MAX_RETENTION = 0.97
LEECH_LAPSES = 8
"""A card becomes a leech on its 8th lapse (Anki's default threshold)."""


@dataclass(frozen=True)
class SchedulerSettings:
    """One user's FSRS settings.

    A single 10-minute learning step makes a miss on a new card come back after the same
    10 minutes as a miss on a review card (py-fsrs's default would be 1 minute), and a right
    answer on a new card graduate straight to review. Fuzzing is always off: the interval
    printed on a button is then exactly the one the rating applies, and due dates match a
    direct py-fsrs call.
    """

    desired_retention: float = 0.9
    learning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    relearning_steps: tuple[timedelta, ...] = (timedelta(minutes=10),)
    maximum_interval: int = 36500

    def __post_init__(self) -> None:
        if not MIN_RETENTION <= self.desired_retention <= MAX_RETENTION:
            raise ValueError(
                f"desired retention must be between {MIN_RETENTION:.2f} and {MAX_RETENTION:.2f},"
                f" not {self.desired_retention}"
            )
        object.__setattr__(self, "learning_steps", tuple(self.learning_steps))
        object.__setattr__(self, "relearning_steps", tuple(self.relearning_steps))
        if any(step <= timedelta(0) for step in self.learning_steps + self.relearning_steps):
            raise ValueError("learning and relearning steps must be positive")
        if self.maximum_interval < 1:
            raise ValueError("maximum interval must be at least 1 day")

    def scheduler(self) -> Scheduler:
        """The py-fsrs scheduler for these settings (cached: settings are immutable)."""
        return _scheduler(self)


DEFAULT_SETTINGS = SchedulerSettings()


@cache
def _scheduler(settings: SchedulerSettings) -> Scheduler:
    return Scheduler(
        desired_retention=settings.desired_retention,
        learning_steps=settings.learning_steps,
        relearning_steps=settings.relearning_steps,
        maximum_interval=settings.maximum_interval,
        enable_fuzzing=False,
    )


def is_leech(state: CardState) -> bool:
    """True once a card has lapsed `LEECH_LAPSES` times."""
    return state.lapses >= LEECH_LAPSES


@dataclass(frozen=True)
class RatingOutcome:
    """The result of one rating: the card's new state, and what undo and the review log need.

    `previous_state` is the state before the rating (normalised to UTC); writing it back undoes
    the rating exactly. `kind` is the queue the card was in *before* the rating, which is what
    the daily limits count: a `review` rating uses the reviews-per-day limit, a `new` one the
    new-per-day limit, a `learning` one neither.
    """

    new_state: CardState
    previous_state: CardState
    rating: Rating
    reviewed_at: datetime
    kind: CardKind
    lapsed: bool
    became_leech: bool

    @property
    def interval(self) -> timedelta:
        """Time from this rating to the card's next due date."""
        return self.new_state.due - self.reviewed_at


def rate(
    state: CardState,
    rating: Rating | int,
    now: datetime,
    settings: SchedulerSettings = DEFAULT_SETTINGS,
) -> RatingOutcome:
    """Rate a card at `now` with py-fsrs and count reps, lapses and leeches.

    Every rating adds one rep. A lapse is Again on a card in the Review state (the FSRS and
    Anki convention: Again during (re)learning steps is not a further lapse). The card becomes
    a leech on exactly its `LEECH_LAPSES`-th lapse; `is_leech` stays true afterwards.
    """
    now = ensure_utc(now)
    rating = Rating(rating)
    card, _ = settings.scheduler().review_card(state.to_fsrs(), rating, review_datetime=now)
    lapsed = state.state == State.Review and rating == Rating.Again
    lapses = state.lapses + int(lapsed)
    return RatingOutcome(
        new_state=CardState.from_fsrs(card, lapses=lapses, reps=state.reps + 1),
        previous_state=state,
        rating=rating,
        reviewed_at=now,
        kind=state.kind,
        lapsed=lapsed,
        became_leech=lapsed and lapses == LEECH_LAPSES,
    )


def preview(
    state: CardState, now: datetime, settings: SchedulerSettings = DEFAULT_SETTINGS
) -> dict[Rating, timedelta]:
    """The interval each rating would give the card at `now`, in Again..Easy order."""
    now = ensure_utc(now)
    return {rating: rate(state, rating, now, settings).interval for rating in Rating}


def retrievability(
    state: CardState, now: datetime, settings: SchedulerSettings = DEFAULT_SETTINGS
) -> float:
    """py-fsrs's predicted probability of recall at `now`, 0..1; 0 for a card never reviewed."""
    card = state.to_fsrs()
    return float(settings.scheduler().get_card_retrievability(card, ensure_utc(now)))


def format_interval(interval: timedelta) -> str:
    """A short label for a button: "<1m", "10m", "1h", "2d", "3mo", "1y", "1.5y".

    Each unit is used while the rounded value stays below the next unit (59.6 minutes is "1h",
    not "60m"); a month is 30 days, a year 365; years keep one decimal below 10.
    """
    seconds = interval.total_seconds()
    if seconds < 60:
        return "<1m"
    if (minutes := round(seconds / 60)) < 60:
        return f"{minutes}m"
    if (hours := round(seconds / 3600)) < 24:
        return f"{hours}h"
    days = seconds / 86400
    if round(days) < 30:
        return f"{round(days)}d"
    if (months := round(days / 30)) < 12:
        return f"{months}mo"
    years = max(1.0, round(days / 365, 1))
    if years < 10:
        return f"{years:g}y"
    return f"{round(years)}y"
