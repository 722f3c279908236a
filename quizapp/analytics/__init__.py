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
from .checks import (
    CHOICE_TYPES,
    ChoiceCount,
    choice_counts,
    needs_checking,
    random_guess_score,
)
from .consistency import Consistency, ConsistencyAnalysis, internal_consistency
from .items import (
    ATTEMPTS,
    MIN_STUDENTS,
    ORDERS,
    ItemAnalysis,
    ItemStats,
    Response,
    by_student,
    common_wrong_answers,
    correlation,
    item_scores,
    item_statistics,
    order_questions,
)
from .progress import (
    MASTERED_STABILITY_DAYS,
    Retention,
    Stage,
    TopicMastery,
    card_stage,
    is_mastered,
    predicted_retention,
    topic_mastery,
)

__all__ = [
    "ATTEMPTS",
    "BUCKET_SECONDS",
    "CHOICE_TYPES",
    "MASTERED_STABILITY_DAYS",
    "MIN_STUDENTS",
    "ORDERS",
    "ActivityBucket",
    "ChoiceCount",
    "Consistency",
    "ConsistencyAnalysis",
    "DailyScore",
    "ItemAnalysis",
    "ItemStats",
    "Response",
    "Retention",
    "Stage",
    "TopicMastery",
    "bucket_start",
    "by_student",
    "card_stage",
    "choice_counts",
    "common_wrong_answers",
    "correlation",
    "current_streak",
    "daily_activity",
    "daily_scores",
    "internal_consistency",
    "is_mastered",
    "item_scores",
    "item_statistics",
    "local_day",
    "needs_checking",
    "order_questions",
    "predicted_retention",
    "random_guess_score",
    "topic_mastery",
]
