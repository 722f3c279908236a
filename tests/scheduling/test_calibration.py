"""A student's recall curve fitted on their reviews: FSRS as it is without evidence, the
student's own curve with plenty, guesses and slips not taken for recall."""

from __future__ import annotations

import random

import pytest

from quizapp.scheduling import IDENTITY, Calibration, Observation, fit_calibration
from quizapp.scheduling.calibration import SLIP


def reviews(count: int, recall, guess: float = 0.0, seed: int = 1) -> list[Observation]:
    """``count`` reviews at predictions 0.7..0.99 of a student whose recall is ``recall(p)``."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        predicted = rng.uniform(0.7, 0.99)
        passed = rng.random() < guess + (1 - guess - SLIP) * recall(predicted)
        out.append(Observation(predicted, passed, guess))
    return out


def test_no_reviews_is_fsrs_as_it_is() -> None:
    assert fit_calibration([]) == IDENTITY
    assert IDENTITY.recall(0.83) == 0.83 and IDENTITY.stability(21.0) == 21.0
    assert IDENTITY.recall(0.0) == 0.0  # a card never reviewed stays at 0


def test_a_few_reviews_move_it_little_and_many_a_lot() -> None:
    one = fit_calibration(reviews(1, lambda p: 0.0))
    few = fit_calibration(reviews(5, lambda p: 0.0))  # five misses in a row
    many = fit_calibration(reviews(100, lambda p: 0.0))
    assert 0.85 < one.recall(0.9) < 0.9
    assert 0.5 < few.recall(0.9) < one.recall(0.9)
    assert many.recall(0.9) < 0.2


@pytest.mark.parametrize("guess", [0.0, 0.25])
def test_a_student_who_recalls_as_fsrs_predicts_stays_close(guess: float) -> None:
    fitted = fit_calibration(reviews(1000, lambda p: p, guess))
    for predicted in (0.75, 0.9, 0.97):
        assert fitted.recall(predicted) == pytest.approx(predicted, abs=0.04)


@pytest.mark.parametrize("guess", [0.0, 0.25])
def test_a_student_who_forgets_faster_is_shown_less(guess: float) -> None:
    truth = Calibration(shift=-1.5, slope=0.9)
    fitted = fit_calibration(reviews(1000, truth.recall, guess))
    for predicted in (0.75, 0.9, 0.97):
        assert fitted.recall(predicted) == pytest.approx(truth.recall(predicted), abs=0.05)
    assert fitted.stability(30.0) < 30.0 / 4  # mastery needs far more FSRS stability


def test_the_inverse_and_the_stability() -> None:
    faster = Calibration(shift=-1.0, slope=1.0)
    assert faster.recall(faster.predicted_for(0.9)) == pytest.approx(0.9)
    slower = Calibration(shift=1.0, slope=1.0)
    assert faster.stability(10.0) < 10.0 < slower.stability(10.0)


def test_each_topic_gets_its_own_offset_and_a_topic_with_few_reviews_keeps_the_curve() -> None:
    # "people" recalled as FSRS predicts; "dates" forgotten faster; "deal" barely reviewed.
    faster = Calibration(shift=-1.5, slope=1.0)
    people = [o._replace(topic="people") for o in reviews(600, lambda p: p, 0.25, seed=2)]
    dates = [o._replace(topic="dates") for o in reviews(600, faster.recall, seed=3)]
    deal = [o._replace(topic="deal") for o in reviews(2, lambda p: 0.0, seed=4)]
    fitted = fit_calibration(people + dates + deal)
    assert [topic for topic, _ in fitted.topics] == ["dates", "deal", "people"]
    for predicted in (0.75, 0.9, 0.97):
        assert fitted.for_topic("people").recall(predicted) == pytest.approx(predicted, abs=0.05)
        assert fitted.for_topic("dates").recall(predicted) == pytest.approx(
            faster.recall(predicted), abs=0.06
        )
    pooled = fitted.for_topic("a topic never reviewed")
    assert (pooled.shift, pooled.slope) == (fitted.shift, fitted.slope)
    assert abs(fitted.for_topic("deal").shift - fitted.shift) < 0.3  # two misses move it little


def test_reviews_without_a_topic_fit_the_curve_only() -> None:
    fitted = fit_calibration(reviews(200, lambda p: p))
    assert fitted.topics == ()
    assert fitted.for_topic("dates") == Calibration(fitted.shift, fitted.slope, fitted.reviews)


def test_a_curve_shortens_what_fsrs_says_and_never_lengthens_it() -> None:
    # A flat curve fitted where passes do not follow FSRS's prediction; one topic passed often.
    reviews_ = [o._replace(topic="people") for o in reviews(500, lambda p: 0.97, seed=5)]
    reviews_ += [o._replace(topic="dates") for o in reviews(500, lambda p: 0.6, seed=6)]
    fitted = fit_calibration(reviews_)
    assert fitted.for_topic("people").recall(0.9) > 0.9  # shown as passed often...
    assert fitted.for_topic("people").stability(30.0) > 30.0  # ...its curve alone: for ever
    assert fitted.lasting_days(30.0, "people") <= 30.0  # but no longer than FSRS says
    assert fitted.lasting_days(30.0, "dates") < fitted.lasting_days(30.0, "people")
    slower = Calibration(shift=1.0, slope=1.0)
    assert slower.stability(10.0) > 10.0 and slower.lasting_days(10.0) == 10.0
    faster = Calibration(shift=-1.0, slope=1.0)
    assert faster.lasting_days(10.0) == faster.stability(10.0) < 10.0
