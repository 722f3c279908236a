"""Spaced repetition for quizapp: a pure wrapper around py-fsrs (no Flask, no database).

It takes card state values and an aware UTC `now` and returns new values: `review` rates a
card, `preview` gives each button's interval, `pick_next` and `queue_counts` apply the daily
queue policy, `day_bounds` gives the user's local day; `evidence_for_answer` turns a graded
quiz answer into its rating, `fit_calibration` fits a student's own recall curve on their
reviews (docs/learning.md); `exam` caps intervals before a class's exam.
"""

from .calibration import IDENTITY, Calibration, Observation, fit_calibration
from .days import day_bounds, is_valid_timezone, timezone_names
from .evidence import (
    CONFIDENCE_LEVELS,
    GUESS_LIMIT,
    Evidence,
    GradedAnswer,
    cap_due,
    evidence_for_answer,
    is_misconception,
)
from .exam import (
    DEFAULT_SECONDS_PER_ANSWER,
    FINAL_DAYS,
    Exam,
    Workload,
    cap_for_exams,
    catch_up,
    exam_new_limit,
    expected_recall,
    local_midnight,
    local_today,
    new_first,
    unseen_per_exam,
    workload,
)
from .queue import (
    DEFAULT_LIMITS,
    LEARN_AHEAD,
    DailyLimits,
    DueCard,
    next_due_at,
    pick_next,
    queue_counts,
)
from .rating import (
    DEFAULT_SETTINGS,
    LEECH_LAPSES,
    MAX_RETENTION,
    MIN_RETENTION,
    Rating,
    RatingOutcome,
    SchedulerSettings,
    format_interval,
    is_leech,
    preview,
    rate,
    retrievability,
)
from .state import CardKind, CardState, State, ensure_utc, new_card

__all__ = [
    "DEFAULT_SECONDS_PER_ANSWER",
    "FINAL_DAYS",
    "Exam",
    "Workload",
    "cap_for_exams",
    "catch_up",
    "exam_new_limit",
    "expected_recall",
    "local_midnight",
    "local_today",
    "new_first",
    "unseen_per_exam",
    "workload",
    "IDENTITY",
    "Calibration",
    "Observation",
    "fit_calibration",
    "CONFIDENCE_LEVELS",
    "GUESS_LIMIT",
    "Evidence",
    "GradedAnswer",
    "cap_due",
    "evidence_for_answer",
    "is_misconception",
    "DEFAULT_LIMITS",
    "LEARN_AHEAD",
    "DEFAULT_SETTINGS",
    "LEECH_LAPSES",
    "MAX_RETENTION",
    "MIN_RETENTION",
    "CardKind",
    "CardState",
    "DailyLimits",
    "DueCard",
    "Rating",
    "RatingOutcome",
    "SchedulerSettings",
    "State",
    "day_bounds",
    "ensure_utc",
    "format_interval",
    "is_leech",
    "is_valid_timezone",
    "new_card",
    "next_due_at",
    "pick_next",
    "preview",
    "queue_counts",
    "retrievability",
    "rate",
    "timezone_names",
]
