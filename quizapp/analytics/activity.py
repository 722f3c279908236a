"""Activity over time in the user's own days: answers per day, daily score, the current streak.

The database groups answers into UTC quarter-hour buckets (`BUCKET_SECONDS`); every time zone
in use today is offset from UTC by a whole number of quarter hours, so each bucket falls inside
exactly one local day and the day totals are exact for any zone, daylight saving included.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

__all__ = [
    "BUCKET_SECONDS",
    "ActivityBucket",
    "DailyScore",
    "bucket_start",
    "current_streak",
    "daily_activity",
    "daily_scores",
    "local_day",
]

BUCKET_SECONDS = 15 * 60
"""The width of the UTC buckets the database groups answers into."""


class ActivityBucket(NamedTuple):
    """Answers in one UTC quarter hour: all of them, and the graded ones with their score sum.

    `index` is the number of whole quarter hours since the Unix epoch (see `bucket_start`).
    Flashcard self-ratings count as activity but are not graded answers.
    """

    index: int
    answers: int
    graded: int
    score_sum: float


class DailyScore(NamedTuple):
    """One local day's graded answers and their mean score (0..1)."""

    day: date
    graded: int
    mean: float


def bucket_start(index: int) -> datetime:
    """The aware UTC start of bucket `index`."""
    return datetime.fromtimestamp(index * BUCKET_SECONDS, UTC)


def local_day(moment: datetime, tz_name: str) -> date:
    """The calendar date of `moment` (aware, or naive UTC) in the IANA zone `tz_name`."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(ZoneInfo(tz_name)).date()


def _by_day(
    buckets: Iterable[tuple[int, int, int, float]], tz_name: str
) -> Iterator[tuple[date, ActivityBucket]]:
    zone = ZoneInfo(tz_name)
    for row in buckets:
        bucket = ActivityBucket(*row)
        yield bucket_start(bucket.index).astimezone(zone).date(), bucket


def daily_activity(buckets: Iterable[tuple[int, int, int, float]], tz_name: str) -> dict[date, int]:
    """Answers (of every kind) per local day, for days with any."""
    days: dict[date, int] = defaultdict(int)
    for day, bucket in _by_day(buckets, tz_name):
        if bucket.answers:
            days[day] += bucket.answers
    return dict(sorted(days.items()))


def daily_scores(buckets: Iterable[tuple[int, int, int, float]], tz_name: str) -> list[DailyScore]:
    """The mean score of each local day that has graded answers, oldest first."""
    graded: dict[date, int] = defaultdict(int)
    sums: dict[date, float] = defaultdict(float)
    for day, bucket in _by_day(buckets, tz_name):
        if bucket.graded:
            graded[day] += bucket.graded
            sums[day] += bucket.score_sum
    return [DailyScore(day, graded[day], sums[day] / graded[day]) for day in sorted(graded)]


def current_streak(active_days: Iterable[date], today: date) -> int:
    """Consecutive days with at least one answer, ending today.

    A streak is not broken before today is over: with nothing yet today, it counts back from
    yesterday. No answer yesterday nor today means 0.
    """
    days = set(active_days)
    day = today if today in days else today - timedelta(days=1)
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak
