"""What the spaced-repetition cards say about a student: per-topic mastery and predicted retention.

**Mastery** of a topic is the share of the topic's questions that are *mastered*: the student's
card for the question has graduated to review (it is not new, not in (re)learning steps, not
suspended) and FSRS predicts recall *now* with probability at least the student's desired
retention (`retrievability >= desired_retention`). Questions never studied count as not mastered,
so mastery only rises by learning, and it falls again as memories fade past the target.

**Average predicted retention** is the mean FSRS retrievability, now, of the student's cards
that have left the learning steps (in review; suspended cards left out). Cards still in
(re)learning are left out: FSRS predicts recall of 1.0 right after any rating, which would
make a string of wrong answers look like perfect retention.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from typing import NamedTuple

from fsrs import State

from ..scheduling import DEFAULT_SETTINGS, CardState, SchedulerSettings, retrievability

__all__ = ["TopicMastery", "average_retention", "is_mastered", "topic_mastery"]


class TopicMastery(NamedTuple):
    """One topic's mastery: `mastered` of its `total` questions."""

    topic: str
    title: str
    mastered: int
    total: int

    @property
    def share(self) -> float:
        """mastered / total, 0..1 (0 for an empty topic)."""
        return self.mastered / self.total if self.total else 0.0


def is_mastered(
    state: CardState, now: datetime, settings: SchedulerSettings = DEFAULT_SETTINGS
) -> bool:
    """True for a card in review whose retrievability now reaches the desired retention."""
    if state.is_new or state.state != State.Review:
        return False
    return retrievability(state, now, settings) >= settings.desired_retention


def topic_mastery(
    topics: Iterable[tuple[str, str, int]],
    cards: Iterable[tuple[str, CardState]],
    now: datetime,
    settings: SchedulerSettings = DEFAULT_SETTINGS,
) -> list[TopicMastery]:
    """Mastery per topic, in the order `topics` gives.

    `topics` are `(key, title, question count)` of the served questions; `cards` are
    `(topic key, state)` of the student's cards that count (not suspended, question served).
    """
    mastered: dict[str, int] = defaultdict(int)
    for topic, state in cards:
        if is_mastered(state, now, settings):
            mastered[topic] += 1
    return [
        TopicMastery(key, title, min(mastered[key], total), total) for key, title, total in topics
    ]


def average_retention(
    states: Iterable[CardState], now: datetime, settings: SchedulerSettings = DEFAULT_SETTINGS
) -> float | None:
    """Mean retrievability now of the cards in review; None if there are none."""
    values = [
        retrievability(s, now, settings) for s in states if not s.is_new and s.state == State.Review
    ]
    return sum(values) / len(values) if values else None
