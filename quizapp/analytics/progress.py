"""What the spaced-repetition cards say about a student: per-topic mastery and predicted retention.

**Stages.** Each question of a topic is in one stage for the student: *new* (never rated, or no
card yet), *learning* (in FSRS (re)learning steps), *young* (in review with stability under
`MASTERED_STABILITY_DAYS`) or *mastered* (in review with stability of at least 21 days: Anki's
"mature"). Suspended cards are left out of all four and counted on their own.

**Mastery** of a topic is mastered / questions in the topic. It needs evidence over time: FSRS-6
starts a card answered Good at a stability of about 2.3 days and Easy at about 8 days, so after
one sitting, however good, mastery is about 0; stability only reaches 21 days after successful
reviews spread over days or weeks. (The old rule, "in review and recall now >= desired
retention", called every card mastered minutes after its first correct answer.)

**Predicted retention** is the mean FSRS retrievability, now, of the cards last reviewed before
a cut-off (the start of the student's local today): FSRS predicts recall of about 1.0 right after
any rating, so a card studied today says nothing yet about memory. Cards still in (re)learning
and suspended cards are left out.

**Calibration.** Both figures go through the student's own recall curve
(``scheduling.calibration``, fitted on their reviews, with an offset per topic): predicted
retention is the calibrated recall of each card's topic, and the 21 days of mastery must hold
on FSRS's stability, the student's curve and the topic's curve alike
(``Calibration.lasting_days``), so a student who forgets faster than FSRS's defaults assume is
not shown FSRS's optimism, and no curve claims more than FSRS does. Without reviews to learn
from, the calibration is FSRS as it is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple

from fsrs import State

from ..scheduling import DEFAULT_SETTINGS, CardKind, CardState, SchedulerSettings, retrievability
from ..scheduling.calibration import IDENTITY, Calibration

__all__ = [
    "BAR_MARKS",
    "MASTERED_STABILITY_DAYS",
    "Retention",
    "Stage",
    "TopicMastery",
    "card_stage",
    "is_mastered",
    "predicted_retention",
    "topic_mastery",
]

MASTERED_STABILITY_DAYS = 21.0
"""FSRS stability, in days, from which a card counts as mastered (Anki's "mature" interval)."""


BAR_MARKS = ("█", "▓", "▒", "░", "·")
"""The text bar's marks: mastered, young, learning, new, suspended (darkest = furthest along)."""


class Stage(StrEnum):
    """Where a student's card on a question stands; the history page's column names."""

    NEW = "new"
    LEARNING = "learning"
    YOUNG = "young"
    MASTERED = "mastered"


class TopicMastery(NamedTuple):
    """One topic's questions by stage: `mastered` of its `total` questions, and the rest.

    `new` counts the questions never studied (no card or a card never rated); `suspended`
    questions are in none of the four stages.
    """

    topic: str
    title: str
    mastered: int
    total: int
    new: int = 0
    learning: int = 0
    young: int = 0
    suspended: int = 0

    @property
    def share(self) -> float:
        """mastered / total, 0..1 (0 for an empty topic)."""
        return self.mastered / self.total if self.total else 0.0

    def bar(self, width: int = 20) -> str:
        """A text bar that reads without colour: `BAR_MARKS` per stage, `width` characters.

        Each stage gets its share of the width by largest remainder, so the marks always add up
        to `width` (an empty topic gives an empty bar).
        """
        if not self.total:
            return ""
        counts = [
            self.mastered,
            self.young,
            self.learning,
            self.new,
            self.suspended,
        ]
        exact = [n * width / self.total for n in counts]
        sizes = [int(x) for x in exact]
        by_remainder = sorted(range(len(exact)), key=lambda i: (sizes[i] - exact[i], i))
        for i in by_remainder[: width - sum(sizes)]:
            sizes[i] += 1
        return "".join(mark * n for mark, n in zip(BAR_MARKS, sizes, strict=True))


def card_stage(state: CardState, calibration: Calibration = IDENTITY, topic: str = "") -> Stage:
    """The card's stage: its queue (new, learning), or young / mastered (recall lasting 21
    days on FSRS's stability, the student's curve and the ``topic``'s curve alike:
    ``Calibration.lasting_days``)."""
    if state.kind is not CardKind.REVIEW:
        return Stage(state.kind.value)
    days = calibration.lasting_days(state.stability or 0.0, topic)
    return Stage.MASTERED if days >= MASTERED_STABILITY_DAYS else Stage.YOUNG


def is_mastered(state: CardState, calibration: Calibration = IDENTITY, topic: str = "") -> bool:
    """True for a card in review whose recall lasts at least 21 days (``card_stage``):
    mastery is evidence over time, not a recall probability just after a rating."""
    return card_stage(state, calibration, topic) is Stage.MASTERED


def topic_mastery(
    topics: Iterable[tuple[str, str, int]],
    cards: Iterable[tuple[str, CardState]],
    *,
    suspended: Iterable[str] = (),
    calibration: Calibration = IDENTITY,
) -> list[TopicMastery]:
    """Questions per stage per topic, in the order `topics` gives.

    `topics` are `(key, title, question count)` of the served questions; `cards` are
    `(topic key, state)` of the student's cards that count (not suspended, question served);
    `suspended` the topic key of each suspended card on a served question. Questions without
    a card are new. ``calibration``: the student's, each topic's own (``card_stage``).
    """
    counts: dict[str, dict[Stage, int]] = defaultdict(lambda: defaultdict(int))
    for topic, state in cards:
        counts[topic][card_stage(state, calibration, topic)] += 1
    held: dict[str, int] = defaultdict(int)
    for topic in suspended:
        held[topic] += 1
    result = []
    for key, title, total in topics:
        c = counts[key]
        mastered = min(c[Stage.MASTERED], total)
        young = min(c[Stage.YOUNG], total - mastered)
        learning = min(c[Stage.LEARNING], total - mastered - young)
        off = min(held[key], total - mastered - young - learning)
        new = total - mastered - young - learning - off
        result.append(TopicMastery(key, title, mastered, total, new, learning, young, off))
    return result


class Retention(NamedTuple):
    """Mean predicted recall now (None without cards) and how many cards it is over."""

    value: float | None
    cards: int


def predicted_retention(
    cards: Iterable[tuple[str, CardState]],
    now: datetime,
    settings: SchedulerSettings = DEFAULT_SETTINGS,
    *,
    before: datetime | None = None,
    calibration: Calibration = IDENTITY,
) -> Retention:
    """Mean recall now, as the student's ``calibration`` of each card's topic reads FSRS's
    retrievability, of the cards (``(topic, state)``) in review last rated before `before`.

    Pass the start of the student's local today as `before`: a card rated today has a
    retrievability of about 1.0 whatever the answer was. None means every card in review.
    """
    values = [
        calibration.for_topic(topic).recall(retrievability(s, now, settings))
        for topic, s in cards
        if not s.is_new
        and s.state == State.Review
        and (before is None or (s.last_review is not None and s.last_review < before))
    ]
    return Retention(sum(values) / len(values) if values else None, len(values))
