"""Assemble a student's progress overview from the grouped queries and the pure analytics."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from ..analytics import (
    Retention,
    TopicMastery,
    current_streak,
    daily_activity,
    daily_scores,
    local_day,
    predicted_retention,
    topic_mastery,
)
from ..charts import Heatmap, LineChart, calendar_heatmap, heatmap_start, line_chart
from ..scheduling import day_bounds
from ..scheduling.calibration import Calibration
from ..srs.calibration import calibration_for
from ..srs.cards import settings_for
from . import cards, queries

__all__ = ["Overview", "build_overview"]


@dataclass(frozen=True)
class Overview:
    """Everything above the quiz list on a history page."""

    timezone: str
    today: date
    heatmap: Heatmap
    score_chart: LineChart
    streak: int
    mastery: list[TopicMastery]
    retention: float | None
    retention_cards: int = 0
    calibration: Calibration | None = None


def build_overview(user_id: int, now: datetime) -> Overview:
    """The last year's activity, daily scores, streak, mastery and retention of one user.

    Retention counts only cards last rated before the start of the user's local today (see
    `analytics.progress`); mastery and retention go through the student's calibration.
    Queries: settings, the activity buckets, the cards, the calibration's reviews, the
    suspended cards, the topics.
    """
    settings = settings_for(user_id)
    zone = settings.zone
    today = local_day(now, zone)
    start = heatmap_start(today)
    since = datetime.combine(start, time(), ZoneInfo(zone)).astimezone(UTC)
    buckets = queries.activity_buckets(user_id, since, now)
    days = daily_activity(buckets, zone)
    scores = daily_scores(buckets, zone)
    card_rows = cards.user_cards(user_id)
    calibration = calibration_for(user_id)
    mastery = topic_mastery(
        queries.served_topics(),
        card_rows,
        suspended=cards.suspended_topics(user_id),
        calibration=calibration,
    )
    day_start, _ = day_bounds(now, zone)
    retention: Retention = predicted_retention(
        card_rows,
        now,
        settings.scheduler,
        before=day_start,
        calibration=calibration,
    )
    return Overview(
        timezone=zone,
        today=today,
        heatmap=calendar_heatmap(days, today),
        score_chart=line_chart([(d.day, d.mean, d.graded) for d in scores], start, today),
        streak=current_streak(days, today),
        mastery=mastery,
        retention=retention.value,
        retention_cards=retention.cards,
        calibration=calibration,
    )
