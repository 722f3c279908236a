"""bench/learning.py's machinery: a short simulation gives every figure, in range, repeatably.

The goals themselves are not asserted: they are the product's, judged on the full run.
"""

from __future__ import annotations

import math
import random

import pytest

from bench.learning import report
from bench.learningkit.memory import FsrsMemory, HlrMemory
from bench.learningkit.report import Figure, ece

STUDENTS, DAYS = 2, 5


@pytest.fixture(scope="module")
def figures() -> list[Figure]:
    """One short run of both memory models."""
    return report(STUDENTS, DAYS, seed=7)


def test_every_figure_for_both_models(figures: list[Figure]) -> None:
    names = {f.name.strip() for f in figures}
    for wanted in (
        "calibration error, predicted recall",
        "mastery error (0.90 - true recall +7 d)",
        f"day {DAYS} retention/min app ÷ random",
        f"day {DAYS} retention/min app ÷ random in the app's minutes",
        "the most it can be (the app at 100 % recall)",
        f"day {DAYS} retention/min app ÷ Leitner",
        "misses re-asked in a sitting ≥ 15 min",
        "misses re-asked within 24 h",
        "mastery after the first sitting",
    ):
        assert wanted in names
    assert {f.model for f in figures} == {FsrsMemory.name, HlrMemory.name}
    assert any(f.name.startswith("  topic ") for f in figures)


def test_figures_are_in_range(figures: list[Figure]) -> None:
    for figure in figures:
        if figure.value is None:
            continue
        assert math.isfinite(figure.value), figure
        if figure.percent or figure.name.strip().startswith(("calibration", "topic")):
            assert 0.0 <= figure.value <= 1.0, figure
        elif figure.name.startswith("mastery error"):
            assert -0.1 <= figure.value <= 0.9, figure
        elif figure.name.strip().startswith("over (cards shown mastered"):
            assert isinstance(figure.value, int) and figure.value >= 0, figure
        else:
            assert figure.value > 0.0, figure
        assert (figure.passed is None) == (figure.goal == ""), figure


def test_the_same_seed_gives_the_same_figures() -> None:
    first = report(1, 3, seed=11)
    assert report(1, 3, seed=11) == first
    assert report(1, 3, seed=12) != first


def test_expected_calibration_error() -> None:
    assert ece([(0.9, 0.9), (0.15, 0.15)]) == pytest.approx(0.0)
    assert ece([(0.9, 0.7), (0.9, 0.5)]) == pytest.approx(0.3)
    assert ece([]) is None


def test_memory_models_forget_and_learn() -> None:
    import random

    for model in (FsrsMemory(), HlrMemory()):
        params = model.student(random.Random(1))
        assert model.recall(params, None, 3.0, 0.0) == 0.0
        item = model.study(params, None, 0.0, False, 0.0)
        soon, later = (model.recall(params, item, day, 0.0) for day in (0.01, 5.0))
        assert 0.0 < later < soon <= 1.0
        again = model.study(params, item, 2.0, True, 0.0)
        assert model.recall(params, again, 7.0, 0.0) > model.recall(params, item, 7.0, 0.0)


def test_the_ratio_interval_holds_the_ratio_and_narrows_with_students() -> None:
    from bench.learningkit.log import StudyLog
    from bench.learningkit.report import per_minute, ratio_interval

    def logs(rates: list[float]) -> list[StudyLog]:
        return [StudyLog(retention={30: r}, minutes_at={30: 1.0}) for r in rates]

    rng = random.Random(3)
    for count in (5, 80):
        base = logs([rng.uniform(0.4, 0.6) for _ in range(count)])
        app = logs([b.retention[30] * rng.uniform(1.0, 1.6) for b in base])
        low, high = ratio_interval(app, base, 30)
        assert low <= per_minute(app, 30) / per_minute(base, 30) <= high
        if count == 5:
            wide = high - low
    assert high - low < wide


def test_the_matched_ratio_is_under_its_ceiling(figures: list[Figure]) -> None:
    for model in {f.model for f in figures}:
        rows = [f for f in figures if f.model == model]
        names = [f.name.strip() for f in rows]
        matched = rows[names.index(f"day {DAYS} retention/min app ÷ random in the app's minutes")]
        ceiling = rows[names.index("the most it can be (the app at 100 % recall)")]
        assert matched.value is not None and ceiling.value is not None
        assert 0.0 < matched.value <= ceiling.value
