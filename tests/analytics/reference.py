"""The item analysis as first written, with every row in memory: the oracle the streaming
`ItemAnalysis` and `ConsistencyAnalysis` are checked against on random data."""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import fields
from typing import Any

from quizapp.analytics import Consistency, ItemStats, correlation, item_scores


def item_statistics(responses: list[tuple], min_students: int) -> dict[tuple, ItemStats]:
    """Every student's item scores, totals and rest scores held at once, then each item."""
    scores = item_scores(responses)
    answers: dict[tuple, int] = defaultdict(int)
    for question_id, version, _, _, n in responses:
        answers[(question_id, version)] += n
    by_item: dict[tuple, list[tuple[float, float | None]]] = defaultdict(list)
    for items in scores.values():
        total, count = sum(items.values()), len(items)
        for item, x in items.items():
            own = [y for (q, _), y in items.items() if q == item[0]]
            rest = (total - sum(own)) / (count - len(own)) if count > len(own) else None
            by_item[item].append((x, rest))
    stats = {}
    for item, pairs in by_item.items():
        xs = [x for x, _ in pairs]
        n, facility = len(xs), sum(xs) / len(xs)
        sd = math.sqrt(sum((x - facility) ** 2 for x in xs) / (n - 1)) if n > 1 else None
        with_rest = [(x, y) for x, y in pairs if y is not None]
        di = de = None
        if len(with_rest) >= max(2, min_students):
            di, de = correlation([x for x, _ in with_rest], [y for _, y in with_rest])
        stats[item] = ItemStats(
            item[0], item[1], answers[item], n, facility, sd, di, de, len(with_rest)
        )
    return stats


def internal_consistency(scores: dict[int, dict], min_students: int) -> Consistency:
    """Alpha with each counted student's dict of item scores held at once."""
    counted = {u: items for u, items in scores.items() if len(items) >= 2}
    means: dict[object, list[float]] = defaultdict(list)
    for items in counted.values():
        for item, x in items.items():
            means[item].append(x)
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


def same(a: Any, b: Any) -> bool:
    """Equal dataclasses (ItemStats, Consistency), floats within rounding (sums in another
    order)."""
    for field in fields(a):
        x, y = getattr(a, field.name), getattr(b, field.name)
        if isinstance(x, float) and isinstance(y, float):
            if not math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-12):
                return False
        elif x != y:
            return False
    return True
