"""Studying new questions beyond today's new-card limit, like Anki's custom study.

When nothing is due, the Flashcards and Review pages offer "Study N new questions now" while
unseen questions exist, so the queue never says "all done" to a student with questions left.
Flashcards keep the raised allowance in the log-in session for the rest of the local day
(``new_until``: today's new cards may reach that many); Review starts a quiz of N unseen
questions (mode ``new``), whose answers introduce them as any quiz does.
"""

from __future__ import annotations

from datetime import datetime
from itertools import islice
from typing import NamedTuple

from flask import session

from ..bank.spec import Bank
from ..presentation import due_in_words
from .queue import StudyDay, new_question_ids, next_card_due, unseen_count

SESSION_KEY = "extra_new"
BATCH_WHEN_NO_LIMIT = 10
"""How many new questions the offer proposes when the student's new-card limit is 0."""


class Offer(NamedTuple):
    """What a page with nothing ready says: when the next card is due, how many unseen to offer."""

    next_due: str | None
    """e.g. "tomorrow at 09:10" or "in 10 minutes", in the student's zone; None without cards."""
    new: int
    """How many unseen questions "Study N new questions now" would add (0: no offer)."""


def offer(user_id: int, bank: Bank, now: datetime, day: StudyDay) -> Offer:
    """The next due time in words and the size of the new-questions offer."""
    due = next_card_due(user_id, now, day)
    batch = day.settings.limits.new_per_day or BATCH_WHEN_NO_LIMIT
    return Offer(
        due_in_words(due, now, day.settings.zone) if due is not None else None,
        min(batch, unseen_count(user_id, bank)),
    )


def new_until(day: StudyDay) -> int:
    """Today's raised new-card allowance from the session; 0 when none was granted today."""
    granted = session.get(SESSION_KEY)
    if not granted or granted.get("day") != day.today.start.isoformat():
        return 0
    return int(granted.get("until", 0))


def grant(day: StudyDay, extra: int) -> None:
    """Let ``extra`` more new cards be asked today, beyond what is done and allowed so far."""
    base = max(day.today.new_done, day.settings.limits.new_per_day, new_until(day))
    session[SESSION_KEY] = {"day": day.today.start.isoformat(), "until": base + extra}


def first_unseen(user_id: int, bank: Bank, day: StudyDay) -> list[str]:
    """The unseen questions a "new" quiz asks, in bank order: one offer's worth."""
    batch = day.settings.limits.new_per_day or BATCH_WHEN_NO_LIMIT
    return list(islice(new_question_ids(user_id, bank), batch))
