"""Pure analytics over plain rows: item analysis, progress and activity (no Flask, no database).

The database layer aggregates in SQL and passes the grouped rows in; everything here is
plain arithmetic on values, so it is tested without an app.
"""

from .activity import (
    BUCKET_SECONDS,
    ActivityBucket,
    DailyScore,
    bucket_start,
    current_streak,
    daily_activity,
    daily_scores,
    local_day,
)
from .items import (
    DISCRIMINATION_SHARE_PERCENT,
    MIN_DISCRIMINATION_STUDENTS,
    ORDERS,
    SUSPICIOUS_BELOW,
    ItemStats,
    Response,
    common_wrong_answers,
    discrimination_index,
    facility_index,
    group_size,
    item_statistics,
    order_questions,
    overall_scores,
)
from .progress import TopicMastery, average_retention, is_mastered, topic_mastery

__all__ = [
    "BUCKET_SECONDS",
    "DISCRIMINATION_SHARE_PERCENT",
    "MIN_DISCRIMINATION_STUDENTS",
    "ORDERS",
    "SUSPICIOUS_BELOW",
    "ActivityBucket",
    "DailyScore",
    "ItemStats",
    "Response",
    "TopicMastery",
    "average_retention",
    "bucket_start",
    "common_wrong_answers",
    "current_streak",
    "daily_activity",
    "daily_scores",
    "discrimination_index",
    "facility_index",
    "group_size",
    "is_mastered",
    "item_statistics",
    "local_day",
    "order_questions",
    "overall_scores",
    "topic_mastery",
]
