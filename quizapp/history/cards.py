"""The spaced-repetition side of the dashboards: card states, due counts, leeches, settings.

Everything card-related is read here and nowhere else in history/teacher, so the pages show
"n/a" (a None from these functions) until the card model exists.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from ..scheduling import DEFAULT_SETTINGS, CardState, SchedulerSettings

__all__ = [
    "CardCounts",
    "StudySettings",
    "class_card_counts",
    "question_leeches",
    "study_settings",
    "user_cards",
]

DEFAULT_TIMEZONE = "UTC"


class StudySettings(NamedTuple):
    """What the history page needs from a user's settings."""

    timezone: str
    scheduler: SchedulerSettings


class CardCounts(NamedTuple):
    """One student's cards due now (not suspended) and leeches."""

    due: int
    leeches: int


def study_settings(user_id: int) -> StudySettings:
    """The user's time zone and FSRS settings (defaults until settings exist)."""
    return StudySettings(DEFAULT_TIMEZONE, DEFAULT_SETTINGS)


def user_cards(user_id: int) -> list[tuple[str, CardState]] | None:
    """`(topic, state)` of the user's cards on served questions, suspended ones left out."""
    return None


def class_card_counts(user_ids: Sequence[int], now: datetime) -> dict[int, CardCounts] | None:
    """Cards due now and leeches per student."""
    return None


def question_leeches() -> dict[str, int] | None:
    """How many students' cards are leeches, per question id."""
    return None
