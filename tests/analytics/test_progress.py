"""Mastery per topic and average predicted retention from FSRS card states."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quizapp.analytics import average_retention, is_mastered, topic_mastery
from quizapp.scheduling import (
    CardState,
    Rating,
    SchedulerSettings,
    State,
    new_card,
    rate,
    retrievability,
)

T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def learned(days_ago: float = 0.0) -> CardState:
    """A card answered Good once, `days_ago` before T0: in review, stability a few days."""
    return rate(new_card(T0), Rating.Good, T0 - timedelta(days=days_ago)).new_state


def test_fresh_review_card_is_mastered_and_fades() -> None:
    card = learned()
    assert is_mastered(card, T0)
    # Long after, recall probability drops below the 90 % target.
    later = T0 + timedelta(days=60)
    assert retrievability(card, later) < 0.9
    assert not is_mastered(card, later)


def test_new_and_relearning_cards_are_not_mastered() -> None:
    assert not is_mastered(new_card(T0), T0)
    missed = rate(learned(10), Rating.Again, T0).new_state  # relearning, just answered
    assert not is_mastered(missed, T0 + timedelta(minutes=1))


def test_desired_retention_raises_the_bar() -> None:
    card = learned()
    when = T0 + timedelta(days=1)
    r = retrievability(card, when)
    assert 0.9 < r < 0.97
    assert is_mastered(card, when, SchedulerSettings(desired_retention=0.9))
    assert not is_mastered(card, when, SchedulerSettings(desired_retention=0.97))


def test_topic_mastery_counts_unstudied_questions_as_not_mastered() -> None:
    topics = [("people", "Founders and people", 4), ("timeline", "Timeline", 2)]
    cards = [("people", learned()), ("people", learned()), ("people", new_card(T0))]
    result = topic_mastery(topics, cards, T0)
    assert [(t.topic, t.mastered, t.total) for t in result] == [
        ("people", 2, 4),
        ("timeline", 0, 2),
    ]
    assert result[0].share == 0.5 and result[1].share == 0.0


def test_average_retention_ignores_new_cards() -> None:
    a, b = learned(), learned(3)
    expected = (retrievability(a, T0) + retrievability(b, T0)) / 2
    assert average_retention([a, b, new_card(T0)], T0) == pytest.approx(expected)
    assert average_retention([new_card(T0)], T0) is None


def test_average_retention_ignores_cards_still_in_learning() -> None:
    missed = rate(new_card(T0), Rating.Again, T0).new_state
    assert missed.state != State.Review
    assert average_retention([missed], T0 + timedelta(minutes=1)) is None
    a = learned()
    assert average_retention([a, missed], T0) == pytest.approx(retrievability(a, T0))
