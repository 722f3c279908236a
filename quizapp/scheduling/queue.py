"""Which card to ask next, and the Study page's counts: a pure policy over plain rows.

The database layer feeds two lists for one user, leaving suspended cards out:

* `due_cards`: `(card_id, due, state)` rows of cards reviewed at least once and due before the
  end of the user's local day (see `day_bounds`); `state` is a `fsrs.State` value and `due` may
  be naive UTC, as SQLite returns it.
* `new_cards`: ids of cards never reviewed, in the order they should be introduced.

`reviews_done_today` and `new_done_today` count today's ratings whose `RatingOutcome.kind` was
`review` and `new`. Ratings during (re)learning steps use no limit, so a missed question always
comes back in the quiz once its step is due.

**Learning ahead** (Anki's "learn ahead limit"): when nothing else is ready, a (re)learning card
due within `LEARN_AHEAD` (20 minutes) is asked now instead of ending the sitting, so a miss
comes back before a student who keeps studying is told "nothing is due".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

from fsrs import State

from .state import ensure_utc

__all__ = [
    "DEFAULT_LIMITS",
    "LEARN_AHEAD",
    "DailyLimits",
    "DueCard",
    "next_due_at",
    "pick_next",
    "queue_counts",
]

LEARN_AHEAD = timedelta(minutes=20)
"""How far ahead a (re)learning card is asked when nothing else is ready (Anki's default)."""


@dataclass(frozen=True)
class DailyLimits:
    """How many new cards and how many review-state cards a user takes on per local day."""

    new_per_day: int = 20
    reviews_per_day: int = 200

    def __post_init__(self) -> None:
        if self.new_per_day < 0 or self.reviews_per_day < 0:
            raise ValueError("daily limits cannot be negative")


DEFAULT_LIMITS = DailyLimits()


class DueCard(NamedTuple):
    """One row of `due_cards`; any `(card_id, due, state)` tuple does as well."""

    card_id: int
    due: datetime
    state: int


def _servable(
    due_cards: Iterable[tuple[int, datetime, int]], reviews_done_today: int, limits: DailyLimits
) -> list[DueCard]:
    """Cards the limits allow today: all (re)learning cards, review cards while any are left."""
    reviews_left = limits.reviews_per_day > reviews_done_today
    return [
        DueCard(card_id, ensure_utc(due), state)
        for card_id, due, state in due_cards
        if reviews_left or state != State.Review
    ]


def pick_next(
    due_cards: Iterable[tuple[int, datetime, int]],
    new_cards: Iterable[int],
    now: datetime,
    reviews_done_today: int,
    new_done_today: int,
    limits: DailyLimits = DEFAULT_LIMITS,
    learn_ahead: timedelta = LEARN_AHEAD,
) -> int | None:
    """The id of the card to ask now, or None when nothing is ready.

    First the card due longest ago (due <= now; ties by id) among (re)learning cards and, while
    the reviews-per-day limit is not reached, review cards; then the first new card while the
    new-per-day limit is not reached; then, learning ahead, the (re)learning card due soonest
    within ``learn_ahead`` of now.
    """
    now = ensure_utc(now)
    servable = _servable(due_cards, reviews_done_today, limits)
    ready = [card for card in servable if card.due <= now]
    if ready:
        return min(ready, key=lambda card: (card.due, card.card_id)).card_id
    if new_done_today < limits.new_per_day:
        new = next(iter(new_cards), None)
        if new is not None:
            return new
    ahead = [c for c in servable if c.state != State.Review and c.due <= now + learn_ahead]
    if ahead:
        return min(ahead, key=lambda card: (card.due, card.card_id)).card_id
    return None


def next_due_at(
    due_cards: Iterable[tuple[int, datetime, int]],
    now: datetime,
    reviews_done_today: int,
    limits: DailyLimits = DEFAULT_LIMITS,
) -> datetime | None:
    """When the next card the limits allow falls due after `now` (to say "back in 7 minutes")."""
    now = ensure_utc(now)
    later = [card.due for card in _servable(due_cards, reviews_done_today, limits)]
    return min((due for due in later if due > now), default=None)


def queue_counts(
    due_cards: Iterable[tuple[int, datetime, int]],
    new_cards: Iterable[int],
    now: datetime,
    reviews_done_today: int,
    new_done_today: int,
    limits: DailyLimits = DEFAULT_LIMITS,
) -> dict[str, int]:
    """The Study page's counts, within today's limits.

    `due`: review cards due now; `learning`: (re)learning cards due today, now or later in the
    quiz; `new`: new cards still allowed today.
    """
    now = ensure_utc(now)
    due = learning = 0
    for _, card_due, state in due_cards:
        if state != State.Review:
            learning += 1
        elif ensure_utc(card_due) <= now:
            due += 1
    reviews_left = max(0, limits.reviews_per_day - reviews_done_today)
    new_left = max(0, limits.new_per_day - new_done_today)
    return {
        "due": min(due, reviews_left),
        "learning": learning,
        "new": min(sum(1 for _ in new_cards), new_left),
    }
