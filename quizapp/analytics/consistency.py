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
from collections.abc import Mapping
from dataclasses import dataclass

from .items import MIN_STUDENTS

__all__ = ["Consistency", "internal_consistency"]


@dataclass(frozen=True)
class Consistency:
    """Cronbach's alpha of a k-question test drawn from the items, and its error figures."""

    alpha: float | None
    k: int
    students: int
    sd: float | None
    error_ratio: float | None
    standard_error: float | None


def internal_consistency(
    scores: Mapping[int, Mapping[object, float]], min_students: int = MIN_STUDENTS
) -> Consistency:
    """Alpha from each student's item scores (`items.item_scores`); see the module docstring.

    None (not enough data) with fewer than `min_students` students who answered two or
    more items, or when the pooled variances leave alpha undefined.
    """
    counted = {u: items for u, items in scores.items() if len(items) >= 2}
    means: dict[object, list[float]] = {}
    for items in counted.values():
        for item, x in items.items():
            means.setdefault(item, []).append(x)
    centre = {item: sum(xs) / len(xs) for item, xs in means.items()}
    square_sum = cross_sum = 0.0
    observations = pairs = 0
    for items in counted.values():
        deviations = [x - centre[item] for item, x in items.items()]
        squares = sum(d * d for d in deviations)
        square_sum += squares
        cross_sum += sum(deviations) ** 2 - squares
        observations += len(deviations)
        pairs += len(deviations) * (len(deviations) - 1)
    k = round(statistics.median(len(items) for items in counted.values())) if counted else 0
    student_means = [sum(items.values()) / len(items) for items in counted.values()]
    sd = statistics.stdev(student_means) if len(student_means) > 1 else None
    alpha = None
    if len(counted) >= max(2, min_students) and k >= 2:
        v, c = square_sum / observations, cross_sum / pairs
        denominator = v + (k - 1) * c
        alpha = k * c / denominator if denominator > 1e-12 else None
    error_ratio = math.sqrt(1 - alpha) if alpha is not None and 0 <= alpha <= 1 else None
    standard_error = error_ratio * sd if error_ratio is not None and sd is not None else None
    return Consistency(alpha, k, len(counted), sd, error_ratio, standard_error)
