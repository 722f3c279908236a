"""Item analysis: how hard each question is and how well it separates strong from weak students.

Input rows are graded answers aggregated per student and question (`Response`): the sum of the
scores and the number of answers. Flashcard self-ratings are not graded answers and are left
out by the caller.

* **Facility index** of a question: the mean score (0..1) of all its answers. 1 means everyone
  gets it right, 0 that nobody does.
* **Overall score** of a student: the mean score of all their graded answers, every question.
* **Discrimination index** of a question (Kelley's upper-lower index, generalised to partial
  credit and repeated answers)::

      D = mean(s_u for u in U) - mean(s_l for l in L)

  where ``s_x`` is student x's mean score on this question, and U and L are the top and bottom
  ``k = round(27% * n)`` (at least 1) of the ``n`` students who answered the question, ranked by
  overall score (ties broken by user id, lower id ranked higher). D runs from -1 to 1: near 1,
  strong students get the question right and weak ones do not; near 0 it tells them apart no
  better than chance; negative, weak students do better than strong ones, which usually means a
  badly worded question or a wrong key. With fewer than `MIN_DISCRIMINATION_STUDENTS` students,
  D is not computed (None): two or three students say nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

__all__ = [
    "DISCRIMINATION_SHARE_PERCENT",
    "MIN_DISCRIMINATION_STUDENTS",
    "ORDERS",
    "SUSPICIOUS_BELOW",
    "ItemStats",
    "Response",
    "common_wrong_answers",
    "discrimination_index",
    "facility_index",
    "group_size",
    "item_statistics",
    "order_questions",
    "overall_scores",
]

DISCRIMINATION_SHARE_PERCENT = 27
"""The upper and lower groups are each this percentage of the students (Kelley, 1939)."""

MIN_DISCRIMINATION_STUDENTS = 4
"""Fewer students than this answered a question: its discrimination index is None."""

SUSPICIOUS_BELOW = 0.2
"""A discrimination index below this flags a question as suspicious (a common rule of thumb:
D < 0.2 separates students poorly; D < 0 means weaker students do better)."""

ORDERS = ("bank", "most-missed", "suspicious")
"""How the question statistics can be sorted."""


class Response(NamedTuple):
    """One student's graded answers to one question, summed: any such tuple does as well."""

    question_id: str
    user_id: int
    score_sum: float
    attempts: int


@dataclass(frozen=True)
class ItemStats:
    """The item analysis of one question."""

    question_id: str
    attempts: int
    students: int
    facility: float | None
    discrimination: float | None

    @property
    def missed(self) -> float | None:
        """The share of marks missed: 1 - facility."""
        return None if self.facility is None else 1.0 - self.facility

    @property
    def suspicious(self) -> bool:
        """True when the discrimination index is known and below `SUSPICIOUS_BELOW`."""
        return self.discrimination is not None and self.discrimination < SUSPICIOUS_BELOW


def facility_index(score_sum: float, attempts: int) -> float | None:
    """The mean score of a question's answers, 0..1; None when nobody answered it."""
    return score_sum / attempts if attempts else None


def group_size(students: int) -> int:
    """k: how many students each of the upper and lower groups holds (27 %, half up, >= 1)."""
    return max(1, (students * DISCRIMINATION_SHARE_PERCENT + 50) // 100)


def overall_scores(responses: Iterable[tuple[str, int, float, int]]) -> dict[int, float]:
    """Each student's overall score: the mean of all their graded answers."""
    sums: dict[int, float] = defaultdict(float)
    counts: dict[int, int] = defaultdict(int)
    for _, user_id, score_sum, attempts in responses:
        sums[user_id] += score_sum
        counts[user_id] += attempts
    return {user_id: sums[user_id] / counts[user_id] for user_id in sums if counts[user_id]}


def discrimination_index(
    item_scores: Mapping[int, float],
    overall: Mapping[int, float],
    min_students: int = MIN_DISCRIMINATION_STUDENTS,
) -> float | None:
    """D for one question (see the module docstring).

    `item_scores` maps each student who answered the question to their mean score on it;
    `overall` maps students to their overall score.
    """
    students = [user_id for user_id in item_scores if user_id in overall]
    if len(students) < max(2, min_students):
        return None
    ranked = sorted(students, key=lambda user_id: (-overall[user_id], user_id))
    k = group_size(len(ranked))
    upper, lower = ranked[:k], ranked[-k:]
    mean_upper = sum(item_scores[u] for u in upper) / k
    mean_lower = sum(item_scores[u] for u in lower) / k
    return mean_upper - mean_lower


def item_statistics(
    responses: Iterable[tuple[str, int, float, int]],
    min_students: int = MIN_DISCRIMINATION_STUDENTS,
) -> dict[str, ItemStats]:
    """Facility and discrimination of every question that has answers, by question id."""
    rows = [Response(*row) for row in responses]
    overall = overall_scores(rows)
    per_item: dict[str, dict[int, tuple[float, int]]] = defaultdict(dict)
    for question_id, user_id, score_sum, attempts in rows:
        old_sum, old_count = per_item[question_id].get(user_id, (0.0, 0))
        per_item[question_id][user_id] = (old_sum + score_sum, old_count + attempts)
    stats = {}
    for question_id, by_user in per_item.items():
        score_sum = sum(s for s, _ in by_user.values())
        attempts = sum(n for _, n in by_user.values())
        item_scores = {u: s / n for u, (s, n) in by_user.items() if n}
        stats[question_id] = ItemStats(
            question_id=question_id,
            attempts=attempts,
            students=len(by_user),
            facility=facility_index(score_sum, attempts),
            discrimination=discrimination_index(item_scores, overall, min_students),
        )
    return stats


def common_wrong_answers(
    rows: Iterable[tuple[str, str, int]], limit: int = 3
) -> dict[str, list[tuple[str, int]]]:
    """The `limit` most frequent wrong answers per question, most frequent first.

    `rows` are `(question_id, answer, count)` with one row per distinct wrong answer (as the
    grader normalised it). Ties go alphabetically so the list is stable.
    """
    grouped: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for question_id, answer, count in rows:
        grouped[question_id].append((answer, int(count)))
    return {
        question_id: sorted(answers, key=lambda item: (-item[1], item[0]))[:limit]
        for question_id, answers in grouped.items()
    }


def order_questions(
    question_ids: Sequence[str], stats: Mapping[str, ItemStats], order: str = "bank"
) -> list[str]:
    """`question_ids` sorted for the statistics page; unknown values sort last.

    * ``bank``: as given (file and line order).
    * ``most-missed``: lowest facility first; ties by more answers first.
    * ``suspicious``: lowest (most negative) discrimination first; ties by lower facility.

    Sorting is stable, so ties otherwise keep the bank order.
    """
    if order not in ORDERS:
        raise ValueError(f"unknown order {order!r}; use one of {', '.join(ORDERS)}")
    if order == "bank":
        return list(question_ids)
    inf = float("inf")

    def key(question_id: str) -> tuple[float, float]:
        item = stats.get(question_id)
        if item is None:
            return (inf, inf)
        facility = inf if item.facility is None else item.facility
        if order == "most-missed":
            return (facility, -item.attempts)
        d = inf if item.discrimination is None else item.discrimination
        return (d, facility)

    return sorted(question_ids, key=key)
