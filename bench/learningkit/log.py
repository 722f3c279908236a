"""What one strategy did with one student, and the days they studied on.

Every strategy (the app, a random quiz, Leitner boxes) runs the same days for the same
student: a sitting a day at the student's usual hour (give or take half an hour) for about
their usual minutes. :func:`run_days` drives a strategy's ``sit`` over those days and keeps
its :class:`StudyLog`: minutes, sittings, misses and whether they came back, and retention.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from .students import Mind, Student

MINUTE = 1 / 1440  # of a day


@dataclass
class Miss:
    """A question answered not right at ``at`` (days), and when it was asked next."""

    question_id: str
    at: float
    sitting: int
    partial: bool  # partly right (score > 0): the app rates it Hard, not Again
    again: float | None = None
    again_sitting: int | None = None


@dataclass
class StudyLog:
    """One strategy's record for one student."""

    minutes: float = 0.0
    answers: int = 0
    sittings: list[float] = field(default_factory=list)  # minutes of each sitting
    sitting_ends: list[float] = field(default_factory=list)  # when each one ended (days)
    misses: list[Miss] = field(default_factory=list)
    open_misses: dict[str, Miss] = field(default_factory=dict)
    retention: dict[int, float] = field(default_factory=dict)  # day -> mean true recall
    minutes_at: dict[int, float] = field(default_factory=dict)  # day -> minutes so far

    def answered(
        self, question_id: str, at: float, seconds: float, correct: bool, score: float
    ) -> None:
        """Count one answer given at ``at`` after ``seconds`` of work."""
        sitting = len(self.sittings)
        self.minutes += seconds / 60
        self.answers += 1
        if (miss := self.open_misses.pop(question_id, None)) is not None:
            miss.again, miss.again_sitting = at, sitting
        if not correct:
            miss = Miss(question_id, at, sitting, score > 0)
            self.misses.append(miss)
            self.open_misses[question_id] = miss

    def end_sitting(self, start: float, end: float) -> None:
        """Close the sitting that ran from ``start`` to ``end`` (days)."""
        self.sittings.append((end - start) / MINUTE)
        self.sitting_ends.append(end)


Sit = Callable[[Mind, StudyLog, float, float], None]
"""A strategy's sitting: (mind, log, start in days, minutes allowed) -> answers given."""


def run_days(
    sit: Sit,
    mind: Mind,
    student: Student,
    question_ids: Sequence[str],
    days: int,
    checkpoints: Sequence[int],
    seed: int,
) -> StudyLog:
    """``days`` sittings of ``sit``; retention taken at the end of each checkpoint day."""
    log = StudyLog()
    for day in range(days):
        when = random.Random(f"{seed}:day:{student.index}:{day}")
        start = day + (student.hour + when.gauss(0.0, 0.5)) / 24
        sit(mind, log, start, student.minutes * when.uniform(0.8, 1.2))
        if day + 1 in checkpoints:
            log.retention[day + 1] = mind.retention(list(question_ids), day + 1.0)
            log.minutes_at[day + 1] = log.minutes
    return log
