"""What if the app's students studied otherwise? Two questions the full run can ask.

* ``--desired-retention R``: every simulated student saves R as "Desired retention" on the
  Settings page (``srs.operations.save_settings``), as a student may. The app then schedules
  them, and shows their recall, with it. This is the app as it is, with another setting.
* ``--without-reasks``: a counterfactual, **not the app**. A miss is not asked again in its
  sitting: the quiz does not put its misses back (``study.answering.requeue_due_misses`` is
  replaced by "the same list"), and the learning and relearning steps are 16 hours instead of
  10 minutes, so learning ahead does not ask it either. The miss comes back the next day.
  It measures what the product's promise "a miss comes back in the same sitting" costs.

Both exist to explain a figure (docs/performance.md), not to pick a default.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta

import quizapp.study.answering as answering
from quizapp.database import write_transaction
from quizapp.models.card import DEFAULT_TIMEZONE
from quizapp.scheduling import rating
from quizapp.scheduling.queue import DEFAULT_LIMITS
from quizapp.srs.operations import save_settings

NEXT_DAY_STEP = timedelta(hours=16)
_APP_SCHEDULER = rating._scheduler


@dataclass(frozen=True)
class WhatIf:
    """How the app's students study in this run (the defaults: as the app is)."""

    desired_retention: float | None = None
    without_reasks: bool = False

    def describe(self) -> str:
        """A few words for the report's header; empty for the app as it is."""
        parts = []
        if self.desired_retention is not None:
            parts.append(f"desired retention {self.desired_retention:.2f}")
        if self.without_reasks:
            parts.append("WITHOUT re-asks in the sitting (a counterfactual, not the app)")
        return ", ".join(parts)

    def settle(self, user_id: int) -> None:
        """Save the student's settings this run asks for (nothing for the defaults)."""
        if self.desired_retention is None:
            return
        with write_transaction():
            save_settings(
                user_id,
                self.desired_retention,
                DEFAULT_LIMITS.new_per_day,
                DEFAULT_LIMITS.reviews_per_day,
                DEFAULT_TIMEZONE,
            )

    @contextmanager
    def applied(self) -> Iterator[None]:
        """The counterfactual in force while the app's students study (nothing otherwise)."""
        if not self.without_reasks:
            yield
            return
        requeue, scheduler = answering.requeue_due_misses, rating._scheduler
        answering.requeue_due_misses = _same_list
        rating._scheduler = _next_day_steps
        try:
            yield
        finally:
            answering.requeue_due_misses, rating._scheduler = requeue, scheduler


def _same_list(
    user_id: int,
    question_ids: Sequence[str],
    position: int,
    now: datetime,
    *,
    answers: object = (),
) -> list[str]:
    return list(question_ids)


def _next_day_steps(settings: rating.SchedulerSettings) -> object:
    steps = (NEXT_DAY_STEP,)
    changed = dataclasses.replace(settings, learning_steps=steps, relearning_steps=steps)
    return _APP_SCHEDULER(changed)


AS_IS = WhatIf()
"""The app as it is, with its default settings."""
