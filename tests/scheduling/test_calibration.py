"""A student's recall curve fitted on their reviews: FSRS as it is without evidence, the
student's own curve with plenty, guesses and slips not taken for recall."""

from __future__ import annotations

import math
import random

import pytest

from quizapp.scheduling import IDENTITY, Calibration, Observation, fit_calibration
from quizapp.scheduling.calibration import REFERENCE_STABILITY, SLIP


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


def scaled_reviews(count: int, truth: Calibration, seed: int = 8) -> list[Observation]:
    """Reviews at predictions 0.85..0.97 of cards of FSRS stability 1..100 days (log-uniform:
    few cards have much) of a student whose recall is ``truth``'s long-term curve."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        predicted, stability = rng.uniform(0.85, 0.97), math.exp(rng.uniform(0.0, math.log(100)))
        shift, slope, span = truth.long_term
        z = shift + slope * math.log(predicted / (1 - predicted)) + span * math.log(stability / 10)
        passed = rng.random() < (1 - SLIP) / (1 + math.exp(-z))
        out.append(Observation(predicted, passed, stability=stability))
    return out


def test_a_student_whose_long_interval_cards_fail_is_not_shown_them_mastered() -> None:
    truth = Calibration(long_term=(1.0, 1.0, -1.2))
    observed = scaled_reviews(1500, truth)
    fitted = fit_calibration(observed)
    assert fitted.long_term[2] == pytest.approx(-1.2, abs=0.3)
    # The shown curve averages every card: it would call a card of 60 days mastered...
    assert min(60.0, fitted.stability(60.0)) >= 21
    # ...but the long-term curve, at 60 days of stability, does not hold 90 % for 21 days.
    assert truth.long_term_stability(60.0) < 21
    assert fitted.long_term_stability(60.0) < 21
    assert fitted.lasting_days(60.0) == fitted.long_term_stability(60.0)
    # At the reference stability it is the shown curve's business alone.
    assert fitted.long_term_stability(3.0) > fitted.long_term_stability(60.0) / 20


def test_the_long_term_curve_without_span_is_the_shown_curve() -> None:
    curve = Calibration(shift=-0.4, slope=0.8, long_term=(-0.4, 0.8, 0.0))
    for stability in (3.0, 10.0, 60.0):
        assert curve.long_term_stability(stability) == pytest.approx(curve.stability(stability))
    at_reference = Calibration(shift=-0.4, slope=0.8, long_term=(-0.4, 0.8, -1.0))
    assert at_reference.long_term_stability(REFERENCE_STABILITY) == pytest.approx(
        at_reference.stability(REFERENCE_STABILITY)
    )


def test_reviews_without_a_stability_fit_no_long_term_curve() -> None:
    fitted = fit_calibration(reviews(300, lambda p: p * 0.9))
    assert fitted.long_term == (0.0, 1.0, 0.0)
    assert fitted.lasting_days(30.0) == min(30.0, fitted.stability(30.0))


def test_the_long_term_curve_has_an_offset_per_topic() -> None:
    # "dates" cards given much stability fail; "people" cards hold at every stability.
    people = [o._replace(topic="people") for o in scaled_reviews(800, Calibration(), seed=9)]
    failing = Calibration(long_term=(0.6, 1.0, -1.5))
    dates = [o._replace(topic="dates") for o in scaled_reviews(800, failing, seed=10)]
    fitted = fit_calibration(people + dates)
    assert [topic for topic, _ in fitted.long_topics] == ["dates", "people"]
    assert fitted.long_term_stability(60.0, "dates") < fitted.long_term_stability(60.0, "people")
    assert (
        fitted.long_term_stability(60.0, "dates") < 21 <= fitted.long_term_stability(60.0, "people")
    )
    # Mastery takes the least of every curve: the student's pooled one as well as the topic's.
    assert fitted.lasting_days(60.0, "dates") <= fitted.long_term_stability(60.0, "dates")
    assert fitted.lasting_days(60.0, "people") <= fitted.long_term_stability(60.0)
