"""Exam-date mode: every card of an exam's topics reviewed in the exam's final days (pure).

A class's exam (:class:`Exam`: its day in the class's time zone and its topics) changes three
things for each student of the class until the exam day starts (docs/learning.md, "Exam dates"):

* **Intervals are capped** (:func:`exam_due`): a card of the exam's topics rated *before* the
  exam's final days (the ``FINAL_DAYS`` days before the exam day) whose FSRS due would fall on
  or after the exam day is due instead on one of those final days, the one with the fewest
  cards due (ties: the latest), so the load is spread. FSRS's own stability is kept: like
  ``cap_due``, only the due date moves, and FSRS sees the next answer as an early review.
* **Unseen cards come first and sooner** (:func:`new_first`, :func:`exam_new_limit`): new
  questions of exam topics are introduced before any other new question, nearest exam first,
  and the day's new-card limit is raised so they are all introduced before the final days
  begin (before the exam day when those have begun), spread evenly over the days left.
* **Cards already scheduled past the exam are brought forward** (:func:`catch_up`) when the
  exam is set or the student joins the class: the cap applied to their current due dates.
* **The workload is estimated** (:func:`workload`): how many answers the plan asks before the
  exam, for the student's home page; :func:`expected_recall` is FSRS's recall on exam day.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from .rating import DEFAULT_SETTINGS, RatingOutcome, retrievability
from .state import CardState, ensure_utc

__all__ = [
    "DEFAULT_SECONDS_PER_ANSWER",
    "FINAL_DAYS",
    "Exam",
    "Workload",
    "cap_for_exams",
    "catch_up",
    "exam_due",
    "expected_recall",
    "exam_new_limit",
    "final_day_slot",
    "local_midnight",
    "local_today",
    "new_first",
    "unseen_per_exam",
    "workload",
]

FINAL_DAYS = 5
"""How many days before the exam day every card of its topics is reviewed at least once."""
DEFAULT_SECONDS_PER_ANSWER = 20.0
"""A student's time per answer before they have answered anything timed (the bench's range
of 8 to 30 seconds per answer, feedback included, rounded up)."""

Load = Mapping[date, int]
"""How many of the student's cards are due on each local day (days missing: none)."""


def local_midnight(day: date, zone: str) -> datetime:
    """The start of ``day`` in the IANA zone ``zone``, as an aware UTC datetime."""
    return datetime.combine(day, time(), tzinfo=ZoneInfo(zone)).astimezone(UTC)


def local_today(now: datetime, zone: str) -> date:
    """The date it is at ``now`` in ``zone``."""
    return ensure_utc(now).astimezone(ZoneInfo(zone)).date()


@dataclass(frozen=True)
class Exam:
    """One exam a student sits: its day in the class's ``zone`` and the topic keys it covers."""

    day: date
    zone: str
    topics: frozenset[str]
    name: str = "Exam"

    @property
    def starts(self) -> datetime:
        """The start of the exam day (UTC): no card may cross it unreviewed."""
        return local_midnight(self.day, self.zone)

    @property
    def final_starts(self) -> datetime:
        """The start of the first of the exam's final days (UTC)."""
        return local_midnight(self.first_final_day, self.zone)

    @property
    def first_final_day(self) -> date:
        """The first of the ``FINAL_DAYS`` days before the exam day."""
        return self.day - timedelta(days=FINAL_DAYS)

    def covers(self, topic: str | None) -> bool:
        """True when questions of ``topic`` are on the exam."""
        return topic in self.topics

    def is_ahead(self, now: datetime) -> bool:
        """True until the exam day starts."""
        return ensure_utc(now) < self.starts

    def days_left(self, now: datetime) -> int:
        """Whole local days from today until the exam day (0 on the day itself)."""
        return (self.day - local_today(now, self.zone)).days


def final_day_slot(exam: Exam, now: datetime, load: Load) -> datetime:
    """The start of the final day, from today on, with the fewest cards due (ties: the latest).

    The latest of equally loaded days, because a review closer to the exam leaves higher
    recall on the day; the least loaded first, so that capped cards spread over the days.
    Today's start (already past) is returned when today is the only final day left.
    """
    today = local_today(now, exam.zone)
    days = [exam.day - timedelta(days=k) for k in range(1, FINAL_DAYS + 1)]
    open_days = [day for day in days if day >= today] or [exam.day - timedelta(days=1)]
    best = min(open_days, key=lambda day: (load.get(day, 0), -day.toordinal()))
    return local_midnight(best, exam.zone)


def exam_due(due: datetime, reviewed_at: datetime, exam: Exam, load: Load) -> datetime:
    """The due of a card of ``exam``'s topics rated at ``reviewed_at``, FSRS having said ``due``.

    Unchanged unless the card was rated before the final days and ``due`` is on or after the
    exam day start: then the final day :func:`final_day_slot` picks. A card rated during the
    final days has had its review there and keeps FSRS's due.
    """
    due, reviewed_at = ensure_utc(due), ensure_utc(reviewed_at)
    if reviewed_at >= exam.final_starts or due < exam.starts:
        return due
    return final_day_slot(exam, reviewed_at, load)


def cap_for_exams(
    outcome: RatingOutcome,
    topic: str | None,
    exams: Iterable[Exam],
    load_for: Callable[[Exam], Load],
) -> RatingOutcome:
    """``outcome`` with its due capped for every exam ahead that covers ``topic``.

    Exams are applied nearest first; each cap only moves the due earlier, so the result is
    due before every such exam that the rating precedes the final days of. ``load_for(exam)``
    (the student's cards due per day in the exam's zone) is called only when a cap applies.
    """
    state = outcome.new_state
    due = state.due
    for exam in sorted(exams, key=lambda e: e.starts):
        if not exam.covers(topic) or not exam.is_ahead(outcome.reviewed_at):
            continue
        if outcome.reviewed_at < exam.final_starts and due >= exam.starts:
            due = exam_due(due, outcome.reviewed_at, exam, load_for(exam))
    if due == state.due:
        return outcome
    return replace(outcome, new_state=replace(state, due=due))


def catch_up(
    cards: Iterable[tuple[int, datetime, datetime | None]], exam: Exam, now: datetime, load: Load
) -> dict[int, datetime]:
    """New dues for the ``(id, due, last review)`` cards of an exam's topics that would cross it
    unreviewed: rated before its final days and due on or after the exam day.

    Each goes to the least loaded final day from today on (:func:`final_day_slot`), counting
    the ones placed before it; ``load`` is the student's cards due per final day before this.
    Nothing once the exam day has begun; cards never rated are left to the new-card queue.
    """
    if not exam.is_ahead(now):
        return {}
    load = dict(load)
    moved: dict[int, datetime] = {}
    for card_id, due, last_review in cards:
        if last_review is None or ensure_utc(last_review) >= exam.final_starts:
            continue
        if ensure_utc(due) < exam.starts:
            continue
        moved[card_id] = slot = final_day_slot(exam, now, load)
        day = local_today(slot, exam.zone)
        load[day] = load.get(day, 0) + 1
    return moved


def expected_recall(states: Iterable[CardState], questions: int, at: datetime) -> float | None:
    """Mean FSRS retrievability at ``at`` over ``questions`` question-student pairs, of which
    ``states`` are the studied cards: one never studied counts 0. None without questions."""
    if questions <= 0:
        return None
    total = sum(retrievability(s, at, DEFAULT_SETTINGS) for s in states if not s.is_new)
    return total / questions


def new_first(
    question_ids: Iterable[str], topic_of: Callable[[str], str | None], exams: Sequence[Exam]
) -> list[str]:
    """New questions with those of exam topics first (nearest exam first), else in order."""
    ordered = sorted(exams, key=lambda e: e.starts)

    def rank(question_id: str) -> int:
        topic = topic_of(question_id)
        return next((i for i, e in enumerate(ordered) if e.covers(topic)), len(ordered))

    return sorted(question_ids, key=rank)  # stable: bank order within each rank


def unseen_per_exam(
    unseen: Iterable[str], topic_of: Callable[[str], str | None], exams: Sequence[Exam]
) -> list[tuple[Exam, int]]:
    """Each exam with its unseen questions not already counted for a nearer exam."""
    ids = list(unseen)
    counted: set[str] = set()
    result = []
    for exam in sorted(exams, key=lambda e: e.starts):
        mine = {q for q in ids if exam.covers(topic_of(q))} - counted
        counted |= mine
        result.append((exam, len(mine)))
    return result


def _intro_days(exam: Exam, now: datetime) -> int:
    """Days (today included) left to introduce the exam's new cards: until its final days,
    or, once they have begun, until the exam day."""
    today = local_today(now, exam.zone)
    before_final = (exam.first_final_day - today).days
    return before_final if before_final >= 1 else max(1, (exam.day - today).days)


def exam_new_limit(
    base: int, unseen: Sequence[tuple[Exam, int]], new_done_today: int, now: datetime
) -> int:
    """Today's new-card limit: at least ``base``, raised so exam cards are introduced in time.

    ``unseen`` pairs each exam ahead with its unseen questions not counted for a nearer exam.
    For the k nearest exams together, today's share is their unseen questions (plus the new
    cards introduced today, which were unseen this morning) over the days left to introduce
    the k-th exam's cards; the limit is the largest share, so the introductions spread evenly.
    """
    limit, total = base, 0
    for exam, count in sorted(unseen, key=lambda pair: pair[0].starts):
        if not exam.is_ahead(now):
            continue
        total += count
        if total:
            limit = max(limit, math.ceil((total + new_done_today) / _intro_days(exam, now)))
    return limit


@dataclass(frozen=True)
class Workload:
    """What an exam asks of one student until its day: its cards, answers and study days."""

    cards: int
    answers: int
    days: int

    def minutes_per_day(self, seconds_per_answer: float) -> int:
        """About how many minutes a day the answers take (at least 1 while any are left)."""
        if not self.answers:
            return 0
        return max(1, round(self.answers * seconds_per_answer / 60 / max(1, self.days)))


def _answers(state: CardState | None, exam: Exam, in_final_days: bool) -> int:
    """Answers one card needs before the exam under the mode."""
    if state is None or state.is_new:
        return 1 if in_final_days else 2  # introduced, then reviewed in the final days
    assert state.last_review is not None
    if state.last_review >= exam.final_starts:  # its final review is done
        return int(state.due < exam.starts)
    return 1 + int(not in_final_days and state.due < exam.final_starts)


def workload(exam: Exam, states: Iterable[CardState | None], now: datetime) -> Workload:
    """The answers the mode asks before the exam of a student whose cards on its questions are
    ``states`` (None or a new card: never studied; suspended cards left out by the caller).

    Per card: a new one is introduced and then reviewed in the final days (one answer when
    the final days have begun); a studied one is reviewed in the final days, plus once before
    them when it falls due earlier; one already reviewed in the final days only if due again
    before the exam. Misses asked again are not counted: it is a floor, said "about".
    """
    in_final = ensure_utc(now) >= exam.final_starts
    states = list(states)
    answers = sum(_answers(state, exam, in_final) for state in states)
    return Workload(len(states), answers, max(1, exam.days_left(now)))
