"""The rating a graded quiz answer gives its card (docs/learning.md), and the same-day cap."""

from datetime import UTC, datetime, timedelta
from itertools import product

import pytest

from quizapp.scheduling import (
    GUESS_LIMIT,
    GradedAnswer,
    Rating,
    State,
    cap_due,
    day_bounds,
    evidence_for_answer,
    is_misconception,
    new_card,
    rate,
)

T0 = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)
SCORES = (0.0, 0.1, 0.5, 0.99, 1.0)
GUESS = (0.0, 1 / 24, 0.05, GUESS_LIMIT, 0.25, 0.5)
CONFIDENCE = (None, 1, 2, 3)


def expected(score, correct, guess, first, today, confidence) -> Rating:
    """The documented table, row by row, written out independently of the code."""
    if not correct:
        return Rating.Again
    if today:
        return Rating.Good
    if confidence == 1:
        return Rating.Hard
    if first and guess >= GUESS_LIMIT and confidence != 3:
        return Rating.Hard
    return Rating.Good


@pytest.mark.parametrize(
    ("score", "correct", "guess", "first", "today", "confidence"),
    [
        (score, score == 1.0, guess, first, today, confidence)
        for score, guess, first, today, confidence in product(
            SCORES, GUESS, (False, True), (False, True), CONFIDENCE
        )
        if not (first and today)  # a card never rated was not rated today
    ],
)
def test_every_combination_follows_the_table(score, correct, guess, first, today, confidence):
    evidence = evidence_for_answer(
        score,
        correct,
        guess_chance=guess,
        first_answer=first,
        seen_today=today,
        confidence=confidence,
    )
    assert evidence.rating == expected(score, correct, guess, first, today, confidence)
    assert evidence.rating != Rating.Easy
    assert evidence.same_day == today
    assert evidence.misconception == (not correct and confidence == 3)


@pytest.mark.parametrize(
    ("kwargs", "rating", "reason"),
    [
        ({"score": 0.0, "correct": False}, Rating.Again, "not fully right"),
        ({"score": 0.9, "correct": False}, Rating.Again, "not fully right"),
        ({"score": 0.1, "correct": False, "confidence": 3}, Rating.Again, "very sure but wrong"),
        ({"score": 1.0, "correct": True}, Rating.Good, "recalled"),
        ({"score": 1.0, "correct": True, "confidence": 1}, Rating.Hard, "right but not sure"),
        (
            {"score": 1.0, "correct": True, "guess_chance": 0.25, "first_answer": True},
            Rating.Hard,
            "right first time, but could be a guess",
        ),
        (
            {
                "score": 1.0,
                "correct": True,
                "guess_chance": 0.25,
                "first_answer": True,
                "confidence": 3,
            },
            Rating.Good,
            "recalled",
        ),
        (
            {"score": 1.0, "correct": True, "guess_chance": 0.25},
            Rating.Good,
            "recalled",
        ),
        (
            {
                "score": 1.0,
                "correct": True,
                "guess_chance": 0.5,
                "seen_today": True,
                "confidence": 1,
            },
            Rating.Good,
            "right again the same day: a learning step",
        ),
    ],
)
def test_the_documented_rows(kwargs, rating, reason) -> None:
    score, correct = kwargs.pop("score"), kwargs.pop("correct")
    evidence = evidence_for_answer(score, correct, **kwargs)
    assert (evidence.rating, evidence.reason) == (rating, reason)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"score": -0.1},
        {"score": 1.1},
        {"guess_chance": 1.5},
        {"guess_chance": -0.1},
        {"confidence": 0},
        {"confidence": 4},
    ],
)
def test_values_out_of_range_are_refused(kwargs) -> None:
    args = {"score": 1.0, "correct": True} | kwargs
    with pytest.raises(ValueError):
        evidence_for_answer(args.pop("score"), args.pop("correct"), **args)


def test_a_graded_answer_adds_the_cards_history() -> None:
    answer = GradedAnswer(1.0, True, guess_chance=0.5, confidence=2)
    assert answer.evidence(first_answer=True, seen_today=False).rating == Rating.Hard
    assert answer.evidence(first_answer=False, seen_today=False).rating == Rating.Good
    assert answer.evidence(first_answer=False, seen_today=True).same_day


def test_misconception_is_wrong_and_very_sure() -> None:
    assert is_misconception(False, 3)
    assert not is_misconception(True, 3)
    assert not is_misconception(False, 2)
    assert not is_misconception(False, None)


# The same-day cap -------------------------------------------------------------------------


def review_card(days: int = 20):
    """A card in the Review state, due now, last reviewed ``days`` ago."""
    state = rate(new_card(T0 - timedelta(days=days)), Rating.Good, T0 - timedelta(days=days))
    return state.new_state


def test_a_lapse_then_a_right_answer_a_minute_later_is_due_tomorrow_at_the_latest() -> None:
    """Missed, shown the answer, then right in a retry quiz a minute later."""
    lapse = rate(review_card(), Rating.Again, T0)
    assert lapse.new_state.state == State.Relearning
    retry_at = T0 + timedelta(minutes=1)
    retry = rate(lapse.new_state, Rating.Good, retry_at)  # py-fsrs alone graduates it
    _, day_end = day_bounds(retry_at, "Europe/Paris")
    assert retry.new_state.state == State.Review and retry.new_state.due > day_end
    capped = cap_due(retry, day_end)
    assert capped.new_state.due == day_end
    assert capped.new_state.stability == retry.new_state.stability  # FSRS's memory model kept
    assert capped.interval < timedelta(days=1)


def test_the_cap_leaves_steps_and_short_intervals_alone() -> None:
    step = rate(review_card(), Rating.Again, T0)
    assert cap_due(step, T0 + timedelta(minutes=5)) == step  # (re)learning: its step's due
    good = rate(review_card(), Rating.Good, T0)
    assert cap_due(good, good.new_state.due + timedelta(days=1)) == good


def test_a_guessed_first_answer_does_not_graduate() -> None:
    rating = evidence_for_answer(1.0, True, guess_chance=0.25, first_answer=True).rating
    outcome = rate(new_card(T0), rating, T0)
    assert outcome.new_state.state == State.Learning
    assert outcome.interval <= timedelta(minutes=15)
    again = evidence_for_answer(1.0, True, guess_chance=0.25, seen_today=True).rating
    graduated = rate(outcome.new_state, again, T0 + timedelta(minutes=15))
    assert graduated.new_state.state == State.Review
