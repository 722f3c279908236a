"""Confidence-based marks, as Moodle's question_cbm gives them."""

import pytest

from quizapp.grading import CbmSummary, cbm_mark, cbm_summary


@pytest.mark.parametrize(
    ("score", "confidence", "mark"),
    [
        (1.0, 1, 1.0),
        (1.0, 2, 2.0),
        (1.0, 3, 3.0),
        (0.0, 1, 0.0),
        (0.0, 2, -2.0),
        (0.0, 3, -6.0),
        (0.5, 3, 1.5),  # partly right: the score times the right mark
        (0.25, 2, 0.5),
    ],
)
def test_cbm_mark(score: float, confidence: int, mark: float) -> None:
    assert cbm_mark(score, confidence) == mark


@pytest.mark.parametrize(("score", "confidence"), [(1.0, 0), (1.0, 4), (1.5, 2), (-0.1, 2)])
def test_cbm_mark_refuses_values_out_of_range(score: float, confidence: int) -> None:
    with pytest.raises(ValueError):
        cbm_mark(score, confidence)


def test_honesty_pays() -> None:
    """Very sure pays above 80% chance of being right; not sure is best below 2/3."""

    def expected(p: float, confidence: int) -> float:
        return p * cbm_mark(1.0, confidence) + (1 - p) * cbm_mark(0.0, confidence)

    assert max((1, 2, 3), key=lambda c: expected(0.9, c)) == 3
    assert max((1, 2, 3), key=lambda c: expected(0.75, c)) == 2
    assert max((1, 2, 3), key=lambda c: expected(0.5, c)) == 1


def test_cbm_summary_leaves_unmarked_answers_out() -> None:
    assert cbm_summary([]) is None
    assert cbm_summary([(1.0, None)]) is None
    assert cbm_summary([(1.0, 3), (0.0, 2), (1.0, None)]) == CbmSummary(1.0, 0.5, 2)
