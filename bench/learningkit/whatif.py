"""What if the app's students studied otherwise? Three questions the full run can ask.

* ``--desired-retention R``: every simulated student saves R as "Desired retention" on the
  Settings page (``srs.operations.save_settings``), as a student may. The app then schedules
  them, and shows their recall, with it. This is the app as it is, with another setting.
* ``--without-reasks``: a counterfactual, **not the app**. A miss is not asked again in its
  sitting: the quiz does not put its misses back (``study.answering.requeue_due_misses`` is
  replaced by "the same list"), and the learning and relearning steps are 16 hours instead of
  10 minutes, so learning ahead does not ask it either. The miss comes back the next day.
  It measures what the product's promise "a miss comes back in the same sitting" costs.
* ``--bank-copies K``: a bank K times as large. Each topic file of ``questions/`` is written K
  times into the run's folder, its ids and topic numbered; the students draw a difficulty for
  each copy as for any question. The app as it is, with more to learn in the same minutes:
  it asks where scheduling starts to pay against a random quiz of the same study time.

All three exist to explain a figure (docs/performance.md), not to pick a default.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import yaml

import quizapp.study.answering as answering
from quizapp.bank.validate import SOURCES_FILE, topic_files
from quizapp.database import write_transaction
from quizapp.models.card import DEFAULT_TIMEZONE
from quizapp.scheduling import rating
from quizapp.scheduling.queue import DEFAULT_LIMITS
from quizapp.srs.operations import save_settings

from .appdriver import QUESTIONS

NEXT_DAY_STEP = timedelta(hours=16)
_APP_SCHEDULER = rating._scheduler


@dataclass(frozen=True)
class WhatIf:
    """How the app's students study in this run (the defaults: as the app is)."""

    desired_retention: float | None = None
    without_reasks: bool = False
    bank_copies: int = 1

    def describe(self) -> str:
        """A few words for the report's header; empty for the app as it is."""
        parts = []
        if self.desired_retention is not None:
            parts.append(f"desired retention {self.desired_retention:.2f}")
        if self.without_reasks:
            parts.append("WITHOUT re-asks in the sitting (a counterfactual, not the app)")
        if self.bank_copies != 1:
            parts.append(f"a bank {self.bank_copies} times as large (each question copied)")
        return ", ".join(parts)

    def questions(self, folder: Path) -> Path:
        """The bank's folder for this run: ``questions/``, or its copies written in ``folder``."""
        if self.bank_copies == 1:
            return QUESTIONS
        return copied_bank(self.bank_copies, folder / "questions")

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


def copied_bank(copies: int, out: Path) -> Path:
    """``questions/`` with each topic file written ``copies`` times into ``out``: ids and topic
    names get ``-n`` / `` n``, everything else (sources, citations) is kept."""
    if copies < 1:
        raise ValueError(f"bank copies must be 1 or more, not {copies}")
    out.mkdir(parents=True)
    sources = (QUESTIONS / SOURCES_FILE).read_text(encoding="utf-8")
    (out / SOURCES_FILE).write_text(sources, encoding="utf-8")
    for path in topic_files(QUESTIONS):
        topic = yaml.safe_load(path.read_text(encoding="utf-8"))
        for n in range(1, copies + 1):
            numbered = copy.deepcopy(topic)
            numbered["topic"] = f"{topic['topic']} {n}"
            for question in numbered["questions"]:
                question["id"] = f"{question['id']}-{n}"
            text = yaml.safe_dump(numbered, allow_unicode=True, sort_keys=False)
            (out / f"{path.stem}-{n}.yaml").write_text(text, encoding="utf-8")
    return out


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
