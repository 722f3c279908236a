"""Answers per local day and the streak, across a day boundary in different time zones."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from quizapp.analytics import (
    BUCKET_SECONDS,
    current_streak,
    daily_activity,
    daily_scores,
    local_day,
)


def bucket(moment: datetime, answers: int = 1, graded: int | None = None, score: float = 1.0):
    """The quarter-hour row the database would return for answers at `moment`."""
    graded = answers if graded is None else graded
    return (int(moment.timestamp()) // BUCKET_SECONDS, answers, graded, score * graded)


# Two answers an hour apart, either side of midnight UTC on 1/2 March 2026.
LATE = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
EARLY = datetime(2026, 3, 2, 0, 30, tzinfo=UTC)
BUCKETS = [bucket(LATE, 2, score=0.5), bucket(EARLY, 1, graded=0)]


@pytest.mark.parametrize(
    ("tz", "expected"),
    [
        ("UTC", {date(2026, 3, 1): 2, date(2026, 3, 2): 1}),
        ("America/New_York", {date(2026, 3, 1): 3}),  # 18:30 and 19:30 on the 1st
        ("Asia/Tokyo", {date(2026, 3, 2): 3}),  # 08:30 and 09:30 on the 2nd
    ],
)
def test_daily_activity_in_the_users_zone(tz: str, expected: dict[date, int]) -> None:
    assert daily_activity(BUCKETS, tz) == expected


def test_half_hour_zone_splits_at_its_own_midnight() -> None:
    # India is UTC+5:30: 18:29 UTC is 23:59 on the 1st, 18:30 UTC is midnight on the 2nd.
    rows = [
        bucket(datetime(2026, 3, 1, 18, 29, tzinfo=UTC)),
        bucket(datetime(2026, 3, 1, 18, 30, tzinfo=UTC)),
    ]
    assert daily_activity(rows, "Asia/Kolkata") == {date(2026, 3, 1): 1, date(2026, 3, 2): 1}


def test_daily_scores_leave_out_ungraded_answers() -> None:
    assert daily_scores(BUCKETS, "UTC") == [(date(2026, 3, 1), 2, 0.5)]
    assert daily_scores(BUCKETS, "Asia/Tokyo") == [(date(2026, 3, 2), 2, 0.5)]


def test_local_day_accepts_naive_utc() -> None:
    assert local_day(datetime(2026, 3, 1, 23, 30), "Asia/Tokyo") == date(2026, 3, 2)


@pytest.mark.parametrize(
    ("tz", "streak"),
    [
        # now is 01:00 UTC on the 2nd
        ("UTC", 2),  # answers on the 1st and the 2nd, today the 2nd
        ("America/New_York", 1),  # both answers on the 1st, which is still today (20:00)
        ("Asia/Tokyo", 1),  # both on the 2nd, today; nothing on the 1st
    ],
)
def test_streak_across_midnight_depends_on_the_zone(tz: str, streak: int) -> None:
    now = datetime(2026, 3, 2, 1, 0, tzinfo=UTC)
    assert current_streak(daily_activity(BUCKETS, tz), local_day(now, tz)) == streak


def test_streak_survives_until_today_is_over() -> None:
    days = [date(2026, 2, 27), date(2026, 2, 28), date(2026, 3, 1)]
    assert current_streak(days, date(2026, 3, 1)) == 3
    assert current_streak(days, date(2026, 3, 2)) == 3  # nothing yet today: still alive
    assert current_streak(days, date(2026, 3, 3)) == 0  # a whole day missed
    assert current_streak([], date(2026, 3, 3)) == 0


def test_streak_stops_at_a_gap() -> None:
    days = [date(2026, 2, 25), date(2026, 2, 27), date(2026, 2, 28)]
    assert current_streak(days, date(2026, 2, 28)) == 2
