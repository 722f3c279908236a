"""The figures and words of the feedback and end pages."""

from __future__ import annotations

import pytest

from quizapp.study.results import format_duration, percent, verdict


@pytest.mark.parametrize(
    ("ms", "text"),
    [
        (None, "—"),
        (0, "0 s"),
        (1_499, "1 s"),
        (59_000, "59 s"),
        (65_000, "1 min 05 s"),
        (3_600_000, "1 h 00 min"),
        (3_725_000, "1 h 02 min"),
    ],
)
def test_format_duration(ms: int | None, text: str) -> None:
    assert format_duration(ms) == text


@pytest.mark.parametrize(
    ("score", "correct", "word"),
    [(1.0, True, "right"), (0.5, False, "partly right"), (0.0, False, "wrong")],
)
def test_verdict(score: float, correct: bool, word: str) -> None:
    assert verdict(score, correct) == word


def test_percent_rounds() -> None:
    assert [percent(s) for s in (0, 1 / 3, 2 / 3, 1)] == [0, 33, 67, 100]
