"""Item analysis as Moodle's quiz statistics report computes it, per question version.

Input rows are students' graded answers aggregated per (question, version, student)
(`Response`): the sum of the scores and the number of answers. The caller decides which
answers count — by default each student's *first* graded answer to a question, as Moodle
does ("the data for subsequent attempts probably does not satisfy the assumptions that
underlie item analysis"); or all of them. Flashcard self-ratings are never graded answers.

An *item* is one version of a question, ``(question_id, version)``: an edited question
starts afresh, and its old answers stay with the old version.

A student's *item score* ``x`` is their score on the item (the mean, when all answers
count: each student is one observation). Over the ``n`` students who answered the item:

* **Facility index** ``F = mean(x)``, 0..1 (Moodle: average mark / maximum mark).
* **Standard deviation** ``SD = sqrt(sum((x - F)^2) / (n - 1))`` (None below 2 students).
* **Discrimination index** ``DI = cov(x, y) / sqrt(var(x) var(y))``: the Pearson correlation
  between the item score and the *rest of the test* ``y`` (Moodle's "othermark": the test
  score without this item, so the item does not correlate with itself).
* **Discriminative efficiency** ``DE = cov(x, y) / cov_max``, where ``cov_max`` pairs the
  sorted deviations of x with the sorted deviations of y: the largest covariance these two
  score distributions allow (Moodle's ``covariancemax``). An item with few possible
  scores cannot correlate perfectly with a many-valued rest score; DE says how close to
  its own ceiling it gets.

**The rest of the test.** Moodle's students all sit the same quiz, so the rest is the sum
of their other marks. Here students answer different subsets of the bank, so sums are not
comparable (a student who answered 40 questions would "outscore" one who answered 10).
``y`` is therefore the student's *mean* item score over every other question they
answered (all other questions, any version; other versions of this same question are left
out too, being nearly the same item). Students with no other question answered have no
rest score: they count for F and SD but not for DI and DE. The limitation: students'
rest sets differ in difficulty, which adds noise (never bias towards a positive DI).

**Not enough data.** A correlation from ``n`` students has a standard error of about
``1/sqrt(n)``: 0.32 at 10 students, 0.22 at 20. Below `MIN_STUDENTS` students with a rest
score, DI and DE are None (shown as "not enough data (n = 7)") and no flag that depends
on the answers is raised: at 10 students a useless item (DI 0) cannot be told from a
good one (DI 0.3), and r must exceed 0.44 to differ from 0 at 20 students (p < .05).
Facility is shown from one student, since a teacher reading "2 of 3 right" sees the n.
"""

from __future__ import annotations

import math
from array import array
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

__all__ = [
    "ATTEMPTS",
    "MIN_STUDENTS",
    "ORDERS",
    "ItemAnalysis",
    "ItemStats",
    "Response",
    "by_student",
    "common_wrong_answers",
    "correlation",
    "item_scores",
    "item_statistics",
    "order_questions",
]

MIN_STUDENTS = 20
"""Fewer students with a rest score than this: DI and DE are "not enough data"."""

ATTEMPTS = ("first", "all")
"""Which answers count: each student's first graded answer to a question, or all of them."""

ORDERS = ("bank", "most-missed", "suspicious")
"""How the question statistics can be sorted."""

Item = tuple[str, str]
"""A question version: ``(question_id, version)``."""


class Response(NamedTuple):
    """One student's graded answers to one question version, summed."""

    question_id: str
    version: str
    user_id: int
    score_sum: float
    answers: int


@dataclass(frozen=True)
class ItemStats:
    """The item analysis of one question version; see the module docstring."""

    question_id: str
    version: str
    answers: int
    students: int
    facility: float | None
    sd: float | None
    discrimination: float | None
    efficiency: float | None
    rest_students: int
    """n of DI and DE: the students who also answered another question."""

    @property
    def enough_data(self) -> bool:
        """True when DI and DE rest on at least `MIN_STUDENTS` students."""
        return self.rest_students >= MIN_STUDENTS

    @property
    def missed(self) -> float | None:
        """The share of marks missed: 1 - facility."""
        return None if self.facility is None else 1.0 - self.facility


def item_scores(
    responses: Iterable[tuple[str, str, int, float, int]],
) -> dict[int, dict[Item, float]]:
    """Each student's score on each item they answered: the mean of their counted answers."""
    scores: dict[int, dict[Item, float]] = defaultdict(dict)
    for question_id, version, user_id, score_sum, answers in responses:
        if answers:
            scores[user_id][(question_id, version)] = score_sum / answers
    return dict(scores)


def correlation(xs: Sequence[float], ys: Sequence[float]) -> tuple[float | None, float | None]:
    """``(DI, DE)`` of paired scores: Pearson's r, and cov / cov_max (Moodle's calculator).

    None where undefined: fewer than 2 pairs, or x or y constant (everyone right, say).
    """
    n = len(xs)
    if n < 2:
        return None, None
    mx, my = sum(xs) / n, sum(ys) / n
    dx = [x - mx for x in xs]
    dy = [y - my for y in ys]
    cov = sum(a * b for a, b in zip(dx, dy, strict=True))
    var_x, var_y = sum(a * a for a in dx), sum(b * b for b in dy)
    if var_x <= 1e-12 or var_y <= 1e-12:
        return None, None
    cov_max = sum(a * b for a, b in zip(sorted(dx), sorted(dy), strict=True))
    # the (n - 1) divisors of cov, var and cov_max cancel out
    return cov / math.sqrt(var_x * var_y), (cov / cov_max if cov_max > 1e-12 else None)


class ItemAnalysis:
    """`item_statistics` fed one student at a time, keeping two floats per (student, item).

    A student's rest score needs all their items, so `add_student` takes all of one student's
    rows at once; the rows themselves are not kept: only each item's scores ``x`` and, for
    students with a rest score, the pairs ``(x, y)``, in ``array('d')`` columns. The database
    layer streams a school's rows ordered by student through it (a school of 3,000 students
    answering 79 questions keeps about 4 MB instead of 150 MB of row tuples and dicts).
    """

    def __init__(self) -> None:
        self._answers: dict[Item, int] = defaultdict(int)
        self._xs: dict[Item, array[float]] = {}
        self._pairs: dict[Item, tuple[array[float], array[float]]] = {}

    def add_student(self, rows: Iterable[tuple[str, str, float, int]]) -> dict[Item, float]:
        """Count one student's rows ``(question_id, version, score_sum, answers)``; their item
        scores (`item_scores` of one student)."""
        scores: dict[Item, float] = {}
        for question_id, version, score_sum, answers in rows:
            self._answers[(question_id, version)] += answers
            if answers:
                scores[(question_id, version)] = score_sum / answers
        # the rest of the test leaves out every version of the item's own question
        total, count = sum(scores.values()), len(scores)
        per_question: dict[str, tuple[float, int]] = {}
        for (question_id, _), x in scores.items():
            s, k = per_question.get(question_id, (0.0, 0))
            per_question[question_id] = (s + x, k + 1)
        for item, x in scores.items():
            self._xs.setdefault(item, array("d")).append(x)
            own, own_count = per_question[item[0]]
            if count > own_count:
                xs, ys = self._pairs.setdefault(item, (array("d"), array("d")))
                xs.append(x)
                ys.append((total - own) / (count - own_count))
        return scores

    def result(self, min_students: int = MIN_STUDENTS) -> dict[Item, ItemStats]:
        """Facility, SD, DI and DE of every item that has answers, by ``(question_id, version)``."""
        stats = {}
        for item, xs in self._xs.items():
            n = len(xs)
            facility = sum(xs) / n
            sd = math.sqrt(sum((x - facility) ** 2 for x in xs) / (n - 1)) if n > 1 else None
            with_x, with_y = self._pairs.get(item, ((), ()))
            di = de = None
            if len(with_x) >= max(2, min_students):
                di, de = correlation(with_x, with_y)
            stats[item] = ItemStats(
                question_id=item[0],
                version=item[1],
                answers=self._answers[item],
                students=n,
                facility=facility,
                sd=sd,
                discrimination=di,
                efficiency=de,
                rest_students=len(with_x),
            )
        return stats


def by_student(
    responses: Iterable[tuple[str, str, int, float, int]],
) -> dict[int, list[tuple[str, str, float, int]]]:
    """Each student's rows ``(question_id, version, score_sum, answers)``, students in order of
    first appearance (for `ItemAnalysis` when the rows come in any order)."""
    students: dict[int, list[tuple[str, str, float, int]]] = defaultdict(list)
    for question_id, version, user_id, score_sum, answers in responses:
        students[user_id].append((question_id, version, score_sum, answers))
    return dict(students)


def item_statistics(
    responses: Iterable[tuple[str, str, int, float, int]],
    min_students: int = MIN_STUDENTS,
) -> dict[Item, ItemStats]:
    """Facility, SD, DI and DE of every item that has answers, by ``(question_id, version)``;
    `responses` in any order (held in memory: `ItemAnalysis` streams a school)."""
    analysis = ItemAnalysis()
    for rows in by_student(responses).values():
        analysis.add_student(rows)
    return analysis.result(min_students)


def common_wrong_answers(
    rows: Iterable[tuple[str, str, int]], limit: int = 3
) -> dict[str, list[tuple[str, int]]]:
    """The `limit` most frequent wrong answers per question, most frequent first.

    `rows` are `(question_id, answer, count)`; one question's rows may repeat an answer
    (from several versions), and are added up. Ties go alphabetically so the list is stable.
    """
    grouped: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for question_id, answer, count in rows:
        grouped[question_id][answer] += int(count)
    return {
        question_id: sorted(answers.items(), key=lambda item: (-item[1], item[0]))[:limit]
        for question_id, answers in grouped.items()
    }


def order_questions(
    question_ids: Sequence[str], stats: Mapping[str, ItemStats], order: str = "bank"
) -> list[str]:
    """`question_ids` sorted for the statistics page; unknown values sort last.

    `stats` holds each question's current version. ``bank``: as given (file and line
    order); ``most-missed``: lowest facility first, ties by more students first;
    ``suspicious``: lowest (most negative) discrimination first, ties by lower facility.
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
            return (facility, -item.students)
        d = inf if item.discrimination is None else item.discrimination
        return (d, facility)

    return sorted(question_ids, key=key)
