"""Moodle's "coefficient of internal consistency" (Cronbach's alpha, KR-20 for right/wrong items).

Moodle computes, over students who all sat the same k questions::

    alpha = k / (k - 1) * (1 - sum(item variances) / variance of the test totals)

which equals ``k c / (v + (k - 1) c)``, where v is the mean item variance and c the mean
covariance between two different items. Here students answer different questions, so no
test total exists; the second form does not need one. v and c are *pooled* over what was
observed: v over every (student, item) score, c over every pair of items one student
answered, each score centred on its item's mean. The coefficient is then that of a test
of ``k`` = the median number of questions students answered — the same scores the rest
score of `items` averages, so it says how far that rest score can be trusted.

Error ratio ``sqrt(1 - alpha)`` and standard error ``error ratio * SD`` follow Moodle; SD is
that of students' mean scores (0..1).
"""

from __future__ import annotations

import math
import statistics
from array import array
from collections.abc import Mapping
from dataclasses import dataclass

from .items import MIN_STUDENTS

__all__ = ["Consistency", "ConsistencyAnalysis", "internal_consistency"]


@dataclass(frozen=True)
class Consistency:
    """Cronbach's alpha of a k-question test drawn from the items, and its error figures."""

    alpha: float | None
    k: int
    students: int
    sd: float | None
    error_ratio: float | None
    standard_error: float | None


class ConsistencyAnalysis:
    """`internal_consistency` fed one student at a time, keeping an item number and a score
    per (student, item) in ``array`` columns instead of each student's dict of item scores.

    The pooled covariance centres each score on its item's mean over every counted student,
    known only at the end, so the scores are kept (12 bytes each) until `result`.
    """

    def __init__(self) -> None:
        self._index: dict[object, int] = {}
        self._items = array("l")
        self._xs = array("d")
        self._sizes = array("l")
        """How many items each counted student answered (their scores follow in order)."""

    def add_student(self, scores: Mapping[object, float]) -> None:
        """Count one student's item scores (`items.item_scores` of one student); a student
        with fewer than two items tells nothing about consistency and is left out."""
        if len(scores) < 2:
            return
        for item, x in scores.items():
            self._items.append(self._index.setdefault(item, len(self._index)))
            self._xs.append(x)
        self._sizes.append(len(scores))

    def result(self, min_students: int = MIN_STUDENTS) -> Consistency:
        """Alpha, k, SD and the error figures; see the module docstring."""
        totals, counts = [0.0] * len(self._index), [0] * len(self._index)
        for item, x in zip(self._items, self._xs, strict=True):
            totals[item] += x
            counts[item] += 1
        centre = [t / n for t, n in zip(totals, counts, strict=True)]
        square_sum = cross_sum = 0.0
        observations = pairs = start = 0
        student_means = []
        for size in self._sizes:
            items, xs = self._items[start : start + size], self._xs[start : start + size]
            deviations = [x - centre[i] for i, x in zip(items, xs, strict=True)]
            start += size
            squares = sum(d * d for d in deviations)
            square_sum += squares
            cross_sum += sum(deviations) ** 2 - squares
            observations += size
            pairs += size * (size - 1)
            student_means.append(sum(xs) / size)
        students = len(self._sizes)
        k = round(statistics.median(self._sizes)) if students else 0
        sd = statistics.stdev(student_means) if students > 1 else None
        alpha = None
        if students >= max(2, min_students) and k >= 2:
            v, c = square_sum / observations, cross_sum / pairs
            denominator = v + (k - 1) * c
            alpha = k * c / denominator if denominator > 1e-12 else None
        error_ratio = math.sqrt(1 - alpha) if alpha is not None and 0 <= alpha <= 1 else None
        standard_error = error_ratio * sd if error_ratio is not None and sd is not None else None
        return Consistency(alpha, k, students, sd, error_ratio, standard_error)


def internal_consistency(
    scores: Mapping[int, Mapping[object, float]], min_students: int = MIN_STUDENTS
) -> Consistency:
    """Alpha from each student's item scores (`items.item_scores`); see the module docstring.

    None (not enough data) with fewer than `min_students` students who answered two or
    more items, or when the pooled variances leave alpha undefined.
    """
    analysis = ConsistencyAnalysis()
    for items in scores.values():
        analysis.add_student(items)
    return analysis.result(min_students)
