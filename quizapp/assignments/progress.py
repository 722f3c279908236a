"""Where a student is with an assignment: not started, in progress, done, or done late.

A *try* is one quiz a student started for the assignment. Work is *handed in* when a try
finishes (every question answered, or "Hand in now"); it is *late* when that is after the due
time. Late work is accepted and counts like work on time; it is only marked late. Before a
student hands in, the due time passing makes the assignment *overdue* (shown beside "not
started" or "in progress"), not a different status.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from ..classes.queries import member_class_ids
from ..extensions import db
from ..models import Assignment, Quiz

__all__ = ["Progress", "Status", "Try", "assigned_to", "progress_of", "tries_of"]


class Status(Enum):
    """A student's status on one assignment; the value is the word pages and CSV use."""

    NOT_STARTED = "not started"
    IN_PROGRESS = "in progress"
    DONE = "done"
    LATE = "late"


@dataclass(frozen=True)
class Try:
    """One try: its quiz and when it started and finished (None: not yet)."""

    quiz_id: int
    started_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True)
class Progress:
    """A student's status on an assignment and the tries behind it."""

    status: Status
    tries: tuple[Try, ...]
    handed_in_at: datetime | None
    overdue: bool
    """Past the due time and not handed in."""

    @property
    def label(self) -> str:
        """The status for people: ``done``, ``late``, ``not started (overdue)``..."""
        return self.status.value + (" (overdue)" if self.overdue else "")

    @property
    def unfinished(self) -> Try | None:
        """The try to resume, if any."""
        return next((t for t in self.tries if t.finished_at is None), None)

    @property
    def last_finished(self) -> Try | None:
        """The latest try handed in, if any (its results page)."""
        done = [t for t in self.tries if t.finished_at is not None]
        return max(done, key=lambda t: (t.finished_at, t.quiz_id)) if done else None


def progress_of(assignment: Assignment, tries: Iterable[Try], now: datetime) -> Progress:
    """A student's progress from their tries at ``assignment`` (pure)."""
    ordered = tuple(sorted(tries, key=lambda t: (t.started_at, t.quiz_id)))
    finished = [t.finished_at for t in ordered if t.finished_at is not None]
    handed_in = min(finished) if finished else None
    if handed_in is not None:
        status = Status.LATE if assignment.is_late(handed_in) else Status.DONE
    else:
        status = Status.IN_PROGRESS if ordered else Status.NOT_STARTED
    overdue = handed_in is None and assignment.is_late(now)
    return Progress(status, ordered, handed_in, overdue)


def tries_of(
    assignment_ids: Iterable[int], user_ids: Iterable[int]
) -> dict[tuple[int, int], list[Try]]:
    """``(assignment id, user id)`` -> the tries, for these assignments and students (one query)."""
    assignment_ids, user_ids = list(assignment_ids), list(user_ids)
    if not assignment_ids or not user_ids:
        return {}
    rows = db.session.execute(
        select(Quiz.assignment_id, Quiz.user_id, Quiz.id, Quiz.started_at, Quiz.finished_at)
        .where(Quiz.assignment_id.in_(assignment_ids), Quiz.user_id.in_(user_ids))
        .order_by(Quiz.started_at, Quiz.id)
    )
    found: dict[tuple[int, int], list[Try]] = defaultdict(list)
    for assignment_id, user_id, quiz_id, started, finished in rows:
        found[(assignment_id, user_id)].append(Try(quiz_id, started, finished))
    return found


RECENT_DONE_DAYS = 7
"""Work handed in stays on the home page until this many days after its due time."""


def assigned_to(user_id: int, now: datetime) -> list[tuple[Assignment, Progress]]:
    """The student's assignments for the home page, soonest due first (two queries).

    Everything not handed in is listed (open or not yet); handed-in work until
    ``RECENT_DONE_DAYS`` after its due time.
    """
    assignments = list(
        db.session.execute(
            select(Assignment)
            .where(Assignment.classroom_id.in_(member_class_ids(user_id)))
            .options(joinedload(Assignment.classroom))  # the page shows its name and zone
            .order_by(Assignment.due_at, Assignment.id)
        ).scalars()
    )
    tries = tries_of([a.id for a in assignments], [user_id])
    listed = []
    for assignment in assignments:
        progress = progress_of(assignment, tries.get((assignment.id, user_id), []), now)
        recent = (now - assignment.due_at).days < RECENT_DONE_DAYS
        if progress.handed_in_at is None or recent:
            listed.append((assignment, progress))
    return listed
